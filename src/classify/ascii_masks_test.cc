#include "classify/ascii_masks.h"

#include <gtest/gtest.h>

#include <random>

namespace winnow {
namespace {

// Every byte value, then random blocks, classified in 1 to 4 chunks of 16 bytes.
TEST(AsciiMasksTest, Sse2MatchesScalar) {
  std::mt19937 rng(11);
  char buf[64];
  for (int iter = 0; iter < 2000; ++iter) {
    for (char& c : buf) c = static_cast<char>(iter < 4 ? iter * 64 + (&c - buf) : rng());
    const int chunks = iter < 4 ? 4 : 1 + iter % 4;
    const AsciiMasks a = ClassifyBytes(buf, chunks), b = ClassifyBytesScalar(buf, chunks);
    EXPECT_EQ(a.space, b.space);
    EXPECT_EQ(a.alpha, b.alpha);
    EXPECT_EQ(a.upper, b.upper);
    EXPECT_EQ(a.digit, b.digit);
    EXPECT_EQ(a.non_ascii, b.non_ascii);
    EXPECT_EQ(a.terminal, b.terminal);
    EXPECT_EQ(a.closing, b.closing);
  }
}

}  // namespace
}  // namespace winnow
