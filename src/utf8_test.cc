#include "utf8.h"

#include <gtest/gtest.h>

#include <string>

namespace winnow::utf8 {
namespace {

TEST(Utf8Test, ValidAndInvalidSequences) {
  EXPECT_TRUE(IsValid(""));
  EXPECT_TRUE(IsValid("plain ASCII, and \x7F"));
  EXPECT_TRUE(IsValid("Zo\xC3\xAB \xE2\x80\x94 \xF0\x9F\x98\x80 \xF4\x8F\xBF\xBF"));
  EXPECT_FALSE(IsValid("\x80"));                          // a lone continuation byte
  EXPECT_FALSE(IsValid("\xC3"));                          // truncated
  EXPECT_FALSE(IsValid("\xC0\xAF"));                      // overlong
  EXPECT_FALSE(IsValid("\xE0\x80\xAF"));                  // overlong
  EXPECT_FALSE(IsValid("\xED\xA0\x80"));                  // a surrogate
  EXPECT_FALSE(IsValid("\xF4\x90\x80\x80"));              // above U+10FFFF
  EXPECT_FALSE(IsValid("\xF5\x80\x80\x80"));              // no such lead byte
  EXPECT_FALSE(IsValid(std::string(100, 'a') + "\xFF"));  // past the first SIMD block
}

TEST(Utf8Test, IsValidAgreesWithTheRepairOnRandomBytes) {
  // AppendRepaired reads sequence by sequence; IsValid must call valid exactly the strings
  // it would leave alone.
  const std::string pieces[] = {"a",    " ",    "\xC3\xA9", "\xE2\x80\x94", "\xF0\x9F\x98\x80",
                                "\x80", "\xC3", "\xE0\x80", "\xED\xA0\x80", "\xF4\x90",
                                "\xFF"};
  uint32_t seed = 7;
  for (int round = 0; round < 5000; ++round) {
    std::string s;
    for (int k = 0; k < round % 90; ++k) {
      seed = seed * 1664525u + 1013904223u;
      // Mostly valid pieces, so that long valid strings are tested too.
      size_t pick = (seed >> 16) % 100 < 97 ? (seed >> 8) % 5 : 5 + (seed >> 8) % 6;
      s += pieces[pick];
    }
    std::string repaired;
    EXPECT_EQ(IsValid(s), AppendRepaired(s, repaired) == 0) << round;
  }
}

TEST(Utf8Test, RepairReplacesEachBadSequence) {
  std::string out;
  EXPECT_EQ(AppendRepaired("a\x80"
                           "b\xC3",
                           out),
            2u);
  EXPECT_EQ(out,
            "a\xEF\xBF\xBD"
            "b\xEF\xBF\xBD");
}

}  // namespace
}  // namespace winnow::utf8
