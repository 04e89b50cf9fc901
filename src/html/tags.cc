#include "html/tags.h"

#include <array>

#include "page.h"

namespace winnow::html {
namespace {

constexpr bool VoidTag(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_AREA:
    case GUMBO_TAG_BASE:
    case GUMBO_TAG_BR:
    case GUMBO_TAG_COL:
    case GUMBO_TAG_EMBED:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_IMG:
    case GUMBO_TAG_INPUT:
    case GUMBO_TAG_KEYGEN:
    case GUMBO_TAG_LINK:
    case GUMBO_TAG_META:
    case GUMBO_TAG_PARAM:
    case GUMBO_TAG_SOURCE:
    case GUMBO_TAG_TRACK:
    case GUMBO_TAG_WBR:
    case GUMBO_TAG_BASEFONT:
    case GUMBO_TAG_BGSOUND:
    case GUMBO_TAG_FRAME:
    case GUMBO_TAG_IMAGE:
    case GUMBO_TAG_MENUITEM:
      return true;
    default:
      return false;
  }
}

constexpr bool BlockTag(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_BODY:
    case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_CENTER:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_DETAILS:
    case GUMBO_TAG_DIR:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_FIELDSET:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_HGROUP:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_HTML:
    case GUMBO_TAG_LEGEND:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_LISTING:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_MENU:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_P:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_SUMMARY:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_TBODY:
    case GUMBO_TAG_TFOOT:
    case GUMBO_TAG_THEAD:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_OPTION:
    case GUMBO_TAG_FRAMESET:
      return true;
    default:
      return false;
  }
}

constexpr bool SkippedTag(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_HEAD:
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_DATALIST:
    case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_APPLET:
    case GUMBO_TAG_VIDEO:
    case GUMBO_TAG_AUDIO:
    case GUMBO_TAG_CANVAS:
    case GUMBO_TAG_MAP:
    case GUMBO_TAG_NOEMBED:
    case GUMBO_TAG_NOFRAMES:
    case GUMBO_TAG_XMP:
    case GUMBO_TAG_TITLE:
      return true;
    default:
      return false;
  }
}

constexpr bool BlockContainerTag(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_BODY:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_CENTER:
    case GUMBO_TAG_DETAILS:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_FIELDSET:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_MENU:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_ADDRESS:
      return true;
    default:
      return false;
  }
}

constexpr uint32_t ContainerBits(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_ARTICLE:
      return kInArticle;
    case GUMBO_TAG_MAIN:
      return kInMain;
    case GUMBO_TAG_NAV:
      return kInNav;
    case GUMBO_TAG_HEADER:
      return kInHeader;
    case GUMBO_TAG_FOOTER:
      return kInFooter;
    case GUMBO_TAG_ASIDE:
      return kInAside;
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FIGCAPTION:
      return kInFigure;
    case GUMBO_TAG_FORM:
      return kInForm;
    case GUMBO_TAG_MENU:
      return kInMenu;
    case GUMBO_TAG_BUTTON:
      return kInButton;
    case GUMBO_TAG_LI:
      return kInList;
    case GUMBO_TAG_TABLE:
      return kInTable;
    case GUMBO_TAG_BLOCKQUOTE:
      return kInBlockquote;
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
      return kInHeading;
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_LISTING:
      return kInPre;
    case GUMBO_TAG_ADDRESS:
      return kInAddress;
    case GUMBO_TAG_TIME:
      return kInTime;
    default:
      return 0;
  }
}

constexpr uint8_t Heading(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_H1:
      return 1;
    case GUMBO_TAG_H2:
      return 2;
    case GUMBO_TAG_H3:
      return 3;
    case GUMBO_TAG_H4:
      return 4;
    case GUMBO_TAG_H5:
      return 5;
    case GUMBO_TAG_H6:
      return 6;
    default:
      return 0;
  }
}

constexpr std::array<TagTraits, kTagCount> MakeTraits() {
  std::array<TagTraits, kTagCount> traits{};
  for (size_t i = 0; i < kTagCount; ++i) {
    const auto tag = static_cast<GumboTag>(i);
    TagTraits& t = traits[i];
    t.void_tag = VoidTag(tag);
    t.block = BlockTag(tag);
    t.skipped = SkippedTag(tag);
    t.breaks = tag == GUMBO_TAG_BR || (t.block && !t.skipped);
    t.block_container = BlockContainerTag(tag);
    t.heading = Heading(tag);
    t.containers = ContainerBits(tag);
  }
  return traits;
}

}  // namespace

namespace tags_internal {
constinit const std::array<TagTraits, kTagCount> kTraits = MakeTraits();
}  // namespace tags_internal

bool ImpliesEndOf(GumboTag tag, GumboTag open) {
  switch (open) {
    case GUMBO_TAG_P:
      return IsBlockTag(tag) && tag != GUMBO_TAG_TR && tag != GUMBO_TAG_OPTION;
    case GUMBO_TAG_LI:
      return tag == GUMBO_TAG_LI;
    case GUMBO_TAG_DT:
    case GUMBO_TAG_DD:
      return tag == GUMBO_TAG_DT || tag == GUMBO_TAG_DD;
    case GUMBO_TAG_TD:
    case GUMBO_TAG_TH:
      return tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH || tag == GUMBO_TAG_TR;
    case GUMBO_TAG_TR:
      return tag == GUMBO_TAG_TR;
    case GUMBO_TAG_OPTION:
      return tag == GUMBO_TAG_OPTION || tag == GUMBO_TAG_OPTGROUP;
    default:
      return false;
  }
}

}  // namespace winnow::html
