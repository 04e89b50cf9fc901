// winnow: strips boilerplate from scraped web pages, line by line, by rules a person can read.
//
// The manual
// ==========
// A page arrives as a text dump (one block per line, as a crude scraper writes it) or as HTML.
// It is reduced to lines; every line gets a label (body, caption, credit, sidebar, ...) from
// the rules in `rules/*.rules` (RE2 patterns plus shallow features), and lines no rule decides
// get one from a statistical fallback and a context pass. Body lines are written, one paragraph
// per line; every other line keeps its label, the rule that fired (`file:line`) and a reason.
//
// Cleaning one document:
//
//   winnow::Options options;                       // defaults: built-in rules, limits
//   auto cleaner = winnow::Cleaner::Create(options);
//   if (!cleaner.ok()) { std::cerr << cleaner.status().message(); return 2; }
//   winnow::Input input;
//   input.bytes = page_text;                       // a std::string_view
//   input.url = "https://apnews.com/article/...";  // optional: enables site rules
//   winnow::Result<winnow::Cleaned> out = (*cleaner)->Clean(input);
//   if (out.ok()) std::cout << out->text;          // body paragraphs, '\n'-terminated
//
// Cleaning many documents on one thread, a handful at a time (faster for HTML, see below):
//
//   std::vector<winnow::Input> inputs = ...;       // e.g. 16 pages
//   for (winnow::Result<winnow::Cleaned>& out : (*cleaner)->CleanBatch(inputs)) { ... }
//
// Adding rules (see docs/rules.md for the language):
//
//   options.rule_paths = {"my-site.rules"};        // a file or a folder of *.rules
//   options.use_default_rules = false;             // start from nothing
//
//   # my-site.rules
//   caption  drop  /^FILE - /  words>=4
//     + FILE - President Joe Biden speaks in Geneva, June 16, 2021.
//     - File sharing is popular.
//
// Errors are values: Create() returns every rule error at once, one `file:line:col: message`
// per line, and a rule set that does not compile is never half-applied. Clean() reports bad
// input (too large, undecodable) as a Status and never throws. A Cleaner is immutable after
// Create() and safe to share between threads.
#ifndef WINNOW_WINNOW_H_
#define WINNOW_WINNOW_H_

#include <array>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "winnow/label.h"
#include "winnow/options.h"
#include "winnow/status.h"

namespace winnow {

// What the bytes of an Input are.
enum class Format : uint8_t { kAuto, kText, kHtml };

struct Input {
  std::string_view bytes;         // the document; not owned, must outlive Clean()
  std::string url;                // page URL for site-scoped rules; may be empty
  Format format = Format::kAuto;  // kAuto sniffs HTML from the first bytes
};

// Facts about the page that are not body text.
struct Metadata {
  std::string title;
  std::string date;
  std::string author;
  std::string site_name;
  std::string url;
  std::string language;
};

// Why a line got its label when no rule decided it.
enum class Reason : uint8_t {
  kRule,       // a rule fired: see Decision::rule
  kCutRegion,  // inside a region cut by a cut-to-end / cut-from-start rule
  kLong,       // fallback: long with many stop words
  kGood,       // fallback: enough words, stop words and punctuation to be prose
  kShort,      // fallback: too short to judge alone
  kBad,        // fallback: too few stop words or too much like a list or menu
  kContext,    // context pass: took its neighbours' class
  kEdge,       // context pass: outside the main content block
  kMainBlock,  // HTML: inside the main content container
};
std::string_view ReasonName(Reason reason);

// winnow's version, "MAJOR.MINOR.PATCH" (CMakeLists.txt's project version).
std::string_view Version();

// A byte range of one line's text.
struct Span {
  uint32_t begin = 0;
  uint32_t end = 0;
};

// The decision for one input line (blank lines have none).
struct Decision {
  uint32_t line_number = 0;  // 1-based line in the input (text) or block index (HTML)
  Span text;                 // the line's text within Cleaned::source
  Label label = Label::kBody;
  Reason reason = Reason::kGood;
  int32_t rule = -1;        // index into RuleSet rules, or -1
  uint32_t first_span = 0;  // dropped spans: Cleaned::spans[first_span, first_span+span_count)
  uint32_t span_count = 0;
  // The page-context features rules test (`after-prose`, `trailer`, `prose-before`), as the
  // classifier saw them, for explain.
  bool after_prose = false;
  bool trailer = false;
  uint32_t prose_before = 0;
};

// A dropped span inside a kept line.
struct DroppedSpan {
  Span span;
  Label label = Label::kSidebar;
  int32_t rule = -1;  // -1: the segmenter's glued-headline detector
};

struct Cleaned {
  std::string text;  // body paragraphs, one per line, each '\n'-terminated; valid UTF-8
  Metadata meta;
  std::array<uint32_t, kLabelCount> label_counts{};  // lines per label
  std::vector<uint32_t> rule_hits;                   // lines decided per rule index
  // With Options::keep_decisions: the lines as classified, and their decisions.
  std::string source;
  std::vector<Decision> decisions;
  std::vector<DroppedSpan> spans;
  // HTML only: per decision, what the DOM knew ("p links=0.00 in=article,li path=...").
  std::vector<std::string> dom;
};

class RuleSet;

class Cleaner {
 public:
  // Compiles the rules named by options (built-in defaults first, then rule_paths in order).
  static Result<std::unique_ptr<Cleaner>> Create(const Options& options);
  ~Cleaner();

  Result<Cleaned> Clean(const Input& input) const;

  // The results of Clean() on each input, in order, but with every input parsed before any is
  // classified. That is faster for HTML: a parse evicts the classifier's tables (automaton,
  // DFA states) from the CPU caches, so classifying the parsed pages one after another runs
  // warm. The parsed pages are held at once: pass a handful (`winnow clean` passes up to 16
  // files).
  std::vector<Result<Cleaned>> CleanBatch(std::span<const Input> inputs) const;

  // Number of rules; rule indices run from 0 to rule_count() - 1.
  int rule_count() const;
  // Where rule `index` comes from, as `file:line`.
  std::string RuleOrigin(int index) const;
  // 16 hex digits that change whenever the text of a rule file, or their order, does (the
  // files' names do not count): a corpus records it to say which rules cleaned it.
  std::string RulesFingerprint() const;
  const RuleSet& rules() const { return *rules_; }
  const Options& options() const { return options_; }

 private:
  // Copies of the compiled rules, one leased per Clean() call, so threads never share RE2
  // objects (whose DFA caches are guarded by a lock every search takes).
  struct MatcherPool;
  Cleaner(Options options, std::unique_ptr<MatcherPool> pool);
  Options options_;
  const RuleSet* rules_;  // the first copy, owned by the pool
  std::unique_ptr<MatcherPool> pool_;
};

}  // namespace winnow

#endif  // WINNOW_WINNOW_H_
