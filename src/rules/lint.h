// Lint: rules that compile but cannot do what their author meant (`winnow check`).
#ifndef WINNOW_SRC_RULES_LINT_H_
#define WINNOW_SRC_RULES_LINT_H_

#include <string>
#include <vector>

#include "rules/rule_set.h"

namespace winnow {

struct LintWarning {
  std::string file;
  int line = 0;
  int col = 1;
  std::string message;

  // "file:line:col: warning: message".
  std::string ToString() const;
};

// Warns, for every rule from index `first` on (earlier rules, e.g. the built-in defaults,
// are compared against but not reported), about:
//   - a duplicate of an earlier rule (same label, action, pattern, predicates and scope);
//   - a rule shadowed by an earlier one that fires on every line it does and wins;
//   - a pattern that matches the empty string;
//   - a removal rule that fires on most of a sample of ordinary prose sentences;
//   - a site= that is not a host name;
//   - a rule without an inline example (unless no example could exercise it).
// In rule order, each rule's warnings by column.
std::vector<LintWarning> LintRules(const RuleSet& rules, size_t first = 0);

}  // namespace winnow

#endif  // WINNOW_SRC_RULES_LINT_H_
