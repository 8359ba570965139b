#!/usr/bin/python3
"""Writes sklearn_reference.json: what scikit-learn 1.2.1 and NumPy 1.24 compute for the lab's text pipelines
(tests/core/test_numpy_argsort.cpp, test_tfidf_vectorizer.cpp, test_logistic_regression.cpp,
test_classification_report.cpp, test_notebook04.cpp):
  - np.argsort (default quicksort) of int64 arrays full of ties (scikit-learn's max_features tie-break);
  - TfidfVectorizer: feature names, idf, fit_transform rows and transform rows, for several option sets;
  - notebook 04.1's TF-IDF ranking per query;
  - notebook 04.3's pipeline: preprocessed texts, vocabulary, LogisticRegression(max_iter=1000) coefficients,
    predictions and probabilities, the same model at its exact optimum (newton-cg, tol=1e-14), and the report;
  - LogisticRegression on two more data sets; classification_report text and dict for many label pairs.
Run with Debian's python3-sklearn: /usr/bin/python3 tests/reference/make_sklearn_reference.py"""
import json
import os

import numpy as np
import sklearn
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import classification_report
from sklearn.metrics.pairwise import cosine_similarity
from notebook_preprocess import preprocess  # the notebook's 04.3 steps

out = {"sklearn_version": sklearn.__version__, "numpy_version": np.__version__}

# --- np.argsort of int64 with ties -------------------------------------------------------------------------
rng = np.random.RandomState(3)
argsorts = []
for n, top in [(1, 3), (5, 2), (16, 3), (17, 3), (30, 4), (100, 5), (257, 6), (1000, 10), (3000, 40)]:
    values = -rng.randint(1, top + 1, size=n).astype(np.int64)
    argsorts.append({"values": values.tolist(), "argsort": values.argsort().tolist()})
organ = np.array(list(range(200)) + list(range(200, 0, -1)), dtype=np.int64)  # organ pipe: deep partitions
argsorts.append({"values": organ.tolist(), "argsort": organ.argsort().tolist()})
out["argsort"] = argsorts


# --- TfidfVectorizer ---------------------------------------------------------------------------------------
def dense(matrix):
    return matrix.toarray().tolist()


def vectorizer_case(name, docs, queries, ngram_range=(1, 1), max_features=None, sublinear_tf=False):
    vec = TfidfVectorizer(ngram_range=ngram_range, max_features=max_features, sublinear_tf=sublinear_tf)
    X = vec.fit_transform(docs)
    return {
        "name": name,
        "options": {"ngram_min": ngram_range[0], "ngram_max": ngram_range[1], "max_features": max_features,
                    "sublinear_tf": sublinear_tf},
        "docs": docs,
        "queries": queries,
        "features": vec.get_feature_names_out().tolist(),
        "idf": vec.idf_.tolist(),
        "rows": dense(X),
        "query_rows": dense(vec.transform(queries)),
    }


DOCS_041 = [
    "python machine learning scikit learn",
    "deep learning pytorch neural network training",
    "natural language processing text classification",
    "data science statistics regression analysis",
    "computer vision image recognition convolutional",
    "reinforcement learning reward optimization policy",
    "transformer bert attention nlp fine tuning",
    "clustering kmeans unsupervised learning data",
    "recommendation system collaborative filtering",
    "time series forecasting lstm recurrent network",
]
QUERIES_041 = ["neural network deep learning", "nlp text transformer", "unsupervised clustering", "time series lstm"]

words = ["w%02d" % i for i in range(40)]
tie_docs = [" ".join(rng.choice(words, size=rng.randint(3, 9))) for _ in range(30)]
unicode_docs = [
    "ΟΔΟΣ και ΣΟΦΟΣ: η οδός του Σωκράτη",
    "İstanbul'da KELVIN \u212a ışık Straße STRASSE",
    "東京 東京タワー 日本語 テキスト 한국어 텍스트",
    "snake_case __init__ x_1 emoji 🎉 party🎉time",
    "café CAFÉ cafe\u0301 naïve NAÏVE ١٢٣ 123",
]

