#include "classify/main_region.h"

#include <algorithm>

#include "classify/fallback.h"

namespace winnow {
namespace {

constexpr uint32_t kSideContainers = kInAside | kInNav | kInHeader | kInFooter | kInForm | kInMenu;

// The container tree of a page, by block id: each container's prose words (`words`, its own
// lines only) and in its whole subtree (`subtree`), and the end of its subtree's id run.
struct Containers {
  std::vector<uint32_t> parent, end;
  std::vector<uint64_t> words, subtree;
};

constexpr uint32_t kOwnLines = ~0u;  // Climb's answer when the region is best's own lines

// Where the region grows while it holds less than region_climb_share of `total`: first into
// the containers nested in `best`, then to each enclosing container, as long as every step
// adds a container with at least region_climb_peer of best's words (steps that add no prose
// are free). Returns the container whose prose lines join best's own, or kOwnLines. Each step
// scans only the ids it adds, so the climb is linear in the number of containers.
uint32_t Climb(const Containers& c, uint32_t best, uint64_t total, const Settings& settings) {
  const double need = settings.region_climb_share * static_cast<double>(total);
  const double peer_words = settings.region_climb_peer * static_cast<double>(c.words[best]);
  auto largest = [&](uint32_t from, uint32_t to) {
    uint64_t w = 0;
    for (uint32_t id = from; id < to; ++id) w = std::max(w, c.words[id]);
    return static_cast<double>(w);
  };
  if (static_cast<double>(c.words[best]) >= need) return kOwnLines;
  if (c.subtree[best] > c.words[best] && largest(best + 1, c.end[best]) < peer_words) {
    return kOwnLines;
  }
  uint32_t root = best;
  while (root != 0 && static_cast<double>(c.subtree[root]) < need) {
    const uint32_t up = c.parent[root];
    if (c.subtree[up] > c.subtree[root] &&
        std::max(largest(up, root), largest(c.end[root], c.end[up])) < peer_words) {
      break;
    }
    root = up;
  }
  return root;
}

}  // namespace

MainRegion FindMainRegion(const std::vector<Line>& lines, const Page& page,
                          const Settings& settings, const std::vector<char>& hinted) {
  MainRegion region;
  if (page.dom.empty() || settings.main_region_min_words <= 0) return region;
  thread_local Containers c;
  thread_local std::vector<char> prose;
  size_t count = page.block_parent.size();
  for (const DomFeatures& d : page.dom) count = std::max<size_t>(count, d.block_id + 1);
  c.parent.assign(count, 0);
  std::copy(page.block_parent.begin(), page.block_parent.end(), c.parent.begin());
  c.words.assign(count, 0);
  prose.assign(lines.size(), 0);
  uint64_t total = 0;
  for (size_t i = 0; i < lines.size(); ++i) {
    const DomFeatures& d = page.dom[i];
    if (d.hidden || d.link_density > settings.max_link_density) continue;
    uint64_t w = 0;
    if (hinted[i]) {
      w = static_cast<uint64_t>(settings.main_hint_weight * lines[i].words);
    } else if (InitialQuality(lines[i], &d, settings) >= Quality::kNearGood) {
      w = lines[i].words;
    }
    c.words[d.block_id] += w;
    total += w;
    prose[i] = w > 0;
  }
  uint32_t best = 0;
  for (uint32_t id = 1; id < count; ++id) {
    if (c.words[id] > c.words[best]) best = id;
  }
  if (c.words[best] < settings.main_region_min_words) return region;

  uint32_t root = kOwnLines;
  if (settings.region_climb_share > 0) {
    c.subtree = c.words;
    c.end.resize(count);
    for (uint32_t id = 0; id < count; ++id) c.end[id] = id + 1;
    for (uint32_t id = static_cast<uint32_t>(count); id-- > 1;) {
      c.subtree[c.parent[id]] += c.subtree[id];
      c.end[c.parent[id]] = std::max(c.end[c.parent[id]], c.end[id]);
    }
    root = Climb(c, best, total, settings);
  }
  // The best container's lines, and after a climb the prose lines of root's subtree: the span
  // stops at the last paragraph, not at the link lists or widgets after it.
  region.block = best;
  region.first = lines.size();
  for (size_t i = 0; i < lines.size(); ++i) {
    const uint32_t id = page.dom[i].block_id;
    if (id != best && !(root != kOwnLines && prose[i] && id >= root && id < c.end[root])) {
      continue;
    }
    region.first = std::min(region.first, i);
    region.last = i;
  }
  region.containers = ~0u;
  for (size_t i = region.first; i <= region.last; ++i) region.containers &= page.dom[i].containers;
  return region;
}

bool InMainRegion(const MainRegion& region, size_t i, const DomFeatures& dom) {
  return i >= region.first && i <= region.last &&
         (dom.containers & kSideContainers & ~region.containers) == 0;
}

}  // namespace winnow
