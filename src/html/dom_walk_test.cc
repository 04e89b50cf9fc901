#include "html/dom_walk.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <thread>
#include <vector>

#include "html/html_source.h"

namespace winnow {
namespace {

std::vector<std::string> Lines(const Page& page) {
  std::vector<std::string> lines;
  if (page.text.empty()) return lines;
  size_t p = 0;
  while (true) {
    const size_t e = page.text.find('\n', p);
    lines.emplace_back(page.text.substr(p, e == std::string_view::npos ? e : e - p));
    if (e == std::string_view::npos) break;
    p = e + 1;
  }
  return lines;
}

Page Parse(const std::string& body) {
  Result<Page> page = ParseHtml("<!doctype html><html><body>" + body + "</body></html>", {});
  EXPECT_TRUE(page.ok()) << page.status().message();
  EXPECT_EQ(Lines(*page).size(), page->dom.size());
  return std::move(*page);
}

using Strings = std::vector<std::string>;

TEST(DomWalk, BlocksBreakInlinesJoinWhitespaceCollapses) {
  const Page page = Parse(
      "<div>Intro <b>bold</b>ed\n\t text<p>First  <a href=/x>link</a>.</p>tail</div>"
      "<h2>Head&nbsp;line</h2><span>a</span><span>b</span>");
  EXPECT_EQ(Lines(page), (Strings{"Intro bolded text", "First link.", "tail", "Head line", "ab"}));
  EXPECT_EQ(page.dom[0].tag, "div");
  EXPECT_EQ(page.dom[1].tag, "p");
  EXPECT_EQ(page.dom[1].path, "body>div>p");
  EXPECT_EQ(page.dom[3].tag, "h2");
  EXPECT_EQ(page.dom[3].heading, 2);
  EXPECT_TRUE(page.dom[3].containers & kInHeading);
  EXPECT_EQ(page.dom[4].tag, "body");
  EXPECT_EQ(page.dom[4].depth, 2);  // html=1, body=2
  EXPECT_EQ(page.dom[1].depth, 4);
}

// Each line's text, what explain shows of its DOM features, and the ids that group lines.
Strings Described(const Page& page) {
  Strings out = Lines(page);
  for (const DomFeatures& d : page.dom) {
    out.push_back(DescribeDom(d) + " block " + std::to_string(d.block_id) + " depth " +
                  std::to_string(d.depth) + " ids " + std::to_string(d.path_id) + "," +
                  std::to_string(d.attrs_id));
  }
  for (uint32_t parent : page.block_parent) out.push_back(std::to_string(parent));
  return out;
}

TEST(DomWalk, APageComesOutTheSameAfterOthersOnItsThread) {
  // The walker keeps its buffers per thread; nothing of one page may reach the next, not even
  // of a walk that stopped partway.
  const std::string page =
      "<!doctype html><html><body><div class='story' id=s><p>One <a href=/x>two</a>.</p>"
      "<table><tr><td>a</td><td>b</td></tr></table><aside class=related><p>Three.</p></aside>"
      "</div></body></html>";
  std::string deep = "<html><body>";
  for (int i = 0; i < 60; ++i) deep += "<section class='level-" + std::to_string(i) + "'>x";
  deep += "<table><tr><td>c</td></tr></table></body></html>";
  auto described = [&page, &deep](bool after_others) {
    Strings out;
    std::thread([&] {
      if (after_others) {
        EXPECT_TRUE(ParseHtml(deep, {}).ok());
        // 65 start tags pass the pre-pass's count; the head and tbody Gumbo adds do not, and
        // the walk stops at the cell, 64 elements deep.
        HtmlOptions few;
        few.max_nodes = 65;
        EXPECT_EQ(ParseHtml(deep, few).status().code(), Status::Code::kLimitExceeded);
      }
      Result<Page> parsed = ParseHtml(page, {});
      ASSERT_TRUE(parsed.ok());
      out = Described(*parsed);
    }).join();
    return out;
  };
  const Strings alone = described(false);
  EXPECT_EQ(alone.size(), 11u);  // three lines, their features, five block_parent entries
  EXPECT_EQ(described(true), alone);
}

TEST(DomWalk, WithoutPathsEverythingElseIsTheSame) {
  const std::string html =
      "<!doctype html><html><body><div class='story'><p>One.</p><my-widget id=w>Two.</my-widget>"
      "<section><aside role=note><p>Three.</p></aside></section></div></body></html>";
  HtmlOptions options;
  Result<Page> with = ParseHtml(html, options);
  options.describe_paths = false;
  Result<Page> without = ParseHtml(html, options);
  ASSERT_TRUE(with.ok() && without.ok());
  ASSERT_EQ(Lines(*with), (Strings{"One.", "Two.", "Three."}));
  ASSERT_EQ(Lines(*without), Lines(*with));
  EXPECT_EQ(with->dom[2].path, "body>div>section>aside>p");
  for (size_t i = 0; i < with->dom.size(); ++i) {
    EXPECT_EQ(without->dom[i].path, "") << i;
    EXPECT_EQ(without->dom[i].tag, with->dom[i].tag) << i;
    EXPECT_EQ(without->dom[i].attrs, with->dom[i].attrs) << i;
    EXPECT_EQ(without->dom[i].containers, with->dom[i].containers) << i;
  }
  EXPECT_EQ(without->dom[1].tag, "div");  // an unknown tag is inline
  EXPECT_EQ(without->dom[2].tag, "p");
  EXPECT_EQ(without->dom[2].attrs, "note story");
}

TEST(DomWalk, BrBreaksPreKeepsLinesAltIsNotText) {
  const Page page = Parse(
      "<p>one<br>two<br><br>three <img alt='ALT' title='T'></p>"
      "<pre>int a;\n  int b;\n\nend</pre><p title='no'>x</p>");
  EXPECT_EQ(Lines(page), (Strings{"one", "two", "three", "int a;", "int b;", "end", "x"}));
  EXPECT_EQ(page.dom[1].tag, "p");
  EXPECT_EQ(page.dom[4].tag, "pre");
  EXPECT_TRUE(page.dom[4].containers & kInPre);
}

TEST(DomWalk, ListsAndLinkLists) {
  const Page page = Parse(
      "<ul><li><a href=/a>Home</a></li><li><a href=/b>News</a></li><li>Text</li></ul>"
      "<ol><li>Plain item one</li><li>Item <a href=/c>x</a> two</li></ol>");
  EXPECT_EQ(Lines(page), (Strings{"Home", "News", "Text", "Plain item one", "Item x two"}));
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(page.dom[i].containers, kInList | kInLinkList) << i;
    EXPECT_EQ(page.dom[i].tag, "li");
  }
  EXPECT_FLOAT_EQ(page.dom[0].link_density, 1.0f);
  EXPECT_FLOAT_EQ(page.dom[2].link_density, 0.0f);
  EXPECT_EQ(page.dom[3].containers, kInList);
  EXPECT_NE(page.dom[0].block_id, page.dom[3].block_id);
  EXPECT_EQ(page.dom[0].block_id, page.dom[2].block_id);
  EXPECT_FLOAT_EQ(page.dom[4].link_density, 1.0f / 10.0f);  // "Item x two"
  // ul: "Home" "News" of "HomeNewsText" (spaces between items are not counted).
  EXPECT_FLOAT_EQ(page.dom[0].block_link_density, 8.0f / 12.0f);
}

TEST(DomWalk, TablesJoinShortCellsAndBreakLayoutCells) {
  const Page page = Parse(
      "<table><tr><th>Name</th><th>Age</th></tr><tr><td>Ann</td><td>31</td></tr></table>"
      "<table><tr><td><p>Long article paragraph.</p></td><td>Sidebar</td></tr></table>");
  EXPECT_EQ(Lines(page), (Strings{"Name | Age", "Ann | 31", "Long article paragraph.", "Sidebar"}));
  EXPECT_EQ(page.dom[0].tag, "tr");
  EXPECT_EQ(page.dom[0].path, "body>table>tbody>tr");
  EXPECT_TRUE(page.dom[0].containers & kInTable);
  EXPECT_EQ(page.dom[2].tag, "p");
  EXPECT_EQ(page.dom[3].tag, "td");
}

TEST(DomWalk, EveryContainerKind) {
  struct Case {
    const char* html;
    uint32_t bit;
  };
  const Case cases[] = {
      {"<article>x</article>", kInArticle},
      {"<main>x</main>", kInMain},
      {"<nav>x</nav>", kInNav | 0u},
      {"<header>x</header>", kInHeader},
      {"<footer>x</footer>", kInFooter},
      {"<aside>x</aside>", kInAside},
      {"<figure>x</figure>", kInFigure},
      {"<figcaption>x</figcaption>", kInFigure},
      {"<form><p>x</p></form>", kInForm},
      {"<menu><li>x</li></menu>", kInMenu | kInList},
      {"<div role=navigation>x</div>", kInNav | kInMenu},
      {"<div role=menubar>x</div>", kInMenu},
      {"<button>x</button>", kInButton},
      {"<table><tr><td>x</td></tr></table>", kInTable},
      {"<blockquote>x</blockquote>", kInBlockquote},
      {"<h4>x</h4>", kInHeading},
      {"<pre>x</pre>", kInPre},
      {"<address>x</address>", kInAddress},
      {"<p><time>x</time></p>", kInTime},
      {"<div role=main>x</div>", kInMain},
      {"<div role=complementary>x</div>", kInAside},
  };
  for (const Case& c : cases) {
    const Page page = Parse(c.html);
    ASSERT_EQ(page.dom.size(), 1u) << c.html;
    EXPECT_EQ(page.dom[0].containers, c.bit) << c.html;
  }
}

TEST(DomWalk, AttrsArePathsOfClassIdRoleNearestFirst) {
  const Page page = Parse(
      "<div id=Main class='Story  wide'><section role=region><p class=lead>x</p></section></div>");
  EXPECT_EQ(page.dom[0].attrs, "lead region story wide main");
  EXPECT_EQ(page.dom[0].path, "body>div>section>p");
  std::string deep;
  for (int i = 0; i < 12; ++i) deep += "<div class=c" + std::to_string(i) + ">";
  const Page capped = Parse(deep + "x");
  EXPECT_EQ(capped.dom[0].path, "div>div>div>div>div>div>div>div");
  EXPECT_EQ(capped.dom[0].attrs.substr(0, 11), "c11 c10 c9 ");
}

TEST(DomWalk, PathsFollowTheOpenElementsAcrossSiblings) {
  // Paths are slices of one string of open elements: closing an element and opening a sibling
  // at the same depth, or a shallower one, must rewrite the tail.
  const Page page = Parse(
      "<div><section><p>a</p></section><My-Widget><p>b</p></My-Widget><span><p>c</p></span>"
      "</div><ul><li>d</li></ul><p>e</p>");
  ASSERT_EQ(page.dom.size(), 5u);
  EXPECT_EQ(page.dom[0].path, "body>div>section>p");
  EXPECT_EQ(page.dom[1].path, "body>div>my-widget>p");
  EXPECT_EQ(page.dom[2].path, "body>div>span>p");
  EXPECT_EQ(page.dom[3].path, "body>ul>li");
  EXPECT_EQ(page.dom[4].path, "body>p");
  EXPECT_EQ(page.dom[4].path_id, page.dom_strings.Find("body>p"));
}

TEST(DomWalk, AttrsAreSharedByBlocksAndCappedAtWholeTokens) {
  HtmlOptions options;
  options.max_attrs_bytes = 12;
  Result<Page> page = ParseHtml(
      "<!doctype html><html><body><div class='alpha beta gamma'><p>one</p><p>two</p>"
      "<p class=averyverylongtoken>three</p><p class=x>four</p><p class=xy>five</p></div>"
      "</body></html>",
      options);
  ASSERT_TRUE(page.ok());
  const std::vector<DomFeatures>& dom = page->dom;
  ASSERT_EQ(dom.size(), 5u);
  EXPECT_EQ(dom[0].attrs, "alpha beta");
  EXPECT_EQ(dom[1].attrs.data(), dom[0].attrs.data()) << "one stored string";
  EXPECT_EQ(dom[1].attrs_id, dom[0].attrs_id);
  EXPECT_EQ(dom[1].path_id, dom[0].path_id);
  EXPECT_EQ(dom[2].attrs, "") << "a first token over the cap ends the list";
  EXPECT_EQ(dom[3].attrs, "x alpha beta");
  EXPECT_EQ(dom[4].attrs, "xy alpha");
  EXPECT_NE(dom[4].attrs_id, dom[3].attrs_id);
}

TEST(DomWalk, SiblingsShareAPathAndAttrsOnlyUnderTheSameParent) {
  // Siblings alike share one stored path and attrs; a sibling with other tokens, or one under
  // a new parent at the same depth, gets its own.
  const Page page = Parse(
      "<ul class=menu><li class=item>a</li><li class=item>b</li><li class=other>c</li>"
      "<li>d</li></ul><ol class=steps><li class=item>e</li></ol>"
      "<ul class=menu><li class=item>f</li></ul>");
  const std::vector<DomFeatures>& dom = page.dom;
  ASSERT_EQ(dom.size(), 6u);
  EXPECT_EQ(dom[0].path, "body>ul>li");
  EXPECT_EQ(dom[0].attrs, "item menu");
  EXPECT_EQ(dom[1].path_id, dom[0].path_id);
  EXPECT_EQ(dom[1].attrs_id, dom[0].attrs_id);
  EXPECT_EQ(dom[2].attrs, "other menu");
  EXPECT_EQ(dom[3].attrs, "menu");
  EXPECT_EQ(dom[4].path, "body>ol>li");
  EXPECT_EQ(dom[4].attrs, "item steps");
  EXPECT_EQ(dom[5].path_id, dom[0].path_id);
  EXPECT_EQ(dom[5].attrs_id, dom[0].attrs_id);
}

TEST(DomWalk, HiddenBlocksAreFlaggedHiddenInlinesDropped) {
  const Page page = Parse(
      "<p>See <span style='display: NONE'>secret</span>this</p>"
      "<div hidden>menu</div><div aria-hidden=true><p>dup</p></div>"
      "<div style='visibility:hidden'>v</div><p aria-hidden=false>shown</p>");
  EXPECT_EQ(Lines(page), (Strings{"See this", "menu", "dup", "v", "shown"}));
  EXPECT_FALSE(page.dom[0].hidden);
  EXPECT_TRUE(page.dom[1].hidden);
  EXPECT_TRUE(page.dom[2].hidden);
  EXPECT_TRUE(page.dom[3].hidden);
  EXPECT_FALSE(page.dom[4].hidden);
}

TEST(DomWalk, BlockIdsGroupLinesOfOneContainer) {
  const Page page = Parse("<div><p>a</p><p>b</p></div><div><p>c</p></div>");
  ASSERT_EQ(page.dom.size(), 3u);
  EXPECT_EQ(page.dom[0].block_id, page.dom[1].block_id);
  EXPECT_NE(page.dom[1].block_id, page.dom[2].block_id);
}

TEST(DomWalk, BlockParentsLinkEachContainerToTheOneAroundIt) {
  const Page page =
      Parse("<article><div><p>a</p><ul><li>b</li></ul></div><p>c</p></article><div>d</div>");
  ASSERT_EQ(page.dom.size(), 4u);
  const std::vector<uint32_t>& parent = page.block_parent;
  const uint32_t div = page.dom[0].block_id, ul = page.dom[1].block_id,
                 article = page.dom[2].block_id, last = page.dom[3].block_id;
  ASSERT_LT(std::max({div, ul, article, last}), parent.size());
  EXPECT_EQ(parent[ul], div);
  EXPECT_EQ(parent[div], article);
  EXPECT_EQ(parent[article], parent[last]);  // both in <body>
  EXPECT_LT(article, div);                   // ids follow document order
  EXPECT_LT(ul, last);
  EXPECT_EQ(parent[0], 0u);
}

TEST(DomWalk, HundredThousandNestedDivsDoNotCrash) {
  std::string html = "<html><body>";
  for (int i = 0; i < 100000; ++i) html += "<div><span>";
  html += "deep";
  Result<Page> page = ParseHtml(html, {});
  ASSERT_TRUE(page.ok()) << page.status().message();
  EXPECT_EQ(page->text, "deep");
  EXPECT_LE(page->dom[0].depth, 400);
}

TEST(DomWalk, DeepContentIsFlattenedIntoItsAncestor) {
  HtmlOptions options;
  options.max_dom_depth = 4;  // html, body, div, div
  Result<Page> page = ParseHtml("<body><div><div>a<div><p>b</p>c</div></div></div>", options);
  ASSERT_TRUE(page.ok());
  // One line; the flattened blocks still part words (the pre-pass drops the whitespace
  // around block tags).
  EXPECT_EQ(page->text, "a b c");
  EXPECT_EQ(page->dom[0].depth, 4);
}

TEST(DomWalk, WordsAroundASkippedSelectStayApart) {
  Result<Page> page = ParseHtml("<p>pick <select><option>x</option></select> one</p>", {});
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page->text, "pick one");
}

