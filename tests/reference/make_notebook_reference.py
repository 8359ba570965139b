#!/usr/bin/python3
"""Writes notebook_reference.json: the notebooks' own Python classes (copied verbatim from
the course's notebook_solutions.txt) run on the notebook's data and on other inputs, so the lab's C++ can
be checked beyond the notebook's printed lines (tests/core/test_bm25.cpp, test_bigram_lm.cpp, test_tfidf_scratch.cpp,
test_preprocess.cpp, test_conversation_window.cpp):
  - 03.3 BM25: scores of every document for several queries, on the notebook's corpus and on a Unicode one;
  - 04.2 BigramLM: five sentences for several seeds and smoothings, and P(w2 | w1) for probe pairs;
  - 04.5 TFIDFScratch: vocabulary, idf and matrix for several option sets;
  - 04.3 normalize()/preprocess() of varied texts;
  - 03.5 ConversationManager: (history turns, tokens) after each turn, and the final context.
Run with Debian's python3-numpy: /usr/bin/python3 tests/reference/make_notebook_reference.py"""
import json
import math
import os
from collections import Counter, defaultdict

import numpy as np
from notebook_preprocess import normalize, preprocess, simple_stem  # the notebook's 04.3 steps

out = {"numpy_version": np.__version__}


# ---- 03.3 (verbatim) ----
def tokenize(text): return text.lower().split()


class BM25:
    def __init__(self, corpus, k1=1.5, b=0.75):
        self.k1, self.b = k1, b
        self.docs = [tokenize(d) for d in corpus]
        self.N = len(self.docs)
        self.avgdl = np.mean([len(d) for d in self.docs])
        self.df = Counter(t for doc in self.docs for t in set(doc))

    def score(self, query, doc_idx):
        doc = self.docs[doc_idx]
        tf = Counter(doc)
        dl = len(doc)
        score = 0
        for term in tokenize(query):
            if term not in self.df: continue
            idf = math.log((self.N - self.df[term] + 0.5) / (self.df[term] + 0.5) + 1)
            tf_norm = tf[term] * (self.k1 + 1) / (tf[term] + self.k1 * (1 - self.b + self.b * dl / self.avgdl))
            score += idf * tf_norm
        return score

    def retrieve(self, query, k=3):
        scores = [(i, self.score(query, i)) for i in range(self.N)]
        return sorted(scores, key=lambda x: -x[1])[:k]


CORPUS_033 = [
    "machine learning models require large amounts of training data",
    "deep learning neural networks learn representations automatically",
    "natural language processing enables machines to understand text",
    "transformers use attention mechanisms to process sequences",
    "large language models are trained on internet-scale text data",
    "retrieval augmented generation combines search with language models",
    "fine tuning adapts pretrained models to specific tasks",
    "embeddings represent words as dense vectors in high dimensional space",
]
UNICODE_CORPUS = ["Η ΟΔΟΣ του σοφού", "η οδος και η οδός", "München café CAFÉ", "data data data DATA", "x\u00a0y\u3000z"]


def bm25_case(name, corpus, queries, k1=1.5, b=0.75, k=2):
    bm = BM25(corpus, k1=k1, b=b)
    return {"name": name, "corpus": corpus, "k1": k1, "b": b, "k": k,
            "avgdl": float(bm.avgdl),
            "queries": [{"query": q, "scores": [bm.score(q, i) for i in range(bm.N)],
                         "top": [i for i, _ in bm.retrieve(q, k=k)]} for q in queries]}


out["bm25"] = [
    bm25_case("03.3 defaults", CORPUS_033, ["language model training data", "attention transformer", "text embeddings",
                                            "models models models", "unknown words only"]),
    bm25_case("k1=0.5, b=0.2, k=4", CORPUS_033, ["language models", "to"], k1=0.5, b=0.2, k=4),
    bm25_case("unicode", UNICODE_CORPUS, ["οδος ΟΔΟΣ", "café data", "y"], k=3),
]


