#include "batch/input_walk.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>

#include "batch/test_util.h"

namespace winnow::batch {
namespace {

using testing::TempDir;
using testing::WriteTestFile;

std::vector<std::string> Rels(const std::vector<InputFile>& files) {
  std::vector<std::string> out;
  for (const InputFile& f : files) out.push_back(f.rel);
  return out;
}

const InputFile* Find(const std::vector<InputFile>& files, const std::string& rel) {
  for (const InputFile& f : files) {
    if (f.rel == rel) return &f;
  }
  return nullptr;
}

TEST(InputWalk, FolderIsSortedAndTyped) {
  TempDir dir;
  for (std::string rel :
       {"z.txt", "b/c.html.gz", "b/d.jsonl.gz", "a", "a.warc", "img/x.png", "b.htm", "B/q.xhtml"}) {
    WriteTestFile(dir / ("in/" + rel), "x");
  }
  std::vector<InputFile> files = WalkInputs({dir / "in/"});
  EXPECT_EQ(Rels(files),
            (std::vector<std::string>{"B/q.xhtml", "a", "a.warc", "b.htm", "b/c.html.gz",
                                      "b/d.jsonl.gz", "img/x.png", "z.txt"}));
  EXPECT_EQ(Find(files, "a")->kind, InputKind::kSniff);
  EXPECT_EQ(Find(files, "b/c.html.gz")->kind, InputKind::kHtml);
  EXPECT_TRUE(Find(files, "b/c.html.gz")->gzip);
  EXPECT_EQ(Find(files, "b/d.jsonl.gz")->kind, InputKind::kJsonl);
  EXPECT_EQ(Find(files, "b/c.html.gz")->path, dir / "in/b/c.html.gz");
  const InputFile* png = Find(files, "img/x.png");
  EXPECT_EQ(png->kind, InputKind::kSkipped);
  EXPECT_NE(png->note.find(".png"), std::string::npos);
  // The same walk twice gives the same list.
  EXPECT_EQ(Rels(WalkInputs({dir / "in"})), Rels(files));
}

TEST(InputWalk, ArgumentsKeepTheirOrder) {
  TempDir dir;
  WriteTestFile(dir / "one/page.html", "x");
  WriteTestFile(dir / "two.txt", "x");
  std::vector<InputFile> files = WalkInputs({dir / "two.txt", "-", dir / "one", dir / "nope"});
  ASSERT_EQ(files.size(), 4u);
  EXPECT_EQ(files[0].rel, "two.txt");
  EXPECT_EQ(files[0].path, dir / "two.txt");
  EXPECT_EQ(files[0].kind, InputKind::kText);
  EXPECT_TRUE(files[1].is_stdin());
  EXPECT_EQ(files[1].kind, InputKind::kSniff);
  EXPECT_EQ(files[2].rel, "page.html");
  EXPECT_EQ(files[3].kind, InputKind::kError);
  EXPECT_EQ(files[3].path, dir / "nope");
  EXPECT_EQ(files[3].note, "No such file or directory");
}

TEST(InputWalk, SymlinkToFileIsFollowedDanglingIsAnError) {
  TempDir dir;
  WriteTestFile(dir / "target.html", "x");
  WriteTestFile(dir / "in/real.txt", "x");
  ASSERT_EQ(symlink((dir / "target.html").c_str(), (dir / "in/link.html").c_str()), 0);
  ASSERT_EQ(symlink((dir / "missing.html").c_str(), (dir / "in/dangling.html").c_str()), 0);
  std::vector<InputFile> files = WalkInputs({dir / "in"});
  ASSERT_EQ(Rels(files), (std::vector<std::string>{"dangling.html", "link.html", "real.txt"}));
  EXPECT_EQ(files[0].kind, InputKind::kError);
  EXPECT_EQ(files[0].path, dir / "in/dangling.html");
  EXPECT_EQ(files[0].note, "dangling symbolic link");
  EXPECT_EQ(files[1].kind, InputKind::kHtml);
  // A dangling link given as an argument is reported the same way.
  std::vector<InputFile> arg = WalkInputs({dir / "in/dangling.html"});
  ASSERT_EQ(arg.size(), 1u);
  EXPECT_EQ(arg[0].note, "dangling symbolic link");
}

TEST(InputWalk, SymlinkLoopEnds) {
  TempDir dir;
  WriteTestFile(dir / "in/sub/a.txt", "x");
  ASSERT_EQ(symlink("..", (dir / "in/sub/up").c_str()), 0);
  WriteTestFile(dir / "other/b.txt", "x");
  ASSERT_EQ(symlink((dir / "other").c_str(), (dir / "in/other").c_str()), 0);
  std::vector<InputFile> files = WalkInputs({dir / "in"});
  EXPECT_EQ(Rels(files), (std::vector<std::string>{"other/b.txt", "sub/a.txt", "sub/up"}));
  EXPECT_EQ(Find(files, "sub/up")->kind, InputKind::kSkipped);
}

TEST(InputWalk, FifoIsAnErrorAndNeverOpened) {
  TempDir dir;
  WriteTestFile(dir / "in/a.txt", "x");
  ASSERT_EQ(mkfifo((dir / "in/pipe.txt").c_str(), 0600), 0);
  std::vector<InputFile> files = WalkInputs({dir / "in", dir / "in/pipe.txt"});
  ASSERT_EQ(files.size(), 3u);
  EXPECT_EQ(files[1].rel, "pipe.txt");
  EXPECT_EQ(files[1].kind, InputKind::kError);
  EXPECT_EQ(files[1].note, "not a regular file");
  EXPECT_EQ(files[2].kind, InputKind::kError);
  EXPECT_EQ(files[2].path, dir / "in/pipe.txt");
}

}  // namespace
}  // namespace winnow::batch
