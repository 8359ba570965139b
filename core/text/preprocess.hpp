// Notebook 04.3's preprocessing, step by step, equal to its Python for any text:
//   normalize     lower(); remove `http\S+`; every char outside [a-z0-9] and whitespace becomes ' ';
//                 whitespace runs become one ' '; strip()
//   is_stopword   the notebook's 22 English stopwords
//   simple_stem   strip the first of ing, tion, ed, ly, er, es, s that leaves more than 3 letters
//   preprocess    normalize -> split -> drop stopwords and tokens of 2 characters or fewer -> stem -> join by ' '
// Leaves out real stemmers (Porter, Snowball), lemmatisation and language detection.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace lab::text {

std::string normalize(std::string_view text);
bool is_stopword(std::string_view token);
const std::vector<std::string>& stopwords();  // sorted
std::string simple_stem(const std::string& word);
std::string preprocess(std::string_view text);

}  // namespace lab::text
