#include "cli/corpus.h"

#include <algorithm>
#include <atomic>
#include <iostream>
#include <memory>
#include <mutex>
#include <thread>

#include "batch/clean_jobs.h"
#include "batch/read_input.h"
#include "sources/gzip.h"

namespace winnow::cli {
namespace {

using batch::InputKind;

// The page's bytes, decompressed.
Result<std::string> ReadPage(const batch::InputFile& file, size_t max_bytes) {
  if (file.kind == InputKind::kError) return Status::IoError(file.note);
  Result<std::string> bytes = batch::ReadInput(file.path, max_bytes);
  if (!bytes.ok() || !(file.gzip || sources::IsGzip(*bytes))) return bytes;
  return sources::Gunzip(*bytes, max_bytes);
}

class Corpus {
 public:
  Corpus(const CorpusOptions& options, const PageVisitor& visit)
      : options_(options), visit_(visit) {}

  int failed() const { return failed_; }

  void Visit(size_t index, const batch::InputFile& file) {
    if (file.kind == InputKind::kSkipped) return;
    if (file.kind == InputKind::kJsonl || file.kind == InputKind::kWarc) {
      VisitRecords(index, file);
      return;
    }
    Result<std::string> bytes = ReadPage(file, options_.max_bytes);
    if (!bytes.ok()) return Fail(file.path, bytes.status());
    Input input;
    input.bytes = *bytes;
    input.url = options_.url;
    input.format = file.kind == InputKind::kText   ? Format::kText
                   : file.kind == InputKind::kHtml ? Format::kHtml
                                                   : Format::kAuto;
    if (Status s = visit_({index, file.path}, input); !s.ok()) Fail(file.path, s);
  }

 private:
  void VisitRecords(size_t index, const batch::InputFile& file) {
    Result<std::unique_ptr<sources::ByteStream>> stream = sources::ByteStream::Open(file.path);
    if (!stream.ok()) return Fail(file.path, stream.status());
    std::unique_ptr<sources::RecordReader> reader;
    if (file.kind == InputKind::kWarc) {
      sources::WarcOptions warc;
      warc.max_record_bytes = options_.max_bytes;
      reader = std::make_unique<sources::WarcReader>(**stream, warc);
    } else {
      reader = std::make_unique<sources::JsonlReader>(**stream, options_.jsonl);
    }
    std::string storage;
    for (;;) {
      sources::ReadItem item = reader->Next();
      if (std::holds_alternative<sources::EndOfStream>(item)) return;
      if (const auto* bad = std::get_if<sources::BadItem>(&item)) {
        Fail(file.path + ": " + bad->position.ToString(), Status::InvalidInput(bad->message));
        continue;
      }
      const sources::Record& record = std::get<sources::Record>(item);
      CorpusPage page{
          index, file.path + "#" + (record.id.empty() ? record.position.ToString() : record.id)};
      if (Status s = visit_(page, batch::RecordInput(record, storage)); !s.ok()) {
        Fail(page.name, s);
      }
    }
  }

  void Fail(const std::string& name, const Status& status) {
    ++failed_;
    std::lock_guard<std::mutex> lock(log_);
    std::cerr << name << ": " << status.message() << "\n";
  }

  const CorpusOptions& options_;
  const PageVisitor& visit_;
  std::atomic<int> failed_{0};
  std::mutex log_;
};

}  // namespace

int ForEachPage(std::vector<batch::InputFile>& files, const CorpusOptions& options,
                const PageVisitor& visit) {
  batch::ResolveKinds(batch::InputFormat::kAuto, &files);
  Corpus corpus(options, visit);
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t i; (i = next++) < files.size();) corpus.Visit(i, files[i]);
  };
  const size_t n = options.threads > 0 ? size_t(options.threads)
                                       : std::max(1u, std::thread::hardware_concurrency());
  std::vector<std::thread> pool;
  for (size_t t = 1; t < std::min(n, files.size()); ++t) pool.emplace_back(work);
  work();
  for (std::thread& t : pool) t.join();
  return corpus.failed();
}

}  // namespace winnow::cli
