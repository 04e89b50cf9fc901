// Output paths: where the output for an input goes under the output folder OUT, and the
// checks that keep every write inside OUT and away from the inputs.
#ifndef WINNOW_SRC_BATCH_OUTPUT_PATH_H_
#define WINNOW_SRC_BATCH_OUTPUT_PATH_H_

#include <sys/stat.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "winnow/status.h"

namespace winnow::batch {

// Fails unless rel is a non-empty relative path without "", "." or ".." components.
Status CheckRelativePath(std::string_view rel);

// "a/b/page.html.gz" -> "a/b/page.txt" for out_ext "txt": the page extensions that decided
// the input's kind (and .gz) are replaced; an unknown one is kept ("x.php" -> "x.php.txt").
// stdin ("-") becomes "stdin.<ext>".
Result<std::string> OutputRelPath(std::string_view input_rel, std::string_view out_ext);

// Checks before anything is read or written: fails when OUT exists and is not a folder, or
// when OUT is, or is inside, one of the folder arguments (symbolic links resolved).
Status CheckOutputDir(const std::string& out_dir, const std::vector<std::string>& input_args);

// Where an output goes, and what is there now.
struct ResolvedOutput {
  std::string path;                     // out_root/out_rel
  std::optional<struct stat> existing;  // lstat of path, if anything is there
};

// out_root is OUT made absolute and canonical (see CanonicalOutputDir). Returns
// out_root/out_rel after checking that no existing component below out_root is a symbolic
// link that leads outside it. The lstat of the path itself comes along, so a fresh output
// costs no further stat (this runs once per file).
// checked_dir, if given, is the folder of out_rel ("a/b/", "" for OUT itself) that an earlier
// call checked; its components are not checked again, and it is set to this out_rel's folder
// on success. Inputs come sorted by folder, so a worker keeping one stats each folder once.
Result<ResolvedOutput> ResolveOutputPath(const std::string& out_root, std::string_view out_rel,
                                         std::string* checked_dir = nullptr);

// OUT, absolute, with symbolic links in its existing part resolved.
Result<std::string> CanonicalOutputDir(const std::string& out_dir);

}  // namespace winnow::batch

#endif  // WINNOW_SRC_BATCH_OUTPUT_PATH_H_
