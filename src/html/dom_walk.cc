#include "html/dom_walk.h"

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "html/element_attributes.h"
#include "html/tag_scan.h"
#include "html/tags.h"
#include "word_run.h"

namespace winnow::html {
namespace {

using DomString = DomStrings::Entry;

// What the walk knows about one open element.
struct Frame {
  const GumboNode* node = nullptr;
  uint32_t next_child = 0;
  GumboTag tag = GUMBO_TAG_UNKNOWN;
  uint32_t containers = 0;  // Container bits of this element and its ancestors
  uint32_t block = 0;       // frame index of the nearest block element (itself if a block)
  uint32_t container = 0;   // frame index of the nearest block container
  uint32_t list = 0;        // frame index of the nearest ul/ol/menu (0: none)
  uint32_t block_id = 0;    // for block containers: their id
  uint32_t first_line = 0;  // lines emitted before the element opened
  uint32_t bytes = 0;       // text bytes in the element so far
  uint32_t link_bytes = 0;  // of which inside <a href>
  uint32_t items = 0;       // lists: li children, and those that are mostly link text
  uint32_t link_items = 0;
  uint8_t heading = 0;
  bool hidden = false;
  bool in_link = false;
  bool pre = false;
  bool breaks = false;       // starts and ends a line
  bool spaced = false;       // a block beyond max_dom_depth: cannot break, still separates words
  bool compact_row = false;  // a <tr> whose cells join on one line
  bool meta_closed = false;  // MetadataReader::Visit refused this element or an ancestor
  // Whether the element's Described fields hold its own values yet.
  bool attrs_known = false;
  bool block_known = false;
  std::string_view class_value, id, role;  // the element's own attributes, for attrs
};

// Computed when a line first needs them, then shared by every line below: an element's and its
// ancestors' class/id/role tokens (Frame::attrs_known), and for a block, its tag and path.
// Kept apart from Frame, by frame index, so opening an element need not clear them.
struct Described {
  DomString attrs, tag_name, path;
  uint32_t attrs_element = 0;             // DomFeatures::attrs_element
  uint32_t path_begin = 0, path_end = 0;  // its tag name in DomWalker::path_
};

struct Totals {
  uint32_t bytes = 0;
  uint32_t link_bytes = 0;
};

float Ratio(uint32_t part, uint32_t whole) {
  return whole == 0 ? 0.0f : static_cast<float>(part) / static_cast<float>(whole);
}

// The walker's buffers, kept per thread between pages: a walker made afresh for every page
// allocated them and grew them again each time.
struct WalkBuffers {
  std::vector<Frame> frames;
  std::vector<Described> described;
  std::vector<const GumboNode*> scan;
  std::vector<Totals> totals;
  std::string path, attrs;
};

class DomWalker {
 public:
  // Borrows the buffers' capacity for the walk (members, not references: the walk's hot loop
  // reads them without an indirection).
  DomWalker(const HtmlOptions& options, Page* page, DomWalkStats* stats, MetadataReader* meta,
            WalkBuffers& buffers)
      : options_(options), page_(page), stats_(stats), meta_(meta), buffers_(buffers) {
    Swap();
    frames_.clear();
    totals_.assign(1, Totals());
    page_->block_parent.assign(1, 0);
  }
  ~DomWalker() { Swap(); }

