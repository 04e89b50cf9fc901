// winnow: the command-line front end. Each command lives in its own *_command.cc.
#include <cstring>
#include <iostream>
#include <string>

#include "cli/commands.h"
#include "winnow/winnow.h"

namespace {

struct Command {
  const char* name;
  int (*run)(const winnow::cli::Args&);
  const char* summary;
};

constexpr Command kCommands[] = {
    {"clean", winnow::cli::RunClean, "write the article body of each page"},
    {"explain", winnow::cli::RunExplain, "show every line's label and the rule or reason"},
    {"check", winnow::cli::RunCheck, "compile and lint rule files"},
    {"test", winnow::cli::RunTest, "run the inline examples of rule files"},
    {"diff", winnow::cli::RunDiff, "list the lines a rules change relabels over a corpus"},
    {"stats", winnow::cli::RunStats, "per rule and label: what fires how often over a corpus"},
    {"eval", winnow::cli::RunEval, "score predictions against gold (bag-of-words P/R/F1)"},
};

void Usage(std::ostream& os) {
  os << "usage: winnow COMMAND [ARGS...]   (winnow COMMAND --help for its flags)\n"
        "       winnow --version\n\ncommands:\n";
  for (const auto& c : kCommands) {
    os << "  " << c.name << std::string(10 - std::strlen(c.name), ' ') << c.summary << "\n";
  }
}

}  // namespace

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  if (argc < 2) {
    Usage(std::cerr);
    return 2;
  }
  std::string name = argv[1];
  if (name == "--help" || name == "-h" || name == "help") {
    Usage(std::cout);
    return 0;
  }
  if (name == "--version") {
    std::cout << "winnow " << winnow::Version() << "\n";
    return 0;
  }
  winnow::cli::Args args(argv + 2, argv + argc);
  for (const auto& c : kCommands) {
    if (name == c.name) return c.run(args);
  }
  std::cerr << "winnow: unknown command '" << name << "'\n";
  Usage(std::cerr);
  return 2;
}
