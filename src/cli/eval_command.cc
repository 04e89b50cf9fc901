// `winnow eval PRED_DIR GOLD_DIR`: the team's metric, printed exactly as score.py prints it.
#include <boost/program_options.hpp>
#include <charconv>
#include <cstdio>
#include <iostream>
#include <string>

#include "cli/commands.h"
#include "eval/metric.h"
#include "sources/jsonl_writer.h"

namespace winnow::cli {
namespace {

namespace po = boost::program_options;

constexpr const char* kUsage =
    "usage: winnow eval PRED_DIR GOLD_DIR [--per-doc] [--format text|json]\n"
    "\n"
    "Scores every GOLD_DIR/<id>.gold.txt against PRED_DIR/<id>.txt (missing = empty) with the\n"
    "bag-of-words P/R/F1 of shared/eval/README.md; prints the macro means and the median F1\n"
    "exactly as shared/tools/score.py does.\n";

// Shortest round-trip form, as Python's json.dumps writes a float.
std::string JsonNumber(double x) {
  char buf[64];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, x);
  return std::string(buf, end);
}

std::string JsonString(std::string_view s) {
  std::string out;
  sources::AppendJsonString(s, &out);
  return out;
}

std::string JsonScores(const eval::PageScore& s) {
  return "\"P\":" + JsonNumber(s.precision) + ",\"R\":" + JsonNumber(s.recall) +
         ",\"F1\":" + JsonNumber(s.f1);
}

void PrintJson(const eval::SetScore& set, bool per_doc) {
  std::string out = "{\"docs\":" + std::to_string(set.pages.size()) + "," +
                    JsonScores({set.precision, set.recall, set.f1}) +
                    ",\"medianF1\":" + JsonNumber(set.median_f1);
  if (per_doc) {
    out += ",\"pages\":[";
    for (size_t i = 0; i < set.pages.size(); ++i) {
      out += i == 0 ? "\n" : ",\n";
      out += "{\"id\":" + JsonString(set.pages[i].id) + "," + JsonScores(set.pages[i].score) + "}";
    }
    out += "\n]";
  }
  std::cout << out << "}\n";
}

void PrintText(const eval::SetScore& set, bool per_doc) {
  std::string out;
  if (per_doc) {
    for (const eval::PageRow& row : set.pages) out += eval::FormatPageRow(row) + "\n";
  }
  std::cout << out << eval::FormatSummary(set) << "\n";
}

}  // namespace

int RunEval(const Args& args) {
  po::options_description visible("options");
  visible.add_options()("help,h", "print this help")(
      "per-doc", "print `id<TAB>P<TAB>R<TAB>F1` per page before the summary")(
      "format", po::value<std::string>()->default_value("text"), "text or json");
  po::options_description all;
  all.add(visible).add_options()("pred", po::value<std::string>())("gold",
                                                                   po::value<std::string>());
  po::positional_options_description positional;
  positional.add("pred", 1).add("gold", 1);

  po::variables_map vm;
  try {
    po::store(po::command_line_parser(args).options(all).positional(positional).run(), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    std::cerr << "winnow eval: " << e.what() << " (see winnow eval --help)\n";
    return 2;
  }
  if (vm.count("help")) {
    std::cout << kUsage << "\n" << visible;
    return 0;
  }
  if (!vm.count("pred") || !vm.count("gold")) {
    std::cerr << "winnow eval: expected PRED_DIR and GOLD_DIR (see winnow eval --help)\n";
    return 2;
  }
  const std::string& format = vm["format"].as<std::string>();
  if (format != "text" && format != "json") {
    std::cerr << "winnow eval: --format must be text or json, not '" << format << "'\n";
    return 2;
  }

  Result<eval::SetScore> set =
      eval::ScoreDirs(vm["pred"].as<std::string>(), vm["gold"].as<std::string>());
  if (!set.ok()) {
    std::cerr << "winnow eval: " << set.status().message() << "\n";
    return 2;
  }
  bool per_doc = vm.count("per-doc") > 0;
  if (format == "json") {
    PrintJson(*set, per_doc);
  } else {
    PrintText(*set, per_doc);
  }
  std::cout.flush();
  return std::cout.good() ? 0 : 1;
}

}  // namespace winnow::cli
