#include <string>

#include "classify/classifier.h"
#include "classify/line.h"
#include "rules/rule_set.h"
#include "sinks/body.h"
#include "text/text_source.h"
#include "winnow/winnow.h"

namespace winnow {

Cleaner::Cleaner(Options options, std::unique_ptr<RuleSet> rules)
    : options_(std::move(options)), rules_(std::move(rules)) {}
Cleaner::~Cleaner() = default;

Result<std::unique_ptr<Cleaner>> Cleaner::Create(const Options& options) {
  Result<std::vector<RuleSource>> sources = RuleSet::Sources(options);
  if (!sources.ok()) return sources.status();
  Result<std::unique_ptr<RuleSet>> rules = RuleSet::Compile(*sources, options.re2_max_mem);
  if (!rules.ok()) return rules.status();
  return std::unique_ptr<Cleaner>(new Cleaner(options, std::move(*rules)));
}

std::string Cleaner::RuleOrigin(int index) const { return rules_->Origin(index); }

Result<Cleaned> Cleaner::Clean(const Input& input) const {
  if (input.bytes.size() > options_.max_document_bytes) {
    return Status::LimitExceeded(
        "document too large (" + std::to_string(input.bytes.size()) +
        " bytes > --max-bytes=" + std::to_string(options_.max_document_bytes) + ")");
  }
  size_t replaced = 0;
  Page page = PageFromText(input.bytes, &replaced);
  page.url = input.url;

  thread_local std::vector<Line> lines;
  thread_local Classification c;
  ComputeLines(page.text, options_.max_line_bytes, lines);
  Classify(*rules_, page, lines, options_.max_line_bytes, c);

  Cleaned out;
  out.text.reserve(page.text.size() / 2);
  AppendBody(page, c, out.text);
  out.meta = std::move(c.meta);
  if (out.meta.url.empty()) out.meta.url = input.url;
  out.rule_hits.assign(rules_->rules().size(), 0);
  for (const Decision& d : c.decisions) {
    ++out.label_counts[static_cast<int>(d.label)];
    if (d.rule >= 0) ++out.rule_hits[d.rule];
  }
  for (const DroppedSpan& s : c.spans) {
    if (s.rule >= 0) ++out.rule_hits[s.rule];
  }
  if (options_.keep_decisions) {
    out.source = std::string(page.text);
    out.decisions = c.decisions;
    out.spans = c.spans;
  }
  return out;
}

}  // namespace winnow
