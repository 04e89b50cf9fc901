// Text source: a scraped text dump (one block per line) as a Page.
#ifndef WINNOW_SRC_TEXT_TEXT_SOURCE_H_
#define WINNOW_SRC_TEXT_TEXT_SOURCE_H_

#include <string_view>

#include "page.h"

namespace winnow {

// The page views `bytes` directly when they are valid UTF-8 (a BOM is skipped); otherwise
// it owns a copy with every invalid sequence replaced by U+FFFD, and `replaced` says how many.
Page PageFromText(std::string_view bytes, size_t* replaced);

}  // namespace winnow

#endif  // WINNOW_SRC_TEXT_TEXT_SOURCE_H_
