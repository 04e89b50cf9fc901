#include "batch/progress.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include "batch/test_util.h"

namespace winnow::batch {
namespace {

TEST(BatchProgress, Format) {
  EXPECT_EQ(FormatProgress(0, 10, 0, 0), "[0/10] 0.0 MB, 0.0 pages/s");
  EXPECT_EQ(FormatProgress(100, 1300, 2'500'000, 10), "[100/1300] 2.5 MB, 10.0 pages/s, ETA 2:00");
  EXPECT_EQ(FormatProgress(10, 10, 0, 1), "[10/10] 0.0 MB, 10.0 pages/s");
}

TEST(BatchProgress, DrawsOnlyWhenAskedAndClears) {
  testing::TempDir dir;
  int fd = open((dir / "log").c_str(), O_WRONLY | O_CREAT, 0600);
  ASSERT_GE(fd, 0);
  ProgressMeter never(fd, ProgressMode::kNever, 5);
  never.Update(1, 0);
  ProgressMeter automatic(fd, ProgressMode::kAuto, 5);  // a file is no terminal
  automatic.Update(1, 0);
  EXPECT_EQ(testing::ReadTestFile(dir / "log"), "");
  ProgressMeter always(fd, ProgressMode::kAlways, 5);
  always.Update(1, 0);
  always.Update(2, 0);  // within 200 ms of the first: not drawn
  always.Clear();
  always.Clear();  // nothing drawn since: nothing to erase
  close(fd);
  std::string log = testing::ReadTestFile(dir / "log");
  EXPECT_EQ(log.rfind("\r[1/5] 0.0 MB, ", 0), 0u) << log;
  EXPECT_EQ(log.find("[2/5]"), std::string::npos);
  EXPECT_EQ(log.substr(log.size() - 4), "\r\x1b[K");
}

}  // namespace
}  // namespace winnow::batch
