#include "rules/rule_set.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "batch/test_util.h"
#include "rules/default_rules.h"
#include "rules/rule_parser.h"
#include "winnow/winnow.h"

namespace winnow {
namespace {

using batch::testing::TempDir;
using batch::testing::WriteTestFile;

constexpr int64_t kMaxMem = 64 << 20;
using Strings = std::vector<std::string>;
using Ints = std::vector<int>;

std::unique_ptr<RuleSet> MustCompile(const std::vector<RuleSource>& sources) {
  Result<std::unique_ptr<RuleSet>> set = RuleSet::Compile(sources, kMaxMem);
  EXPECT_TRUE(set.ok()) << set.status().message();
  return set.ok() ? std::move(*set) : nullptr;
}

std::vector<int> MatchOf(const RuleSet& set, std::string_view text) {
  std::vector<int> hits;
  set.Match(text, hits);
  return hits;
}

TEST(RuleSetTest, ErrorsOfEveryFileInOneRuleError) {
  Result<std::unique_ptr<RuleSet>> set =
      RuleSet::Compile({{"a.rules", "caption drop /ok/\ncaption drop\n"},
                        {"b.rules", "sidebar drop /fine/\n"},
                        {"c.rules", "set nope = 1\ncaption drop /(/ words>1\n"}},
                       kMaxMem);
  ASSERT_FALSE(set.ok());
  EXPECT_EQ(set.status().code(), Status::Code::kRuleError);
  EXPECT_EQ(set.status().message(),
            "a.rules:2:1: a rule needs a /pattern/ or at least one predicate\n"
            "c.rules:1:5: unknown setting 'nope'\n"
            "c.rules:2:15: bad pattern: missing ): (");
}

// MayFire reads words<=N, words<N and line=N; it must never rule out a line the predicates
// would let through (negated or other predicates give no bound).
TEST(RuleSetTest, MayFireFollowsWordAndLineBounds) {
  std::unique_ptr<RuleSet> set = MustCompile({{"g.rules",
                                               "title drop line=2 words<=3\n"
                                               "ui drop words<4 !punct\n"
                                               "nav drop !line=1 !words<=2\n"
                                               "meta drop line>=2 words>=5\n"}});
  ASSERT_NE(set, nullptr);
  auto line = [](uint32_t index, uint32_t words) {
    Line l;
    l.index = index;
    l.words = words;
    return l;
  };
  auto may_fire = [&](int rule, const Line& l) { return set->MayFire(rule, l, nullptr, 0); };
  EXPECT_TRUE(may_fire(0, line(1, 3)));
  EXPECT_FALSE(may_fire(0, line(1, 4)));
  EXPECT_FALSE(may_fire(0, line(0, 3)));
  EXPECT_FALSE(may_fire(0, line(2, 1)));
  EXPECT_TRUE(may_fire(1, line(9, 3)));
  EXPECT_FALSE(may_fire(1, line(9, 4)));
  for (int rule : {2, 3}) {
    for (uint32_t index : {0u, 1u, 7u}) {
      for (uint32_t words : {0u, 2u, 3u, 100u}) {
        EXPECT_TRUE(may_fire(rule, line(index, words))) << rule << " " << index << " " << words;
      }
    }
  }
}

// MayFire also reads in=X (or !in!=X) and, when class~ goes by tokens, a class~ predicate:
// the line must be in X, and that class~ answer among its bits must be yes. Negated or other
// forms give no gate; a text line (no DOM) passes no DOM gate, as it passes no such predicate.
TEST(RuleSetTest, MayFireFollowsContainerAndClassGates) {
  // A built-in class~ pattern, so that class~ goes by tokens.
  const std::string caption = "class~/(^| )[\\w-]*caption/";
  std::unique_ptr<RuleSet> set = MustCompile({{"g.rules",
                                               "nav drop in=footer\n"
                                               "nav drop !in!=footer\n"
                                               "nav drop in!=footer\n"
                                               "nav drop !in=footer\n"
                                               "caption drop " +
                                                   caption +
                                                   "\n"
                                                   "caption drop !" +
                                                   caption +
                                                   "\n"
                                                   "caption drop in=aside " +
                                                   caption + "\n"}});
  ASSERT_NE(set, nullptr);
  ASSERT_NE(set->predicate_sets().class_tokens.prefilter, nullptr);
  const Line line;
  DomFeatures footer, aside, none;
  footer.containers = kInFooter;
  aside.containers = kInAside;
  // Class~ indices follow the rules: rule 4's is 0, rule 6's is 2.
  const uint64_t first = 1, third = 4, both = first | third;
  for (int rule : {0, 1}) {
    EXPECT_TRUE(set->MayFire(rule, line, &footer, 0)) << rule;
    EXPECT_FALSE(set->MayFire(rule, line, &aside, 0)) << rule;
    EXPECT_FALSE(set->MayFire(rule, line, nullptr, 0)) << rule;
  }
  for (int rule : {2, 3, 5}) {
    for (const DomFeatures* dom : {&footer, &aside, &none, static_cast<DomFeatures*>(nullptr)}) {
      EXPECT_TRUE(set->MayFire(rule, line, dom, 0)) << rule;
    }
  }
  EXPECT_TRUE(set->MayFire(4, line, &none, first));
  EXPECT_FALSE(set->MayFire(4, line, &none, third));
  EXPECT_FALSE(set->MayFire(4, line, nullptr, first));
  EXPECT_TRUE(set->MayFire(6, line, &aside, both));
  EXPECT_FALSE(set->MayFire(6, line, &aside, first));
  EXPECT_FALSE(set->MayFire(6, line, &footer, both));
}

// A user's class~ pattern sends class~ back to the attrs strings: no class~ gate then (the
// classifier passes all ones), while in=X still gates.
TEST(RuleSetTest, NoClassGateWhenClassGoesByStrings) {
  std::unique_ptr<RuleSet> set = MustCompile({{"g.rules",
                                               "caption drop class~/photo-credit/\n"
                                               "nav drop in=footer class~/photo-credit/\n"}});
  ASSERT_NE(set, nullptr);
  ASSERT_EQ(set->predicate_sets().class_tokens.prefilter, nullptr);
  DomFeatures footer, none;
  footer.containers = kInFooter;
  EXPECT_TRUE(set->MayFire(0, Line(), &none, 0));
  EXPECT_TRUE(set->MayFire(1, Line(), &footer, 0));
  EXPECT_FALSE(set->MayFire(1, Line(), &none, ~uint64_t{0}));
}

TEST(RuleSetTest, OneBadFileMeansNoRuleSetAtAll) {
  // Through the public API: the good rules of a set that does not compile are never used.
  TempDir tmp;
  WriteTestFile(tmp / "good.rules", "sidebar drop /^Read more$/\n");
  WriteTestFile(tmp / "bad.rules", "sidebar remove /x/\n");
  Options options;
  options.use_default_rules = false;
  options.rule_paths = {tmp / "good.rules", tmp / "bad.rules"};
  Result<std::unique_ptr<Cleaner>> cleaner = Cleaner::Create(options);
  ASSERT_FALSE(cleaner.ok());
  EXPECT_EQ(cleaner.status().code(), Status::Code::kRuleError);
  EXPECT_EQ(cleaner.status().message(),
            tmp / "bad.rules" +
                ":1:9: expected an action after the label: drop, span, cut-to-end, "
                "cut-from-start, keep or meta");
}

TEST(RuleSetTest, TinyMemoryBudgetFailsWithAClearMessage) {
  Result<std::unique_ptr<RuleSet>> set =
      RuleSet::Compile({{"m.rules", "caption drop /^[\\p{L} ]{1,40}photo$/\n"}}, 100);
  ASSERT_FALSE(set.ok());
  EXPECT_EQ(set.status().code(), Status::Code::kRuleError);
  EXPECT_NE((set.status().message()).find("m.rules:1:"), std::string::npos);
  EXPECT_NE((set.status().message()).find("pattern too large"), std::string::npos);
}

TEST(RuleSetTest, DefaultRulesNeedTheDefaultBudgetOnly) {
  Options options;
  Result<std::vector<RuleSource>> sources = RuleSet::Sources(options);
  ASSERT_TRUE(sources.ok());
  EXPECT_TRUE(RuleSet::Compile(*sources, options.re2_max_mem).ok());
  Result<std::unique_ptr<RuleSet>> tiny = RuleSet::Compile(*sources, 1000);
  ASSERT_FALSE(tiny.ok());
  EXPECT_EQ(tiny.status().code(), Status::Code::kRuleError);
}

TEST(RuleSetTest, ADefaultPatternTooLargeForASmallerBudgetIsReported) {
  // The prefilter's patterns are in no RE2::Set and otherwise compiled on first use: under a
  // budget below the default, every one that does not fit must still be named at load.
  constexpr int64_t kBudget = 30000;
  Options options;
  Result<std::vector<RuleSource>> sources = RuleSet::Sources(options);
  ASSERT_TRUE(sources.ok());
  Result<std::unique_ptr<RuleSet>> set = RuleSet::Compile(*sources, kBudget);
  ASSERT_FALSE(set.ok());
  ParsedFile parsed;
  std::vector<std::string> errors;
  for (const RuleSource& s : *sources) ParseRules(s.name, s.text, kBudget, parsed, errors);
  int lazy_too_large = 0;
  for (const Rule& r : parsed.rules) {
    if (!r.re || r.action == Action::kSpan || r.re->get().ok()) continue;
    ++lazy_too_large;
    EXPECT_NE(set.status().message().find(r.file + ":" + std::to_string(r.line) + ":"),
              std::string::npos)
        << r.source;
  }
  EXPECT_GT(lazy_too_large, 0);
}

TEST(RuleSetTest, MatchReturnsTheIndicesOfMatchingRules) {
  std::unique_ptr<RuleSet> set = MustCompile({{"m.rules",
                                               "caption drop /apple/\n"
                                               "caption drop words>3\n"
                                               "sidebar drop /banana/\n"
                                               "nav drop /apple|banana/i\n"}});
  ASSERT_NE(set, nullptr);
  EXPECT_EQ(MatchOf(*set, "apple pie"), Ints({0, 3}));
  EXPECT_EQ(MatchOf(*set, "a banana"), Ints({2, 3}));
  EXPECT_EQ(MatchOf(*set, "APPLE"), Ints({3}));
  EXPECT_TRUE((MatchOf(*set, "cherry")).empty());
  EXPECT_EQ(set->unpatterned(), Ints({1}));

  std::vector<int> hits = {42};
  set->Match("banana apple", hits);
  EXPECT_EQ(hits, Ints({42, 0, 2, 3})) << "Match appends, sorted after what was there";
}

TEST(RuleSetTest, OnlyTheFirstBranchOfCaretAOrBIsAnchored) {
  // "^a|b" finds b anywhere, as RE2 itself does; [|] and (a|b) keep a pattern anchored.
  auto set = MustCompile({{"r.rules",
                           "copyright drop /^Copyright|All rights reserved\\.$/\n"
                           "nav drop /^[|] (Home|Menu)/\n"
                           "ui drop /^\\|(x|y)/\n"}});
  ASSERT_NE(set, nullptr);
  EXPECT_EQ(MatchOf(*set, "2024 Example Media. All rights reserved."), Ints({0}));
  EXPECT_EQ(MatchOf(*set, "Copyright 2024"), Ints({0}));
  EXPECT_EQ(MatchOf(*set, "| Home"), Ints({1}));
  EXPECT_EQ(MatchOf(*set, "Go | Home"), Ints({}));
  EXPECT_EQ(MatchOf(*set, "|y"), Ints({2}));
  EXPECT_EQ(MatchOf(*set, "a|y"), Ints({}));
}

TEST(RuleSetTest, ABracketInsideAClassOpensNoGroup) {
  // The '(' is a member of the class: the '|' after it splits the whole pattern.
  auto set = MustCompile({{"r.rules", "ui drop /^a[[:digit:](]|zebra/\n"}});
  ASSERT_NE(set, nullptr);
  EXPECT_EQ(MatchOf(*set, "a("), Ints({0}));
  EXPECT_EQ(MatchOf(*set, "the zebra"), Ints({0}));
}

TEST(RuleSetTest, MatchWithNoPatternsFindsNothing) {
  std::unique_ptr<RuleSet> set = MustCompile({{"p.rules", "caption drop words>3\n"}});
  ASSERT_NE(set, nullptr);
  EXPECT_TRUE((MatchOf(*set, "anything at all")).empty());
  EXPECT_EQ(set->unpatterned(), Ints({0}));
}

TEST(RuleSetTest, RulesKeepFileOrderAndOrigins) {
  std::unique_ptr<RuleSet> set =
      MustCompile({{"one.rules", "# x\ncaption drop /a/\n"}, {"two.rules", "\n\nnav drop /b/\n"}});
  ASSERT_NE(set, nullptr);
  ASSERT_EQ(set->rules().size(), 2u);
  EXPECT_EQ(set->Origin(0), "one.rules:2");
  EXPECT_EQ(set->Origin(1), "two.rules:3");
  EXPECT_NE(set->rules()[0].re, nullptr);
}

TEST(RuleSetTest, LaterFilesOverrideEarlierSettings) {
  std::unique_ptr<RuleSet> set =
      MustCompile({{"a.rules", "set length_low = 10\nset length_high = 300\n"},
                   {"b.rules", "set length_low = 20\n"},
                   {"c.rules", "set stopwords_low = 0.1\n"}});
  ASSERT_NE(set, nullptr);
  EXPECT_EQ(set->settings().length_low, 20);
  EXPECT_EQ(set->settings().length_high, 300);
  EXPECT_EQ(set->settings().stopwords_low, 0.1);
  EXPECT_EQ(set->settings().stopwords_high, Settings().stopwords_high);
}

TEST(RuleSetTest, UserRulesOverrideDefaultSettings) {
  TempDir tmp;
  WriteTestFile(tmp / "mine.rules", "set segment_min_words = 999\n");
  Options options;
  options.rule_paths = {tmp / "mine.rules"};
  Result<std::unique_ptr<Cleaner>> cleaner = Cleaner::Create(options);
  ASSERT_TRUE(cleaner.ok()) << cleaner.status().message();
  EXPECT_EQ((*cleaner)->rules().settings().segment_min_words, 999);
}

TEST(RuleSetTest, SourcesReadAFolderRecursivelyInSortedOrder) {
  TempDir tmp;
  const std::string dir = tmp / "r";
  WriteTestFile(dir + "/c/d.rules", "# d\n");
  WriteTestFile(dir + "/b.rules", "# b\n");
  WriteTestFile(dir + "/a.rules", "# a\n");
  WriteTestFile(dir + "/1/x.rules", "# x\n");
  WriteTestFile(dir + "/notes.txt", "not rules\n");
  WriteTestFile(dir + "/old.rules.bak", "not rules either\n");
  Options options;
  options.use_default_rules = false;
  options.rule_paths = {dir};
  Result<std::vector<RuleSource>> sources = RuleSet::Sources(options);
  ASSERT_TRUE(sources.ok()) << sources.status().message();
  std::vector<std::string> names, texts;
  for (const RuleSource& s : *sources) names.push_back(s.name), texts.push_back(s.text);
  EXPECT_EQ(names,
            Strings({dir + "/1/x.rules", dir + "/a.rules", dir + "/b.rules", dir + "/c/d.rules"}));
  EXPECT_EQ(texts, Strings({"# x\n", "# a\n", "# b\n", "# d\n"}));
}

TEST(RuleSetTest, SourcesPutDefaultsFirstThenPathsInOrder) {
  TempDir tmp;
  WriteTestFile(tmp / "z.rules", "# z\n");
  WriteTestFile(tmp / "plain.txt", "# any name is read when named directly\n");
  Options options;
  options.rule_paths = {tmp / "z.rules", tmp / "plain.txt"};
  Result<std::vector<RuleSource>> sources = RuleSet::Sources(options);
  ASSERT_TRUE(sources.ok()) << sources.status().message();
  const size_t defaults = DefaultRuleFiles().size();
  ASSERT_GT(defaults, 0u);
  ASSERT_EQ(sources->size(), defaults + 2);
  for (size_t i = 0; i < defaults; ++i) {
    EXPECT_EQ((*sources)[i].name, DefaultRuleFiles()[i].path);
    EXPECT_TRUE((*sources)[i].name.starts_with("rules/")) << (*sources)[i].name;
  }
  EXPECT_EQ((*sources)[defaults].name, tmp / "z.rules");
  EXPECT_EQ((*sources)[defaults + 1].text, "# any name is read when named directly\n");
}

TEST(RuleSetTest, SourcesReportAMissingPath) {
  TempDir tmp;
  Options options;
  options.rule_paths = {tmp / "nope.rules"};
  Result<std::vector<RuleSource>> sources = RuleSet::Sources(options);
  ASSERT_FALSE(sources.ok());
  EXPECT_EQ(sources.status().code(), Status::Code::kIoError);
  EXPECT_EQ(sources.status().message(), tmp / "nope.rules" + ": no such rules file or folder");

  Result<std::unique_ptr<Cleaner>> cleaner = Cleaner::Create(options);
  ASSERT_FALSE(cleaner.ok());
  EXPECT_EQ(cleaner.status().code(), Status::Code::kIoError);
}

TEST(RuleSetTest, NoRulesAtAllIsAValidSet) {
  std::unique_ptr<RuleSet> set = MustCompile({});
  ASSERT_NE(set, nullptr);
  EXPECT_TRUE(set->rules().empty());
  EXPECT_TRUE((MatchOf(*set, "x")).empty());
}

}  // namespace
}  // namespace winnow
