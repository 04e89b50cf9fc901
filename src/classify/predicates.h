// Evaluates a rule's feature predicates on one line.
#ifndef WINNOW_SRC_CLASSIFY_PREDICATES_H_
#define WINNOW_SRC_CLASSIFY_PREDICATES_H_

#include <cstdint>
#include <string_view>
#include <vector>

#include "classify/class_tokens.h"
#include "classify/line.h"
#include "page.h"
#include "rules/rule.h"
#include "rules/rule_set.h"

namespace winnow {

// The answers of a page's pattern predicates (class~, path~), by DOM string id
// (DomFeatures::attrs_id, path_id) and Predicate::slot: the lines of one block share their
// strings, and one RE2::Set search of a string answers every predicate of its kind.
class PatternMemo {
 public:
  // Forgets every answer; the page has `strings` DOM strings and `tokens`, the rules `sets`.
  // class~ goes by tokens when the rules allow it and the walk collected them.
  void Reset(size_t strings, const AttrTokens& tokens, const PredicateSets& sets) {
    sets_ = &sets;
    answers_.assign(strings * sets.slots, kUnknown);
    by_tokens_ = sets.class_tokens.prefilter != nullptr && tokens.collected;
    if (by_tokens_) tokens_.Reset(tokens, sets);
  }
  bool by_tokens() const { return by_tokens_; }
  // Whether p (a class~ predicate) matches the attrs of `element`; only when by_tokens().
  bool ClassByTokens(const Predicate& p, uint32_t element) {
    return (tokens_.Bits(element) >> sets_->class_tokens.index_of_slot[p.slot]) & 1;
  }
  // Every class~ answer of `element`'s attrs as bits (class_patterns indices) when
  // by_tokens(), else all ones (unknown).
  uint64_t ClassBits(uint32_t element) { return by_tokens_ ? tokens_.Bits(element) : ~uint64_t{0}; }
  // Whether p (a class~ or path~ predicate) matches `subject`, the page's DOM string `id`;
  // null when the memo cannot answer (no page set, or an id the page does not have).
  const int8_t* Find(const Predicate& p, uint32_t id, std::string_view subject);
  static constexpr int8_t kUnknown = -1;

 private:
  const PredicateSets* sets_ = nullptr;
  std::vector<int8_t> answers_;
  bool by_tokens_ = false;
  ClassTokenAnswers tokens_;
};

struct LineContext {
  const Line& line;
  const DomFeatures* dom;       // null for text dumps
  uint32_t line_count;          // non-blank lines in the page (for fromend)
  PatternMemo* memo = nullptr;  // null: pattern predicates are matched every time
};

bool Evaluate(const Predicate& p, const LineContext& ctx);

// True for predicates about where a line sits in its page (position, neighbours, DOM), which
// a one-line inline example cannot exercise.
bool IsContextFeature(Feature f);

// True if every predicate of the rule holds (with skip_context, every text predicate).
bool EvaluateAll(const Rule& rule, const LineContext& ctx, bool skip_context = false);

}  // namespace winnow

#endif  // WINNOW_SRC_CLASSIFY_PREDICATES_H_
