// Chart descriptions for a Result's "charts" array. The core says what to draw; the page decides how.
//   heatmap   {type, title, x_label, y_label, z: [[...]], colormap: "sequential"|"diverging", zmin, zmax,
//              x_ticks?, y_ticks?}
//   line      {type, title, x_label, y_label, x: [...], series: [{name, values}], markers: [{x, label}],
//              stream?: "loss"}   (stream: progress messages carrying that key extend the first series live)
//   bar       {type, title, x_label, y_label, labels: [...], series: [{name, values}], highlight: [index...]}
//   bar+line  {type, title, x_label, labels, bars: {name, values, axis_label}, line: {name, values, axis_label}}
// Every chart may carry "note" (a caption; e.g. "illustrative: the notebook's formula, not a measurement"), and
// carries "key" (Result::add_chart): its name within the exercise, the same at any parameters, while the title may
// state this run's figures.
#pragma once

#include <string>
#include <vector>

#include "core/json.hpp"

namespace lab {

enum class Colormap { sequential, diverging };

struct Series {
  std::string name;
  json values;  // numbers (null for a missing point)
};

json heatmap_chart(std::string title, json z, std::string x_label, std::string y_label, Colormap colormap);
json line_chart(std::string title, std::string x_label, std::string y_label, json x, std::vector<Series> series);
json bar_chart(std::string title, std::string x_label, std::string y_label, json labels, std::vector<Series> series);
json bar_line_chart(std::string title, std::string x_label, json labels, Series bars, std::string bars_axis,
                    Series line, std::string line_axis);

// Axis labels "0", "1", … "n−1" (positions, steps).
json index_labels(int n);

// Optional extras, added to a chart built above.
void add_marker(json& chart, double x, std::string label);  // line: a vertical rule at x
void set_ticks(json& heatmap, json x_ticks, json y_ticks);  // heatmap: labels along the axes
void set_highlight(json& bar, std::vector<int> indices);    // bar: draw these bars in the accent colour
void set_note(json& chart, std::string note);               // any: a caption under the chart

}  // namespace lab