out["tfidf"] = [
    vectorizer_case("04.1 defaults", DOCS_041, QUERIES_041),
    vectorizer_case("max_features=12 among tied counts", tie_docs, ["w01 w02 w03", "w39"], max_features=12),
    vectorizer_case("bigrams, max_features=25, ties", tie_docs, ["w05 w06 w07 w08"], ngram_range=(1, 2),
                    max_features=25),
    vectorizer_case("unicode, lowercase and \\w\\w+", unicode_docs, ["οδος σοφος", "istanbul straße", "unknown"]),
    vectorizer_case("sublinear tf, 1-3 grams", tie_docs[:10] + ["a a a b b", "repeat repeat repeat repeat"],
                    ["repeat repeat", "w10 w11"], ngram_range=(1, 3), sublinear_tf=True),
    vectorizer_case("2-grams only", DOCS_041, QUERIES_041, ngram_range=(2, 2)),
]

# --- 04.1 TF-IDF ranking -------------------------------------------------------------------------------------
tfidf = TfidfVectorizer()
doc_vecs = tfidf.fit_transform(DOCS_041)
ranking = []
for q in QUERIES_041 + ["quantum computing", "learning data network"]:
    scores = cosine_similarity(tfidf.transform([q]), doc_vecs)[0]
    ranking.append({"query": q, "scores": scores.tolist(), "top3": np.argsort(-scores)[:3].tolist()})
out["ranking_041"] = ranking


# --- 04.3 pipeline ------------------------------------------------------------------------------------------
def exact_fit(X, y, C):
    """The optimum itself: scikit-learn's Newton solver to tol=1e-14 (lbfgs stops at scipy's ftol, near 1e-5 in
    the gradient, whatever tol says). Its gradient is checked to be below 1e-7."""
    model = LogisticRegression(C=C, solver="newton-cg", tol=1e-14, max_iter=10000).fit(X, y)
    X = X.toarray() if hasattr(X, "toarray") else np.asarray(X)
    z = X @ model.coef_[0] + model.intercept_[0]
    r = 1.0 / (1.0 + np.exp(-z)) - np.asarray(y)
    gradient = np.concatenate([X.T @ r + model.coef_[0] / C, [r.sum()]])
    assert np.abs(gradient).max() < 1e-7, np.abs(gradient).max()
    return model




TRAIN_043 = [
    ("This product is amazing and works perfectly", 1),
    ("Terrible quality, completely broken on arrival", 0),
    ("Great value for the price, highly recommended", 1),
    ("Worst purchase ever, waste of money", 0),
    ("Excellent customer service and fast shipping", 1),
    ("Stopped working after one day, very disappointed", 0),
    ("Outstanding quality and beautiful design", 1),
    ("Poor build quality, not as described", 0),
] * 5
TEST_043 = [
    ("Really love this product, working great", 1),
    ("Broken and useless, terrible", 0),
    ("Good quality and fast delivery", 1),
    ("Not working at all, very bad", 0),
]


def pipeline_case(name, train, test, max_features=200, ngram_range=(1, 2), C=1.0):
    X_train = [preprocess(t) for t, _ in train]
    y_train = [y for _, y in train]
    X_test = [preprocess(t) for t, _ in test]
    y_test = [y for _, y in test]
    vec = TfidfVectorizer(max_features=max_features, ngram_range=ngram_range)
    X_tr = vec.fit_transform(X_train)
    X_te = vec.transform(X_test)
    clf = LogisticRegression(max_iter=1000, C=C).fit(X_tr, y_train)
    exact = exact_fit(X_tr, y_train, C)
    preds = clf.predict(X_te)
    return {
        "name": name,
        "train": [[t, y] for t, y in train],
        "test": [[t, y] for t, y in test],
        "max_features": max_features,
        "C": C,
        "train_preprocessed": X_train,
        "test_preprocessed": X_test,
        "features": vec.get_feature_names_out().tolist(),
        "X_train": dense(X_tr),
        "X_test": dense(X_te),
        "coef": clf.coef_[0].tolist(),
        "intercept": float(clf.intercept_[0]),
        "exact_coef": exact.coef_[0].tolist(),
        "exact_intercept": float(exact.intercept_[0]),
        "predictions": preds.tolist(),
        "probabilities": clf.predict_proba(X_te)[:, 1].tolist(),
        "exact_probabilities": exact.predict_proba(X_te)[:, 1].tolist(),
        "report_text": classification_report(y_test, preds, target_names=['negative', 'positive']),
        "report_dict": classification_report(y_test, preds, target_names=['negative', 'positive'],
                                             output_dict=True),
    }


