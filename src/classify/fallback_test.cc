#include "classify/fallback.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "classify/classifier.h"
#include "rules/rule_set.h"

namespace winnow {
namespace {

// Lines of each of jusText's classes under the default settings.
// Good: over 200 characters, many stop words.
const std::string kGood =
    "The committee said on Monday that the new rules would apply to every member of the group "
    "from next year, and that it would review them again after the first six months if there "
    "were any problems with the way they worked.";
// Near-good: 70 to 200 characters, many stop words.
const std::string kNear =
    "The minister said that the talks would go on for as long as they were needed by both sides.";
// Short: under 70 characters.
const std::string kShort = "A short subheading here";
// Bad: long enough, no stop words, no sentence.
const std::string kBad =
    "Home News Sport Business Technology Science Health Entertainment Arts Travel Weather Video";
// Prose in a language without a stop-word list: three sentences, 27 words, over 200 chars.
const std::string kForeign =
    "Hallitus kertoi maanantaina uusista säännöistä jotka koskevat kaikkia jäseniä ensi "
    "vuodesta alkaen. Muutoksia arvioidaan uudelleen puolen vuoden kuluttua mikäli ongelmia "
    "ilmenee. Ministeri vahvisti asian tiedotustilaisuudessa Helsingissä tiistaina.";

Line LineOf(const std::string& text) {
  std::vector<Line> lines;
  ComputeLines(text, 1 << 20, lines);
  EXPECT_EQ(lines.size(), 1u);
  return lines.empty() ? Line() : lines[0];
}

TEST(InitialQualityTest, TheFourClasses) {
  Settings s;
  EXPECT_EQ(InitialQuality(LineOf(kGood), nullptr, s), Quality::kGood);
  EXPECT_EQ(InitialQuality(LineOf(kNear), nullptr, s), Quality::kNearGood);
  EXPECT_EQ(InitialQuality(LineOf(kShort), nullptr, s), Quality::kShort);
  EXPECT_EQ(InitialQuality(LineOf(kBad), nullptr, s), Quality::kBad);
}

TEST(InitialQualityTest, ThresholdsComeFromSettings) {
  Settings s;
  s.stopwords_high = 0.99;  // between low and high: near-good however long
  EXPECT_EQ(InitialQuality(LineOf(kGood), nullptr, s), Quality::kNearGood);
  s = Settings();
  s.length_high = 1000;
  EXPECT_EQ(InitialQuality(LineOf(kGood), nullptr, s), Quality::kNearGood);
  s = Settings();
  s.length_low = 10;
  EXPECT_EQ(InitialQuality(LineOf(kShort), nullptr, s), Quality::kNearGood);  // 2 of 4 stop
  s = Settings();
  s.length_low = 100;
  EXPECT_EQ(InitialQuality(LineOf(kNear), nullptr, s), Quality::kShort);
}

TEST(InitialQualityTest, ProseWithoutStopWords) {
  Settings s;
  Line foreign = LineOf(kForeign);
  ASSERT_EQ(foreign.stop_words, 0u);
  ASSERT_EQ(foreign.sentences, 3u);
  EXPECT_EQ(InitialQuality(foreign, nullptr, s), Quality::kGood);
  s.prose_min_sentences = 4;
  EXPECT_EQ(InitialQuality(foreign, nullptr, s), Quality::kNearGood);
  s = Settings();
  s.prose_min_words = 30;
  EXPECT_EQ(InitialQuality(foreign, nullptr, s), Quality::kBad);
  // One sentence of twelve words is near-good; without its full stop it is a list.
  const std::string one =
      "Hallitus kertoi maanantaina uusista säännöistä jotka koskevat kaikkia jäseniä ensi vuodesta "
      "alkaen.";
  EXPECT_EQ(InitialQuality(LineOf(one), nullptr, Settings()), Quality::kNearGood);
  EXPECT_EQ(InitialQuality(LineOf(one.substr(0, one.size() - 1)), nullptr, Settings()),
            Quality::kBad);
}

TEST(InitialQualityTest, HiddenOrLinkHeavyHtmlLinesAreBad) {
  Settings s;
  Line good = LineOf(kGood);
  DomFeatures dom;
  EXPECT_EQ(InitialQuality(good, &dom, s), Quality::kGood);
  dom.hidden = true;
  EXPECT_EQ(InitialQuality(good, &dom, s), Quality::kBad);
  dom = DomFeatures();
  dom.link_density = 0.5f;
  EXPECT_EQ(InitialQuality(good, &dom, s), Quality::kBad);
  dom.link_density = 0.1f;
  EXPECT_EQ(InitialQuality(good, &dom, s), Quality::kGood);
  s.max_link_density = 0.05;
  EXPECT_EQ(InitialQuality(good, &dom, s), Quality::kBad);
}

// The context pass, through Classify with a rule set of `rules` (no rules by default).
class ContextTest : public ::testing::Test {
 protected:
  void Run(std::vector<std::string> page_lines, const std::string& rules = "") {
    Result<std::unique_ptr<RuleSet>> set = RuleSet::Compile({{"t.rules", rules}}, 8 << 20);
    ASSERT_TRUE(set.ok()) << set.status().message();
    rules_ = std::move(*set);
    text_.clear();
    for (const std::string& l : page_lines) text_ += l + "\n";
    page_ = Page();
    page_.text = text_;
    ComputeLines(page_.text, 1 << 20, lines_);
    Classify(*rules_, page_, lines_, 1 << 20, out_);
    ASSERT_EQ(out_.decisions.size(), page_lines.size());
  }
  void Expect(size_t i, Label label, Reason reason) const {
    const Decision& d = out_.decisions.at(i);
    EXPECT_EQ(d.label, label) << "line " << i << ": " << LabelName(d.label);
    EXPECT_EQ(d.reason, reason) << "line " << i << ": " << ReasonName(d.reason);
  }
  void ExpectBody(size_t i, Reason reason) const { Expect(i, Label::kBody, reason); }
  void ExpectDropped(size_t i, Reason reason) const { Expect(i, Label::kBoilerplate, reason); }

