#include "html/metadata.h"

#include <gtest/gtest.h>

#include <string>

#include "html/html_source.h"
#include "html/json_ld.h"

namespace winnow::html {
namespace {

Metadata MetaOf(const std::string& html) {
  Result<Page> page = ParseHtml(html, {});
  EXPECT_TRUE(page.ok());
  return page->meta;
}

TEST(Metadata, FromMetaTags) {
  const Metadata meta = MetaOf(
      "<html lang=en-GB><head><title>Ignored | Site</title>"
      "<meta property='og:title' content=' The  Headline '>"
      "<meta property=article:published_time content=2021-06-16T10:00:00Z>"
      "<meta name=author content='Jane Doe'>"
      "<meta property=og:site_name content='The Daily'>"
      "<link rel='alternate canonical' href='https://example.com/a'>"
      "<meta property=og:url content='https://example.com/og'>"
      "</head><body><h1>H1</h1><p>text</p></body></html>");
  EXPECT_EQ(meta.title, "The Headline");
  EXPECT_EQ(meta.date, "2021-06-16T10:00:00Z");
  EXPECT_EQ(meta.author, "Jane Doe");
  EXPECT_EQ(meta.site_name, "The Daily");
  EXPECT_EQ(meta.url, "https://example.com/a");
  EXPECT_EQ(meta.language, "en-GB");
}

TEST(Metadata, FallbacksTitleTagTimeAndContentLanguage) {
  const Metadata meta = MetaOf(
      "<head><meta http-equiv=Content-Language content=fr>"
      "<title>Budget vote delayed again - Le Monde</title>"
      "<meta property=article:author content='https://x.com/u'>"
      "<meta property=og:url content='https://example.com/og'></head>"
      "<body><time datetime=2020-01-01>Jan 1</time><time pubdate datetime=2020-02-02>Feb</time>"
      "<h1>Other</h1></body>");
  EXPECT_EQ(meta.title, "Budget vote delayed again");
  EXPECT_EQ(meta.date, "2020-02-02");
  EXPECT_EQ(meta.author, "");
  EXPECT_EQ(meta.url, "https://example.com/og");
  EXPECT_EQ(meta.language, "fr");
}

TEST(Metadata, TheFirstOfPropertyNameAndItempropIsTheKey) {
  EXPECT_EQ(MetaOf("<meta property=og:image name=author content=X><p>t").author, "");
  EXPECT_EQ(MetaOf("<meta name=AUTHOR itemprop=x content=X><p>t").author, "X");
  EXPECT_EQ(MetaOf("<p>t<meta itemprop=datePublished content=2020-03-04></p>").date, "2020-03-04");
  EXPECT_TRUE(IsReadMeta("", "", "", "content-language"));
  EXPECT_FALSE(IsReadMeta("og:image", "author", "", ""));
  EXPECT_FALSE(IsReadMeta("", "", "", "refresh"));
}

// The DOM walk offers the metadata reader what it does not walk as text too: hidden inline
// elements and skipped ones (<object>, <video>). Below an <h1>, as ever, nothing counts.
TEST(Metadata, ReadsElementsTheWalkSkipsButNothingInsideH1) {
  const Metadata meta = MetaOf(
      "<body><p>Text <span hidden><time datetime=2019-01-01>x</time></span> more</p>"
      "<object><meta name=author content='Ann Lee'></object>"
      "<video><link rel=canonical href='https://example.com/v'></video></body>");
  EXPECT_EQ(meta.date, "2019-01-01");
  EXPECT_EQ(meta.author, "Ann Lee");
  EXPECT_EQ(meta.url, "https://example.com/v");
  EXPECT_EQ(MetaOf("<body><h1>Vote <time datetime=2018-05-05>May</time></h1><p>t</p></body>").date,
            "");
}

// Metadata is read from HTML elements only: an SVG's <title> names a drawing, not the page.
TEST(Metadata, NothingInsideSvg) {
  EXPECT_EQ(MetaOf("<body><svg><title>Logo</title></svg><p>t</p></body>").title, "");
  EXPECT_EQ(MetaOf("<body><p>t <svg><title>Logo</title></svg></p></body>").title, "");
}

TEST(Metadata, H1IsTheLastResortTitle) {
  EXPECT_EQ(MetaOf("<body><h1> Big <em>news</em> </h1><h1>Second</h1></body>").title, "Big news");
}

TEST(Metadata, JsonLdObjectGraphAndArray) {
  const Metadata meta = MetaOf(
      "<script type='application/ld+json'>\n"
      "{\"@context\":\"https://schema.org\",\"@graph\":[{\"@type\":\"WebSite\",\"name\":\"W\","
      "\"headline\":\"Not this\"},{\"@type\":[\"NewsArticle\"],\"headline\":\"Graph headline\","
      "\"datePublished\":\"2019-11-20\",\"author\":[{\"@type\":\"Person\",\"name\":\"A One\"},"
      "\"B Two\"],\"publisher\":{\"name\":\"Pub\"}}]}</script><p>x");
  EXPECT_EQ(meta.title, "Graph headline");
  EXPECT_EQ(meta.date, "2019-11-20");
  EXPECT_EQ(meta.author, "A One, B Two");
  EXPECT_EQ(meta.site_name, "Pub");

  JsonLdFacts facts;
  ReadJsonLd({"[{\"@type\":\"Organization\",\"name\":\"Org\"},"
              "{\"@type\":\"BlogPosting\",\"headline\":\"Post\n with break\","
              "\"author\":{\"name\":\"C\"}}]",
              "<!-- not json -->"},
             &facts);
  EXPECT_EQ(facts.headline, "Post  with break");
  EXPECT_EQ(facts.author, "C");
  EXPECT_EQ(facts.date_published, "");
}

TEST(Metadata, MetaTagsOutrankJsonLdWhereTheOrderSaysSo) {
  const Metadata meta = MetaOf(
      "<meta name=twitter:title content=Twitter>"
      "<script type=application/ld+json>{\"@type\":\"Article\",\"headline\":\"LD\","
      "\"datePublished\":\"2001-01-01\",\"author\":\"LD Author\"}</script>"
      "<meta name=date content=1999-09-09><body><p>x");
  EXPECT_EQ(meta.title, "Twitter");
  EXPECT_EQ(meta.date, "2001-01-01");
  EXPECT_EQ(meta.author, "LD Author");
}

TEST(Metadata, TrimTitleSuffix) {
  EXPECT_EQ(TrimTitleSuffix("Storm hits coast | The Site", ""), "Storm hits coast");
  EXPECT_EQ(TrimTitleSuffix("Storm hits coast \u2014 BBC News", ""), "Storm hits coast");
  EXPECT_EQ(TrimTitleSuffix("A - Long Site Name Here", "long site name here"), "A");
  EXPECT_EQ(TrimTitleSuffix("Short - Much longer explanatory title part", ""),
            "Short - Much longer explanatory title part");
  EXPECT_EQ(TrimTitleSuffix("No separator", "x"), "No separator");
}

}  // namespace
}  // namespace winnow::html
