#include "html/element_attributes.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "html/tag_scan.h"

namespace winnow::html {
namespace {

// Token by token: what AppendTokens must do, fast path or not.
bool ReferenceAppendTokens(std::string_view value, size_t cap, std::string* out) {
  size_t p = 0;
  while (p < value.size()) {
    while (p < value.size() && IsHtmlSpace(value[p])) ++p;
    size_t e = p;
    while (e < value.size() && !IsHtmlSpace(value[e])) ++e;
    if (e == p) break;
    const size_t needed = (out->empty() ? 0 : 1) + (e - p);
    if (out->size() + needed > cap) return false;
    if (!out->empty()) *out += ' ';
    for (size_t i = p; i < e; ++i) *out += AsciiLower(value[i]);
    p = e;
  }
  return true;
}

TEST(ElementAttributesTest, AppendTokensLowercasesAndCollapses) {
  std::string out;
  EXPECT_TRUE(AppendTokens("Entry-Content  Clearfix\tPOST\n", 200, &out));
  EXPECT_EQ(out, "entry-content clearfix post");
  EXPECT_TRUE(AppendTokens("Main-Column-With-A-Long-Name-\xC3\x84", 200, &out));
  EXPECT_EQ(out, "entry-content clearfix post main-column-with-a-long-name-\xC3\x84");
  // Up to the first token that does not fit.
  out = "abc";
  EXPECT_FALSE(AppendTokens("de fghij", 8, &out));
  EXPECT_EQ(out, "abc de");
  out.clear();
  EXPECT_TRUE(AppendTokens("ab cd", 5, &out));
  EXPECT_EQ(out, "ab cd");
}

TEST(ElementAttributesTest, AppendTokensMatchesTheTokenByTokenReference) {
  const char alphabet[] = {'a', 'Z',  'q',  'M',  '-',    '_',   ' ',
                           ' ', '\t', '\n', '\f', '\x01', '\xC3'};
  std::mt19937 rng(11);
  for (int round = 0; round < 5000; ++round) {
    std::string value(rng() % 60, 'x');
    for (char& c : value) c = alphabet[rng() % sizeof(alphabet)];
    std::string prefix(rng() % 3 == 0 ? "" : "parent");
    const size_t cap = 10 + rng() % 70;
    std::string got = prefix, want = prefix;
    const bool got_fits = AppendTokens(value, cap, &got);
    ASSERT_EQ(got_fits, ReferenceAppendTokens(value, cap, &want)) << "\"" << value << "\"";
    ASSERT_EQ(got, want) << "\"" << value << "\" cap " << cap;

    // The same tokens in a list that starts after other bytes, one token per line: `cap`
    // counts only the list's bytes.
    std::string lines = "before\n" + prefix;
    const bool lines_fit = AppendTokens(value, cap, &lines, 7, '\n');
    std::replace(want.begin(), want.end(), ' ', '\n');
    ASSERT_EQ(lines_fit, got_fits) << "\"" << value << "\"";
    ASSERT_EQ(lines, "before\n" + want) << "\"" << value << "\" cap " << cap;
  }
}

// The first element inside the <body> of a parsed page.
const GumboNode* FirstBodyElement(const GumboOutput* output) {
  const GumboVector& top = output->root->v.element.children;  // <head>, <body>
  const auto* body = static_cast<const GumboNode*>(top.data[1]);
  return static_cast<const GumboNode*>(body->v.element.children.data[0]);
}

TEST(ElementAttributesTest, ReadAttributesTakesOnlyTheExactNames) {
  // After the names read, names that share their first letter or start with them.
  GumboOutput* output = gumbo_parse(
      "<div id=main-id class='a B' href=7 role=navigation style='color:red' aria-hidden=false "
      "i=1 idx=2 classes=3 c=4 hre=5 hiddenx=6 r=8 roles=9 s=10 styles=11 aria-hiddenx=true "
      "a=12 data-class=13>x</div>");
  Attributes a = ReadAttributes(FirstBodyElement(output));
  EXPECT_EQ(a.id, "main-id");
  EXPECT_EQ(a.class_value, "a B");
  EXPECT_EQ(a.role, "navigation");
  EXPECT_EQ(a.style, "color:red");
  EXPECT_EQ(a.aria_hidden, "false");
  EXPECT_TRUE(a.href);
  EXPECT_FALSE(a.hidden);
  gumbo_destroy_output(&kGumboDefaultOptions, output);

  output = gumbo_parse("<p hidden hre=1>x</p>");
  a = ReadAttributes(FirstBodyElement(output));
  EXPECT_TRUE(a.hidden);
  EXPECT_FALSE(a.href);
  EXPECT_TRUE(a.id.empty() && a.class_value.empty() && a.role.empty() && a.style.empty() &&
              a.aria_hidden.empty());
  gumbo_destroy_output(&kGumboDefaultOptions, output);
}

TEST(ElementAttributesTest, AsciiLowerInPlaceChangesOnlyAsciiCapitals) {
  std::string all;
  for (int round = 0; round < 2; ++round) {
    for (int c = 0; c < 256; ++c) all += static_cast<char>(c);
  }
  std::string lowered = all;
  AsciiLowerInPlace(lowered.data(), lowered.size());
  for (size_t i = 0; i < all.size(); ++i) ASSERT_EQ(lowered[i], AsciiLower(all[i])) << i;
  // With a separator for the spaces: only ' ' changes besides.
  lowered = all;
  AsciiLowerInPlace(lowered.data(), lowered.size(), '\n');
  for (size_t i = 0; i < all.size(); ++i) {
    ASSERT_EQ(lowered[i], all[i] == ' ' ? '\n' : AsciiLower(all[i])) << i;
  }
}

}  // namespace
}  // namespace winnow::html
