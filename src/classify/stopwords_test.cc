#include "classify/stopwords.h"

#include <gtest/gtest.h>

#include <cstring>

namespace winnow {
namespace {

uint64_t Key(std::string_view w) {
  uint64_t key = 0;
  std::memcpy(&key, w.data(), w.size());
  return key;
}

TEST(StopWordsTest, WordsOfEachLanguage) {
  for (const char* w : {"a", "the", "because", "they're", "die", "für", "über", "été", "não", "más",
                        "sono", "wordt", "karena", "so", "es"}) {
    EXPECT_TRUE(IsStopWord(w)) << w;
    EXPECT_TRUE(IsStopKey(Key(w))) << w;
  }
}

TEST(StopWordsTest, OtherWords) {
  for (const char* w :
       {"", "b", "The", "thee", "th", "ukraine", "alsothe", "becausee", "because of", "\xFF\xFF"}) {
    EXPECT_FALSE(IsStopWord(w)) << w;
  }
  EXPECT_FALSE(IsStopWord(std::string_view("\0\0", 2))) << "packs to 0, the empty slot";
  EXPECT_FALSE(IsStopKey(~uint64_t{0}));
}

}  // namespace
}  // namespace winnow
