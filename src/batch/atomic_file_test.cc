#include "batch/atomic_file.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include "batch/test_util.h"

namespace winnow::batch {
namespace {

using testing::ListTree;
using testing::ReadTestFile;
using testing::TempDir;
using testing::WriteTestFile;

TEST(AtomicFile, WritesWholeFileAndCreatesFolders) {
  TempDir dir;
  ASSERT_TRUE(WriteFileAtomic(dir / "a/b/out.txt", "hello\n").ok());
  EXPECT_EQ(ReadTestFile(dir / "a/b/out.txt"), "hello\n");
  ASSERT_TRUE(WriteFileAtomic(dir / "a/b/out.txt", "again\n").ok());
  EXPECT_EQ(ReadTestFile(dir / "a/b/out.txt"), "again\n");
  ASSERT_TRUE(WriteFileAtomic(dir / "a/empty.txt", "").ok());
  EXPECT_EQ(ListTree(dir.path()), (std::vector<std::string>{"a/b/out.txt", "a/empty.txt"}));
}

TEST(AtomicFile, FailureNamesThePathAndLeavesNoTemp) {
  TempDir dir;
  WriteTestFile(dir / "plain", "not a folder");
  // Under a regular file: ENOTDIR even for root.
  Status status = WriteFileAtomic(dir / "plain/out.txt", "x");
  ASSERT_FALSE(status.ok());
  EXPECT_NE(status.message().find(dir / "plain/out.txt"), std::string::npos);
  status = WriteFileAtomic(dir / "plain/sub/out.txt", "x");
  ASSERT_FALSE(status.ok());
  // The rename fails when the target is a folder: the written temp file must go.
  std::filesystem::create_directories(dir / "taken/x.txt");
  status = WriteFileAtomic(dir / "taken/x.txt", "data");
  ASSERT_FALSE(status.ok());
  EXPECT_NE(status.message().find(dir / "taken/x.txt"), std::string::npos);
  EXPECT_EQ(ListTree(dir.path()), std::vector<std::string>{"plain"});
}

TEST(AtomicFile, WriteAllReportsFullDevice) {
  int fd = open("/dev/full", O_WRONLY);
  if (fd < 0) GTEST_SKIP() << "no /dev/full";
  Status status = WriteAll(fd, std::string(1 << 16, 'x'), "stdout");
  close(fd);
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.code(), Status::Code::kIoError);
  EXPECT_EQ(status.message(), "stdout: No space left on device");
}

TEST(AtomicFile, WriteAllWritesEverything) {
  TempDir dir;
  int fd = open((dir / "out").c_str(), O_WRONLY | O_CREAT, 0600);
  ASSERT_GE(fd, 0);
  std::string big(3 << 20, 'y');
  ASSERT_TRUE(WriteAll(fd, big, "out").ok());
  close(fd);
  EXPECT_EQ(ReadTestFile(dir / "out"), big);
}

}  // namespace
}  // namespace winnow::batch
