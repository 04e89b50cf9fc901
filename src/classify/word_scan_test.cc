#include "classify/word_scan.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <tuple>

namespace winnow {
namespace {

auto Counters(const Line& l) {
  return std::make_tuple(l.chars, l.words, l.alpha_words, l.caps_words, l.stop_words, l.digits,
                         l.nonspace, l.sentences);
}

// The two builds must count alike (line_test checks the one this CPU runs against a
// reference): on generated text, read in place in a larger buffer and with nothing readable
// past the end.
TEST(WordScanTest, TheV3BuildCountsAsTheBaselineOne) {
  const word_scan_internal::CountFn v3 = word_scan_internal::V3();
  if (v3 == nullptr) GTEST_SKIP() << "no x86-64-v3 build, or this CPU cannot run it";
  const char* pieces[] = {
      "the ", "The ",   "OF ", "and, ", "it's ", "x",  "Zz", "42 ",
      "a1",   ".",      "! ",  "? ",    ",",     "-",  "(",  ")",
      "]",    "*",      "\"",  "'",     " ",     "  ", "\t", "U.S. ",
      "... ", "well. ", "(A)", "@_",    "\r",    "é ", "’",  "abcdefghijklmnopqrstuvwxyz"};
  std::mt19937 rng(31);
  size_t words = 0;
  for (int iter = 0; iter < 20000; ++iter) {
    std::string text;
    const size_t len = rng() % 300;
    while (text.size() < len) text += pieces[rng() % std::size(pieces)];
    const std::string padded = text + std::string(64, 'x');
    for (size_t readable : {text.size(), padded.size()}) {
      const std::string_view in =
          std::string_view(readable == text.size() ? text : padded).substr(0, text.size());
      // As ComputeTextFeatures calls it: from each word the scan stopped at, skipped here, on.
      for (size_t i = 0; i < in.size();) {
        Line a, b;
        const size_t stop = word_scan_internal::CountBaseline(in, readable, i, a);
        ASSERT_EQ(v3(in, readable, i, b), stop) << '"' << text << "\" from " << i;
        ASSERT_EQ(Counters(a), Counters(b)) << '"' << text << "\" from " << i;
        words += a.words;
        i = in.find(' ', stop);
        if (i != std::string_view::npos) ++i;
      }
    }
  }
  EXPECT_GT(words, 100000u);  // not vacuous
}

}  // namespace
}  // namespace winnow
