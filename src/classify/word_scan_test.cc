#include "classify/word_scan.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <tuple>
#include <vector>

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
  const word_scan_internal::Build* v3 = word_scan_internal::V3();
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
        const size_t stop = word_scan_internal::kBaseline.count(in, readable, i, a);
        ASSERT_EQ(v3->count(in, readable, i, b), stop) << '"' << text << "\" from " << i;
        ASSERT_EQ(Counters(a), Counters(b)) << '"' << text << "\" from " << i;
        words += a.words;
        i = in.find(' ', stop);
        if (i != std::string_view::npos) ++i;
      }
    }
  }
  EXPECT_GT(words, 100000u);  // not vacuous
}

// The same for whole pages: CountAsciiLines' counts and bits, and CountAsciiRun from them.
TEST(WordScanTest, TheV3BuildCountsLinesAsTheBaselineOne) {
  const word_scan_internal::Build* v3 = word_scan_internal::V3();
  if (v3 == nullptr) GTEST_SKIP() << "no x86-64-v3 build, or this CPU cannot run it";
  const word_scan_internal::Build& baseline = word_scan_internal::kBaseline;
  const char* pieces[] = {
      "the ",  "The ", "OF ",  "and, ", "it's ", "x",    "Zz",
      "42 ",   "a1",   ".",    "! ",    "? ",    ",",    "(",
      ")",     "]",    "*",    "\"",    "'",     " ",    "\t",
      "U.S. ", "\n",   "\n\n", "é ",    "’",     "\r\n", "abcdefghijklmnopqrstuvwxyz"};
  std::mt19937 rng(37);
  size_t words = 0;
  for (int iter = 0; iter < 3000; ++iter) {
    std::string page;
    const size_t len = rng() % 1000;
    while (page.size() < len) page += pieces[rng() % std::size(pieces)];
    std::vector<Line> a, b;
    ComputeLines(page, 1u << 20, a);  // for the spans only
    for (Line& l : a) l = Line{.begin = l.begin, .end = l.end, .index = l.index};
    b = a;
    PageBits bits_a, bits_b;
    std::vector<uint32_t> others_a, others_b;
    baseline.count_lines(page, a, 100, bits_a, others_a);
    v3->count_lines(page, b, 100, bits_b, others_b);
    ASSERT_EQ(others_a, others_b) << '"' << page << '"';
    for (size_t i = 0; i < a.size(); ++i) {
      ASSERT_EQ(Counters(a[i]), Counters(b[i])) << '"' << page << "\" line " << i;
      words += a[i].words;
      Line run_a, run_b;
      ASSERT_EQ(baseline.sum_run(bits_a, a[i].begin, a[i].end, run_a),
                v3->sum_run(bits_b, b[i].begin, b[i].end, run_b));
      ASSERT_EQ(Counters(run_a), Counters(run_b)) << '"' << page << "\" line " << i;
    }
  }
  EXPECT_GT(words, 50000u);  // not vacuous
}

}  // namespace
}  // namespace winnow
