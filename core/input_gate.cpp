#include "core/input_gate.hpp"

#include <string>
#include <unordered_set>
#include <utility>
#include <vector>

#include "core/error.hpp"
#include "core/string_format.hpp"
#include "core/text/utf8.hpp"

namespace lab {

namespace {

// nlohmann's SAX events turned into a tree, without recursion. Each open array or object is a frame; a new value
// goes into the innermost one. An object's keys are appended in order (the lab's JSON keeps insertion order) and
// checked against the set of its keys so far, so building stays linear where a lookup per key would be quadratic.
class TreeBuilder {
 public:
  json root;
  std::string failure;  // set when a cap or a duplicate key stopped the parse
  ErrorCode failure_code = ErrorCode::bad_input;
  std::size_t error_position = 0;  // set by parse_error: nlohmann's position, one past the offending byte
  std::string error_reason;

  bool null() { return add(json(nullptr)); }
  bool boolean(bool value) { return add(json(value)); }
  bool number_integer(json::number_integer_t value) { return add(json(value)); }
  bool number_unsigned(json::number_unsigned_t value) { return add(json(value)); }
  bool number_float(json::number_float_t value, const json::string_t&) { return add(json(value)); }
  bool string(json::string_t& value) { return add(json(std::move(value))); }
  bool binary(json::binary_t&) { return refuse(ErrorCode::bad_input, "params hold a binary value"); }

  bool start_object(std::size_t) { return open(json::object()); }
  bool start_array(std::size_t) { return open(json::array()); }
  bool end_object() { return close(); }
  bool end_array() { return close(); }

  bool key(json::string_t& name) {
    Frame& frame = frames_.back();
    if (!frame.keys.insert(name).second) {
      return refuse(ErrorCode::bad_input, "duplicate key \"" + shorten(name, 60) + "\" in " + path() +
                                              " (each key may appear once in an object)");
    }
    frame.pending_key = std::move(name);
    return true;
  }

  bool parse_error(std::size_t position, const std::string&, const json::exception& error) {
    error_position = position;
    error_reason = error.what();
    return false;
  }

 private:
  struct Frame {
    json* container;
    std::string segment;  // where the container sits in its parent: ".name" or "[3]"
    std::string pending_key;
    std::unordered_set<std::string> keys;
    std::size_t items = 0;
  };
  std::vector<Frame> frames_;
  std::size_t values_ = 0;

  bool refuse(ErrorCode code, std::string message) {
    failure_code = code;
    failure = std::move(message);
    return false;
  }

  std::string path() const {
    std::string out = "params";
    for (const Frame& frame : frames_) out += frame.segment;
    return shorten(out, 200);
  }

  // Puts `value` where the innermost frame expects it; returns where it now lives.
  json* place(json&& value, std::string& segment) {
    if (frames_.empty()) {
      root = std::move(value);
      return &root;
    }
    Frame& frame = frames_.back();
    if (frame.container->is_array()) {
      segment = "[" + std::to_string(frame.items++) + "]";
      frame.container->get_ref<json::array_t&>().push_back(std::move(value));
      return &frame.container->get_ref<json::array_t&>().back();
    }
    segment = "." + shorten(frame.pending_key, 60);
    // The key is known to be new (key() checked it): append without the ordered map's linear search.
    auto& entries = static_cast<json::object_t::Container&>(frame.container->get_ref<json::object_t&>());
    entries.emplace_back(std::move(frame.pending_key), std::move(value));
    return &entries.back().second;
  }

  bool count_value() {
    if (++values_ > max_params_values) {
      return refuse(ErrorCode::too_large,
                    format("params hold more than %zu values, the lab's cap on memory and time", max_params_values));
    }
    return true;
  }

  bool add(json&& value) {
    if (!count_value()) return false;
    std::string segment;
    place(std::move(value), segment);
    return true;
  }

  bool open(json&& container) {
    if (!count_value()) return false;
    if (static_cast<int>(frames_.size()) >= max_params_depth) {
      return refuse(ErrorCode::too_large, format("params nest deeper than %d levels, the lab's cap (at %s)",
                                                 max_params_depth, path().c_str()));
    }
    std::string segment;
    json* placed = place(std::move(container), segment);
    frames_.push_back(Frame{placed, std::move(segment), {}, {}, 0});
    return true;
  }

  bool close() {
    frames_.pop_back();
    return true;
  }
};

// "syntax error while parsing value - unexpected '{'; expected end of input" from nlohmann's longer what().
std::string parse_reason(const std::string& what) {
  std::string reason = what;
  const std::size_t column = reason.find("column ");
  if (column != std::string::npos) {
    const std::size_t colon = reason.find(": ", column);
    if (colon != std::string::npos) reason = reason.substr(colon + 2);
  }
  const std::size_t dash = reason.find(" - ");
  if (reason.rfind("syntax error", 0) == 0 && dash != std::string::npos) reason = reason.substr(dash + 3);
  // nlohmann's "; last read: '...'" can end inside a character (it shows the bytes read so far); the message quotes
  // the text itself, cut between characters, so that part goes.
  const std::size_t last_read = reason.find("; last read: '");
  if (last_read != std::string::npos) {
    const std::size_t close = reason.find("'; ", last_read + 14);
    reason.erase(last_read, close == std::string::npos ? std::string::npos : close + 1 - last_read);
  }
  return text::encode_utf8(text::decode_utf8(reason));  // whatever is left, as valid UTF-8
}

}  // namespace

json params_input_limits() {
  return {{"max_bytes", max_params_bytes}, {"max_depth", max_params_depth}, {"max_values", max_params_values}};
}

json read_params_text(std::string_view bytes, bool more_follows) {
  if (bytes.size() > max_params_bytes || more_follows) {
    fail_too_large("", format("params must be at most %zu bytes, the lab's cap on memory and time (got %s%zu)",
                              max_params_bytes, more_follows ? "more than " : "", bytes.size()));
  }
  if (const auto bad = text::find_invalid_utf8(bytes)) {
    fail_input("", format("params are not valid UTF-8 (byte 0x%02x at offset %zu)", bad->byte, bad->offset));
  }
  if (const std::size_t nul = bytes.find('\0'); nul != std::string_view::npos) {
    fail_input(
        "", format("params hold a NUL byte at offset %zu; JSON text has none (inside a string, write \\u0000)", nul));
  }
  if (bytes.find_first_not_of(" \t\r\n") == std::string_view::npos) return json::object();

  TreeBuilder builder;
  const bool ok = json::sax_parse(bytes.begin(), bytes.end(), &builder, json::input_format_t::json, /*strict=*/true);
  if (ok) return std::move(builder.root);
  if (!builder.failure.empty()) throw LabError(builder.failure_code, builder.failure);
  const std::size_t offset = builder.error_position > 0 ? builder.error_position - 1 : 0;
  fail_param(
      "", format("params are not valid JSON at byte %zu (%s): ", offset, parse_reason(builder.error_reason).c_str()) +
              shorten(bytes, 80));
}

}  // namespace lab
