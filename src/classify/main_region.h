// Main region (HTML): the span of lines where the article is, found before the fallback runs.
// Inside it, lines that no rule decided are body unless hidden or link-dense.
#ifndef WINNOW_SRC_CLASSIFY_MAIN_REGION_H_
#define WINNOW_SRC_CLASSIFY_MAIN_REGION_H_

#include <cstddef>
#include <cstdint>
#include <vector>

#include "classify/line.h"
#include "page.h"
#include "rules/settings.h"

namespace winnow {

struct MainRegion {
  size_t first = 1, last = 0;  // line indices; the region is empty when first > last
  uint32_t containers = 0;     // Container bits every line of the span shares
  uint32_t block = 0;          // the winning container (its own lines, not those it nests)

  bool empty() const { return first > last; }
};

// The span of lines of the block container (DomFeatures::block_id) holding the most prose
// words in lines that are neither hidden nor link-dense; lines a `main` rule fired on
// (`hinted`, one per line) count whatever their prose, main_hint_weight times. Empty when no
// container holds main_region_min_words. When that container holds too small a share of the
// page's prose (an article split into sections), the region takes in the containers nested in
// it and climbs to enclosing ones (region_climb_share, region_climb_peer), spanning their prose
// lines.
MainRegion FindMainRegion(const std::vector<Line>& lines, const Page& page,
                          const Settings& settings, const std::vector<char>& hinted);

// True if line i is in the region's span but not in a side container (aside, nav, header,
// footer, form, menu) nested inside it: a share box or an inline sidebar is not the article.
bool InMainRegion(const MainRegion& region, size_t i, const DomFeatures& dom);

}  // namespace winnow

#endif  // WINNOW_SRC_CLASSIFY_MAIN_REGION_H_
