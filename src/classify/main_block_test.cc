#include "classify/main_block.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace winnow {
namespace {

const std::string kParagraph =
    "The council said on Monday that it would look again at the plans for the new road, after "
    "more than a thousand people wrote to it to say that the road would cut the village in two "
    "and that nobody had asked them about it.";

// A lead paragraph (line 0), an inline widget of ten removed lines, then six paragraphs; all in
// the main region, whose winning container is block 5.
struct Fixture {
  std::string text;
  std::vector<Line> lines;
  Page page;
  std::vector<Decision> decisions;
  MainRegion region{0, 16, 0, 5};

  explicit Fixture(const std::string& lead) {
    text = lead + "\n";
    for (int i = 0; i < 10; ++i) text += "Share\n";
    for (int i = 0; i < 6; ++i) text += kParagraph + "\n";
    ComputeLines(text, 1 << 20, lines);
    page.text = text;
    page.html = true;
    page.dom.assign(lines.size(), DomFeatures());
    decisions.assign(lines.size(), Decision());
    for (size_t i = 0; i < lines.size(); ++i) {
      const bool widget = i >= 1 && i <= 10;
      page.dom[i].block_id = widget ? 6 : 5;
      decisions[i].label = widget ? Label::kBoilerplate : Label::kBody;
      decisions[i].reason = widget ? Reason::kBad : Reason::kMainBlock;
    }
  }
  void Run() { KeepMainBlock(lines, page, Settings(), region, decisions); }
};

TEST(KeepMainBlockTest, LeadParagraphOfTheWinningContainerStays) {
  Fixture f(kParagraph);
  f.Run();
  EXPECT_EQ(f.decisions[0].label, Label::kBody);
  EXPECT_EQ(f.decisions[0].reason, Reason::kMainBlock);
}

TEST(KeepMainBlockTest, SmallBlockOfANestedContainerIsEdge) {
  Fixture f(kParagraph);
  f.page.dom[0].block_id = 7;  // a teaser box nested in the region
  f.Run();
  EXPECT_EQ(f.decisions[0].label, Label::kBoilerplate);
  EXPECT_EQ(f.decisions[0].reason, Reason::kEdge);
}

TEST(KeepMainBlockTest, ShortLineOfTheWinningContainerIsEdge) {
  Fixture f("Council to look again at road plans");
  f.Run();
  EXPECT_EQ(f.decisions[0].label, Label::kBoilerplate);
  EXPECT_EQ(f.decisions[0].reason, Reason::kEdge);
  EXPECT_EQ(f.decisions[16].label, Label::kBody) << "the article itself stays";
}

}  // namespace
}  // namespace winnow
