#include "classify/segmenter.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace winnow {
namespace {

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buf;
  buf << in.rdbuf();
  return buf.str();
}

std::string SeedDir() { return std::string(WINNOW_SOURCE_DIR) + "/fixtures/seeds"; }
std::string SeedPage(const std::string& id) { return SeedDir() + "/pages/" + id + ".txt"; }

// The text of every span FindGluedHeadlines finds.
std::vector<std::string> Glued(std::string_view text, const Settings& settings = Settings()) {
  std::vector<Span> spans;
  FindGluedHeadlines(text, settings, spans);
  std::vector<std::string> out;
  for (const Span& s : spans) {
    EXPECT_LE(s.begin, s.end);
    EXPECT_LE(s.end, text.size());
    out.emplace_back(text.substr(s.begin, s.end - s.begin));
  }
  return out;
}

Settings SearchEveryLine() {
  Settings s;
  s.segment_min_words = 1;
  return s;
}

using Strings = std::vector<std::string>;

// 20 words of ordinary prose, one sentence.
const std::string kFiller =
    "The committee said on Monday that the new rules would apply to every member of the group "
    "from next year. ";

// A paragraph with a six-word headline (six capitalised words) glued before a sentence of
// fifteen words.
const std::string kHeadline = "Storm Damage Closes Coastal Roads Again ";
const std::string kParagraph =
    kFiller + kFiller + kHeadline +
    "Officials said the road would stay closed for at least another week while crews worked. " +
    kFiller;
constexpr double kParagraphWords = 20 * 3 + 6 + 15;

TEST(SegmenterTest, FindsTheThreeHeadlinesGluedIntoSeed003) {
  std::string text = ReadFile(SeedPage("003_a47ca1affcc78aed"));
  ASSERT_FALSE(text.empty());
  EXPECT_EQ(Glued(text),
            Strings({"Maps of Russia’s invasion of Ukraine ",
                     "‘He’s in hell’: Hail of Russian artillery tests Ukraine’s morale ",
                     "Africa’s Desperate Famine: War in Ukraine Pushes Somalia to Famine "}));
}

TEST(SegmenterTest, FindsNothingInTheExpectedOutputsEvenWhenSearchingEveryLine) {
  for (const auto& entry : std::filesystem::directory_iterator(SeedDir() + "/expected")) {
    std::istringstream in(ReadFile(entry.path()));
    int number = 0;
    for (std::string line; std::getline(in, line);) {
      ++number;
      EXPECT_EQ(Glued(line, SearchEveryLine()), Strings())
          << entry.path().filename() << ":" << number;
    }
  }
}

TEST(SegmenterTest, FindsNothingInSentencesWithNames) {
  const char* sentences[] = {
      "Secretary of State John F. Kerry of President Barack Obama, spoke frequently with Lavrov "
      "after Russia annexed the Crimean peninsula in 2014 and sparked an insurgency in eastern "
      "Ukraine.",
      "During the George W. Bush administration, Secretary of State Condoleezza Rice met with "
      "Lavrov on the sidelines of the UN General Assembly in New York.",
      "In May, the top US military officer, General Mark A. Milley, and Defense Secretary Lloyd "
      "Austin spoke by phone with their Russian counterparts about security-related issues.",
      "U.S. President Joe Biden spoke with reporters at the White House on Tuesday about the "
      "talks in Geneva and what they could mean for the region.",
      "“The first step is opening channels of communication where you can gauge what your "
      "adversary is looking for,” said Tom Shannon, a former senior State Department official.",
      "New York Gov. Kathy Hochul signed the bill on Friday in Albany after a long night of "
      "negotiations with lawmakers from both parties in the state legislature.",
  };
  for (const char* s : sentences) {
    std::string text = kFiller + s + " " + kFiller;
    EXPECT_EQ(Glued(text, SearchEveryLine()), Strings()) << s;
  }
}

// A name run across the boundary ("... Irish counterpart Simon | Coveney said ...") passes
// every test of the header: no clause punctuation, no article or pronoun, three capitals, not
// ending in a function word, followed by a capitalised word and a lowercase one. The sentence
// is from seed 004 (line 82); the same happens to "... Russian leader Vladimir | Putin have".
TEST(SegmenterTest, FindsNothingWhenANameStraddlesTheBoundary) {
  const char* sentences[] = {
      "German Foreign Minister Annalena Baerbock and Irish counterpart Simon Coveney said there "
      "was “no legal or political justification” for overriding the agreed trade rules in "
      "Northern Ireland.",
      "President Joe Biden and Russian leader Vladimir Putin have not spoken since February, when "
      "the two men held a long call about troops on the border.",
  };
  for (const char* s : sentences) {
    std::string text = kFiller + s + " " + kFiller;
    EXPECT_EQ(Glued(text, SearchEveryLine()), Strings()) << s;
  }
}

