#include "html/encoding.h"

#include <errno.h>
#include <iconv.h>
#include <uchardet.h>

#include <cstring>

#include "html/tag_scan.h"
#include "utf8.h"

namespace winnow::html {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";

std::string NormalizeLabel(std::string_view label) {
  std::string s;
  for (char c : label) {
    if (!IsHtmlSpace(c) && c != '"' && c != '\'') s += AsciiLower(c);
  }
  if (s == "utf8" || s == "utf-8" || s == "unicode-1-1-utf-8" || s.rfind("utf-16", 0) == 0) {
    return "utf-8";
  }
  if (s == "iso-8859-1" || s == "iso8859-1" || s == "latin1" || s == "l1" || s == "us-ascii" ||
      s == "ascii" || s == "cp1252" || s == "x-cp1252" || s == "windows-1252") {
    return "windows-1252";
  }
  if (s == "iso-8859-9" || s == "latin5") return "windows-1254";
  if (s == "gb2312" || s == "gbk" || s == "x-gbk") return "gb18030";
  if (s == "shift_jis" || s == "sjis" || s == "x-sjis" || s == "windows-31j") return "cp932";
  if (s == "euc-kr" || s == "ks_c_5601-1987") return "cp949";
  if (s == "big5") return "big5-hkscs";
  return s;
}

// The charset=... inside a Content-Type value.
std::string_view CharsetParameter(std::string_view content) {
  const size_t at = FindIgnoreCase(content, 0, "charset");
  if (at == std::string_view::npos) return {};
  size_t p = at + 7;
  while (p < content.size() && IsHtmlSpace(content[p])) ++p;
  if (p >= content.size() || content[p] != '=') return {};
  ++p;
  while (p < content.size() && (IsHtmlSpace(content[p]) || content[p] == '"' || content[p] == '\''))
    ++p;
  size_t e = p;
  while (e < content.size() && !IsHtmlSpace(content[e]) && content[e] != ';' && content[e] != '"' &&
         content[e] != '\'') {
    ++e;
  }
  return content.substr(p, e - p);
}

// Converts with iconv, replacing what does not decode. False if iconv does not know `from`.
bool Convert(std::string_view in, const std::string& from, DecodedHtml* out) {
  iconv_t cd = iconv_open("UTF-8", from.c_str());
  if (cd == reinterpret_cast<iconv_t>(-1)) return false;
  out->owned.clear();
  out->owned.reserve(in.size() + in.size() / 2 + 16);
  char buffer[16384];
  char* src = const_cast<char*>(in.data());
  size_t src_left = in.size();
  while (src_left > 0) {
    char* dst = buffer;
    size_t dst_left = sizeof(buffer);
    const size_t rc = iconv(cd, &src, &src_left, &dst, &dst_left);
    out->owned.append(buffer, dst - buffer);
    if (rc != static_cast<size_t>(-1) || errno == E2BIG) continue;
    // EILSEQ (invalid) or EINVAL (truncated at the end): replace one byte, resynchronize.
    out->owned.append(kReplacement);
    ++out->replaced_bytes;
    ++src;
    --src_left;
  }
  iconv_close(cd);
  // iconv output is valid UTF-8 by construction, except for charsets it passes through
  // unchecked; repairing is cheap insurance since everything downstream relies on validity.
  if (!utf8::IsValid(out->owned)) {
    std::string repaired;
    out->replaced_bytes += utf8::AppendRepaired(out->owned, repaired);
    out->owned.swap(repaired);
  }
  out->text = out->owned;
  out->encoding = from;
  return true;
}

std::string Detect(std::string_view bytes) {
  uchardet_t detector = uchardet_new();
  std::string name;
  if (uchardet_handle_data(detector, bytes.data(), bytes.size()) == 0) {
    uchardet_data_end(detector);
    const char* charset = uchardet_get_charset(detector);
    if (charset != nullptr) name = NormalizeLabel(charset);
  }
  uchardet_delete(detector);
  if (name.empty() || name == "utf-8") name = "windows-1252";  // it was not valid UTF-8
  return name;
}

void TakeUtf8(std::string_view bytes, DecodedHtml* out) {
  out->encoding = "utf-8";
  if (utf8::IsValid(bytes)) {
    out->text = bytes;
    return;
  }
  out->owned.clear();
  out->replaced_bytes = utf8::AppendRepaired(bytes, out->owned);
  out->text = out->owned;
}

}  // namespace

