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

// True if every predicate of the rule holds.
bool EvaluateAll(const Rule& rule, const LineContext& ctx);

}  // namespace winnow

#endif  // WINNOW_SRC_CLASSIFY_PREDICATES_H_
