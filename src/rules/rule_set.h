// RuleSet: every rule of a run, compiled, with all patterns in one RE2::Set so a line is
// matched once whatever the number of rules.
#ifndef WINNOW_SRC_RULES_RULE_SET_H_
#define WINNOW_SRC_RULES_RULE_SET_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "re2/set.h"
#include "rules/rule.h"
#include "rules/settings.h"
#include "winnow/options.h"
#include "winnow/status.h"

namespace winnow {

// A rules file's name and contents.
struct RuleSource {
  std::string name;
  std::string text;
};

// The class~ and path~ patterns of all rules, each kind in one RE2::Set, so that a DOM string
// is searched once for all of them (PatternMemo in classify/predicates.h).
struct PredicateSets {
  struct Kind {
    std::unique_ptr<RE2::Set> set;  // null when no rule has such a predicate
    std::vector<uint32_t> slots;    // RE2::Set index -> Predicate::slot
  };
  Kind class_patterns, path_patterns;
  uint32_t slots = 0;  // every class~ and path~ predicate, numbered by Predicate::slot
};

class RuleSet {
 public:
  // Compiles sources in order; settings of later files override earlier ones. All errors are
  // returned at once (Status::RuleError, one `file:line:col: message` per line).
  static Result<std::unique_ptr<RuleSet>> Compile(const std::vector<RuleSource>& sources,
                                                  int64_t max_mem);

  // The sources named by options: the built-in rules (unless disabled), then every rule path
  // (a file, or a folder searched recursively for *.rules, sorted by path).
  static Result<std::vector<RuleSource>> Sources(const Options& options);

  const std::vector<Rule>& rules() const { return rules_; }
  const Settings& settings() const { return settings_; }
  // Rules that have no pattern: candidates on every line.
  const std::vector<int>& unpatterned() const { return unpatterned_; }
  const PredicateSets& predicate_sets() const { return predicate_sets_; }

  // Appends to `hits` the index of every rule whose pattern matches `text`. With `words`
  // (the line's word count), rules whose `words<=N` predicates rule the line out may be
  // skipped without matching: long paragraphs skip the sets of short-line rules.
  void Match(std::string_view text, std::vector<int>& hits, uint32_t words = 0) const;

  // `file:line` of rule i.
  std::string Origin(int i) const;

 private:
  RuleSet() = default;
  std::vector<Rule> rules_;
  Settings settings_;
  // Patterns anchored at the start of the line go in an ANCHOR_START set, whose DFA stops
  // within a few bytes on most lines; the rest must scan whole lines.
  struct PatternSet {
    std::unique_ptr<RE2::Set> set;
    std::vector<int> to_rule;  // RE2::Set index -> rule index
    uint32_t max_words = 0;    // the largest words<=N bound of its rules (UINT32_MAX: none)
  };
  PatternSet anchored_, unanchored_;
  std::vector<int> unpatterned_;
  PredicateSets predicate_sets_;
};

}  // namespace winnow

#endif  // WINNOW_SRC_RULES_RULE_SET_H_
