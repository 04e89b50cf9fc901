// InputKind: what a batch input file holds, decided from its name by a data table, so that
// the walker, the output namer and the CLI agree on one list of extensions.
#ifndef WINNOW_SRC_BATCH_INPUT_KIND_H_
#define WINNOW_SRC_BATCH_INPUT_KIND_H_

#include <cstdint>
#include <string_view>

namespace winnow::batch {

enum class InputKind : uint8_t {
  kText,     // .txt: a text dump, one block per line
  kHtml,     // .html .htm .xhtml
  kJsonl,    // .jsonl: one record per line
  kWarc,     // .warc: a web archive
  kSniff,    // no known extension: the job sniffs the content
  kSkipped,  // a known non-page extension (image, stylesheet, ...): not processed, a notice
  kError,    // cannot be processed (dangling link, not a regular file, ...): InputFile::note
};

// "text", "html", "jsonl", "warc", "sniff", "skipped", "error".
std::string_view InputKindName(InputKind kind);

struct KindInfo {
  InputKind kind = InputKind::kSniff;
  bool gzip = false;             // the name ends in .gz: the bytes are gzip-compressed
  std::string_view stem;         // the name without the page and .gz extensions that decided kind
  std::string_view skipped_ext;  // for kSkipped: the extension that did it (".png")
};

// Looks a file name (not a path) up in the extension table, case-insensitively. ".gz" is
// peeled first and the inner extension decides ("a.html.gz" is gzip HTML with stem "a"); an
// unknown extension keeps the whole name as stem ("a.php" sniffs, stem "a.php").
KindInfo KindFromName(std::string_view name);

}  // namespace winnow::batch

#endif  // WINNOW_SRC_BATCH_INPUT_KIND_H_