# ---- 04.2 (verbatim) ----
class BigramLM:
    def __init__(self, smoothing=0.1):
        self.bigrams = defaultdict(Counter)
        self.vocab = set()
        self.smoothing = smoothing

    def train(self, texts):
        for text in texts:
            tokens = ['<s>'] + text.lower().split() + ['</s>']
            self.vocab.update(tokens)
            for w1, w2 in zip(tokens, tokens[1:]):
                self.bigrams[w1][w2] += 1

    def prob(self, w1, w2):
        counts = self.bigrams[w1]
        total = sum(counts.values()) + self.smoothing * len(self.vocab)
        return (counts[w2] + self.smoothing) / total

    def generate(self, seed='<s>', max_len=15):
        tokens = [seed]
        for _ in range(max_len):
            current = tokens[-1]
            candidates = list(self.bigrams[current].keys())
            if not candidates or tokens[-1] == '</s>':
                break
            probs = np.array([self.prob(current, w) for w in candidates])
            probs /= probs.sum()
            tokens.append(np.random.choice(candidates, p=probs))
        return ' '.join(t for t in tokens if t not in ['<s>', '</s>'])


CORPUS_042 = [
    "the cat sat on the mat", "the cat ate the rat", "the rat ran away fast",
    "machine learning is a powerful technique", "deep learning uses neural networks",
    "the model learns from data", "data science is fun and rewarding",
    "neural networks learn complex patterns", "the algorithm converges to a solution",
]
PROBES = [["the", "cat"], ["the", "dog"], ["machine", "learning"], ["<s>", "the"], ["fast", "</s>"], ["zebra", "the"]]
bigram_cases = []


def safe_prob(lm, w1, w2):  # None where Python raises ZeroDivisionError (smoothing 0 and w1 never seen)
    try:
        return lm.prob(w1, w2)
    except ZeroDivisionError:
        return None


for name, corpus, smoothing, seed, max_len in [("04.2 defaults", CORPUS_042, 0.1, 7, 15),
                                               ("seed 0", CORPUS_042, 0.1, 0, 15),
                                               ("seed 123, smoothing 0.5, max_len 6", CORPUS_042, 0.5, 123, 6),
                                               ("smoothing 0 (pure counts), seed 1", CORPUS_042, 0.0, 1, 15),
                                               ("many followers (pairwise sum)", ["a " + " ".join("w%d" % i for i in range(j, j + 3))
                                                                                  for j in range(40)], 0.1, 5, 4)]:
    np.random.seed(seed)
    lm = BigramLM(smoothing=smoothing)
    lm.train(corpus)
    samples = [lm.generate(max_len=max_len) for _ in range(5)]
    bigram_cases.append({"name": name, "corpus": corpus, "smoothing": smoothing, "seed": seed, "max_len": max_len,
                         "vocab_size": len(lm.vocab), "samples": samples,
                         "probes": [[w1, w2, safe_prob(lm, w1, w2)] for w1, w2 in PROBES]})
out["bigram"] = bigram_cases


# ---- 04.5 (verbatim) ----
class TFIDFScratch:
    def __init__(self, sublinear_tf=True, min_df=2, max_df_ratio=0.9):
        self.sublinear_tf = sublinear_tf
        self.min_df = min_df
        self.max_df_ratio = max_df_ratio
        self.vocab = {}
        self.idf = {}

    def fit(self, docs):
        tokenized = [d.lower().split() for d in docs]
        N = len(docs)
        df = Counter(t for doc in tokenized for t in set(doc))
        self.vocab = {
            t: i for i, t in enumerate(
                sorted(t for t, c in df.items()
                       if c >= self.min_df and c / N <= self.max_df_ratio)
            )
        }
        self.idf = {t: math.log((1 + N) / (1 + df[t])) + 1 for t in self.vocab}
        return self

    def transform(self, docs):
        rows = []
        for doc in docs:
            tokens = doc.lower().split()
            tf_raw = Counter(tokens)
            vec = np.zeros(len(self.vocab))
            for t, idx in self.vocab.items():
                if tf_raw[t] == 0: continue
                tf = (1 + math.log(tf_raw[t])) if self.sublinear_tf else tf_raw[t]
                vec[idx] = tf * self.idf[t]
            norm = np.linalg.norm(vec)
            rows.append(vec / norm if norm > 0 else vec)
        return np.array(rows)


