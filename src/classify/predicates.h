// Evaluates a rule's feature predicates on one line.
#ifndef WINNOW_SRC_CLASSIFY_PREDICATES_H_
#define WINNOW_SRC_CLASSIFY_PREDICATES_H_

#include <cstdint>
#include <vector>

#include "classify/line.h"
#include "page.h"
#include "rules/rule.h"

namespace winnow {

// The answers of a page's pattern predicates (class~, path~), by DOM string id
// (DomFeatures::attrs_id, path_id) and Predicate::slot: the lines of one block share their
// strings, so each pattern runs once per string instead of once per line.
class PatternMemo {
 public:
  // Forgets every answer; the page has `strings` DOM strings, the rules `slots` predicates.
  void Reset(size_t strings, uint32_t slots) {
    slots_ = slots;
    answers_.assign(strings * slots, kUnknown);
  }
  // The answer's cell (kUnknown until set), or null for an id the page does not have.
  int8_t* Find(uint32_t string_id, uint32_t slot) {
    const size_t i = size_t(string_id) * slots_ + slot;
    return slot < slots_ && i < answers_.size() ? &answers_[i] : nullptr;
  }
  static constexpr int8_t kUnknown = -1;

 private:
  uint32_t slots_ = 0;
  std::vector<int8_t> answers_;
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
