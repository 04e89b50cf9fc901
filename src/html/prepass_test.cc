#include "html/prepass.h"

#include <gtest/gtest.h>

#include <string>

#include "html/html_source.h"

namespace winnow::html {
namespace {

std::string Strip(std::string_view html, PrepassResult* result = nullptr) {
  PrepassResult local;
  PrepassResult* out = result != nullptr ? result : &local;
  Prepass(html, HtmlOptions(), out);
  return out->html;
}

TEST(Prepass, ScriptsWithMarkupInStringsAreRemovedWhole) {
  EXPECT_EQ(Strip("<div>a<script>var s = \"</div><p>\"; if (a<b) x();</script>b</div>"),
            "<div>ab</div>");
  EXPECT_EQ(Strip("<p>a<SCRIPT type=text/javascript>x = '</scriptx>';</Script >b</p>"),
            "<p>ab</p>");
  // Inside "<!--", a "<script>" makes the next "</script>" part of the script.
  EXPECT_EQ(Strip("<p>a<script><!-- document.write('<script>1</script>'); --></script>b</p>"),
            "<p>ab</p>");
}

TEST(Prepass, CommentsCdataStyleSvgAndFriendsAreRemoved) {
  EXPECT_EQ(Strip("<p>a<!-- <p>hidden</p> -->b<!-->c<!--->d</p>"), "<p>abcd</p>");
  EXPECT_EQ(Strip("<p>a<![CDATA[ x > y ]]>b</p>"), "<p>ab</p>");
  EXPECT_EQ(Strip("<style>p { content: '</p>' }</style><p>a</p>"), "<p>a</p>");
  EXPECT_EQ(Strip("<p>a<svg><svg><title>t</title></svg><text>x</text></svg>b</p>"), "<p>ab</p>");
  EXPECT_EQ(Strip("<p>a<noscript><img src=x></noscript><template><p>t</template>b</p>"),
            "<p>ab</p>");
  EXPECT_EQ(Strip("<p>a<math><mi>x</mi></math><img src=data:xyz alt=z>b</p>"), "<p>ab</p>");
}

TEST(Prepass, UnterminatedConstructsRunToTheEnd) {
  EXPECT_EQ(Strip("<p>a</p><script>var x = 1; <p>never text"), "<p>a</p>");
  EXPECT_EQ(Strip("<p>a</p><!-- <p>never text"), "<p>a</p>");
  EXPECT_EQ(Strip("<p>a</p><div class=\"x>y"), "<p>a</p>");
}

TEST(Prepass, UnclosedTitleEndsAtTheNextTag) {
  EXPECT_EQ(Strip("<title>Broken<script>x</script><p>body"), "<title>Broken</title><p>body");
  EXPECT_EQ(Strip("<title>a < b</title><p>c"), "<title>a < b</title><p>c");
}

TEST(Prepass, KeepsOnlyAttributesThatAreRead) {
  EXPECT_EQ(Strip("<DIV Class=\"a>b\" onclick='x()' data-x=1 id=main style=\"color:red\">t</DIV>"),
            "<div Class=\"a>b\" id=main>t</div>");
  EXPECT_EQ(Strip("<span style='display: none' aria-hidden=true>t</span><br/>"),
            "<span style='display: none' aria-hidden=true>t</span><br/>");
  EXPECT_EQ(Strip("<meta property=og:title content='T'><link rel=canonical href=/u>"),
            "<meta property=og:title content='T'><link rel=canonical href=/u>");
  // The metadata's attributes only on the elements it reads them from.
  EXPECT_EQ(Strip("<html lang=en><a rel=nofollow name=n type=t href=/z>a</a><div lang=fr "
                  "itemprop=x content=c>b</div><time datetime=2020 itemprop=datePublished "
                  "pubdate>c</time>"),
            "<html lang=en><a href>a</a><div>b</div><time datetime=2020 "
            "itemprop=datePublished pubdate>c</time>");
}

TEST(Prepass, MetaAndLinkTagsNobodyReadsAreDropped) {
  // Stylesheets, preloads, viewport and social-card metas: half the bytes of a typical <head>.
  EXPECT_EQ(Strip("<head><meta charset=utf-8><meta name=viewport content='width=device-width'>"
                  "<meta property=og:image content=https://x/i.jpg><meta name=author>"
                  "<link rel=stylesheet href=/s.css><link rel=preload href=/f.woff2>"
                  "<meta property=og:image name=author content=X></head>"),
            "<head></head>");
  // Every key metadata.h reads, whatever the case, and <link rel=canonical> among other rels.
  const std::string kept =
      "<meta property=OG:Title content=T><meta name=author content=A>"
      "<meta itemprop=datePublished content=2020-01-01><meta name=byl content='By B'>"
      "<meta http-equiv=Content-Language content=fr><link rel='alternate canonical' href=/c>";
  EXPECT_EQ(Strip(kept), kept);
}

TEST(Prepass, WhitespaceRunsShrinkOutsidePre) {
  EXPECT_EQ(Strip("<span>\n\t\t<b>a  b \t c</b>\n  \n</span><pre>x\n\n  y</pre>"),
            "<span>\n<b>a b c</b>\n</span><pre>x\n\n  y</pre>");
}

TEST(Prepass, WhitespaceNextToABlockOrBreakIsDropped) {
  // Gumbo would make a text node of each; the DOM walk ends a line there anyway.
  EXPECT_EQ(Strip("<div>\n <p>a</p>\n<!-- c -->\n</div> <br> <span>b</span> <i>c</i>\n"),
            "<div><p>a</p></div><br><span>b</span> <i>c</i>");
  // Between inline elements, or text and an inline element, it parts words.
  EXPECT_EQ(Strip("<b>a</b> <img src=x> <i>b</i>c <u>d</u>"), "<b>a</b> <i>b</i>c <u>d</u>");
  EXPECT_EQ(Strip("<pre> <b>x</b> </pre>"), "<pre> <b>x</b> </pre>");
  // A block tag the walk skips without a break (<select>) keeps the words apart.
  EXPECT_EQ(Strip("a <select><option>x</option></select> b"),
            "a <select><option>x</option></select> b");
}

TEST(Prepass, LinkTargetsAreDroppedExceptForLinkElements) {
  EXPECT_EQ(Strip("<a href='https://example.com/very/long'>x</a><link rel=canonical href=/c>"),
            "<a href>x</a><link rel=canonical href=/c>");
}

TEST(Prepass, JsonLdIsKeptForMetadata) {
  PrepassResult result;
  EXPECT_EQ(
      Strip("<script type=\"application/ld+json\">{\"headline\": \"</p>\"}</script><p>x", &result),
      "<p>x");
  ASSERT_EQ(result.json_ld.size(), 1u);
  EXPECT_EQ(result.json_ld[0], "{\"headline\": \"</p>\"}");
}

TEST(Prepass, TextLessThanSignsStay) {
  EXPECT_EQ(Strip("<p>1 < 2 and 3<4, a <- b</p>"), "<p>1 < 2 and 3<4, a <- b</p>");
  EXPECT_EQ(Strip("<!DOCTYPE html><?php x ?><p>a</></p>"), "<!DOCTYPE html><p>a</p>");
}

TEST(Prepass, NestingBeyondTheCapIsFlattened) {
  HtmlOptions options;
  options.max_prepass_depth = 2;
  PrepassResult result;
  Prepass("<div><div><div><span>a</span><p>b</p></div>c</div></div><p>d</p>", options, &result);
  EXPECT_EQ(result.html, "<div><div><br>a<br>b<br><br>c</div></div><p>d</p>");
  EXPECT_EQ(result.flattened_tags, 6u);
}

TEST(Prepass, ImpliedEndTagsDoNotAccumulateDepth) {
  HtmlOptions options;
  options.max_prepass_depth = 3;
  std::string html = "<ul>";
  for (int i = 0; i < 10; ++i) html += "<li><p>x";
  PrepassResult result;
  Prepass(html, options, &result);
  EXPECT_EQ(result.flattened_tags, 0u);
}

}  // namespace
}  // namespace winnow::html
