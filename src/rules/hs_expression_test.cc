#include "rules/hs_expression.h"

#include <gtest/gtest.h>
#include <hs/hs.h>

#include <string>
#include <string_view>

namespace winnow {
namespace {

std::string Translated(std::string_view pattern) {
  std::string expression;
  unsigned flags = 0;
  bool exact = false;
  return ToHyperscan(pattern, &expression, &flags, &exact) ? expression : "(refused)";
}

bool Exact(std::string_view pattern) {
  std::string expression;
  unsigned flags = 0;
  bool exact = false;
  return ToHyperscan(pattern, &expression, &flags, &exact) && exact;
}

TEST(ToHyperscanTest, CaselessPrefixBecomesAFlag) {
  std::string expression;
  unsigned flags = 0;
  bool exact = false;
  ASSERT_TRUE(ToHyperscan("(?i)^share$", &expression, &flags, &exact));
  EXPECT_EQ(expression, "\\nshare$");
  EXPECT_TRUE(flags & HS_FLAG_CASELESS);
  EXPECT_TRUE(flags & HS_FLAG_MULTILINE);
  ASSERT_TRUE(ToHyperscan("^Share$", &expression, &flags, &exact));
  EXPECT_FALSE(flags & HS_FLAG_CASELESS);
}

TEST(ToHyperscanTest, NegatedClassesStopAtTheEndOfTheLine) {
  EXPECT_EQ(Translated("^[^|]+ [|] x"), "\\n[^\\n|]+ [|] x");
  EXPECT_EQ(Translated("[^]a]"), "[^]\\na]");                  // a leading ']' is literal
  EXPECT_EQ(Translated("[^[:alpha:]x]"), "[^\\n[:alpha:]x]");  // POSIX classes intact
  EXPECT_EQ(Translated("[a[:digit:]^]b[^c]"), "[a[:digit:]^]b[^\\nc]");
  EXPECT_EQ(Translated("\\[^a]"), "\\[^a]");  // an escaped '[' opens no class
  EXPECT_EQ(Translated("[ab]"), "[ab]");
}

TEST(ToHyperscanTest, LeadingAnchorsBecomeTheNewlineBeforeTheLine) {
  EXPECT_EQ(Translated("^a|b|^c"), "\\na|b|\\nc");
  EXPECT_EQ(Translated("(^a|^b)c"), "(^a|^b)c");  // inside a group: still an anchor
  EXPECT_EQ(Translated("(a)|^b"), "(a)|\\nb");
  EXPECT_EQ(Translated("(a|b)^c"), "(a|b)^c");
  EXPECT_EQ(Translated("[|^]^a"), "[|^]^a");  // a '|' in a class separates nothing
  EXPECT_EQ(Translated("\\|^a"), "\\|^a");    // nor does an escaped one
  EXPECT_EQ(Translated("\\^a|^[^b]"), "\\^a|\\n[^\\nb]");
  EXPECT_EQ(Translated("[(]|\\(|^a"), "[(]|\\(|\\na");  // nor do literal '('s open groups
}

TEST(ToHyperscanTest, RefusesWhatHyperscanWouldMatchMoreNarrowly) {
  EXPECT_EQ(Translated("\\Afoo"), "(refused)");  // the page's start, not the line's
  EXPECT_EQ(Translated("foo\\z"), "(refused)");
  EXPECT_EQ(Translated("(?i)café"), "(refused)");  // RE2 folds é and É, Hyperscan does not
  EXPECT_EQ(Translated("(?i)caf\\x{e9}"), "(refused)");
  EXPECT_EQ(Translated("(?i)^\\p{Lu}"), "(refused)");
  EXPECT_EQ(Translated("a(?i:é)"), "(refused)");
  // Characters without case, and case-sensitive patterns, are fine.
  EXPECT_EQ(Translated("(?i)^© \\d{4}…"), "\\n© \\d{4}…");
  EXPECT_EQ(Translated("^Café \\p{Lu}"), "\\nCafé \\p{Lu}");
}

TEST(ToHyperscanTest, WhatCouldMatchTheNewlineBetweenLinesIsLeftOut) {
  const std::pair<std::string_view, std::string_view> cases[] = {
      {"a\\sb", "a[\\t\\f\\r ]b"},       // RE2's \s but the '\n'
      {"[\\s,]x", "[\\t\\f\\r ,]x"},     // in a class too
      {"[^\\s,]x", "[^\\n\\s,]x"},       // a negated class already excludes it
      {"\\D\\W", "[^\\n\\d][^\\n\\w]"},  // \D and \W hold '\n'
      {"\\S\\d\\w\\b\\x{e9}\\p{Lu}\\pL", "\\S\\d\\w\\b\\x{e9}\\p{Lu}\\pL"},  // these do not
  };
  for (const auto& [pattern, expression] : cases) EXPECT_EQ(Translated(pattern), expression);
}

TEST(ToHyperscanTest, ExactOnlyWhenNothingCouldMatchAcrossLinesOrDiffer) {
  for (std::string_view p :
       {"^Share$", "(?i)^(read|see) more", "^[^|]+ [|] \\d{4}$", "a\\s+b", "[\\s\\S]", "\\D+\\W",
        "[^\\D]", "\\bword\\b ", "^By \\p{Lu}[^\\s\\d,]+", "\\x{e9}|\\xE9", "[^\\n]",
        "[^[:space:]]", "[[:alpha:]]", "(?:a|b)(?P<n>c)(?i:d)", "[a\\-z]", "[^\\x00-\\x{7f}]"}) {
    EXPECT_TRUE(Exact(p)) << p;
  }
  for (std::string_view p :
       {"(?s)a.b", "(?m)^a", "(?U)a+", "a\\nb", "\\x0a", "\\x{A}", "[\\x00-\\x{7f}]", "[\\D]",
        "[\\W]", "[[:space:]]", "[[:^alpha:]]", "\\p{Cc}", "\\PL", "\\pC", "\\QA\\E", "\\101",
        "[\\b]", "word\\b"}) {  // a final \b is left out, a superset
    EXPECT_FALSE(Exact(p)) << p;
  }
}

TEST(LeadsWithDigitTest, OnlyPatternsThatMustStartTheLineWithADigit) {
  for (std::string_view p : {"^\\d+ comments$", "(?i)^\\d{1,2}:\\d{2}\\b", "^[0-9]x(a|y)",
                             "^\\d(a|b)", "^\\d[|]", "^\\d\\|", "^\\d[[:alpha:]|]"}) {
    EXPECT_TRUE(LeadsWithDigit(p)) << p;
  }
  for (std::string_view p : {"\\d+", "^\\d?x", "^\\d*", "^\\d{0,2}", "^\\d+ a|b", "^(\\d+|one)",
                             "^[0-9a]", "^\\D", "^\\d[[:alpha:]]|x", "(?m)^\\d"}) {
    EXPECT_FALSE(LeadsWithDigit(p)) << p;
  }
}

}  // namespace
}  // namespace winnow
