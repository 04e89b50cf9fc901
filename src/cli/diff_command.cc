// `winnow diff --rules NEW [--base-rules OLD] PATH...`: what a rules change does to a corpus.
// Both rule sets clean every page; each line whose label (or dropped spans) changed is listed,
// grouped by the rule responsible, and the exit status says whether anything changed, so a
// rules repository can gate its changes on it.
#include <algorithm>
#include <iostream>
#include <map>

#include "cli/commands.h"
#include "cli/corpus.h"
#include "cli/load_cleaner.h"
#include "cli/rule_flags.h"
#include "rules/rule_set.h"
#include "sinks/explain.h"

namespace winnow::cli {
namespace po = boost::program_options;

namespace {

struct Change {
  size_t page = 0;
  uint32_t line = 0;
  std::string from, to;  // "label (decider)"
  std::string group;     // the responsible rule's origin, or "fallback"
  std::string text;
  bool dropped = false, kept = false;  // newly removed / newly kept
};

// One side's outcome for a line: its label, and its dropped spans if any ("body+2 spans").
std::string Outcome(const Decision& d) {
  std::string s(LabelName(d.label));
  if (d.span_count)
    s += "+" + std::to_string(d.span_count) + (d.span_count > 1 ? " spans" : " span");
  return s;
}

bool SameSpans(const Cleaned& a, const Decision& da, const Cleaned& b, const Decision& db) {
  if (da.span_count != db.span_count) return false;
  for (uint32_t k = 0; k < da.span_count; ++k) {
    const DroppedSpan& x = a.spans[da.first_span + k];
    const DroppedSpan& y = b.spans[db.first_span + k];
    if (x.span.begin != y.span.begin || x.span.end != y.span.end || x.label != y.label) {
      return false;
    }
  }
  return true;
}

// The rule that made the difference on one side: the line's rule when the label changed, else
// the first span rule.
int ResponsibleRule(const Cleaned& c, const Decision& d, bool label_changed) {
  if (label_changed || !d.span_count) return d.rule;
  return c.spans[d.first_span].rule;
}

// Decisions are per line of the same input, so both sides have the same lines.
void Compare(const Cleaner& base, const Cleaned& a, const Cleaner& next, const Cleaned& b,
             size_t page, size_t width, std::vector<Change>& out) {
  size_t n = std::min(a.decisions.size(), b.decisions.size());
  for (size_t i = 0; i < n; ++i) {
    const Decision& da = a.decisions[i];
    const Decision& db = b.decisions[i];
    bool label_changed = da.label != db.label;
    if (!label_changed && SameSpans(a, da, b, db)) continue;
    Change ch;
    ch.page = page;
    ch.line = db.line_number;
    ch.from = Outcome(da) + " (" + DeciderName(base, da.rule, da.reason) + ")";
    ch.to = Outcome(db) + " (" + DeciderName(next, db.rule, db.reason) + ")";
    int rule_b = ResponsibleRule(b, db, label_changed);
    int rule_a = ResponsibleRule(a, da, label_changed);
    ch.group = rule_b >= 0   ? next.RuleOrigin(rule_b) + "  " + next.rules().rules()[rule_b].source
               : rule_a >= 0 ? base.RuleOrigin(rule_a) + "  " + base.rules().rules()[rule_a].source
                             : "fallback (no rule on either side)";
    std::string_view src = b.source;
    ch.text = std::string(ClipText(src.substr(db.text.begin, db.text.end - db.text.begin), width));
    ch.dropped = IsKept(da.label) && !IsKept(db.label);
    ch.kept = !IsKept(da.label) && IsKept(db.label);
    out.push_back(std::move(ch));
  }
}

}  // namespace

int RunDiff(const Args& args) {
  Options next_options;
  std::vector<std::string> base_rules, paths;
  int threads = 0;
  size_t width = 100;
  po::options_description desc("options");
  desc.add_options()("path", po::value(&paths)->composing(), "pages: files or folders")(
      "base-rules", po::value(&base_rules)->composing(),
      "rules file or folder the base side uses instead of --rules (repeatable)")(
      "threads,j", po::value(&threads)->default_value(threads), "worker threads; 0: one per core")(
      "width", po::value(&width)->default_value(width), "bytes of line text shown; 0: all");
  AddRuleFlags(desc, next_options);
  const char* usage =
      "usage: winnow diff --rules NEW [--base-rules OLD] [--no-default-rules] PATH...\n"
      "Cleans every page with the base rules (the built-in ones plus --base-rules) and the new\n"
      "ones (the built-in ones plus --rules); --no-default-rules drops the built-in ones from\n"
      "both. Lists every line whose label or dropped spans changed, grouped by the rule\n"
      "responsible. Exit status: 0 nothing changed, 1 something changed, 2 usage or rule\n"
      "errors or an input that could not be read (the corpus was not compared whole).";
  po::variables_map vm;
  if (int rc = ParseArgs(args, desc, usage, "path", vm); rc >= 0) return rc;
  ApplyRuleFlags(vm, next_options);
  if (next_options.rule_paths.empty() || paths.empty()) {
    std::cerr << usage << "\n";
    return 2;
  }
  next_options.keep_decisions = true;
  Options base_options = next_options;
  base_options.rule_paths = base_rules;
  std::unique_ptr<Cleaner> base = LoadCleaner(base_options);
  std::unique_ptr<Cleaner> next = LoadCleaner(next_options);
  if (!base || !next) return 2;

  std::vector<batch::InputFile> files = batch::WalkInputs(paths);
  std::vector<std::vector<Change>> per_page(files.size());
  std::vector<char> compared(files.size(), 0);
  int failed = ForEachPage(files, next_options.max_document_bytes, threads,
                           [&](size_t i, const Input& input) {
                             Result<Cleaned> a = base->Clean(input);
                             if (!a.ok()) return a.status();
                             Result<Cleaned> b = next->Clean(input);
                             if (!b.ok()) return b.status();
                             Compare(*base, *a, *next, *b, i, width, per_page[i]);
                             compared[i] = 1;
                             return Status::Ok();
                           });

  // Groups in order of size, then name; lines in corpus order.
  std::map<std::string, std::vector<const Change*>> groups;
  size_t changed = 0, pages_changed = 0, dropped = 0, kept = 0;
  for (const auto& page : per_page) {
    pages_changed += !page.empty();
    for (const Change& c : page) {
      groups[c.group].push_back(&c);
      ++changed, dropped += c.dropped, kept += c.kept;
    }
  }
  std::vector<std::pair<std::string, std::vector<const Change*>>> sorted(groups.begin(),
                                                                         groups.end());
  std::stable_sort(sorted.begin(), sorted.end(),
                   [](const auto& x, const auto& y) { return x.second.size() > y.second.size(); });
  for (const auto& [group, changes] : sorted) {
    std::cout << group << "\n";
    for (const Change* c : changes) {
      std::cout << "  " << files[c->page].path << ":" << c->line << "  " << c->from << " -> "
                << c->to << "  | " << c->text << "\n";
    }
    std::cout << "  " << changes.size() << (changes.size() == 1 ? " line" : " lines") << "\n\n";
  }
  size_t pages = std::count(compared.begin(), compared.end(), 1);
  std::cout << changed << (changed == 1 ? " line" : " lines") << " changed in " << pages_changed
            << " of " << pages << " pages: " << dropped << " newly dropped, " << kept
            << " newly kept, " << changed - dropped - kept << " relabelled\n";
  if (failed) {
    std::cerr << "winnow diff: " << failed << " inputs could not be compared\n";
    return 2;
  }
  return changed ? 1 : 0;
}

}  // namespace winnow::cli