  Status Walk(const GumboNode* html) {
    Frame root;
    root.node = html;
    const Attributes root_attrs = ReadAttributes(html);
    root.class_value = root_attrs.class_value;
    root.id = root_attrs.id;
    root.role = root_attrs.role;
    root.tag = GUMBO_TAG_HTML;
    root.breaks = true;
    root.meta_closed = !meta_->Visit(html);
    frames_.push_back(root);
    described_.assign(1, Described());
    if (options_.collect_tokens) {
      AttrTokens& tokens = page_->attr_tokens;
      tokens.text.assign(1, '\n');
      tokens.elements.clear();
      tokens.max_attrs_bytes = options_.max_attrs_bytes;
      tokens.collected = true;
    }
    while (!frames_.empty()) {
      Frame& top = frames_.back();
      const GumboVector& children = top.node->v.element.children;
      if (top.next_child >= children.length) {
        Close();
        continue;
      }
      const GumboNode* child = static_cast<const GumboNode*>(children.data[top.next_child++]);
      // The walk runs after parsing, over a tree too large to stay in cache: fetch the next
      // sibling while this child is handled (most children are short text nodes).
      if (top.next_child < children.length) __builtin_prefetch(children.data[top.next_child]);
      PrefetchAhead(child);
      switch (child->type) {
        case GUMBO_NODE_TEXT:
        case GUMBO_NODE_CDATA:
        case GUMBO_NODE_WHITESPACE:
          AppendText(child->v.text.text);
          break;
        case GUMBO_NODE_ELEMENT:
          if (++stats_->elements > options_.max_nodes) {
            return Status::LimitExceeded("HTML has more than " +
                                         std::to_string(options_.max_nodes) + " elements");
          }
          Open(child);
          break;
        default:  // comments, <template> contents
          break;
      }
    }
    Break();
    for (DomFeatures& f : page_->dom) {
      const Totals& t = totals_[f.block_id];
      f.block_link_density = Ratio(t.link_bytes, t.bytes);
    }
    return Status::Ok();
  }

 private:
  // Gumbo allocates in document order, and the arena (gumbo_arena.h) lays its allocations
  // out in that order: an element's attributes just before it, its text and children just
  // after, the next node a few hundred bytes on. So the walk reads the arena as one forward
  // stream of dependent loads, which the hardware prefetcher does not follow; fetching a
  // window about 1 KB ahead of each node made the walk about a tenth faster on the dev pages.
  // (A prefetch of an address outside the arena is harmless: it never faults.)
  static void PrefetchAhead(const GumboNode* node) {
    constexpr size_t kAhead = 1024, kLines = 8, kLine = 64;
    // An integer, not a pointer: the window may lie past the node's allocation.
    const uintptr_t at = reinterpret_cast<uintptr_t>(node) + kAhead;
    for (size_t k = 0; k < kLines; ++k) {
      __builtin_prefetch(reinterpret_cast<const void*>(at + k * kLine));
    }
  }

  void Open(const GumboNode* node) {
    const GumboTag tag = node->v.element.tag;
    const Frame& parent = frames_.back();
    // The metadata reads the elements the walk skips too (<head>, a <meta> in <object>).
    const bool meta = !parent.meta_closed;
    if (IsSkippedTag(tag)) {
      if (meta) meta_->VisitSubtree(node);
      return;
    }
    const bool flatten = frames_.size() >= static_cast<size_t>(options_.max_dom_depth);
    if (flatten) ++stats_->flattened_elements;
    if (tag == GUMBO_TAG_BR) {
      if (meta) meta_->VisitSubtree(node);
      if (flatten) {
        pending_space_ = true;
      } else {
        Break();
      }
      return;
    }
    const uint32_t index = static_cast<uint32_t>(frames_.size());
    const Attributes attrs = ReadAttributes(node);
    const bool breaks = !flatten && BreaksLine(tag);  // <br> and skipped tags returned above
    bool hidden = parent.hidden;
    if (!flatten && !hidden && IsHiddenElement(attrs)) {
      // Hidden inline content (screen-reader text, MathML twins of formulas) would split a
      // visible sentence: it is dropped. Hidden blocks are lines of their own: kept, flagged.
      if (!breaks) {
        if (meta) meta_->VisitSubtree(node);
        return;
      }
      hidden = true;
    }
    // Built in place: the stack holds one Frame per open element, and copying one in costs
    // more than filling it.
    Frame& f = frames_.emplace_back();
    const Frame& up = frames_[index - 1];  // `parent` may have moved
    f.node = node;
    f.tag = tag;
    f.class_value = attrs.class_value;
    f.id = attrs.id;
    f.role = attrs.role;
    f.heading = up.heading;
    f.hidden = hidden;
    f.in_link = up.in_link || (tag == GUMBO_TAG_A && attrs.href);
    f.pre = up.pre || tag == GUMBO_TAG_PRE || tag == GUMBO_TAG_LISTING;
    f.containers = up.containers;
    f.block = up.block;
    f.container = up.container;
    f.list = up.list;
    f.breaks = breaks;
    if (!flatten) {
      f.containers |= ContainerBitsOfTag(tag) | ContainerBitsOfRole(attrs.role);
      if (const int level = HeadingLevel(tag)) f.heading = static_cast<uint8_t>(level);
      if (tag == GUMBO_TAG_TR) f.compact_row = IsCompactRow(node);
      if (tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH) {
        if (up.tag == GUMBO_TAG_TR && up.compact_row) {
          pending_separator_ = line_open_;
        } else {
          f.breaks = true;
        }
      }
      if (f.breaks) f.block = index;
      if (IsBlockContainerTag(tag)) {
        f.container = index;
        f.block_id = static_cast<uint32_t>(totals_.size());
        totals_.emplace_back();
        page_->block_parent.push_back(frames_[up.container].block_id);
      }
      if (tag == GUMBO_TAG_UL || tag == GUMBO_TAG_OL || tag == GUMBO_TAG_MENU) f.list = index;
    }
    if (flatten && IsBlockTag(tag)) {
      f.spaced = true;
      pending_space_ = true;
    }
    if (f.breaks) Break();
    f.meta_closed = !meta || !meta_->Visit(node);
    f.first_line = static_cast<uint32_t>(page_->dom.size());
    if (described_.size() < frames_.size()) described_.resize(frames_.size());
  }