TEST(SegmenterTest, FindsASyntheticHeadline) {
  EXPECT_EQ(Glued(kParagraph, SearchEveryLine()), Strings({kHeadline}));
}

TEST(SegmenterTest, HeadlineBeforeAnOpeningQuote) {
  std::string text =
      kFiller + kHeadline +
      "“We will reopen the road as soon as it is safe,” the mayor said on Tuesday. " + kFiller;
  EXPECT_EQ(Glued(text, SearchEveryLine()), Strings({kHeadline}));
}

TEST(SegmenterTest, TheFirstSentenceIsNeverSearched) {
  std::string text = kHeadline +
                     "Officials said the road would stay closed for at least another week while "
                     "crews worked. " +
                     kFiller;
  EXPECT_EQ(Glued(text, SearchEveryLine()), Strings());
}

TEST(SegmenterTest, SpansAreRelativeToTheTextAndAppended) {
  Settings s = SearchEveryLine();
  std::vector<Span> spans = {{1, 2}};
  FindGluedHeadlines(kParagraph, s, spans);
  ASSERT_EQ(spans.size(), 2u);
  EXPECT_EQ(spans[0].begin, 1u);
  EXPECT_EQ(spans[1].begin, 2 * kFiller.size());
  EXPECT_EQ(spans[1].end, 2 * kFiller.size() + kHeadline.size());
}

TEST(SegmenterTest, LinesBelowSegmentMinWordsAreUntouched) {
  Settings s;
  s.segment_min_words = kParagraphWords + 1;
  EXPECT_EQ(Glued(kParagraph, s), Strings());
  s.segment_min_words = kParagraphWords;
  EXPECT_EQ(Glued(kParagraph, s), Strings({kHeadline}));
  EXPECT_EQ(Glued(kParagraph), Strings()) << "the default (150 words) is longer than it";
}

TEST(SegmenterTest, GluedHeadlinesZeroDisables) {
  Settings s;
  s.glued_headlines = 0;
  EXPECT_EQ(Glued(ReadFile(SeedPage("003_a47ca1affcc78aed")), s), Strings());
  s = SearchEveryLine();
  s.glued_headlines = 0;
  EXPECT_EQ(Glued(kParagraph, s), Strings());
}

TEST(SegmenterTest, EachSettingIsRespected) {
  struct Case {
    const char* name;
    double Settings::*field;
    double value;
    bool found;
  };
  const Case cases[] = {
      {"headline_min_words 6", &Settings::headline_min_words, 6, true},
      {"headline_min_words 7", &Settings::headline_min_words, 7, false},
      {"headline_max_words 6", &Settings::headline_max_words, 6, true},
      {"headline_max_words 5", &Settings::headline_max_words, 5, false},
      {"headline_min_caps 6", &Settings::headline_min_caps, 6, true},
      {"headline_min_caps 7", &Settings::headline_min_caps, 7, false},
      {"headline_min_rest_words 15", &Settings::headline_min_rest_words, 15, true},
      {"headline_min_rest_words 16", &Settings::headline_min_rest_words, 16, false},
  };
  for (const Case& c : cases) {
    Settings s = SearchEveryLine();
    s.*c.field = c.value;
    EXPECT_EQ(Glued(kParagraph, s), c.found ? Strings({kHeadline}) : Strings()) << c.name;
  }
}

TEST(SegmenterTest, SettingsChangeWhatSeed003Gives) {
  std::string text = ReadFile(SeedPage("003_a47ca1affcc78aed"));
  Settings s;
  s.headline_min_caps = 5;  // only the Africa headline has five capitalised words
  EXPECT_EQ(Glued(text, s),
            Strings({"Africa’s Desperate Famine: War in Ukraine Pushes Somalia to Famine "}));
  s = Settings();
  s.headline_min_rest_words = 24;  // the sentences after them: 23, 20 and 30 words
  EXPECT_EQ(Glued(text, s),
            Strings({"Africa’s Desperate Famine: War in Ukraine Pushes Somalia to Famine "}));
  s = Settings();
  s.headline_min_words = 7;  // "Maps of Russia’s invasion of Ukraine" has six
  EXPECT_EQ(Glued(text, s),
            Strings({"‘He’s in hell’: Hail of Russian artillery tests Ukraine’s morale ",
                     "Africa’s Desperate Famine: War in Ukraine Pushes Somalia to Famine "}));
}

TEST(SegmenterTest, ShortOrEmptyText) {
  EXPECT_EQ(Glued("", SearchEveryLine()), Strings());
  EXPECT_EQ(Glued("Hello.", SearchEveryLine()), Strings());
  EXPECT_EQ(Glued("   ", SearchEveryLine()), Strings());
}

}  // namespace
}  // namespace winnow
