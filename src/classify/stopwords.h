// Stop-word lists for the fallback's prose test (jusText's central feature).
#ifndef WINNOW_SRC_CLASSIFY_STOPWORDS_H_
#define WINNOW_SRC_CLASSIFY_STOPWORDS_H_

#include <string_view>

namespace winnow {

// True if `lower` (an ASCII-lowercased word without surrounding punctuation) is a stop word
// of English or of the other languages bundled (German, French, Spanish, Italian, Dutch,
// Portuguese, Indonesian): a page in any of them scores as prose.
bool IsStopWord(std::string_view lower);

}  // namespace winnow

#endif  // WINNOW_SRC_CLASSIFY_STOPWORDS_H_
