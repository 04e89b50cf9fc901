#include "rules/rule_set.h"

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>

#include "rules/default_rules.h"
#include "rules/pattern_syntax.h"
#include "rules/rule_parser.h"

namespace winnow {
namespace fs = std::filesystem;

namespace {

// What a rule's words<=N, line=N and in=X predicates (not negated) allow, for
// RuleSet::MayFire; its class~ gate needs the class token numbering (ClassTokensOf).
RuleSet::Gate GateOf(const Rule& r) {
  RuleSet::Gate gate;
  for (const Predicate& p : r.predicates) {
    // in=X, or !in!=X: the line must be in X. One such predicate is enough for the gate.
    if (p.feature == Feature::kIn && (p.op == Op::kEq) != p.negate) gate.containers = p.containers;
    if (p.negate || p.number < 1) continue;
    const auto n = static_cast<uint32_t>(p.number);
    if (p.feature == Feature::kWords && p.op == Op::kLe)
      gate.max_words = std::min(gate.max_words, n);
    if (p.feature == Feature::kWords && p.op == Op::kLt)
      gate.max_words = std::min(gate.max_words, n - 1);
    if (p.feature == Feature::kLine && p.op == Op::kEq && p.number == n) gate.line = n;
  }
  return gate;
}

// Numbers a class~ or path~ predicate of `rule` and adds its pattern to its kind's set.
void AddPredicatePattern(const Rule& rule, Predicate& p, int64_t max_mem, PredicateSets& sets,
                         std::vector<std::string>& errors) {
  PredicateSets::Kind& kind =
      p.feature == Feature::kClass ? sets.class_patterns : sets.path_patterns;
  if (!kind.set) {
    RE2::Options options;
    options.set_max_mem(max_mem);
    options.set_log_errors(false);
    kind.set = std::make_unique<RE2::Set>(options, RE2::UNANCHORED);
  }
  p.slot = sets.slots++;
  std::string error;
  if (kind.set->Add(p.re->pattern(), &error) < 0) {
    errors.push_back(rule.file + ":" + std::to_string(rule.line) + ":1: bad pattern /" +
                     p.re->pattern() + "/: " + error);
    return;
  }
  kind.slots.push_back(p.slot);
}

// The default rules' database, loaded once per process; null if this CPU cannot run it.
const Prefilter* DefaultPrefilter() {
  static const std::unique_ptr<Prefilter> loaded = Prefilter::Load(DefaultPrefilterDatabase());
  return loaded.get();
}

// The same for their class~ token database.
const Prefilter* DefaultClassTokenPrefilter() {
  static const std::unique_ptr<Prefilter> loaded = Prefilter::Load(DefaultClassTokenDatabase());
  return loaded.get();
}

// Whether the class~ predicates of `rules` can be matched token by token, and how.
PredicateSets::ClassTokens ClassTokensOf(const std::vector<Rule>& rules, uint32_t slots,
                                         const Prefilter* prefilter) {
  PredicateSets::ClassTokens t;
  if (prefilter == nullptr) return t;
  t.bits_of_id.assign(prefilter->pattern_count(), 0);
  t.index_of_slot.assign(slots, -1);
  int index = 0;  // in class_patterns, numbered as AddPredicatePattern adds them
  for (const Rule& r : rules) {
    for (const Predicate& p : r.predicates) {
      if (p.feature != Feature::kClass) continue;
      const int id = prefilter->Find(p.re->pattern());
      if (id < 0 || index >= 64) return {};
      t.bits_of_id[id] |= uint64_t{1} << index;
      t.index_of_slot[p.slot] = static_cast<int8_t>(index++);
    }
  }
  if (index > 0) t.prefilter = prefilter;
  return t;
}

// Reports r's pattern if RE2 cannot compile it on its own within the rule set's budget.
void BlameIfTooLarge(const Rule& r, std::vector<std::string>& errors) {
  if (r.re->get().ok()) return;
  errors.push_back(r.file + ":" + std::to_string(r.line) + ":" + std::to_string(r.pattern_col + 1) +
                   ": bad pattern: " + r.re->get().error());
}

Status ReadRuleFile(const fs::path& path, std::vector<RuleSource>& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IoError(path.string() + ": cannot read rules file");
  std::ostringstream text;
  text << in.rdbuf();
  out.push_back({path.string(), text.str()});
  return Status::Ok();
}

}  // namespace

Result<std::vector<RuleSource>> RuleSet::Sources(const Options& options) {
  std::vector<RuleSource> sources;
  if (options.use_default_rules) {
    for (const auto& f : DefaultRuleFiles()) {
      sources.push_back({f.path, f.text, SyntaxCheck::kDoneAtBuild});
    }
  }
  for (const std::string& p : options.rule_paths) {
    std::error_code ec;
    fs::file_status st = fs::status(p, ec);
    if (ec || !fs::exists(st)) return Status::IoError(p + ": no such rules file or folder");
    if (fs::is_directory(st)) {
      std::vector<fs::path> files;
      for (auto it = fs::recursive_directory_iterator(p, ec); !ec && it != fs::end(it);
           it.increment(ec)) {
        if (it->path().extension() == ".rules" && it->is_regular_file(ec)) {
          files.push_back(it->path());
        }
      }
      if (ec) return Status::IoError(p + ": " + ec.message());
      std::sort(files.begin(), files.end());
      for (const auto& f : files) {
        if (Status s = ReadRuleFile(f, sources); !s.ok()) return s;
      }
    } else if (Status s = ReadRuleFile(p, sources); !s.ok()) {
      return s;
    }
  }
  return sources;
}

Result<std::unique_ptr<RuleSet>> RuleSet::Compile(const std::vector<RuleSource>& sources,
                                                  int64_t max_mem, bool use_prefilter) {
  std::unique_ptr<RuleSet> set(new RuleSet());
  std::vector<std::string> errors;
  ParsedFile parsed;
  for (const RuleSource& src : sources) {
    ParseRules(src.name, src.text, max_mem, parsed, errors, src.check);
  }
  set->settings_ = parsed.settings;
  set->rules_ = std::move(parsed.rules);
  for (Rule& r : set->rules_) {
    for (Predicate& p : r.predicates) {
      if (p.re) AddPredicatePattern(r, p, max_mem, set->predicate_sets_, errors);
    }
  }

  RE2::Options re_options;
  re_options.set_max_mem(max_mem);
  re_options.set_log_errors(false);
  const Prefilter* prefilter = use_prefilter ? DefaultPrefilter() : nullptr;
  if (prefilter) set->rules_of_id_.resize(prefilter->pattern_count());
  set->anchored_.set = std::make_unique<RE2::Set>(re_options, RE2::ANCHOR_START);
  set->unanchored_.set = std::make_unique<RE2::Set>(re_options, RE2::UNANCHORED);
  for (size_t i = 0; i < set->rules_.size(); ++i) {
    const Rule& r = set->rules_[i];
    set->gates_.push_back(GateOf(r));
    if (!r.re) {
      set->unpatterned_.push_back(static_cast<int>(i));
      continue;
    }
    if (int id = prefilter ? prefilter->Find(r.pattern) : -1; id >= 0) {
      set->rules_of_id_[id].push_back(static_cast<int>(i));
      set->prefiltered_.push_back(static_cast<int>(i));
      continue;
    }
    PatternSet& target = AnchoredAtStart(r.pattern) ? set->anchored_ : set->unanchored_;
    std::string error;
    if (target.set->Add(r.pattern, &error) < 0) {
      errors.push_back(set->Origin(static_cast<int>(i)) + ":1: bad pattern: " + error);
      continue;
    }
    target.to_rule.push_back(static_cast<int>(i));
    target.max_words = std::max(target.max_words, set->gates_.back().max_words);
  }
  if (!set->prefiltered_.empty()) set->prefilter_ = prefilter;
  // The prefilter's patterns are the default rules', which the tests compile within the
  // default RE2 budget; under a smaller one, compile them now so one too large is reported.
  if (max_mem < Options().re2_max_mem) {
    for (int i : set->prefiltered_) BlameIfTooLarge(set->rules_[i], errors);
  }
  for (PatternSet* ps : {&set->anchored_, &set->unanchored_}) {
    if (errors.empty() && !ps->to_rule.empty() && !ps->set->Compile()) {
      // Blame the patterns too large on their own (their RE2 is otherwise compiled lazily),
      // else the set as a whole.
      for (int i : ps->to_rule) BlameIfTooLarge(set->rules_[i], errors);
      if (errors.empty()) {
        errors.push_back("rule set: the patterns need more than --re2-max-mem=" +
                         std::to_string(max_mem) + " bytes of RE2 memory");
      }
    }
  }
  if (use_prefilter) {
    set->predicate_sets_.class_tokens =
        ClassTokensOf(set->rules_, set->predicate_sets_.slots, DefaultClassTokenPrefilter());
  }
  // A class~ predicate (not negated) gates its rule when class~ goes by tokens: its answer is
  // then one bit of the line's (PatternMemo::ClassBits).
  if (set->predicate_sets_.class_tokens.prefilter != nullptr) {
    for (size_t i = 0; i < set->rules_.size(); ++i) {
      for (const Predicate& p : set->rules_[i].predicates) {
        if (p.feature == Feature::kClass && !p.negate) {
          set->gates_[i].class_index = set->predicate_sets_.class_tokens.index_of_slot[p.slot];
        }
      }
    }
  }
  for (PredicateSets::Kind* kind :
       {&set->predicate_sets_.class_patterns, &set->predicate_sets_.path_patterns}) {
    if (errors.empty() && kind->set && !kind->set->Compile()) {
      errors.push_back("rule set: the class~/path~ patterns need more than --re2-max-mem=" +
                       std::to_string(max_mem) + " bytes of RE2 memory");
    }
  }
  if (!errors.empty()) {
    std::string msg;
    for (const auto& e : errors) msg += e + "\n";
    msg.pop_back();
    return Status::RuleError(std::move(msg));
  }
  return set;
}

void RuleSet::PrefilterLines(std::string_view text, const std::vector<Line>& lines,
                             size_t max_line_bytes, LineCandidates& out) const {
  if (prefilter_ == nullptr) {
    out.Everything(lines.size());
    return;
  }
  prefilter_->Scan(text, lines, max_line_bytes, out);
}

void RuleSet::Match(std::string_view text, std::vector<int>& hits, uint32_t words,
                    std::span<const uint32_t> candidates) const {
  size_t first = hits.size();
  // RE2::Set::Match clears its output vector, so match into a reused thread-local one.
  thread_local std::vector<int> set_hits;
  for (const PatternSet* ps : {&anchored_, &unanchored_}) {
    if (ps->to_rule.empty() || words > ps->max_words) continue;
    // Most lines hit nothing; asking yes/no first spares RE2 the match-list allocation it
    // makes whenever a list is asked for.
    if (!ps->set->Match(text, nullptr) || !ps->set->Match(text, &set_hits)) continue;
    for (int h : set_hits) hits.push_back(ps->to_rule[h]);
  }
  // Where Hyperscan's answer is exact (prefilter.h), RE2 neither compiles nor matches again.
  auto check = [&](int r, bool exact) {
    if (words <= gates_[r].max_words && (exact || RE2::PartialMatch(text, rules_[r].re->get()))) {
      hits.push_back(r);
    }
  };
  if (!candidates.empty() && candidates[0] == LineCandidates::kEverything) {
    for (int r : prefiltered_) check(r, false);
  } else {
    for (uint32_t id : candidates) {
      const bool exact = prefilter_->exact(static_cast<int>(id));
      for (int r : rules_of_id_[id]) check(r, exact);
    }
  }
  std::sort(hits.begin() + first, hits.end());
}

std::string RuleSet::Origin(int i) const {
  return rules_[i].file + ":" + std::to_string(rules_[i].line);
}

}  // namespace winnow
