// scikit-learn's classification_report (1.2) for integer labels: per-class precision, recall, F1 and support, then
// accuracy (or "micro avg" when the labels asked for are not exactly those present), macro and weighted averages,
// as the same text table (`text(digits)`) and the same dict (`to_dict()`, output_dict=True).
//   precision = tp / (tp + fp), recall = tp / (tp + fn), F1 = 2·p·r / (p + r) (0 when p + r = 0)
//   a 0/0 becomes 0 (zero_division "warn", with a warning) or 0 / 1 (zero_division 0 / 1), as scikit-learn does
// Leaves out sample weights, multilabel input and the "samples" average.
#pragma once

#include <string>
#include <vector>

#include "core/json.hpp"

namespace lab::text {

enum class ZeroDivision { warn, zero, one };

struct ClassScores {
  std::string name;
  double precision = 0.0, recall = 0.0, f1 = 0.0;
  long long support = 0;
};

struct ClassificationReport {
  std::vector<ClassScores> classes;
  bool accuracy_row = true;  // scikit-learn labels the micro average "accuracy" when all present labels are used
  ClassScores micro, macro, weighted;  // names "accuracy" / "micro avg", "macro avg", "weighted avg"
  std::vector<std::string> warnings;   // zero_division "warn": which scores were ill-defined

  std::string text(int digits = 2) const;  // what print(classification_report(...)) shows, ending in "\n"
  json to_dict() const;                    // what output_dict=True returns (accuracy as a single number)
};

// labels: the classes to report, in order (empty = every label in y_true or y_pred, sorted, as scikit-learn).
// target_names: one display name per label (empty = the labels as text). Throws std::invalid_argument when y_true
// and y_pred differ in length, are empty, or target_names has the wrong length for labels found (not given).
ClassificationReport classification_report(const std::vector<int>& y_true, const std::vector<int>& y_pred,
                                           std::vector<int> labels = {}, std::vector<std::string> target_names = {},
                                           ZeroDivision zero_division = ZeroDivision::warn);

}  // namespace lab::text
