// Text source: a scraped text dump (one block per line) as a Page.
#ifndef WINNOW_SRC_TEXT_TEXT_SOURCE_H_
#define WINNOW_SRC_TEXT_TEXT_SOURCE_H_

#include <string_view>

#include "page.h"

namespace winnow {

// The page views `bytes` directly when they are valid UTF-8 (a BOM is skipped); otherwise
// it owns a copy with every invalid sequence replaced by U+FFFD, and `replaced` says how many.
// UTF-16 with a BOM is converted to UTF-8.
Page PageFromText(std::string_view bytes, size_t* replaced);

// True for NUL bytes in the first KB (UTF-16 with a BOM aside): images, archives and PDFs
// have them, and read as UTF-8 they would come out as lines of replacement characters.
bool LooksBinary(std::string_view bytes);

}  // namespace winnow

#endif  // WINNOW_SRC_TEXT_TEXT_SOURCE_H_
