#include "classify/predicates.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "rules/rule_parser.h"
#include "rules/rule_set.h"

namespace winnow {
namespace {

// The rule `caption drop PREDICATES`, parsed.
Rule RuleWith(const std::string& predicates) {
  ParsedFile file;
  std::vector<std::string> errors;
  EXPECT_TRUE(ParseRules("p.rules", "caption drop " + predicates, 1 << 20, file, errors))
      << predicates << ": " << (errors.empty() ? "" : errors[0]);
  return file.rules.empty() ? Rule() : file.rules[0];
}

// A line of 10 words: 4 alpha of which 3 capitalised, 5 stop words, 10 digits of 40 nonspace,
// 60 chars, ending a sentence, the 3rd of 10 lines.
Line SampleLine() {
  Line l;
  l.words = 10;
  l.chars = 60;
  l.alpha_words = 4;
  l.caps_words = 3;
  l.stop_words = 5;
  l.digits = 10;
  l.nonspace = 40;
  l.terminal = true;
  l.index = 2;
  l.blank_before = true;
  l.blank_after = false;
  l.same_as_first = false;
  l.after_prose = true;
  l.prose_before = 120;
  return l;
}

DomFeatures SampleDom() {
  DomFeatures d;
  d.tag = "figcaption";
  d.path = "body>div>article>figure>figcaption";
  d.attrs = "caption photo-credit story";
  d.containers = kInArticle | kInFigure;
  d.depth = 5;
  d.heading = 0;
  d.hidden = false;
  d.link_density = 0.25f;
  d.block_link_density = 0.5f;
  return d;
}

struct Case {
  const char* predicate;
  bool want;
};

void ExpectAll(const std::vector<Case>& cases, const LineContext& ctx) {
  for (const Case& c : cases) {
    Rule r = RuleWith(c.predicate);
    ASSERT_EQ(r.predicates.size(), 1u) << c.predicate;
    EXPECT_EQ(Evaluate(r.predicates[0], ctx), c.want) << c.predicate;
  }
}

TEST(PredicatesTest, TextFeaturesWithEveryOperator) {
  Line line = SampleLine();
  DomFeatures dom = SampleDom();
  LineContext ctx{line, &dom, 10};
  ExpectAll(
      {
          {"words>9", true},        {"words>10", false},    {"words>=10", true},
          {"words>=11", false},     {"words<11", true},     {"words<10", false},
          {"words<=10", true},      {"words<=9", false},    {"words=10", true},
          {"words=9", false},       {"words!=9", true},     {"words!=10", false},
          {"!words>9", false},      {"!words>10", true},    {"chars=60", true},
          {"chars<60", false},      {"caps=0.75", true},    {"caps>0.75", false},
          {"digits=0.25", true},    {"digits<0.25", false}, {"stop=0.5", true},
          {"stop>=0.51", false},    {"punct", true},        {"!punct", false},
          {"line=3", true},         {"line<=2", false},     {"fromend=8", true},
          {"fromend>8", false},     {"blank-before", true}, {"!blank-before", false},
          {"blank-after", false},   {"!blank-after", true}, {"same-as-first", false},
          {"!same-as-first", true}, {"after-prose", true},  {"!after-prose", false},
      },
      ctx);
  ExpectAll({{"prose-before>=120", true}, {"prose-before>120", false}}, ctx);
}

// Shares are computed in float and compared with the rule's double: 3 of 10 words is 0.3f,
// which is not 0.3, so `stop=0.3` and `stop<=0.3` miss a line with exactly 30% stop words.
TEST(PredicatesTest, SharesCompareExactlyAtTheThreshold) {
  Line line;
  line.words = 10;
  line.stop_words = 3;
  line.nonspace = 10;
  line.digits = 1;
  LineContext ctx{line, nullptr, 1};
  ExpectAll({{"stop=0.3", true}, {"stop<=0.3", true}, {"digits<=0.1", true}}, ctx);
}

TEST(PredicatesTest, FirstAndLastLinePositions) {
  Line line = SampleLine();
  LineContext ctx{line, nullptr, 1};
  line.index = 0;
  ExpectAll({{"line=1", true}, {"fromend=1", true}, {"fromend>1", false}}, ctx);
}

TEST(PredicatesTest, SharesOfAnEmptyLineAreZero) {
  Line line;
  LineContext ctx{line, nullptr, 1};
  ExpectAll({{"caps=0", true}, {"stop=0", true}, {"digits=0", true}, {"punct", false}}, ctx);
}

TEST(PredicatesTest, DomFeatures) {
  Line line = SampleLine();
  DomFeatures dom = SampleDom();
  LineContext ctx{line, &dom, 10};
  ExpectAll(
      {
          {"links=0.25", true},
          {"links>0.25", false},
          {"block-links>=0.5", true},
          {"block-links<0.5", false},
          {"heading=0", true},
          {"heading>=1", false},
          {"depth=5", true},
          {"depth<5", false},
          {"hidden", false},
          {"!hidden", true},
          {"tag=figcaption", true},
          {"tag=p", false},
          {"tag!=p", true},
          {"tag!=figcaption", false},
          {"!tag=figcaption", false},
          {"in=figure", true},
          {"in=aside", false},
          {"in!=aside", true},
          {"in!=article", false},
          {"!in=aside", true},
          {"class~/photo-credit/", true},
          {"class~/^caption /", true},
          {"class~/sidebar/", false},
          {"class~/STORY/i", true},
          {"!class~/sidebar/", true},
          {"path~/>figure>/", true},
          {"path~/^body>nav/", false},
      },
      ctx);
}

TEST(PredicatesTest, PatternAnswersAreMemoizedPerDomString) {
  auto rules = RuleSet::Compile({{"p.rules",
                                  "sidebar drop class~/sidebar/\n"
                                  "caption drop class~/^caption /\n"
                                  "nav drop path~/>nav>/\n"}},
                                1 << 20);
  ASSERT_TRUE(rules.ok()) << rules.status().message();
  const std::vector<Rule>& r = (*rules)->rules();
  ASSERT_EQ((*rules)->predicate_sets().slots, 3u);
  const Predicate& sidebar = r[0].predicates[0];
  const Predicate& caption = r[1].predicates[0];
  Line line = SampleLine();
  DomFeatures dom = SampleDom();  // attrs "caption photo-credit story"
  dom.attrs_id = 1;
  PatternMemo memo;
  memo.Reset(/*strings=*/2, AttrTokens(), (*rules)->predicate_sets());
  LineContext ctx{line, &dom, 10, &memo};
  EXPECT_FALSE(Evaluate(sidebar, ctx));
  EXPECT_TRUE(Evaluate(caption, ctx));
  dom.attrs = "sidebar";  // a different string under the same id: the memo's answers stand
  EXPECT_FALSE(Evaluate(sidebar, ctx)) << "answered once per string id, for every class~";
  EXPECT_TRUE(Evaluate(caption, ctx));
  dom.attrs_id = 7;  // an id the page does not have: matched directly
  EXPECT_TRUE(Evaluate(sidebar, ctx));
  memo.Reset(2, AttrTokens(), (*rules)->predicate_sets());
  dom.attrs_id = 1;
  EXPECT_TRUE(Evaluate(sidebar, ctx)) << "a new page forgets";
  EXPECT_FALSE(Evaluate(r[2].predicates[0], ctx)) << "path~ has its own set";
}

TEST(PredicatesTest, HiddenAndHeadingsWhenSet) {
  Line line = SampleLine();
  DomFeatures dom = SampleDom();
  dom.hidden = true;
  dom.heading = 2;
  dom.containers = kInHeading;
  LineContext ctx{line, &dom, 10};
  ExpectAll({{"hidden", true},
             {"!hidden", false},
             {"heading=2", true},
             {"heading>2", false},
             {"in=heading", true},
             {"in=article", false}},
            ctx);
}

TEST(PredicatesTest, DomPredicatesOnTextDumps) {
  // Without a DOM the flag and match predicates are false whichever the operator, and the
  // numbers are 0 (rules/rule.h: "false / 0 on text dumps").
  Line line = SampleLine();
  LineContext ctx{line, nullptr, 10};
  ExpectAll(
      {
          {"hidden", false},
          {"!hidden", true},
          {"tag=p", false},
          {"tag!=p", false},
          {"in=aside", false},
          {"in!=aside", false},
          {"class~/./", false},
          {"path~/body/", false},
          {"!class~/./", true},
          {"links=0", true},
          {"block-links>0", false},
          {"heading=0", true},
          {"depth>0", false},
      },
      ctx);
}

TEST(PredicatesTest, ContextFeatures) {
  const Feature text[] = {Feature::kWords, Feature::kChars,  Feature::kPunct,
                          Feature::kCaps,  Feature::kDigits, Feature::kStop};
  const Feature context[] = {Feature::kLine,       Feature::kFromEnd,     Feature::kBlankBefore,
                             Feature::kBlankAfter, Feature::kSameAsFirst, Feature::kAfterProse,
                             Feature::kLinks,      Feature::kBlockLinks,  Feature::kHeading,
                             Feature::kDepth,      Feature::kHidden,      Feature::kTag,
                             Feature::kIn,         Feature::kClass,       Feature::kPath};
  for (Feature f : text) EXPECT_FALSE(IsContextFeature(f)) << static_cast<int>(f);
  for (Feature f : context) EXPECT_TRUE(IsContextFeature(f)) << static_cast<int>(f);
}

TEST(PredicatesTest, EvaluateAllNeedsEveryPredicate) {
  Line line = SampleLine();
  LineContext ctx{line, nullptr, 10};
  EXPECT_TRUE(EvaluateAll(RuleWith("words>=10 punct after-prose"), ctx));
  EXPECT_FALSE(EvaluateAll(RuleWith("words>=10 !punct after-prose"), ctx));
  EXPECT_FALSE(EvaluateAll(RuleWith("words>=10 punct line=1"), ctx));
  EXPECT_TRUE(EvaluateAll(RuleWith("/x/"), ctx)) << "no predicates: true";
}

TEST(PredicatesTest, EvaluateAllCanSkipContextPredicates) {
  Line line = SampleLine();
  LineContext ctx{line, nullptr, 10};
  Rule r = RuleWith("words>=10 line=1 !after-prose tag=p");
  EXPECT_FALSE(EvaluateAll(r, ctx));
  EXPECT_TRUE(EvaluateAll(r, ctx, /*skip_context=*/true));
  EXPECT_FALSE(EvaluateAll(RuleWith("words>=11 line=1"), ctx, /*skip_context=*/true));
}

}  // namespace
}  // namespace winnow
