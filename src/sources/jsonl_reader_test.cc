#include "sources/jsonl_reader.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "sources/testing.h"

namespace winnow::sources {
namespace {

std::vector<ReadItem> ReadAll(std::string_view input, JsonlOptions options = {}) {
  auto stream = ByteStream::FromMemory(input);
  JsonlReader reader(*stream, std::move(options));
  std::vector<ReadItem> items;
  while (true) {
    ReadItem item = reader.Next();
    if (std::holds_alternative<EndOfStream>(item)) break;
    items.push_back(std::move(item));
  }
  EXPECT_TRUE(std::holds_alternative<EndOfStream>(reader.Next()));  // and it stays ended
  return items;
}

const Record& AsRecord(const ReadItem& item) {
  static const Record kNone;
  const Record* r = std::get_if<Record>(&item);
  EXPECT_NE(r, nullptr) << std::get<BadItem>(item).message;
  return r ? *r : kNone;
}

// "line N: message" for a bad item, "" otherwise.
std::string Bad(const ReadItem& item) {
  const BadItem* b = std::get_if<BadItem>(&item);
  return b ? b->position.ToString() + ": " + b->message : "";
}

TEST(JsonlReaderTest, DefaultFields) {
  std::string line = R"({"id":"doc-1","text":"Hello \"world\"\nbye","url":"https://a.example/x"})";
  std::vector<ReadItem> items = ReadAll(line + "\n");
  ASSERT_EQ(items.size(), 1u);
  const Record& r = AsRecord(items[0]);
  EXPECT_EQ(r.id, "doc-1");
  EXPECT_EQ(r.url, "https://a.example/x");
  EXPECT_EQ(r.payload, "Hello \"world\"\nbye");
  EXPECT_FALSE(r.payload_is_html);
  EXPECT_EQ(r.original_json, line);
  EXPECT_EQ(r.position.line, 1u);
  EXPECT_EQ(r.position.offset, 0u);
}

TEST(JsonlReaderTest, NumericIdsMissingIdAndMetadataUrl) {
  std::vector<ReadItem> items = ReadAll(
      "{\"id\":42,\"text\":\"a\",\"metadata\":{\"url\":\"https://m.example/\"}}\r\n"
      "{\"id\":18446744073709551615,\"text\":\"b\",\"url\":\"top\",\"metadata\":{\"url\":\"m\"}}\n"
      "{\"id\":-7,\"text\":\"c\"}\n"
      "{\"id\":2.5,\"text\":\"d\"}\n"
      "{\"id\":null,\"text\":\"e\"}\n");
  ASSERT_EQ(items.size(), 5u);
  EXPECT_EQ(AsRecord(items[0]).id, "42");
  EXPECT_EQ(AsRecord(items[0]).url, "https://m.example/");
  EXPECT_EQ(AsRecord(items[1]).id, "18446744073709551615");
  EXPECT_EQ(AsRecord(items[1]).url, "top");  // the top level wins over metadata
  EXPECT_EQ(AsRecord(items[2]).id, "-7");
  EXPECT_EQ(AsRecord(items[3]).id, "2.5");
  EXPECT_EQ(AsRecord(items[4]).id, "");  // the caller picks the fallback
  EXPECT_EQ(AsRecord(items[4]).position.line, 5u);
}

TEST(JsonlReaderTest, CustomFieldsAndHtml) {
  JsonlOptions options;
  options.text_field = "content";
  options.id_field = "doc_id";
  options.url_field = "source";
  options.html_field = "raw_html";
  options.metadata_field = "meta";
  std::vector<ReadItem> items = ReadAll(
      "{\"doc_id\":\"x\",\"content\":\"plain\",\"meta\":{\"source\":\"u1\"},\"text\":\"i\"}\n"
      "{\"doc_id\":\"y\",\"content\":\"plain\",\"raw_html\":\"<p>hi</p>\"}\n"
      "{\"doc_id\":\"z\",\"content\":\"plain\",\"raw_html\":null}\n"
      "{\"text\":\"no content field\"}\n",
      options);
  ASSERT_EQ(items.size(), 4u);
  EXPECT_EQ(AsRecord(items[0]).payload, "plain");
  EXPECT_EQ(AsRecord(items[0]).url, "u1");
  EXPECT_EQ(AsRecord(items[1]).payload, "<p>hi</p>");
  EXPECT_TRUE(AsRecord(items[1]).payload_is_html);
  EXPECT_EQ(AsRecord(items[2]).payload, "plain");  // a null html field falls back to text
  EXPECT_FALSE(AsRecord(items[2]).payload_is_html);
  EXPECT_EQ(Bad(items[3]), "line 4: missing field 'content'");

  // The default html field wins over text.
  items = ReadAll(R"({"text":"t","html":"<b>h</b>"})");
  ASSERT_EQ(items.size(), 1u);
  EXPECT_TRUE(AsRecord(items[0]).payload_is_html);
  EXPECT_EQ(AsRecord(items[0]).payload, "<b>h</b>");
}

