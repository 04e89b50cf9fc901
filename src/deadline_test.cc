#include "deadline.h"

#include <gtest/gtest.h>

namespace winnow {
namespace {

TEST(Deadline, CountsTheTimeAlreadySpent) {
  EXPECT_TRUE(Deadline(60).Check("parsing").ok());
  EXPECT_TRUE(Deadline(60, 59).Check("parsing").ok());
  EXPECT_GE(Deadline(60, 59).Elapsed(), 59);
  Status late = Deadline(60, 61).Check("parsing");
  EXPECT_EQ(late.code(), Status::Code::kLimitExceeded);
  EXPECT_EQ(late.message(), "took longer than --max-seconds-per-doc=60 (after parsing)");
}

TEST(Deadline, ZeroNeverExpires) { EXPECT_TRUE(Deadline(0, 1e6).Check("parsing").ok()); }

}  // namespace
}  // namespace winnow
