#include "html/prepass.h"

#include <gumbo.h>

#include <algorithm>
#include <cstring>
#include <functional>
#include <span>

#include "html/metadata.h"
#include "html/tag_scan.h"
#include "html/tags.h"

namespace winnow::html {
namespace {

constexpr size_t kNpos = std::string_view::npos;

// Tag keys for the depth stack: the GumboTag, or a hash of the name for unknown elements.
constexpr uint32_t kUnknownBit = 0x80000000u;

bool IsTagDelimiter(std::string_view in, size_t p) {
  return p >= in.size() || IsHtmlSpace(in[p]) || in[p] == '/' || in[p] == '>';
}

// True if in[p] starts "</name" (end) or "<name" (start) followed by a tag delimiter.
bool IsTagAt(std::string_view in, size_t p, std::string_view lower_name, bool end) {
  size_t q = p + 1;
  if (end) {
    if (q >= in.size() || in[q] != '/') return false;
    ++q;
  }
  return StartsWithIgnoreCase(in, q, lower_name) && IsTagDelimiter(in, q + lower_name.size());
}

// Start of the end tag closing raw text (style, textarea, ...) that begins at p, or npos.
size_t FindEndTag(std::string_view in, size_t p, std::string_view lower_name) {
  while ((p = in.find("</", p)) != kNpos) {
    if (IsTagAt(in, p, lower_name, true)) return p;
    p += 2;
  }
  return kNpos;
}

// Start of the </script> ending script data that begins at p, or npos. Follows the HTML
// tokenizer's escape states: inside "<!--", a "<script>" makes the next "</script>" not end it.
size_t FindScriptEnd(std::string_view in, size_t p) {
  enum { kData, kEscaped, kDoubleEscaped } state = kData;
  size_t dashes = 0;  // cached position of the next "-->" at or after p (npos: none left)
  bool dashes_known = false;
  while (p < in.size()) {
    const size_t lt = in.find('<', p);
    if (state != kData) {
      if (!dashes_known || (dashes != kNpos && dashes < p)) {
        dashes = in.find("-->", p);
        dashes_known = true;
      }
      if (dashes != kNpos && dashes < lt) {
        state = kData;
        p = dashes + 3;
        continue;
      }
    }
    if (lt == kNpos) return kNpos;
    if (state == kData && StartsWithIgnoreCase(in, lt, "<!--")) {
      state = kEscaped;
      p = lt + 2;  // "<!-->" ends the escape at once: the dashes are shared
      continue;
    }
    if (IsTagAt(in, lt, "script", true)) {
      if (state != kDoubleEscaped) return lt;
      state = kEscaped;
    } else if (state == kEscaped && IsTagAt(in, lt, "script", false)) {
      state = kDoubleEscaped;
    }
    p = lt + 1;
  }
  return kNpos;
}

// Start of the end tag matching an element that nests (svg, template) opened before p.
size_t FindNestedEnd(std::string_view in, size_t p, std::string_view lower_name) {
  int depth = 1;
  while ((p = in.find('<', p)) != kNpos) {
    if (IsTagAt(in, p, lower_name, false)) {
      ++depth;
    } else if (IsTagAt(in, p, lower_name, true) && --depth == 0) {
      return p;
    }
    ++p;
  }
  return kNpos;
}

// Attributes read after the pre-pass (DOM walk, metadata.h); all others are dropped.
bool IsKeptAttribute(GumboTag tag, const TagAttribute& a) {
  // On every element: what element_attributes.h reads.
  static constexpr std::string_view kEverywhere[] = {"id",     "class",       "role",
                                                     "hidden", "aria-hidden", "href"};
  // On the elements metadata reads.
  static constexpr std::string_view kMeta[] = {"name", "property", "content", "itemprop",
                                               "http-equiv"};
  static constexpr std::string_view kTime[] = {"datetime", "pubdate", "itemprop"};
  const auto any_of = [&](std::span<const std::string_view> names) {
    for (std::string_view name : names) {
      if (EqualsIgnoreCase(a.name, name)) return true;
    }
    return false;
  };
  if (any_of(kEverywhere)) return true;
  switch (tag) {
    case GUMBO_TAG_META:
      return any_of(kMeta);
    case GUMBO_TAG_TIME:
      return any_of(kTime);
    case GUMBO_TAG_LINK:
      return EqualsIgnoreCase(a.name, "rel");
    case GUMBO_TAG_HTML:
      return EqualsIgnoreCase(a.name, "lang");
    default:
      break;
  }
  // Inline styles matter only when they hide the element.
  return EqualsIgnoreCase(a.name, "style") && (FindIgnoreCase(a.value, 0, "none") != kNpos ||
                                               FindIgnoreCase(a.value, 0, "hidden") != kNpos);
}

class Prepasser {
 public:
  Prepasser(std::string_view in, const HtmlOptions& options, PrepassResult* out)
      : in_(in), options_(options), out_(out) {}

