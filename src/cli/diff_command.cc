// `winnow diff --rules NEW [--base-rules OLD] PATH...`: what a rules change does to a corpus.
// Both rule sets clean every page; each line whose label (or dropped spans) changed is listed,
// grouped by the rule responsible, and the exit status says whether anything changed, so a
// rules repository can gate its changes on it.
#include <algorithm>
#include <atomic>
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
  std::string page;  // CorpusPage::name
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
             const std::string& page, size_t width, std::vector<Change>& out) {
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
  size_t width = 100;
  po::options_description desc("options");
  CorpusOptions corpus;
  desc.add_options()("path", po::value(&paths)->composing(),
                     "pages, JSONL or WARC files, or folders of them")(
      "base-rules", po::value(&base_rules)->composing(),
      "rules file or folder the base side uses instead of --rules (repeatable)")(
      "threads,j", po::value(&corpus.threads)->default_value(0), "worker threads; 0: one per core")(
      "width", po::value(&width)->default_value(width), "bytes of line text shown; 0: all")(
      "url", po::value(&corpus.url), "URL of page files, for site-scoped rules");
  AddJsonlFlags(desc, corpus.jsonl);
  AddRuleFlags(desc, next_options);
  const char* usage =
      "usage: winnow diff --rules NEW [--base-rules OLD] [--no-default-rules] PATH...\n"
      "Cleans every page (page files, and the records of JSONL and WARC files) with the base\n"
      "rules (the built-in ones plus --base-rules) and the new ones (the built-in ones plus\n"
      "--rules); --no-default-rules drops the built-in ones from both. Lists every line whose\n"
      "label or dropped spans changed, grouped by the rule responsible. Exit status: 0 nothing\n"
      "changed, 1 something changed, 2 usage or rule errors or an input that could not be read\n"
      "(the corpus was not compared whole).";
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
  // Each file's changes, in page order (one worker reads a file).
  std::vector<std::vector<Change>> per_file(files.size());
  std::atomic<size_t> pages{0}, pages_changed{0};
  corpus.max_bytes = next_options.max_document_bytes;
  int failed = ForEachPage(files, corpus, [&](const CorpusPage& page, const Input& input) {
    Result<Cleaned> a = base->Clean(input);
    if (!a.ok()) return a.status();
    Result<Cleaned> b = next->Clean(input);
    if (!b.ok()) return b.status();
    std::vector<Change>& out = per_file[page.file];
    const size_t before = out.size();
    Compare(*base, *a, *next, *b, page.name, width, out);
    ++pages;
    pages_changed += out.size() > before;
    return Status::Ok();
  });

  // Groups in order of size, then name; lines in corpus order.
  std::map<std::string, std::vector<const Change*>> groups;
  size_t changed = 0, dropped = 0, kept = 0;
  for (const auto& file : per_file) {
    for (const Change& c : file) {
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
      std::cout << "  " << c->page << ":" << c->line << "  " << c->from << " -> " << c->to << "  | "
                << c->text << "\n";
    }
    std::cout << "  " << changes.size() << (changes.size() == 1 ? " line" : " lines") << "\n\n";
  }
  std::cout << changed << (changed == 1 ? " line" : " lines") << " changed in " << pages_changed
            << " of " << pages << " pages: " << dropped << " newly dropped, " << kept
            << " newly kept, " << changed - dropped - kept << " relabelled\n";
  if (failed) {
    std::cerr << "winnow diff: " << failed << (failed == 1 ? " input" : " inputs")
              << " could not be compared\n";
    return 2;
  }
  return changed ? 1 : 0;
}

}  // namespace winnow::cli
