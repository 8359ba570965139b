// Notebook 04, Text preprocessing: retrieval metrics, a bigram language model, a classic NLP pipeline, tokenizers and TF-IDF.
// Each exercise is a function `params -> Result` between `// == id` markers; the table at the bottom lists them.
#include <vector>

#include "core/exercises/notebooks.hpp"

namespace lab::exercises {

std::vector<Exercise> notebook04() {
  std::vector<Exercise> list;

  list.push_back(Exercise{"04.1", "TF-IDF vs BM25: precision@k",
      "Retrieve documents for four queries with TF-IDF cosine similarity and with BM25, and compare precision at k.",
      {},
      "Query: \"neural network deep learning\" | TF-IDF P@3: 0.33 | BM25 P@3: 0.33\n"
          "Query: \"nlp text transformer\" | TF-IDF P@3: 0.67 | BM25 P@3: 0.67\n"
          "Query: \"unsupervised clustering\" | TF-IDF P@3: 0.33 | BM25 P@3: 0.33\n"
          "Query: \"time series lstm\" | TF-IDF P@3: 0.33 | BM25 P@3: 0.33\n"
          "\n"
          "Mean P@3: TF-IDF=0.417, BM25=0.417",
      "", {}, nullptr});

  list.push_back(Exercise{"04.2", "Bigram language model",
      "Count word pairs in a small corpus, smooth them, and sample sentences word by word.",
      {},
      "Generated sentences (bigram LM):\n"
          "  1: the model learns from data science is a powerful technique\n"
          "  2: data\n"
          "  3: the mat\n"
          "  4: the rat ran away fast\n"
          "  5: the rat ran away fast",
      "", {}, nullptr});

  list.push_back(Exercise{"04.3", "Preprocessing pipeline to logistic regression",
      "Normalise, tokenise, drop stopwords, stem, vectorise with TF-IDF and classify sentiment with logistic regression.",
      {},
      "Pipeline: normalize → tokenize → stopwords → stem → TF-IDF → LogReg\n"
          "              precision    recall  f1-score   support\n"
          "\n"
          "    negative       1.00      1.00      1.00         2\n"
          "    positive       1.00      1.00      1.00         2\n"
          "\n"
          "    accuracy                           1.00         4\n"
          "   macro avg       1.00      1.00      1.00         4\n"
          "weighted avg       1.00      1.00      1.00         4",
      "", {}, nullptr});

  list.push_back(Exercise{"04.4", "Tokenization edge cases",
      "Split URLs, emoji, code, mixed scripts, contractions and numbers with three tokenizers and compare what each keeps.",
      {},
      "Case            Whitespace      Regex   Aggressive\n"
          "--------------------------------------------------\n"
          "URL                      5         13           13\n"
          "Emoji                    8          6            6\n"
          "Code                     6         10           13\n"
          "Mixed lang               9          9            8\n"
          "Contractions             6         11           15\n"
          "Numbers                  8         13           13\n"
          "\n"
          "Detailed analysis for emoji case:\n"
          "  Whitespace tokens: ['Great', 'job!', '🎉🚀', 'Really', 'loved', 'it', '😍', '#awesome']\n"
          "  Regex tokens:      ['Great', 'job', 'Really', 'loved', 'it', 'awesome']\n"
          "  Key insight: regex tokenizer strips emoji; aggressive strips unicode entirely.\n"
          "  For multilingual or emoji-rich text, use sentencepiece or tiktoken.",
      "", {}, nullptr});

  list.push_back(Exercise{"04.5", "TF-IDF from scratch with sublinear TF and DF thresholds",
      "Build TF-IDF by hand: document frequencies, thresholds that drop rare and ubiquitous terms, smoothed IDF, sublinear term frequency and L2-normalised rows.",
      {},
      "Vocabulary size (after min_df=2 filter): 4\n"
          "Matrix shape: (5, 4)\n"
          "Top terms by IDF (rare/informative): [('machine', 1.6931471805599454), ('data', 1.4054651081081644), ('learning', 1.4054651081081644), ('model', 1.1823215567939547)]\n"
          "Bottom terms by IDF (common/filtered): [('model', 1.1823215567939547), ('data', 1.4054651081081644), ('learning', 1.4054651081081644), ('machine', 1.6931471805599454)]\n"
          "Key insight: sublinear_tf reduces dominance of repeated terms; min_df removes hapax legomena",
      "", {}, nullptr});

  return list;
}

}  // namespace lab::exercises
