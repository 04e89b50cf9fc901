#include "html/gumbo_arena.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <cstring>
#include <utility>
#include <vector>

namespace winnow::html {
namespace {

// Fills every allocation with its own byte, then checks none was overwritten by another.
void ExpectDisjoint(const std::vector<std::pair<char*, size_t>>& allocations) {
  for (size_t i = 0; i < allocations.size(); ++i) {
    std::memset(allocations[i].first, static_cast<int>(i % 251), allocations[i].second);
  }
  for (size_t i = 0; i < allocations.size(); ++i) {
    for (size_t k = 0; k < allocations[i].second; ++k) {
      ASSERT_EQ(allocations[i].first[k], static_cast<char>(i % 251)) << i;
    }
  }
}

TEST(GumboArena, AllocationsAreAlignedAndDisjointAcrossBlocks) {
  GumboArena arena;
  std::vector<std::pair<char*, size_t>> allocations;
  size_t total = 0;
  // Over 3 MB in sizes 0..999, so several 1 MB blocks fill up, plus requests larger than one.
  for (size_t i = 0; total < (3u << 20); ++i) {
    const size_t size = i % 1000;
    auto* p = static_cast<char*>(arena.Allocate(size));
    ASSERT_NE(p, nullptr);
    EXPECT_EQ(reinterpret_cast<uintptr_t>(p) % alignof(std::max_align_t), 0u);
    allocations.emplace_back(p, size);
    total += size;
  }
  for (size_t size : {size_t{3} << 20, size_t{5}}) {
    allocations.emplace_back(static_cast<char*>(arena.Allocate(size)), size);
  }
  ExpectDisjoint(allocations);
  EXPECT_GE(arena.allocated_bytes(), total + (3u << 20));
}

TEST(GumboArena, ZeroSizedAllocationsAreDistinct) {
  GumboArena arena;
  void* a = arena.Allocate(0);
  void* b = arena.Allocate(0);
  EXPECT_NE(a, nullptr);
  EXPECT_NE(a, b);
}

TEST(GumboArena, ResetReusesTheRetainedBlocks) {
  GumboArena arena;
  void* first = arena.Allocate(100);
  for (int i = 0; i < 3000; ++i) arena.Allocate(1000);  // into a second and third block
  arena.Reset(size_t{2} << 20);                         // keeps two 1 MB blocks
  EXPECT_EQ(arena.allocated_bytes(), 0u);
  EXPECT_EQ(arena.Allocate(100), first) << "the first retained block again";
  std::vector<std::pair<char*, size_t>> allocations;
  for (int i = 0; i < 3000; ++i) {
    allocations.emplace_back(static_cast<char*>(arena.Allocate(1000)), 1000);
  }
  ExpectDisjoint(allocations);
  arena.Reset(0);
  EXPECT_NE(arena.Allocate(8), nullptr);
}

TEST(GumboArena, ParsesATreeIntoIt) {
  GumboArena arena;
  const GumboOutput* out = ParseWithArena("<p>a<b>b</b></p>", 0, &arena);
  ASSERT_NE(out, nullptr);
  EXPECT_GT(arena.allocated_bytes(), 0u);
  EXPECT_EQ(out->root->v.element.tag, GUMBO_TAG_HTML);
}

}  // namespace
}  // namespace winnow::html