  // True if the row's cells are short inline text (a data or menu row), so they read best
  // joined on one line. Rows with long or block content are layout: each cell is a block.
  bool IsCompactRow(const GumboNode* row) {
    constexpr size_t kMaxCellBytes = 80;
    constexpr size_t kMaxNodes = 256;
    scan_.assign(1, row);
    size_t nodes = 0;
    size_t cell_bytes = 0;
    while (!scan_.empty()) {
      const GumboNode* node = scan_.back();
      scan_.pop_back();
      if (++nodes > kMaxNodes) return false;
      if (node->type == GUMBO_NODE_TEXT) {
        cell_bytes += std::strlen(node->v.text.text);
        if (cell_bytes > kMaxCellBytes) return false;
        continue;
      }
      if (node->type != GUMBO_NODE_ELEMENT) continue;
      const GumboTag tag = node->v.element.tag;
      if (tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH) cell_bytes = 0;
      if (IsSkippedTag(tag)) continue;
      if (tag == GUMBO_TAG_BR || (node != row && IsBlockTag(tag))) return false;
      const GumboVector& children = node->v.element.children;
      for (unsigned i = 0; i < children.length; ++i) {
        scan_.push_back(static_cast<const GumboNode*>(children.data[i]));
      }
    }
    return true;
  }

  void Close() {
    const uint32_t index = static_cast<uint32_t>(frames_.size() - 1);
    const Frame& f = frames_[index];
    if (path_frames_ >= index && index > 0) path_frames_ = index - 1;
    if (f.breaks) Break();
    if (f.spaced) pending_space_ = true;
    if (f.container == index) totals_[f.block_id] = {f.bytes, f.link_bytes};
    if (f.list == index && f.items > 0 && f.link_items * 2 > f.items) {
      for (size_t i = f.first_line; i < page_->dom.size(); ++i) {
        page_->dom[i].containers |= kInLinkList;
      }
    }
    if (index > 0) {
      Frame& parent = frames_[index - 1];
      parent.bytes += f.bytes;
      parent.link_bytes += f.link_bytes;
      if (f.tag == GUMBO_TAG_LI && f.list != 0 && f.list != index) {
        Frame& list = frames_[f.list];
        ++list.items;
        if (f.link_bytes * 2 > f.bytes) ++list.link_items;
      }
    }
    frames_.pop_back();
  }

  // Length of the whitespace character at s[i] (ASCII space, control, or U+00A0), else 0.
  static size_t SpaceLength(std::string_view s, size_t i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c <= 0x20 || c == 0x7F) return 1;
    if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) return 2;
    return 0;
  }

  void AppendText(std::string_view text) {
    const bool pre = frames_.back().pre;
    size_t i = 0;
    while (i < text.size()) {
      size_t len;
      while (i < text.size() && (len = SpaceLength(text, i)) != 0) {
        if (pre && text[i] == '\n') Break();
        pending_space_ = true;
        i += len;
      }
      // Words parted by single ASCII spaces (most text, after the pre-pass) go in one append.
      // A run also ends at a ' ' before a 0xC2 that is not an NBSP: the two appends then
      // join with the same one space.
      const size_t run = i;
      uint32_t spaces = 0;
      for (;;) {
        i = WordRunEnd<true>(text, i, &spaces);
        if (i == text.size() || SpaceLength(text, i) != 0) break;
        ++i;  // a 0xC2 that does not start an NBSP
      }
      if (i > run) AppendWords(text.substr(run, i - run), spaces);
    }
  }

