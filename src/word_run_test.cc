#include "word_run.h"

#include <gtest/gtest.h>

#include <random>
#include <string>

namespace winnow {
namespace {

// One byte at a time: what WordRunEnd's sixteen-byte steps must agree with.
template <bool kDomSpaces>
size_t ReferenceEnd(std::string_view s, size_t i, uint32_t* spaces) {
  for (; i < s.size(); ++i) {
    if (!MayBeSpace<kDomSpaces>(s[i])) continue;
    if (s[i] != ' ' || i + 1 == s.size() || MayBeSpace<kDomSpaces>(s[i + 1])) break;
    ++i;
    ++*spaces;
  }
  return i;
}

TEST(WordRunTest, StopsAtWhitespaceThatCollapsingChanges) {
  uint32_t spaces = 0;
  const std::string text = "one two three four five six seven  eight";
  EXPECT_EQ(WordRunEnd<false>(text, 0, &spaces), text.find("  "));
  EXPECT_EQ(spaces, 6u);
  spaces = 0;
  EXPECT_EQ(WordRunEnd<false>("words and more words, then a tab\there", 0, &spaces), 32u);
  EXPECT_EQ(spaces, 6u);
  spaces = 0;
  EXPECT_EQ(WordRunEnd<false>("trailing space ", 0, &spaces), 14u);
  EXPECT_EQ(spaces, 1u);
}

TEST(WordRunTest, DomSpacesAlsoStopAtDelAndNbspLeadByte) {
  const std::string nbsp = "sixteen bytes of text\xC2\xA0then more";
  uint32_t spaces = 0;
  EXPECT_EQ(WordRunEnd<true>(nbsp, 0, &spaces), nbsp.find('\xC2'));
  EXPECT_EQ(spaces, 3u);
  spaces = 0;
  EXPECT_EQ(WordRunEnd<false>(nbsp, 0, &spaces), nbsp.size());
  EXPECT_EQ(spaces, 4u);
  const std::string del =
      "a word before a DEL\x7F"
      "and after";
  spaces = 0;
  EXPECT_EQ(WordRunEnd<true>(del, 0, &spaces), del.find('\x7F'));
  spaces = 0;
  EXPECT_EQ(WordRunEnd<false>(del, 0, &spaces), del.size());
}

// Random text over the bytes that matter, at every start, against the reference: runs that
// end in the first sixteen bytes, at a step's last byte, past it, and in the scalar tail.
template <bool kDomSpaces>
void ExpectSameAsReference() {
  const char alphabet[] = {'a',  'b',    ' ',    ' ',    ' ',    '\t',
                           '\n', '\x01', '\x7F', '\xC2', '\xA0', 'z'};
  std::mt19937 rng(7);
  for (int round = 0; round < 2000; ++round) {
    std::string s(rng() % 70, 'x');
    const unsigned rare = 4 + rng() % 20;  // how sparse the special bytes are
    for (char& c : s) {
      if (rng() % rare == 0) c = alphabet[rng() % sizeof(alphabet)];
      if (rng() % 5 == 0) c = ' ';
    }
    for (size_t start = 0; start <= s.size(); ++start) {
      uint32_t got_spaces = 0, want_spaces = 0;
      ASSERT_EQ(WordRunEnd<kDomSpaces>(s, start, &got_spaces),
                ReferenceEnd<kDomSpaces>(s, start, &want_spaces))
          << "start " << start << " in \"" << s << "\"";
      ASSERT_EQ(got_spaces, want_spaces) << "start " << start << " in \"" << s << "\"";
      ASSERT_EQ(WordRunEnd<kDomSpaces>(s, start, nullptr),
                ReferenceEnd<kDomSpaces>(s, start, &want_spaces));
    }
  }
}

TEST(WordRunTest, MatchesTheByteByByteReference) {
  ExpectSameAsReference<false>();
  ExpectSameAsReference<true>();
}

}  // namespace
}  // namespace winnow
