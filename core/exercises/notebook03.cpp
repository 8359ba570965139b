// Notebook 03, LLM applications and patterns: structured output, tool calls, retrieval, chain of thought and a token window.
// Each exercise is a function `params -> Result` between `// == id` markers; the table at the bottom lists them.
#include <vector>

#include "core/exercises/notebooks.hpp"

namespace lab::exercises {

std::vector<Exercise> notebook03() {
  std::vector<Exercise> list;

  list.push_back(Exercise{"03.1", "Extract JSON from LLM output and validate it against a schema",
      "Find the JSON object inside a model's free-text answer and check it against a JSON Schema, reporting the path of the first violation.",
      {},
      "Extracted and validated order:\n"
          "{\n"
          "  \"order_id\": \"ORD-001\",\n"
          "  \"customer\": {\n"
          "    \"name\": \"Alice\",\n"
          "    \"email\": \"alice@example.com\"\n"
          "  },\n"
          "  \"items\": [\n"
          "    {\n"
          "      \"sku\": \"SKU-A\",\n"
          "      \"qty\": 2,\n"
          "      \"price\": 19.99\n"
          "    },\n"
          "    {\n"
          "      \"sku\": \"SKU-B\",\n"
          "      \"qty\": 1,\n"
          "      \"price\": 49.0\n"
          "    }\n"
          "  ]\n"
          "}",
      "", {}, nullptr});

  list.push_back(Exercise{"03.2", "Multi-tool function-calling loop",
      "Execute the tool calls a model asked for (mock weather and calendar APIs) and synthesise an answer from their results.",
      {},
      "=== Function-Calling Loop ===\n"
          "Tool: get_weather({'city': 'NYC', 'date': '2025-01-15'}) -> {'temp_c': -2, 'condition': 'snowy', 'wind_kph': 25}\n"
          "Tool: get_calendar({'user': 'alice', 'date': '2025-01-15'}) -> {'events': [{'time': '09:00', 'title': 'Team standup'}, {'time': '14:00', 'title': 'Client demo'}]}\n"
          "\n"
          "Synthesized response: On 2025-01-15 in NYC it will be -2°C and snowy.\n"
          "Alice has 2 event(s): Team standup, Client demo",
      "", {}, nullptr});

  list.push_back(Exercise{"03.3", "BM25 retriever",
      "Rank documents for a query with BM25, which saturates term frequency and normalises for document length.",
      {},
      "Query: \"language model training data\"\n"
          "  [1] (score=2.952) machine learning models require large amounts of training data\n"
          "  [2] (score=2.138) large language models are trained on internet-scale text data\n"
          "\n"
          "Query: \"attention transformer\"\n"
          "  [1] (score=1.923) transformers use attention mechanisms to process sequences\n"
          "  [2] (score=0.000) machine learning models require large amounts of training data\n"
          "\n"
          "Query: \"text embeddings\"\n"
          "  [1] (score=1.636) embeddings represent words as dense vectors in high dimensional space\n"
          "  [2] (score=1.299) natural language processing enables machines to understand text\n"
          "\n"
          "Key insight: BM25 saturates TF (diminishing returns for repeated terms) unlike TF-IDF",
      "", {}, nullptr});

  list.push_back(Exercise{"03.4", "Few-shot chain-of-thought for a word problem",
      "Compare a direct answer with a few-shot chain-of-thought answer to an arithmetic word problem, and check each answer.",
      {},
      "=== Without CoT ===\n"
          "Answer: 7\n"
          "Correct: True  (wrong)\n"
          "\n"
          "=== With Chain-of-Thought ===\n"
          "Step 1: Sarah has 5 apples.\n"
          "Step 2: She buys 3 more. Now she has 5 + 3 = 8 apples.\n"
          "Step 3: She gives 2 to her friend. 8 - 2 = 6 apples.\n"
          "Answer: 6\n"
          "Correct: True\n"
          "\n"
          "Key insight: CoT decomposes problem into steps, reducing reasoning errors",
      "", {}, nullptr});

  list.push_back(Exercise{"03.5", "Conversation manager with a token window",
      "Keep a chat history inside a token budget by dropping the oldest turns first.",
      {},
      "Max tokens: 200\n"
          "\n"
          "[user] What is the capital of France?\n"
          "  -> History turns: 1, Estimated tokens: 13\n"
          "[assistant] The capital of France is Paris.\n"
          "  -> History turns: 2, Estimated tokens: 21\n"
          "[user] Tell me about the Eiffel Tower in detail.\n"
          "  -> History turns: 3, Estimated tokens: 32\n"
          "[assistant] The Eiffel Tower is a wrought iron lattice tower on the Cham...\n"
          "  -> History turns: 4, Estimated tokens: 80\n"
          "[user] How tall is it?\n"
          "  -> History turns: 5, Estimated tokens: 85\n"
          "[assistant] The Eiffel Tower stands 330 meters tall including its broadc...\n"
          "  -> History turns: 6, Estimated tokens: 99\n"
          "[user] What year was it built?\n"
          "  -> History turns: 7, Estimated tokens: 106\n"
          "\n"
          "Final context window (oldest messages trimmed to fit):\n"
          "  system: You are a helpful assistant.\n"
          "  user: What is the capital of France?\n"
          "  assistant: The capital of France is Paris.\n"
          "  user: Tell me about the Eiffel Tower in detail.\n"
          "  assistant: The Eiffel Tower is a wrought iron lattice tower on the Cham\n"
          "  user: How tall is it?\n"
          "  assistant: The Eiffel Tower stands 330 meters tall including its broadc\n"
          "  user: What year was it built?",
      "", {}, nullptr});

  return list;
}

}  // namespace lab::exercises
