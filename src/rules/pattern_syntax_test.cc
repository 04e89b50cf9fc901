#include "rules/pattern_syntax.h"

#include <gtest/gtest.h>

namespace winnow {
namespace {

TEST(AnchoredAtStartTest, OnlyACaretWithNoTopLevelAlternative) {
  for (std::string_view p : {"^a", "(?i)^share$", "^(a|b)c", "^a[|]", "^a\\|b", "^[]|]x", "^[^]|]x",
                             "^a[[:alpha:]|]", "^a[[:^space:](](b|c)", "^\\Q|\\E"}) {
    EXPECT_TRUE(AnchoredAtStart(p)) << p;
  }
  for (std::string_view p : {"a", "^a|b", "(^a)", "a^", "^a[b]|c", "^a[[:alpha:]](|x)|y",
                             "^a[[:bogus:]|x", "^\\Q(\\E|x", "(?s)^a", "^[a[:b]|c:]"}) {
    EXPECT_FALSE(AnchoredAtStart(p)) << p;
  }
}

struct PrefixCase {
  std::string_view pattern, prefix;
  bool exact;
};

TEST(DecidingPrefixTest, DropsOptionalTailsAndAFinalBoundary) {
  const PrefixCase cases[] = {
      {R"(^\d{1,2}:\d{2} ?([AaPp]\.?[Mm]\.?)?( [A-Z]{2,4})?\b)", R"(^\d{1,2}:\d{2})", false},
      {"abc(def)?", "abc", true},
      {"abc(d|e)*x{0,3}y{0}z??", "abc", true},
      {"ab\\\\?", "ab", true},             // an optional backslash
      {"a\\p{Lu}?\\x{263A}*", "a", true},  // escapes with arguments
      {"aé?", "a", true},                  // a multi-byte character is one atom
      {"a[b?]?", "a", true},
      {"(a)(b)*\\b", "(a)", false},
      {"ab\\B", "ab", false},
      {"a{2,3}", "a{2,3}", true},  // not optional
      {"ab+", "ab+", true},
      {"a{,2}", "a{,2}", true},  // a literal '{' in RE2
      {"abc(def)?$", "abc(def)?$", true},
      {"a|b?", "a|b?", true},
      {"ab?|c", "ab?|c", true},
      {"ab\\?", "ab\\?", true},  // a literal '?'
      {"ab[?]", "ab[?]", true},
      {"a\\Qb?\\E", "a\\Qb?\\E", true},
      {"a\\123?", "a\\123?", true},  // an octal escape, not \12 and an optional 3
      {"(x)?", "(x)?", true},        // nothing left to decide
      {"\\bx?", "\\b", true},        // a boundary decides as well as a boundary and x?
      {"(a\\)?)b?", "(a\\)?)", true},
      {"[]?]c?", "[]?]", true},
  };
  for (const PrefixCase& c : cases) {
    bool exact = !c.exact;
    EXPECT_EQ(DecidingPrefix(c.pattern, &exact), c.prefix) << c.pattern;
    EXPECT_EQ(exact, c.exact) << c.pattern;
  }
}

TEST(TokenLocalTest, BoundedByTokensAndUnableToMatchASpace) {
  for (std::string_view p :
       {"(^| )comments?( |$)", "(?i)(?:^| )[\\w-]*caption", "(^|\\s)a(b|c)+(\\s|$)", "sidebar",
        "promo[a-z]*", "(^| )([A-Za-z0-9]+[-_]+){0,2}related", "a\\.b\\S*[[:alnum:]_-]", "",
        "(?i:x)(?P<n>y)", "[!-~]+", "caf\xc3\xa9"}) {
    EXPECT_TRUE(TokenLocal(p)) << p;
  }
  for (std::string_view p :
       {"^comments",     "comments$", "a b",    "a.b",       "a\\sb", "a\\Wb",
        "a\\Db",         "a[^x]b",    "a[ x]b", "a\\x20b",   "a\\pZ", "a[[:space:]]",
        "a[[:^alpha:]]", "(?s)a",     "(?m)^a", "(^| ){2}a", "a\\bb", "a\\Q \\E",
        "a[\\t-z]",      "a[\x01-z]", "a\\nb",  "(^| )a|^b"}) {
    EXPECT_FALSE(TokenLocal(p)) << p;
  }
}

}  // namespace
}  // namespace winnow
