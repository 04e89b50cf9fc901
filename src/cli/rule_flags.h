// Flags every command that loads rules shares, mapped one-to-one onto winnow::Options.
#ifndef WINNOW_SRC_CLI_RULE_FLAGS_H_
#define WINNOW_SRC_CLI_RULE_FLAGS_H_

#include <boost/program_options.hpp>
#include <string>

#include "sources/jsonl_reader.h"
#include "winnow/options.h"

namespace winnow::cli {

// Adds --rules, --no-default-rules, --re2-max-mem, --max-bytes, --max-line-bytes and
// --max-dom-depth, storing into `options`.
void AddRuleFlags(boost::program_options::options_description& desc, Options& options);

// Adds --text-field, --html-field, --id-field and --url-field, the JSONL record fields, for
// the commands that read records (clean, diff, stats).
void AddJsonlFlags(boost::program_options::options_description& desc, sources::JsonlOptions& jsonl);

// Finishes what the flags could not store directly (the negated --no-default-rules).
void ApplyRuleFlags(const boost::program_options::variables_map& vm, Options& options);

// Parses args against desc (with positional `positional` collecting the rest); on error or
// --help prints to stderr/stdout and returns the exit status to use, else -1.
int ParseArgs(const std::vector<std::string>& args,
              const boost::program_options::options_description& desc, const char* usage,
              const char* positional, boost::program_options::variables_map& vm);

}  // namespace winnow::cli

#endif  // WINNOW_SRC_CLI_RULE_FLAGS_H_
