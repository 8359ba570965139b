#include "core/exercises/04_text_preprocessing/object_entries.hpp"

#include "core/error.hpp"

namespace lab::exercises {

void require_object_with_keys(const json& item, const std::string& param, const std::string& path,
                              std::initializer_list<const char*> keys, const std::string& shape) {
  bool ok = item.is_object() && item.size() == keys.size();
  for (const char* key : keys) ok = ok && item.contains(key);
  if (!ok) fail_param(param, path + " must be an object " + shape + " and nothing else");
}

}  // namespace lab::exercises
