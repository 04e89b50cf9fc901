#include "batch/output_path.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include "batch/test_util.h"

namespace winnow::batch {
namespace {

using testing::TempDir;
using testing::WriteTestFile;

std::string Rel(std::string_view in, std::string_view ext = "txt") {
  Result<std::string> out = OutputRelPath(in, ext);
  return out.ok() ? *out : "error: " + out.status().message();
}

TEST(OutputPath, MirrorsAndRenames) {
  EXPECT_EQ(Rel("a/b/page.html"), "a/b/page.txt");
  EXPECT_EQ(Rel("a/b/page.html.gz"), "a/b/page.txt");
  EXPECT_EQ(Rel("page.txt"), "page.txt");
  EXPECT_EQ(Rel("dump.jsonl.gz", "jsonl"), "dump.jsonl");
  EXPECT_EQ(Rel("crawl.warc.gz", "jsonl"), "crawl.jsonl");
  EXPECT_EQ(Rel("x/README"), "x/README.txt");
  EXPECT_EQ(Rel("index.php"), "index.php.txt");
  EXPECT_EQ(Rel("-"), "stdin.txt");
}

TEST(OutputPath, RejectsEscapes) {
  EXPECT_FALSE(CheckRelativePath("../x.txt").ok());
  EXPECT_FALSE(CheckRelativePath("a/../../x.txt").ok());
  EXPECT_FALSE(CheckRelativePath("a/..").ok());
  EXPECT_FALSE(CheckRelativePath("/etc/passwd").ok());
  EXPECT_FALSE(CheckRelativePath("a//b").ok());
  EXPECT_FALSE(CheckRelativePath("./a").ok());
  EXPECT_FALSE(CheckRelativePath("").ok());
  EXPECT_TRUE(CheckRelativePath("a/..b/c..txt").ok());
  EXPECT_EQ(Rel("../x.html").rfind("error: ", 0), 0u);
  TempDir dir;
  EXPECT_FALSE(ResolveOutputPath(dir.path(), "a/../../x.txt").ok());
  EXPECT_FALSE(ResolveOutputPath(dir.path(), "/tmp/x.txt").ok());
}

TEST(OutputPath, RefusesOutputInsideInput) {
  TempDir dir;
  WriteTestFile(dir / "in/a.txt", "x");
  WriteTestFile(dir / "file.txt", "x");
  std::vector<std::string> args = {dir / "file.txt", dir / "in"};
  EXPECT_FALSE(CheckOutputDir(dir / "in", args).ok());
  EXPECT_FALSE(CheckOutputDir(dir / "in/", args).ok());
  Status inside = CheckOutputDir(dir / "in/out/deeper", args);
  EXPECT_FALSE(inside.ok());
  EXPECT_NE(inside.message().find("inside input folder"), std::string::npos);
  EXPECT_TRUE(CheckOutputDir(dir / "out", args).ok());
  EXPECT_TRUE(CheckOutputDir(dir / "in-out", args).ok());  // a sibling sharing a prefix
  // Through a symbolic link to the input folder.
  ASSERT_EQ(symlink((dir / "in").c_str(), (dir / "alias").c_str()), 0);
  EXPECT_FALSE(CheckOutputDir(dir / "alias/out", args).ok());
  // An existing file is no output folder.
  EXPECT_FALSE(CheckOutputDir(dir / "file.txt", {dir / "in"}).ok());
}

TEST(OutputPath, RefusesSymlinkLeadingOutside) {
  TempDir dir;
  std::string root = *CanonicalOutputDir(dir / "out");
  WriteTestFile(dir / "out/keep.txt", "x");
  WriteTestFile(dir / "elsewhere/x.txt", "x");
  ASSERT_EQ(symlink((dir / "elsewhere").c_str(), (dir / "out/sub").c_str()), 0);
  ASSERT_EQ(symlink((dir / "elsewhere/x.txt").c_str(), (dir / "out/x.txt").c_str()), 0);
  Result<ResolvedOutput> through_dir = ResolveOutputPath(root, "sub/page.txt");
  ASSERT_FALSE(through_dir.ok());
  EXPECT_NE(through_dir.status().message().find("symbolic link"), std::string::npos);
  EXPECT_FALSE(ResolveOutputPath(root, "x.txt").ok());
  // Links that stay inside OUT are fine.
  std::filesystem::create_directories(dir / "out/real");
  ASSERT_EQ(symlink("real", (dir / "out/inner").c_str()), 0);
  Result<ResolvedOutput> inner = ResolveOutputPath(root, "inner/page.txt");
  ASSERT_TRUE(inner.ok()) << inner.status().message();
  EXPECT_EQ(inner->path, root + "/inner/page.txt");
  EXPECT_EQ(ResolveOutputPath(root, "new/dir/p.txt")->path, root + "/new/dir/p.txt");
}

// The lstat of the output itself comes back, so the runner need not stat it again.
TEST(OutputPath, ReportsWhatIsAtTheOutput) {
  TempDir dir;
  std::string root = *CanonicalOutputDir(dir / "out");
  WriteTestFile(dir / "out/sub/page.txt", "seven b");
  std::filesystem::create_directories(dir / "out/folder.txt");
  ASSERT_EQ(symlink("sub/page.txt", (dir / "out/link.txt").c_str()), 0);
  Result<ResolvedOutput> file = ResolveOutputPath(root, "sub/page.txt");
  ASSERT_TRUE(file.ok() && file->existing);
  EXPECT_TRUE(S_ISREG(file->existing->st_mode));
  EXPECT_EQ(file->existing->st_size, 7);
  EXPECT_TRUE(S_ISDIR(ResolveOutputPath(root, "folder.txt")->existing->st_mode));
  EXPECT_TRUE(S_ISLNK(ResolveOutputPath(root, "link.txt")->existing->st_mode));
  EXPECT_FALSE(ResolveOutputPath(root, "sub/new.txt")->existing);
  EXPECT_FALSE(ResolveOutputPath(root, "new/page.txt")->existing);
}

// A worker keeps the folder it last checked, so a folder of outputs costs one lstat per file;
// another folder is checked as ever.
TEST(OutputPath, ChecksEachFolderOnceForAWorker) {
  TempDir dir;
  std::string root = *CanonicalOutputDir(dir / "out");
  WriteTestFile(dir / "elsewhere/x.txt", "x");
  std::filesystem::create_directories(dir / "out/a/b");
  ASSERT_EQ(symlink((dir / "elsewhere").c_str(), (dir / "out/a/link").c_str()), 0);
  std::string checked;
  ASSERT_TRUE(ResolveOutputPath(root, "a/b/p.txt", &checked).ok());
  EXPECT_EQ(checked, "a/b/");
  ASSERT_TRUE(ResolveOutputPath(root, "a/b/q.txt", &checked).ok());
  EXPECT_EQ(checked, "a/b/");
  ASSERT_TRUE(ResolveOutputPath(root, "top.txt", &checked).ok());
  EXPECT_EQ(checked, "");
  // A folder below the checked one, or beside it, is checked.
  checked = "a/";
  EXPECT_FALSE(ResolveOutputPath(root, "a/link/p.txt", &checked).ok());
  EXPECT_EQ(checked, "a/");  // unchanged on failure
  checked = "a/b/";
  EXPECT_FALSE(ResolveOutputPath(root, "a/link/p.txt", &checked).ok());
}

}  // namespace
}  // namespace winnow::batch
