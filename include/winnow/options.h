// Options: every knob of the library, each with its default. The CLI maps them one-to-one
// to flags (the flag is named in each comment).
#ifndef WINNOW_OPTIONS_H_
#define WINNOW_OPTIONS_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace winnow {

struct Options {
  // Rule files or folders (searched for *.rules) added after the defaults.  --rules PATH
  std::vector<std::string> rule_paths;
  // Start from the rule set compiled into the binary.  --no-default-rules sets false.
  bool use_default_rules = true;
  // Find the lines the built-in rules' patterns may match with one Hyperscan scan per page,
  // and check only those with RE2. Same results either way; off, RE2 reads every line
  // (slower; for checking the prefilter).  --no-prefilter sets false.
  bool use_prefilter = true;
  // Memory budget for the compiled RE2::Set and each rule's RE2, in bytes.  --re2-max-mem
  int64_t re2_max_mem = 64 << 20;
  // Documents larger than this are rejected with an error, never truncated.  --max-bytes
  size_t max_document_bytes = 64u << 20;
  // Lines longer than this are classified on their first max_line_bytes bytes only.
  // --max-line-bytes
  size_t max_line_bytes = 1u << 20;
  // Documents with more non-blank lines are rejected with an error: each line's features and
  // decision take about 120 bytes, so a 64 MiB file of one-letter lines would need 3.5 GB.
  // --max-lines
  size_t max_document_lines = 1'000'000;
  // Deepest DOM nesting walked in HTML; deeper content is flattened.  --max-dom-depth
  int max_dom_depth = 400;
  // HTML with more elements is rejected with an error; Gumbo's tree takes about 400 bytes
  // per element.  --max-dom-nodes
  size_t max_dom_nodes = 500'000;
  // A document still being cleaned after this many seconds fails with an error. Checked
  // between stages (parse, line features, classify), so a stage runs to its end; 0: no limit.
  // --max-seconds-per-doc
  double max_seconds_per_doc = 10;
  // Keep per-line decisions (labels, rules, spans) in the result for explain.  (explain sets it)
  bool keep_decisions = false;
};

}  // namespace winnow

#endif  // WINNOW_OPTIONS_H_