  std::unique_ptr<RuleSet> rules_;
  std::string text_;
  Page page_;
  std::vector<Line> lines_;
  Classification out_;
};

TEST_F(ContextTest, ShortLineBetweenGoodOnesIsKept) {
  Run({kGood, kShort, kGood});
  ExpectBody(0, Reason::kLong);
  ExpectBody(1, Reason::kContext);
  ExpectBody(2, Reason::kLong);
}

TEST_F(ContextTest, ShortLineBetweenBadOnesIsDropped) {
  Run({kGood, kBad, kShort, kBad});
  ExpectBody(0, Reason::kLong);
  ExpectDropped(1, Reason::kBad);
  ExpectDropped(2, Reason::kShort);
  ExpectDropped(3, Reason::kBad);
}

TEST_F(ContextTest, ShortLineSeesThroughNearGoodToItsBadSide) {
  // Bad on one side, good on the other: kept only when a near-good line stands between it and
  // the bad one.
  Run({kBad, kNear, kShort, kGood});
  ExpectBody(2, Reason::kContext);
  ExpectBody(1, Reason::kGood);
  Run({kBad, kBad, kShort, kGood});
  ExpectDropped(2, Reason::kShort);
}

TEST_F(ContextTest, NearGoodLineTakesItsNeighbours) {
  Run({kGood, kBad, kNear, kBad});
  ExpectDropped(2, Reason::kContext);
  Run({kGood, kNear, kBad});
  ExpectBody(1, Reason::kGood);
  Run({kGood, kShort, kNear, kShort, kBad});
  ExpectBody(2, Reason::kGood);
}

TEST_F(ContextTest, ARunOfNearGoodLinesIsProseOnItsOwn) {
  // Four one-sentence paragraphs (76 words) between bad lines, a short line among them: body.
  Run({kGood, kBad, kNear, kNear, kShort, kNear, kNear, kBad});
  for (size_t i : {2, 3, 5, 6}) ExpectBody(i, Reason::kGood);
  // Two (38 words) are not a run; nor are four when the settings ask for more.
  Run({kGood, kBad, kNear, kNear, kBad});
  ExpectDropped(2, Reason::kContext);
  ExpectDropped(3, Reason::kContext);
  Run({kGood, kBad, kNear, kNear, kNear, kNear, kBad}, "set prose_run_words = 100\n");
  ExpectDropped(2, Reason::kContext);
  Run({kGood, kBad, kNear, kNear, kNear, kNear, kBad}, "set prose_run_lines = 5\n");
  ExpectDropped(2, Reason::kContext);
  Run({kGood, kBad, kNear, kNear, kNear, kNear, kBad}, "set prose_run_words = 0\n");
  ExpectDropped(2, Reason::kContext);
  // Headlines in title case are near-good too, but a list of them is not prose.
  const std::string headline =
      "Minister Says the Talks Will Go On for as Long as They Are Needed by Both Sides";
  Run({kGood, kBad, headline, headline, headline, headline, kBad});
  ExpectDropped(2, Reason::kContext);
  Run({kGood, kBad, headline, headline, headline, headline, kBad}, "set prose_run_max_caps = 1\n");
  ExpectBody(2, Reason::kGood);
}

TEST_F(ContextTest, PageEdgesCountAsBad) {
  Run({kShort, kGood, kGood});
  ExpectDropped(0, Reason::kShort);
  Run({kNear, kBad, kGood});
  ExpectDropped(0, Reason::kContext);
}

TEST_F(ContextTest, OneWordLinesNeverBecomeBodyByContext) {
  Run({kGood, "Reply", kGood});
  ExpectDropped(1, Reason::kShort);
  Run({kGood, "Reply", kGood}, "set context_min_words = 1\n");
  ExpectBody(1, Reason::kContext);
}

TEST_F(ContextTest, RuleDecidedLinesAreFixedNeighbours) {
  Run({"Keep one", kShort, "Keep two", kGood}, "keep /^Keep/\n");
  ExpectBody(1, Reason::kContext);
  Expect(0, Label::kKeep, Reason::kRule);
  Run({kGood, "Drop one", kShort, "Drop two", kGood}, "nav drop /^Drop/\n");
  ExpectDropped(2, Reason::kShort);
  Expect(1, Label::kNav, Reason::kRule);
}

TEST_F(ContextTest, AdMarkersAreSeenThrough) {
  // A near-good paragraph between bad and an ad break before good text stays body; behind a
  // nav line it would not.
  Run({kBad, kNear, "Advertisement", kGood}, "ad drop /^Advertisement$/\n");
  ExpectBody(1, Reason::kGood);
  Expect(2, Label::kAd, Reason::kRule);
  Run({kBad, kNear, "Menu", kGood}, "nav drop /^Menu$/\n");
  ExpectDropped(1, Reason::kContext);
}

TEST_F(ContextTest, RescueKeepsProseWhenContextLeavesNothing) {
  Run({kBad, kNear, kBad});
  ExpectDropped(0, Reason::kBad);
  ExpectBody(1, Reason::kGood);
  ExpectDropped(2, Reason::kBad);
}

TEST_F(ContextTest, RescueOfAPageOfShortLinesKeepsThemAll) {
  Run({"Hello there", "A tiny page", "Nothing else"});
  for (size_t i = 0; i < 3; ++i) EXPECT_EQ(out_.decisions[i].label, Label::kBody) << i;
  // Lines a rule removed stay removed.
  Run({"Hello there", "Menu", "Nothing else"}, "nav drop /^Menu$/\n");
  EXPECT_EQ(out_.decisions[0].label, Label::kBody);
  EXPECT_EQ(out_.decisions[1].label, Label::kNav);
}

TEST_F(ContextTest, NoRescueWhenSomethingIsKept) {
  Run({kBad, kNear, kBad, "Keep me"}, "keep /^Keep me$/\n");
  ExpectDropped(1, Reason::kContext);
}

TEST_F(ContextTest, SmallDistantBlocksAreEdges) {
  std::vector<std::string> page(5, kGood);
  for (int i = 0; i < 10; ++i) page.push_back(kBad);
  page.push_back(kGood);
  Run(page);
  ExpectBody(4, Reason::kLong);
  ExpectDropped(15, Reason::kEdge);
  Run(page, "set block_gap_lines = 0\n");
  ExpectBody(15, Reason::kLong);
  Run(page, "set block_gap_lines = 11\n");
  ExpectBody(15, Reason::kLong);  // 10 removed lines are not a gap of 11
  Run(page, "set block_min_share = 0.1\n");
  ExpectBody(15, Reason::kLong);
}

TEST(ApplyFallbackTest, LeavesRuleAndCutDecisionsAlone) {
  std::string text = kShort + "\n" + kShort + "\n" + kGood + "\n";
  std::vector<Line> lines;
  ComputeLines(text, 1 << 20, lines);
  Page page;
  page.text = text;
  std::vector<Decision> d(3);
  d[0].rule = 0;
  d[0].label = Label::kCaption;
  d[0].reason = Reason::kRule;
  d[1].label = Label::kSidebar;
  d[1].reason = Reason::kCutRegion;
  ApplyFallback(lines, page, Settings(), MainRegion(), d);
  EXPECT_EQ(d[0].label, Label::kCaption);
  EXPECT_EQ(d[0].reason, Reason::kRule);
  EXPECT_EQ(d[1].label, Label::kSidebar);
  EXPECT_EQ(d[1].reason, Reason::kCutRegion);
  EXPECT_EQ(d[2].label, Label::kBody);
  EXPECT_EQ(d[2].reason, Reason::kLong);
}

TEST(ApplyFallbackTest, LinesOfTheHtmlMainRegionAreBody) {
  std::string text = kBad + "\n" + kShort + "\n" + kBad + "\n" + kShort + "\n" + kGood + "\n";
  std::vector<Line> lines;
  ComputeLines(text, 1 << 20, lines);
  Page page;
  page.text = text;
  page.html = true;
  page.dom.assign(5, DomFeatures());
  page.dom[2].hidden = true;
  page.dom[3].link_density = 0.9f;
  std::vector<Decision> d(5);
  d[1].rule = 0;  // a rule's decision stands inside the region too
  d[1].label = Label::kCaption;
  d[1].reason = Reason::kRule;
  ApplyFallback(lines, page, Settings(), MainRegion{0, 3}, d);
  EXPECT_EQ(d[0].label, Label::kBody);
  EXPECT_EQ(d[0].reason, Reason::kMainBlock);
  EXPECT_EQ(d[1].label, Label::kCaption);
  EXPECT_EQ(d[2].label, Label::kBoilerplate) << "hidden lines are not taken";
  EXPECT_EQ(d[3].label, Label::kBoilerplate) << "link-dense lines are not taken";
  EXPECT_EQ(d[4].reason, Reason::kLong) << "outside the region: the fallback";
}

// A round-up links each section's heading to the thing it reviews: inside the main region, a
// heading between two of its body lines is body whatever its links; elsewhere links count.
TEST(ApplyFallbackTest, LinkedHeadingsBetweenRegionBodyLinesAreBody) {
  std::string text;
  for (const std::string& line : {kNear, kShort, kNear, kShort, kShort, kNear, kShort}) {
    text += line + "\n";
  }
  std::vector<Line> lines;
  ComputeLines(text, 1 << 20, lines);
  ASSERT_EQ(lines.size(), 7u);
  Page page;
  page.text = text;
  page.html = true;
  page.dom.assign(7, DomFeatures());
  for (size_t i : {1, 3, 4, 6}) {  // linked headings: in a section, after another, at the end
    page.dom[i].heading = 3;
    page.dom[i].link_density = 0.9f;
  }
  auto labels = [&](const Settings& settings) {
    std::vector<Decision> d(7);
    ApplyFallback(lines, page, settings, MainRegion{0, 6}, d);
    std::vector<Label> out;
    for (const Decision& x : d) out.push_back(x.label);
    return out;
  };
  const Label body = Label::kBody, drop = Label::kBoilerplate;
  EXPECT_EQ(labels(Settings()), (std::vector<Label>{body, body, body, drop, drop, body, drop}));
  Settings capped;  // headings held to the region's own link cap, as before the setting
  capped.region_heading_max_link_density = capped.region_max_link_density;
  EXPECT_EQ(labels(capped), (std::vector<Label>{body, drop, body, drop, drop, body, drop}));
}

}  // namespace
}  // namespace winnow
