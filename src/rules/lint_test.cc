#include "rules/lint.h"

#include <gtest/gtest.h>

namespace winnow {
namespace {

// The warnings for one rules file "t.rules", as "line:col: message" strings.
std::vector<std::string> Lint(const std::string& text, size_t first = 0) {
  Result<std::unique_ptr<RuleSet>> set = RuleSet::Compile({{"t.rules", text}}, 8 << 20);
  EXPECT_TRUE(set.ok()) << set.status().message();
  if (!set.ok()) return {};
  std::vector<std::string> out;
  for (const LintWarning& w : LintRules(**set, first)) {
    EXPECT_EQ(w.file, "t.rules");
    out.push_back(std::to_string(w.line) + ":" + std::to_string(w.col) + ": " + w.message);
  }
  return out;
}

using Warnings = std::vector<std::string>;

TEST(LintTest, CleanRulesHaveNoWarnings) {
  EXPECT_EQ(Lint("caption drop /^FILE - / words>=4\n"
                 "  + FILE - A man walks his dog in the park.\n"
                 "keep /^FILE - /\n"  // keep beats removal: not shadowed
                 "  + FILE - x\n"
                 "nav drop /^Home$/ site=apnews.com\n"
                 "  + Home\n"
                 "nav drop /^Home$/\n"  // global loses to the site rule only on that site
                 "  + Home\n"
                 "sidebar drop in=aside\n"),  // DOM-only: no example could exercise it
            Warnings{});
}

TEST(LintTest, WarningFormat) {
  LintWarning w{"a.rules", 3, 7, "pattern matches the empty string"};
  EXPECT_EQ(w.ToString(), "a.rules:3:7: warning: pattern matches the empty string");
}

TEST(LintTest, DuplicateIgnoresPredicateOrder) {
  EXPECT_EQ(Lint("ad drop /^Ad$/ words<=2 !punct\n  + Ad\n"
                 "ad drop /^Ad$/ !punct words<=2\n  + Ad\n"),
            Warnings{"3:1: duplicate of the rule at t.rules:1"});
}

TEST(LintTest, DifferentLabelIsNotADuplicateButIsShadowed) {
  EXPECT_EQ(Lint("ad drop /^Ad$/\n  + Ad\nsponsored drop /^Ad$/ words<=2\n  + Ad\n"),
            Warnings{"3:1: never wins: the rule at t.rules:1 fires on every line this one fires "
                     "on and takes precedence"});
}

TEST(LintTest, NotShadowedWhenTheEarlierRuleIsNarrower) {
  EXPECT_EQ(Lint("ad drop /^Ad$/ words<=2\n  + Ad\nad drop /^Ad$/\n  + Ad\n"), Warnings{});
  EXPECT_EQ(Lint("ad drop /^Ad$/ kind=html\n  + Ad\nad drop /^Ad$/\n  + Ad\n"), Warnings{});
  EXPECT_EQ(Lint("ad drop /^Ad$/ site=a.com\n  + Ad\nad drop /^Ad$/ site=b.com\n  + Ad\n"),
            Warnings{});
  EXPECT_EQ(Lint("ad span /^Ad$/\n  + Ad =>\nad drop /^Ad$/\n  + Ad\n"), Warnings{});
}

TEST(LintTest, UnpatternedRuleShadowsPatternedOnes) {
  EXPECT_EQ(Lint("nav drop words<=1\n  + Home\nnav drop /^Home$/ site=news.a.com words<=1\n"
                 "  + Home\n"),
            Warnings{});  // site-scoped beats global
  EXPECT_EQ(Lint("nav drop words<=1 site=a.com\n  + Home\n"
                 "nav drop /^Home$/ site=news.a.com words<=1\n  + Home\n"),
            Warnings{"3:1: never wins: the rule at t.rules:1 fires on every line this one fires "
                     "on and takes precedence"});
}

TEST(LintTest, EmptyMatchingAndBroadPatterns) {
  EXPECT_EQ(Lint("ad drop /^(Ad)?$/\n  + Ad\n"),
            Warnings{"1:9: pattern matches the empty string, so it can fire without matching "
                     "text"});
  EXPECT_EQ(Lint("sidebar drop /.*/\n  + x\n"),
            (Warnings{"1:14: pattern matches the empty string, so it can fire without matching "
                      "text",
                      "1:14: too broad: fires on 12 of 12 sentences of ordinary prose; narrow the "
                      "pattern or add predicates"}));
  EXPECT_EQ(Lint("sidebar drop /the/i\n  + the end\n"),
            Warnings{"1:14: too broad: fires on 11 of 12 sentences of ordinary prose; narrow "
                     "the pattern or add predicates"});
  // Text predicates narrow a broad pattern; keep rules and DOM-restricted rules may be broad.
  EXPECT_EQ(Lint("sidebar drop /the/i words<=3\n  + the end\n"), Warnings{});
  EXPECT_EQ(Lint("keep /the/i\n  + the end\n"), Warnings{});
  EXPECT_EQ(Lint("caption drop /./ in=figure\n  + x\n"), Warnings{});
}

TEST(LintTest, SitesMustBeHostNames) {
  EXPECT_EQ(Lint("nav drop /^Home$/ site=*.Example.com site=localhost site=a-.com\n  + Home\n"),
            (Warnings{"1:24: site '*.example.com' is not a host name; site= already covers "
                      "subdomains",
                      "1:43: site 'localhost' is not a host name",
                      "1:58: site 'a-.com' is not a host name"}));
  EXPECT_EQ(Lint("scope site=intranet\nnav drop /^Home$/\n  + Home\n"),
            Warnings{"2:1: site 'intranet' is not a host name (from the file's scope line)"});
}

TEST(LintTest, MissingExamples) {
  EXPECT_EQ(Lint("ad drop /^Ad$/\n"),
            Warnings{"1:1: rule has no inline example (+ a line it fires on, - one it must not)"});
  EXPECT_EQ(Lint("caption drop /^Photo/ in=figure\n"),
            Warnings{"1:1: rule has no inline example (+ a line it fires on, - one it must not); "
                     "an example exercises its pattern and text predicates, not its DOM/context "
                     "ones"});
  EXPECT_EQ(Lint("ui drop class~/comments/\nnav drop line<=1 blank-after\n"), Warnings{});
}

TEST(LintTest, EarlierRulesAreComparedButNotReported) {
  EXPECT_EQ(Lint("ad drop /^Ad$/\nad drop /^Ad$/\n  + Ad\n", 1),
            Warnings{"2:1: duplicate of the rule at t.rules:1"});
}

}  // namespace
}  // namespace winnow
