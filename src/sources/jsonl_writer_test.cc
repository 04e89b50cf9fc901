#include "sources/jsonl_writer.h"

#include <gtest/gtest.h>
#include <simdjson.h>

#include <string>

namespace winnow::sources {
namespace {

bool IsValidJson(std::string_view s) {
  simdjson::dom::parser parser;
  return parser.parse(s.data(), s.size()).error() == simdjson::SUCCESS;
}

std::string Escaped(std::string_view s) {
  std::string out;
  AppendJsonString(s, &out);
  return out;
}

TEST(JsonlWriterTest, EscapesEverythingJsonNeeds) {
  EXPECT_EQ(Escaped("plain"), "\"plain\"");
  EXPECT_EQ(Escaped("a\"b\\c"), R"("a\"b\\c")");
  EXPECT_EQ(Escaped("l1\nl2\r\t\b\f"), R"("l1\nl2\r\t\b\f")");
  EXPECT_EQ(Escaped(std::string("\x01\x1f\x00", 3)), R"("\u0001\u001f\u0000")");
  EXPECT_EQ(Escaped("caf\xC3\xA9 \xE2\x80\x94 \xF0\x9F\x98\x80"),
            "\"caf\xC3\xA9 \xE2\x80\x94 \xF0\x9F\x98\x80\"");  // valid UTF-8 untouched
  EXPECT_EQ(Escaped("a\xFF"
                    "b\xC3"),
            "\"a\xEF\xBF\xBD"
            "b\xEF\xBF\xBD\"");
  EXPECT_EQ(Escaped("\xED\xA0\x80"), "\"\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\"");  // surrogate
  EXPECT_TRUE(IsValidJson(Escaped(std::string("\x80\xC0\xAF\x7f\x00z", 6))));
}

TEST(JsonlWriterTest, KeepsFieldsInOrderAndReplacesText) {
  JsonlWriter writer({});
  std::string out;
  Annotations add;
  add.title = "A \"title\"";
  add.counts = {{"body", 3}, {"sidebar", 2}};
  std::string in =
      R"({"id":7,"text":"old text","nested":{"a":[1,2.50,{"b":null}]},"big":-1.5E+3,"s":"\u00e9\n","t":true})";
  ASSERT_TRUE(writer.Append(in, "new\ttext \x01", add, &out).ok());
  EXPECT_EQ(out,
            R"({"id":7,"text":"new\ttext \u0001","nested":{"a":[1,2.50,{"b":null}]},"big":-1.5E+3,)"
            R"("s":"\u00e9\n","t":true,"metadata":{"title":"A \"title\"","winnow_counts":)"
            R"({"body":3,"sidebar":2}}})"
            "\n");
}

TEST(JsonlWriterTest, MergesMetadata) {
  JsonlWriter writer({});
  Annotations add;
  add.url = "https://x.example/";
  add.author = "Jo";
  add.counts = {{"body", 1}};
  std::string out;
  ASSERT_TRUE(writer
                  .Append(R"({"text":"t","metadata":{"url":"old","dump":"CC-MAIN","n":1},"z":0})",
                          "clean", add, &out)
                  .ok());
  EXPECT_EQ(out, R"({"text":"clean","metadata":{"url":"https://x.example/","dump":"CC-MAIN","n":1,)"
                 R"("author":"Jo","winnow_counts":{"body":1}},"z":0})"
                 "\n");

  // Null metadata becomes an object; nothing to add leaves the input's alone.
  out.clear();
  ASSERT_TRUE(writer.Append(R"({"metadata":null,"text":"t"})", "c", add, &out).ok());
  EXPECT_EQ(out, R"({"metadata":{"url":"https://x.example/","author":"Jo","winnow_counts":)"
                 R"({"body":1}},"text":"c"})"
                 "\n");
  out.clear();
  ASSERT_TRUE(writer.Append(R"({"html":"<p>x</p>","id":"a"})", "x", {}, &out).ok());
  EXPECT_EQ(out, "{\"html\":\"<p>x</p>\",\"id\":\"a\",\"text\":\"x\"}\n");
}

TEST(JsonlWriterTest, CustomFieldNamesAndEscapedKeys) {
  JsonlWriter writer({.text_field = "content", .metadata_field = "meta", .counts_key = "labels"});
  Annotations add;
  add.date = "2024-01-02";
  add.counts = {{"body", 4}};
  std::string out;
  ASSERT_TRUE(
      writer.Append(R"({"content":"x","k\"ey":"v","meta":{"a\u00e9":1}})", "y", add, &out).ok());
  EXPECT_EQ(
      out,
      "{\"content\":\"y\",\"k\\\"ey\":\"v\",\"meta\":{\"a\xC3\xA9\":1,\"date\":\"2024-01-02\","
      "\"labels\":{\"body\":4}}}\n");
  EXPECT_TRUE(IsValidJson(out));
}

TEST(JsonlWriterTest, RejectsBadInputWithoutWriting) {
  JsonlWriter writer({});
  Annotations add;
  add.title = "t";
  std::string out = "kept";
  Status s = writer.Append(R"({"text":"a","metadata":"str"})", "x", add, &out);
  EXPECT_EQ(s.message(), "field 'metadata' is not an object");
  s = writer.Append(R"({"text":"a",)", "x", add, &out);
  EXPECT_EQ(s.message().rfind("invalid JSON: ", 0), 0u);
  s = writer.Append(R"({"text":"a","x":[1,}]})", "x", add, &out);
  EXPECT_FALSE(s.ok());
  s = writer.Append("[1]", "x", add, &out);
  EXPECT_EQ(s.message(), "invalid JSON: not an object");
  EXPECT_EQ(out, "kept");
}

TEST(JsonlWriterTest, OutputIsValidJsonForAnyText) {
  JsonlWriter writer({});
  std::string text;
  for (int c = 0; c < 256; ++c) text.push_back(static_cast<char>(c));
  Annotations add;
  add.title = text;
  add.counts = {{text, 1}};
  std::string out;
  ASSERT_TRUE(writer.Append(R"({"text":""})", text, add, &out).ok());
  EXPECT_TRUE(IsValidJson(out));
  out.clear();
  AppendFreshRecord(text, text, add, &out);
  EXPECT_TRUE(IsValidJson(out));
}

TEST(JsonlWriterTest, FreshRecord) {
  Annotations add;
  add.url = "https://a.example/p";
  add.title = "T";
  add.counts = {{"body", 2}, {"nav", 5}};
  std::string out;
  AppendFreshRecord("page.html", "one\ntwo\n", add, &out);
  EXPECT_EQ(out,
            R"({"id":"page.html","url":"https://a.example/p","title":"T","date":"","author":"",)"
            R"("text":"one\ntwo\n","counts":{"body":2,"nav":5}})"
            "\n");
}

}  // namespace
}  // namespace winnow::sources
