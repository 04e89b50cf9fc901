// Input walk: expands the PATH arguments of a batch into a deterministic list of inputs.
#ifndef WINNOW_SRC_BATCH_INPUT_WALK_H_
#define WINNOW_SRC_BATCH_INPUT_WALK_H_

#include <string>
#include <vector>

#include "batch/input_kind.h"

namespace winnow::batch {

struct InputFile {
  std::string path;  // as given or joined under its argument folder; "-" for stdin
  std::string rel;   // path under the argument folder ('/'-separated); a file argument's name;
                     // "-" for stdin
  InputKind kind = InputKind::kSniff;
  bool gzip = false;  // the bytes are gzip-compressed; kind says what is inside
  std::string note;   // kSkipped / kError: why, e.g. "dangling symbolic link"

  bool is_stdin() const { return path == "-"; }
};

// Expands arguments in order: "-" is stdin; a file is itself; a folder is every entry below
// it, recursively, sorted by rel (bytewise). Symbolic links are followed, except a link to a
// folder that is already being walked above it (a loop: kSkipped). Problems do not stop the
// walk: a missing argument, a dangling link, an unreadable folder and anything that is not a
// regular file (FIFO, socket, device; never opened) become kError entries naming the path.
std::vector<InputFile> WalkInputs(const std::vector<std::string>& args);

}  // namespace winnow::batch

#endif  // WINNOW_SRC_BATCH_INPUT_WALK_H_
