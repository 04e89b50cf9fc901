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

}  // namespace
}  // namespace winnow
