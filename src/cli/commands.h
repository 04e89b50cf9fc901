// The CLI's commands. main.cc dispatches `winnow COMMAND ARGS...` to one of these; each parses
// its own flags (Boost.Program_options) and returns the process exit status:
// 0 ok, 1 some input failed (or, for diff, something changed), 2 usage or rule errors.
#ifndef WINNOW_SRC_CLI_COMMANDS_H_
#define WINNOW_SRC_CLI_COMMANDS_H_

#include <string>
#include <vector>

namespace winnow::cli {

using Args = std::vector<std::string>;  // the arguments after the command name

int RunClean(const Args& args);
int RunExplain(const Args& args);
int RunCheck(const Args& args);
int RunTest(const Args& args);
int RunDiff(const Args& args);
int RunStats(const Args& args);
int RunEval(const Args& args);

}  // namespace winnow::cli

#endif  // WINNOW_SRC_CLI_COMMANDS_H_
