// `winnow explain FILE`: every line with its label and the rule or reason that decided it.
// A JSONL or WARC file is explained record by record, each under a header naming it.
#include <unistd.h>

#include <iostream>

#include "cli/commands.h"
#include "cli/corpus.h"
#include "cli/load_cleaner.h"
#include "cli/rule_flags.h"
#include "sinks/explain.h"
#include "sources/jsonl_writer.h"

namespace winnow::cli {
namespace po = boost::program_options;

int RunExplain(const Args& args) {
  Options options;
  std::string file, only, label, format = "text", color = "auto";
  ExplainOptions eo;
  po::options_description desc("options");
  CorpusOptions corpus;
  corpus.threads = 1;  // the pages in order, on this thread
  desc.add_options()("file", po::value(&file),
                     "the page, or JSONL or WARC file, to explain (- for stdin)")(
      "url", po::value(&corpus.url), "the page's URL, for site-scoped rules")(
      "only", po::value(&only), "list only 'dropped' or 'kept' lines")(
      "label", po::value(&label), "list only lines with this label")(
      "format", po::value(&format)->default_value(format), "text or json (JSON Lines)")(
      "features", po::bool_switch(&eo.features),
      "text: show each line's text features as rules test them (JSON always has them)")(
      "color", po::value(&color)->default_value(color), "auto, always or never");
  AddJsonlFlags(desc, corpus.jsonl);
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
  std::vector<batch::InputFile> files = batch::WalkInputs({file});
  if (files.size() != 1) {
    std::cerr << "winnow explain: " << file << ": one file, not a folder\n";
    return 2;
  }
  corpus.max_bytes = options.max_document_bytes;
  int failed = ForEachPage(files, corpus, [&](const CorpusPage& page, const Input& input) {
    Result<Cleaned> out = cleaner->Clean(input);
    if (!out.ok()) return out.status();
    const bool record = page.name != files[0].path;
    if (format == "json") {
      if (record) {
        std::string name;
        sources::AppendJsonString(page.name, &name);
        std::cout << "{\"page\":" << name << "}\n";
      }
      WriteExplainJson(*cleaner, *out, eo, std::cout);
    } else {
      if (record) std::cout << "== " << page.name << "\n";
      WriteExplain(*cleaner, *out, eo, std::cout);
    }
    return Status::Ok();
  });
  std::cout.flush();
  return failed || !std::cout ? 1 : 0;
}

}  // namespace winnow::cli
