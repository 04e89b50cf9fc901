// The pages of a corpus, for the commands that classify many inputs without writing anything
// (diff, stats): the batch input walk and readers, on worker threads. A page is a page file
// (text, HTML) or one record of a JSONL or WARC file.
#ifndef WINNOW_SRC_CLI_CORPUS_H_
#define WINNOW_SRC_CLI_CORPUS_H_

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "batch/input_walk.h"
#include "sources/jsonl_reader.h"
#include "sources/warc_reader.h"
#include "winnow/winnow.h"

namespace winnow::cli {

struct CorpusOptions {
  size_t max_bytes = 64u << 20;  // largest page or record read (--max-bytes)
  int threads = 0;               // workers; 0: one per core
  std::string url;               // URL of page files, for site-scoped rules (--url)
  sources::JsonlOptions jsonl;   // JSONL record fields (--text-field ...)
};

// Where a page is: its file (an index into the walked files) and a name for messages,
// "path" for a page file and "path#id" for a record (its id, else its line or record number).
struct CorpusPage {
  size_t file = 0;
  std::string name;
};

// Called once per page, from worker threads. The pages of one file come from one thread, in
// order; calls for different files are concurrent, so a visitor writes to per-file slots.
// Returns an error to count the page as failed.
using PageVisitor = std::function<Status(const CorpusPage& page, const Input& input)>;

// Reads the pages of `files` (WalkInputs(PATH...); record files are sniffed as `clean` does),
// gzip ones too, and visits each. Skipped files (images, stylesheets) are passed over;
// unreadable files, unreadable records and visitor errors are reported on stderr as
// "name: reason". Returns how many pages or files failed.
int ForEachPage(std::vector<batch::InputFile>& files, const CorpusOptions& options,
                const PageVisitor& visit);

}  // namespace winnow::cli

#endif  // WINNOW_SRC_CLI_CORPUS_H_
