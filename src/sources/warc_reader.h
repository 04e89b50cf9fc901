// WarcReader: HTML pages out of WARC/1.0 and 1.1 files (.warc, or .warc.gz with a gzip member
// per record as Common Crawl ships them), streaming.
#ifndef WINNOW_SRC_SOURCES_WARC_READER_H_
#define WINNOW_SRC_SOURCES_WARC_READER_H_

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include "sources/gzip.h"
#include "sources/http_response.h"
#include "sources/line_reader.h"
#include "sources/record.h"

namespace winnow::sources {

struct WarcOptions {
  // Records whose block (Content-Length) or decoded payload is larger are reported as bad
  // items and skipped without being buffered.
  uint64_t max_record_bytes = 64u << 20;
  // Cap on a record's WARC header block and, separately, its HTTP header block.
  size_t max_header_bytes = 64u << 10;
};

// Yields a Record for each `response` record holding an HTTP response whose Content-Type is
// text/html or application/xhtml+xml: the payload with HTTP headers stripped and transfer and
// content codings undone, the declared charset, the WARC-Target-URI and WARC-Record-ID. Other
// records are counted in skipped(). A malformed record header is a bad item after which the
// reader resynchronizes at the next `WARC/` line; a truncated record is a bad item and the end.
class WarcReader : public RecordReader {
 public:
  // Reads from in, which must outlive the reader.
  WarcReader(ByteStream& in, WarcOptions options);

  ReadItem Next() override;

  // Records read but not yielded, by WARC-Type; responses that are not HTML (or not HTTP)
  // count as "response:non-html".
  const std::map<std::string, uint64_t>& skipped() const { return skipped_; }

 private:
  enum class Step { kDone, kSkipped };
  // Reads the next record, bad item or end into *item, or returns kSkipped.
  Step ReadRecord(ReadItem* item);
  // Reads up to the next `WARC/` line; false at the end of the input. *garbage is where
  // anything but blank lines before it starts, or nullopt.
  Result<bool> FindVersionLine(std::optional<uint64_t>* garbage);
  // A bad item for a malformed record; the reader skips to the next `WARC/` line.
  ReadItem Resync(const SourcePosition& position, std::string message);
  // A bad item after which the stream ends.
  ReadItem Fail(const SourcePosition& position, std::string message);
  Step Skip(const std::string& type);

  WarcOptions options_;
  LineReader lines_;
  bool at_record_ = false;      // the `WARC/` line of the next record has been read
  uint64_t record_offset_ = 0;  // where that line starts
  uint64_t record_number_ = 0;
  bool ended_ = false;
  std::map<std::string, uint64_t> skipped_;
};

}  // namespace winnow::sources

#endif  // WINNOW_SRC_SOURCES_WARC_READER_H_
