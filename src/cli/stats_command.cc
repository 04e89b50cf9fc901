// `winnow stats PATH...`: what the rules do over a corpus. Per rule, the lines and pages it
// decided, with examples; the rules that never fire; lines per label; and the removed lines
// the fallback decided most often, normalised, which are the candidates for new rules.
#include <algorithm>
#include <array>
#include <cstdio>
#include <iostream>
#include <map>
#include <set>

#include "cli/commands.h"
#include "cli/corpus.h"
#include "cli/load_cleaner.h"
#include "cli/rule_flags.h"
#include "rules/rule_set.h"
#include "sinks/explain.h"
#include "sources/jsonl_writer.h"

namespace winnow::cli {
namespace po = boost::program_options;

namespace {

struct Example {
  std::string page;  // CorpusPage::name
  uint32_t line = 0;
  std::string text;
};

// What one page contributes.
struct PageStats {
  std::array<uint32_t, kLabelCount> labels{};
  std::map<int, std::vector<Example>> rule_lines;  // rule -> the lines it decided
  std::vector<std::string> fallback_removed;       // normalised texts
};

struct Count {
  size_t lines = 0, pages = 0;
};

// Digits to 0, ASCII lowercased: "Page 2 of 10" and "page 3 of 12" are one candidate.
std::string Normalise(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= '0' && c <= '9') c = '0';
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

PageStats Collect(const Cleaned& c, const std::string& page, size_t width) {
  PageStats s;
  s.labels = c.label_counts;
  std::string_view src = c.source;
  for (const Decision& d : c.decisions) {
    std::string_view text = src.substr(d.text.begin, d.text.end - d.text.begin);
    std::set<int> rules;  // a line counts once per rule, however many spans it drops
    if (d.rule >= 0) rules.insert(d.rule);
    for (uint32_t k = 0; k < d.span_count; ++k) {
      if (int r = c.spans[d.first_span + k].rule; r >= 0) rules.insert(r);
    }
    for (int r : rules) {
      s.rule_lines[r].push_back({page, d.line_number, std::string(ClipText(text, width))});
    }
    // Lines of a cut region are the cut rule's doing, not the fallback's.
    if (d.rule < 0 && d.reason != Reason::kCutRegion && !IsKept(d.label)) {
      s.fallback_removed.push_back(Normalise(text));
    }
  }
  return s;
}

std::string Json(std::string_view s) {
  std::string out;
  sources::AppendJsonString(s, &out);
  return out;
}

}  // namespace

int RunStats(const Args& args) {
  Options options;
  std::vector<std::string> paths;
  std::string format = "text";
  size_t examples = 3, top = 20, width = 100;
  CorpusOptions corpus;
  po::options_description desc("options");
  desc.add_options()("path", po::value(&paths)->composing(),
                     "pages, JSONL or WARC files, or folders of them")(
      "format", po::value(&format)->default_value(format), "text or json")(
      "examples", po::value(&examples)->default_value(examples), "example lines per rule")(
      "top", po::value(&top)->default_value(top), "fallback-removed lines listed")(
      "width", po::value(&width)->default_value(width), "bytes of line text shown; 0: all")(
      "threads,j", po::value(&corpus.threads)->default_value(0), "worker threads; 0: one per core")(
      "url", po::value(&corpus.url), "URL of page files, for site-scoped rules");
  AddJsonlFlags(desc, corpus.jsonl);
  AddRuleFlags(desc, options);
  const char* usage =
      "usage: winnow stats [--format text|json] [--rules PATH]... PATH...\n"
      "Per rule, the lines and pages it decided; the rules that never fired; lines per label;\n"
      "the removed lines the fallback decided most often (digits as 0, lowercased). A page is\n"
      "a page file or a record of a JSONL or WARC file.";
  po::variables_map vm;
  if (int rc = ParseArgs(args, desc, usage, "path", vm); rc >= 0) return rc;
  ApplyRuleFlags(vm, options);
  if (paths.empty() || (format != "text" && format != "json")) {
    std::cerr << usage << "\n";
    return 2;
  }
  options.keep_decisions = true;
  std::unique_ptr<Cleaner> cleaner = LoadCleaner(options);
  if (!cleaner) return 2;

  std::vector<batch::InputFile> files = batch::WalkInputs(paths);
  // Each file's pages, in order (one worker reads a file).
  std::vector<std::vector<PageStats>> per_file(files.size());
  corpus.max_bytes = options.max_document_bytes;
  int failed = ForEachPage(files, corpus, [&](const CorpusPage& page, const Input& input) {
    Result<Cleaned> c = cleaner->Clean(input);
    if (!c.ok()) return c.status();
    per_file[page.file].push_back(Collect(*c, page.name, width));
    return Status::Ok();
  });

  // Merged in corpus order, so examples and ties do not depend on the threads.
  const size_t rule_count = cleaner->rule_count();
  std::array<uint64_t, kLabelCount> labels{};
  std::vector<Count> rules(rule_count);
  std::vector<std::vector<Example>> rule_examples(rule_count);
  std::map<std::string, Count> fallback;
  size_t pages = 0;
  for (auto& file : per_file) {
    for (PageStats& page : file) {
      ++pages;
      for (int l = 0; l < kLabelCount; ++l) labels[l] += page.labels[l];
      for (auto& [r, lines] : page.rule_lines) {
        rules[r].lines += lines.size();
        ++rules[r].pages;
        for (Example& e : lines) {
          if (rule_examples[r].size() < examples) rule_examples[r].push_back(std::move(e));
        }
      }
      std::set<std::string> seen;
      for (std::string& text : page.fallback_removed) {
        Count& c = fallback[text];
        ++c.lines;
        if (seen.insert(text).second) ++c.pages;
      }
    }
  }
  uint64_t total = 0;
  for (uint64_t n : labels) total += n;
  std::vector<std::pair<std::string, Count>> candidates(fallback.begin(), fallback.end());
  std::stable_sort(candidates.begin(), candidates.end(),
                   [](const auto& x, const auto& y) { return x.second.lines > y.second.lines; });
  if (candidates.size() > top) candidates.resize(top);

  std::vector<int> order;  // fired rules, most lines first
  for (size_t r = 0; r < rule_count; ++r) {
    if (rules[r].lines) order.push_back(static_cast<int>(r));
  }
  std::stable_sort(order.begin(), order.end(),
                   [&](int x, int y) { return rules[x].lines > rules[y].lines; });
  auto source = [&](int r) -> const std::string& { return cleaner->rules().rules()[r].source; };

  std::string out;
  char buf[64];
  if (format == "json") {
    out = "{\"pages\":" + std::to_string(pages) + ",\"lines\":" + std::to_string(total) +
          ",\"labels\":{";
    for (int l = 0; l < kLabelCount; ++l) {
      out +=
          (l ? ",\"" : "\"") + std::string(LabelName(Label(l))) + "\":" + std::to_string(labels[l]);
    }
    out += "},\"rules\":[";
    for (size_t i = 0; i < order.size(); ++i) {
      int r = order[i];
      out += (i ? ",{\"rule\":" : "{\"rule\":") + Json(cleaner->RuleOrigin(r)) +
             ",\"source\":" + Json(source(r)) + ",\"lines\":" + std::to_string(rules[r].lines) +
             ",\"pages\":" + std::to_string(rules[r].pages) + ",\"examples\":[";
      for (size_t k = 0; k < rule_examples[r].size(); ++k) {
        const Example& e = rule_examples[r][k];
        out += (k ? ",{\"path\":" : "{\"path\":") + Json(e.page) +
               ",\"line\":" + std::to_string(e.line) + ",\"text\":" + Json(e.text) + "}";
      }
      out += "]}";
    }
    out += "],\"never_fired\":[";
    bool first = true;
    for (size_t r = 0; r < rule_count; ++r) {
      if (rules[r].lines) continue;
      out += (first ? "{\"rule\":" : ",{\"rule\":") + Json(cleaner->RuleOrigin(int(r))) +
             ",\"source\":" + Json(source(int(r))) + "}";
      first = false;
    }
    out += "],\"fallback_removed\":[";
    for (size_t i = 0; i < candidates.size(); ++i) {
      out += (i ? ",{\"text\":" : "{\"text\":") + Json(candidates[i].first) +
             ",\"lines\":" + std::to_string(candidates[i].second.lines) +
             ",\"pages\":" + std::to_string(candidates[i].second.pages) + "}";
    }
    out += "]}\n";
  } else {
    out = std::to_string(pages) + " pages, " + std::to_string(total) + " lines\n\nlabels:\n";
    for (int l = 0; l < kLabelCount; ++l) {
      if (!labels[l]) continue;
      std::snprintf(buf, sizeof buf, "  %-12s %7llu  %5.1f%%\n",
                    std::string(LabelName(Label(l))).c_str(), (unsigned long long)labels[l],
                    total ? 100.0 * labels[l] / total : 0.0);
      out += buf;
    }
    out += "\nrules that fired (lines, pages):\n";
    for (int r : order) {
      std::snprintf(buf, sizeof buf, "%6zu %5zu  ", rules[r].lines, rules[r].pages);
      out += buf + cleaner->RuleOrigin(r) + "  " + source(r) + "\n";
      for (const Example& e : rule_examples[r]) {
        out += "               " + e.page + ":" + std::to_string(e.line) + "  | " + e.text + "\n";
      }
    }
    out += "\nrules that never fired (" + std::to_string(rule_count - order.size()) + "):\n";
    for (size_t r = 0; r < rule_count; ++r) {
      if (!rules[r].lines) out += "  " + cleaner->RuleOrigin(int(r)) + "  " + source(int(r)) + "\n";
    }
    out += "\nremoved by the fallback most often (lines, pages; candidates for rules):\n";
    for (const auto& [text, count] : candidates) {
      std::snprintf(buf, sizeof buf, "%6zu %5zu  ", count.lines, count.pages);
      out += buf + std::string(ClipText(text, width)) + "\n";
    }
  }
  std::cout << out << std::flush;
  return failed || !std::cout ? 1 : 0;
}

}  // namespace winnow::cli
