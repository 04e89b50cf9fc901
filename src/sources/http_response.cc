#include "sources/http_response.h"

#include <algorithm>
#include <charconv>

#include "sources/gzip.h"

namespace winnow::sources {
namespace {

std::string_view Trim(std::string_view s) {
  size_t begin = s.find_first_not_of(" \t\r\n");
  if (begin == std::string_view::npos) return {};
  return s.substr(begin, s.find_last_not_of(" \t\r\n") - begin + 1);
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// Takes the next line (without CRLF or LF) off *s; false if there is no line end.
bool TakeLine(std::string_view* s, std::string_view* line) {
  size_t nl = s->find('\n');
  if (nl == std::string_view::npos) return false;
  *line = s->substr(0, nl);
  if (!line->empty() && line->back() == '\r') line->remove_suffix(1);
  s->remove_prefix(nl + 1);
  return true;
}

// Undoes chunked transfer coding; InvalidInput if body is not chunked.
Result<std::string> Dechunk(std::string_view body, size_t max_output) {
  std::string out;
  std::string_view line;
  while (TakeLine(&body, &line)) {
    std::string_view hex = Trim(line.substr(0, line.find(';')));  // drop chunk extensions
    uint64_t size = 0;
    auto [end, ec] = std::from_chars(hex.data(), hex.data() + hex.size(), size, 16);
    if (hex.empty() || ec != std::errc() || end != hex.data() + hex.size()) break;
    if (size == 0) return out;  // trailers, if any, are not payload
    if (size > body.size()) break;
    if (out.size() + size > max_output) {
      return Status::LimitExceeded("payload exceeds " + std::to_string(max_output) + " bytes");
    }
    out.append(body.substr(0, size));
    body.remove_prefix(size);
    if (body.starts_with("\r\n")) {
      body.remove_prefix(2);
    } else if (body.starts_with("\n")) {
      body.remove_prefix(1);
    }
    if (body.empty()) return out;  // the last chunk was lost: keep what arrived
  }
  return Status::InvalidInput("not chunked");
}

}  // namespace

bool AddHeaderLine(std::string_view line, Headers* headers) {
  if (!line.empty() && (line[0] == ' ' || line[0] == '\t')) {
    if (headers->empty()) return false;
    headers->back().value += ' ';
    headers->back().value += Trim(line);
    return true;
  }
  size_t colon = line.find(':');
  if (colon == 0 || colon == std::string_view::npos) return false;
  std::string_view name = line.substr(0, colon);
  if (name.find_first_of(" \t") != std::string_view::npos) return false;
  headers->push_back({Lower(name), std::string(Trim(line.substr(colon + 1)))});
  return true;
}

const std::string* FindHeader(const Headers& headers, std::string_view name) {
  auto it = std::find_if(headers.begin(), headers.end(),
                         [&](const HeaderField& h) { return h.name == name; });
  return it == headers.end() ? nullptr : &it->value;
}

MediaType ParseMediaType(std::string_view content_type) {
  MediaType media;
  size_t semi = content_type.find(';');
  media.type = Lower(Trim(content_type.substr(0, semi)));
  while (semi != std::string_view::npos) {
    content_type.remove_prefix(semi + 1);
    semi = content_type.find(';');
    std::string_view param = content_type.substr(0, semi);
    size_t eq = param.find('=');
    if (eq == std::string_view::npos) continue;
    std::string name = Lower(Trim(param.substr(0, eq)));
    std::string_view value = Trim(param.substr(eq + 1));
    if (value.size() >= 2 && (value[0] == '"' || value[0] == '\'') && value.back() == value[0]) {
      value = value.substr(1, value.size() - 2);
    }
    if (name == "charset") media.charset = Lower(value);
    if (name == "msgtype") media.msgtype = Lower(value);
  }
  return media;
}

Result<HttpResponse> ParseHttpResponse(std::string_view block, size_t max_header_bytes) {
  HttpResponse response;
  std::string_view rest = block;
  std::string_view line;
  if (!TakeLine(&rest, &line) || !line.starts_with("HTTP/")) {
    return Status::InvalidInput("malformed HTTP status line");
  }
  // "HTTP/1.1 200 OK": the code is the second token.
  size_t space = line.find(' ');
  std::string_view code = space == std::string_view::npos ? "" : line.substr(space + 1, 3);
  auto [end, ec] = std::from_chars(code.data(), code.data() + code.size(), response.status);
  if (code.size() != 3 || ec != std::errc() || end != code.data() + 3) {
    return Status::InvalidInput("malformed HTTP status line");
  }
  while (true) {
    if (block.size() - rest.size() > max_header_bytes) {
      return Status::LimitExceeded("HTTP headers exceed " + std::to_string(max_header_bytes) +
                                   " bytes");
    }
    if (!TakeLine(&rest, &line)) return Status::InvalidInput("HTTP headers never end");
    if (line.empty()) break;
    if (!AddHeaderLine(line, &response.headers)) {
      return Status::InvalidInput("malformed HTTP header line");
    }
  }
  response.body = rest;
  return response;
}

Result<std::string> DecodeBody(const HttpResponse& response, size_t max_output) {
  std::string body(response.body.substr(0, max_output + 1));
  if (body.size() > max_output) {
    return Status::LimitExceeded("payload exceeds " + std::to_string(max_output) + " bytes");
  }
  const std::string* transfer = FindHeader(response.headers, "transfer-encoding");
  if (transfer != nullptr && Lower(*transfer).find("chunked") != std::string::npos) {
    Result<std::string> dechunked = Dechunk(body, max_output);
    if (dechunked.ok()) {
      body = std::move(*dechunked);
    } else if (dechunked.status().code() == Status::Code::kLimitExceeded) {
      return dechunked.status();
    }
  }
  const std::string* encoding = FindHeader(response.headers, "content-encoding");
  std::string coding = encoding ? Lower(Trim(*encoding)) : "";
  if (coding == "gzip" || coding == "x-gzip") return IsGzip(body) ? Gunzip(body, max_output) : body;
  // Other codings (br, deflate, zstd) are not decoded; markup means the payload already was.
  std::string_view start = Trim(std::string_view(body).substr(0, 64));
  if (coding.empty() || coding == "identity" || start.starts_with('<')) return body;
  return Status::InvalidInput("unsupported Content-Encoding '" + coding + "'");
}

}  // namespace winnow::sources
