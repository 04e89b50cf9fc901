#include "classify/classifier.h"

#include <algorithm>
#include <span>

#include "classify/fallback.h"
#include "classify/main_block.h"
#include "classify/main_region.h"
#include "classify/predicates.h"
#include "classify/segmenter.h"
#include "rules/span_match.h"

namespace winnow {
namespace {

// Precedence key: smaller wins.
struct Rank {
  int site;  // 0 site-scoped, 1 global
  int keep;  // 0 keep, 1 removal
  int index;
  bool operator<(const Rank& o) const {
    if (site != o.site) return site < o.site;
    if (keep != o.keep) return keep < o.keep;
    return index < o.index;
  }
};

bool RuleActive(const Rule& r, const Page& page, std::string_view host) {
  uint8_t kind = page.html ? kKindHtml : kKindText;
  if (r.kinds && !(r.kinds & kind)) return false;
  if (r.sites.empty()) return true;
  for (const auto& s : r.sites) {
    if (HostInSite(host, s)) return true;
  }
  return false;
}

void SetMeta(Metadata& meta, Label label, std::string_view text) {
  std::string* field = label == Label::kTitle       ? &meta.title
                       : label == Label::kTimestamp ? &meta.date
                       : label == Label::kByline    ? &meta.author
                                                    : nullptr;
  if (field && field->empty()) field->assign(text);
}

}  // namespace

std::string_view UrlHost(std::string_view url) {
  size_t scheme = url.find("://");
  if (scheme != std::string_view::npos) url.remove_prefix(scheme + 3);
  url = url.substr(0, url.find_first_of("/?#"));
  if (size_t at = url.rfind('@'); at != std::string_view::npos) url.remove_prefix(at + 1);
  return url.substr(0, url.find(':'));
}

bool HostInSite(std::string_view host, std::string_view site) {
  if (host.size() < site.size()) return false;
  for (size_t i = 0; i < site.size(); ++i) {
    char h = host[host.size() - site.size() + i];
    if (std::tolower(static_cast<unsigned char>(h)) != site[i]) return false;
  }
  return host.size() == site.size() || host[host.size() - site.size() - 1] == '.';
}

void Classify(const RuleSet& rules, const Page& page, std::vector<Line>& lines,
              size_t max_line_bytes, Classification& out) {
  const std::vector<Rule>& all = rules.rules();
  const Settings& settings = rules.settings();
  std::string_view host = UrlHost(page.url);
  thread_local std::vector<char> active;
  active.resize(all.size());
  for (size_t r = 0; r < all.size(); ++r) active[r] = RuleActive(all[r], page, host);
  // The rules without a pattern are candidates on every line: only those in scope here.
  thread_local std::vector<int> unpatterned;
  unpatterned.clear();
  for (int r : rules.unpatterned()) {
    if (active[r]) unpatterned.push_back(r);
  }

  // after_prose lets trailer cuts wait until the article has started, and trails_prose keeps
  // them out of a box above it. quality[i + 1]: line i's InitialQuality (padded at both ends);
  // prose_before[i]: the words of the paragraph lines before line i (prose next to prose).
  thread_local std::vector<Quality> quality;
  thread_local std::vector<uint32_t> prose_before;
  quality.assign(lines.size() + 2, Quality::kBad);
  prose_before.assign(lines.size() + 1, 0);
  for (size_t i = 0; i < lines.size(); ++i) {
    const DomFeatures* dom = page.dom.empty() ? nullptr : &page.dom[i];
    quality[i + 1] = InitialQuality(lines[i], dom, settings);
  }
  auto is_prose = [&](size_t k) { return quality[k] >= Quality::kNearGood; };
  bool seen_good = false;
  for (size_t i = 0; i < lines.size(); ++i) {
    const bool paragraph = is_prose(i + 1) && (is_prose(i) || is_prose(i + 2));
    prose_before[i + 1] = prose_before[i] + (paragraph ? lines[i].words : 0);
    lines[i].after_prose = seen_good;
    lines[i].prose_before = prose_before[i];
    seen_good = seen_good || quality[i + 1] == Quality::kGood;
  }
  const uint32_t prose = prose_before[lines.size()];
  for (size_t i = 0; i < lines.size(); ++i) {
    lines[i].trails_prose =
        prose - prose_before[i + 1] <= settings.trailer_max_prose * prose_before[i];
  }

  out.decisions.assign(lines.size(), Decision());
  out.spans.clear();
  out.meta = Metadata();
  thread_local std::vector<int> matched, candidates;
  thread_local std::vector<Span> glued;
  thread_local PatternMemo memo;
  memo.Reset(page.dom_strings.size(), page.attr_tokens, rules.predicate_sets());
  thread_local std::vector<char> hinted;  // a `main` rule fired on the line
  hinted.assign(lines.size(), 0);         // spans of the current line, before labelling
  const uint32_t count = static_cast<uint32_t>(lines.size());
  int cut_from_start = -1;  // last line won by a cut-from-start rule
  thread_local LineCandidates prefiltered;
  rules.PrefilterLines(page.text, lines, max_line_bytes, prefiltered);

  for (uint32_t i = 0; i < count; ++i) {
    const Line& line = lines[i];
    std::string_view text = line.Text(page.text);
    std::string_view head = text.substr(0, max_line_bytes);
    Decision& d = out.decisions[i];
    d.line_number = line.number;
    d.after_prose = line.after_prose;
    d.trailer = line.trails_prose;
    d.prose_before = line.prose_before;
    d.text = {line.begin, line.end};
    d.first_span = static_cast<uint32_t>(out.spans.size());

    matched.clear();
    rules.Match(head, matched, line.words, prefiltered.Of(i));
    // The rules to try, in rule order; on most lines no pattern matched: the unpatterned ones.
    std::span<const int> tried = unpatterned;
    if (!matched.empty()) {
      candidates.resize(matched.size() + unpatterned.size());
      std::merge(matched.begin(), matched.end(), unpatterned.begin(), unpatterned.end(),
                 candidates.begin());
      tried = candidates;
    }

    const DomFeatures* dom = page.dom.empty() ? nullptr : &page.dom[i];
    const uint64_t class_bits = dom ? memo.ClassBits(dom->attrs_element) : 0;
    LineContext ctx{line, dom, count, &memo};
    bool have = false;
    Rank best{};
    for (int r : tried) {
      const Rule& rule = all[r];
      if (!active[r] || !rules.MayFire(r, line, dom, class_bits) || !EvaluateAll(rule, ctx)) {
        continue;
      }
      if (rule.action == Action::kMain) {
        hinted[i] = 1;
        continue;
      }
      if (rule.action == Action::kSpan) {
        glued.clear();
        MatchSpans(rule.re->get(), head, line.begin, glued);
        for (const Span& s : glued) out.spans.push_back({s, rule.label, r});
        continue;
      }
      Rank rank{rule.sites.empty() ? 1 : 0, rule.action == Action::kKeep ? 0 : 1, r};
      if (!have || rank < best) best = rank, have = true;
    }
    if (have) {
      const Rule& rule = all[best.index];
      d.rule = best.index;
      d.reason = Reason::kRule;
      d.label = rule.label;
      if (rule.action == Action::kMeta) SetMeta(out.meta, rule.label, text);
      if (rule.action == Action::kCutFromStart) cut_from_start = static_cast<int>(i);
    }
    if ((!have || d.label == Label::kKeep) && line.words >= settings.segment_min_words) {
      glued.clear();
      FindGluedHeadlines(head, settings, glued);
      for (const Span& s : glued) {
        out.spans.push_back({{line.begin + s.begin, line.begin + s.end}, Label::kSidebar, -1});
      }
    }
    d.span_count = static_cast<uint32_t>(out.spans.size()) - d.first_span;
  }

  // Cut regions. A line in a region keeps a removal rule's own label; anything else is cut.
  auto cut = [&](Decision& d, const Rule& by) {
    if (d.rule >= 0 && all[d.rule].action != Action::kKeep) return;
    d.rule = -1;
    d.label = by.rest_label;
    d.reason = Reason::kCutRegion;
    d.span_count = 0;
  };
  if (cut_from_start >= 0) {
    const Rule& by = all[out.decisions[cut_from_start].rule];
    for (int i = 0; i < cut_from_start; ++i) cut(out.decisions[i], by);
  }
  const Rule* region = nullptr;
  for (uint32_t i = 0; i < count; ++i) {
    Decision& d = out.decisions[i];
    if (region) cut(d, *region);
    if (d.rule >= 0 && all[d.rule].action == Action::kCutToEnd) region = &all[d.rule];
  }

  MainRegion main_region = FindMainRegion(lines, page, settings, hinted);
  ApplyFallback(lines, page, settings, main_region, out.decisions);
  KeepMainBlock(lines, page, settings, main_region, out.decisions);
}

}  // namespace winnow
