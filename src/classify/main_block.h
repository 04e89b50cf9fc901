// Main block: an article is one run of text. Kept lines far (block_gap_lines removed lines)
// from the largest run of body text, in runs much smaller than it, are related stories,
// comments or other articles, and are dropped as kEdge.
#ifndef WINNOW_SRC_CLASSIFY_MAIN_BLOCK_H_
#define WINNOW_SRC_CLASSIFY_MAIN_BLOCK_H_

#include <utility>
#include <vector>

#include "classify/line.h"
#include "page.h"
#include "rules/settings.h"
#include "winnow/winnow.h"

namespace winnow {

// HTML: the main region is the span of lines of the block container (DomFeatures::block_id)
// holding the most prose words in lines that are neither hidden nor link-dense; lines a
// `main` rule fired on (`hinted`, one per line) count whatever their prose, main_hint_weight
// times. Returns [first, last] line indices, or first > last when no container holds
// main_region_min_words.
std::pair<size_t, size_t> FindMainRegion(const std::vector<Line>& lines, const Page& page,
                                         const Settings& settings, const std::vector<char>& hinted);

// Only lines the fallback kept are dropped; lines a keep rule protected stay. With an HTML
// main region, blocks that do not reach into it must hold region_outside_share of its words.
void KeepMainBlock(const std::vector<Line>& lines, const Settings& settings,
                   std::pair<size_t, size_t> region, std::vector<Decision>& decisions);

}  // namespace winnow

#endif  // WINNOW_SRC_CLASSIFY_MAIN_BLOCK_H_
