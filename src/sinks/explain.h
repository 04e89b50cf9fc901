// Explain sink: every line of a cleaned page with its label and the rule (file:line) or the
// fallback's reason, and the spans dropped inside kept lines.
#ifndef WINNOW_SRC_SINKS_EXPLAIN_H_
#define WINNOW_SRC_SINKS_EXPLAIN_H_

#include <optional>
#include <ostream>
#include <string>
#include <string_view>

#include "winnow/winnow.h"

namespace winnow {

struct ExplainOptions {
  bool color = false;          // ANSI colours (the CLI sets it for terminals)
  bool only_dropped = false;   // list removed lines only
  bool only_kept = false;      // list kept lines only
  std::optional<Label> label;  // list lines of this label only
  size_t text_width = 0;       // truncate line text to this many bytes; 0: whole line
  bool features = false;       // text rows: a `feat:` row with the line's features
};

// What decided a line: the rule's `file:line`, else "fallback:REASON".
std::string DeciderName(const Cleaner& cleaner, int rule, Reason reason);

// The first `width` bytes of s, cut back to whole code points; width 0: all of s.
std::string_view ClipText(std::string_view s, size_t width);

// The features rules test of a line, under their predicate names: "words=9 caps=0.22
// stop=0.44 punct after-prose !trailer prose-before=120" ("!punct" when it is false), so that
// a rule can be written from what explain shows.
std::string LineFeatures(std::string_view text, const Decision& decision);

// Writes one row per decision: `LINE  LABEL  RULE-OR-REASON  | text`, then indented rows:
// the DOM features (HTML), the line's features (with options.features) and each dropped span.
// Needs a Cleaned made with Options::keep_decisions.
void WriteExplain(const Cleaner& cleaner, const Cleaned& cleaned, const ExplainOptions& options,
                  std::ostream& os);

// The same as JSON Lines: {"line":N,"label":"...","rule":"file:line"|null,"reason":"...",
// "text":"...","feat":{"words":N,"caps":X,"stop":X,"punct":B,"after-prose":B,"trailer":B,
// "prose-before":N},"dom":"..." (HTML),
// "spans":[{"label":"...","rule":...,"text":"..."}]}.
void WriteExplainJson(const Cleaner& cleaner, const Cleaned& cleaned, const ExplainOptions& options,
                      std::ostream& os);

}  // namespace winnow

#endif  // WINNOW_SRC_SINKS_EXPLAIN_H_
