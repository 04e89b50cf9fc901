// `winnow clean PATH... [-o OUT]`: the article body of every page, over a folder, files or
// stdin, on worker threads (src/batch/runner.h does the batch work).
#include <unistd.h>

#include <csignal>
#include <iostream>

#include "batch/output_path.h"
#include "batch/runner.h"
#include "cli/commands.h"
#include "cli/load_cleaner.h"
#include "cli/rule_flags.h"

namespace winnow::cli {
namespace po = boost::program_options;

namespace {

// Counter names for the run summary: lines per label, then lines per rule.
std::vector<batch::CounterGroup> CounterGroups(const Cleaner& cleaner) {
  batch::CounterGroup labels{"labels", {}}, rules{"rules", {}};
  for (int i = 0; i < kLabelCount; ++i) {
    labels.names.emplace_back(LabelName(static_cast<Label>(i)));
  }
  for (int i = 0; i < cleaner.rule_count(); ++i) {
    rules.names.push_back(cleaner.RuleOrigin(i));
  }
  return {labels, rules};
}

Format FormatOf(batch::InputKind kind) {
  switch (kind) {
    case batch::InputKind::kText:
      return Format::kText;
    case batch::InputKind::kHtml:
      return Format::kHtml;
    default:
      return Format::kAuto;
  }
}

}  // namespace

int RunClean(const Args& args) {
  Options options;
  std::vector<std::string> paths;
  batch::BatchOptions bo;
  std::string progress = "auto", stats_file, url;
  po::options_description desc("options");
  desc.add_options()
      ("path", po::value(&paths), "input file or folder (recursive); - for stdin")
      ("output,o", po::value(&bo.output_dir), "output folder, mirroring the input tree")
      ("jobs,j", po::value(&bo.threads)->default_value(0), "threads over files (0: all cores)")
      ("force", po::bool_switch(&bo.force), "redo outputs that are up to date")
      ("progress", po::value(&progress)->default_value(progress), "auto, always or never")
      ("stats", po::value(&stats_file), "write the run summary as JSON to this file")
      ("url", po::value(&url), "page URL for site-scoped rules (single input)");
  AddRuleFlags(desc, options);
  po::variables_map vm;
  const char* usage =
      "usage: winnow clean [PATH...] [-o OUT] [-j N] [--force] [--stats FILE] [--rules PATH]...\n"
      "Writes each page's article body, one paragraph per line: to OUT/<rel>/<name>.txt with\n"
      "-o, else to stdout. Text dumps (.txt), HTML (.html .htm .xhtml, or sniffed) and .gz.";
  if (int rc = ParseArgs(args, desc, usage, "path", vm); rc >= 0) return rc;
  ApplyRuleFlags(vm, options);
  if (progress == "always") {
    bo.progress = batch::ProgressMode::kAlways;
  } else if (progress == "never") {
    bo.progress = batch::ProgressMode::kNever;
  } else if (progress != "auto") {
    std::cerr << "winnow clean: --progress takes auto, always or never\n";
    return 2;
  }
  if (bo.threads < 0) {
    std::cerr << "winnow clean: -j takes a number of threads >= 0\n";
    return 2;
  }
  if (paths.empty()) paths.push_back("-");
  if (!bo.output_dir.empty()) {
    if (Status s = batch::CheckOutputDir(bo.output_dir, paths); !s.ok()) {
      std::cerr << "winnow clean: " << s.message() << "\n";
      return 2;
    }
  }
  std::unique_ptr<Cleaner> cleaner = LoadCleaner(options);
  if (!cleaner) return 2;
  bo.max_input_bytes = options.max_document_bytes;
  // A closed stdout pipe becomes a write error the runner reports, not a silent death.
  std::signal(SIGPIPE, SIG_IGN);

  std::vector<batch::InputFile> inputs = batch::WalkInputs(paths);
  auto job = [&](const batch::InputFile& in, std::string_view bytes,
                 batch::WorkerContext&) -> Result<batch::JobOutput> {
    Input input;
    input.bytes = bytes;
    input.url = url;
    input.format = FormatOf(in.kind);
    Result<Cleaned> cleaned = cleaner->Clean(input);
    if (!cleaned.ok()) return cleaned.status();
    batch::JobOutput out{std::move(cleaned->text), {}};
    out.counters.assign(cleaned->label_counts.begin(), cleaned->label_counts.end());
    out.counters.insert(out.counters.end(), cleaned->rule_hits.begin(), cleaned->rule_hits.end());
    return out;
  };
  batch::BatchSummary summary = batch::RunBatch(inputs, bo, job);
  if (!summary.stopped.ok()) std::cerr << "winnow clean: " << summary.stopped.message() << "\n";

  std::vector<batch::CounterGroup> groups = CounterGroups(*cleaner);
  bool many = inputs.size() > 1 || !bo.output_dir.empty();
  if (many && (bo.progress != batch::ProgressMode::kNever)) {
    std::cerr << batch::FormatSummaryText(summary, groups);
  }
  if (!stats_file.empty()) {
    if (Status s = batch::WriteSummaryJson(stats_file, summary, groups); !s.ok()) {
      std::cerr << "winnow clean: " << s.message() << "\n";
      return 1;
    }
  }
  return summary.stopped.ok() && summary.files_failed == 0 ? 0 : 1;
}

}  // namespace winnow::cli
