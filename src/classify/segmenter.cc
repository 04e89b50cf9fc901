#include "classify/segmenter.h"

#include <algorithm>
#include <array>

#include "utf8.h"

namespace winnow {
namespace {

// Words a headline rarely ends on (prepositions, conjunctions, auxiliaries): a boundary after
// one is inside a sentence, not after a headline.
constexpr std::array<std::string_view, 92> kFunctionWords = {
    "a",       "an",     "the",    "of",    "to",    "in",    "on",    "at",    "for",   "from",
    "by",      "with",   "and",    "or",    "but",   "as",    "is",    "are",   "was",   "were",
    "be",      "been",   "that",   "this",  "these", "those", "it",    "its",   "his",   "her",
    "their",   "our",    "your",   "my",    "into",  "over",  "under", "about", "after", "before",
    "since",   "than",   "then",   "if",    "not",   "no",    "so",    "up",    "out",   "off",
    "per",     "via",    "vs",     "until", "while", "when",  "where", "which", "who",   "whom",
    "whose",   "what",   "why",    "how",   "also",  "has",   "have",  "had",   "will",  "would",
    "can",     "could",  "should", "may",   "might", "must",  "do",    "does",  "did",   "said",
    "says",    "told",   "he",     "she",   "they",  "we",    "i",     "you",   "being", "among",
    "through", "against"};

// Words headlines leave out (articles, auxiliaries, pronouns, and the "and" of a compound
// subject such as "Joe Biden and Russian leader Vladimir Putin"): seen after a candidate's
// first word, the candidate is a sentence.
constexpr std::array<std::string_view, 44> kNotInHeadline = {
    "and", "or",    "the",   "a",      "an",   "is",    "are",   "was",   "were", "has",  "have",
    "had", "will",  "would", "should", "can",  "could", "may",   "might", "must", "do",   "does",
    "did", "been",  "be",    "being",  "he",   "she",   "they",  "we",    "i",    "you",  "his",
    "her", "their", "our",   "my",     "your", "who",   "which", "that",  "said", "says", "told"};

bool IsOpeningQuote(char32_t c) { return c == '"' || c == 0x201C || c == 0x2018 || c == '\''; }
bool IsClosingMark(char32_t c) {
  return c == '"' || c == '\'' || c == 0x201D || c == 0x2019 || c == ')' || c == ']';
}

// The last code point of a word once closing quotes and brackets are skipped.
char32_t LastMarkForward(std::string_view w) {
  char32_t last = 0;
  for (size_t i = 0; i < w.size();) {
    char32_t c = utf8::Next(w, i);
    if (!IsClosingMark(c)) last = c;
  }
  return last;
}

// The same, read from the end (every word of a long line is asked): each code point from its
// lead byte. Forward decoding starts a code point at every lead byte too, so where one decodes
// exactly to the end of the rest the answer is the same; where not (invalid UTF-8), ask
// LastMarkForward.
char32_t LastMark(std::string_view w) {
  size_t end = w.size();
  while (end > 0) {
    size_t start = end - 1;
    while (start > 0 && end - start < 4 && (static_cast<unsigned char>(w[start]) & 0xC0) == 0x80) {
      --start;
    }
    size_t i = start;
    const char32_t c = utf8::Next(w, i);
    if (i != end) return LastMarkForward(w);
    if (!IsClosingMark(c)) return c;
    end = start;
  }
  return 0;
}

// The first code point after opening quotes; sets `quoted` if there were any.
char32_t FirstLetter(std::string_view w, bool* quoted) {
  size_t i = 0;
  *quoted = false;
  while (i < w.size()) {
    char32_t c = utf8::Next(w, i);
    if (!IsOpeningQuote(c)) return c;
    *quoted = true;
  }
  return 0;
}

// ASCII-lowercased word without surrounding quotes and punctuation, in buf.
std::string_view Core(std::string_view w, char* buf, size_t cap) {
  size_t b = 0, e = w.size();
  auto letter = [](unsigned char c) { return c >= 0x80 || std::isalnum(c); };
  while (b < e && !letter(w[b])) ++b;
  while (e > b && !letter(w[e - 1])) --e;
  // Curly quotes are multi-byte: strip the UTF-8 of ‘ ’ “ ” from both ends too.
  auto curly = [](std::string_view s) {
    return s.size() >= 3 && s[0] == '\xE2' && s[1] == '\x80' &&
           (s[2] == '\x98' || s[2] == '\x99' || s[2] == '\x9C' || s[2] == '\x9D');
  };
  while (e - b >= 3 && curly(w.substr(b))) b += 3;
  while (e - b >= 3 && curly(w.substr(e - 3))) e -= 3;
  size_t n = std::min(e - b, cap);
  for (size_t i = 0; i < n; ++i) {
    char c = w[b + i];
    buf[i] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
  }
  return std::string_view(buf, n);
}

template <size_t N>
bool In(const std::array<std::string_view, N>& list, std::string_view w) {
  return std::find(list.begin(), list.end(), w) != list.end();
}

bool EndsSentence(std::string_view w) {
  char32_t c = LastMark(w);
  return c == '.' || c == '!' || c == '?';
}

bool IsClausePunct(char32_t c) { return c == ',' || c == ';' || c == '.' || c == '!' || c == '?'; }

// Index (relative to sentence start s) of the headline boundary in words[s, e), or 0.
size_t FindBoundary(const std::vector<std::string_view>& words, size_t s, size_t e,
                    const Settings& st) {
  size_t min_words = static_cast<size_t>(st.headline_min_words);
  size_t max_words = static_cast<size_t>(st.headline_max_words);
  size_t min_rest = static_cast<size_t>(st.headline_min_rest_words);
  char buf[32];
  size_t best = 0;
  size_t caps = 0;
  for (size_t b = 1; b <= max_words && s + b < e; ++b) {
    std::string_view prev = words[s + b - 1];
    // Grow the candidate headline words[s, s+b) by prev.
    bool quoted;
    if (utf8::IsUpper(FirstLetter(prev, &quoted))) ++caps;
    char32_t prev_mark = LastMark(prev);
    if (IsClausePunct(prev_mark)) break;  // no candidate may hold clause punctuation
    if (b > 1 && In(kNotInHeadline, Core(prev, buf, sizeof buf))) break;
    if (b < min_words || e - (s + b) < min_rest) continue;
    std::string_view tok = words[s + b];
    char32_t first = FirstLetter(tok, &quoted);
    if (!utf8::IsUpper(first)) continue;
    if (!quoted) {
      bool q2;
      if (s + b + 1 >= e || !utf8::IsLower(FirstLetter(words[s + b + 1], &q2))) continue;
    }
    if (prev_mark == ':' || prev_mark == '-' || prev_mark == 0x2014 || prev_mark == 0x2013) {
      continue;
    }
    if (In(kFunctionWords, Core(prev, buf, sizeof buf))) continue;
    if (IsClausePunct(LastMark(tok)) || LastMark(tok) == ':') continue;
    if (caps < st.headline_min_caps) continue;
    best = b;
  }
  return best;
}

}  // namespace

void FindGluedHeadlines(std::string_view text, const Settings& settings, std::vector<Span>& out) {
  if (settings.glued_headlines == 0) return;
  thread_local std::vector<std::string_view> words;
  words.clear();
  for (size_t i = 0; i < text.size();) {
    while (i < text.size() && text[i] == ' ') ++i;
    size_t b = i;
    while (i < text.size() && text[i] != ' ') ++i;
    if (i > b) words.push_back(text.substr(b, i - b));
  }
  if (words.size() < settings.segment_min_words) return;
  size_t start = 0;
  while (start < words.size()) {
    size_t end = start;
    while (end < words.size() && !EndsSentence(words[end])) ++end;
    end = std::min(end + 1, words.size());
    if (start > 0) {
      if (size_t b = FindBoundary(words, start, end, settings)) {
        uint32_t from = static_cast<uint32_t>(words[start].data() - text.data());
        uint32_t to = static_cast<uint32_t>(words[start + b].data() - text.data());
        out.push_back({from, to});
      }
    }
    start = end;
  }
}

}  // namespace winnow