DOCS_045 = [
    "machine learning algorithm data model training",
    "deep learning neural network model architecture",
    "natural language text processing transformer model",
    "data science statistics regression model analysis",
    "machine learning data preprocessing feature engineering",
]
scratch_cases = []
for name, docs, sublinear, min_df, ratio in [
        ("04.5 defaults", DOCS_045, True, 2, 0.9),
        ("raw tf, min_df 1, max_df_ratio 1", DOCS_045 + ["model model model data"], False, 1, 1.0),
        ("sublinear with repeats", DOCS_045 + ["model model model data data"], True, 2, 0.5),
        ("everything filtered", DOCS_045, True, 6, 0.9)]:
    model = TFIDFScratch(sublinear_tf=sublinear, min_df=min_df, max_df_ratio=ratio).fit(docs)
    X = model.transform(docs)
    scratch_cases.append({"name": name, "docs": docs, "sublinear_tf": sublinear, "min_df": min_df,
                          "max_df_ratio": ratio, "vocab": sorted(model.vocab), "idf": model.idf,
                          "matrix": X.tolist(), "shape": list(X.shape),
                          "top": repr(sorted(model.idf.items(), key=lambda x: -x[1])[:5]),
                          "bottom": repr(sorted(model.idf.items(), key=lambda x: x[1])[:5])})
out["tfidf_scratch"] = scratch_cases


# ---- 04.3 normalize / preprocess (verbatim) ----


TEXTS = ["This product is amazing and works perfectly", "Really love this product, working great",
         "Visit https://example.com/a?b=c NOW!!! or http://x.y", "http alone and httpx and xhttp://tail",
         "İstanbul KELVIN \u212a café ÇOK güzel", "Tabs\tand\nnewlines\u00a0nbsp\u3000ideographic",
         "stations, stationed, quickly, runner, boxes, runs, ring, sing, bed", "   ", "a an the is 12 123 abcd",
         "Ünïcödé ＡＢＣ ﬁne ß", "don't won't it's they're", "  leading and trailing  "]
out["preprocess"] = [{"text": t, "normalize": normalize(t), "preprocess": preprocess(t),
                      "stems": {w: simple_stem(w) for w in normalize(t).split()}} for t in TEXTS]


# ---- 03.5 (verbatim class) ----
class ConversationManager:
    def __init__(self, max_tokens: int = 2000, tokens_per_word: float = 1.3):
        self.max_tokens = max_tokens
        self.tpw = tokens_per_word
        self.history = []
        self.system_prompt = "You are a helpful assistant."

    def _estimate_tokens(self, messages):
        return int(sum(len(m['content'].split()) * self.tpw for m in messages))

    def _system_tokens(self):
        return int(len(self.system_prompt.split()) * self.tpw)

    def add_turn(self, role: str, content: str):
        self.history.append({'role': role, 'content': content})
        self._trim_to_fit()

    def _trim_to_fit(self):
        while len(self.history) > 1:
            total = self._system_tokens() + self._estimate_tokens(self.history)
            if total <= self.max_tokens:
                break
            self.history.pop(0)

    def get_context(self):
        return [{'role': 'system', 'content': self.system_prompt}] + self.history

    def token_usage(self):
        return self._system_tokens() + self._estimate_tokens(self.history)


TURNS = [
    ('user', 'What is the capital of France?'),
    ('assistant', 'The capital of France is Paris.'),
    ('user', 'Tell me about the Eiffel Tower in detail.'),
    ('assistant', 'The Eiffel Tower is a wrought iron lattice tower on the Champ de Mars in Paris, France. It was designed by Gustave Eiffel and constructed from 1887 to 1889 as the centerpiece of the 1889 World Fair.'),
    ('user', 'How tall is it?'),
    ('assistant', 'The Eiffel Tower stands 330 meters tall including its broadcast antenna.'),
    ('user', 'What year was it built?'),
]
conversation_cases = []
for name, max_tokens, tpw, system in [("03.5 defaults", 200, 1.3, "You are a helpful assistant."),
                                      ("max_tokens 60", 60, 1.3, "You are a helpful assistant."),
                                      ("max_tokens 10, tpw 0.7", 10, 0.7, "Be brief."),
                                      ("tpw 1.1, long system prompt", 90, 1.1, "You are a helpful assistant " * 5)]:
    mgr = ConversationManager(max_tokens=max_tokens, tokens_per_word=tpw)
    mgr.system_prompt = system
    steps = []
    for role, content in TURNS:
        mgr.add_turn(role, content)
        steps.append([len(mgr.history), mgr.token_usage()])
    conversation_cases.append({"name": name, "max_tokens": max_tokens, "tokens_per_word": tpw,
                               "system_prompt": system, "turns": [list(t) for t in TURNS], "steps": steps,
                               "context": mgr.get_context()})
out["conversation"] = conversation_cases

here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, "notebook_reference.json"), "w", encoding="ascii") as f:
    json.dump(out, f, ensure_ascii=True, indent=1)
print("wrote notebook_reference.json")
