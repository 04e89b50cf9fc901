// Builds a Cleaner from parsed flags, printing rule errors the way every command reports them.
#ifndef WINNOW_SRC_CLI_LOAD_CLEANER_H_
#define WINNOW_SRC_CLI_LOAD_CLEANER_H_

#include <memory>

#include "winnow/winnow.h"

namespace winnow::cli {

// Null (after printing every error to stderr) if the rules do not compile.
std::unique_ptr<Cleaner> LoadCleaner(const Options& options);

}  // namespace winnow::cli

#endif  // WINNOW_SRC_CLI_LOAD_CLEANER_H_
