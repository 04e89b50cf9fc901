#include "classify/ascii_masks.h"

#include <gtest/gtest.h>

#include <random>

namespace winnow {
namespace {

void ExpectSame(const AsciiMasks& a, const AsciiMasks& b) {
  EXPECT_EQ(a.space, b.space);
  EXPECT_EQ(a.alpha, b.alpha);
  EXPECT_EQ(a.upper, b.upper);
  EXPECT_EQ(a.digit, b.digit);
  EXPECT_EQ(a.non_ascii, b.non_ascii);
  EXPECT_EQ(a.terminal, b.terminal);
  EXPECT_EQ(a.closing, b.closing);
}

// Fills buf: every byte value in the first 4 iterations, then random bytes.
void Fill(int iter, std::mt19937& rng, char (&buf)[64]) {
  for (char& c : buf) c = static_cast<char>(iter < 4 ? iter * 64 + (&c - buf) : rng());
}

// Classified in 1 to 4 chunks of 16 bytes.
TEST(AsciiMasksTest, Sse2MatchesScalar) {
  std::mt19937 rng(11);
  char buf[64];
  for (int iter = 0; iter < 2000; ++iter) {
    Fill(iter, rng, buf);
    const int chunks = iter < 4 ? 4 : 1 + iter % 4;
    ExpectSame(ClassifyBytes(buf, chunks), ClassifyBytesScalar(buf, chunks));
  }
}

#if WINNOW_ASCII_MASKS_AVX2
// Classified in 1 or 2 halves of 32 bytes.
TEST(AsciiMasksTest, Avx2MatchesScalar) {
  __builtin_cpu_init();
  if (!__builtin_cpu_supports("avx2")) GTEST_SKIP() << "this CPU has no AVX2";
  std::mt19937 rng(12);
  char buf[64];
  for (int iter = 0; iter < 2000; ++iter) {
    Fill(iter, rng, buf);
    const int halves = iter < 4 ? 2 : 1 + iter % 2;
    ExpectSame(ClassifyBytesAvx2(buf, halves), ClassifyBytesScalar(buf, 2 * halves));
  }
}
#endif

}  // namespace
}  // namespace winnow
