#include "classify/fallback.h"

namespace winnow {
namespace {

struct Judged {
  Quality initial;
  Quality final;
  bool fixed;  // decided by a rule or a cut region: context never changes it
};

// The class a line that is not short, and (with `firm`) not near-good either, passes on to
// its neighbours: the nearest such line before or after a line is its context.
Quality Passed(Quality q, bool firm, Quality seen) {
  return q != Quality::kShort && !(firm && q == Quality::kNearGood) ? q : seen;
}

// For every line, the class of the nearest line after it that is not short, and (with `firm`)
// not near-good either; the page's end counts as bad. One pass over the page: asking each
// line separately was quadratic in a run of short lines (a navigation menu of hundreds).
void NearestAfter(const std::vector<Judged>& j, bool firm, std::vector<Quality>& out) {
  out.resize(j.size());
  Quality seen = Quality::kBad;
  for (size_t i = j.size(); i-- > 0;) {
    out[i] = seen;
    seen = Passed(j[i].final, firm, seen);
  }
}

// Marks the near-good lines of every run of at least `prose_run_lines` near-good lines with
// at least `prose_run_words` words between them (short lines may stand in between) and at
// most `prose_run_max_caps` of their words capitalised. Such a
// run is prose with no good line beside it: news sites that write one sentence per
// paragraph have nothing but near-good lines, cut off from the long ones by a "Related" box.
void MarkProseRuns(const std::vector<Line>& lines, const std::vector<Judged>& j, const Settings& s,
                   std::vector<char>& marked) {
  marked.assign(j.size(), 0);
  // A headline is near-good too, and a list of teasers would make a run: title case is not.
  auto near = [&](size_t k) {
    return !j[k].fixed && j[k].final == Quality::kNearGood &&
           lines[k].CapsShare() <= s.prose_run_max_caps;
  };
  auto short_line = [&](size_t k) { return !j[k].fixed && j[k].initial == Quality::kShort; };
  for (size_t i = 0; i < j.size();) {
    if (!near(i)) {
      ++i;
      continue;
    }
    size_t end = i;
    double words = 0, count = 0;
    for (; end < j.size() && (near(end) || short_line(end)); ++end) {
      if (near(end)) words += lines[end].words, ++count;
    }
    if (s.prose_run_words > 0 && count >= s.prose_run_lines && words >= s.prose_run_words) {
      for (size_t k = i; k < end; ++k) marked[k] = near(k);
    }
    i = end;
  }
}

}  // namespace

Quality InitialQuality(const Line& line, const DomFeatures* dom, const Settings& s) {
  if (dom && (dom->hidden || dom->link_density > s.max_link_density)) return Quality::kBad;
  if (line.chars < s.length_low) return Quality::kShort;
  double stop = line.StopShare();
  if (stop >= s.stopwords_high) {
    return line.chars > s.length_high ? Quality::kGood : Quality::kNearGood;
  }
  if (stop >= s.stopwords_low) return Quality::kNearGood;
  // No stop words to go by (another language, or a list): sentences still show prose.
  if (line.terminal && line.words >= s.prose_min_words) {
    bool long_prose = line.chars > s.length_high && line.sentences >= s.prose_min_sentences;
    return long_prose ? Quality::kGood : Quality::kNearGood;
  }
  return Quality::kBad;
}

void ApplyFallback(const std::vector<Line>& lines, const Page& page, const Settings& settings,
                   const MainRegion& region, std::vector<Decision>& decisions) {
  thread_local std::vector<Judged> judged;
  judged.clear();
  // Whether line k is body as a line of the main region: no rule decided it, it is inside the
  // region, not hidden, and at most `max_links` of its text is links.
  auto region_line = [&](size_t k, double max_links) {
    const DomFeatures& dom = page.dom[k];
    return decisions[k].rule < 0 && decisions[k].reason != Reason::kCutRegion &&
           InMainRegion(region, k, dom) && !dom.hidden && dom.link_density <= max_links;
  };
  // A heading between two such lines (not headings) is a section's, with a looser link cap:
  // round-ups link each section's heading to the thing it reviews.
  auto region_heading = [&](size_t k) {
    auto body_beside = [&](size_t n) {
      return page.dom[n].heading == 0 && region_line(n, settings.region_max_link_density);
    };
    return page.dom[k].heading > 0 && k > 0 && k + 1 < lines.size() &&
           region_line(k, settings.region_heading_max_link_density) && body_beside(k - 1) &&
           body_beside(k + 1);
  };
  for (size_t i = 0; i < lines.size(); ++i) {
    const Decision& d = decisions[i];
    if (d.rule >= 0 || d.reason == Reason::kCutRegion) {
      // Ad markers ("Advertisement", "Article continues") sit inside articles: context sees
      // through them as through a short line.
      Quality q = IsKept(d.label)         ? Quality::kGood
                  : d.label == Label::kAd ? Quality::kShort
                                          : Quality::kBad;
      judged.push_back({q, q, true});
      continue;
    }
    const DomFeatures* dom = page.dom.empty() ? nullptr : &page.dom[i];
    if (dom && (region_line(i, settings.region_max_link_density) || region_heading(i))) {
      Decision& d = decisions[i];
      d.label = Label::kBody;
      d.reason = Reason::kMainBlock;
      judged.push_back({Quality::kGood, Quality::kGood, true});
      continue;
    }
    Quality q = InitialQuality(lines[i], dom, settings);
    judged.push_back({q, q, false});
  }

  // Short lines first (seeing near-good neighbours as they are), then near-good ones. The
  // context of a short line is its neighbours' classes before any short line is revised:
  // their initial ones, tracked on the way for the lines before it.
  thread_local std::vector<Quality> after_firm, after_any;
  NearestAfter(judged, true, after_firm);
  NearestAfter(judged, false, after_any);
  Quality before_firm = Quality::kBad, before_any = Quality::kBad;
  for (size_t i = 0; i < judged.size(); ++i) {
    Judged& j = judged[i];
    const Quality prev = before_firm, prev_any = before_any;
    before_firm = Passed(j.initial, true, before_firm);
    before_any = Passed(j.initial, false, before_any);
    if (j.fixed || j.initial != Quality::kShort) continue;
    const Quality next = after_firm[i];
    j.final = Quality::kBad;
    if (lines[i].words < settings.context_min_words) continue;  // stays bad
    if (prev == Quality::kGood && next == Quality::kGood) {
      j.final = Quality::kGood;
    } else if (prev == Quality::kBad && next == Quality::kBad) {
      j.final = Quality::kBad;
    } else if ((prev == Quality::kBad && prev_any == Quality::kNearGood) ||
               (next == Quality::kBad && after_any[i] == Quality::kNearGood)) {
      j.final = Quality::kGood;
    }
  }
  // Near-good lines in order: each sees the earlier ones already decided, the later ones not.
  // A line of a prose run is good whatever its neighbours.
  thread_local std::vector<char> in_run;
  MarkProseRuns(lines, judged, settings, in_run);
  NearestAfter(judged, true, after_firm);
  Quality prev = Quality::kBad;
  for (size_t i = 0; i < judged.size(); ++i) {
    if (!judged[i].fixed && judged[i].initial == Quality::kNearGood) {
      bool alone = prev == Quality::kBad && after_firm[i] == Quality::kBad;
      judged[i].final = alone && !in_run[i] ? Quality::kBad : Quality::kGood;
    }
    prev = Passed(judged[i].final, true, prev);
  }

  // A page is an article: if context left nothing, keep the lines that read as prose alone,
  // and failing those every line no rule removed (tiny pages of short lines).
  auto any_kept = [] {
    for (const Judged& j : judged) {
      if (j.final == Quality::kGood) return true;
    }
    return false;
  };
  for (Quality floor : {Quality::kNearGood, Quality::kBad}) {
    if (any_kept()) break;
    for (Judged& j : judged) {
      if (!j.fixed && j.initial >= floor) j.final = Quality::kGood;
    }
  }

  for (size_t i = 0; i < judged.size(); ++i) {
    if (judged[i].fixed) continue;
    Decision& d = decisions[i];
    bool good = judged[i].final == Quality::kGood;
    d.label = good ? Label::kBody : Label::kBoilerplate;
    if (judged[i].initial == Quality::kGood) {
      d.reason = Reason::kLong;
    } else if (judged[i].initial == Quality::kBad) {
      d.reason = Reason::kBad;
    } else if (judged[i].initial == Quality::kShort) {
      d.reason = good ? Reason::kContext : Reason::kShort;
    } else {
      d.reason = good ? Reason::kGood : Reason::kContext;
    }
  }
}

}  // namespace winnow
