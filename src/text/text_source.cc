#include "text/text_source.h"

#include "utf8.h"

namespace winnow {

Page PageFromText(std::string_view bytes, size_t* replaced) {
  Page page;
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

}  // namespace winnow
