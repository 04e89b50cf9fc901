// `winnow clean PATH... [-o OUT]`: the article body of every page.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/commands.h"
#include "cli/load_cleaner.h"
#include "cli/rule_flags.h"

namespace winnow::cli {
namespace po = boost::program_options;
namespace fs = std::filesystem;

int RunClean(const Args& args) {
  Options options;
  std::vector<std::string> paths;
  std::string out_dir;
  int threads = 0;
  po::options_description desc("options");
  desc.add_options()("path", po::value(&paths), "input file or folder (- for stdin)")(
      "output,o", po::value(&out_dir), "output folder (mirrors the input tree)")(
      "jobs,j", po::value(&threads)->default_value(0), "threads over files (0: all cores)");
  AddRuleFlags(desc, options);
  po::variables_map vm;
  const char* usage = "usage: winnow clean [PATH...] [-o OUT] [-j N] [--rules PATH]...";
  if (int rc = ParseArgs(args, desc, usage, "path", vm); rc >= 0) return rc;
  ApplyRuleFlags(vm, options);
  std::unique_ptr<Cleaner> cleaner = LoadCleaner(options);
  if (!cleaner) return 2;
  if (paths.empty()) paths.push_back("-");

  struct Job {
    fs::path in;
    fs::path rel;
  };
  std::vector<Job> jobs;
  for (const auto& p : paths) {
    if (fs::is_directory(p)) {
      for (auto& e : fs::recursive_directory_iterator(p)) {
        if (e.is_regular_file() && e.path().extension() == ".txt") {
          jobs.push_back({e.path(), e.path().lexically_relative(p)});
        }
      }
    } else {
      jobs.push_back({p, fs::path(p).filename()});
    }
  }
  std::sort(jobs.begin(), jobs.end(), [](const Job& a, const Job& b) { return a.in < b.in; });
  int rc = 0;
  for (const Job& job : jobs) {
    std::ostringstream bytes;
    if (job.in == "-") {
      bytes << std::cin.rdbuf();
    } else {
      std::ifstream in(job.in, std::ios::binary);
      if (!in) {
        std::cerr << job.in.string() << ": cannot open\n";
        rc = 1;
        continue;
      }
      bytes << in.rdbuf();
    }
    std::string data = bytes.str();
    Input input;
    input.bytes = data;
    Result<Cleaned> out = cleaner->Clean(input);
    if (!out.ok()) {
      std::cerr << job.in.string() << ": " << out.status().message() << "\n";
      rc = 1;
      continue;
    }
    if (out_dir.empty()) {
      std::cout << out->text;
    } else {
      fs::path dest = fs::path(out_dir) / job.rel;
      dest.replace_extension(".txt");
      fs::create_directories(dest.parent_path());
      std::ofstream(dest, std::ios::binary) << out->text;
    }
  }
  return rc;
}

}  // namespace winnow::cli
