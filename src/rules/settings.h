// Settings: every threshold of the statistical fallback, the context pass and the segmenter.
// Rule files change them with `set NAME = VALUE`; nothing a user may need to tune is hard-coded.
#ifndef WINNOW_SRC_RULES_SETTINGS_H_
#define WINNOW_SRC_RULES_SETTINGS_H_

#include <string_view>
#include <vector>

namespace winnow {

struct Settings {
  // Fallback (after jusText): a line shorter than length_low characters is "short"; a line
  // with at least stopwords_high of its words stop words is prose ("good" when longer than
  // length_high, else "near-good"); between stopwords_low and stopwords_high "near-good";
  // below stopwords_low "bad".
  double length_low = 70;
  double length_high = 200;
  double stopwords_low = 0.30;
  double stopwords_high = 0.32;
  // Language-independent evidence of prose for lines whose words are not in the stop-word
  // lists: a line of at least prose_min_words words that ends a sentence is near-good, and
  // good when also longer than length_high with at least prose_min_sentences sentences.
  double prose_min_words = 12;
  double prose_min_sentences = 2;
  // HTML: lines whose link density exceeds this are "bad".
  double max_link_density = 0.2;
  // Context pass: a short line with fewer words than this never becomes body by context
  // ("Reply", "1", "Business" between two paragraphs).
  double context_min_words = 2;
  // Context pass: a run of at least prose_run_lines near-good lines (short lines may stand
  // between them) holding at least prose_run_words words is body even between bad
  // neighbours (one-sentence paragraphs). 0 words disables.
  double prose_run_lines = 3;
  double prose_run_words = 60;
  // ... counting only lines with at most this share of capitalised words (not headlines).
  double prose_run_max_caps = 0.5;
  // Main block: kept lines separated by at least block_gap_lines removed lines form
  // separate blocks; blocks with fewer body words than block_min_share of the largest
  // block's are dropped as "edge" (related stories, comments, other articles). 0 disables.
  double block_gap_lines = 10;
  double block_min_share = 0.25;
  // HTML main region (main_block.h): the container with the most prose words, when it has at
  // least main_region_min_words, spans the article; inside it every line that is neither
  // hidden nor link-dense is body. 0 disables.
  double main_region_min_words = 20;
  // Weight of the words of lines a `main` rule fired on (a class such as "article-body").
  double main_hint_weight = 4;
  // An article split over several containers (sections, list items, a div per paragraph): while
  // the region holds less than region_climb_share of the page's prose words, it takes in the
  // containers nested in its own, then climbs to the enclosing container, as long as each step
  // adds a container with at least region_climb_peer of the first container's prose words (not
  // a stream of small teasers). region_climb_share = 0 disables.
  double region_climb_share = 0.5;
  double region_climb_peer = 0.35;
  // Inside the main region, lines are body up to this link density (articles link more
  // freely than boilerplate does: lists of sources, further reading).
  double region_max_link_density = 0.5;
  // A heading (h1-h6) between two body lines of the main region is body up to this link
  // density: round-ups link each section's heading to the thing it reviews.
  double region_heading_max_link_density = 1;
  // Kept blocks outside the main region survive only with this share of its body words.
  double region_outside_share = 0.5;
  // The `trailer` predicate: the paragraph prose after the line is at most trailer_max_prose
  // times that before it (words of the fallback's good and near-good lines that stand next to
  // another such line: paragraphs, not teasers between short lines). A trailer follows the
  // article, so a "Sponsored Links" box above it is not one.
  double trailer_max_prose = 3;
  // Segmenter: lines with at least segment_min_words words are split into sentences and
  // searched for glued headlines of headline_min_words..headline_max_words words with at least
  // headline_min_caps capitalised words, followed by at least headline_min_rest_words words of
  // sentence. glued_headlines = 0 turns the search off.
  double segment_min_words = 150;
  double headline_min_words = 5;
  double headline_max_words = 14;
  double headline_min_caps = 3;
  double headline_min_rest_words = 9;
  double glued_headlines = 1;
};

// Sets the setting called `name`; false if there is none.
bool SetSetting(Settings& settings, std::string_view name, double value);
// Every setting's name, for docs and `winnow check`.
std::vector<std::string_view> SettingNames();

}  // namespace winnow

#endif  // WINNOW_SRC_RULES_SETTINGS_H_
