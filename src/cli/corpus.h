// The pages of a corpus, for the commands that classify many files without writing anything
// (diff, stats): the batch input walk and reader, on worker threads.
#ifndef WINNOW_SRC_CLI_CORPUS_H_
#define WINNOW_SRC_CLI_CORPUS_H_

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "batch/input_walk.h"
#include "winnow/winnow.h"

namespace winnow::cli {

// Called once per page with its index in `files`, from worker threads (concurrently, so it
// must write only to per-index slots). Returns an error to fail that input.
using PageVisitor = std::function<Status(size_t index, const Input& input)>;

// Reads every text or HTML page of files (WalkInputs(PATH...)), gzip ones too, at most
// max_bytes each, and visits it on `threads` workers (0: one per core). Skipped files (images,
// stylesheets) are passed over; unreadable ones, record files (JSONL, WARC) and visitor
// errors are reported on stderr as "path: reason". Returns how many inputs failed.
int ForEachPage(const std::vector<batch::InputFile>& files, size_t max_bytes, int threads,
                const PageVisitor& visit);

}  // namespace winnow::cli

#endif  // WINNOW_SRC_CLI_CORPUS_H_
