#include "batch/read_input.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include "batch/test_util.h"

namespace winnow::batch {
namespace {

using testing::TempDir;
using testing::WriteTestFile;

TEST(BatchReadInput, ReadsWholeFile) {
  TempDir dir;
  std::string big(300000, 'z');
  big += "end";
  WriteTestFile(dir / "big.txt", big);
  Result<std::string> bytes = ReadInput(dir / "big.txt", 1 << 20);
  ASSERT_TRUE(bytes.ok());
  EXPECT_EQ(*bytes, big);
  WriteTestFile(dir / "empty.txt", "");
  EXPECT_EQ(*ReadInput(dir / "empty.txt", 10), "");
  // Exactly at the cap is fine.
  WriteTestFile(dir / "ten.txt", "0123456789");
  EXPECT_EQ(*ReadInput(dir / "ten.txt", 10), "0123456789");
  // A size of 0 from fstat (procfs) is only a hint: the read goes on to the end.
  Result<std::string> status = ReadInput("/proc/self/status", 1 << 20);
  ASSERT_TRUE(status.ok());
  EXPECT_NE(status->find("\nVmRSS:"), std::string::npos);
}

TEST(BatchReadInput, OneBufferServesInputsOfAnySizeInTurn) {
  TempDir dir;
  const std::string big(200000, 'b');
  WriteTestFile(dir / "big.txt", big);
  WriteTestFile(dir / "small.txt", "tiny");
  WriteTestFile(dir / "empty.txt", "");
  ReadBuffer buffer;
  ASSERT_TRUE(ReadInput(dir / "big.txt", 1 << 20, &buffer).ok());
  EXPECT_EQ(buffer.bytes(), big);
  const char* storage = buffer.bytes().data();
  ASSERT_TRUE(ReadInput(dir / "small.txt", 1 << 20, &buffer).ok());
  EXPECT_EQ(buffer.bytes(), "tiny");
  EXPECT_EQ(buffer.bytes().data(), storage) << "the larger storage is kept, not reallocated";
  EXPECT_FALSE(ReadInput(dir / "big.txt", 10, &buffer).ok());
  ASSERT_TRUE(ReadInput(dir / "empty.txt", 1 << 20, &buffer).ok());
  EXPECT_EQ(buffer.bytes(), "");
  // A size of 0 from fstat, then more: the buffer grows past its first reservation.
  ASSERT_TRUE(ReadInput("/proc/self/status", 1 << 20, &buffer).ok());
  EXPECT_NE(buffer.bytes().find("\nVmRSS:"), std::string_view::npos);
  ASSERT_TRUE(ReadInput(dir / "big.txt", 1 << 20, &buffer).ok());
  EXPECT_EQ(buffer.bytes(), big);
  buffer.Trim(1 << 20);
  EXPECT_EQ(buffer.bytes(), big) << "storage within the bound is kept";
  buffer.Trim(1000);
  EXPECT_EQ(buffer.bytes(), "") << "larger storage is freed";
  ASSERT_TRUE(ReadInput(dir / "small.txt", 1 << 20, &buffer).ok());
  EXPECT_EQ(buffer.bytes(), "tiny");
}

TEST(BatchReadInput, CapIsAnErrorNotATruncation) {
  TempDir dir;
  WriteTestFile(dir / "a.txt", "0123456789x");
  Result<std::string> bytes = ReadInput(dir / "a.txt", 10);
  ASSERT_FALSE(bytes.ok());
  EXPECT_EQ(bytes.status().code(), Status::Code::kLimitExceeded);
  EXPECT_EQ(bytes.status().message(), "file too large (11 bytes > 10)");
}

TEST(BatchReadInput, FifoAndMissingFailWithoutBlocking) {
  TempDir dir;
  ASSERT_EQ(mkfifo((dir / "pipe").c_str(), 0600), 0);
  Result<std::string> fifo = ReadInput(dir / "pipe", 10);
  ASSERT_FALSE(fifo.ok());
  EXPECT_EQ(fifo.status().message(), "not a regular file");
  Result<std::string> missing = ReadInput(dir / "missing", 10);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().message(), "cannot open: No such file or directory");
  Result<std::string> folder = ReadInput(dir.path(), 10);
  ASSERT_FALSE(folder.ok());
  EXPECT_EQ(folder.status().message(), "not a regular file");
}

}  // namespace
}  // namespace winnow::batch
