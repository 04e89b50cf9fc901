// Segmenter: finds headlines a scraper glued inside a paragraph ("... he said. Maps of
// Russia's invasion of Ukraine Blinken has not spoken ..."), so the headline goes and the
// paragraph stays.
//
// A long line is split into sentences; at the start of each sentence (not the line's first)
// it looks for a run of headline_min_words..headline_max_words words that reads like a
// headline, not like the start of a sentence: no clause punctuation, no articles, auxiliaries
// or pronouns after its first word, at least headline_min_caps capitalised words, not ending
// in a function word, and followed by a capitalised word that starts the real sentence
// (an opening quote, or a capitalised word followed by a lowercase one) with at least
// headline_min_rest_words words before the sentence ends. The last such boundary wins.
#ifndef WINNOW_SRC_CLASSIFY_SEGMENTER_H_
#define WINNOW_SRC_CLASSIFY_SEGMENTER_H_

#include <string_view>
#include <vector>

#include "rules/settings.h"
#include "winnow/winnow.h"

namespace winnow {

// Appends the byte spans (relative to `text`) of glued headlines found in `text`; each span
// includes the whitespace after the headline.
void FindGluedHeadlines(std::string_view text, const Settings& settings, std::vector<Span>& out);

}  // namespace winnow

#endif  // WINNOW_SRC_CLASSIFY_SEGMENTER_H_
