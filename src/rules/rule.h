// Rule: one line of a rules file, parsed. See docs/rules.md for the language.
#ifndef WINNOW_SRC_RULES_RULE_H_
#define WINNOW_SRC_RULES_RULE_H_

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "re2/re2.h"
#include "rules/lazy_regex.h"
#include "winnow/label.h"

namespace winnow {

enum class Action : uint8_t {
  kDrop,          // drop the line
  kSpan,          // drop only the matched span (group 1 if the pattern has one)
  kCutToEnd,      // drop this line and every line after it
  kCutFromStart,  // drop every line from the start through this one
  kKeep,          // protect the line from drop rules
  kMeta,          // take the line as metadata (title, date, author) instead of body
  kMain,          // HTML: the line is evidence of the article's container (decides no label)
};

enum class Feature : uint8_t {
  // Text features (every input).
  kWords,
  kChars,
  kPunct,
  kCaps,
  kDigits,
  kStop,
  kLine,
  kFromEnd,
  kBlankBefore,
  kBlankAfter,
  kSameAsFirst,
  kAfterProse,
  kTrailer,
  kProseBefore,
  // DOM features (HTML input; false / 0 on text dumps).
  kLinks,
  kBlockLinks,
  kHeading,
  kDepth,
  kHidden,
  kTag,
  kIn,
  kClass,
  kPath,
};

enum class Op : uint8_t { kFlag, kLt, kLe, kGt, kGe, kEq, kNe, kMatch };

struct Predicate {
  Feature feature;
  Op op = Op::kFlag;
  bool negate = false;                  // written with a leading '!'
  double number = 0;                    // numeric comparisons
  uint32_t containers = 0;              // kIn: Container bits
  std::string text;                     // kTag: the tag name
  std::shared_ptr<const LazyRegex> re;  // kClass / kPath: the pattern
  uint32_t slot = 0;  // kClass / kPath: its index among the rule set's pattern predicates
};

struct Example {
  bool fires = true;  // "+ text": the rule must fire; "- text": it must not
  std::string input;
  bool has_output = false;  // "+ input => output": the line's text after span removal
  std::string output;
  int line = 0;  // where the example is written
};

struct Rule {
  Label label = Label::kBody;
  Action action = Action::kDrop;
  Label rest_label = Label::kBody;      // cut rules: the label of the lines cut (default: label)
  std::string pattern;                  // RE2 syntax, flags applied; empty: no pattern
  std::shared_ptr<const LazyRegex> re;  // the pattern (null without one), compiled when used
  int pattern_col = 0;                  // 1-based column of the pattern's opening '/'
  std::vector<Predicate> predicates;
  std::vector<std::string> sites;  // host suffixes; empty: every site
  uint8_t kinds = 0;               // bit 0 text, bit 1 html; 0: every kind
  std::string file;                // where the rule is written
  int line = 0;
  std::string source;  // the rule's text as written (for explain and lint)
  std::vector<Example> examples;
};

inline constexpr uint8_t kKindText = 1;
inline constexpr uint8_t kKindHtml = 2;

}  // namespace winnow

#endif  // WINNOW_SRC_RULES_RULE_H_
