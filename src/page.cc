#include "page.h"

#include <cstdio>

namespace winnow {
namespace {

constexpr std::pair<uint32_t, const char*> kContainerNames[] = {
    {kInArticle, "article"},   {kInMain, "main"},
    {kInNav, "nav"},           {kInHeader, "header"},
    {kInFooter, "footer"},     {kInAside, "aside"},
    {kInFigure, "figure"},     {kInForm, "form"},
    {kInMenu, "menu"},         {kInButton, "button"},
    {kInList, "li"},           {kInTable, "table"},
    {kInLinkList, "linklist"}, {kInBlockquote, "blockquote"},
    {kInHeading, "heading"},   {kInPre, "pre"},
    {kInAddress, "address"},   {kInTime, "time"},
};

}  // namespace

std::string DescribeDom(const DomFeatures& d) {
  char buf[64];
  std::snprintf(buf, sizeof buf, " links=%.2f block-links=%.2f", d.link_density,
                d.block_link_density);
  std::string out = std::string(d.tag) + buf;
  const char* sep = " in=";
  for (const auto& [bit, name] : kContainerNames) {
    if (d.containers & bit) {
      out += sep;
      out += name;
      sep = ",";
    }
  }
  if (d.hidden) out += " hidden";
  if (!d.attrs.empty()) out.append(" class=\"").append(d.attrs).append("\"");
  out.append(" path=").append(d.path);
  return out;
}

}  // namespace winnow
