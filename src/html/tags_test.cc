#include "html/tags.h"

#include <gtest/gtest.h>

#include "page.h"

namespace winnow::html {
namespace {

TEST(TagsTest, TraitsOfCommonElements) {
  EXPECT_TRUE(IsVoidTag(GUMBO_TAG_BR));
  EXPECT_TRUE(BreaksLine(GUMBO_TAG_BR));
  EXPECT_FALSE(IsBlockTag(GUMBO_TAG_BR));
  EXPECT_TRUE(BreaksLine(GUMBO_TAG_P));
  EXPECT_FALSE(IsBlockContainerTag(GUMBO_TAG_P));
  EXPECT_TRUE(IsBlockContainerTag(GUMBO_TAG_DIV));
  // Cells join on one line; a row's line breaks are the walk's business.
  EXPECT_FALSE(IsBlockTag(GUMBO_TAG_TD));
  EXPECT_FALSE(BreaksLine(GUMBO_TAG_TD));
  EXPECT_TRUE(IsSkippedTag(GUMBO_TAG_SCRIPT));
  EXPECT_FALSE(BreaksLine(GUMBO_TAG_SCRIPT));
  EXPECT_EQ(HeadingLevel(GUMBO_TAG_H3), 3);
  EXPECT_EQ(ContainerBitsOfTag(GUMBO_TAG_H3), kInHeading);
  EXPECT_EQ(ContainerBitsOfTag(GUMBO_TAG_FIGCAPTION), kInFigure);
  EXPECT_EQ(HeadingLevel(GUMBO_TAG_P), 0);
  EXPECT_TRUE(ImpliesEndOf(GUMBO_TAG_DIV, GUMBO_TAG_P));
  EXPECT_FALSE(ImpliesEndOf(GUMBO_TAG_SPAN, GUMBO_TAG_P));
}

// Skipped elements never break a line, even the block ones among them (<head>'s content,
// an <option> aside): the pre-pass and the walk agree on that.
TEST(TagsTest, NothingSkippedBreaksAndUnknownElementsAreInline) {
  for (size_t i = 0; i < kTagCount; ++i) {
    const auto tag = static_cast<GumboTag>(i);
    if (IsSkippedTag(tag)) {
      EXPECT_FALSE(BreaksLine(tag)) << gumbo_normalized_tagname(tag);
    }
  }
  const TagTraits& unknown = TraitsOf(GUMBO_TAG_UNKNOWN);
  EXPECT_FALSE(unknown.block || unknown.breaks || unknown.skipped || unknown.void_tag);
  EXPECT_EQ(unknown.containers, 0u);
}

}  // namespace
}  // namespace winnow::html
