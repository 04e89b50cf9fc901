// Parses rules files. Grammar (one rule per line, '#' comments, indented examples):
//
//   set NAME = NUMBER                  a fallback / segmenter setting (rules/settings.h)
//   scope [site=HOST]... [kind=text|html] | scope global
//                                      default scope of the rules below it in this file
//   LABEL ACTION [/RE2/i] [PRED]... [site=HOST]... [kind=K] [rest=LABEL]
//     + an example line the rule must fire on        (=> expected text, for span rules)
//     - an example line the rule must not fire on
//
// `keep` and `main` stand alone as label and action. Errors are collected, never thrown: every
// problem is one `file:line:col: message` appended to `errors`.
#ifndef WINNOW_SRC_RULES_RULE_PARSER_H_
#define WINNOW_SRC_RULES_RULE_PARSER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "rules/rule.h"
#include "rules/settings.h"

namespace winnow {

struct ParsedFile {
  std::vector<Rule> rules;  // each pattern compiled on its own; the RE2::Set is RuleSet's
  Settings settings;        // starts from the settings passed in, `set` lines applied
};

// Whether ParseRules checks the syntax of the patterns it leaves to compile on first use.
enum class SyntaxCheck {
  kFull,
  // For the built-in rules: winnow_prefilter_gen parses them with kFull when winnow is built
  // and fails the build on any error, so start-up need not parse every pattern a second time
  // (about 3 ms, mostly the Unicode classes of the byline patterns).
  kDoneAtBuild,
};

// Parses `text` (the contents of `file`) into `out`, compiling every pattern with at most
// `max_mem` bytes of RE2 memory each; returns false if anything was wrong.
bool ParseRules(std::string_view file, std::string_view text, int64_t max_mem, ParsedFile& out,
                std::vector<std::string>& errors, SyntaxCheck check = SyntaxCheck::kFull);

}  // namespace winnow

#endif  // WINNOW_SRC_RULES_RULE_PARSER_H_