TEST(DomWalk, TooManyElementsIsAnError) {
  HtmlOptions options;
  options.max_nodes = 10;
  std::string html;
  for (int i = 0; i < 20; ++i) html += "<p>x</p>";
  Result<Page> page = ParseHtml(html, options);
  ASSERT_FALSE(page.ok());
  EXPECT_EQ(page.status().code(), Status::Code::kLimitExceeded);
}

TEST(DomWalk, CollectsEachElementsTokensOnceLowercasedWithinTheCap) {
  HtmlOptions options;
  options.collect_tokens = true;
  options.describe_attrs = false;
  options.max_attrs_bytes = 12;
  Result<Page> page = ParseHtml(
      "<body class='Page \t x'><p>a</p><div><p>b</p></div>"
      "<div class='abcdefgh ijklmnop' id=q><p>c</p><p>d</p></div>"
      "<div class='thirteen-byte' role=main><p>e</p></div></body>",
      options);
  ASSERT_TRUE(page.ok()) << page.status().message();
  const AttrTokens& t = page->attr_tokens;
  EXPECT_TRUE(t.collected);
  EXPECT_EQ(t.max_attrs_bytes, 12u);
  // "abcdefgh ijklmnop" is past 12 bytes: the first token only, and not the id after it;
  // "thirteen-byte" alone is.
  EXPECT_EQ(t.text, "\npage\nx\nabcdefgh\n\n");
  ASSERT_EQ(t.elements.size(), 3u);
  const auto same = [](const AttrTokens::Element& e, uint32_t begin, uint32_t end, uint32_t parent,
                       bool cut) {
    return e.begin == begin && e.end == end && e.parent == parent && e.cut == cut;
  };
  EXPECT_TRUE(same(t.elements[0], 1, 7, 0, false));  // body
  EXPECT_TRUE(same(t.elements[1], 8, 16, 1, true));
  EXPECT_TRUE(same(t.elements[2], 17, 17, 1, true));  // none fits: a window of no tokens
  std::vector<uint32_t> elements;
  for (const DomFeatures& d : page->dom) {
    elements.push_back(d.attrs_element);
    EXPECT_TRUE(d.attrs.empty()) << "describe_attrs is off";
  }
  EXPECT_EQ(elements, (std::vector<uint32_t>{1, 1, 2, 2, 3}));  // a b c d e
}

}  // namespace
}  // namespace winnow
