#include "rules/rule_parser.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "page.h"

namespace winnow {
namespace {

constexpr int64_t kMaxMem = 64 << 20;
using Strings = std::vector<std::string>;
using Ints = std::vector<int>;

struct Parsed {
  bool ok = false;
  ParsedFile file;
  std::vector<std::string> errors;
};

Parsed Parse(std::string_view text) {
  Parsed p;
  p.ok = ParseRules("t.rules", text, kMaxMem, p.file, p.errors);
  return p;
}

// Parses text that must be free of errors and hold exactly one rule.
Rule ParseOne(std::string_view text) {
  Parsed p = Parse(text);
  EXPECT_TRUE(p.ok);
  EXPECT_EQ(p.errors, Strings{});
  EXPECT_EQ(p.file.rules.size(), 1u) << text;
  return p.file.rules.empty() ? Rule() : p.file.rules[0];
}

// ---------------------------------------------------------------------------------------------
// Errors: each case is one line (or a few) with exactly one `file:line:col: message`.

struct ErrorCase {
  const char* name;
  std::string text;
  std::string error;
};

const char kLabels[] =
    "(expected title, timestamp, caption, credit, byline, copyright, sidebar, sponsored, nav, "
    "share, newsletter, ad, meta, ui, keep or main)";
const char kActions[] =
    "expected an action after the label: drop, span, cut-to-end, cut-from-start, keep or meta";

const ErrorCase kErrorCases[] = {
    {"UnknownLabel", "headline drop /x/",
     std::string("t.rules:1:1: unknown label 'headline' ") + kLabels},
    {"BodyIsNotARuleLabel", "body drop /x/",
     std::string("t.rules:1:1: unknown label 'body' ") + kLabels},
    {"BoilerplateIsNotARuleLabel", "boilerplate drop /x/",
     std::string("t.rules:1:1: unknown label 'boilerplate' ") + kLabels},
    {"MissingActionAtEndOfLine", "caption", std::string("t.rules:1:8: ") + kActions},
    {"MissingActionBeforeComment", "caption  # no action", std::string("t.rules:1:8: ") + kActions},
    {"MissingActionBeforePattern", "caption /x/", std::string("t.rules:1:9: ") + kActions},
    {"UnknownAction", "caption remove /x/", std::string("t.rules:1:9: ") + kActions},
    {"UnterminatedPattern", "caption drop /abc",
     "t.rules:1:14: unterminated pattern: expected a closing '/'"},
    {"UnterminatedPatternEscapedSlash", "caption drop /abc\\/",
     "t.rules:1:14: unterminated pattern: expected a closing '/'"},
    {"BadRe2Pattern", "caption drop /(abc/ words>0", "t.rules:1:15: bad pattern: missing ): (abc"},
    {"BadRe2RepeatOp", "caption drop /a**/ words>0",
     "t.rules:1:15: bad pattern: bad repetition operator: **"},
    {"UnknownFlag", "caption drop /x/g words>0",
     "t.rules:1:17: unknown pattern flag 'g' (only 'i' is supported)"},
    {"EmptyPattern", "caption drop // words>0", "t.rules:1:14: empty pattern"},
    {"TwoPatterns", "caption drop /a/ /b/",
     "t.rules:1:18: a rule takes one pattern; combine them with |"},
    {"UnknownPredicate", "caption drop /x/ size>3", "t.rules:1:18: unknown predicate 'size'"},
    {"UnknownNegatedPredicate", "caption drop /x/ !size", "t.rules:1:18: unknown predicate 'size'"},
    {"FlagWithComparison", "caption drop /x/ punct=1",
     "t.rules:1:18: predicate 'punct' is a flag: write it bare or as !punct"},
    {"NumericWithoutComparison", "caption drop /x/ words",
     "t.rules:1:18: predicate 'words' needs a comparison, e.g. words>=3"},
    {"MalformedNoValue", "caption drop /x/ words>=", "t.rules:1:18: malformed predicate 'words>='"},
    {"MalformedOperator", "caption drop /x/ words!3",
     "t.rules:1:18: malformed predicate 'words!3'"},
    {"NotANumber", "caption drop /x/ words>=abc", "t.rules:1:25: expected a number, got 'abc'"},
    {"NumberWithTrailingJunk", "caption drop /x/ chars<3x",
     "t.rules:1:24: expected a number, got '3x'"},
    {"NumericWithMatch", "caption drop /x/ words~/x/",
     "t.rules:1:18: words is numeric: use < <= > >= = !="},
    {"ClassWithoutPattern", "caption drop /x/ class=foo",
     "t.rules:1:18: class takes a pattern: class~/re/"},
    {"PathWithoutSlashes", "caption drop /x/ path~foo",
     "t.rules:1:18: path takes a pattern: path~/re/"},
    {"ClassBadPattern", "caption drop /x/ class~/(a/", "t.rules:1:25: bad pattern: missing ): (a"},
    {"TagWithLessThan", "caption drop /x/ tag<p",
     "t.rules:1:18: tag takes = or !=, e.g. tag=figcaption"},
    {"TagWithMatch", "caption drop /x/ tag~/p/",
     "t.rules:1:18: tag takes = or !=, e.g. tag=figcaption"},
    {"InWithGreaterThan", "caption drop /x/ in>aside",
     "t.rules:1:18: in takes = or !=, e.g. in=aside"},
    {"UnknownContainer", "caption drop /x/ in=sidebar",
     "t.rules:1:21: unknown container 'sidebar'"},
    {"SiteWithScheme", "caption drop /x/ site=http://x",
     "t.rules:1:23: site= takes a host name such as apnews.com"},
    {"SiteEmpty",
     "caption drop /x/ site=", "t.rules:1:23: site= takes a host name such as apnews.com"},
    {"SiteWithPort", "caption drop /x/ site=a.com:80",
     "t.rules:1:23: site= takes a host name such as apnews.com"},
    {"BadKind", "caption drop /x/ kind=pdf", "t.rules:1:23: kind= takes text or html"},
    {"RestBody", "copyright cut-to-end /x/ rest=body",
     "t.rules:1:31: rest= takes a removal label such as sidebar"},
    {"RestKeep", "copyright cut-to-end /x/ rest=keep",
     "t.rules:1:31: rest= takes a removal label such as sidebar"},
    {"RestUnknownLabel", "copyright cut-to-end /x/ rest=junk",
     "t.rules:1:31: rest= takes a removal label such as sidebar"},
    {"RestOnDropRule", "caption drop /x/ rest=sidebar",
     "t.rules:1:18: rest= only applies to cut-to-end and cut-from-start rules"},
    {"SpanWithoutPattern", "caption span words>3",
     "t.rules:1:1: a span rule needs a /pattern/ to say which span to drop"},
    {"NeitherPatternNorPredicate", "caption drop",
     "t.rules:1:1: a rule needs a /pattern/ or at least one predicate"},
    {"OnlyAScope", "caption drop site=apnews.com",
     "t.rules:1:1: a rule needs a /pattern/ or at least one predicate"},
    {"ExampleWithoutRule", "  + Some text", "t.rules:1:3: an example must follow a rule"},
    {"ExampleAfterSet", "set length_low = 3\n  + Some text",
     "t.rules:2:3: an example must follow a rule"},
    {"ExampleAfterBlankAndComment", "# c\n\n\t- text",
     "t.rules:3:2: an example must follow a rule"},
    {"IndentedNotAnExample", "caption drop /x/\n  x marks the spot",
     "t.rules:2:3: an indented line is an example: start it with + or -"},
    {"NegativeExampleWithOutput", "caption span /x/\n    - x => y",
     "t.rules:2:5: only + examples take => output"},
    {"SetWithoutEquals", "set length_low 3", "t.rules:1:1: expected: set NAME = NUMBER"},
    {"SetWithoutValue", "set length_low =", "t.rules:1:1: expected: set NAME = NUMBER"},
    {"SetTooManyTokens", "set length_low = 3 4", "t.rules:1:1: expected: set NAME = NUMBER"},
    {"SetGluedEquals", "set length_low=3", "t.rules:1:1: expected: set NAME = NUMBER"},
    {"UnknownSetting", "set nope = 3", "t.rules:1:5: unknown setting 'nope'"},
    {"SettingNotANumber", "set length_low = lots", "t.rules:1:18: expected a number, got 'lots'"},
    {"ScopeAlone", "scope", "t.rules:1:1: scope takes site=HOST, kind=K or global"},
    {"ScopeUnknownWord", "scope everywhere",
     "t.rules:1:7: scope takes site=HOST, kind=K or global"},
    {"ScopeGlobalWithMore", "scope global kind=text",
     "t.rules:1:7: scope takes site=HOST, kind=K or global"},
    {"ScopeBadSite", "scope site=a.com/x",
     "t.rules:1:12: site= takes a host name such as apnews.com"},
    {"ScopeBadKind", "scope kind=pdf", "t.rules:1:12: kind= takes text or html"},
    {"ErrorOnCrlfLine", "caption drop /x/\r\ncaption remove /x/\r\n",
     std::string("t.rules:2:9: ") + kActions},
};

class ParserErrorTest : public ::testing::TestWithParam<ErrorCase> {};

TEST_P(ParserErrorTest, ReportsExactlyOneErrorWithItsColumn) {
  Parsed p = Parse(GetParam().text);
  EXPECT_FALSE(p.ok);
  EXPECT_EQ(p.errors, Strings({GetParam().error}));
}

INSTANTIATE_TEST_SUITE_P(Cases, ParserErrorTest, ::testing::ValuesIn(kErrorCases),
                         [](const auto& info) { return std::string(info.param.name); });

TEST(RuleParserTest, SpanRuleWithNothingReportsBothProblems) {
  Parsed p = Parse("caption span");
  EXPECT_EQ(p.errors,
            Strings({"t.rules:1:1: a span rule needs a /pattern/ to say which span to drop",
                     "t.rules:1:1: a rule needs a /pattern/ or at least one predicate"}));
}

TEST(RuleParserTest, ReportsEveryErrorOfAFileInOneRun) {
  Parsed p = Parse(
      "# several mistakes\n"
      "caption drop /ok/\n"
      "headline drop /x/\n"
      "caption drop /x/ words>=abc size<3\n"
      "set nope = 1\n"
      "sidebar drop /fine/ words>3\n"
      "caption drop /(x/ words>1\n");
  EXPECT_FALSE(p.ok);
  EXPECT_EQ(p.errors, Strings({std::string("t.rules:3:1: unknown label 'headline' ") + kLabels,
                               "t.rules:4:25: expected a number, got 'abc'",
                               "t.rules:4:29: unknown predicate 'size'",
                               "t.rules:5:5: unknown setting 'nope'",
                               "t.rules:7:15: bad pattern: missing ): (x"}));
  // The good rules are still parsed; the bad ones are not.
  ASSERT_EQ(p.file.rules.size(), 2u);
  EXPECT_EQ(p.file.rules[0].line, 2);
  EXPECT_EQ(p.file.rules[1].line, 6);
}

TEST(RuleParserTest, AppendsToEarlierErrorsAndReturnsFalseOnlyForItsOwn) {
  ParsedFile file;
  std::vector<std::string> errors = {"earlier.rules:1:1: something"};
  EXPECT_TRUE(ParseRules("good.rules", "caption drop /x/\n", kMaxMem, file, errors));
  EXPECT_FALSE(ParseRules("bad.rules", "caption drop\n", kMaxMem, file, errors));
  EXPECT_EQ(errors, Strings({"earlier.rules:1:1: something",
                             "bad.rules:1:1: a rule needs a /pattern/ or at least one predicate"}));
}

// The built-in rules' patterns were checked when winnow was built; other files' are checked
// at once, lazy compilation or not.
TEST(RuleParserTest, SyntaxOfPatternsIsCheckedUnlessDoneAtBuild) {
  for (SyntaxCheck check : {SyntaxCheck::kFull, SyntaxCheck::kDoneAtBuild}) {
    for (std::string_view rule :
         {"caption drop /a(b/\n", "caption span /a(b/\n", "caption drop class~/a(b/\n"}) {
      ParsedFile file;
      std::vector<std::string> errors;
      ParseRules("r.rules", rule, kMaxMem, file, errors, check);
      if (check == SyntaxCheck::kDoneAtBuild) {
        EXPECT_TRUE(errors.empty()) << rule;
        continue;
      }
      ASSERT_FALSE(errors.empty()) << rule;
      const std::string column = rule.find('~') == std::string_view::npos ? "15" : "21";
      EXPECT_EQ(errors[0], "r.rules:1:" + column + ": bad pattern: missing ): a(b") << rule;
    }
  }
}

// A rule with a mistake is reported once: its examples do follow a rule and should not each
// add "an example must follow a rule", which is not true and buries the real error.
TEST(RuleParserTest, ExamplesOfABrokenRuleAddNoErrors) {
  Parsed p = Parse("caption remove /x/\n  + x\n  - y\n");
  EXPECT_EQ(p.errors, Strings({std::string("t.rules:1:9: ") + kActions}));
}

// The column of an unknown flag points at that flag, not at the first flag.
TEST(RuleParserTest, UnknownFlagAfterAGoodOneHasItsOwnColumn) {
  Parsed p = Parse("caption drop /x/ig words>0");
  EXPECT_EQ(p.errors, Strings({"t.rules:1:18: unknown pattern flag 'g' (only 'i' is supported)"}));
}

// A rule whose only pattern or predicate is wrong gets that one error, not also "a rule needs
// a /pattern/ or at least one predicate", which is not what the author did wrong.
TEST(RuleParserTest, BadOnlyPatternIsNotAlsoReportedAsMissing) {
  EXPECT_EQ(Parse("caption drop /(x/").errors,
            Strings({"t.rules:1:15: bad pattern: missing ): (x"}));
  EXPECT_EQ(Parse("caption drop tag<p").errors,
            Strings({"t.rules:1:14: tag takes = or !=, e.g. tag=figcaption"}));
}

// ---------------------------------------------------------------------------------------------
// Happy paths.

TEST(RuleParserTest, EveryAction) {
  Parsed p = Parse(
      "caption drop /a/\n"
      "timestamp span /b/\n"
      "copyright cut-to-end /c/\n"
      "nav cut-from-start /d/\n"
      "caption keep /e/\n"
      "title meta /f/\n");
  ASSERT_EQ(p.errors, Strings{});
  ASSERT_EQ(p.file.rules.size(), 6u);
  const std::vector<Rule>& r = p.file.rules;
  EXPECT_EQ(r[0].action, Action::kDrop);
  EXPECT_EQ(r[0].label, Label::kCaption);
  EXPECT_EQ(r[1].action, Action::kSpan);
  EXPECT_EQ(r[1].label, Label::kTimestamp);
  EXPECT_EQ(r[2].action, Action::kCutToEnd);
  EXPECT_EQ(r[2].rest_label, Label::kCopyright);  // rest= defaults to the rule's label
  EXPECT_EQ(r[3].action, Action::kCutFromStart);
  EXPECT_EQ(r[3].label, Label::kNav);
  EXPECT_EQ(r[4].action, Action::kKeep);
  EXPECT_EQ(r[4].label, Label::kKeep);  // "LABEL keep" is a keep rule whatever the label
  EXPECT_EQ(r[5].action, Action::kMeta);
  EXPECT_EQ(r[5].label, Label::kTitle);
  for (size_t i = 0; i < r.size(); ++i) {
    EXPECT_EQ(r[i].file, "t.rules");
    EXPECT_EQ(r[i].line, static_cast<int>(i) + 1);
    ASSERT_NE(r[i].re, nullptr) << i;
    EXPECT_TRUE(RE2::FullMatch(std::string(1, static_cast<char>('a' + i)), r[i].re->get())) << i;
  }
  EXPECT_EQ(r[0].pattern, "a");
  EXPECT_EQ(r[0].source, "caption drop /a/");
}

TEST(RuleParserTest, KeepStandsAloneOrTwice) {
  for (const char* text : {"keep /x/", "keep keep /x/"}) {
    Rule r = ParseOne(text);
    EXPECT_EQ(r.label, Label::kKeep) << text;
    EXPECT_EQ(r.action, Action::kKeep) << text;
    EXPECT_EQ(r.pattern, "x") << text;
  }
}

TEST(RuleParserTest, CaseInsensitiveFlag) {
  Rule r = ParseOne("share drop /^tweet$/i");
  EXPECT_EQ(r.pattern, "(?i)^tweet$");
  EXPECT_TRUE(RE2::FullMatch("TWEET", r.pattern));
}

TEST(RuleParserTest, PatternWithSpacesAndEscapedSlash) {
  Rule r = ParseOne("credit drop /AP Photo\\/[^)]* x/ words<=9");
  EXPECT_EQ(r.pattern, "AP Photo\\/[^)]* x");
  EXPECT_TRUE(RE2::PartialMatch("(AP Photo/Evan Vucci x", r.pattern));
  ASSERT_EQ(r.predicates.size(), 1u);
  EXPECT_EQ(r.predicates[0].feature, Feature::kWords);
}

TEST(RuleParserTest, HashInsidePatternIsNotAComment) {
  Rule r = ParseOne("nav drop /a #b/  # but this is");
  EXPECT_EQ(r.pattern, "a #b");
  EXPECT_TRUE(r.predicates.empty());
}

struct OpCase {
  const char* token;
  Feature feature;
  Op op;
  double number;
};

TEST(RuleParserTest, NumericPredicatesWithEveryOperator) {
  const OpCase cases[] = {
      {"words<3", Feature::kWords, Op::kLt, 3},
      {"chars<=70", Feature::kChars, Op::kLe, 70},
      {"caps>0.5", Feature::kCaps, Op::kGt, 0.5},
      {"digits>=0.25", Feature::kDigits, Op::kGe, 0.25},
      {"stop=0", Feature::kStop, Op::kEq, 0},
      {"line!=1", Feature::kLine, Op::kNe, 1},
      {"fromend<=2", Feature::kFromEnd, Op::kLe, 2},
      {"prose-before>=120", Feature::kProseBefore, Op::kGe, 120},
      {"links>0.2", Feature::kLinks, Op::kGt, 0.2},
      {"block-links<1", Feature::kBlockLinks, Op::kLt, 1},
      {"heading=2", Feature::kHeading, Op::kEq, 2},
      {"depth>=-1", Feature::kDepth, Op::kGe, -1},
  };
  for (const OpCase& c : cases) {
    Rule r = ParseOne(std::string("caption drop ") + c.token);
    ASSERT_EQ(r.predicates.size(), 1u) << c.token;
    const Predicate& p = r.predicates[0];
    EXPECT_EQ(p.feature, c.feature) << c.token;
    EXPECT_EQ(p.op, c.op) << c.token;
    EXPECT_EQ(p.number, c.number) << c.token;
    EXPECT_FALSE(p.negate) << c.token;
  }
}

TEST(RuleParserTest, FlagPredicatesAndNegation) {
  Rule r = ParseOne(
      "caption drop punct !punct blank-before blank-after same-as-first after-prose !hidden");
  ASSERT_EQ(r.predicates.size(), 7u);
  const Feature want[] = {Feature::kPunct,      Feature::kPunct,       Feature::kBlankBefore,
                          Feature::kBlankAfter, Feature::kSameAsFirst, Feature::kAfterProse,
                          Feature::kHidden};
  for (size_t i = 0; i < 7; ++i) {
    EXPECT_EQ(r.predicates[i].feature, want[i]) << i;
    EXPECT_EQ(r.predicates[i].op, Op::kFlag) << i;
    EXPECT_EQ(r.predicates[i].negate, i == 1 || i == 6) << i;
  }
}

TEST(RuleParserTest, NegatedComparison) {
  Rule r = ParseOne("caption drop !words>3");
  ASSERT_EQ(r.predicates.size(), 1u);
  EXPECT_TRUE(r.predicates[0].negate);
  EXPECT_EQ(r.predicates[0].op, Op::kGt);
}

TEST(RuleParserTest, DomPredicates) {
  Rule r = ParseOne(
      "caption drop tag=figcaption tag!=p in=aside in!=linklist class~/share bar/ path~/>nav>/");
  ASSERT_EQ(r.predicates.size(), 6u);
  const auto& p = r.predicates;
  EXPECT_EQ(p[0].feature, Feature::kTag);
  EXPECT_EQ(p[0].op, Op::kEq);
  EXPECT_EQ(p[0].text, "figcaption");
  EXPECT_EQ(p[1].op, Op::kNe);
  EXPECT_EQ(p[1].text, "p");
  EXPECT_EQ(p[2].feature, Feature::kIn);
  EXPECT_EQ(p[2].op, Op::kEq);
  EXPECT_EQ(p[2].containers, kInAside);
  EXPECT_EQ(p[3].op, Op::kNe);
  EXPECT_EQ(p[3].containers, kInLinkList);
  EXPECT_EQ(p[4].feature, Feature::kClass);
  EXPECT_EQ(p[4].op, Op::kMatch);
  ASSERT_NE(p[4].re, nullptr);
  EXPECT_TRUE(RE2::PartialMatch("x share bar y", p[4].re->get()));
  EXPECT_EQ(p[5].feature, Feature::kPath);
  ASSERT_NE(p[5].re, nullptr);
  EXPECT_TRUE(RE2::PartialMatch("body>nav>ul", p[5].re->get()));
}

TEST(RuleParserTest, EveryContainerName) {
  const std::pair<const char*, uint32_t> cases[] = {
      {"article", kInArticle},   {"main", kInMain},
      {"nav", kInNav},           {"header", kInHeader},
      {"footer", kInFooter},     {"aside", kInAside},
      {"figure", kInFigure},     {"form", kInForm},
      {"menu", kInMenu},         {"button", kInButton},
      {"li", kInList},           {"table", kInTable},
      {"linklist", kInLinkList}, {"blockquote", kInBlockquote},
      {"heading", kInHeading},   {"pre", kInPre},
      {"address", kInAddress},   {"time", kInTime}};
  for (const auto& [name, bits] : cases) {
    Rule r = ParseOne(std::string("ui drop in=") + name);
    ASSERT_EQ(r.predicates.size(), 1u) << name;
    EXPECT_EQ(r.predicates[0].containers, bits) << name;
  }
}

TEST(RuleParserTest, ClassPatternTakesTheCaseFlag) {
  Rule r = ParseOne("ui drop class~/Cookie/i");
  ASSERT_EQ(r.predicates.size(), 1u);
  EXPECT_TRUE(RE2::PartialMatch("cookie-banner", r.predicates[0].re->get()));
}

TEST(RuleParserTest, SiteKindAndRest) {
  Rule r = ParseOne(
      "copyright cut-to-end /x/ site=APNews.com site=b.org kind=html rest=sidebar words<60");
  EXPECT_EQ(r.sites, (std::vector<std::string>{"apnews.com", "b.org"}));
  EXPECT_EQ(r.kinds, kKindHtml);
  EXPECT_EQ(r.rest_label, Label::kSidebar);
  EXPECT_EQ(r.label, Label::kCopyright);
  EXPECT_EQ(r.predicates.size(), 1u);

  Rule both = ParseOne("nav cut-from-start /x/ kind=text kind=html rest=ui");
  EXPECT_EQ(both.kinds, kKindText | kKindHtml);
  EXPECT_EQ(both.rest_label, Label::kUi);
  EXPECT_TRUE(both.sites.empty());
}

TEST(RuleParserTest, ScopeAppliesToFollowingRulesUntilGlobal) {
  Parsed p = Parse(
      "caption drop /a/\n"
      "scope site=apnews.com kind=text\n"
      "caption drop /b/\n"
      "caption drop /c/ site=example.org\n"
      "scope kind=html\n"
      "caption drop /d/\n"
      "scope global\n"
      "caption drop /e/\n");
  ASSERT_EQ(p.errors, Strings{});
  ASSERT_EQ(p.file.rules.size(), 5u);
  const auto& r = p.file.rules;
  EXPECT_TRUE(r[0].sites.empty());
  EXPECT_EQ(r[0].kinds, 0);
  EXPECT_EQ(r[1].sites, std::vector<std::string>{"apnews.com"});
  EXPECT_EQ(r[1].kinds, kKindText);
  EXPECT_EQ(r[2].sites, (std::vector<std::string>{"apnews.com", "example.org"}));
  EXPECT_TRUE(r[3].sites.empty()) << "a new scope replaces the previous one";
  EXPECT_EQ(r[3].kinds, kKindHtml);
  EXPECT_TRUE(r[4].sites.empty());
  EXPECT_EQ(r[4].kinds, 0);
}

TEST(RuleParserTest, ScopeEndsWithTheFile) {
  ParsedFile file;
  std::vector<std::string> errors;
  ASSERT_TRUE(ParseRules("a.rules", "scope site=a.com\ncaption drop /a/\n", kMaxMem, file, errors));
  ASSERT_TRUE(ParseRules("b.rules", "caption drop /b/\n", kMaxMem, file, errors));
  ASSERT_EQ(file.rules.size(), 2u);
  EXPECT_EQ(file.rules[0].sites, std::vector<std::string>{"a.com"});
  EXPECT_TRUE(file.rules[1].sites.empty());
  EXPECT_EQ(file.rules[1].file, "b.rules");
}

TEST(RuleParserTest, Examples) {
  Parsed p = Parse(
      "timestamp span /^(date \\S+ )/\n"
      "  + date 2022 The text. => The text.\n"
      "\t- The date 2022 was chosen.\n"
      "  +   spaced   \n"
      "\n"
      "caption drop /x/\n"
      "    + x\n");
  ASSERT_EQ(p.errors, Strings{});
  ASSERT_EQ(p.file.rules.size(), 2u);
  const auto& ex = p.file.rules[0].examples;
  ASSERT_EQ(ex.size(), 3u);
  EXPECT_TRUE(ex[0].fires);
  EXPECT_EQ(ex[0].input, "date 2022 The text.");
  EXPECT_TRUE(ex[0].has_output);
  EXPECT_EQ(ex[0].output, "The text.");
  EXPECT_EQ(ex[0].line, 2);
  EXPECT_FALSE(ex[1].fires);
  EXPECT_EQ(ex[1].input, "The date 2022 was chosen.");
  EXPECT_FALSE(ex[1].has_output);
  EXPECT_EQ(ex[1].line, 3);
  EXPECT_EQ(ex[2].input, "spaced   ");
  ASSERT_EQ(p.file.rules[1].examples.size(), 1u);
  EXPECT_EQ(p.file.rules[1].examples[0].line, 7);
}

TEST(RuleParserTest, CrlfLineEndings) {
  Parsed p = Parse(
      "# rules written on Windows\r\n"
      "set length_low = 50\r\n"
      "caption drop /x$/ words>=2\r\n"
      "  + a x\r\n"
      "  + b => c\r\n"
      "\r\n");
  ASSERT_EQ(p.errors, Strings{});
  ASSERT_EQ(p.file.rules.size(), 1u);
  const Rule& r = p.file.rules[0];
  EXPECT_EQ(r.pattern, "x$");
  EXPECT_EQ(r.source, "caption drop /x$/ words>=2");
  ASSERT_EQ(r.predicates.size(), 1u);
  EXPECT_EQ(r.predicates[0].number, 2);
  ASSERT_EQ(r.examples.size(), 2u);
  EXPECT_EQ(r.examples[0].input, "a x");
  EXPECT_EQ(r.examples[1].output, "c");
  EXPECT_EQ(p.file.settings.length_low, 50);
}

TEST(RuleParserTest, CommentsAndBlankLines) {
  Parsed p = Parse(
      "# a comment\n"
      "\n"
      "   \t  \n"
      "    # an indented comment is not an example\n"
      "caption drop /x/   # trailing comment\n"
      "# between a rule and its examples\n"
      "  + x\n");
  ASSERT_EQ(p.errors, Strings{});
  ASSERT_EQ(p.file.rules.size(), 1u);
  EXPECT_EQ(p.file.rules[0].line, 5);
  EXPECT_TRUE(p.file.rules[0].predicates.empty());
  EXPECT_EQ(p.file.rules[0].examples.size(), 1u);
}

TEST(RuleParserTest, SetAppliesToTheSettingsPassedIn) {
  ParsedFile file;
  file.settings.length_high = 123;
  std::vector<std::string> errors;
  ASSERT_TRUE(ParseRules("s.rules",
                         "set length_low = 40\nset stopwords_high = 0.5\nset glued_headlines = 0\n",
                         kMaxMem, file, errors));
  EXPECT_EQ(file.settings.length_low, 40);
  EXPECT_EQ(file.settings.stopwords_high, 0.5);
  EXPECT_EQ(file.settings.glued_headlines, 0);
  EXPECT_EQ(file.settings.length_high, 123) << "settings not set are left as they were";
  EXPECT_TRUE(file.rules.empty());
}

TEST(RuleParserTest, EverySettingNameCanBeSet) {
  for (std::string_view name : SettingNames()) {
    Parsed p = Parse("set " + std::string(name) + " = 7");
    EXPECT_EQ(p.errors, Strings{}) << name;
  }
}

TEST(RuleParserTest, EmptyFileIsFine) {
  Parsed p = Parse("");
  EXPECT_TRUE(p.ok);
  EXPECT_TRUE(p.file.rules.empty());
}

TEST(RuleParserMainTest, MainStandsAloneAndDecidesNoLabel) {
  Parsed p = Parse("main class~/article-body/ kind=html\n");
  ASSERT_TRUE(p.ok) << (p.errors.empty() ? "" : p.errors[0]);
  ASSERT_EQ(p.file.rules.size(), 1u);
  EXPECT_EQ(p.file.rules[0].action, Action::kMain);
  EXPECT_EQ(p.file.rules[0].label, Label::kBody);
  EXPECT_EQ(p.file.rules[0].kinds, kKindHtml);
}

TEST(RuleParserMainTest, MainNeedsAMatch) {
  Parsed p = Parse("main\n");
  EXPECT_FALSE(p.ok);
  EXPECT_EQ(p.errors, std::vector<std::string>{
                          "t.rules:1:1: a rule needs a /pattern/ or at least one predicate"});
}

}  // namespace
}  // namespace winnow
