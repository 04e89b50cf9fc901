// Evaluates a rule's feature predicates on one line.
#ifndef WINNOW_SRC_CLASSIFY_PREDICATES_H_
#define WINNOW_SRC_CLASSIFY_PREDICATES_H_

#include <cstdint>

#include "classify/line.h"
#include "page.h"
#include "rules/rule.h"

namespace winnow {

struct LineContext {
  const Line& line;
  const DomFeatures* dom;  // null for text dumps
  uint32_t line_count;     // non-blank lines in the page (for fromend)
};

bool Evaluate(const Predicate& p, const LineContext& ctx);

// True for predicates about where a line sits in its page (position, neighbours, DOM), which
// a one-line inline example cannot exercise.
bool IsContextFeature(Feature f);

// True if every predicate of the rule holds (with skip_context, every text predicate).
bool EvaluateAll(const Rule& rule, const LineContext& ctx, bool skip_context = false);

}  // namespace winnow

#endif  // WINNOW_SRC_CLASSIFY_PREDICATES_H_
