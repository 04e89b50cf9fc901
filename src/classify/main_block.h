// Main block: an article is one run of text. Kept lines far (block_gap_lines removed lines)
// from the largest run of body text, in runs much smaller than it, are related stories,
// comments or other articles, and are dropped as kEdge.
#ifndef WINNOW_SRC_CLASSIFY_MAIN_BLOCK_H_
#define WINNOW_SRC_CLASSIFY_MAIN_BLOCK_H_

#include <vector>

#include "classify/line.h"
#include "classify/main_region.h"
#include "page.h"
#include "rules/settings.h"
#include "winnow/winnow.h"

namespace winnow {

// Only lines the fallback kept are dropped; lines a keep rule protected stay. With an HTML
// main region, blocks that do not reach into it must hold region_outside_share of its words,
// and a block that holds a paragraph (a line the fallback would call long) of the region's
// winning container itself stays whatever its size: a lead cut off from the rest of the
// article by an inline widget.
void KeepMainBlock(const std::vector<Line>& lines, const Page& page, const Settings& settings,
                   const MainRegion& region, std::vector<Decision>& decisions);

}  // namespace winnow

#endif  // WINNOW_SRC_CLASSIFY_MAIN_BLOCK_H_