TEST(JsonlReaderTest, BadLinesAreReportedAndTheStreamGoesOn) {
  std::vector<ReadItem> items = ReadAll(
      "{\"text\":\"one\"}\n"
      "\n"
      "   \n"
      "{\"text\": \"unterminated}\n"
      "{\"id\":1}\n"
      "{\"text\":17}\n"
      "{\"text\":null}\n"
      "[\"text\"]\n"
      "{\"html\":[1],\"text\":\"x\"}\n"
      "{\"text\":\"last\"}");
  ASSERT_EQ(items.size(), 8u);
  EXPECT_EQ(AsRecord(items[0]).payload, "one");
  EXPECT_EQ(Bad(items[1]).rfind("line 4: invalid JSON: ", 0), 0u) << Bad(items[1]);
  EXPECT_EQ(Bad(items[2]), "line 5: missing field 'text'");
  EXPECT_EQ(Bad(items[3]), "line 6: field 'text' is not a string");
  EXPECT_EQ(Bad(items[4]), "line 7: field 'text' is not a string");
  EXPECT_EQ(Bad(items[5]), "line 8: invalid JSON: not an object");
  EXPECT_EQ(Bad(items[6]), "line 9: field 'html' is not a string");
  EXPECT_EQ(AsRecord(items[7]).payload, "last");
  EXPECT_EQ(AsRecord(items[7]).position.line, 10u);
}

TEST(JsonlReaderTest, LongLinesAndInvalidUtf8) {
  JsonlOptions options;
  options.max_line_bytes = 64;
  std::string long_line = "{\"text\":\"" + std::string(100, 'x') + "\"}";
  std::vector<ReadItem> items = ReadAll(
      "{\"text\":\"a\"}\n" + long_line + "\n{\"text\":\"\xff\"}\n{\"text\":\"b\"}\n", options);
  ASSERT_EQ(items.size(), 4u);
  EXPECT_EQ(Bad(items[1]), "line 2: line is longer than 64 bytes");
  EXPECT_EQ(Bad(items[2]).rfind("line 3: invalid JSON: ", 0), 0u);
  EXPECT_EQ(AsRecord(items[3]).payload, "b");

  // simdjson rejects numbers beyond 64 bits; such records are reported, never dropped silently.
  items = ReadAll("{\"text\":\"a\",\"n\":18446744073709551616}\n");
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(Bad(items[0]).rfind("line 1: invalid JSON: ", 0), 0u);
}

TEST(JsonlReaderTest, GzipInputAndTruncation) {
  std::string gz =
      testing::GzipMember("{\"text\":\"a\"}\n") + testing::GzipMember("{\"text\":\"b\"}\n");
  std::vector<ReadItem> items = ReadAll(gz);
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(AsRecord(items[1]).payload, "b");

  // Cut inside the second member's trailer: its line was decoded, then the error ends it.
  items = ReadAll(gz.substr(0, gz.size() - 3));
  ASSERT_EQ(items.size(), 3u);
  EXPECT_EQ(AsRecord(items[1]).payload, "b");
  EXPECT_EQ(Bad(items[2]), "line 3: truncated gzip stream");
  // Cut inside the first member's data: the partial line is not yielded.
  items = ReadAll(gz.substr(0, 12));
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(Bad(items[0]), "line 1: truncated gzip stream");
}

}  // namespace
}  // namespace winnow::sources
