// 05.3 Early stopping with patience: watch validation perplexity after every epoch, remember the best epoch, and
// stop once `patience` epochs in a row have failed to beat it by more than min_delta.
//   data    the given val_ppls, or the notebook's simulated U-shaped curve (NumPy's generator, seed 1)
//   stop    the notebook's EarlyStopping, one epoch at a time
//   report  best epoch, stop epoch (epochs count from 0), the epochs run, saved and run past the best, and the
//           curve with the part training never ran; the notebook's own count of "wasted epochs" kept as it printed it
#include <cmath>
#include <optional>
#include <string>
#include <vector>

#include "core/array_json.hpp"
#include "core/charts.hpp"
#include "core/error.hpp"
#include "core/exercise.hpp"
#include "core/exercises/seed.hpp"
#include "core/param_values.hpp"
#include "core/string_format.hpp"

namespace lab::exercises {

namespace {

// The notebook's EarlyStopping: an epoch counts as progress only if it beats the best by more than min_delta;
// after `patience` epochs without progress, training stops.
struct EarlyStopping {
  int patience;
  double min_delta;
  double best_ppl = INFINITY;
  int counter = 0, best_epoch = 0;

  bool step(double val_ppl, int epoch) {  // true: stop now
    if (val_ppl < best_ppl - min_delta) {
      best_ppl = val_ppl;
      counter = 0;
      best_epoch = epoch;
      return false;
    }
    return ++counter >= patience;
  }
};

// The notebook's simulated U-shaped curve: np.random.seed(seed), falling until epoch 8, then rising, with noise.
std::vector<double> simulated_val_ppls(int epochs, NumpyRandom& rng) {
  std::vector<double> ppls;
  for (int ep = 0; ep < epochs; ++ep) {
    ppls.push_back(ep < 8 ? 30 - 2.5 * ep + rng.randn() * 0.5 : 11 + 0.8 * (ep - 8) + rng.randn() * 0.5);
  }
  return ppls;
}

// 1st, 2nd, 3rd, 4th, …, 11th, 12th, 13th, 21st, …
std::string ordinal(int n) {
  const int last_two = n % 100, last = n % 10;
  const char* suffix = (last_two >= 11 && last_two <= 13) ? "th"
                       : last == 1                        ? "st"
                       : last == 2                        ? "nd"
                       : last == 3                        ? "rd"
                                                          : "th";
  return std::to_string(n) + suffix;
}

std::vector<double> given_val_ppls(const json& values) {
  std::vector<double> ppls;
  for (std::size_t i = 0; i < values.size(); ++i) {
    const json& v = values[i];
    const std::string path = "val_ppls[" + std::to_string(i) + "]";
    if (!v.is_number() || !std::isfinite(v.get<double>())) {
      fail_param("val_ppls", path + " must be a finite number (got " + shown_value(v) + ")");
    }
    // A perplexity is exp(mean cross-entropy) and a cross-entropy is never negative.
    if (v.get<double>() < 1.0) {
      fail_param("val_ppls", path + " must be at least 1, as every perplexity is (got " + shown_value(v) + ")");
    }
    ppls.push_back(v.get<double>());
  }
  return ppls;
}

// Feeds the epochs to `stopper` until it says stop; the epoch it stopped at, or none when it never did.
std::optional<int> run_epochs(const std::vector<double>& ppls, EarlyStopping& stopper) {
  for (int epoch = 0; epoch < int(ppls.size()); ++epoch) {
    if (stopper.step(ppls[std::size_t(epoch)], epoch)) return epoch;
  }
  return std::nullopt;
}

Result report(const std::vector<double>& ppls, bool simulated, const EarlyStopping& stopper,
              std::optional<int> stopped_at) {
  Result result;
  const int n_epochs = int(ppls.size());
  // Epochs are numbered from 0, as in the notebook: stopping at epoch s means s + 1 epochs ran.
  const int epochs_run = stopped_at ? *stopped_at + 1 : n_epochs;
  const int skipped = n_epochs - epochs_run;
  const int past_best = epochs_run - 1 - stopper.best_epoch;  // run after the best one: the price of patience
  const int notebook_wasted = (stopped_at ? *stopped_at : n_epochs) - stopper.best_epoch - 1;  // the notebook's
  result.data["best_epoch"] = stopper.best_epoch;
  result.data["best_ppl"] = stopper.best_ppl;
  result.data["stopped_at"] = stopped_at ? json(*stopped_at) : json(nullptr);
  result.data["val_ppls"] = to_json(ppls);
  result.data["simulated"] = simulated;
  result.data["notebook_printed"] =
      "Stopped at epoch: " + (stopped_at ? std::to_string(*stopped_at) : std::string("None")) +
      format(" (saved %d wasted epochs)", notebook_wasted);
  result.metrics["best_epoch"] = stopper.best_epoch;
  result.metrics["best_ppl"] = stopper.best_ppl;
  result.metrics["stopped_at"] = result.data["stopped_at"];
  result.metrics["epochs_run"] = epochs_run;
  result.metrics["epochs_skipped"] = skipped;
  result.metrics["epochs_past_best"] = past_best;

  json epochs = json::array(), seen = json::array(), unseen = json::array();
  for (int e = 0; e < n_epochs; ++e) {
    epochs.push_back(e);
    const bool run = !stopped_at || e <= *stopped_at;
    seen.push_back(run ? json(ppls[std::size_t(e)]) : json(nullptr));
    unseen.push_back(!run || (stopped_at && e == *stopped_at) ? json(ppls[std::size_t(e)]) : json(nullptr));
  }
  json chart = line_chart(format("Early Stopping with Patience=%d", stopper.patience), "Epoch (from 0)", "Perplexity",
                          epochs, {{"Val Perplexity", seen}, {"after the stop (never run)", unseen}});
  add_marker(chart, stopper.best_epoch, format("Best epoch (%d)", stopper.best_epoch));
  if (stopped_at) add_marker(chart, *stopped_at, format("Early stop (%d)", *stopped_at));
  if (simulated) set_note(chart, "simulated: the notebook's U-shaped curve with NumPy noise, not a training run");
  result.add_chart("val_ppls", std::move(chart));

  result.print(format("Best epoch: %d, Best PPL: %.2f", stopper.best_epoch, stopper.best_ppl));
  result.print(
      stopped_at ? format("Stopped at epoch: %d (counting from 0: %d of %d epochs ran, %d were saved, %d ran "
                          "past the best)",
                          *stopped_at, epochs_run, n_epochs, skipped, past_best)
                 : format("Stopped at epoch: None (all %d epochs ran, %d of them past the best)", n_epochs, past_best));
  result.insight =
      stopped_at
          ? format(
                "Validation perplexity bottomed out at epoch %d (%.2f; epochs count from 0, as in the notebook). "
                "After %d epochs without a gain of more than %g, training stopped at epoch %d, its %s epoch: it "
                "saved the last %d of %d epochs, and the %d it ran past the best are the price of patience.",
                stopper.best_epoch, stopper.best_ppl, stopper.patience, stopper.min_delta, *stopped_at,
                ordinal(epochs_run).c_str(), skipped, n_epochs, past_best)
          : format(
                "Perplexity never stalled for %d epochs in a row, so training ran all %d epochs; the best was "
                "epoch %d (%.2f, counting from 0).",
                stopper.patience, n_epochs, stopper.best_epoch, stopper.best_ppl);
  return result;
}

Result run_early_stopping(const Params& params, const RunContext&) {
  const bool simulated = params.value("val_ppls").empty();
  std::vector<double> ppls;
  if (simulated) {
    NumpyRandom rng = seeded_random(params);
    ppls = simulated_val_ppls(params.count("epochs"), rng);
  } else {
    ppls = given_val_ppls(params.value("val_ppls"));
  }
  EarlyStopping stopper{params.count("patience"), params.number("min_delta")};
  const std::optional<int> stopped_at = run_epochs(ppls, stopper);
  return report(ppls, simulated, stopper, stopped_at);
}

}  // namespace

Exercise early_stopping_exercise() {
  return {
      "05.3",
      {array_param(
           "val_ppls", json::array(), 0, 10000,
           "validation perplexity per epoch, each at least 1; empty = the notebook's simulated curve (NumPy, seed)"),
       size_param("epochs", 20, 1, 10000, "epochs of the simulated curve; capped at 10000"),
       integer_param("patience", 3, 1, 10000, "epochs without improvement before stopping"),
       number_param("min_delta", 0.001, 0, 1e9, "smallest decrease that counts as an improvement"),
       seed_param(1, "NumPy seed of the simulated curve")},
      run_early_stopping};
}

}  // namespace lab::exercises
