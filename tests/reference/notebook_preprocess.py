"""The notebook's 04.3 preprocessing, verbatim (normalize -> tokenize -> stopwords -> stem), shared by the
reference scripts that need it (make_notebook_reference.py, make_sklearn_reference.py)."""
import re


def simple_stem(word):
    suffixes = ['ing', 'tion', 'ed', 'ly', 'er', 'es', 's']
    for suffix in suffixes:
        if word.endswith(suffix) and len(word) - len(suffix) > 3:
            return word[:-len(suffix)]
    return word


STOPWORDS = {'the', 'a', 'an', 'is', 'it', 'in', 'on', 'at', 'to', 'for', 'of', 'and', 'or', 'but', 'this', 'that',
             'with', 'was', 'are', 'be', 'as', 'by'}


def normalize(text):
    text = text.lower()
    text = re.sub(r'http\S+', '', text)
    text = re.sub(r'[^a-z0-9\s]', ' ', text)
    text = re.sub(r'\s+', ' ', text).strip()
    return text


def preprocess(text):
    tokens = normalize(text).split()
    tokens = [t for t in tokens if t not in STOPWORDS and len(t) > 2]
    tokens = [simple_stem(t) for t in tokens]
    return ' '.join(tokens)
