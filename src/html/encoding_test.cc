#include "html/encoding.h"

#include <gtest/gtest.h>

#include <string>

#include "html/html_source.h"
#include "utf8.h"

namespace winnow::html {
namespace {

TEST(Encoding, DeclaredMetaCharsetWindows1252) {
  const std::string html =
      "<html><head><meta charset=\"windows-1252\"></head><body>caf\xE9 \x93quoted\x94";
  DecodedHtml out;
  DecodeHtml(html, 4096, &out);
  EXPECT_EQ(out.encoding, "windows-1252");
  EXPECT_EQ(out.replaced_bytes, 0u);
  EXPECT_NE(out.text.find("caf\u00E9 \u201Cquoted\u201D"), std::string_view::npos);
}

TEST(Encoding, HttpEquivAndXmlDeclarationsAndLabels) {
  EXPECT_EQ(
      DeclaredCharset("<META HTTP-EQUIV='Content-Type' CONTENT='text/html; charset=ISO-8859-1'>"),
      "windows-1252");
  EXPECT_EQ(
      DeclaredCharset("<meta content=\"text/html;charset=Shift_JIS\" http-equiv=content-type>"),
      "cp932");
  EXPECT_EQ(DeclaredCharset("<?xml version=\"1.0\" encoding=\"KOI8-R\"?><html>"), "koi8-r");
  EXPECT_EQ(DeclaredCharset("<meta charset=utf-16>"), "utf-8");
  EXPECT_EQ(DeclaredCharset("<meta name=x content='charset=koi8-r'><p>"), "");
  EXPECT_EQ(DeclaredCharset("<metadata charset=koi8-r>"), "");
}

TEST(Encoding, Utf8BomIsStripped) {
  DecodedHtml out;
  DecodeHtml("\xEF\xBB\xBF<p>h\xC3\xA9</p>", 4096, &out);
  EXPECT_EQ(out.text, "<p>h\xC3\xA9</p>");
  EXPECT_EQ(out.encoding, "utf-8");
}

TEST(Encoding, Utf16LeWithBom) {
  const std::string u16("\xFF\xFE<\0p\0>\0\xE9\0\xAC\x20<\0", 14);  // "<p>é€<"
  DecodedHtml out;
  DecodeHtml(u16, 4096, &out);
  EXPECT_EQ(out.text, "<p>\u00E9\u20AC<");
  EXPECT_EQ(out.encoding, "utf-16le");
}

TEST(Encoding, UndeclaredLatin1IsDetected) {
  const std::string html =
      "<html><body><p>Le gar\xE7on a mang\xE9 une cr\xEApe \xE0 la cr\xE8me br\xFBl\xE9"
      "e avec son p\xE8re \xE0 c\xF4t\xE9 de l'\xE9glise, pr\xE8s du ch\xE2teau.</p>";
  DecodedHtml out;
  DecodeHtml(html, 4096, &out);
  EXPECT_EQ(out.replaced_bytes, 0u);
  EXPECT_NE(out.text.find("gar\u00E7on a mang\u00E9 une cr\u00EApe"), std::string_view::npos)
      << out.encoding;
}

TEST(Encoding, DeclaredLatin1ButValidUtf8StaysUtf8) {
  DecodedHtml out;
  DecodeHtml("<meta charset=iso-8859-1><p>caf\xC3\xA9", 4096, &out);
  EXPECT_EQ(out.text, "<meta charset=iso-8859-1><p>caf\xC3\xA9");
  EXPECT_EQ(out.encoding, "utf-8");
}

TEST(Encoding, InvalidBytesAreReplacedAndCounted) {
  DecodedHtml out;
  DecodeHtml(
      "<meta charset=utf-8><p>a\xFF"
      "b\xC3(c\xED\xA0\x80",
      4096, &out);
  EXPECT_EQ(out.text, "<meta charset=utf-8><p>a\uFFFDb\uFFFD(c\uFFFD\uFFFD\uFFFD");
  EXPECT_EQ(out.replaced_bytes, 5u);
  EXPECT_TRUE(utf8::IsValid(out.text));
}

TEST(Encoding, ReplacementIsReportedThroughParseHtml) {
  HtmlStats stats;
  Result<Page> page = ParseHtml("<meta charset=utf-8><p>bad \xFF byte</p>", {}, &stats);
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page->text, "bad \uFFFD byte");
  EXPECT_EQ(stats.replaced_bytes, 1u);
  EXPECT_EQ(stats.encoding, "utf-8");
}

}  // namespace
}  // namespace winnow::html