harder_train = TRAIN_043[:8] + [
    ("Not great, not terrible, just okay quality", 0),
    ("Great design but broken after a week", 0),
    ("Fast shipping and the quality is fine", 1),
    ("Money well spent, works as described", 1),
    ("Disappointed with the price but good service", 1),
    ("Very bad customer service, slow shipping", 0),
]
harder_test = [
    ("Great quality, fast shipping", 1),
    ("Broken on arrival, waste of money", 0),
    ("Not as described, poor quality", 0),
    ("Beautiful design and works perfectly", 1),
    ("Shipping was slow but the product works", 1),
    ("Okay value", 0),
]
out["pipeline_043"] = [
    pipeline_case("notebook defaults", TRAIN_043, TEST_043),
    pipeline_case("harder data, 40 features, C=0.5", harder_train, harder_test, max_features=40, C=0.5),
    pipeline_case("unigrams, 10 features, C=10", harder_train, harder_test, max_features=10, ngram_range=(1, 1), C=10.0),
]

# --- LogisticRegression on dense data ------------------------------------------------------------------------
lr_cases = []
for name, n, d, C, seed in [("overlapping Gaussians", 80, 5, 1.0, 0), ("many features, few samples", 20, 50, 1.0, 1),
                            ("strong regularisation", 60, 3, 0.01, 2), ("weak regularisation", 60, 3, 100.0, 4)]:
    r = np.random.RandomState(seed)
    X = r.randn(n, d)
    w = r.randn(d)
    y = (X @ w + 0.8 * r.randn(n) > 0.3).astype(int)
    exact = exact_fit(X, y, C)
    lr_cases.append({"name": name, "C": C, "X": X.tolist(), "y": y.tolist(), "coef": exact.coef_[0].tolist(),
                     "intercept": float(exact.intercept_[0]),
                     "probabilities": exact.predict_proba(X)[:, 1].tolist(),
                     "predictions": exact.predict(X).tolist()})
out["logistic_regression"] = lr_cases

# --- classification_report -----------------------------------------------------------------------------------
reports = []
for y_true, y_pred, labels, names, zero_division in [
    ([1, 0, 1, 0], [1, 0, 1, 0], None, ["negative", "positive"], "warn"),
    ([1, 0, 1, 0, 1, 1, 0], [1, 1, 1, 0, 0, 1, 0], None, ["negative", "positive"], "warn"),
    ([0, 0, 0, 1], [0, 0, 0, 0], None, ["negative", "positive"], "warn"),
    ([0, 0, 0, 1], [0, 0, 0, 0], None, ["negative", "positive"], 1),
    ([1, 1, 1], [1, 1, 1], [0, 1], ["negative", "positive"], "warn"),
    ([1, 1, 1], [1, 0, 1], [0, 1], ["negative", "positive"], 0),
    ([0, 1, 2, 2, 1, 0, 2], [0, 2, 2, 2, 1, 1, 0], None, ["a very long class name", "b", "c"], "warn"),
    ([3, 7, 7, 3], [7, 7, 3, 3], None, None, "warn"),
]:
    kwargs = dict(labels=labels, target_names=names, zero_division=zero_division)
    reports.append({
        "y_true": y_true, "y_pred": y_pred, "labels": labels, "target_names": names,
        "zero_division": str(zero_division),
        "text": classification_report(y_true, y_pred, **kwargs),
        "dict": classification_report(y_true, y_pred, output_dict=True, **kwargs),
    })
out["classification_report"] = reports

here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, "sklearn_reference.json"), "w", encoding="ascii") as f:
    json.dump(out, f, ensure_ascii=True)
print("wrote sklearn_reference.json")
