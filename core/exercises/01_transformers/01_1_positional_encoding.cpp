// 01.1 Sinusoidal positional encoding: the (T, C) matrix PE[t, 2i] = sin(t·wᵢ), PE[t, 2i+1] = cos(t·wᵢ) with
// wᵢ = 10000^(−2i/C), and how alike two positions look: the similarity PE PEᵀ.
//   compute  nn::positional_encoding (core/nn/positional_encoding.cpp), then PE PEᵀ
//   report   both as heatmaps, position 0's row as a line, the two numbers the notebook prints
#include "core/array_json.hpp"
#include "core/charts.hpp"
#include "core/error.hpp"
#include "core/exercise.hpp"
#include "core/float_format.hpp"
#include "core/nn/positional_encoding.hpp"
#include "core/string_format.hpp"

namespace lab::exercises {

namespace {

using nn::Matrix;

Result report(const Matrix& pe, const Matrix& similarity) {
  Result result;
  const int seq_len = int(pe.rows());
  result.metrics["self_similarity"] = number(similarity(0, 0));
  result.metrics["sim_0_10"] = seq_len > 10 ? number(similarity(0, 10)) : json(nullptr);
  result.data["pe"] = matrix_to_json(pe);
  result.data["similarity"] = matrix_to_json(similarity);
  result.data["similarity_to_position_0"] = matrix_to_json(similarity.row(0));

  result.add_chart(
      "pe", heatmap_chart(format("Positional Encoding Matrix (%d positions x %d dimensions)", seq_len, int(pe.cols())),
                          result.data["pe"], "Dimension", "Position", Colormap::diverging));
  result.add_chart("similarity", heatmap_chart("PE Similarity Matrix (position vs position)", result.data["similarity"],
                                               "Position", "Position", Colormap::sequential));
  json row = line_chart("Similarity of position 0 to every position", "Position", "PE[0] · PE[t]",
                        index_labels(seq_len), {{"PE[0] · PE[t]", result.data["similarity_to_position_0"][0]}});
  set_note(row, format("PE[a]·PE[b] = Σᵢ cos((a−b)·wᵢ): it depends only on the distance and falls from C/2 = %s at "
                       "distance 0, though not monotonically.",
                       python_float(similarity(0, 0)).c_str()));
  result.add_chart("similarity_to_position_0", std::move(row));

  result.insight = format(
      "Sine on even dimensions and cosine on odd ones give every position a unique fingerprint; the dot product "
      "PE[a]·PE[b] depends only on the distance |a−b|, so nearby positions look alike and relative offsets are "
      "learnable. Every position's self-similarity is C/2 = %s",
      python_float(similarity(0, 0)).c_str());
  result.insight += seq_len > 10 ? format(", and positions 10 apart still score %.2f.", similarity(0, 10)) : ".";
  result.print("Diagonal (self-similarity): " + python_float(similarity(0, 0)));
  result.print(seq_len > 10 ? "Off-diagonal (pos 0 vs 10): " + python_float(similarity(0, 10))
                            : std::string("Off-diagonal (pos 0 vs 10): not defined, seq_len <= 10"));
  return result;
}

Result run_positional_encoding(const Params& params, const RunContext& context) {
  const int seq_len = params.count("seq_len");
  const int d_model = params.count("d_model");
  if (d_model % 2 != 0) {
    fail_param("d_model",
               format("d_model must be even: each frequency fills a sine and a cosine column (got %d)", d_model));
  }
  const Matrix pe = nn::positional_encoding(seq_len, d_model);  // (T, C)
  Matrix similarity(seq_len, seq_len);                          // (T, T) = PE PEᵀ
  similarity.noalias() = pe * pe.transpose();
  context.progress(1, 2, "writing the maps");  // at 512 × 512 the Result holds a million numbers

  return report(pe, similarity);
}

}  // namespace

Exercise positional_encoding_exercise() {
  return {"01.1",
          {size_param("seq_len", 50, 1, 512, "positions (rows); capped at 512 to keep the maps drawable"),
           size_param("d_model", 64, 2, 512, "model width (columns), even; capped at 512")},
          run_positional_encoding};
}

}  // namespace lab::exercises
