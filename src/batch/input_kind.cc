#include "batch/input_kind.h"

#include <array>
#include <string>

namespace winnow::batch {
namespace {

struct ExtensionKind {
  std::string_view ext;  // lowercase, with the dot
  InputKind kind;
};

// Page formats, then formats that are never pages. Anything else is sniffed.
constexpr ExtensionKind kExtensions[] = {
    {".txt", InputKind::kText},     {".html", InputKind::kHtml},     {".htm", InputKind::kHtml},
    {".xhtml", InputKind::kHtml},   {".jsonl", InputKind::kJsonl},   {".warc", InputKind::kWarc},
    {".png", InputKind::kSkipped},  {".jpg", InputKind::kSkipped},   {".jpeg", InputKind::kSkipped},
    {".gif", InputKind::kSkipped},  {".webp", InputKind::kSkipped},  {".avif", InputKind::kSkipped},
    {".svg", InputKind::kSkipped},  {".ico", InputKind::kSkipped},   {".bmp", InputKind::kSkipped},
    {".tif", InputKind::kSkipped},  {".tiff", InputKind::kSkipped},  {".css", InputKind::kSkipped},
    {".js", InputKind::kSkipped},   {".mjs", InputKind::kSkipped},   {".json", InputKind::kSkipped},
    {".map", InputKind::kSkipped},  {".pdf", InputKind::kSkipped},   {".zip", InputKind::kSkipped},
    {".tar", InputKind::kSkipped},  {".tgz", InputKind::kSkipped},   {".bz2", InputKind::kSkipped},
    {".xz", InputKind::kSkipped},   {".zst", InputKind::kSkipped},   {".7z", InputKind::kSkipped},
    {".woff", InputKind::kSkipped}, {".woff2", InputKind::kSkipped}, {".ttf", InputKind::kSkipped},
    {".otf", InputKind::kSkipped},  {".eot", InputKind::kSkipped},   {".mp3", InputKind::kSkipped},
    {".mp4", InputKind::kSkipped},  {".webm", InputKind::kSkipped},  {".ogg", InputKind::kSkipped},
    {".wav", InputKind::kSkipped},  {".avi", InputKind::kSkipped},   {".mov", InputKind::kSkipped},
    {".doc", InputKind::kSkipped},  {".docx", InputKind::kSkipped},  {".xls", InputKind::kSkipped},
    {".xlsx", InputKind::kSkipped}, {".ppt", InputKind::kSkipped},   {".pptx", InputKind::kSkipped},
    {".exe", InputKind::kSkipped},  {".wasm", InputKind::kSkipped},  {".swf", InputKind::kSkipped},
};

constexpr std::array<std::string_view, 7> kKindNames = {"text",  "html",    "jsonl", "warc",
                                                        "sniff", "skipped", "error"};

// The extension of name with its dot ("" for none or a leading-dot-only name like ".bashrc").
std::string_view Extension(std::string_view name) {
  size_t dot = name.rfind('.');
  if (dot == std::string_view::npos || dot == 0) return {};
  return name.substr(dot);
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

}  // namespace

std::string_view InputKindName(InputKind kind) { return kKindNames[static_cast<int>(kind)]; }

KindInfo KindFromName(std::string_view name) {
  KindInfo info;
  info.stem = name;
  if (Lower(Extension(name)) == ".gz") {
    info.gzip = true;
    info.stem = name.substr(0, name.size() - 3);
  }
  std::string_view ext = Extension(info.stem);
  std::string lower = Lower(ext);
  for (const ExtensionKind& entry : kExtensions) {
    if (entry.ext != lower) continue;
    info.kind = entry.kind;
    if (entry.kind == InputKind::kSkipped) {
      info.skipped_ext = ext;
    } else {
      info.stem.remove_suffix(ext.size());
    }
    return info;
  }
  return info;
}

}  // namespace winnow::batch
