// `winnow check` and `winnow test`: the rule author's commands.
#include <iostream>

#include "cli/commands.h"
#include "cli/load_cleaner.h"
#include "cli/rule_flags.h"
#include "rules/examples.h"
#include "rules/rule_set.h"

namespace winnow::cli {
namespace po = boost::program_options;

namespace {

// Parses the shared rule flags; returns the exit status to stop with, or -1 to go on.
int ParseRuleArgs(const Args& args, const char* usage, Options& options) {
  po::options_description desc("options");
  AddRuleFlags(desc, options);
  po::variables_map vm;
  if (int rc = ParseArgs(args, desc, usage, "rules", vm); rc >= 0) return rc;
  ApplyRuleFlags(vm, options);
  return -1;
}

}  // namespace

int RunCheck(const Args& args) {
  Options options;
  if (int rc =
          ParseRuleArgs(args,
                        "usage: winnow check [--rules PATH]... [--no-default-rules] [PATH...]\n"
                        "Compiles the rules and reports every error as file:line:col.",
                        options);
      rc >= 0) {
    return rc;
  }
  std::unique_ptr<Cleaner> cleaner = LoadCleaner(options);
  if (!cleaner) return 2;
  std::cout << cleaner->rules().rules().size() << " rules compiled, no errors\n";
  return 0;
}

int RunTest(const Args& args) {
  Options options;
  if (int rc = ParseRuleArgs(args,
                             "usage: winnow test [--rules PATH]... [--no-default-rules] [PATH...]\n"
                             "Runs the inline examples (+ fires, - does not) of every rule.",
                             options);
      rc >= 0) {
    return rc;
  }
  std::unique_ptr<Cleaner> cleaner = LoadCleaner(options);
  if (!cleaner) return 2;
  ExampleReport report = RunExamples(cleaner->rules());
  for (const std::string& f : report.failures) std::cerr << f << "\n";
  int failed = static_cast<int>(report.failures.size());
  std::cout << "rule examples: " << report.run - failed << " passed, " << failed << " failed\n";
  if (report.rules_without_examples) {
    std::cout << report.rules_without_examples << " rules have no example\n";
  }
  return failed ? 1 : 0;
}

}  // namespace winnow::cli
