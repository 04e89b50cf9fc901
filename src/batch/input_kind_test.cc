#include "batch/input_kind.h"

#include <gtest/gtest.h>

namespace winnow::batch {
namespace {

TEST(InputWalkKind, PageExtensions) {
  EXPECT_EQ(KindFromName("a.txt").kind, InputKind::kText);
  EXPECT_EQ(KindFromName("a.html").kind, InputKind::kHtml);
  EXPECT_EQ(KindFromName("a.htm").kind, InputKind::kHtml);
  EXPECT_EQ(KindFromName("a.xhtml").kind, InputKind::kHtml);
  EXPECT_EQ(KindFromName("a.jsonl").kind, InputKind::kJsonl);
  EXPECT_EQ(KindFromName("a.warc").kind, InputKind::kWarc);
  EXPECT_EQ(KindFromName("Page.HTML").kind, InputKind::kHtml);
  EXPECT_EQ(KindFromName("page.html").stem, "page");
  EXPECT_FALSE(KindFromName("page.html").gzip);
}

TEST(InputWalkKind, GzipTakesTheInnerExtension) {
  KindInfo html = KindFromName("a.b.html.gz");
  EXPECT_EQ(html.kind, InputKind::kHtml);
  EXPECT_TRUE(html.gzip);
  EXPECT_EQ(html.stem, "a.b");
  EXPECT_EQ(KindFromName("x.jsonl.gz").kind, InputKind::kJsonl);
  EXPECT_EQ(KindFromName("x.warc.GZ").kind, InputKind::kWarc);
  KindInfo bare = KindFromName("dump.gz");
  EXPECT_EQ(bare.kind, InputKind::kSniff);
  EXPECT_TRUE(bare.gzip);
  EXPECT_EQ(bare.stem, "dump");
}

TEST(InputWalkKind, UnknownSniffsKnownNonPagesAreSkipped) {
  EXPECT_EQ(KindFromName("README").kind, InputKind::kSniff);
  EXPECT_EQ(KindFromName(".bashrc").kind, InputKind::kSniff);
  KindInfo php = KindFromName("index.php");
  EXPECT_EQ(php.kind, InputKind::kSniff);
  EXPECT_EQ(php.stem, "index.php");
  KindInfo png = KindFromName("logo.PNG");
  EXPECT_EQ(png.kind, InputKind::kSkipped);
  EXPECT_EQ(png.skipped_ext, ".PNG");
  EXPECT_EQ(KindFromName("site.css").kind, InputKind::kSkipped);
  EXPECT_EQ(KindFromName("data.json").kind, InputKind::kSkipped);
  EXPECT_EQ(KindFromName("paper.pdf").kind, InputKind::kSkipped);
  EXPECT_EQ(KindFromName("backup.tar.gz").kind, InputKind::kSkipped);
  EXPECT_EQ(InputKindName(InputKind::kJsonl), "jsonl");
  EXPECT_EQ(InputKindName(InputKind::kError), "error");
}

}  // namespace
}  // namespace winnow::batch
