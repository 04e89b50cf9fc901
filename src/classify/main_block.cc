#include "classify/main_block.h"

#include <algorithm>
#include <unordered_map>

#include "classify/fallback.h"

namespace winnow {

std::pair<size_t, size_t> FindMainRegion(const std::vector<Line>& lines, const Page& page,
                                         const Settings& settings,
                                         const std::vector<char>& hinted) {
  constexpr std::pair<size_t, size_t> kNone{1, 0};
  if (page.dom.empty() || settings.main_region_min_words <= 0) return kNone;
  std::unordered_map<uint32_t, uint64_t> words;
  for (size_t i = 0; i < lines.size(); ++i) {
    const DomFeatures& d = page.dom[i];
    if (d.hidden || d.link_density > settings.max_link_density) continue;
    if (hinted[i]) {
      words[d.block_id] += static_cast<uint64_t>(settings.main_hint_weight * lines[i].words);
    } else if (InitialQuality(lines[i], &d, settings) >= Quality::kNearGood) {
      words[d.block_id] += lines[i].words;
    }
  }
  uint32_t best = 0;
  uint64_t best_words = 0;
  for (const auto& [id, w] : words) {
    if (w > best_words || (w == best_words && id < best)) best = id, best_words = w;
  }
  if (best_words < settings.main_region_min_words) return kNone;
  size_t first = lines.size(), last = 0;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (page.dom[i].block_id != best) continue;
    first = std::min(first, i);
    last = i;
  }
  return {first, last};
}

void KeepMainBlock(const std::vector<Line>& lines, const Settings& settings,
                   std::pair<size_t, size_t> region, std::vector<Decision>& decisions) {
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
  bool has_region = region.first <= region.second;
  uint64_t main_words = 0, region_words = 0;
  for (const Block& b : blocks) main_words = std::max(main_words, b.words);
  if (has_region) {
    for (size_t i = region.first; i <= region.second; ++i) {
      if (IsKept(decisions[i].label)) region_words += lines[i].words;
    }
  }
  for (const Block& b : blocks) {
    bool in_region = has_region && b.first <= region.second && b.last >= region.first;
    double need = has_region && !in_region
                      ? settings.region_outside_share * static_cast<double>(region_words)
                      : settings.block_min_share * static_cast<double>(main_words);
    if (b.words >= need) continue;
    for (size_t i = b.first; i <= b.last; ++i) {
      Decision& d = decisions[i];
      if (d.label != Label::kBody || d.rule >= 0) continue;
      d.label = Label::kBoilerplate;
      d.reason = Reason::kEdge;
    }
  }
}

}  // namespace winnow
