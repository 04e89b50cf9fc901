#include "batch/output_block.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace winnow::batch {
namespace {

class OutputBlockTest : public ::testing::Test {
 protected:
  OutputBlock Make(size_t block_bytes) {
    return OutputBlock(
        [this](std::string_view bytes) {
          writes_.emplace_back(bytes);
          return fail_ ? Status::IoError("stdout: Broken pipe") : Status::Ok();
        },
        block_bytes);
  }

  std::vector<std::string> writes_;
  bool fail_ = false;
};

TEST_F(OutputBlockTest, GathersUntilTheBlockIsFullThenCountsWhatWasWritten) {
  OutputBlock block = Make(8);
  BatchSummary summary;
  block.Add("abc", "a.txt");
  ++block.pending().files_ok;
  EXPECT_FALSE(block.Full());
  block.Add("", "b.txt");  // an empty output still counts
  ++block.pending().files_ok;
  block.Add("defgh", "c.txt");
  ++block.pending().files_ok;
  EXPECT_TRUE(block.Full());
  EXPECT_EQ(summary.files_ok, 0u);  // nothing is written yet
  ASSERT_TRUE(block.Flush(&summary).ok());
  EXPECT_EQ(writes_, std::vector<std::string>{"abcdefgh"});
  EXPECT_EQ(summary.files_ok, 3u);
  EXPECT_EQ(block.first_source(), "a.txt");
  // Nothing gathered: no write, nothing counted.
  ASSERT_TRUE(block.Flush(&summary).ok());
  EXPECT_EQ(writes_.size(), 1u);
  EXPECT_EQ(summary.files_ok, 3u);
}

TEST_F(OutputBlockTest, AWriteErrorCountsNothingOfTheBlock) {
  OutputBlock block = Make(1 << 10);
  BatchSummary summary;
  block.Add("one\n", "a.txt");
  ++block.pending().files_ok;
  ASSERT_TRUE(block.Flush(&summary).ok());
  fail_ = true;
  block.Add("two\n", "b.txt");
  ++block.pending().files_ok;
  block.Add("three\n", "c.txt");
  ++block.pending().files_ok;
  Status s = block.Flush(&summary);
  EXPECT_EQ(s.message(), "stdout: Broken pipe");
  EXPECT_EQ(block.first_source(), "b.txt");  // named in the error message
  EXPECT_EQ(summary.files_ok, 1u);
  EXPECT_EQ(writes_, (std::vector<std::string>{"one\n", "two\nthree\n"}));
}

TEST_F(OutputBlockTest, BlockSizeZeroWritesEachOutput) {
  OutputBlock block = Make(0);
  EXPECT_FALSE(block.Full());
  block.Add("", "a.txt");
  EXPECT_TRUE(block.Full());
}

}  // namespace
}  // namespace winnow::batch
