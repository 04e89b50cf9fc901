#include "classify/line.h"

#include <gtest/gtest.h>

#include <cstring>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "classify/stopwords.h"
#include "utf8.h"

namespace winnow {
namespace {

std::vector<Line> Lines(std::string_view page, size_t max_line_bytes = 1u << 20) {
  std::vector<Line> lines;
  ComputeLines(page, max_line_bytes, lines);
  return lines;
}

// The features of one line of text.
Line Features(std::string_view text) {
  std::vector<Line> lines = Lines(text);
  EXPECT_EQ(lines.size(), 1u) << text;
  return lines.empty() ? Line() : lines[0];
}

TEST(LineTest, WordsCharsAndNonspace) {
  Line l = Features("  Hello,   big world \t");
  EXPECT_EQ(l.words, 3u);
  EXPECT_EQ(l.chars, 18u);  // "Hello,   big world": trimmed, inner spaces counted
  EXPECT_EQ(l.nonspace, 14u);
}

TEST(LineTest, CharsCountCodePointsNotBytes) {
  Line l = Features("Zoë’s café");  // 14 bytes
  EXPECT_EQ(l.chars, 10u);
  EXPECT_EQ(l.nonspace, 9u);
  EXPECT_EQ(l.words, 2u);
}

TEST(LineTest, NonBreakingAndWideSpacesSeparateWords) {
  Line l = Features("one\u00A0two\u3000three\u2009four");
  EXPECT_EQ(l.words, 4u);
  EXPECT_EQ(l.chars, 18u);
  EXPECT_EQ(l.nonspace, 15u);
}

TEST(LineTest, AlphaAndCapsWords) {
  // alpha: The U.S. and (AP) said ‘Óscar’; caps: The U.S. (AP) ‘Óscar’; 3M and 42 start with
  // digits.
  Line l = Features("The U.S. and 3M (AP) said 42 ‘Óscar’");
  EXPECT_EQ(l.words, 8u);
  EXPECT_EQ(l.alpha_words, 6u);
  EXPECT_EQ(l.caps_words, 4u);
  EXPECT_FLOAT_EQ(l.CapsShare(), 4.f / 6.f);
}

TEST(LineTest, CapsOfGreekAndCyrillic) {
  Line l = Features("Αθήνα και Москва или город");
  EXPECT_EQ(l.alpha_words, 5u);
  EXPECT_EQ(l.caps_words, 2u);
}

TEST(LineTest, PunctuationOnlyWordsAreNeitherAlphaNorCaps) {
  Line l = Features("— * ... Yes");
  EXPECT_EQ(l.words, 4u);
  EXPECT_EQ(l.alpha_words, 1u);
  EXPECT_EQ(l.caps_words, 1u);
  EXPECT_FLOAT_EQ(Line().CapsShare(), 0.f);
}

TEST(LineTest, StopWordsIgnoreCasePunctuationAndCurlyApostrophes) {
  // He’s the one, and it's THE end: all but "end" are stop words.
  Line l = Features("He’s the one, and it's THE “end”");
  EXPECT_EQ(l.words, 7u);
  EXPECT_EQ(l.stop_words, 6u);
  EXPECT_FLOAT_EQ(l.StopShare(), 6.f / 7.f);
}

TEST(LineTest, StopWordsOfOtherLanguages) {
  struct Case {
    const char* text;
    uint32_t words, stop;
  };
  const Case cases[] = {
      {"Der Hund und die Katze sind nicht hier", 8, 5},   // der und die sind nicht
      {"Le chat est dans la maison", 6, 4},               // le est dans la
      {"El perro y la casa para los niños", 8, 5},        // el y la para los
      {"Het huis van de man is niet groot", 8, 5},        // het van de is niet
      {"Anak itu pergi ke sekolah dengan ibunya", 7, 3},  // itu ke dengan
      {"Ragazzi che non sono per strada", 6, 4},          // che non sono per
      {"Für die Kinder über alles", 5, 3},                // für die über
  };
  for (const Case& c : cases) {
    Line l = Features(c.text);
    EXPECT_EQ(l.words, c.words) << c.text;
    EXPECT_EQ(l.stop_words, c.stop) << c.text;
  }
}

// WordCore promises to drop leading and trailing punctuation; curly double quotes are UTF-8
// (bytes >= 0x80) and stay, so the stop words that open and close quotes are missed.
TEST(LineTest, StopWordsInsideCurlyDoubleQuotes) {
  Line l = Features("“We did it,” she said.");
  EXPECT_EQ(l.words, 5u);
  EXPECT_EQ(l.stop_words, 5u);  // we did it she said
}

TEST(LineTest, WordsWithDigitsAndNineLetterWordsAreNotStopWords) {
  // Letters-and-digits words are packed directly; a digit must not turn into a letter.
  EXPECT_EQ(Features("a1 Ab0ut abcdefghi 0f THE").stop_words, 1u);
}

TEST(LineTest, ContentWordsAndLongTokensAreNotStopWords) {
  EXPECT_EQ(Features("Ukraine Russia diplomacy sanctions").stop_words, 0u);
  EXPECT_EQ(Features(std::string(40, 'a')).stop_words, 0u);
  EXPECT_EQ(Features("the" + std::string(40, '-')).stop_words, 1u) << "punctuation is stripped";
  EXPECT_EQ(Features("(the)").stop_words, 1u);
  EXPECT_FLOAT_EQ(Line().StopShare(), 0.f);
}

TEST(LineTest, AsciiDigits) {
  Line l = Features("Call 555-1234 now");
  EXPECT_EQ(l.digits, 7u);
  EXPECT_EQ(l.nonspace, 15u);
  EXPECT_FLOAT_EQ(l.DigitShare(), 7.f / 15.f);
  EXPECT_EQ(Features("٣ ٤").digits, 0u) << "only ASCII digits count";
  EXPECT_FLOAT_EQ(Line().DigitShare(), 0.f);
}

TEST(LineTest, TerminalPunctuationSkipsClosingQuotesAndBrackets) {
  struct Case {
    const char* text;
    bool terminal;
  };
  const Case cases[] = {
      {"He left.", true},        {"He said “yes.”", true},
      {"(See page 3.)", true},   {"Is it?'", true},
      {"Stop!\"]", true},        {"Wait…", true},
      {"Footnote.*", true},      {"«Oui.»", true},
      {"\"Hello\"", false},      {"a list, of things,", false},
      {"Breaking: news", false}, {"3.5", false},
  };
  for (const Case& c : cases) EXPECT_EQ(Features(c.text).terminal, c.terminal) << c.text;
}

TEST(LineTest, SentencesAreMarksFollowedBySpaceOrEnd) {
  struct Case {
    const char* text;
    uint32_t sentences;
  };
  const Case cases[] = {
      {"One. Two! Three? Four", 3},
      {"One. Two! Three? Four.", 4},
      {"He said “No.” Then he left.", 2},
      {"Growth was 3.5 percent", 0},
      {"Wait… what", 1},
      {"No mark at all", 0},
      {"Dr. Smith went home.", 2},  // abbreviations count: it is a shallow feature
  };
  for (const Case& c : cases) EXPECT_EQ(Features(c.text).sentences, c.sentences) << c.text;
}

TEST(LineTest, CjkCharactersAreWordsAndFullWidthMarksEndSentences) {
  Line l = Features("东京下雨。大阪晴れ。");
  EXPECT_EQ(l.sentences, 2u);
  EXPECT_TRUE(l.terminal);
  Line plain = Features("东京下雨");
  EXPECT_EQ(plain.words, 4u);
  EXPECT_EQ(plain.alpha_words, 4u);
  EXPECT_EQ(plain.caps_words, 0u);
  EXPECT_FALSE(plain.terminal);
  EXPECT_EQ(plain.sentences, 0u);
}

// A full-width mark is punctuation, like "." after a Latin word: not a word of its own, and
// certainly not a word with letters.
TEST(LineTest, FullWidthMarksAreNotWords) {
  Line l = Features("东京下雨。大阪晴れ。");
  EXPECT_EQ(l.words, 8u);
  EXPECT_EQ(l.alpha_words, 8u);
}

TEST(LineTest, BlankBeforeAndAfter) {
  std::vector<Line> l = Lines("A\nB\n\nC\n \t \nD");
  ASSERT_EQ(l.size(), 4u);
  EXPECT_TRUE(l[0].blank_before);  // the start of the page
  EXPECT_FALSE(l[0].blank_after);
  EXPECT_FALSE(l[1].blank_before);
  EXPECT_TRUE(l[1].blank_after);
  EXPECT_TRUE(l[2].blank_before);
  EXPECT_TRUE(l[2].blank_after);  // a whitespace-only line is blank
  EXPECT_TRUE(l[3].blank_before);
  EXPECT_TRUE(l[3].blank_after);  // the end of the page
}

TEST(LineTest, SameAsFirstComparesTrimmedText) {
  std::vector<Line> l = Lines("Title\nBody text\nTitle\n  Title \t\nTitle!\ntitle");
  ASSERT_EQ(l.size(), 6u);
  const bool want[] = {false, false, true, true, false, false};
  for (size_t i = 0; i < l.size(); ++i) EXPECT_EQ(l[i].same_as_first, want[i]) << i;
}

TEST(LineTest, LineNumbersCountBlankLinesAndCrlf) {
  const std::string page = "\r\nA\r\n\r\n  B  \r\n   \r\nC";
  std::vector<Line> l = Lines(page);
  ASSERT_EQ(l.size(), 3u);
  const uint32_t numbers[] = {2, 4, 6};
  const char* texts[] = {"A", "B", "C"};
  for (size_t i = 0; i < 3; ++i) {
    EXPECT_EQ(l[i].number, numbers[i]) << i;
    EXPECT_EQ(l[i].index, i);
    EXPECT_EQ(l[i].Text(page), texts[i]) << "trimmed of spaces and \\r";
    EXPECT_FALSE(l[i].after_prose) << "after_prose is the classifier's";
  }
  EXPECT_EQ(l[1].chars, 1u);
}

TEST(LineTest, EmptyAndBlankPagesHaveNoLines) {
  EXPECT_TRUE(Lines("").empty());
  EXPECT_TRUE(Lines("\n\n \r\n\t").empty());
  EXPECT_EQ(Lines("A").size(), 1u);
  EXPECT_EQ(Lines("A\n").size(), 1u);
}

TEST(LineTest, ComputeLinesClearsItsOutput) {
  std::vector<Line> lines(5);
  ComputeLines("only one", 100, lines);
  EXPECT_EQ(lines.size(), 1u);
}

TEST(LineTest, MaxLinesCountsNonBlankLines) {
  std::vector<Line> lines;
  const std::string page = "one\n\n  \ntwo\nthree\n\n";
  EXPECT_TRUE(ComputeLines(page, 100, lines, 3));
  EXPECT_EQ(lines.size(), 3u);
  EXPECT_FALSE(ComputeLines(page, 100, lines, 2));
  EXPECT_TRUE(lines.empty());
  EXPECT_FALSE(ComputeLines(page, 100, lines, 0));
  EXPECT_TRUE(ComputeLines("\n \n", 100, lines, 0));
}

TEST(LineTest, MaxLineBytesCapsFeaturesNotText) {
  const std::string page = "first\naaa bbb ccc ddd. eee\nlast";
  std::vector<Line> l = Lines(page, 7);
  ASSERT_EQ(l.size(), 3u);
  EXPECT_EQ(l[1].Text(page), "aaa bbb ccc ddd. eee") << "the whole line is kept";
  EXPECT_EQ(l[1].words, 2u) << "features read the first 7 bytes: \"aaa bbb\"";
  EXPECT_EQ(l[1].chars, 7u);
  EXPECT_EQ(l[1].sentences, 0u);
  EXPECT_EQ(l[2].number, 3u);
  EXPECT_EQ(l[2].words, 1u);
  // A cap inside a multi-byte character does not read past the cap.
  std::vector<Line> u = Lines("ééé", 3);
  ASSERT_EQ(u.size(), 1u);
  EXPECT_LE(u[0].chars, 2u);
  EXPECT_EQ(u[0].end - u[0].begin, 6u);
}

TEST(LineTest, ComputeTextFeaturesOnASegment) {
  Line l;
  ComputeTextFeatures("Maps of Russia’s invasion", l);
  EXPECT_EQ(l.words, 4u);
  EXPECT_EQ(l.caps_words, 2u);
  EXPECT_EQ(l.stop_words, 1u);
  EXPECT_EQ(l.number, 0u) << "positions are left for the caller";
  EXPECT_FALSE(l.blank_before);
}

// The features read code point by code point, as plainly as possible: what the word-at-a-time
// ComputeTextFeatures must reproduce.
Line ReferenceFeatures(std::string_view text) {
  auto closing = [](char32_t c) {
    return c == '"' || c == '\'' || c == ')' || c == ']' || c == 0x201D || c == 0x2019 ||
           c == 0xBB || c == '*';
  };
  auto cjk = [](char32_t c) {
    return (c >= 0x3040 && c <= 0x30FF) || (c >= 0x3400 && c <= 0x9FFF) ||
           (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x2FFFF);
  };
  auto cjk_punct = [](char32_t c) {
    return (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF01 && c <= 0xFF0F) ||
           (c >= 0xFF1A && c <= 0xFF20) || (c >= 0xFF3B && c <= 0xFF40) ||
           (c >= 0xFF5B && c <= 0xFF65);
  };
  auto cjk_terminal = [](char32_t c) { return c == 0x3002 || c == 0xFF01 || c == 0xFF1F; };
  auto terminal = [](char32_t c) { return c == '.' || c == '!' || c == '?' || c == 0x2026; };
  auto stop = [](std::string w) {
    auto core = [](unsigned char c) { return c >= 0x80 || std::isalnum(c); };
    for (size_t q; (q = w.find("\u2019")) != std::string::npos;) w.replace(q, 3, "'");
    auto curly = [&](size_t i) {  // ‘ ’ “ ” at w[i]; ’ is ' by now
      return w.compare(i, 3, "\u2018") == 0 || w.compare(i, 3, "\u201C") == 0 ||
             w.compare(i, 3, "\u201D") == 0;
    };
    for (;;) {  // strip leading and trailing punctuation and curly quotes
      if (!w.empty() && !core(w[0])) {
        w.erase(0, 1);
      } else if (curly(0)) {
        w.erase(0, 3);
      } else if (!w.empty() && !core(w.back())) {
        w.pop_back();
      } else if (w.size() >= 3 && curly(w.size() - 3)) {
        w.resize(w.size() - 3);
      } else {
        break;
      }
    }
    for (char& c : w) c = (c >= 'A' && c <= 'Z') ? c + 32 : c;
    return IsStopWord(w);
  };
  Line l;
  char32_t last = 0;
  std::string word;
  bool first_seen = false;
  auto end_word = [&] {
    if (word.empty()) return;
    ++l.words;
    l.stop_words += stop(word);
    word.clear();
  };
  for (size_t i = 0; i < text.size();) {
    const size_t at = i;
    const char32_t c = utf8::Next(text, i);
    ++l.chars;
    if (utf8::IsSpace(c)) {
      l.sentences += terminal(last);
      last = 0;
      end_word();
      continue;
    }
    ++l.nonspace;
    l.digits += c >= '0' && c <= '9';
    if (cjk(c) || cjk_punct(c)) {
      end_word();
      l.words += cjk(c);
      l.alpha_words += cjk(c);
      l.sentences += cjk_terminal(c);
      last = c;
      continue;
    }
    if (word.empty()) first_seen = false;
    word.append(text.substr(at, i - at));
    if (!first_seen && (utf8::IsUpper(c) || utf8::IsLower(c) || c > 0x2E7F)) {
      ++l.alpha_words;
      l.caps_words += utf8::IsUpper(c);
    }
    first_seen =
        first_seen || utf8::IsUpper(c) || utf8::IsLower(c) || c > 0x2E7F || (c >= '0' && c <= '9');
    if (!closing(c)) last = c;
  }
  end_word();
  l.terminal = terminal(last) || cjk_terminal(last);
  l.sentences += terminal(last);
  return l;
}

// The features ComputeTextFeatures sets.
std::vector<uint32_t> Counters(const Line& l) {
  return {l.chars,  l.words,    l.alpha_words, l.caps_words, l.stop_words,
          l.digits, l.nonspace, l.sentences,   l.terminal};
}

void ExpectSameFeatures(std::string_view text) {
  Line got, want = ReferenceFeatures(text);
  // From an allocation of exactly its size: a sanitizer build catches reads past the text.
  std::unique_ptr<char[]> copy(new char[text.size()]);
  std::memcpy(copy.get(), text.data(), text.size());
  ComputeTextFeatures(std::string_view(copy.get(), text.size()), got);
  EXPECT_EQ(Counters(got), Counters(want)) << '"' << text << "\" (" << text.size() << " bytes)";
}

// Words crossing the 16-byte chunks and 64-byte windows of the scan, at every offset; the
// text is a view into a longer buffer, so bytes past its end must not count.
TEST(LineTest, WordsAcrossChunkAndWindowBoundaries) {
  const std::string tails[] = {"the",        "The, ",     "(it's)",     "Don\u2019t.\" 42",
                               "a1b2",       "x.)",       "über der",   "東京 the",
                               "abcdefghij", "*\"",       "Wait…",      "(\"Hello",
                               "U.S.A.",     "“the”",     "ab\u00A0cd", "the\u3000of",
                               "...",        "?!'\" x",   "--(--",      "3.5% 7",
                               "\"Yes.\"",   "Go.*]) A.", "\t\r\v"};
  for (const std::string& tail : tails) {
    for (size_t k = 0; k <= 140; ++k) {
      const std::string buf = std::string(k, 'x') + " " + tail + " of It. " + std::string(k, 'y');
      for (size_t cut = k; cut <= buf.size(); cut += 3) {
        ExpectSameFeatures(std::string_view(buf).substr(0, cut));
        ExpectSameFeatures(std::string_view(buf).substr(k % 7, cut - k % 7));
      }
    }
  }
  ExpectSameFeatures(std::string(64, 'a') + " the " + std::string(200, 'B') + ".");
  ExpectSameFeatures(std::string(63, ' ') + "the" + std::string(70, '\t') + "end.");
}

// Words of 60 to 70 bytes (the ASCII scan leaves words of 64 bytes or more to the code point
// scan) at every offset, with a stop word or a sentence mark inside their punctuation.
TEST(LineTest, WordsNearTheWindowSize) {
  for (size_t len = 60; len <= 70; ++len) {
    const std::string words[] = {
        std::string(len - 3, '-') + "the", "(" + std::string(len - 3, 'a') + ".)",
        "\"" + std::string(len - 2, '.') + "\"", "The" + std::string(len - 3, '*')};
    for (const std::string& word : words) {
      for (size_t k = 0; k <= 70; ++k) {
        ExpectSameFeatures(std::string(k, 'x') + " " + word);
        ExpectSameFeatures(std::string(k, ' ') + word + " of.");
        ExpectSameFeatures(std::string(k, 'y') + " " + word + "\u00E9 it");
      }
    }
  }
}

// A text of rng() % max_len bytes (its last piece may be cut mid-character) from random
// pieces; the last `rare` pieces are picked a quarter as often as the others.
template <size_t N>
std::string RandomText(std::mt19937& rng, const char* (&pieces)[N], size_t max_len, size_t rare) {
  std::string text;
  const size_t len = rng() % max_len;
  while (text.size() < len) {
    const size_t piece = rng() % N;
    if (piece + rare >= N && rng() % 4) continue;
    text += pieces[piece];
  }
  text.resize(len);
  return text;
}

// Random lines of 0..200 bytes from pieces of every class: letters of both cases, digits,
// stop words, punctuation, closing marks, spaces, multi-byte letters, CJK, wide spaces and
// broken UTF-8.
TEST(LineTest, MatchesReferenceOnGeneratedLines) {
  const char* pieces[] = {
      "the",    "The",      "OF",     "and",         "it's",   "don\u2019t", "x",         "Zz",
      "über",   "ÄB",       "é",      "42",          "7",      "a1",         ".",         "!",
      "?",      ",",        "-",      "(",           ")",      "]",          "*",         "\"",
      "'",      "…",        "»",      "\u201D",      "\u2018", "东",         "京",        "。",
      "、",     "！",       " ",      " ",           "  ",     "\t",         "\r",        "\u00A0",
      "\u3000", "\n",       "\v",     "@",           "_",      "\x01",       "\x7F",      "\xFF",
      "\xC3",   "\xE2\x80", "Москва", "abcdefghijk", "Hello",  "well.",      "Althoughs",
  };
  std::mt19937 rng(7);
  for (int iter = 0; iter < 20000; ++iter) ExpectSameFeatures(RandomText(rng, pieces, 201, 0));
}

// The same for long, mostly ASCII lines, so that runs of ASCII words cross many windows;
// now and then a non-ASCII piece cuts a run.
TEST(LineTest, MatchesReferenceOnGeneratedAsciiLines) {
  const char* pieces[] = {
      "the ", "The ", "of ",     "and, ", "it's ", "x ",   "Zz",     "42 ",       "a1",
      ".",    "!",    "? ",      ",",     "-",     "(",    ")",      "]",         "*",
      "\"",   "'",    " ",       "  ",    "\t",    "U.S.", "... ",   "Althoughs", "well. ",
      "(A)",  "\r",   "that's ", "@_",    "’",     "é ",   "\u00A0", "東",
  };
  std::mt19937 rng(17);
  for (int iter = 0; iter < 20000; ++iter) ExpectSameFeatures(RandomText(rng, pieces, 400, 3));
}

// ComputeLines counts a page's ASCII lines in one pass over the page and the others from its
// bits up to their first non-ASCII word: each line must count as its text alone, whatever
// lies before and after it, at any offset from the page's 64-byte blocks. Bytes past a line
// (or past max_line_bytes) must not count.
TEST(LineTest, LinesOfAPageMatchTheirTextAlone) {
  const std::string long_word(70, 'w');
  const std::string dotted = "the" + std::string(66, '.') + "x";  // a core past one block
  const char* pieces[] = {
      "the ",    "Of, ",       "x",      "well. ",     "(A) ",
      "\"",      "é",          "東",     "\u00A0",     "\n",
      "\n",      " ",          "42",     "’",          "abcdefghijklmnopqrstuvwxyz",
      "\r\n",    "\t",         "\v",     "said.\" ",   "Yes!) ",
      "it’s ",   "\u00A0the ", "…",      "U.S. ",      "and* ",
      "a8 ",     "thE'",       "It's. ", "abcdefgh1 ", "the-of ",
      "theory ", "Although, "};
  std::mt19937 rng(23);
  std::string page;
  for (int iter = 0; iter < 3000; ++iter) {
    page.clear();
    const size_t len = rng() % 1500;
    while (page.size() < len) {
      const size_t piece = rng() % (std::size(pieces) + 2);
      page += piece < std::size(pieces)    ? pieces[piece]
              : piece == std::size(pieces) ? long_word
                                           : dotted;
    }
    for (size_t cap : {size_t{1} << 20, size_t{70}, size_t{9}}) {
      for (const Line& l : Lines(page, cap)) {
        const std::string_view text =
            std::string_view(page).substr(l.begin, std::min<size_t>(l.end - l.begin, cap));
        ASSERT_EQ(Counters(l), Counters(ReferenceFeatures(text))) << '"' << text << '"';
      }
    }
  }
}

}  // namespace
}  // namespace winnow
