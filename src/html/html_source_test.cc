#include "html/html_source.h"

#include <gtest/gtest.h>

#include <string>

#include "html/tag_scan.h"

namespace winnow {
namespace {

TEST(HtmlSource, LooksLikeHtml) {
  EXPECT_TRUE(LooksLikeHtml("<!DOCTYPE html><html>"));
  EXPECT_TRUE(LooksLikeHtml("\xEF\xBB\xBF  \n<HTML lang=en>"));
  EXPECT_TRUE(LooksLikeHtml("<head><title>x"));
  EXPECT_TRUE(LooksLikeHtml("<!-- saved from url -->"));
  EXPECT_TRUE(LooksLikeHtml("<div class=x>"));
  EXPECT_TRUE(LooksLikeHtml("<p>Hello"));
  EXPECT_TRUE(LooksLikeHtml("<?xml version=\"1.0\"?>\n<!DOCTYPE html PUBLIC><html xmlns=x>"));
  EXPECT_TRUE(LooksLikeHtml(std::string("\xFF\xFE<\0h\0t\0m\0l\0>\0", 14)));
  EXPECT_FALSE(LooksLikeHtml("Plain text dump\n<b>not at the start</b>"));
  EXPECT_FALSE(LooksLikeHtml("<pre>"));
  EXPECT_FALSE(LooksLikeHtml("<divination> is not a tag"));
  EXPECT_FALSE(LooksLikeHtml("<?xml version=\"1.0\"?><rss>"));
  EXPECT_FALSE(LooksLikeHtml(""));
}

TEST(HtmlSource, ParsesAPage) {
  HtmlStats stats;
  Result<Page> page = ParseHtml(
      "<!doctype html><html><head><title>T</title><script>x()</script></head>"
      "<body><p>Hello <b>world</b></p></body></html>",
      {}, &stats);
  ASSERT_TRUE(page.ok());
  EXPECT_TRUE(page->html);
  EXPECT_EQ(page->text, "Hello world");
  EXPECT_EQ(page->meta.title, "T");
  EXPECT_EQ(stats.encoding, "utf-8");
  EXPECT_EQ(stats.elements, 4u);  // head (its content is not walked), body, p, b
}

TEST(HtmlSource, PageTextAndDomStringsSurviveMoves) {
  Result<Page> page = ParseHtml("<div class=story><p>a</p></div>", {});
  ASSERT_TRUE(page.ok());
  Page moved = std::move(*page);
  Page again = std::move(moved);
  EXPECT_EQ(again.text, "a");
  EXPECT_EQ(again.text.data(), again.storage.data());
  ASSERT_EQ(again.dom.size(), 1u);
  EXPECT_EQ(again.dom[0].path, "body>div>p") << "views into dom_strings, whose blocks moved along";
  EXPECT_EQ(again.dom[0].attrs, "story");
  EXPECT_EQ(again.dom_strings.Find("story"), again.dom[0].attrs_id);
}

TEST(HtmlSource, EmptyAndTextOnlyInput) {
  Result<Page> empty = ParseHtml("", {});
  ASSERT_TRUE(empty.ok());
  EXPECT_EQ(empty->text, "");
  EXPECT_TRUE(empty->dom.empty());
  Result<Page> text = ParseHtml("just text", {});
  ASSERT_TRUE(text.ok());
  EXPECT_EQ(text->text, "just text");
}

TEST(HtmlSource, OversizedInputIsRejected) {
  HtmlOptions options;
  options.max_bytes = 10;
  Result<Page> page = ParseHtml("<p>more than ten bytes</p>", options);
  ASSERT_FALSE(page.ok());
  EXPECT_EQ(page.status().code(), Status::Code::kLimitExceeded);
}

TEST(HtmlTagScan, QuotedValuesMayHoldAngleBrackets) {
  html::ScannedTag tag;
  const std::string_view in = "<a title='x > y' href=\"/p?a=1&b=2\" data-x=un quoted/>rest";
  ASSERT_TRUE(html::ScanTag(in, 0, &tag));
  EXPECT_EQ(tag.name, "a");
  EXPECT_EQ(in.substr(tag.end), "rest");
  ASSERT_EQ(tag.attributes.size(), 4u);
  EXPECT_EQ(tag.attributes[0].value, "x > y");
  EXPECT_EQ(tag.attributes[1].raw, "href=\"/p?a=1&b=2\"");
  EXPECT_EQ(tag.attributes[2].value, "un");
  EXPECT_EQ(tag.attributes[3].name, "quoted");
  EXPECT_TRUE(tag.self_closing);
  EXPECT_FALSE(html::ScanTag("<a href='never closed>", 0, &tag));
}

}  // namespace
}  // namespace winnow
