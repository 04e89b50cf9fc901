#include "sinks/explain.h"

#include <cstdio>
#include <string>

#include "classify/line.h"
#include "sources/jsonl_writer.h"
namespace winnow {
namespace {

bool Selected(const Decision& d, const ExplainOptions& o) {
  if (o.only_dropped && IsKept(d.label)) return false;
  if (o.only_kept && !IsKept(d.label)) return false;
  if (o.label && d.label != *o.label) return false;
  return true;
}

// s padded with spaces to width (on the left when right_align); longer values are kept whole.
std::string Padded(std::string_view s, size_t width, bool right_align) {
  std::string pad(s.size() < width ? width - s.size() : 0, ' ');
  return right_align ? pad + std::string(s) : std::string(s) + pad;
}

Line Features(std::string_view text) {
  Line line;
  ComputeTextFeatures(text, line);
  return line;
}

}  // namespace

std::string DeciderName(const Cleaner& cleaner, int rule, Reason reason) {
  if (rule >= 0) return cleaner.RuleOrigin(rule);
  return "fallback:" + std::string(ReasonName(reason));
}

std::string_view ClipText(std::string_view s, size_t width) {
  if (width == 0 || s.size() <= width) return s;
  size_t n = width;
  while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;  // whole code points
  return s.substr(0, n);
}

std::string LineFeatures(std::string_view text, const Decision& d) {
  Line l = Features(text);
  char buf[160];
  std::snprintf(buf, sizeof buf,
                "words=%u caps=%.2f stop=%.2f %spunct %safter-prose %strailer prose-before=%u",
                l.words, l.CapsShare(), l.StopShare(), l.terminal ? "" : "!",
                d.after_prose ? "" : "!", d.trailer ? "" : "!", d.prose_before);
  return buf;
}

void WriteExplain(const Cleaner& cleaner, const Cleaned& c, const ExplainOptions& o,
                  std::ostream& os) {
  const char* green = o.color ? "\x1b[32m" : "";
  const char* dim = o.color ? "\x1b[2;31m" : "";
  const char* reset = o.color ? "\x1b[0m" : "";
  std::string_view src = c.source;
  for (size_t i = 0; i < c.decisions.size(); ++i) {
    const Decision& d = c.decisions[i];
    if (!Selected(d, o)) continue;
    std::string decider = DeciderName(cleaner, d.rule, d.reason);
    std::string head = Padded(std::to_string(d.line_number), 5, true) + "  " +
                       Padded(LabelName(d.label), 11, false) + " " + Padded(decider, 28, false) +
                       " | ";
    std::string_view text = src.substr(d.text.begin, d.text.end - d.text.begin);
    os << (IsKept(d.label) ? green : dim) << head << ClipText(text, o.text_width) << reset << "\n";
    if (i < c.dom.size()) os << dim << "       dom: " << c.dom[i] << reset << "\n";
    if (o.features) os << dim << "       feat: " << LineFeatures(text, d) << reset << "\n";
    for (uint32_t k = 0; k < d.span_count; ++k) {
      const DroppedSpan& s = c.spans[d.first_span + k];
      std::string by = s.rule >= 0 ? cleaner.RuleOrigin(s.rule) : "segmenter:glued-headline";
      os << dim << "       - span " << LabelName(s.label) << " (" << by << "): \""
         << src.substr(s.span.begin, s.span.end - s.span.begin) << "\"" << reset << "\n";
    }
  }
}

void WriteExplainJson(const Cleaner& cleaner, const Cleaned& c, const ExplainOptions& o,
                      std::ostream& os) {
  std::string_view src = c.source;
  std::string line;
  for (size_t i = 0; i < c.decisions.size(); ++i) {
    const Decision& d = c.decisions[i];
    if (!Selected(d, o)) continue;
    line = "{\"line\":" + std::to_string(d.line_number) + ",\"label\":\"" +
           std::string(LabelName(d.label)) + "\",\"rule\":";
    if (d.rule >= 0) {
      sources::AppendJsonString(cleaner.RuleOrigin(d.rule), &line);
    } else {
      line += "null";
    }
    line += ",\"reason\":\"" + std::string(ReasonName(d.reason)) + "\",\"text\":";
    std::string_view text = src.substr(d.text.begin, d.text.end - d.text.begin);
    sources::AppendJsonString(text, &line);
    Line f = Features(text);
    char feat[192];
    std::snprintf(feat, sizeof feat,
                  ",\"feat\":{\"words\":%u,\"caps\":%.4g,\"stop\":%.4g,\"punct\":%s,"
                  "\"after-prose\":%s,\"trailer\":%s,\"prose-before\":%u}",
                  f.words, f.CapsShare(), f.StopShare(), f.terminal ? "true" : "false",
                  d.after_prose ? "true" : "false", d.trailer ? "true" : "false", d.prose_before);
    line += feat;
    if (i < c.dom.size()) {
      line += ",\"dom\":";
      sources::AppendJsonString(c.dom[i], &line);
    }
    line += ",\"spans\":[";
    for (uint32_t k = 0; k < d.span_count; ++k) {
      const DroppedSpan& s = c.spans[d.first_span + k];
      if (k) line += ",";
      line += "{\"label\":\"" + std::string(LabelName(s.label)) + "\",\"rule\":";
      if (s.rule >= 0) {
        sources::AppendJsonString(cleaner.RuleOrigin(s.rule), &line);
      } else {
        line += "\"segmenter:glued-headline\"";
      }
      line += ",\"text\":";
      sources::AppendJsonString(src.substr(s.span.begin, s.span.end - s.span.begin), &line);
      line += "}";
    }
    line += "]}\n";
    os << line;
  }
}

}  // namespace winnow
