#include "rules/examples.h"

#include "classify/line.h"
#include "classify/predicates.h"
#include "rules/span_match.h"
#include "sinks/body.h"

namespace winnow {

ExampleReport RunExamples(const RuleSet& rules) {
  ExampleReport report;
  std::vector<Line> lines;
  for (size_t r = 0; r < rules.rules().size(); ++r) {
    const Rule& rule = rules.rules()[r];
    if (rule.examples.empty()) ++report.rules_without_examples;
    for (const Example& ex : rule.examples) {
      ++report.run;
      std::string where = rule.file + ":" + std::to_string(ex.line) + ": ";
      ComputeLines(ex.input, ex.input.size(), lines);
      if (lines.size() != 1) {
        report.failures.push_back(where + "example is empty");
        continue;
      }
      std::string_view text = lines[0].Text(ex.input);
      LineContext ctx{lines[0], nullptr, 1};
      if (rule.re && !rule.re->get().ok()) {
        report.failures.push_back(where + "bad pattern: " + rule.re->get().error());
        continue;
      }
      bool fires = (!rule.re || RE2::PartialMatch(text, rule.re->get())) &&
                   EvaluateAll(rule, ctx, /*skip_context=*/true);
      if (fires != ex.fires) {
        report.failures.push_back(
            where + (ex.fires ? "rule does not fire on: " : "rule fires on: ") + ex.input);
        continue;
      }
      if (!ex.has_output) continue;
      std::string got;
      if (rule.action == Action::kSpan) {
        Decision d;
        d.text = {lines[0].begin, lines[0].end};
        std::vector<Span> found;
        MatchSpans(rule.re->get(), text, lines[0].begin, found);
        std::vector<DroppedSpan> spans;
        for (const Span& s : found) spans.push_back({s, rule.label, static_cast<int32_t>(r)});
        d.span_count = static_cast<uint32_t>(spans.size());
        AppendLineText(ex.input, d, spans, got);
      }
      if (got != ex.output) {
        report.failures.push_back(where + "expected \"" + ex.output + "\", got \"" + got + "\"");
      }
    }
  }
  return report;
}

}  // namespace winnow
