#include "text/text_source.h"

#include "html/encoding.h"  // the BOM-led UTF-16 conversion HTML uses too
#include "utf8.h"

namespace winnow {

namespace {

bool IsUtf16WithBom(std::string_view bytes) {
  return bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF");
}

}  // namespace

Page PageFromText(std::string_view bytes, size_t* replaced) {
  Page page;
  if (IsUtf16WithBom(bytes)) {
    html::DecodedHtml decoded;
    html::DecodeHtml(bytes, 0, &decoded);
    page.storage = decoded.text;
    page.text = page.storage;
    *replaced = decoded.replaced_bytes;
    return page;
  }
  if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
  *replaced = 0;
  if (utf8::IsValid(bytes)) {
    page.text = bytes;
  } else {
    page.storage.reserve(bytes.size() + 16);
    *replaced = utf8::AppendRepaired(bytes, page.storage);
    page.text = page.storage;
  }
  return page;
}

bool LooksBinary(std::string_view bytes) {
  return !IsUtf16WithBom(bytes) && bytes.substr(0, 1024).find('\0') != std::string_view::npos;
}

}  // namespace winnow