  // Appends `words`, which hold `spaces` single spaces between them.
  void AppendWords(std::string_view words, uint32_t spaces) {
    Frame& top = frames_.back();
    std::string& out = page_->storage;
    if (!line_open_) {
      BeginLine();
    } else if (pending_separator_ || pending_space_) {
      const std::string_view gap = pending_separator_ ? " | " : " ";
      out.append(gap);
      line_bytes_ += static_cast<uint32_t>(gap.size());
    }
    pending_space_ = pending_separator_ = false;
    out.append(words);
    line_bytes_ += static_cast<uint32_t>(words.size());
    const uint32_t n = static_cast<uint32_t>(words.size()) - spaces;  // gaps are not text bytes
    top.bytes += n;
    if (top.in_link) {
      line_link_bytes_ += n;
      top.link_bytes += n;
    }
    page_->dom.back().containers |= top.containers;
  }

  void BeginLine() {
    if (!page_->dom.empty()) page_->storage.push_back('\n');
    line_open_ = true;
    line_bytes_ = line_link_bytes_ = 0;
    const Frame& top = frames_.back();
    const Frame& block = frames_[top.block];
    DomFeatures& f = page_->dom.emplace_back();
    if (!block.block_known) DescribeBlock(top.block);
    const Described& d = described_[top.block];
    f.tag = d.tag_name.text;
    f.path = d.path.text;
    f.path_id = d.path.id;
    if (options_.describe_attrs) {
      f.attrs = d.attrs.text;
      f.attrs_id = d.attrs.id;
    }
    if (options_.collect_tokens) f.attrs_element = d.attrs_element;
    f.containers = top.containers;
    f.block_id = frames_[top.container].block_id;
    f.depth = static_cast<uint16_t>(top.block + 1);
    f.heading = block.heading;
    f.hidden = top.hidden;
  }

  // Tag name, path and attrs of the block at frames_[index], for all the lines it holds.
  void DescribeBlock(uint32_t index) {
    Described& block = described_[index];
    const GumboTag tag = frames_[index].node->v.element.tag;
    // A block is a known tag: only those break lines (BreaksLine, cells). Frame 0 is <html>.
    block.tag_name.text = gumbo_normalized_tagname(index == 0 ? GUMBO_TAG_HTML : tag);  // static
    if (index == 0) {
      block.path = Intern("html");
    } else if (options_.describe_paths) {
      if (index > path_frames_) ExtendPath(index);
      const size_t first = index >= static_cast<uint32_t>(options_.max_path_elements)
                               ? index + 1 - options_.max_path_elements
                               : 1;  // frame 0 is <html>: paths start at <body>
      const size_t begin = first <= index ? described_[first].path_begin : block.path_end;
      block.path = Intern(std::string_view(path_).substr(begin, block.path_end - begin));
    }
    DescribeAttrs(index);
    frames_[index].block_known = true;
  }

  // Appends the tag names of frames_[path_frames_ + 1 .. index] to path_, which holds those of
  // their ancestors: the stack of open elements as one "body>div>p" string, so a block's path
  // is a slice of it.
  void ExtendPath(uint32_t index) {
    path_.resize(path_frames_ == 0 ? 0 : described_[path_frames_].path_end);
    for (uint32_t k = path_frames_ + 1; k <= index; ++k) {
      if (k > 1) path_.push_back('>');
      described_[k].path_begin = static_cast<uint32_t>(path_.size());
      AppendTagName(frames_[k].node, &path_);
      described_[k].path_end = static_cast<uint32_t>(path_.size());
    }
    path_frames_ = index;
  }

  // Describes the attrs of frames_[index] and of its ancestors up to the first that has them.
  void DescribeAttrs(uint32_t index) {
    uint32_t from = index + 1;
    while (from > 0 && !frames_[from - 1].attrs_known) --from;
    for (uint32_t k = from; k <= index; ++k) {
      if (options_.describe_attrs) DescribeAttrString(k);
      if (options_.collect_tokens) CollectTokens(k);
      frames_[k].attrs_known = true;
    }
  }

