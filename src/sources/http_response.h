// HTTP/1.x responses as WARC response records store them: status line, headers, payload as
// sent (possibly chunked and compressed).
#ifndef WINNOW_SRC_SOURCES_HTTP_RESPONSE_H_
#define WINNOW_SRC_SOURCES_HTTP_RESPONSE_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "winnow/status.h"

namespace winnow::sources {

struct HeaderField {
  std::string name;  // lowercased
  std::string value;
};
using Headers = std::vector<HeaderField>;

// Adds "Name: value" to headers, or appends a folded continuation line (leading space or
// tab) to the last value. False if the line is neither.
bool AddHeaderLine(std::string_view line, Headers* headers);

// The value of the first header named `name` (lowercase), or nullptr.
const std::string* FindHeader(const Headers& headers, std::string_view name);

// A Content-Type value: "text/html; charset=UTF-8" -> {"text/html", "utf-8", ""}.
struct MediaType {
  std::string type;     // lowercased, without parameters
  std::string charset;  // lowercased, unquoted; empty if absent
  std::string msgtype;  // as in "application/http; msgtype=response"
};
MediaType ParseMediaType(std::string_view content_type);

struct HttpResponse {
  int status = 0;
  Headers headers;
  std::string_view body;  // the rest of the parsed block
};

// Parses the status line and headers (CRLF or bare LF line ends) of block; InvalidInput if
// they are malformed or longer than max_header_bytes.
Result<HttpResponse> ParseHttpResponse(std::string_view block, size_t max_header_bytes);

// The payload with Transfer-Encoding: chunked and Content-Encoding: gzip undone. Stored
// payloads are often already decoded although the headers say otherwise, so a body that is not
// chunked or not gzip is taken as it is. More than max_output bytes is LimitExceeded.
Result<std::string> DecodeBody(const HttpResponse& response, size_t max_output);

}  // namespace winnow::sources

#endif  // WINNOW_SRC_SOURCES_HTTP_RESPONSE_H_
