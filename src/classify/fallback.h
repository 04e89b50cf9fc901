// The statistical fallback (after jusText) for lines no rule decided, and the context pass
// that lets short and borderline lines take their neighbours' class.
#ifndef WINNOW_SRC_CLASSIFY_FALLBACK_H_
#define WINNOW_SRC_CLASSIFY_FALLBACK_H_

#include <cstdint>
#include <vector>

#include "classify/line.h"
#include "classify/main_region.h"
#include "page.h"
#include "rules/settings.h"
#include "winnow/winnow.h"

namespace winnow {

// jusText's context-free classes of a line.
enum class Quality : uint8_t { kBad, kShort, kNearGood, kGood };

// The class of a line on its own features. Prose is recognised by stop words, or, for
// languages without a list, by length and sentence marks.
Quality InitialQuality(const Line& line, const DomFeatures* dom, const Settings& settings);

// Fills the label and reason of every decision whose `rule` is -1 and whose reason is not
// kCutRegion; rule-decided lines act as fixed good (keep) or bad (removed) neighbours.
// Lines in the main region (HTML; InMainRegion) that are neither hidden nor link-dense are
// body outright (reason kMainBlock).
void ApplyFallback(const std::vector<Line>& lines, const Page& page, const Settings& settings,
                   const MainRegion& region, std::vector<Decision>& decisions);

}  // namespace winnow

#endif  // WINNOW_SRC_CLASSIFY_FALLBACK_H_
