#include "rules/lint.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <set>
#include <utility>

#include "classify/classifier.h"
#include "classify/line.h"
#include "classify/predicates.h"

namespace winnow {
namespace {

// Ordinary news and blog prose: a removal rule that fires on most of these would eat articles.
constexpr const char* kProse[] = {
    "The city council voted on Tuesday to raise the minimum wage by two dollars an hour.",
    "She said the new policy would take effect at the start of next year.",
    "Officials did not say how many people had been affected by the outage.",
    "It was the third time in a month that the bridge had been closed for repairs.",
    "\"We are not going to give up,\" he told reporters outside the courthouse.",
    "Scientists have long suspected that the two species share a common ancestor.",
    "In 2019, the company reported revenue of $4.2 billion, up 12 percent from a year earlier.",
    "Residents were asked to stay indoors until the smoke had cleared.",
    "The museum, which opened in 1987, draws more than a million visitors each year.",
    "Many of the students had never seen snow before moving to the north.",
    "Prices rose sharply after the storm disrupted shipping along the coast.",
    "He spent most of his career as a teacher before turning to politics.",
};
constexpr int kProseCount = sizeof kProse / sizeof kProse[0];

// A predicate as text, so that equal predicates compare equal whatever their order.
std::string PredicateKey(const Predicate& p) {
  char number[32];
  std::snprintf(number, sizeof number, "%.17g", p.number);
  return std::to_string(static_cast<int>(p.feature)) + "|" + std::to_string(int(p.op)) + "|" +
         (p.negate ? "!" : "") + number + "|" + std::to_string(p.containers) + "|" + p.text + "|" +
         (p.re ? p.re->pattern() : "");
}

std::vector<std::string> PredicateKeys(const Rule& r) {
  std::vector<std::string> keys;
  for (const Predicate& p : r.predicates) keys.push_back(PredicateKey(p));
  std::sort(keys.begin(), keys.end());
  return keys;
}

std::vector<std::string> SortedSites(const Rule& r) {
  std::vector<std::string> sites = r.sites;
  std::sort(sites.begin(), sites.end());
  return sites;
}

// Everything that decides what a rule does, for finding duplicates.
std::string RuleKey(const Rule& r) {
  std::string key = std::to_string(int(r.label)) + "\n" + std::to_string(int(r.action)) + "\n" +
                    std::to_string(int(r.rest_label)) + "\n" + r.pattern + "\n" +
                    std::to_string(r.kinds);
  for (const std::string& p : PredicateKeys(r)) key += "\np:" + p;
  for (const std::string& s : SortedSites(r)) key += "\ns:" + s;
  return key;
}

// True if `a` (earlier) fires on every line `b` fires on and wins over it (classifier.h's
// precedence: site-scoped over global, keep over removal, then order).
bool Shadows(const Rule& a, const Rule& b) {
  if (a.action == Action::kSpan || b.action == Action::kSpan) return false;  // spans never compete
  if (!a.pattern.empty() && a.pattern != b.pattern) return false;
  if (a.action != Action::kKeep && b.action == Action::kKeep) return false;
  if (a.kinds && (!b.kinds || (b.kinds & ~a.kinds))) return false;
  if (a.sites.empty() != b.sites.empty()) return false;  // a global rule loses to a site rule
  for (const std::string& site : b.sites) {
    bool covered = std::any_of(a.sites.begin(), a.sites.end(),
                               [&](const std::string& s) { return HostInSite(site, s); });
    if (!covered) return false;
  }
  std::vector<std::string> pa = PredicateKeys(a), pb = PredicateKeys(b);
  return std::includes(pb.begin(), pb.end(), pa.begin(), pa.end());
}

// RFC 1123 host name with at least two labels and a non-numeric top-level label.
bool IsHostName(std::string_view host) {
  if (host.empty() || host.size() > 253 || host.find('.') == std::string_view::npos) return false;
  size_t start = 0;
  while (start <= host.size()) {
    size_t dot = std::min(host.find('.', start), host.size());
    std::string_view label = host.substr(start, dot - start);
    if (label.empty() || label.size() > 63 || label.front() == '-' || label.back() == '-') {
      return false;
    }
    for (char c : label) {
      if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-')) return false;
    }
    if (dot == host.size()) {
      return std::any_of(label.begin(), label.end(),
                         [](char c) { return std::isalpha(static_cast<unsigned char>(c)); });
    }
    start = dot + 1;
  }
  return false;
}

// 1-based column of the first token of r.source that starts with `prefix` (ASCII case
// ignored: the parser lowercases sites); 1 if none.
int TokenColumn(const Rule& r, std::string_view prefix) {
  std::string s = r.source;
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (size_t i = 0; i < s.size(); ++i) {
    bool token_start = i == 0 || s[i - 1] == ' ' || s[i - 1] == '\t';
    if (token_start && std::string_view(s).substr(i).starts_with(prefix)) return int(i) + 1;
  }
  return 1;
}

// How many of the prose sentences the rule's pattern and text predicates accept.
int ProseHits(const Rule& r) {
  int hits = 0;
  std::vector<Line> lines;
  for (std::string_view sentence : kProse) {
    ComputeLines(sentence, sentence.size(), lines);
    LineContext ctx{lines[0], nullptr, 1};
    if ((!r.re || RE2::PartialMatch(sentence, r.re->get())) &&
        EvaluateAll(r, ctx, /*skip_context=*/true)) {
      ++hits;
    }
  }
  return hits;
}

bool HasContextPredicate(const Rule& r) {
  return std::any_of(r.predicates.begin(), r.predicates.end(),
                     [](const Predicate& p) { return IsContextFeature(p.feature); });
}

}  // namespace

std::string LintWarning::ToString() const {
  return file + ":" + std::to_string(line) + ":" + std::to_string(col) + ": warning: " + message;
}

std::vector<LintWarning> LintRules(const RuleSet& rules, size_t first) {
  const std::vector<Rule>& all = rules.rules();
  std::vector<std::string> keys;
  for (const Rule& r : all) keys.push_back(RuleKey(r));
  std::vector<LintWarning> out;
  for (size_t i = first; i < all.size(); ++i) {
    const Rule& r = all[i];
    std::vector<LintWarning> w;
    auto warn = [&](int col, std::string message) {
      w.push_back({r.file, r.line, col, std::move(message)});
    };
    int pattern_col = TokenColumn(r, "/");
    for (size_t j = 0; j < i; ++j) {
      if (keys[j] == keys[i]) {
        warn(1, "duplicate of the rule at " + rules.Origin(int(j)));
        break;
      }
      if (Shadows(all[j], r)) {
        warn(1, "never wins: the rule at " + rules.Origin(int(j)) +
                    " fires on every line this one fires on and takes precedence");
        break;
      }
    }
    if (r.re && RE2::PartialMatch("", r.re->get())) {
      warn(pattern_col, "pattern matches the empty string, so it can fire without matching text");
    }
    if (r.action != Action::kKeep && !HasContextPredicate(r)) {
      int hits = ProseHits(r);
      if (hits * 2 > kProseCount) {
        warn(r.re ? pattern_col : 1,
             "too broad: fires on " + std::to_string(hits) + " of " + std::to_string(kProseCount) +
                 " sentences of ordinary prose; narrow the pattern or add predicates");
      }
    }
    for (const std::string& site : r.sites) {
      if (IsHostName(site)) continue;
      int col = TokenColumn(r, "site=" + site);
      std::string where = col > 1 ? "" : " (from the file's scope line)";
      std::string hint = site.starts_with("*.") ? "; site= already covers subdomains" : "";
      warn(col > 1 ? col + 5 : 1, "site '" + site + "' is not a host name" + where + hint);
    }
    if (r.examples.empty()) {
      bool context_only =
          !r.re && HasContextPredicate(r) &&
          std::all_of(r.predicates.begin(), r.predicates.end(),
                      [](const Predicate& p) { return IsContextFeature(p.feature); });
      if (!context_only) {
        warn(1, HasContextPredicate(r)
                    ? "rule has no inline example (+ a line it fires on, - one it must not); an "
                      "example exercises its pattern and text predicates, not its DOM/context ones"
                    : "rule has no inline example (+ a line it fires on, - one it must not)");
      }
    }
    std::stable_sort(w.begin(), w.end(),
                     [](const LintWarning& a, const LintWarning& b) { return a.col < b.col; });
    out.insert(out.end(), w.begin(), w.end());
  }
  return out;
}

}  // namespace winnow
