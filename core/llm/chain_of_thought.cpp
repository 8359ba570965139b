#include "core/llm/chain_of_thought.hpp"

#include <algorithm>
#include <cctype>
#include <set>

namespace lab::llm {

namespace {

std::vector<std::string> split_words(const std::string& text) {
  std::vector<std::string> words;
  std::string word;
  for (char c : text) {
    if (std::isspace(static_cast<unsigned char>(c))) {
      if (!word.empty()) words.push_back(word);
      word.clear();
    } else {
      word.push_back(c);
    }
  }
  if (!word.empty()) words.push_back(word);
  return words;
}

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::string bare(const std::string& word) {  // lowercase, without surrounding punctuation
  std::size_t b = 0, e = word.size();
  while (b < e && std::ispunct(static_cast<unsigned char>(word[b]))) ++b;
  while (e > b && std::ispunct(static_cast<unsigned char>(word[e - 1]))) --e;
  return lower(word.substr(b, e - b));
}

std::optional<long long> quantity(const std::string& word) {
  const std::string w = bare(word);
  if (!w.empty() && w.size() <= 12 &&
      std::all_of(w.begin(), w.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); })) {
    return std::stoll(w);
  }
  static const std::vector<std::string> small{"zero",     "one",      "two",      "three",   "four",    "five",
                                              "six",      "seven",    "eight",    "nine",    "ten",     "eleven",
                                              "twelve",   "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
                                              "eighteen", "nineteen", "twenty"};
  for (std::size_t i = 0; i < small.size(); ++i) {
    if (w == small[i]) return static_cast<long long>(i);
  }
  static const std::vector<std::string> tens{"thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"};
  for (std::size_t i = 0; i < tens.size(); ++i) {
    if (w == tens[i]) return static_cast<long long>(30 + 10 * i);
  }
  return std::nullopt;
}

const std::set<std::string> start_verbs{"has", "have", "had", "owns", "holds", "keeps"};
const std::set<std::string> add_verbs{
    "buys",  "bought", "gets",    "got",     "receives", "received", "finds",    "found",     "picks", "picked",
    "earns", "earned", "gains",   "gained",  "wins",     "won",      "collects", "collected", "adds",  "added",
    "makes", "made",   "catches", "caught",  "borrows",  "borrowed", "grows",    "grew",      "takes", "took",
    "buy",   "get",    "find",    "receive", "earn",     "win",      "collect",  "add",       "make",  "pick"};
const std::set<std::string> subtract_verbs{
    "gives", "gave",  "eats",    "ate",     "loses",   "lost",   "sells", "sold",   "spends", "spent", "uses",
    "used",  "drops", "dropped", "donates", "donated", "throws", "threw", "breaks", "broke",  "pays",  "paid",
    "lends", "lent",  "give",    "eat",     "lose",    "sell",   "spend", "use",    "drop",   "pay"};
const std::set<std::string> pronouns{"she", "he", "they", "i", "we", "you", "it"};

bool is_question(const std::string& sentence) {
  const std::string l = lower(sentence);
  return (!l.empty() && l.back() == '?') || l.rfind("how ", 0) == 0;
}

// Sentences end at . ! ? followed by whitespace or the end ("3.5" stays whole).
std::vector<std::string> split_sentences(const std::string& text) {
  std::vector<std::string> sentences;
  std::string current;
  for (std::size_t i = 0; i < text.size(); ++i) {
    current.push_back(text[i]);
    const bool end = (text[i] == '.' || text[i] == '!' || text[i] == '?') &&
                     (i + 1 == text.size() || std::isspace(static_cast<unsigned char>(text[i + 1])));
    if (end) {
      const auto words = split_words(current);
      if (!words.empty()) sentences.push_back(current.substr(current.find_first_not_of(" \t\r\n")));
      current.clear();
    }
  }
  if (!split_words(current).empty()) sentences.push_back(current.substr(current.find_first_not_of(" \t\r\n")));
  return sentences;
}

// "She buys 3 more and then gives 2 to her friend." -> "She buys 3 more", "gives 2 to her friend"
std::vector<std::string> split_clauses(std::string sentence) {
  while (!sentence.empty() && (sentence.back() == '.' || sentence.back() == '!')) sentence.pop_back();
  std::vector<std::string> clauses;
  const std::vector<std::string> joins{", and then ", " and then ", ", then ", " then ", ", and ", " and ", ", "};
  std::size_t begin = 0;
  while (true) {
    std::size_t best = std::string::npos, best_length = 0;
    for (const auto& join : joins) {
      const std::size_t at = sentence.find(join, begin);
      if (at < best) best = at, best_length = join.size();
    }
    clauses.push_back(sentence.substr(begin, best == std::string::npos ? std::string::npos : best - begin));
    if (best == std::string::npos) break;
    begin = best + best_length;
  }
  return clauses;
}

std::string capitalize_first(std::string s) {
  if (!s.empty()) s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
  return s;
}

std::string has_for(const std::string& pronoun) {
  const std::string p = lower(pronoun);
  return (p == "i" || p == "you" || p == "we" || p == "they") ? "have" : "has";
}

}  // namespace

long long WordProblem::answer() const {
  long long total = start;
  for (const Operation& op : operations) total += op.sign == '+' ? op.amount : -op.amount;
  return total;
}

