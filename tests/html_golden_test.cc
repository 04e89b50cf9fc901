// Golden HTML pages (fixtures/html/README.md): real pages of each dev set cleaned with the
// default rules give exactly their pinned output, which keeps its F1 against the human gold.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "eval/metric.h"
#include "test_util.h"
#include "winnow/winnow.h"

namespace winnow {
namespace {

std::string Slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

struct Golden {
  const char* name;
  double min_f1;  // F1 against gold.txt when the output was pinned, to three places
};

constexpr Golden kPages[] = {
    {"l3s_gn1_022b482d-88d7-4951-a3c8-d7248db02989", 0.928},
    {"readability_002", 0.999},
    {"scrapinghub_06e5123e4ef7cfb4533250dc45d1e03d0838fc66223f45c583c4d12f48b4da85", 0.982},
    {"utomo_big9_y05_amd_1", 0.967},
    {"wcxb_article_0009", 0.978},
};

class HtmlGoldenTest : public ::testing::TestWithParam<Golden> {};

TEST_P(HtmlGoldenTest, CleansToThePinnedOutput) {
  std::filesystem::path dir = std::filesystem::path(WINNOW_SOURCE_DIR) / "fixtures/html";
  std::string name = GetParam().name;
  std::string html = Slurp(dir / "pages" / (name + ".html"));
  ASSERT_FALSE(html.empty()) << name;
  auto cleaner = Cleaner::Create(Options());
  ASSERT_TRUE(cleaner.ok()) << cleaner.status().message();
  Input input;
  input.bytes = html;
  Result<Cleaned> out = (*cleaner)->Clean(input);
  ASSERT_TRUE(out.ok()) << out.status().message();
  std::string expected = Slurp(dir / "expected" / (name + ".txt"));
  EXPECT_EQ(out->text, expected) << testing::FirstDifference(expected, out->text);
  EXPECT_FALSE(out->meta.title.empty()) << name;
  double f1 = eval::Score(out->text, Slurp(dir / "gold" / (name + ".txt"))).f1;
  EXPECT_GE(f1 + 5e-4, GetParam().min_f1) << name;
}

INSTANTIATE_TEST_SUITE_P(Pages, HtmlGoldenTest, ::testing::ValuesIn(kPages), [](const auto& info) {
  std::string n = info.param.name;
  n = n.substr(0, n.find('_', n.find('_') + 1));
  for (char& c : n) {
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  }
  return n;
});

}  // namespace
}  // namespace winnow
