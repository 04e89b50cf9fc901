#include "batch/summary.h"

#include <gtest/gtest.h>

#include "batch/test_util.h"

namespace winnow::batch {
namespace {

BatchSummary Sample() {
  BatchSummary s;
  s.files_ok = 48;
  s.files_failed = 1;
  s.files_up_to_date = 3;
  s.files_unsupported = 2;
  s.bytes_in = 12'100'000;
  s.bytes_out = 3'000'000;
  s.elapsed_seconds = 2.0;
  s.counters = {10, 0, 7, 5};
  return s;
}

const std::vector<CounterGroup> kGroups = {{"labels", {"body", "nav"}},
                                           {"rules", {"a.rules:1", "say \"hi\"\\", "unused"}}};

TEST(BatchSummary, Text) {
  EXPECT_EQ(FormatSummaryText(Sample(), kGroups),
            "48 files cleaned, 1 failed, 3 up to date, 2 skipped (not pages); 12.1 MB in, "
            "3.0 MB out in 2.0 s (24.5 files/s)\n"
            "labels: body 10\n"
            "rules: a.rules:1 7, say \"hi\"\\ 5\n");
  EXPECT_EQ(FormatSummaryText(BatchSummary(), {}),
            "0 files cleaned, 0 failed, 0 up to date, 0 skipped (not pages); 0.0 MB in, 0.0 MB "
            "out in 0.0 s\n");
  BatchSummary one;
  one.files_ok = 1;
  one.records_ok = 1;
  EXPECT_EQ(FormatSummaryText(one, {}).substr(0, 30), "1 file cleaned, 0 failed, 0 up");
  EXPECT_NE(FormatSummaryText(one, {}).find("\n1 record cleaned, 0 bad"), std::string::npos);
}

TEST(BatchSummary, JsonListsEveryCounterAndIsWrittenAtomically) {
  std::string json = FormatSummaryJson(Sample(), kGroups);
  EXPECT_EQ(json,
            "{\"files\": {\"ok\": 48, \"failed\": 1, \"up_to_date\": 3, \"unsupported\": 2}, "
            "\"records\": {\"ok\": 0, \"failed\": 0, \"skipped\": {}}, "
            "\"bytes_in\": 12100000, \"bytes_out\": 3000000, \"elapsed_seconds\": 2.000, "
            "\"counters\": {\"labels\": {\"body\": 10, \"nav\": 0}, \"rules\": {\"a.rules:1\": 7, "
            "\"say \\\"hi\\\"\\\\\": 5, \"unused\": 0}}}\n");
  testing::TempDir dir;
  ASSERT_TRUE(WriteSummaryJson(dir / "stats.json", Sample(), kGroups).ok());
  EXPECT_EQ(testing::ReadTestFile(dir / "stats.json"), json);
  EXPECT_EQ(testing::ListTree(dir.path()), std::vector<std::string>{"stats.json"});
  EXPECT_FALSE(WriteSummaryJson(dir / "stats.json/x", Sample(), kGroups).ok());
}

TEST(BatchSummary, JsonNamesWhatProducedTheOutput) {
  BatchSummary s = Sample();
  s.version = "1.2.3";
  s.rules_fingerprint = "00ff00ff00ff00ff";
  const std::string json = FormatSummaryJson(s, kGroups);
  EXPECT_NE(json.find("\"unused\": 0}}, \"winnow\": {\"version\": \"1.2.3\", \"rules\": "
                      "\"00ff00ff00ff00ff\"}}\n"),
            std::string::npos)
      << json;
  EXPECT_EQ(FormatSummaryText(s, kGroups), FormatSummaryText(Sample(), kGroups));
}

TEST(BatchSummary, RecordsLineAndTopCounters) {
  BatchSummary s = Sample();
  s.records_ok = 1200;
  s.records_failed = 2;
  s.records_skipped = {{"request", 3}, {"response:non-html", 2}};
  s.counters = {10, 0, 1, 5, 7, 5};
  std::vector<CounterGroup> groups = {{"labels", {"body", "nav"}, 0},
                                      {"rules", {"r1", "r2", "r3", "r4"}, 3}};
  std::string text = FormatSummaryText(s, groups);
  EXPECT_NE(text.find("\n1200 records cleaned, 2 bad, 5 skipped (request 3, "
                      "response:non-html 2)\n"),
            std::string::npos)
      << text;
  // Largest first, ties in name order, cut at top.
  EXPECT_NE(text.find("\nrules: r3 7, r2 5, r4 5\n"), std::string::npos) << text;
  EXPECT_NE(FormatSummaryJson(s, groups).find("\"records\": {\"ok\": 1200, \"failed\": 2, "
                                              "\"skipped\": {\"request\": 3, "
                                              "\"response:non-html\": 2}}"),
            std::string::npos);

  BatchSummary total;
  AddSummary(s, &total);
  AddSummary(s, &total);
  EXPECT_EQ(total.records_ok, 2400u);
  EXPECT_EQ(total.records_skipped["request"], 6u);
  EXPECT_EQ(total.counters[4], 14u);
  EXPECT_EQ(total.files_ok, 96u);
}

}  // namespace
}  // namespace winnow::batch