ParsedProblem parse_word_problem(const std::string& text) {
  std::vector<std::string> statements;
  for (const std::string& s : split_sentences(text)) {
    if (!is_question(s)) statements.push_back(s);
  }
  if (statements.empty()) return {std::nullopt, "the problem has no statement before its question"};

  WordProblem problem;
  problem.first_sentence = statements[0];
  const auto first_words = split_words(statements[0]);
  std::size_t verb = 0;
  while (verb < first_words.size() && !start_verbs.count(bare(first_words[verb]))) ++verb;
  if (verb == 0 || verb == first_words.size()) {
    return {std::nullopt, "the first sentence does not say who has how many (\"<someone> has <number> <things>\")"};
  }
  std::string subject;
  for (std::size_t i = 0; i < verb; ++i) subject += (i ? " " : "") + first_words[i];
  std::size_t at = verb + 1;
  while (at < first_words.size() && !quantity(first_words[at])) ++at;
  if (at == first_words.size()) return {std::nullopt, "the first sentence has no starting quantity"};
  problem.start = *quantity(first_words[at]);
  if (at + 1 < first_words.size()) problem.unit = bare(first_words[at + 1]);

  for (std::size_t s = 1; s < statements.size(); ++s) {
    std::string actor = subject;  // who acts in this sentence until a clause names someone
    for (std::string clause : split_clauses(statements[s])) {
      auto words = split_words(clause);
      if (!words.empty() && bare(words[0]) == "then") words.erase(words.begin());
      if (words.empty()) continue;
      std::size_t v = 0;
      if (pronouns.count(bare(words[0])) || bare(words[0]) == lower(subject)) {
        actor = words[0];
        v = 1;
      }
      std::optional<long long> amount;
      for (std::size_t i = v; i < words.size() && !amount; ++i) amount = quantity(words[i]);
      if (!amount) continue;  // a clause without a number tells the story, it changes nothing
      if (v >= words.size()) return {std::nullopt, "cannot find the verb in \"" + clause + "\""};
      const std::string action = bare(words[v]);
      char sign = 0;
      if (add_verbs.count(action)) sign = '+';
      if (subtract_verbs.count(action)) sign = '-';
      if (!sign) {
        return {std::nullopt, "does \"" + action + "\" add or take away? (\"" + clause + "\")"};
      }
      std::string stated = capitalize_first(actor);
      for (std::size_t i = v; i < words.size(); ++i) stated += " " + words[i];
      const std::string pronoun = pronouns.count(lower(actor)) ? lower(actor) : actor;
      problem.operations.push_back({sign, *amount, stated + ".", pronoun});
    }
  }
  return {problem, ""};
}

std::string direct_prompt(const std::string& problem) { return "Q: " + problem + "\nA:"; }

std::string few_shot_cot_prompt(const std::string& problem) {
  return "Q: Tom has 4 oranges. He gets 5 more. He eats 1. How many?\n"
         "A: Tom starts with 4 oranges. Gets 5 more: 4+5=9. Eats 1: 9-1=8. Answer: 8\n"
         "\n"
         "Q: A shop sells 20 books on Monday and 15 on Tuesday. 10 were returned. How many net sold?\n"
         "A: Total sold: 20+15=35. Returns: 10. Net: 35-10=25. Answer: 25\n"
         "\n"
         "Q: " +
         problem + "\nA:";
}

std::string mock_cot_response(const std::string& text) {
  const ParsedProblem parsed = parse_word_problem(text);
  if (!parsed.problem) return "Step 1: I cannot follow this problem: " + parsed.difficulty + ".\nAnswer: unknown";
  const WordProblem& p = *parsed.problem;
  const std::string unit = p.unit.empty() ? "" : " " + p.unit;
  std::string out = "Step 1: " + p.first_sentence;
  long long total = p.start;
  for (std::size_t i = 0; i < p.operations.size(); ++i) {
    const Operation& op = p.operations[i];
    const long long next = op.sign == '+' ? total + op.amount : total - op.amount;
    out += "\nStep " + std::to_string(i + 2) + ": " + op.sentence + " ";
    if (i == 0) out += "Now " + op.pronoun + " " + has_for(op.pronoun) + " ";
    out += std::to_string(total) + " " + op.sign + " " + std::to_string(op.amount) + " = " + std::to_string(next) +
           unit + ".";
    total = next;
  }
  return out + "\nAnswer: " + std::to_string(total);
}

std::string mock_direct_response(const std::string& text) {
  std::vector<long long> numbers;
  for (const std::string& word : split_words(text)) {
    if (auto n = quantity(word)) numbers.push_back(*n);
  }
  if (numbers.empty()) return "Answer: unknown";
  return "Answer: " + std::to_string(numbers.size() == 1 ? numbers[0] : numbers.front() + numbers.back());
}

std::optional<long long> parse_answer(const std::string& response) {
  const std::size_t at = response.rfind("Answer:");
  if (at == std::string::npos) return std::nullopt;
  std::size_t i = at + 7;
  while (i < response.size() && response[i] == ' ') ++i;
  std::size_t j = i;
  if (j < response.size() && response[j] == '-') ++j;
  const std::size_t digits = j;
  while (j < response.size() && std::isdigit(static_cast<unsigned char>(response[j])) && j - digits < 15) ++j;
  if (j == digits) return std::nullopt;
  return std::stoll(response.substr(i, j - i));
}

}  // namespace lab::llm
