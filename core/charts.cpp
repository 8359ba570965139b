#include "core/charts.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace lab {

namespace {

json series_to_json(std::vector<Series> series) {
  json out = json::array();
  for (auto& s : series) out.push_back({{"name", std::move(s.name)}, {"values", std::move(s.values)}});
  return out;
}

}  // namespace

json heatmap_chart(std::string title, json z, std::string x_label, std::string y_label, Colormap colormap) {
  double lo = std::numeric_limits<double>::infinity();
  double hi = -lo;
  for (const auto& row : z) {
    for (const auto& v : row) {
      if (!v.is_number()) continue;
      lo = std::min(lo, v.get<double>());
      hi = std::max(hi, v.get<double>());
    }
  }
  if (!std::isfinite(lo)) lo = hi = 0.0;
  if (colormap == Colormap::diverging) {  // centred on zero so white means 0
    const double extent = std::max(std::fabs(lo), std::fabs(hi));
    lo = -extent;
    hi = extent;
  }
  return {{"type", "heatmap"},
          {"title", std::move(title)},
          {"x_label", std::move(x_label)},
          {"y_label", std::move(y_label)},
          {"colormap", colormap == Colormap::diverging ? "diverging" : "sequential"},
          {"zmin", lo},
          {"zmax", hi},
          {"z", std::move(z)}};
}

json line_chart(std::string title, std::string x_label, std::string y_label, json x, std::vector<Series> series) {
  return {{"type", "line"},
          {"title", std::move(title)},
          {"x_label", std::move(x_label)},
          {"y_label", std::move(y_label)},
          {"x", std::move(x)},
          {"series", series_to_json(std::move(series))},
          {"markers", json::array()}};
}

json bar_chart(std::string title, std::string x_label, std::string y_label, json labels, std::vector<Series> series) {
  return {{"type", "bar"},
          {"title", std::move(title)},
          {"x_label", std::move(x_label)},
          {"y_label", std::move(y_label)},
          {"labels", std::move(labels)},
          {"series", series_to_json(std::move(series))},
          {"highlight", json::array()}};
}

json bar_line_chart(std::string title, std::string x_label, json labels, Series bars, std::string bars_axis,
                    Series line, std::string line_axis) {
  return {{"type", "bar+line"},
          {"title", std::move(title)},
          {"x_label", std::move(x_label)},
          {"labels", std::move(labels)},
          {"bars", {{"name", std::move(bars.name)}, {"values", std::move(bars.values)}, {"axis_label", bars_axis}}},
          {"line", {{"name", std::move(line.name)}, {"values", std::move(line.values)}, {"axis_label", line_axis}}}};
}

void add_marker(json& chart, double x, std::string label) {
  chart["markers"].push_back({{"x", x}, {"label", std::move(label)}});
}

void set_ticks(json& heatmap, json x_ticks, json y_ticks) {
  heatmap["x_ticks"] = std::move(x_ticks);
  heatmap["y_ticks"] = std::move(y_ticks);
}

void set_highlight(json& bar, std::vector<int> indices) { bar["highlight"] = std::move(indices); }

void set_note(json& chart, std::string note) { chart["note"] = std::move(note); }

json index_labels(int n) {
  json labels = json::array();
  for (int i = 0; i < n; ++i) labels.push_back(std::to_string(i));
  return labels;
}

}  // namespace lab
