#include "core/text/classification_report.hpp"

#include <algorithm>
#include <set>
#include <stdexcept>

#include "core/string_format.hpp"

namespace lab::text {

namespace {

struct Counts {
  long long tp = 0, predicted = 0, actual = 0;
};

double divide(long long numerator, long long denominator, ZeroDivision zero_division, bool& ill_defined) {
  if (denominator == 0) {
    ill_defined = true;
    return zero_division == ZeroDivision::one ? 1.0 : 0.0;
  }
  return static_cast<double>(numerator) / static_cast<double>(denominator);
}

// precision, recall and F1 from counts, with scikit-learn's order of operations ((1 + β²)·p·r / (β²·p + r)).
ClassScores score(const std::string& name, const Counts& c, ZeroDivision zero_division,
                  std::vector<std::string>& warnings, const std::string& what) {
  ClassScores s;
  s.name = name;
  bool precision_ill = false, recall_ill = false;
  s.precision = divide(c.tp, c.predicted, zero_division, precision_ill);
  s.recall = divide(c.tp, c.actual, zero_division, recall_ill);
  const double denominator = s.precision + s.recall;
  s.f1 = 2.0 * s.precision * s.recall / (denominator == 0.0 ? 1.0 : denominator);
  s.support = c.actual;
  if (zero_division == ZeroDivision::warn) {
    if (precision_ill)
      warnings.push_back("Precision and F-score are ill-defined and being set to 0.0 for " + what +
                         " (no predicted samples).");
    if (recall_ill)
      warnings.push_back("Recall and F-score are ill-defined and being set to 0.0 for " + what + " (no true samples).");
  }
  return s;
}

std::string pad_left(const std::string& text, std::size_t width) {
  return text.size() >= width ? text : std::string(width - text.size(), ' ') + text;
}

std::string fixed(double value, int digits) { return format("%.*f", digits, value); }

std::string row(const ClassScores& s, std::size_t width, int digits) {
  return pad_left(s.name, width) + " " + " " + pad_left(fixed(s.precision, digits), 9) + " " +
         pad_left(fixed(s.recall, digits), 9) + " " + pad_left(fixed(s.f1, digits), 9) + " " +
         pad_left(std::to_string(s.support), 9) + "\n";
}

json scores_dict(const ClassScores& s) {
  return {{"precision", s.precision}, {"recall", s.recall}, {"f1-score", s.f1}, {"support", s.support}};
}

}  // namespace

ClassificationReport classification_report(const std::vector<int>& y_true, const std::vector<int>& y_pred,
                                           std::vector<int> labels, std::vector<std::string> target_names,
                                           ZeroDivision zero_division) {
  if (y_true.size() != y_pred.size()) throw std::invalid_argument("y_true and y_pred must have the same length");
  if (y_true.empty()) throw std::invalid_argument("classification_report needs at least one sample");
  std::set<int> present(y_true.begin(), y_true.end());
  present.insert(y_pred.begin(), y_pred.end());
  const bool labels_given = !labels.empty();
  if (!labels_given) labels.assign(present.begin(), present.end());
  if (!target_names.empty() && target_names.size() != labels.size() && !labels_given) {
    throw std::invalid_argument("Number of classes, " + std::to_string(labels.size()) +
                                ", does not match size of target_names, " + std::to_string(target_names.size()) +
                                ". Try specifying the labels parameter");
  }
  if (target_names.empty()) {
    for (int label : labels) target_names.push_back(std::to_string(label));
  }

  ClassificationReport report;
  report.accuracy_row = !labels_given || std::set<int>(labels.begin(), labels.end()) == present;
  std::vector<Counts> counts(labels.size());
  Counts total;
  for (std::size_t k = 0; k < labels.size(); ++k) {
    for (std::size_t i = 0; i < y_true.size(); ++i) {
      const bool actual = y_true[i] == labels[k], predicted = y_pred[i] == labels[k];
      counts[k].tp += actual && predicted;
      counts[k].actual += actual;
      counts[k].predicted += predicted;
    }
    total.tp += counts[k].tp;
    total.actual += counts[k].actual;
    total.predicted += counts[k].predicted;
    const std::string name = k < target_names.size() ? target_names[k] : std::to_string(labels[k]);
    report.classes.push_back(score(name, counts[k], zero_division, report.warnings, "class " + name));
  }
  std::vector<std::string> ignored;
  report.micro = score(report.accuracy_row ? "accuracy" : "micro avg", total, zero_division, ignored, "");
  report.micro.support = total.actual;

  // macro: np.average without weights (sum, then / K); weighted: Σ x·support / Σ support.
  const double k = static_cast<double>(labels.size());
  report.macro.name = "macro avg";
  report.weighted.name = "weighted avg";
  double macro_p = 0, macro_r = 0, macro_f = 0, weighted_p = 0, weighted_r = 0, weighted_f = 0;
  for (const ClassScores& s : report.classes) {
    macro_p += s.precision, macro_r += s.recall, macro_f += s.f1;
    weighted_p += s.precision * s.support, weighted_r += s.recall * s.support, weighted_f += s.f1 * s.support;
  }
  report.macro.precision = macro_p / k, report.macro.recall = macro_r / k, report.macro.f1 = macro_f / k;
  report.macro.support = total.actual;
  report.weighted.support = total.actual;
  if (total.actual == 0) {  // scikit-learn's special case: no true samples among the labels at all
    const double value = zero_division == ZeroDivision::one ? 1.0 : 0.0;
    report.weighted.precision = total.predicted == 0 ? value : 0.0;
    report.weighted.recall = value;
    report.weighted.f1 = total.predicted == 0 ? value : 0.0;
  } else {
    const double w = static_cast<double>(total.actual);
    report.weighted.precision = weighted_p / w, report.weighted.recall = weighted_r / w;
    report.weighted.f1 = weighted_f / w;
  }
  return report;
}

std::string ClassificationReport::text(int digits) const {
  std::size_t width = std::string("weighted avg").size();
  for (const ClassScores& s : classes) width = std::max(width, s.name.size());
  width = std::max(width, static_cast<std::size_t>(digits));
  std::string out = pad_left("", width) + " " + " " + pad_left("precision", 9) + " " + pad_left("recall", 9) + " " +
                    pad_left("f1-score", 9) + " " + pad_left("support", 9) + "\n\n";
  for (const ClassScores& s : classes) out += row(s, width, digits);
  out += "\n";
  if (accuracy_row) {
    out += pad_left("accuracy", width) + " " + " " + std::string(9, ' ') + " " + std::string(9, ' ') + " " +
           pad_left(fixed(micro.f1, digits), 9) + " " + pad_left(std::to_string(micro.support), 9) + "\n";
  } else {
    out += row(micro, width, digits);
  }
  out += row(macro, width, digits);
  out += row(weighted, width, digits);
  return out;
}

json ClassificationReport::to_dict() const {
  json out = json::object();
  for (const ClassScores& s : classes) out[s.name] = scores_dict(s);
  if (accuracy_row) {
    out["accuracy"] = micro.precision;
  } else {
    out["micro avg"] = scores_dict(micro);
  }
  out["macro avg"] = scores_dict(macro);
  out["weighted avg"] = scores_dict(weighted);
  return out;
}

}  // namespace lab::text
