#include "sinks/body.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace winnow {
namespace {

// The byte range of `part` (its first occurrence) in `text`.
Span Find(const std::string& text, const std::string& part) {
  size_t at = text.find(part);
  EXPECT_NE(at, std::string::npos) << part;
  return {static_cast<uint32_t>(at), static_cast<uint32_t>(at + part.size())};
}

// The text of the one-line page `text` (the whole string is the line) with `spans` removed.
std::string LineText(const std::string& text, const std::vector<Span>& spans) {
  Decision d;
  d.text = {0, static_cast<uint32_t>(text.size())};
  std::vector<DroppedSpan> dropped = {{{0, 0}, Label::kAd, 0}};  // not this line's
  d.first_span = 1;
  for (const Span& s : spans) dropped.push_back({s, Label::kAd, 0});
  d.span_count = static_cast<uint32_t>(spans.size());
  std::string out = "prefix:";
  AppendLineText(text, d, dropped, out);
  EXPECT_TRUE(out.starts_with("prefix:"));
  return out.substr(7);
}

TEST(BodyTest, CollapsesWhitespace) {
  EXPECT_EQ(LineText("Hello   big\tworld", {}), "Hello big world");
  EXPECT_EQ(LineText(" \t lead and trail \r ", {}), "lead and trail");
  EXPECT_EQ(LineText("a\f\vb", {}), "a b");
  EXPECT_EQ(LineText("no change", {}), "no change");
}

// Collapsing as the sink specifies it, byte by byte: the reference for the fast version.
std::string CollapsedByHand(const std::string& text) {
  auto is_space = [](char c) { return c == ' ' || (c >= '\t' && c <= '\r'); };
  std::string out;
  bool pending = false;
  for (char c : text) {
    if (is_space(c)) {
      pending = !out.empty();
      continue;
    }
    if (pending) out.push_back(' ');
    pending = false;
    out.push_back(c);
  }
  return out;
}

TEST(BodyTest, CollapsingMatchesTheByteByByteRuleOnRandomLines) {
  // Lines of every length around the 16-byte steps, from an alphabet rich in the bytes the
  // fast path must tell apart: spaces, other whitespace, other controls, UTF-8.
  const std::string alphabet[] = {"a",  "Z",    " ",    " ", "\t",       "\n",           "\r",
                                  "\v", "\x01", "\x1f", "!", "\xC3\xA9", "\xE2\x80\x94", "  "};
  uint32_t seed = 12345;
  for (int round = 0; round < 4000; ++round) {
    std::string text;
    const int pieces = round % 64;
    for (int k = 0; k < pieces; ++k) {
      seed = seed * 1664525u + 1013904223u;
      text += alphabet[(seed >> 16) % std::size(alphabet)];
    }
    EXPECT_EQ(LineText(text, {}), CollapsedByHand(text)) << round;
  }
}

TEST(BodyTest, NonAsciiTextIsCopiedAsIs) {
  EXPECT_EQ(LineText("Zoë’s  café — «oui»", {}), "Zoë’s café — «oui»");
}

TEST(BodyTest, RemovedSpansLeaveSingleSpaces) {
  const std::string t = "Hello [ad] world";
  EXPECT_EQ(LineText(t, {Find(t, "[ad]")}), "Hello world");
  EXPECT_EQ(LineText(t, {Find(t, "[ad] ")}), "Hello world");
  const std::string glued = "Hello[ad]world";
  EXPECT_EQ(LineText(glued, {Find(glued, "[ad]")}), "Hello world")
      << "a removed span separates the words around it";
}

TEST(BodyTest, SpansAtTheEdges) {
  const std::string t = "date 2022 The text [ad]";
  EXPECT_EQ(LineText(t, {Find(t, "date 2022 "), Find(t, " [ad]")}), "The text");
}

TEST(BodyTest, SeveralUnsortedAndOverlappingSpans) {
  const std::string t = "w x y z w and a b c";
  EXPECT_EQ(LineText(t, {Find(t, "y z"), Find(t, "x y")}), "w w and a b c");
  EXPECT_EQ(LineText(t, {Find(t, "b"), Find(t, "x y z"), Find(t, "y")}), "w w and a c");
  EXPECT_EQ(LineText(t, {Find(t, "and a"), Find(t, "w x")}), "y z w b c");
}

TEST(BodyTest, SpanCoveringTheLineLeavesNothing) {
  const std::string t = "Advertisement";
  EXPECT_EQ(LineText(t, {{0, static_cast<uint32_t>(t.size())}}), "");
}

TEST(BodyTest, AppendBodyWritesKeptLinesOnly) {
  const std::string text = "Title\n\nFirst  para [ad]\nSidebar\n[ad]\nKept by rule\n";
  Page page;
  page.text = text;
  Classification c;
  auto line = [&](const std::string& s, Label label) {
    Decision d;
    d.text = Find(text, s);
    d.label = label;
    d.first_span = static_cast<uint32_t>(c.spans.size());
    c.decisions.push_back(d);
  };
  line("Title", Label::kTitle);
  line("First  para [ad]", Label::kBody);
  c.spans.push_back({Find(text, "[ad]"), Label::kAd, 3});
  c.decisions.back().span_count = 1;
  line("Sidebar", Label::kSidebar);
  Decision only_ad;  // a line that is nothing but a dropped span
  only_ad.text.begin = static_cast<uint32_t>(text.find("\n[ad]\n") + 1);
  only_ad.text.end = only_ad.text.begin + 4;
  only_ad.first_span = static_cast<uint32_t>(c.spans.size());
  c.decisions.push_back(only_ad);
  c.spans.push_back({only_ad.text, Label::kAd, 3});
  c.decisions.back().span_count = 1;
  line("Kept by rule", Label::kKeep);

  std::string out = "before\n";
  AppendBody(page, c, out);
  EXPECT_EQ(out, "before\nFirst para\nKept by rule\n");
}

TEST(BodyTest, EmptyClassificationWritesNothing) {
  Page page;
  Classification c;
  std::string out;
  AppendBody(page, c, out);
  EXPECT_EQ(out, "");
}

}  // namespace
}  // namespace winnow
