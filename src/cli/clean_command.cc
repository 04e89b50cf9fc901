// `winnow clean PATH... [-o OUT]`: the article body of every page, over a folder, files or
// stdin, on worker threads. Page files go through the batch runner (src/batch/runner.h),
// JSONL and WARC streams through the record pipeline (src/batch/record_pipeline.h); the jobs
// are in src/batch/clean_jobs.h.
#include <unistd.h>

#include <csignal>
#include <iostream>

#include "batch/clean_jobs.h"
#include "batch/output_path.h"
#include "batch/runner.h"
#include "cli/commands.h"
#include "cli/load_cleaner.h"
#include "cli/rule_flags.h"

namespace winnow::cli {
namespace po = boost::program_options;

namespace {

Result<batch::ProgressMode> ParseProgress(std::string_view name) {
  if (name == "auto") return batch::ProgressMode::kAuto;
  if (name == "always") return batch::ProgressMode::kAlways;
  if (name == "never") return batch::ProgressMode::kNever;
  return Status::InvalidInput("--progress takes auto, always or never");
}

// Reads the flags' strings into options; a message on stderr and false if one is wrong.
bool ApplyCleanFlags(const std::string& input_format, const std::string& format,
                     const std::string& progress, batch::BatchOptions& bo,
                     batch::CleanJobOptions& jo) {
  Result<batch::InputFormat> in = batch::ParseInputFormat(input_format);
  Result<batch::OutputFormat> out = batch::ParseOutputFormat(format);
  Result<batch::ProgressMode> mode = ParseProgress(progress);
  for (const Status* s : {&in.status(), &out.status(), &mode.status()}) {
    if (!s->ok()) {
      std::cerr << "winnow clean: " << s->message() << "\n";
      return false;
    }
  }
  if (bo.threads < 0) {
    std::cerr << "winnow clean: -j takes a number of threads >= 0\n";
    return false;
  }
  jo.input_format = *in;
  jo.format = *out;
  bo.progress = *mode;
  bo.output_ext = batch::PageOutputExt(jo.format);
  bo.stream_output_ext = batch::StreamOutputExt(jo.format);
  jo.pipeline.threads = bo.threads;
  jo.pipeline.progress = bo.progress;
  jo.pipeline.log_fd = bo.log_fd;
  // Records written to a terminal show at once, as pages do (runner.cc).
  if (bo.output_dir.empty() && isatty(bo.output_fd)) jo.pipeline.output_block_bytes = 0;
  return true;
}

}  // namespace

int RunClean(const Args& args) {
  Options options;
  std::vector<std::string> paths;
  batch::BatchOptions bo;
  batch::CleanJobOptions jo;
  std::string progress = "auto", input_format = "auto", format = "auto", stats_file;
  po::options_description desc("options");
  // clang-format off
  desc.add_options()
      ("path", po::value(&paths), "input file or folder (recursive); - for stdin")
      ("output,o", po::value(&bo.output_dir), "output folder, mirroring the input tree")
      ("jobs,j", po::value(&bo.threads)->default_value(0), "threads (0: all cores)")
      ("force", po::bool_switch(&bo.force), "redo outputs that are up to date")
      ("progress", po::value(&progress)->default_value(progress)->implicit_value("always"),
       "progress line on stderr: auto (on a terminal), always or never")
      ("stats", po::value(&stats_file), "write the run summary as JSON to this file")
      ("url", po::value(&jo.url), "page URL for site-scoped rules (page inputs)")
      ("input-format", po::value(&input_format)->default_value(input_format),
       "auto, text, html, jsonl or warc")
      ("format", po::value(&format)->default_value(format),
       "auto (text for pages, jsonl for records), text or jsonl");
  // clang-format on
  AddJsonlFlags(desc, jo.jsonl);
  AddRuleFlags(desc, options);
  po::variables_map vm;
  const char* usage =
      "usage: winnow clean [PATH...] [-o OUT] [-j N] [--input-format F] [--format F]\n"
      "                    [--force] [--stats FILE] [--rules PATH]...\n"
      "Writes each page's article body, one paragraph per line: to OUT/<rel>/<name>.txt with\n"
      "-o, else to stdout. Text dumps (.txt), HTML (.html .htm .xhtml, or sniffed), JSONL\n"
      "(.jsonl) and WARC (.warc) files, each maybe .gz; records come out as JSONL.";
  if (int rc = ParseArgs(args, desc, usage, "path", vm); rc >= 0) return rc;
  ApplyRuleFlags(vm, options);
  if (!ApplyCleanFlags(input_format, format, progress, bo, jo)) return 2;
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
  jo.warc.max_record_bytes = options.max_document_bytes;
  // A closed stdout pipe becomes a write error the runner reports, not a silent death.
  std::signal(SIGPIPE, SIG_IGN);

  std::vector<batch::InputFile> inputs = batch::WalkInputs(paths);
  batch::ResolveKinds(jo.input_format, &inputs);
  batch::BatchSummary summary = batch::RunBatch(inputs, bo, batch::MakePageJob(*cleaner, jo),
                                                batch::MakeStreamJob(*cleaner, jo));
  if (!summary.stopped.ok()) std::cerr << "winnow clean: " << summary.stopped.message() << "\n";

  std::vector<batch::CounterGroup> groups = batch::CleanCounterGroups(*cleaner);
  bool many = inputs.size() > 1 || !bo.output_dir.empty() ||
              summary.records_ok + summary.records_failed > 0;
  if (many && bo.progress != batch::ProgressMode::kNever) {
    std::cerr << batch::FormatSummaryText(summary, groups);
  }
  if (!stats_file.empty()) {
    summary.version = Version();
    summary.rules_fingerprint = cleaner->RulesFingerprint();
    if (Status s = batch::WriteSummaryJson(stats_file, summary, groups); !s.ok()) {
      std::cerr << "winnow clean: " << s.message() << "\n";
      return 1;
    }
  }
  bool clean = summary.stopped.ok() && summary.files_failed == 0 && summary.records_failed == 0;
  return clean ? 0 : 1;
}

}  // namespace winnow::cli