  void Run() {
    out_->html.clear();
    out_->html.reserve(in_.size() / 2);
    size_t p = 0;
    while (p < in_.size()) {
      const void* hit = std::memchr(in_.data() + p, '<', in_.size() - p);
      if (hit == nullptr) {
        AppendText(in_.substr(p));
        break;
      }
      const size_t lt = static_cast<const char*>(hit) - in_.data();
      AppendText(in_.substr(p, lt - p));
      p = Markup(lt);
    }
  }

 private:
  // Handles the '<' at p; returns where text resumes.
  size_t Markup(size_t p) {
    const char next = p + 1 < in_.size() ? in_[p + 1] : '\0';
    if (IsAsciiAlpha(next)) return StartTag(p);
    if (next == '/') {
      if (p + 2 < in_.size() && IsAsciiAlpha(in_[p + 2])) return EndTag(p);
      return SkipPast(p, ">");  // "</>" and "</ ...>" are dropped by the tokenizer too
    }
    if (next == '!') {
      if (StartsWithIgnoreCase(in_, p, "<!--")) {
        if (StartsWithIgnoreCase(in_, p + 4, ">")) return p + 5;
        if (StartsWithIgnoreCase(in_, p + 4, "->")) return p + 6;
        return SkipPast(p + 4, "-->");
      }
      // Outside SVG/MathML a CDATA section is a bogus comment ending at the first '>', with the
      // rest shown as text; that rest is never meant as text, so the whole section goes.
      if (StartsWithIgnoreCase(in_, p, "<![cdata[")) return SkipPast(p, "]]>");
      const size_t end = SkipPast(p, ">");
      if (StartsWithIgnoreCase(in_, p, "<!doctype")) {
        FlushSpace(true);
        out_->html.append(in_.substr(p, end - p));
      }
      return end;
    }
    if (next == '?') return SkipPast(p, ">");  // processing instructions are bogus comments
    FlushSpace(false);
    out_->html.push_back('<');  // text
    return p + 1;
  }

  // Offset just past the first `terminator` at or after p, or the end of the input.
  size_t SkipPast(size_t p, std::string_view terminator) {
    const size_t at = in_.find(terminator, p);
    return at == kNpos ? in_.size() : at + terminator.size();
  }

  // Offset past the end tag starting at p (npos: the element ran to the end of the input).
  size_t SkipEndTag(size_t p) {
    if (p == kNpos || !ScanTag(in_, p, &tag_)) return in_.size();
    return tag_.end;
  }

  GumboTag LowerName() {
    name_.assign(tag_.name);
    for (char& c : name_) c = AsciiLower(c);
    return gumbo_tagn_enum(name_.data(), static_cast<unsigned>(name_.size()));
  }

  std::string_view AttributeValue(std::string_view lower_name) const {
    const TagAttribute* a = FindAttribute(tag_, lower_name);
    return a == nullptr ? std::string_view() : a->value;
  }

  uint32_t Key(GumboTag tag) const {
    if (tag != GUMBO_TAG_UNKNOWN) return tag;
    return kUnknownBit | static_cast<uint32_t>(std::hash<std::string>()(name_));
  }

