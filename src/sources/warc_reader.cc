#include "sources/warc_reader.h"

#include <charconv>

namespace winnow::sources {
namespace {

bool IsBlank(std::string_view line) {
  return line.find_first_not_of(" \t\r") == std::string_view::npos;
}

// WARC-Record-ID is "<urn:uuid:...>"; WARC/1.0 writers also bracket WARC-Target-URI.
std::string Unbracket(const std::string* value) {
  if (value == nullptr) return "";
  std::string_view v = *value;
  if (v.size() >= 2 && v.front() == '<' && v.back() == '>') v = v.substr(1, v.size() - 2);
  return std::string(v);
}

bool ParseLength(std::string_view s, uint64_t* n) {
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), *n);
  return !s.empty() && ec == std::errc() && end == s.data() + s.size();
}

bool IsHtml(std::string_view media_type) {
  return media_type == "text/html" || media_type == "application/xhtml+xml";
}

}  // namespace

WarcReader::WarcReader(ByteStream& in, WarcOptions options)
    : options_(options), lines_(in, options.max_header_bytes) {}

ReadItem WarcReader::Next() {
  while (!ended_) {
    ReadItem item;
    if (ReadRecord(&item) == Step::kDone) return item;
  }
  return EndOfStream{};
}

Result<bool> WarcReader::FindVersionLine(std::optional<uint64_t>* garbage) {
  garbage->reset();
  while (true) {
    std::string_view line;
    Result<bool> more = lines_.Next(&line);
    if (!more.ok() && more.status().code() != Status::Code::kLimitExceeded) return more.status();
    if (more.ok() && !*more) return false;
    if (more.ok() && line.starts_with("WARC/")) {
      record_offset_ = lines_.line_offset();
      return true;
    }
    if (!*garbage && (!more.ok() || !IsBlank(line))) *garbage = lines_.line_offset();
  }
}

ReadItem WarcReader::Fail(const SourcePosition& position, std::string message) {
  ended_ = true;
  return BadItem{position, std::move(message)};
}

ReadItem WarcReader::Resync(const SourcePosition& position, std::string message) {
  uint64_t from = lines_.offset();
  std::optional<uint64_t> garbage;
  Result<bool> found = FindVersionLine(&garbage);
  if (!found.ok()) return Fail(position, message + "; then " + found.status().message());
  at_record_ = *found;
  uint64_t to = *found ? record_offset_ : lines_.offset();
  return BadItem{position,
                 message + "; skipped " + std::to_string(to - from) + " bytes to the next record"};
}

WarcReader::Step WarcReader::Skip(const std::string& type) {
  ++skipped_[type.empty() ? "(none)" : type];
  return Step::kSkipped;
}

WarcReader::Step WarcReader::ReadRecord(ReadItem* item) {
  if (!at_record_) {
    std::optional<uint64_t> garbage;
    Result<bool> found = FindVersionLine(&garbage);
    SourcePosition here{.record = record_number_ + 1, .offset = garbage.value_or(lines_.offset())};
    if (!found.ok()) {
      *item = Fail(here, found.status().message());
      return Step::kDone;
    }
    at_record_ = *found;
    if (garbage) {
      uint64_t to = *found ? record_offset_ : lines_.offset();
      *item = BadItem{
          here, "skipped " + std::to_string(to - *garbage) + " bytes that are not a WARC record"};
      return Step::kDone;
    }
    if (!*found) {
      ended_ = true;
      *item = EndOfStream{};
      return Step::kDone;
    }
  }
  at_record_ = false;
  const SourcePosition position{.record = ++record_number_, .offset = record_offset_};

  Headers headers;
  size_t header_bytes = 0;
  while (true) {
    std::string_view line;
    Result<bool> more = lines_.Next(&line);
    if (!more.ok()) {
      *item = more.status().code() == Status::Code::kLimitExceeded
                  ? Resync(position, "WARC header " + more.status().message())
                  : Fail(position, more.status().message());
      return Step::kDone;
    }
    if (!*more) {
      *item = Fail(position, "truncated record: end of input in the WARC headers");
      return Step::kDone;
    }
    header_bytes += line.size() + 2;
    if (header_bytes > options_.max_header_bytes) {
      *item = Resync(position,
                     "WARC headers exceed " + std::to_string(options_.max_header_bytes) + " bytes");
      return Step::kDone;
    }
    if (line.empty()) break;
    if (!AddHeaderLine(line, &headers)) {
      *item = Resync(position, "malformed WARC header line");
      return Step::kDone;
    }
  }

  const std::string* length_header = FindHeader(headers, "content-length");
  uint64_t length = 0;
  if (length_header == nullptr || !ParseLength(*length_header, &length)) {
    *item = Resync(position, "missing or invalid Content-Length");
    return Step::kDone;
  }
  bool too_large = length > options_.max_record_bytes;
  std::string block;
  Result<uint64_t> got = lines_.ReadBytes(length, too_large ? nullptr : &block);
  if (!got.ok()) {
    *item = Fail(position, got.status().message());
    return Step::kDone;
  }
  if (*got < length) {
    *item = Fail(position, "truncated record: end of input after " + std::to_string(*got) + " of " +
                               std::to_string(length) + " block bytes");
    return Step::kDone;
  }
  if (too_large) {
    *item = BadItem{position, "record of " + std::to_string(length) + " bytes exceeds " +
                                  std::to_string(options_.max_record_bytes) + "; skipped"};
    return Step::kDone;
  }

  const std::string* type = FindHeader(headers, "warc-type");
  if (type == nullptr || *type != "response") return Skip(type ? *type : "");
  const std::string* content_type = FindHeader(headers, "content-type");
  MediaType warc_media = ParseMediaType(content_type ? *content_type : "");
  if (warc_media.type != "application/http" ||
      (!warc_media.msgtype.empty() && warc_media.msgtype != "response")) {
    return Skip("response:non-html");
  }
  Result<HttpResponse> http = ParseHttpResponse(block, options_.max_header_bytes);
  if (!http.ok()) {
    *item = BadItem{position, "HTTP response: " + http.status().message()};
    return Step::kDone;
  }
  const std::string* http_type = FindHeader(http->headers, "content-type");
  MediaType media = ParseMediaType(http_type ? *http_type : "");
  if (!IsHtml(media.type)) return Skip("response:non-html");
  Result<std::string> payload = DecodeBody(*http, options_.max_record_bytes);
  if (!payload.ok()) {
    *item = BadItem{position, "HTTP payload: " + payload.status().message()};
    return Step::kDone;
  }

  Record record;
  record.position = position;
  record.id = Unbracket(FindHeader(headers, "warc-record-id"));
  record.url = Unbracket(FindHeader(headers, "warc-target-uri"));
  record.payload = std::move(*payload);
  record.payload_is_html = true;
  record.charset = std::move(media.charset);
  record.http_status = http->status;
  *item = std::move(record);
  return Step::kDone;
}

}  // namespace winnow::sources
