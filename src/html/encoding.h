// Encoding: reads HTML bytes as UTF-8. The BOM wins, then a declaration (<meta charset>,
// <meta http-equiv=Content-Type>, the XML declaration); with none, valid UTF-8 is taken as is and
// anything else is detected with uchardet. Conversion is iconv (glibc). Undecodable bytes
// become U+FFFD and are counted, never an error.
#ifndef WINNOW_SRC_HTML_ENCODING_H_
#define WINNOW_SRC_HTML_ENCODING_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace winnow::html {

struct DecodedHtml {
  std::string owned;          // the UTF-8 text when it had to be converted or repaired
  std::string_view text;      // valid UTF-8 without BOM; points into `owned` or into the input
  std::string encoding;       // what the bytes were read as: "utf-8", "windows-1252", ...
  size_t replaced_bytes = 0;  // input bytes that could not be decoded and became U+FFFD
};

// Decodes `bytes` into `out` (an out-parameter because out->text may point into out->owned).
// The declaration is looked for in the first `scan_bytes` bytes.
void DecodeHtml(std::string_view bytes, size_t scan_bytes, DecodedHtml* out);

// Decodes `bytes` as the charset `label` names, a label as a transport declares it (the
// charset of an HTTP Content-Type, mapped like DeclaredCharset's). False if iconv does not
// know it; `out` is then unchanged.
bool DecodeAs(std::string_view bytes, std::string_view label, DecodedHtml* out);

// The charset an HTML prefix declares, as an iconv name ("" if none). Labels are mapped as
// browsers do: latin1 and ascii mean windows-1252, a declared utf-16 means utf-8 (the bytes
// could not have been read as ASCII otherwise).
std::string DeclaredCharset(std::string_view head);

}  // namespace winnow::html

#endif  // WINNOW_SRC_HTML_ENCODING_H_
