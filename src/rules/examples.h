// Runs the inline examples of a rule set (`winnow test`, and ctest through it).
#ifndef WINNOW_SRC_RULES_EXAMPLES_H_
#define WINNOW_SRC_RULES_EXAMPLES_H_

#include <string>
#include <vector>

#include "rules/rule_set.h"

namespace winnow {

struct ExampleReport {
  int run = 0;  // examples run
  int rules_without_examples = 0;
  std::vector<std::string> failures;  // "file:line: ..." one per failed example
};

// Each example is a one-line page: "+" examples must make their rule fire (and, with
// "=> output", leave exactly that text after the rule's span removal); "-" examples must
// not. Site and kind scopes and context predicates (position, neighbours, after-prose, DOM)
// are ignored: an example tests the rule's pattern and the line's own features.
ExampleReport RunExamples(const RuleSet& rules);

}  // namespace winnow

#endif  // WINNOW_SRC_RULES_EXAMPLES_H_
