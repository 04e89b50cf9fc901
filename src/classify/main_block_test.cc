#include "classify/main_block.h"

#include <gtest/gtest.h>

#include <string>

namespace winnow {
namespace {

// Two containers: block 1 holds a short table (no prose), block 2 a sidebar of prose. The
// sidebar wins on prose alone; a `main` hint on the table's lines makes the table the region.
struct Fixture {
  std::string text;
  std::vector<Line> lines;
  Page page;
  Fixture() {
    const std::string prose =
        "This is a sentence of ordinary prose that is long enough and has the words it needs "
        "to be taken as text by the fallback of the classifier here.";
    for (int i = 0; i < 6; ++i) text += "1 | Kyle Busch | 5040 | 5 | 1 | 17 | 27 | 12 | 9 | 3\n";
    text += prose + "\n";
    ComputeLines(text, 1 << 20, lines);
    page.text = text;
    page.html = true;
    page.dom.assign(lines.size(), DomFeatures());
    for (size_t i = 0; i < lines.size(); ++i) page.dom[i].block_id = i < 6 ? 1 : 2;
  }
};

TEST(FindMainRegionTest, ProseWinsWithoutHints) {
  Fixture f;
  Settings s;
  s.main_region_min_words = 10;
  std::vector<char> hinted(f.lines.size(), 0);
  EXPECT_EQ(FindMainRegion(f.lines, f.page, s, hinted), (std::pair<size_t, size_t>{6, 6}));
}

TEST(FindMainRegionTest, HintedContainerWins) {
  Fixture f;
  Settings s;
  s.main_region_min_words = 10;
  std::vector<char> hinted(f.lines.size(), 0);
  for (size_t i = 0; i < 6; ++i) hinted[i] = 1;
  EXPECT_EQ(FindMainRegion(f.lines, f.page, s, hinted), (std::pair<size_t, size_t>{0, 5}));
}

TEST(FindMainRegionTest, TextDumpsHaveNoRegion) {
  Fixture f;
  f.page.dom.clear();
  f.page.html = false;
  std::vector<char> hinted(f.lines.size(), 1);
  std::pair<size_t, size_t> r = FindMainRegion(f.lines, f.page, Settings(), hinted);
  EXPECT_GT(r.first, r.second);
}

}  // namespace
}  // namespace winnow
