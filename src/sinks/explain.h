// Explain sink: every line of a cleaned page with its label and the rule (file:line) or the
// fallback's reason, and the spans dropped inside kept lines.
#ifndef WINNOW_SRC_SINKS_EXPLAIN_H_
#define WINNOW_SRC_SINKS_EXPLAIN_H_

#include <optional>
#include <ostream>

#include "winnow/winnow.h"

namespace winnow {

struct ExplainOptions {
  bool color = false;          // ANSI colours (the CLI sets it for terminals)
  bool only_dropped = false;   // list removed lines only
  bool only_kept = false;      // list kept lines only
  std::optional<Label> label;  // list lines of this label only
  size_t text_width = 0;       // truncate line text to this many bytes; 0: whole line
};

// Writes one row per decision: `LINE  LABEL  RULE-OR-REASON  | text`, then one indented row
// per dropped span. Needs a Cleaned made with Options::keep_decisions.
void WriteExplain(const Cleaner& cleaner, const Cleaned& cleaned, const ExplainOptions& options,
                  std::ostream& os);

// The same as JSON Lines: {"line":N,"label":"...","rule":"file:line"|null,"reason":"...",
// "text":"...","spans":[{"label":"...","rule":...,"text":"..."}]}.
void WriteExplainJson(const Cleaner& cleaner, const Cleaned& cleaned, const ExplainOptions& options,
                      std::ostream& os);

}  // namespace winnow

#endif  // WINNOW_SRC_SINKS_EXPLAIN_H_
