// The spans a span rule drops from a line.
#ifndef WINNOW_SRC_RULES_SPAN_MATCH_H_
#define WINNOW_SRC_RULES_SPAN_MATCH_H_

#include <string_view>
#include <vector>

#include "re2/re2.h"
#include "winnow/winnow.h"

namespace winnow {

// Appends every non-empty match of `re` in `text` (capture group 1 when the pattern has
// groups, so context can be matched without being dropped), offset by `base`.
void MatchSpans(const RE2& re, std::string_view text, uint32_t base, std::vector<Span>& out);

}  // namespace winnow

#endif  // WINNOW_SRC_RULES_SPAN_MATCH_H_
