// `winnow check` and `winnow test`: the rule author's commands.
#include <iostream>

#include "cli/commands.h"
#include "cli/load_cleaner.h"
#include "cli/rule_flags.h"
#include "rules/default_rules.h"
#include "rules/examples.h"
#include "rules/lint.h"
#include "rules/rule_parser.h"
#include "rules/rule_set.h"

namespace winnow::cli {
namespace po = boost::program_options;

namespace {

// Parses the shared rule flags (and `extra`); returns the exit status to stop with, or -1.
int ParseRuleArgs(const Args& args, const char* usage, Options& options,
                  const po::options_description& extra = po::options_description()) {
  po::options_description desc("options");
  desc.add(extra);
  AddRuleFlags(desc, options);
  po::variables_map vm;
  if (int rc = ParseArgs(args, desc, usage, "rules", vm); rc >= 0) return rc;
  ApplyRuleFlags(vm, options);
  return -1;
}

// Index of the first rule of the user's files. The built-in rules come first; they are linted
// only when nothing else is checked, else a check of one file would repeat their warnings.
size_t FirstUserRule(const Options& options) {
  if (!options.use_default_rules || options.rule_paths.empty()) return 0;
  ParsedFile parsed;
  std::vector<std::string> errors;
  for (const auto& f : DefaultRuleFiles()) {
    ParseRules(f.path, f.text, options.re2_max_mem, parsed, errors);
  }
  return parsed.rules.size();
}

}  // namespace

int RunCheck(const Args& args) {
  Options options;
  bool strict = false;
  po::options_description extra;
  extra.add_options()("strict", po::bool_switch(&strict), "exit 2 on warnings too");
  if (int rc = ParseRuleArgs(
          args,
          "usage: winnow check [--strict] [--rules PATH]... [--no-default-rules] [PATH...]\n"
          "Compiles the rules and reports every error as file:line:col, then lints them:\n"
          "duplicates, shadowed rules, empty-matching or too broad patterns, bad sites and\n"
          "rules without examples, as file:line:col: warning: ... on stderr.",
          options, extra);
      rc >= 0) {
    return rc;
  }
  std::unique_ptr<Cleaner> cleaner = LoadCleaner(options);
  if (!cleaner) return 2;
  std::vector<LintWarning> warnings = LintRules(cleaner->rules(), FirstUserRule(options));
  for (const LintWarning& w : warnings) std::cerr << w.ToString() << "\n";
  if (!warnings.empty()) {
    std::cerr << warnings.size() << (warnings.size() == 1 ? " warning" : " warnings")
              << (strict ? " (--strict: failing)" : "") << "\n";
  }
  std::cout << cleaner->rules().rules().size() << " rules compiled, no errors\n";
  return strict && !warnings.empty() ? 2 : 0;
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
