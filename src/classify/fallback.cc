#include "classify/fallback.h"

namespace winnow {
namespace {

struct Judged {
  Quality initial;
  Quality final;
  bool fixed;  // decided by a rule or a cut region: context never changes it
};

// For every line, the class of the nearest line before it (with `before`; else after it)
// that is not short, and (with `firm`) not near-good either; the page edges count as bad.
// One pass over the page: asking each line separately was quadratic in a run of short lines
// (a navigation menu of hundreds).
void Nearest(const std::vector<Judged>& j, bool before, bool firm, std::vector<Quality>& out) {
  out.resize(j.size());
  Quality seen = Quality::kBad;
  for (size_t n = 0; n < j.size(); ++n) {
    size_t i = before ? n : j.size() - 1 - n;
    out[i] = seen;
    Quality q = j[i].final;
    if (q != Quality::kShort && !(firm && q == Quality::kNearGood)) seen = q;
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
    if (dom && InMainRegion(region, i, *dom) && !dom->hidden &&
        dom->link_density <= settings.region_max_link_density) {
      Decision& d = decisions[i];
      d.label = Label::kBody;
      d.reason = Reason::kMainBlock;
      judged.push_back({Quality::kGood, Quality::kGood, true});
      continue;
    }
    Quality q = InitialQuality(lines[i], dom, settings);
    judged.push_back({q, q, false});
  }

  // Short lines first (seeing near-good neighbours as they are), then near-good ones.
  thread_local std::vector<Quality> revised, before_firm, after_firm, before_any, after_any;
  Nearest(judged, true, true, before_firm);
  Nearest(judged, false, true, after_firm);
  Nearest(judged, true, false, before_any);
  Nearest(judged, false, false, after_any);
  revised.assign(judged.size(), Quality::kBad);
  for (size_t i = 0; i < judged.size(); ++i) {
    if (judged[i].fixed || judged[i].initial != Quality::kShort) continue;
    if (lines[i].words < settings.context_min_words) continue;  // stays bad
    Quality prev = before_firm[i], next = after_firm[i];
    if (prev == Quality::kGood && next == Quality::kGood) {
      revised[i] = Quality::kGood;
    } else if (prev == Quality::kBad && next == Quality::kBad) {
      revised[i] = Quality::kBad;
    } else if ((prev == Quality::kBad && before_any[i] == Quality::kNearGood) ||
               (next == Quality::kBad && after_any[i] == Quality::kNearGood)) {
      revised[i] = Quality::kGood;
    } else {
      revised[i] = Quality::kBad;
    }
  }
  for (size_t i = 0; i < judged.size(); ++i) {
    if (!judged[i].fixed && judged[i].initial == Quality::kShort) judged[i].final = revised[i];
  }
  // Near-good lines in order: each sees the earlier ones already decided, the later ones not.
  // A line of a prose run is good whatever its neighbours.
  thread_local std::vector<char> in_run;
  MarkProseRuns(lines, judged, settings, in_run);
  Nearest(judged, false, true, after_firm);
  Quality prev = Quality::kBad;
  for (size_t i = 0; i < judged.size(); ++i) {
    if (!judged[i].fixed && judged[i].initial == Quality::kNearGood) {
      bool alone = prev == Quality::kBad && after_firm[i] == Quality::kBad;
      judged[i].final = alone && !in_run[i] ? Quality::kBad : Quality::kGood;
    }
    Quality q = judged[i].final;
    if (q != Quality::kShort && q != Quality::kNearGood) prev = q;
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
