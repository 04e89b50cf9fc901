#include "classify/class_tokens.h"

#include <gtest/gtest.h>
#include <re2/re2.h>

#include <memory>
#include <string>
#include <vector>

#include "html/html_source.h"
#include "rules/prefilter.h"
#include "rules/prefilter_test_util.h"
#include "rules/rule_set.h"
#include "winnow/options.h"

namespace winnow {
namespace {

std::unique_ptr<RuleSet> Compile(const std::vector<RuleSource>& sources) {
  Result<std::unique_ptr<RuleSet>> set = RuleSet::Compile(sources, Options().re2_max_mem);
  EXPECT_TRUE(set.ok()) << set.status().message();
  return set.ok() ? std::move(*set) : nullptr;
}

std::unique_ptr<RuleSet> DefaultRules() {
  Result<std::vector<RuleSource>> sources = RuleSet::Sources(Options());
  EXPECT_TRUE(sources.ok()) << sources.status().message();
  return sources.ok() ? Compile(*sources) : nullptr;
}

// Elements with class, id and role tokens the default class~ patterns match and do not, in
// upper case, with runs of whitespace, with a token longer than any window, with control
// characters (which the page's text turns into U+FFFD), one whose string a window cuts
// before its matching token, and one whose own tokens do not all fit (nothing above it
// counts then).
constexpr std::string_view kPage =
    "<html class='page no-js'><body class='single post-template'>"
    "<div id=main class='Article-Body story'><p>intro</p>"
    "<div class=' related-posts\t widget  '><p>more</p>"
    "<ul class='list'><li class='trending-item x-y-z'>one</li><li>two</li></ul></div>"
    "<figure class='wp-caption aligncenter'><figcaption class='wp-caption-text'>cap</figcaption>"
    "</figure>"
    "<section id='comments' class='comments-area'><p>c1</p>"
    "<div class='comment-body' role='article complementary'><p>c2</p></div></section>"
    "<div class='author-bio-box'><p>bio</p></div>"
    "<div "
    "class='aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa promo'><p>long</p></div>"
    "<div class='\vcomments x\vpromo'><p>guard</p></div>"
    "<div><span class='caption'>inline</span> text</div>"
    "<div class='a b c d e f g h i j k l m n o p q r s t u v w x y z'>"
    "<div class='popular-now'><p>deep</p></div></div>"
    "<div class='aaaa-bbbb-cccc promo-zone'><div class='xx'><p>cut</p></div></div>"
    "<div class='trending'><div class='aaaa bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb'>"
    "<div class='x'><p>stop</p></div></div></div>"
    "</div><p>outside</p></body></html>";

// Checks every class~ predicate of `rules` on every line of `html`: the answer from the
// page's tokens must be RE2's on the line's attrs string. Returns how many held.
int ExpectTokensAnswerAsStrings(const RuleSet& rules, size_t max_attrs_bytes,
                                std::string_view html = kPage) {
  HtmlOptions options;
  options.collect_tokens = true;
  options.describe_attrs = true;
  options.max_attrs_bytes = max_attrs_bytes;
  Result<Page> page = ParseHtml(html, options);
  EXPECT_TRUE(page.ok()) << page.status().message();
  if (!page.ok()) return 0;
  const PredicateSets& sets = rules.predicate_sets();
  ClassTokenAnswers answers;
  answers.Reset(page->attr_tokens, sets);
  int held = 0;
  for (const DomFeatures& dom : page->dom) {
    const uint64_t bits = answers.Bits(dom.attrs_element);
    for (const Rule& r : rules.rules()) {
      for (const Predicate& p : r.predicates) {
        if (p.feature != Feature::kClass) continue;
        const bool by_tokens = (bits >> sets.class_tokens.index_of_slot[p.slot]) & 1;
        const bool by_string = RE2::PartialMatch(dom.attrs, p.re->get());
        EXPECT_EQ(by_tokens, by_string) << "attrs \"" << dom.attrs << "\", /" << p.re->pattern()
                                        << "/, max_attrs_bytes " << max_attrs_bytes;
        held += by_string;
      }
    }
  }
  return held;
}

TEST(ClassTokenAnswersTest, DefaultPatternsAnswerAsOnTheAttrsStrings) {
  std::unique_ptr<RuleSet> rules = DefaultRules();
  ASSERT_NE(rules, nullptr);
  ASSERT_NE(rules->predicate_sets().class_tokens.prefilter, nullptr)
      << "every built-in class~ pattern is in the class token database";
  // Windows cut after the element's own tokens, inside an ancestor's, and before any token.
  for (size_t cap : {200, 120, 40, 25, 12, 3, 0}) {
    const int held = ExpectTokensAnswerAsStrings(*rules, cap);
    if (cap >= 40) {
      EXPECT_GE(held, 8) << "the page exercises matches, cap " << cap;
    }
  }
}

// When the token scan fails, RE2 answers token by token, as it would on the attrs strings.
TEST(ClassTokenAnswersTest, AFailedScanLeavesTheTokensToRe2) {
  std::unique_ptr<RuleSet> rules = DefaultRules();
  ASSERT_NE(rules, nullptr);
  std::unique_ptr<Prefilter> broken =
      Prefilter::Load(testing::CorruptedCopy(DefaultClassTokenDatabase()));
  ASSERT_NE(broken, nullptr);
  // The rule set is not const: its answers are pointed at the broken database for the test.
  const Prefilter*& prefilter =
      const_cast<PredicateSets&>(rules->predicate_sets()).class_tokens.prefilter;
  ASSERT_NE(prefilter, nullptr);
  const Prefilter* intact = prefilter;
  prefilter = broken.get();
  for (size_t cap : {200, 40, 12, 0}) {
    const int held = ExpectTokensAnswerAsStrings(*rules, cap);
    if (cap >= 40) {
      EXPECT_GE(held, 8) << "the page exercises matches, cap " << cap;
    }
  }
  prefilter = intact;
}

// A page none of whose tokens any pattern matches is answered without its windows; its
// answers are still RE2's (none), token near misses included.
TEST(ClassTokenAnswersTest, PageWithoutMatchingTokensAnswersNo) {
  std::unique_ptr<RuleSet> rules = DefaultRules();
  ASSERT_NE(rules, nullptr);
  constexpr std::string_view kNoMatch =
      "<html class='page'><body class='home'><div id=main class='wrapper commentary'>"
      "<p>one</p><div class='relatedness capitol-x'><p>two</p></div>"
      "<section role='region'><p>three</p></section></div><p>four</p></body></html>";
  for (size_t cap : {200, 12, 0}) {
    EXPECT_EQ(ExpectTokensAnswerAsStrings(*rules, cap, kNoMatch), 0) << cap;
  }
}

TEST(ClassTokenAnswersTest, OnlyRuleSetsOfDefaultTokenLocalPatternsGoByTokens) {
  std::unique_ptr<RuleSet> defaults = DefaultRules();
  ASSERT_NE(defaults, nullptr);
  Result<std::vector<RuleSource>> sources = RuleSet::Sources(Options());
  ASSERT_TRUE(sources.ok());
  for (std::string_view extra : {"sidebar drop class~/^widget/\n",              // not TokenLocal
                                 "sidebar drop class~/(^| )widget( |$)/\n"}) {  // not built in
    std::vector<RuleSource> more = *sources;
    more.push_back({"user.rules", std::string(extra)});
    std::unique_ptr<RuleSet> rules = Compile(more);
    ASSERT_NE(rules, nullptr);
    EXPECT_EQ(rules->predicate_sets().class_tokens.prefilter, nullptr) << extra;
  }
  std::unique_ptr<RuleSet> none = Compile({{"r.rules", "sidebar drop /^Related:/\n"}});
  ASSERT_NE(none, nullptr);
  EXPECT_EQ(none->predicate_sets().class_tokens.prefilter, nullptr) << "no class~ at all";
  // A user rule repeating a built-in pattern keeps the token path; both rules see it.
  std::vector<RuleSource> again = *sources;
  again.push_back({"user.rules", "ad drop class~/(^| )[\\w-]*caption/ words<3\n"});
  std::unique_ptr<RuleSet> rules = Compile(again);
  ASSERT_NE(rules, nullptr);
  ASSERT_NE(rules->predicate_sets().class_tokens.prefilter, nullptr);
  EXPECT_GE(ExpectTokensAnswerAsStrings(*rules, 200), 9);
}

}  // namespace
}  // namespace winnow
