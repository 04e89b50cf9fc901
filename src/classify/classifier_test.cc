#include "classify/classifier.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "rules/rule_set.h"

namespace winnow {
namespace {

// A line the fallback keeps on its own: long, many stop words.
const char kProse[] =
    "The committee said on Monday that the new rules would apply to every member of the group "
    "from next year, and that it would review them again after the first six months if there "
    "were any problems with the way they worked.";

// Classifies `page` (text, one line per line) with the rules in `rules`.
class ClassifierTest : public ::testing::Test {
 protected:
  void Run(const std::string& rules, std::vector<std::string> page_lines,
           const std::string& url = "") {
    Result<std::unique_ptr<RuleSet>> set = RuleSet::Compile({{"t.rules", rules}}, 8 << 20);
    ASSERT_TRUE(set.ok()) << set.status().message();
    rules_ = std::move(*set);
    text_.clear();
    for (const std::string& l : page_lines) text_ += l + "\n";
    page_ = Page();
    page_.text = text_;
    page_.url = url;
    page_.html = html_;
    page_.dom = dom_;
    ComputeLines(page_.text, 1 << 20, lines_);
    Classify(*rules_, page_, lines_, 1 << 20, out_);
  }
  const Decision& D(size_t i) const { return out_.decisions.at(i); }
  std::string SpanText(const DroppedSpan& s) const {
    return text_.substr(s.span.begin, s.span.end - s.span.begin);
  }
  // The dropped spans of decision i, as text.
  std::vector<std::string> Spans(size_t i) const {
    std::vector<std::string> out;
    for (uint32_t k = 0; k < D(i).span_count; ++k) {
      out.push_back(SpanText(out_.spans.at(D(i).first_span + k)));
    }
    return out;
  }
  void ExpectRule(size_t i, int rule, Label label) const {
    EXPECT_EQ(D(i).rule, rule) << "line " << i;
    EXPECT_EQ(D(i).label, label) << "line " << i << ": " << LabelName(D(i).label);
    if (rule >= 0) {
      EXPECT_EQ(D(i).reason, Reason::kRule) << "line " << i;
    }
  }
  void ExpectCut(size_t i, Label label) const {
    EXPECT_EQ(D(i).rule, -1) << "line " << i;
    EXPECT_EQ(D(i).reason, Reason::kCutRegion) << "line " << i;
    EXPECT_EQ(D(i).label, label) << "line " << i << ": " << LabelName(D(i).label);
  }