  size_t StartTag(size_t p) {
    if (!ScanTag(in_, p, &tag_)) return in_.size();  // an unterminated tag is dropped
    const GumboTag tag = LowerName();
    switch (tag) {
      case GUMBO_TAG_SCRIPT: {
        const size_t end = FindScriptEnd(in_, tag_.end);
        const TagAttribute* type = FindAttribute(tag_, "type");
        if (type != nullptr && FindIgnoreCase(type->value, 0, "ld+json") != kNpos &&
            out_->json_ld.size() < options_.max_json_ld_blocks) {
          const std::string_view json = in_.substr(tag_.end, end == kNpos ? kNpos : end - tag_.end);
          if (json.size() <= options_.max_json_ld_bytes) out_->json_ld.emplace_back(json);
        }
        return SkipEndTag(end);
      }
      case GUMBO_TAG_STYLE:
      case GUMBO_TAG_NOSCRIPT:
      case GUMBO_TAG_IFRAME:
      case GUMBO_TAG_TEXTAREA:
      case GUMBO_TAG_NOEMBED:
      case GUMBO_TAG_NOFRAMES:
      case GUMBO_TAG_XMP:
        return SkipEndTag(FindEndTag(in_, tag_.end, name_));
      case GUMBO_TAG_TITLE: {
        // An unclosed <title> would swallow the whole page; in crawled pages it is corruption,
        // not intent, so it ends at the next '<' instead.
        size_t end = FindEndTag(in_, tag_.end, name_);
        const bool closed = end != kNpos;
        if (!closed) end = std::min(in_.find('<', tag_.end), in_.size());
        FlushSpace(true);
        out_->html.append("<title>");
        out_->html.append(in_.substr(tag_.end, end - tag_.end));
        out_->html.append("</title>");
        after_break_ = true;
        return closed ? SkipEndTag(end) : end;
      }
      case GUMBO_TAG_SVG:
      case GUMBO_TAG_MATH:  // MathML reads as garbage in plain text
        if (tag_.self_closing) return tag_.end;
        return SkipEndTag(FindNestedEnd(in_, tag_.end, name_));
      case GUMBO_TAG_TEMPLATE:
        return SkipEndTag(FindNestedEnd(in_, tag_.end, name_));
      case GUMBO_TAG_IMG:
      case GUMBO_TAG_IMAGE:
      case GUMBO_TAG_SOURCE:
      case GUMBO_TAG_TRACK:
      case GUMBO_TAG_WBR:
        return tag_.end;    // no text; their attributes (srcset, data URIs) are large
      case GUMBO_TAG_LINK:  // only <link rel=canonical> is read (metadata.h)
        if (FindIgnoreCase(AttributeValue("rel"), 0, "canonical") == kNpos) return tag_.end;
        break;
      case GUMBO_TAG_META:  // only those metadata.h reads: not viewport, charset, og:image...
        if (FindAttribute(tag_, "content") == nullptr ||
            !IsReadMeta(AttributeValue("property"), AttributeValue("name"),
                        AttributeValue("itemprop"), AttributeValue("http-equiv"))) {
          return tag_.end;
        }
        break;
      case GUMBO_TAG_PLAINTEXT:  // everything after it is text
        FlushSpace(false);
        out_->html.append(in_.substr(p));
        return in_.size();
      case GUMBO_TAG_HTML:
      case GUMBO_TAG_HEAD:
      case GUMBO_TAG_BODY:
        EmitStartTag(tag);  // merged by the tree builder whatever their nesting: not tracked
        return tag_.end;
      default:
        break;
    }
    if (tag == GUMBO_TAG_PRE || tag == GUMBO_TAG_LISTING) ++pre_depth_;
    const bool is_void = IsVoidTag(tag);
    while (overflow_.empty() && !open_.empty() && (open_.back() & kUnknownBit) == 0 &&
           ImpliesEndOf(tag, static_cast<GumboTag>(open_.back()))) {
      open_.pop_back();
    }
    if (!overflow_.empty() || open_.size() >= static_cast<size_t>(options_.max_prepass_depth)) {
      if (is_void) {
        EmitStartTag(tag);
      } else {
        Flatten(tag);
        overflow_.push_back(Key(tag));
      }
      return tag_.end;
    }
    if (!is_void) open_.push_back(Key(tag));
    EmitStartTag(tag);
    return tag_.end;
  }

  size_t EndTag(size_t p) {
    if (!ScanTag(in_, p, &tag_)) return in_.size();
    const GumboTag tag = LowerName();
    if (tag == GUMBO_TAG_HTML || tag == GUMBO_TAG_HEAD || tag == GUMBO_TAG_BODY) {
      EmitEndTag(tag);
      return tag_.end;
    }
    if ((tag == GUMBO_TAG_PRE || tag == GUMBO_TAG_LISTING) && pre_depth_ > 0) --pre_depth_;
    const uint32_t key = Key(tag);
    if (!overflow_.empty()) {
      // Inside flattened content: close the flattened element if it is near the top, leave
      // the flattened region if the tag closes a tracked element, else drop the stray tag.
      const size_t limit = overflow_.size() > 16 ? overflow_.size() - 16 : 0;
      for (size_t i = overflow_.size(); i-- > limit;) {
        if (overflow_[i] == key) {
          overflow_.resize(i);
          Flatten(tag);
          return tag_.end;
        }
      }
      if (!PopTo(key)) {
        ++out_->flattened_tags;
        return tag_.end;
      }
      overflow_.clear();
      EmitEndTag(tag);
      return tag_.end;
    }
    PopTo(key);
    EmitEndTag(tag);
    return tag_.end;
  }

