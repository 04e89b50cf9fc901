#include "classify/main_region.h"

#include <algorithm>
#include <unordered_map>

#include "classify/fallback.h"

namespace winnow {
namespace {

constexpr uint32_t kSideContainers = kInAside | kInNav | kInHeader | kInFooter | kInForm | kInMenu;

}  // namespace

MainRegion FindMainRegion(const std::vector<Line>& lines, const Page& page,
                          const Settings& settings, const std::vector<char>& hinted) {
  MainRegion region;
  if (page.dom.empty() || settings.main_region_min_words <= 0) return region;
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
  if (best_words < settings.main_region_min_words) return region;
  region.first = lines.size();
  region.containers = ~0u;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (page.dom[i].block_id != best) continue;
    region.first = std::min(region.first, i);
    region.last = i;
  }
  for (size_t i = region.first; i <= region.last; ++i) region.containers &= page.dom[i].containers;
  return region;
}

bool InMainRegion(const MainRegion& region, size_t i, const DomFeatures& dom) {
  return i >= region.first && i <= region.last &&
         (dom.containers & kSideContainers & ~region.containers) == 0;
}

}  // namespace winnow
