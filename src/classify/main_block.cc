#include "classify/main_block.h"

#include <algorithm>

#include "classify/fallback.h"

namespace winnow {

namespace {

// True if one of lines [first, last] is a paragraph of the region's winning container.
bool HoldsRegionParagraph(const std::vector<Line>& lines, const Page& page,
                          const Settings& settings, const MainRegion& region,
                          const std::vector<Decision>& decisions, size_t first, size_t last) {
  for (size_t i = first; i <= last; ++i) {
    if (decisions[i].reason == Reason::kMainBlock && page.dom[i].block_id == region.block &&
        InitialQuality(lines[i], &page.dom[i], settings) == Quality::kGood) {
      return true;
    }
  }
  return false;
}

}  // namespace

void KeepMainBlock(const std::vector<Line>& lines, const Page& page, const Settings& settings,
                   const MainRegion& region, std::vector<Decision>& decisions) {
  if (settings.block_gap_lines <= 0) return;
  struct Block {
    size_t first, last;  // decision indices of the first and last kept line
    uint64_t words;
  };
  thread_local std::vector<Block> blocks;
  blocks.clear();
  size_t gap = 0;
  for (size_t i = 0; i < decisions.size(); ++i) {
    if (!IsKept(decisions[i].label)) {
      ++gap;
      continue;
    }
    if (blocks.empty() || gap >= settings.block_gap_lines) blocks.push_back({i, i, 0});
    blocks.back().last = i;
    blocks.back().words += lines[i].words;
    gap = 0;
  }
  if (blocks.size() < 2) return;
  bool has_region = !region.empty();
  uint64_t main_words = 0, region_words = 0;
  for (const Block& b : blocks) main_words = std::max(main_words, b.words);
  if (has_region) {
    for (size_t i = region.first; i <= region.last; ++i) {
      if (IsKept(decisions[i].label)) region_words += lines[i].words;
    }
  }
  for (const Block& b : blocks) {
    bool in_region = has_region && b.first <= region.last && b.last >= region.first;
    double need = has_region && !in_region
                      ? settings.region_outside_share * static_cast<double>(region_words)
                      : settings.block_min_share * static_cast<double>(main_words);
    if (b.words >= need) continue;
    if (in_region &&
        HoldsRegionParagraph(lines, page, settings, region, decisions, b.first, b.last)) {
      continue;
    }
    for (size_t i = b.first; i <= b.last; ++i) {
      Decision& d = decisions[i];
      if (d.label != Label::kBody || d.rule >= 0) continue;
      d.label = Label::kBoilerplate;
      d.reason = Reason::kEdge;
    }
  }
}

}  // namespace winnow
