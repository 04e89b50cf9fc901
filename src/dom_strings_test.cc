#include "dom_strings.h"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

namespace winnow {
namespace {

TEST(DomStringsTest, EqualStringsShareOneIdAndCopy) {
  DomStrings strings;
  std::string scratch = "body>div>p";
  const DomStrings::Entry first = strings.Intern(scratch);
  scratch = "story";
  const DomStrings::Entry other = strings.Intern(scratch);
  scratch = "body>div>p";
  const DomStrings::Entry again = strings.Intern(scratch);
  EXPECT_EQ(first.id, 0u);
  EXPECT_EQ(other.id, 1u);
  EXPECT_EQ(again.id, 0u);
  EXPECT_EQ(again.text.data(), first.text.data()) << "one stored copy";
  EXPECT_EQ(first.text, "body>div>p") << "not a view of the caller's buffer";
  EXPECT_EQ(strings.size(), 2u);
}

TEST(DomStringsTest, FindAnswersOnlyForInternedStrings) {
  DomStrings strings;
  EXPECT_FALSE(strings.Find("a").has_value());
  strings.Intern("a");
  strings.Intern("");
  EXPECT_EQ(strings.Find("a"), 0u);
  EXPECT_EQ(strings.Find(""), 1u);
  EXPECT_FALSE(strings.Find("b").has_value());
  EXPECT_FALSE(strings.Find("a ").has_value());
}

TEST(DomStringsTest, ManyStringsKeepDistinctIdsAndStableViews) {
  // Enough strings, and some longer than a storage block, to grow the table and the storage
  // many times; strings that differ in one byte or only in length must not be confused.
  DomStrings strings;
  std::vector<std::string> texts;
  for (int i = 0; i < 5000; ++i) texts.push_back("body>div>p" + std::to_string(i));
  for (int i = 0; i < 64; ++i) texts.push_back(std::string(8 + i, 'a'));
  for (int i = 1; i < 40; ++i) texts.push_back(std::string(i, '\0'));  // zero bytes, lengths
  texts.push_back(std::string(20000, 'x'));
  texts.push_back(std::string(20001, 'x'));
  std::vector<DomStrings::Entry> entries;
  for (const std::string& t : texts) entries.push_back(strings.Intern(t));
  DomStrings moved = std::move(strings);
  ASSERT_EQ(moved.size(), texts.size());
  for (size_t i = 0; i < texts.size(); ++i) {
    EXPECT_EQ(entries[i].id, i);
    EXPECT_EQ(entries[i].text, texts[i]) << "views survive growth and moves";
    EXPECT_EQ(moved.Intern(texts[i]).id, i);
    EXPECT_EQ(moved.Find(texts[i]), i);
  }
  EXPECT_EQ(moved.size(), texts.size());
}

}  // namespace
}  // namespace winnow