  // Appends the element's class, id and role tokens, lowercased, to the list in
  // (*out)[from, end) parted by `separator`, up to max_attrs_bytes; false if some did not fit.
  bool OwnTokens(const Frame& frame, std::string* out, size_t from, char separator) const {
    // Most elements lack an id and a role: no call for those.
    const auto append = [&](std::string_view value) {
      return value.empty() || AppendTokens(value, options_.max_attrs_bytes, out, from, separator);
    };
    return append(frame.class_value) && append(frame.id) && append(frame.role);
  }

  // Described::attrs of frames_[k], its parent's known: the element's own tokens, then its
  // parent's, until max_attrs_bytes. An element without class, id or role (most) shares its
  // parent's string.
  void DescribeAttrString(uint32_t k) {
    std::string& s = attrs_;
    s.clear();
    const bool fits = OwnTokens(frames_[k], &s, 0, ' ');
    if (fits && s.empty() && k > 0) {
      described_[k].attrs = described_[k - 1].attrs;
    } else {
      if (fits && k > 0)
        AppendTokenPrefix(described_[k - 1].attrs.text, options_.max_attrs_bytes, &s);
      described_[k].attrs = Intern(s);
    }
  }

  // Described::attrs_element of frames_[k], its parent's known: the element's own tokens
  // that can be in its attrs go to Page::attr_tokens, one per line for the scan
  // (classify/class_tokens.h); without any, it shares its parent's.
  void CollectTokens(uint32_t k) {
    const uint32_t parent = k > 0 ? described_[k - 1].attrs_element : 0;
    AttrTokens& tokens = page_->attr_tokens;
    std::string& text = tokens.text;
    const size_t begin = text.size();
    const bool fits = OwnTokens(frames_[k], &text, begin, '\n');
    const size_t end = text.size();
    if (fits && end == begin) {
      described_[k].attrs_element = parent;
      return;
    }
    text.push_back('\n');
    tokens.elements.push_back(
        {static_cast<uint32_t>(begin), static_cast<uint32_t>(end), parent, !fits});
    described_[k].attrs_element = static_cast<uint32_t>(tokens.elements.size());
  }

  DomString Intern(std::string_view s) { return page_->dom_strings.Intern(s); }

  void Break() {
    pending_space_ = pending_separator_ = false;
    if (!line_open_) return;
    line_open_ = false;
    page_->dom.back().link_density = Ratio(line_link_bytes_, line_bytes_);
  }

  void Swap() {
    frames_.swap(buffers_.frames);
    described_.swap(buffers_.described);
    scan_.swap(buffers_.scan);
    totals_.swap(buffers_.totals);
    path_.swap(buffers_.path);
    attrs_.swap(buffers_.attrs);
  }

  const HtmlOptions& options_;
  Page* page_;
  DomWalkStats* stats_;
  MetadataReader* meta_;
  WalkBuffers& buffers_;
  std::vector<Frame> frames_;
  std::vector<Described> described_;    // by frame index; as long as the deepest stack so far
  std::vector<const GumboNode*> scan_;  // IsCompactRow's stack
  std::vector<Totals> totals_;          // per block_id; [0]: lines outside any block container
  std::string path_;                    // tag names of frames_[1 .. path_frames_], '>'-separated
  uint32_t path_frames_ = 0;
  std::string attrs_;  // DescribeAttrs' buffer
  bool line_open_ = false;
  bool pending_space_ = false;
  bool pending_separator_ = false;
  uint32_t line_bytes_ = 0;
  uint32_t line_link_bytes_ = 0;
};

}  // namespace

Status WalkDom(const GumboNode* document, const HtmlOptions& options, Page* page,
               DomWalkStats* stats, MetadataReader* meta) {
  const GumboVector& children = document->v.document.children;
  for (unsigned i = 0; i < children.length; ++i) {
    const GumboNode* node = static_cast<const GumboNode*>(children.data[i]);
    if (node->type == GUMBO_NODE_ELEMENT && node->v.element.tag == GUMBO_TAG_HTML) {
      thread_local WalkBuffers buffers;
      return DomWalker(options, page, stats, meta, buffers).Walk(node);
    }
  }
  meta->VisitSubtree(document);
  return Status::Ok();
}

}  // namespace winnow::html
