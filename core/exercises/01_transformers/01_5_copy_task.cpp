// 01.5 Train a mini transformer on the copy task: a one-block transformer learns to output its own input.
//   data    a fresh batch of random sequences every step (tokens 1 … V−1); the target is the input
//   model   nn::MiniTransformer: embeddings + a learned position vector, one post-LN block, a linear head
//   train   Adam on the cross-entropy of every position (training_loop.hpp), the loss streamed live
//   report  accuracy on 100 sequences it never saw, per position, and five of them side by side
#include <algorithm>
#include <string>
#include <vector>

#include "core/charts.hpp"
#include "core/exercise.hpp"
#include "core/exercises/attention_params.hpp"
#include "core/exercises/seed.hpp"
#include "core/exercises/training_budget.hpp"
#include "core/exercises/training_loop.hpp"
#include "core/nn/models.hpp"
#include "core/nn/ops.hpp"
#include "core/nn/optimizer.hpp"
#include "core/string_format.hpp"

namespace lab::exercises {

namespace {

using nn::Matrix;

constexpr int kTestSequences = 100;  // fresh sequences for the accuracy, one forward pass after training

// `count` sequences of `seq_len` tokens 1 … vocab−1, like torch.randint(1, vocab, (count, T)).
std::vector<int> random_sequences(int count, int seq_len, int vocab, NumpyRandom& rng) {
  std::vector<int> tokens(std::size_t(count) * seq_len);
  for (int& t : tokens) t = int(rng.randint(1, vocab));
  return tokens;
}

struct Evaluation {
  std::vector<int> test, predicted;  // (100*T) tokens each
  std::vector<int> correct_at;       // correct tokens at each position
  double accuracy = 0.0;
};

// The argmax of every position's logits against the input token (first maximum, like torch.argmax).
Evaluation evaluate(nn::MiniTransformer& model, std::vector<int> test, int seq_len) {
  nn::Tape tape(/*gradients=*/false);
  const Matrix logits = tape.value(model.forward(tape, test, kTestSequences));  // (100*T, V)
  Evaluation e{std::move(test), {}, std::vector<int>(seq_len, 0), 0.0};
  int correct = 0;
  for (std::size_t i = 0; i < e.test.size(); ++i) {
    Eigen::Index best = 0;
    logits.row(Eigen::Index(i)).maxCoeff(&best);
    e.predicted.push_back(int(best));
    if (e.predicted[i] == e.test[i]) {
      ++correct;
      ++e.correct_at[i % std::size_t(seq_len)];
    }
  }
  e.accuracy = double(correct) / double(e.test.size());
  return e;
}

Result report(const LossCurve& curve, const Evaluation& e, int seq_len) {
  Result result;
  result.data["loss"] = curve.values_json();
  json per_position = json::array();
  for (int t = 0; t < seq_len; ++t) per_position.push_back(double(e.correct_at[t]) / kTestSequences);
  result.data["accuracy_per_position"] = per_position;
  result.metrics["accuracy"] = e.accuracy;
  result.metrics["final_loss"] = curve.final_value_json();
  result.metrics["steps_run"] = int(curve.values().size());
  report_divergence(result, curve, "Training");

  json chart = line_chart("Copy Task Training Loss", "Step", "Cross-Entropy Loss", curve.steps_json(),
                          {{"training loss", result.data["loss"]}});
  chart["stream"] = "loss";
  result.add_chart("loss", std::move(chart));
  json rows = json::array();
  for (int s = 0; s < 5; ++s) {
    std::string input, output;
    for (int t = 0; t < seq_len; ++t) {
      input += (t ? " " : "") + std::to_string(e.test[std::size_t(s * seq_len + t)]);
      output += (t ? " " : "") + std::to_string(e.predicted[std::size_t(s * seq_len + t)]);
    }
    rows.push_back({input, output, input == output ? "copied" : "wrong"});
  }
  result.add_table("Five of the 100 test sequences", {"input", "model output", "result"}, std::move(rows));

  result.print(format("Copy task accuracy: %.2f%%", 100.0 * e.accuracy));
  const int steps_run = int(curve.values().size());
  result.insight =
      e.accuracy >= 0.99
          ? format(
                "After %d Adam steps the model copies %.2f%% of the tokens of 100 sequences it never saw. Copying "
                "is easy for a transformer: the residual stream carries each token straight to its own output "
                "position, so the block mostly has to learn to read its embedding back out.",
                steps_run, 100.0 * e.accuracy)
          : format(
                "After %d Adam steps the model copies only %.2f%% of the tokens of 100 sequences it never saw: "
                "it has not learned the copy yet%s. The residual stream carries each token "
                "to its own output position, so more steps or a larger learning rate usually get it there.",
                steps_run, 100.0 * e.accuracy,
                curve.diverged() ? format(", because its loss diverged at step %d", curve.diverged_step()).c_str()
                                 : "");
  return result;
}

Result run_copy_task(const Params& params, const RunContext& context) {
  const int vocab = params.count("vocab"), d_model = params.count("d_model"), n_heads = params.count("n_heads");
  const int ff_dim = params.count("ff_dim"), seq_len = params.count("seq_len"), batch = params.count("batch");
  const int steps = params.count("steps");
  require_heads_divide(d_model, n_heads);
  const TransformerSize size{double(batch) * seq_len,
                             d_model,
                             ff_dim,
                             vocab,
                             n_heads,
                             seq_len,
                             1,
                             4.0 * d_model * d_model + 2.0 * d_model * ff_dim + 2.0 * vocab * d_model};
  check_training_run(size, steps, double(kTestSequences) * seq_len, 1);

  NumpyRandom rng = seeded_random(params);
  nn::MiniTransformer model(vocab, d_model, n_heads, ff_dim, seq_len, rng);
  nn::Adam adam(model.parameters(), nn::AdamSettings{params.number("lr")});
  const LossCurve curve = train({steps}, adam, context, [&](nn::Tape& tape, int) {
    const std::vector<int> source = random_sequences(batch, seq_len, vocab, rng);  // the target is the source
    return nn::cross_entropy(tape, model.forward(tape, source, batch), source);
  });
  const Evaluation evaluation = evaluate(model, random_sequences(kTestSequences, seq_len, vocab, rng), seq_len);

  return report(curve, evaluation, seq_len);
}

}  // namespace

Exercise copy_task_exercise() {
  return {"01.5",
          {size_param("vocab", 10, 2, 1000, "vocabulary size V (tokens are drawn from 1..V-1); capped at 1000"),
           width_param(32, 256), heads_param(2, 16),
           size_param("ff_dim", 64, 1, 1024, "feed-forward width; capped at 1024"),
           size_param("seq_len", 4, 1, 64, "tokens per sequence; capped at 64"),
           size_param("batch", 32, 1, 256, "sequences per step; capped at 256"),
           size_param("steps", 500, 1, 3500, "Adam steps; capped at 3500 (runs over 256 MB or 50 GFLOP are refused)"),
           learning_rate_param(1e-3), seed_param(0, "seed of the weights and of every batch")},
          run_copy_task};
}

}  // namespace lab::exercises
