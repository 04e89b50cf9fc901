#include "classify/main_region.h"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

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
  MainRegion r = FindMainRegion(f.lines, f.page, s, hinted);
  EXPECT_EQ(r.first, 6u);
  EXPECT_EQ(r.last, 6u);
}

TEST(FindMainRegionTest, HintedContainerWins) {
  Fixture f;
  Settings s;
  s.main_region_min_words = 10;
  std::vector<char> hinted(f.lines.size(), 0);
  for (size_t i = 0; i < 6; ++i) hinted[i] = 1;
  MainRegion r = FindMainRegion(f.lines, f.page, s, hinted);
  EXPECT_EQ(r.first, 0u);
  EXPECT_EQ(r.last, 5u);
}

TEST(FindMainRegionTest, TextDumpsHaveNoRegion) {
  Fixture f;
  f.page.dom.clear();
  f.page.html = false;
  std::vector<char> hinted(f.lines.size(), 1);
  EXPECT_TRUE(FindMainRegion(f.lines, f.page, Settings(), hinted).empty());
}

TEST(InMainRegionTest, SideContainersNestedInTheRegionAreLeftOut) {
  MainRegion r{2, 6, kInArticle};
  DomFeatures prose, share_box, in_aside;
  prose.containers = kInArticle;
  share_box.containers = kInArticle | kInAside;
  EXPECT_TRUE(InMainRegion(r, 2, prose));
  EXPECT_FALSE(InMainRegion(r, 3, share_box));
  EXPECT_FALSE(InMainRegion(r, 7, prose));
  // A region that is itself in an aside keeps its lines.
  r.containers = kInAside;
  in_aside.containers = kInAside | kInList;
  EXPECT_TRUE(InMainRegion(r, 4, in_aside));
}

TEST(FindMainRegionTest, SpanSharesTheContainersOfAllItsLines) {
  Fixture f;
  Settings s;
  s.main_region_min_words = 10;
  std::vector<char> hinted(f.lines.size(), 0);
  for (size_t i = 0; i < 6; ++i) {
    hinted[i] = 1;
    f.page.dom[i].containers = kInArticle | kInTable;
  }
  f.page.dom[2].containers |= kInAside;
  MainRegion r = FindMainRegion(f.lines, f.page, s, hinted);
  EXPECT_EQ(r.containers, kInArticle | kInTable);
  EXPECT_FALSE(InMainRegion(r, 2, f.page.dom[2]));
  EXPECT_TRUE(InMainRegion(r, 3, f.page.dom[3]));
}

// A page of lines, each in a block container; `parent` links the containers (id 0: none).
struct Tree {
  std::string text;
  std::vector<Line> lines;
  Page page;
  Tree(const std::vector<std::pair<std::string, uint32_t>>& rows, std::vector<uint32_t> parent) {
    for (const auto& row : rows) text += row.first + "\n";
    ComputeLines(text, 1 << 20, lines);
    page.text = text;
    page.html = true;
    page.dom.assign(lines.size(), DomFeatures());
    for (size_t i = 0; i < lines.size(); ++i) page.dom[i].block_id = rows[i].second;
    page.block_parent = std::move(parent);
  }
  MainRegion Find(const Settings& s) const {
    return FindMainRegion(lines, page, s, std::vector<char>(lines.size(), 0));
  }
};

const std::string kParagraph =
    "This is a sentence of ordinary prose that is long enough and has the words it needs to be "
    "taken as text by the fallback of the classifier here.";
const std::string kTeaser =
    "The council said on Monday it would look again at the plans for the road.";

// body 1 > article 2 > sections 3, 4, 5; body 1 > aside 6 (comments).
Tree SplitArticle() {
  return Tree({{"Menu", 1},
               {kParagraph, 3},
               {kParagraph, 3},
               {kParagraph, 4},
               {kParagraph, 4},
               {kParagraph, 5},
               {"Share this", 2},
               {kParagraph, 6},
               {kParagraph, 6}},
              {0, 0, 1, 2, 2, 2, 1});
}

TEST(FindMainRegionTest, ClimbsToTheContainerOfAnArticleSplitIntoSections) {
  MainRegion r = SplitArticle().Find(Settings());
  EXPECT_EQ(r.first, 1u);
  EXPECT_EQ(r.last, 5u) << "up to the last paragraph: not the share line, not the comments";
}

TEST(FindMainRegionTest, TakesInTheContainersNestedInTheWinningOne) {
  // body 1 > article 2 (two paragraphs of its own) > divs 3 and 4; body 1 > asides 5 and 6.
  Tree t({{"Menu", 1},
          {kParagraph, 2},
          {kParagraph, 2},
          {kParagraph, 3},
          {kParagraph, 3},
          {kParagraph, 4},
          {kParagraph, 5},
          {kParagraph, 6}},
         {0, 0, 1, 2, 2, 1, 1});
  MainRegion r = t.Find(Settings());
  EXPECT_EQ(r.block, 2u);
  EXPECT_EQ(r.first, 1u);
  EXPECT_EQ(r.last, 5u);
}

TEST(FindMainRegionTest, StaysInItsContainerWithoutClimbing) {
  Settings s;
  s.region_climb_share = 0;
  MainRegion r = SplitArticle().Find(s);
  EXPECT_EQ(r.first, 1u);
  EXPECT_EQ(r.last, 2u);
}

TEST(FindMainRegionTest, DoesNotClimbIntoAStreamOfSmallTeasers) {
  // body 1 > page 2 > article 3 and teasers 4..9, which together hold more prose than it.
  std::vector<std::pair<std::string, uint32_t>> rows = {{kParagraph, 3}, {kParagraph, 3}};
  for (uint32_t id = 4; id <= 9; ++id) rows.push_back({kTeaser, id});
  Tree t(rows, {0, 0, 1, 2, 2, 2, 2, 2, 2, 2});
  MainRegion r = t.Find(Settings());
  EXPECT_EQ(r.first, 0u);
  EXPECT_EQ(r.last, 1u);
  Settings s;
  s.region_climb_peer = 0;
  EXPECT_EQ(t.Find(s).last, 7u) << "without the peer test, the teasers join";
}

}  // namespace
}  // namespace winnow