  bool PopTo(uint32_t key) {
    for (size_t i = open_.size(); i-- > 0;) {
      if (open_[i] == key) {
        open_.resize(i);
        return true;
      }
    }
    return false;
  }

  // A tag dropped beyond the depth cap: its text joins the ancestor's, but a block still
  // breaks the line so paragraphs do not run together.
  void Flatten(GumboTag tag) {
    ++out_->flattened_tags;
    if (IsBlockTag(tag)) {
      FlushSpace(true);
      out_->html.append("<br>");
      after_break_ = true;
    }
  }

  // Text between tags. Outside <pre> a run of whitespace is one space to every later stage,
  // so it is passed on as one character (a newline if it had one): Gumbo's cost is per byte.
  void AppendText(std::string_view text) {
    if (pre_depth_ > 0) {
      FlushSpace(false);
      out_->html.append(text);
      return;
    }
    size_t first = 0;
    while (first < text.size() && IsHtmlSpace(text[first])) ++first;
    if (first == text.size()) {
      // Only whitespace: held until the next tag shows whether it separates anything.
      if (pending_space_ != '\n' && !text.empty()) {
        pending_space_ = text.find('\n') != kNpos ? '\n' : text[0];
      }
      return;
    }
    FlushSpace(false);
    size_t i = 0;
    while (i < text.size()) {
      size_t run = i;
      while (run < text.size() && !IsHtmlSpace(text[run])) ++run;
      out_->html.append(text.substr(i, run - i));
      if (run >= text.size()) break;
      size_t end = run;
      bool newline = false;
      while (end < text.size() && IsHtmlSpace(text[end])) newline |= text[end++] == '\n';
      out_->html.push_back(newline ? '\n' : text[run]);
      i = end;
    }
  }

  // Writes the whitespace held since the last tag, unless a tag that breaks the line (a block
  // or <br>, which the DOM walk ends a line at) stands before or after it: there it separates
  // nothing, and Gumbo would make a text node of it (a third of all its text nodes).
  void FlushSpace(bool next_breaks) {
    if (pending_space_ != 0 && !after_break_ && !next_breaks) out_->html.push_back(pending_space_);
    pending_space_ = 0;
    after_break_ = false;
  }

  void EmitStartTag(GumboTag tag) {
    FlushSpace(BreaksLine(tag));
    ++out_->start_tags;
    out_->html.push_back('<');
    out_->html.append(name_);
    for (const TagAttribute& a : tag_.attributes) {
      if (!IsKeptAttribute(tag, a)) continue;
      out_->html.push_back(' ');
      // Only <link rel=canonical> reads an href value; elsewhere its presence is enough.
      const bool bare = EqualsIgnoreCase(a.name, "href") && tag != GUMBO_TAG_LINK;
      out_->html.append(bare ? a.name : a.raw);
    }
    if (tag_.self_closing) out_->html.push_back('/');
    out_->html.push_back('>');
    after_break_ = BreaksLine(tag);
  }

  void EmitEndTag(GumboTag tag) {
    FlushSpace(BreaksLine(tag));
    out_->html.append("</");
    out_->html.append(name_);
    out_->html.push_back('>');
    after_break_ = BreaksLine(tag);
  }

  std::string_view in_;
  const HtmlOptions& options_;
  PrepassResult* out_;
  ScannedTag tag_;
  std::string name_;                // the current tag's name, lowercased
  std::vector<uint32_t> open_;      // keys of the open elements, outermost first
  std::vector<uint32_t> overflow_;  // keys of the flattened elements beyond the cap
  int pre_depth_ = 0;               // open <pre>s: whitespace is kept as is inside
  char pending_space_ = 0;          // whitespace since the last tag, not yet written
  bool after_break_ = false;        // the last thing written was a tag that breaks the line
};

}  // namespace

void Prepass(std::string_view in, const HtmlOptions& options, PrepassResult* out) {
  out->json_ld.clear();
  out->flattened_tags = 0;
  out->start_tags = 0;
  Prepasser(in, options, out).Run();
}

}  // namespace winnow::html
