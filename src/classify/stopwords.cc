#include "classify/stopwords.h"

#include <string>

namespace winnow {
namespace {

using stopwords_internal::StopBucket;
using stopwords_internal::StopTable;

// Short, frequent function words only: content words would make menus look like prose.
constexpr const char* kStopWords[] = {
    // English
    "a",
    "about",
    "above",
    "after",
    "again",
    "against",
    "all",
    "also",
    "am",
    "an",
    "and",
    "any",
    "are",
    "as",
    "at",
    "be",
    "because",
    "been",
    "before",
    "being",
    "below",
    "between",
    "both",
    "but",
    "by",
    "can",
    "could",
    "did",
    "do",
    "does",
    "doing",
    "down",
    "during",
    "each",
    "even",
    "few",
    "for",
    "from",
    "further",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "herself",
    "him",
    "himself",
    "his",
    "how",
    "i",
    "if",
    "in",
    "into",
    "is",
    "it",
    "it's",
    "its",
    "itself",
    "just",
    "last",
    "like",
    "many",
    "may",
    "me",
    "might",
    "more",
    "most",
    "much",
    "must",
    "my",
    "myself",
    "never",
    "no",
    "nor",
    "not",
    "now",
    "of",
    "off",
    "on",
    "once",
    "one",
    "only",
    "or",
    "other",
    "our",
    "ours",
    "out",
    "over",
    "own",
    "said",
    "same",
    "says",
    "she",
    "should",
    "since",
    "so",
    "some",
    "still",
    "such",
    "than",
    "that",
    "the",
    "their",
    "theirs",
    "them",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "though",
    "through",
    "to",
    "too",
    "under",
    "until",
    "up",
    "us",
    "very",
    "was",
    "we",
    "well",
    "were",
    "what",
    "when",
    "where",
    "whether",
    "which",
    "while",
    "who",
    "whom",
    "whose",
    "why",
    "will",
    "with",
    "would",
    "yet",
    "you",
    "your",
    "yours",
    "don't",
    "didn't",
    "can't",
    "won't",
    "isn't",
    "wasn't",
    "we're",
    "they're",
    "i'm",
    "there's",
    "that's",
    "he's",
    "she's",
    "what's",
    "let's",
    "however",
    "although",
    "another",
    "every",
    "first",
    "new",
    "two",
    "three",
    "around",
    "across",
    "among",
    "back",
    "made",
    "make",
    "get",
    "got",
    "way",
    // German
    "der",
    "die",
    "das",
    "und",
    "ist",
    "nicht",
    "ein",
    "eine",
    "einen",
    "dem",
    "den",
    "des",
    "mit",
    "sich",
    "auf",
    "für",
    "von",
    "zu",
    "im",
    "es",
    "auch",
    "wird",
    "werden",
    "sind",
    "sie",
    "er",
    "wir",
    "ich",
    "als",
    "bei",
    "nach",
    "wie",
    "aus",
    "oder",
    "aber",
    "noch",
    "nur",
    "über",
    "hat",
    "haben",
    "kann",
    "dass",
    "zum",
    "zur",
    "wenn",
    "vor",
    "so",
    // French
    "le",
    "la",
    "les",
    "de",
    "des",
    "du",
    "un",
    "une",
    "et",
    "est",
    "en",
    "que",
    "qui",
    "dans",
    "pour",
    "pas",
    "sur",
    "au",
    "aux",
    "il",
    "elle",
    "ce",
    "se",
    "ne",
    "par",
    "plus",
    "sont",
    "avec",
    "mais",
    "ou",
    "nous",
    "vous",
    "ils",
    "leur",
    "été",
    // Spanish / Portuguese / Italian
    "el",
    "los",
    "las",
    "y",
    "del",
    "por",
    "con",
    "para",
    "una",
    "es",
    "lo",
    "como",
    "más",
    "pero",
    "sus",
    "su",
    "al",
    "fue",
    "ha",
    "son",
    "o",
    "e",
    "os",
    "as",
    "um",
    "uma",
    "não",
    "com",
    "mais",
    "il",
    "di",
    "che",
    "non",
    "per",
    "sono",
    "della",
    "nel",
    "anche",
    "gli",
    // Dutch
    "het",
    "een",
    "van",
    "en",
    "dat",
    "niet",
    "zijn",
    "op",
    "te",
    "voor",
    "met",
    "ook",
    "wordt",
    // Indonesian / Malay
    "yang",
    "dan",
    "di",
    "ini",
    "itu",
    "dengan",
    "untuk",
    "dari",
    "dalam",
    "tidak",
    "ke",
    "akan",
    "pada",
    "juga",
    "ada",
    "atau",
    "oleh",
    "karena",
    "saat",
    "bisa",
    "sudah",
};

constexpr bool AllFitInKey() {
  for (const char* w : kStopWords) {
    if (std::char_traits<char>::length(w) > 8) return false;
  }
  return true;
}
static_assert(AllFitInKey(), "a stop word must fit in the 8-byte key");

constexpr bool AllLowerLetters() {
  for (std::string_view w : kStopWords) {
    const unsigned char first = w[0];
    if (first < 0x80 && (first < 'a' || first > 'z')) return false;
    for (const unsigned char c : w) {
      if (c < 0x80 && c != '\'' && (c < 'a' || c > 'z')) return false;
    }
  }
  return true;
}
static_assert(AllLowerLetters(), "a stop word must start with a letter and have only a-z and '");

// Little-endian packing, as the lookups load words (IsStopWordToken, line.cc).
constexpr uint64_t Pack(std::string_view w) {
  uint64_t key = 0;
  for (size_t i = 0; i < w.size(); ++i) key |= uint64_t{static_cast<unsigned char>(w[i])} << 8 * i;
  return key;
}

// Places every word with multiplier `mul`; false if a bucket would overflow.
constexpr bool Fill(uint64_t mul, StopTable& table) {
  table = StopTable{mul, {}};
  for (const char* w : kStopWords) {
    const uint64_t key = Pack(w);
    auto& bucket = table.buckets[StopBucket(key, mul)];
    size_t i = 0;
    while (i < bucket.size() && bucket[i] != 0 && bucket[i] != key) ++i;
    if (i == bucket.size()) return false;
    bucket[i] = key;
  }
  return true;
}

// Tries odd multipliers from a fixed sequence (splitmix64) until every bucket fits; at
// compile time, so the table needs no initialisation at run time.
constexpr StopTable BuildStopTable() {
  StopTable table{};
  uint64_t state = 0x9E3779B97F4A7C15ull;
  for (;;) {
    uint64_t mul = (state += 0x9E3779B97F4A7C15ull);
    mul = (mul ^ (mul >> 30)) * 0xBF58476D1CE4E5B9ull;
    mul = (mul ^ (mul >> 27)) * 0x94D049BB133111EBull;
    if (Fill((mul ^ (mul >> 31)) | 1, table)) return table;
  }
}

}  // namespace

namespace stopwords_internal {
constinit const StopTable kStopTable = BuildStopTable();
}  // namespace stopwords_internal

bool IsStopWord(std::string_view lower) {
  if (lower.empty() || lower.size() > 8) return false;
  const uint64_t key = Pack(lower);
  return key != 0 && IsStopKey(key);  // 0 would match an empty slot
}

}  // namespace winnow
