// RuleSet: every rule of a run, compiled, with its patterns in RE2::Sets so a line is matched
// once whatever the number of rules, and a Hyperscan prefilter (prefilter.h) that spares RE2
// the lines none of the default rules' patterns can match.
#ifndef WINNOW_SRC_RULES_RULE_SET_H_
#define WINNOW_SRC_RULES_RULE_SET_H_

#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "classify/line.h"
#include "page.h"
#include "re2/set.h"
#include "rules/prefilter.h"
#include "rules/rule.h"
#include "rules/rule_parser.h"
#include "rules/settings.h"
#include "winnow/options.h"
#include "winnow/status.h"

namespace winnow {

// A rules file's name and contents.
struct RuleSource {
  std::string name;
  std::string text;
  SyntaxCheck check = SyntaxCheck::kFull;  // kDoneAtBuild for the built-in rules
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

  // class~ matched token by token (classify/class_tokens.h), when every class~ pattern is in
  // the default rules' class token database (prefilter.h) and there are at most 64.
  struct ClassTokens {
    const Prefilter* prefilter = nullptr;  // null: class~ is matched on DomFeatures::attrs
    std::vector<uint64_t> bits_of_id;      // by database id: the class_patterns indices with
                                           // that pattern, as bits
    std::vector<int8_t> index_of_slot;     // by Predicate::slot: its class_patterns index
  };
  ClassTokens class_tokens;
};

class RuleSet {
 public:
  // Compiles sources in order; settings of later files override earlier ones. All errors are
  // returned at once (Status::RuleError, one `file:line:col: message` per line). Without
  // `use_prefilter`, every pattern goes into the RE2::Sets.
  static Result<std::unique_ptr<RuleSet>> Compile(const std::vector<RuleSource>& sources,
                                                  int64_t max_mem, bool use_prefilter = true);

  // The sources named by options: the built-in rules (unless disabled), then every rule path
  // (a file, or a folder searched recursively for *.rules, sorted by path).
  static Result<std::vector<RuleSource>> Sources(const Options& options);

  const std::vector<Rule>& rules() const { return rules_; }
  const Settings& settings() const { return settings_; }
  // Rules that have no pattern: candidates on every line.
  const std::vector<int>& unpatterned() const { return unpatterned_; }
  const PredicateSets& predicate_sets() const { return predicate_sets_; }

  // One scan of a page for the prefilter's candidates (every line gets kEverything when the
  // rule set has no prefilter).
  void PrefilterLines(std::string_view text, const std::vector<Line>& lines, size_t max_line_bytes,
                      LineCandidates& out) const;

  // Appends to `hits` the index of every rule whose pattern matches `text`. With `words`
  // (the line's word count), rules whose `words<=N` predicates rule the line out may be
  // skipped without matching: long paragraphs skip the sets of short-line rules.
  // `candidates` is the line's answer from PrefilterLines: of the prefiltered patterns only
  // those are checked, each with its own RE2.
  void Match(std::string_view text, std::vector<int>& hits, uint32_t words = 0,
             std::span<const uint32_t> candidates = kEverything) const;

  // `file:line` of rule i.
  std::string Origin(int i) const;

  // What rule i's predicates words<=N, line=N, in=X and class~ (not negated) allow, checked
  // before the others.
  struct Gate {
    uint32_t max_words = UINT32_MAX;
    uint32_t line = 0;        // 1-based; 0: any
    uint32_t containers = 0;  // the line must be in one of these containers; 0: any
    int class_index = -1;     // this class~ answer (class_patterns index) must be yes; -1: any
  };
  // False if rule i cannot fire on `line` for its words, its position or its DOM context: a
  // cheap test before EvaluateAll, which every line would otherwise pay for each rule without
  // a pattern. `dom` is the line's (null for text dumps); `class_bits` its class~ answers by
  // tokens (PatternMemo::ClassBits), or all ones when class~ goes by the attrs strings.
  bool MayFire(int i, const Line& line, const DomFeatures* dom, uint64_t class_bits) const {
    const Gate& g = gates_[i];
    if (line.words > g.max_words || (g.line != 0 && g.line != line.index + 1)) return false;
    if (g.containers == 0 && g.class_index < 0) return true;
    return dom != nullptr && (g.containers == 0 || (dom->containers & g.containers) != 0) &&
           (g.class_index < 0 || ((class_bits >> g.class_index) & 1) != 0);
  }

 private:
  RuleSet() = default;
  std::vector<Rule> rules_;
  Settings settings_;
  static constexpr uint32_t kEverythingIds[] = {LineCandidates::kEverything};
  static constexpr std::span<const uint32_t> kEverything{kEverythingIds};

  // The patterns the prefilter does not hold (rules added with --rules, or when this CPU
  // cannot run Hyperscan) are matched on every line. Those anchored at the start of the line
  // go in an ANCHOR_START set, whose DFA stops within a few bytes on most lines; the rest
  // must scan whole lines.
  struct PatternSet {
    std::unique_ptr<RE2::Set> set;
    std::vector<int> to_rule;  // RE2::Set index -> rule index
    uint32_t max_words = 0;    // the largest words<=N bound of its rules (UINT32_MAX: none)
  };
  PatternSet anchored_, unanchored_;
  // The prefilter's patterns are checked one by one with their rules' own RE2, on the lines
  // where Hyperscan found them: a set's DFA, built per process for the few lines marked,
  // cost more than it saved, and compiling the set was a third of startup.
  const Prefilter* prefilter_ = nullptr;       // shared by every RuleSet; null: none
  std::vector<int> prefiltered_;               // rules whose pattern the prefilter holds
  std::vector<std::vector<int>> rules_of_id_;  // prefilter database id -> rule indices
  std::vector<Gate> gates_;                    // rule index -> its Gate
  std::vector<int> unpatterned_;
  PredicateSets predicate_sets_;
};

}  // namespace winnow

#endif  // WINNOW_SRC_RULES_RULE_SET_H_