std::string DeclaredCharset(std::string_view head) {
  if (StartsWithIgnoreCase(head, 0, "<?xml")) {
    const size_t close = head.find("?>");
    const std::string_view decl = head.substr(0, close);
    const size_t at = decl.find("encoding");
    if (at != std::string_view::npos) {
      size_t p = decl.find_first_of("\"'", at);
      if (p != std::string_view::npos) {
        const size_t e = decl.find(decl[p], p + 1);
        if (e != std::string_view::npos) return NormalizeLabel(decl.substr(p + 1, e - p - 1));
      }
    }
  }
  ScannedTag tag;
  size_t pos = 0;
  while ((pos = FindIgnoreCase(head, pos, "<meta")) != std::string_view::npos) {
    if (pos + 5 < head.size() && (IsHtmlSpace(head[pos + 5]) || head[pos + 5] == '/') &&
        ScanTag(head, pos, &tag)) {
      if (const TagAttribute* charset = FindAttribute(tag, "charset")) {
        return NormalizeLabel(charset->value);
      }
      const TagAttribute* equiv = FindAttribute(tag, "http-equiv");
      const TagAttribute* content = FindAttribute(tag, "content");
      if (equiv != nullptr && content != nullptr &&
          EqualsIgnoreCase(equiv->value, "content-type")) {
        const std::string_view label = CharsetParameter(content->value);
        if (!label.empty()) return NormalizeLabel(label);
      }
    }
    pos += 5;
  }
  return "";
}

bool DecodeAs(std::string_view bytes, std::string_view label, DecodedHtml* out) {
  const std::string name = NormalizeLabel(label);
  DecodedHtml decoded;
  if (name == "utf-8") {
    TakeUtf8(bytes, &decoded);
  } else if (!Convert(bytes, name, &decoded)) {
    return false;
  }
  const bool owned = decoded.text.data() == decoded.owned.data();
  *out = std::move(decoded);
  if (owned) out->text = out->owned;  // a move may relocate a short string's buffer
  return true;
}

void DecodeHtml(std::string_view bytes, size_t scan_bytes, DecodedHtml* out) {
  out->replaced_bytes = 0;
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") return TakeUtf8(bytes.substr(3), out);
  if (bytes.substr(0, 2) == "\xFF\xFE" && Convert(bytes.substr(2), "utf-16le", out)) return;
  if (bytes.substr(0, 2) == "\xFE\xFF" && Convert(bytes.substr(2), "utf-16be", out)) return;
  // UTF-16 without a BOM still starts with '<' in one of its two bytes.
  if (bytes.size() >= 4 && bytes[0] == '<' && bytes[1] == 0 && bytes[2] != 0 && bytes[3] == 0 &&
      Convert(bytes, "utf-16le", out)) {
    return;
  }
  if (bytes.size() >= 4 && bytes[0] == 0 && bytes[1] == '<' && bytes[2] == 0 && bytes[3] != 0 &&
      Convert(bytes, "utf-16be", out)) {
    return;
  }
  const std::string declared = DeclaredCharset(bytes.substr(0, scan_bytes));
  // Valid UTF-8 is taken as is whatever the declaration: ASCII reads the same in every
  // ASCII-compatible charset, and non-ASCII that happens to be valid UTF-8 is almost never meant
  // as a legacy charset (pages declaring latin1 but written in UTF-8 are common). ISO-2022 is
  // 7-bit, so its bytes are always "valid".
  if (declared.rfind("iso-2022", 0) != 0 && utf8::IsValid(bytes)) {
    out->text = bytes;
    out->encoding = "utf-8";
    return;
  }
  if (declared == "utf-8") return TakeUtf8(bytes, out);
  if (!declared.empty() && Convert(bytes, declared, out)) return;
  if (!Convert(bytes, Detect(bytes), out)) Convert(bytes, "windows-1252", out);
}

}  // namespace winnow::html
