// `winnow explain FILE`: every line with its label and the rule or reason that decided it.
#include <unistd.h>

#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/commands.h"
#include "cli/load_cleaner.h"
#include "cli/rule_flags.h"
#include "sinks/explain.h"

namespace winnow::cli {
namespace po = boost::program_options;

int RunExplain(const Args& args) {
  Options options;
  std::string file, only, label, format = "text", color = "auto", url;
  ExplainOptions eo;
  po::options_description desc("options");
  desc.add_options()("file", po::value(&file), "the page to explain (- for stdin)")(
      "url", po::value(&url), "the page's URL, for site-scoped rules")(
      "only", po::value(&only), "list only 'dropped' or 'kept' lines")(
      "label", po::value(&label), "list only lines with this label")(
      "format", po::value(&format)->default_value(format), "text or json (JSON Lines)")(
      "features", po::bool_switch(&eo.features),
      "text: show each line's text features as rules test them (JSON always has them)")(
      "color", po::value(&color)->default_value(color), "auto, always or never");
  AddRuleFlags(desc, options);
  po::variables_map vm;
  const char* usage =
      "usage: winnow explain FILE [--only dropped|kept] [--label L] "
      "[--features] [--format text|json] [--rules PATH]...";
  if (int rc = ParseArgs(args, desc, usage, "file", vm); rc >= 0) return rc;
  ApplyRuleFlags(vm, options);
  options.keep_decisions = true;

  if (only == "dropped") {
    eo.only_dropped = true;
  } else if (only == "kept") {
    eo.only_kept = true;
  } else if (!only.empty()) {
    std::cerr << "winnow explain: --only takes dropped or kept\n";
    return 2;
  }
  if (!label.empty()) {
    eo.label = ParseLabel(label);
    if (!eo.label) {
      std::cerr << "winnow explain: unknown label '" << label << "'\n";
      return 2;
    }
  }
  if (format != "text" && format != "json") {
    std::cerr << "winnow explain: --format takes text or json\n";
    return 2;
  }
  eo.color = color == "always" || (color == "auto" && isatty(STDOUT_FILENO));
  if (file.empty()) {
    std::cerr << usage << "\n";
    return 2;
  }

  std::unique_ptr<Cleaner> cleaner = LoadCleaner(options);
  if (!cleaner) return 2;
  std::ostringstream bytes;
  if (file == "-") {
    bytes << std::cin.rdbuf();
  } else {
    std::ifstream in(file, std::ios::binary);
    if (!in) {
      std::cerr << file << ": cannot open\n";
      return 1;
    }
    bytes << in.rdbuf();
  }
  std::string data = bytes.str();
  Input input;
  input.bytes = data;
  input.url = url;
  Result<Cleaned> out = cleaner->Clean(input);
  if (!out.ok()) {
    std::cerr << file << ": " << out.status().message() << "\n";
    return 1;
  }
  if (format == "json") {
    WriteExplainJson(*cleaner, *out, eo, std::cout);
  } else {
    WriteExplain(*cleaner, *out, eo, std::cout);
  }
  std::cout.flush();
  return std::cout ? 0 : 1;
}

}  // namespace winnow::cli
