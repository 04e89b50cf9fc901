// What the rule engine needs to know of an RE2 pattern's structure without parsing it whole.
#ifndef WINNOW_SRC_RULES_PATTERN_SYNTAX_H_
#define WINNOW_SRC_RULES_PATTERN_SYNTAX_H_

#include <string_view>

namespace winnow {

// True if every match of `pattern` must start where the subject starts: it opens with '^'
// (after an optional "(?i)") and has no '|' outside parentheses, classes and \Q...\E (in
// "^a|b" only the first branch is anchored). Classes are read as RE2 reads them, POSIX
// classes ([:alpha:]) included, so a '|' or '(' inside one is never taken for structure.
bool AnchoredAtStart(std::string_view pattern);

}  // namespace winnow

#endif  // WINNOW_SRC_RULES_PATTERN_SYNTAX_H_
