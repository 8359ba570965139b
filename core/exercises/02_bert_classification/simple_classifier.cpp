#include "core/exercises/02_bert_classification/simple_classifier.hpp"

namespace lab::exercises {

SimpleClassifier::SimpleClassifier(int features, int hidden_units, int classes, NumpyRandom& rng)
    : hidden("net.0", features, hidden_units, rng), output("net.2", hidden_units, classes, rng) {}

nn::Var SimpleClassifier::forward(nn::Tape& tape, nn::Var x) {
  return output.forward(tape, nn::relu(tape, hidden.forward(tape, x)));
}

nn::ParameterList SimpleClassifier::parameters() {
  return {&hidden.weight, &hidden.bias, &output.weight, &output.bias};
}

}  // namespace lab::exercises