  bool html_ = false;
  std::vector<DomFeatures> dom_;
  std::unique_ptr<RuleSet> rules_;
  std::string text_;
  Page page_;
  std::vector<Line> lines_;
  Classification out_;
};

using Strings = std::vector<std::string>;

TEST_F(ClassifierTest, DecisionsCarryLineNumbersAndText) {
  Run("", {"", "first line", "", "", "second line"});
  ASSERT_EQ(out_.decisions.size(), 2u);
  EXPECT_EQ(D(0).line_number, 2u);
  EXPECT_EQ(D(1).line_number, 5u);
  EXPECT_EQ(text_.substr(D(1).text.begin, D(1).text.end - D(1).text.begin), "second line");
}

TEST_F(ClassifierTest, FirstRuleInOrderWins) {
  Run("caption drop /apple/\nsidebar drop /apple/\n", {"an apple", kProse});
  ExpectRule(0, 0, Label::kCaption);
  Run("sidebar drop /apple/\ncaption drop /apple/\n", {"an apple", kProse});
  ExpectRule(0, 0, Label::kSidebar);
}

TEST_F(ClassifierTest, KeepBeatsRemovalWhateverTheOrder) {
  Run("caption drop /apple/\nkeep /apple/\nsidebar drop /apple/\n", {"an apple", kProse});
  ExpectRule(0, 1, Label::kKeep);
}

TEST_F(ClassifierTest, SiteScopedBeatsGlobalEvenKeep) {
  const std::string rules = "keep /apple/\nsidebar drop /apple/ site=apnews.com\n";
  Run(rules, {"an apple", kProse}, "https://www.apnews.com/article/x");
  ExpectRule(0, 1, Label::kSidebar);
  Run(rules, {"an apple", kProse}, "https://example.org/");
  ExpectRule(0, 0, Label::kKeep);
  Run(rules, {"an apple", kProse});
  ExpectRule(0, 0, Label::kKeep);  // no URL: site rules are off
}

TEST_F(ClassifierTest, AmongSiteRulesKeepThenOrder) {
  Run("caption drop /apple/ site=a.com\nsidebar drop /apple/ site=a.com\nkeep /apple/ site=a.com\n"
      "nav drop /pear/ site=a.com\nui drop /pear/ site=a.com\n",
      {"an apple", "a pear", kProse}, "http://a.com");
  ExpectRule(0, 2, Label::kKeep);
  ExpectRule(1, 3, Label::kNav);
}

TEST_F(ClassifierTest, PredicatesMustHoldForARuleToFire) {
  Run("caption drop /apple/ words>5\nsidebar drop /apple/ words<=5\nnav drop line=3 !punct\n",
      {"an apple", kProse, "menu here"});
  ExpectRule(0, 1, Label::kSidebar);
  ExpectRule(2, 2, Label::kNav);  // a rule without pattern is tried on every line
  EXPECT_EQ(D(1).rule, -1);
}

TEST_F(ClassifierTest, SpanRuleDropsGroupOneOrTheWholeMatch) {
  Run("timestamp span /^(date \\S+ )[A-Z]/\nad span /\\[ad\\]/\n",
      {"date 2022-07-29 The text goes on [ad] and on [ad] to the end.", kProse});
  EXPECT_EQ(Spans(0), Strings({"date 2022-07-29 ", "[ad]", "[ad]"}));
  EXPECT_EQ(D(0).rule, -1) << "span rules leave the line to others";
  EXPECT_EQ(out_.spans[D(0).first_span].label, Label::kTimestamp);
  EXPECT_EQ(out_.spans[D(0).first_span].rule, 0);
  EXPECT_EQ(out_.spans[D(0).first_span + 1].label, Label::kAd);
  EXPECT_EQ(out_.spans[D(0).first_span + 1].rule, 1);
  EXPECT_EQ(D(1).span_count, 0u);
  EXPECT_EQ(D(1).first_span, 3u);
}

TEST_F(ClassifierTest, OverlappingSpansOfTwoRulesAreBothReported) {
  Run("ad span /x y/\nui span /y z/\n", {"w x y z w", kProse});
  EXPECT_EQ(Spans(0), Strings({"x y", "y z"}));
}

TEST_F(ClassifierTest, SpanRulesRespectTheirPredicates) {
  Run("ad span /\\[ad\\]/ words>3\n", {"[ad] short", "[ad] in a longer line", kProse});
  EXPECT_EQ(Spans(0), Strings());
  EXPECT_EQ(Spans(1), Strings({"[ad]"}));
}

TEST_F(ClassifierTest, CutToEndWithRestLabel) {
  Run("copyright cut-to-end /^Copyright/ rest=sidebar\ncaption drop /^FILE - /\nkeep /^Keep/\n",
      {kProse, "Copyright 2022 Example", "Related story one", "FILE - a caption", "Keep this",
       kProse});
  EXPECT_EQ(D(0).label, Label::kBody);
  ExpectRule(1, 0, Label::kCopyright);
  ExpectCut(2, Label::kSidebar);
  ExpectRule(3, 1, Label::kCaption);  // a removal rule of its own keeps its label
  ExpectCut(4, Label::kSidebar);      // a keep rule does not protect a line inside a cut region
  ExpectCut(5, Label::kSidebar);
}

TEST_F(ClassifierTest, CutToEndDefaultsToItsOwnLabelAndStacks) {
  Run("copyright cut-to-end /^Copyright/\nsponsored cut-to-end /^Sponsored$/\n",
      {kProse, "Copyright 2022", "more", "Sponsored", "an ad"});
  ExpectRule(1, 0, Label::kCopyright);
  ExpectCut(2, Label::kCopyright);
  ExpectRule(3, 1, Label::kSponsored);
  ExpectCut(4, Label::kSponsored);  // the later cut's rest label applies after it
}

TEST_F(ClassifierTest, CutFromStartCutsEverythingBeforeTheLastMatch) {
  Run("nav cut-from-start /^Skip to content$/ rest=ui\nsidebar drop /^Trending$/\n",
      {"Home", "Skip to content", "Trending", "Menu", "Skip to content", kProse, "After"});
  ExpectCut(0, Label::kUi);
  ExpectRule(1, 0, Label::kNav);  // a line won by the rule keeps it
  ExpectRule(2, 1, Label::kSidebar);
  ExpectCut(3, Label::kUi);
  ExpectRule(4, 0, Label::kNav);
  EXPECT_EQ(D(5).label, Label::kBody);
  EXPECT_NE(D(6).reason, Reason::kCutRegion);
}

TEST_F(ClassifierTest, MetaRulesFillMetadataAndRemoveTheLine) {
  Run("title meta line=1\nbyline meta /^By /\ntimestamp meta /^Updated /\ncaption meta /^Photo/\n",
      {"A Headline", "By Jane Doe", "By Someone Else", "Updated Monday", "Photo by X", kProse});
  EXPECT_EQ(out_.meta.title, "A Headline");
  EXPECT_EQ(out_.meta.author, "By Jane Doe") << "the first line wins";
  EXPECT_EQ(out_.meta.date, "Updated Monday");
  EXPECT_TRUE(out_.meta.site_name.empty());
  ExpectRule(0, 0, Label::kTitle);
  ExpectRule(2, 1, Label::kByline);
  ExpectRule(4, 3, Label::kCaption);
}

TEST_F(ClassifierTest, KindScope) {
  const std::string rules = "caption drop /apple/ kind=html\nsidebar drop /apple/ kind=text\n";
  Run(rules, {"an apple", kProse});
  ExpectRule(0, 1, Label::kSidebar);
  html_ = true;
  dom_.assign(2, DomFeatures());
  dom_[0].tag = dom_[1].tag = "p";
  Run(rules, {"an apple", kProse});
  ExpectRule(0, 0, Label::kCaption);
}

TEST_F(ClassifierTest, ScopeDirectiveAppliesToRules) {
  const std::string rules =
      "scope site=apnews.com\ncaption drop /apple/\nscope global\nsidebar drop /apple/\n";
  Run(rules, {"an apple", kProse}, "https://apnews.com/a");
  ExpectRule(0, 0, Label::kCaption);
  Run(rules, {"an apple", kProse}, "https://bbc.co.uk/a");
  ExpectRule(0, 1, Label::kSidebar);
}

TEST_F(ClassifierTest, SiteMatchesHostSuffixes) {
  struct Case {
    const char* url;
    bool active;
  };
  const Case cases[] = {
      {"https://apnews.com/article/x", true},
      {"https://www.apnews.com/", true},
      {"http://WWW.APNews.COM:8080/x", true},
      {"apnews.com/hub", true},
      {"https://user:pw@apnews.com/", true},
      {"https://notapnews.com/", false},
      {"https://apnews.com.evil.org/", false},
      {"https://example.org/?ref=apnews.com", false},
      {"", false},
  };
  for (const Case& c : cases) {
    Run("sidebar drop /apple/ site=apnews.com\n", {"an apple", kProse}, c.url);
    EXPECT_EQ(D(0).rule, c.active ? 0 : -1) << c.url;
  }
}

TEST(UrlHostTest, ExtractsTheHost) {
  const std::pair<const char*, const char*> cases[] = {
      {"https://www.apnews.com:443/x", "www.apnews.com"},
      {"http://apnews.com", "apnews.com"},
      {"apnews.com/path?q=1", "apnews.com"},
      {"https://host.org?x=1", "host.org"},
      {"https://host.org#frag", "host.org"},
      {"https://user:pw@host.org/p", "host.org"},
      {"https://a.b.c.example.co.uk/", "a.b.c.example.co.uk"},
      {"", ""},
  };
  for (const auto& [url, host] : cases) EXPECT_EQ(UrlHost(url), host) << url;
}

TEST(HostInSiteTest, SuffixOnDotBoundaries) {
  EXPECT_TRUE(HostInSite("apnews.com", "apnews.com"));
  EXPECT_TRUE(HostInSite("www.apnews.com", "apnews.com"));
  EXPECT_TRUE(HostInSite("a.b.apnews.com", "apnews.com"));
  EXPECT_TRUE(HostInSite("WWW.APNEWS.COM", "apnews.com"));
  EXPECT_FALSE(HostInSite("notapnews.com", "apnews.com"));
  EXPECT_FALSE(HostInSite("apnews.com.evil.org", "apnews.com"));
  EXPECT_FALSE(HostInSite("com", "apnews.com"));
  EXPECT_FALSE(HostInSite("", "apnews.com"));
}

TEST_F(ClassifierTest, AfterProseWaitsForTheArticle) {
  Run("copyright cut-to-end /^Copyright/ after-prose rest=sidebar\n",
      {"Copyright 2022 in the header", "Menu", kProse, "Copyright 2022 Example", "Related"});
  EXPECT_FALSE(lines_[0].after_prose);
  EXPECT_FALSE(lines_[2].after_prose) << "a line is not after itself";
  EXPECT_TRUE(lines_[3].after_prose);
  EXPECT_EQ(D(0).rule, -1) << "before any prose the cut does not fire";
  EXPECT_NE(D(1).reason, Reason::kCutRegion);
  ExpectRule(3, 0, Label::kCopyright);
  ExpectCut(4, Label::kSidebar);
}

// A trailer follows the article: a "Sponsored Links" box with more than trailer_max_prose
// times the paragraph prose after it than before it is not one. Paragraph prose: prose lines
// next to another prose line (kProse is 40 words), not a lone teaser between short lines.
TEST_F(ClassifierTest, TrailerCutsOnlyWhereLittleProseFollows) {
  const std::string rules = "sponsored cut-to-end /^Sponsored Links$/ after-prose trailer\n";
  std::vector<std::string> above = {kProse, kProse, "Sponsored Links"};
  above.insert(above.end(), 7, kProse);
  above.push_back("More");
  Run(rules, above);
  EXPECT_FALSE(lines_[2].trails_prose) << "80 words before, 280 after";
  EXPECT_EQ(D(2).rule, -1) << "the box is above the article";
  for (size_t i = 3; i < above.size(); ++i) EXPECT_NE(D(i).reason, Reason::kCutRegion) << i;
  Run(rules, {kProse, kProse, "Sponsored Links", kProse, "Teaser", kProse, "More"});
  EXPECT_TRUE(lines_[2].trails_prose) << "lone teasers are not paragraphs";
  ExpectRule(2, 0, Label::kSponsored);
  ExpectCut(3, Label::kSponsored);
  ExpectCut(6, Label::kSponsored);
  Run("set trailer_max_prose = 1\n" + rules,
      {kProse, kProse, kProse, "Sponsored Links", kProse, kProse, kProse, kProse, "More"});
  EXPECT_FALSE(lines_[3].trails_prose) << "160 > 1 x 120";
  Run("set trailer_max_prose = 2\n" + rules,
      {kProse, kProse, kProse, "Sponsored Links", kProse, kProse, kProse, kProse, "More"});
  EXPECT_TRUE(lines_[3].trails_prose) << "160 <= 2 x 120";
  ExpectCut(4, Label::kSponsored);
}

// prose-before counts the words of the paragraph lines before a line, so a comment thread's
// heading can cut the page once the article is well under way, while the same "Comments" link
// in a share bar under the headline cuts nothing.
TEST_F(ClassifierTest, ProseBeforeCountsTheParagraphWordsAbove) {
  const std::string rules = "ui cut-to-end /^Comments$/ prose-before>=80\n";
  Run(rules, {"Headline", "Comments", kProse, kProse, kProse, "Teaser", kProse});
  const uint32_t words = lines_[2].words;  // kProse's
  ASSERT_GE(2 * words, 80u);
  EXPECT_EQ(lines_[1].prose_before, 0u);
  EXPECT_EQ(lines_[3].prose_before, words);
  EXPECT_EQ(lines_[5].prose_before, 3 * words);
  EXPECT_EQ(lines_[6].prose_before, 3 * words) << "the teaser is not prose";
  EXPECT_EQ(D(1).rule, -1) << "no prose above the share bar";
  for (size_t i = 2; i < lines_.size(); ++i) EXPECT_NE(D(i).reason, Reason::kCutRegion) << i;
  Run(rules, {"Headline", kProse, kProse, "Comments", kProse, kProse, kProse});
  EXPECT_EQ(lines_[3].prose_before, 2 * words);
  ExpectRule(3, 0, Label::kUi);
  for (size_t i = 4; i < lines_.size(); ++i) ExpectCut(i, Label::kUi);
}

TEST_F(ClassifierTest, GluedHeadlinesAreDroppedFromLongLinesOnly) {
  std::string filler =
      "The committee said on Monday that the new rules would apply to every member of the group "
      "from next year. ";
  std::string para = filler + filler + "Storm Damage Closes Coastal Roads Again " +
                     "Officials said the road would stay closed for at least another week while "
                     "crews worked. " +
                     filler;
  Run("set segment_min_words = 50\n", {para, kProse});
  EXPECT_EQ(Spans(0), Strings({"Storm Damage Closes Coastal Roads Again "}));
  EXPECT_EQ(out_.spans[D(0).first_span].rule, -1);
  EXPECT_EQ(out_.spans[D(0).first_span].label, Label::kSidebar);
  Run("set segment_min_words = 82\n", {para, kProse});
  EXPECT_EQ(Spans(0), Strings()) << "81 words < segment_min_words";
  Run("set segment_min_words = 50\ncaption drop /^The committee/\n", {para, kProse});
  EXPECT_EQ(Spans(0), Strings()) << "removed lines are not searched";
  Run("set segment_min_words = 50\nkeep /^The committee/\n", {para, kProse});
  EXPECT_EQ(Spans(0), Strings({"Storm Damage Closes Coastal Roads Again "})) << "kept ones are";
}

}  // namespace
}  // namespace winnow
