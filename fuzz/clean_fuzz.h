// Shared by text_fuzz.cc and html_fuzz.cc: one Cleaner with the built-in rules and small
// limits (so the fuzzer reaches them), cleaning the input in a given format.
#ifndef WINNOW_FUZZ_CLEAN_FUZZ_H_
#define WINNOW_FUZZ_CLEAN_FUZZ_H_

#include <cstdlib>
#include <memory>
#include <string_view>

#include "winnow/winnow.h"

namespace winnow::fuzz {

inline int CleanOne(const uint8_t* data, size_t size, Format format) {
  static const Cleaner* cleaner = [] {
    Options options;
    options.max_document_bytes = 1 << 20;
    options.max_line_bytes = 4096;
    options.max_dom_depth = 40;
    options.max_dom_nodes = 20000;
    options.max_seconds_per_doc = 0;  // outcomes must not depend on the machine's speed
    options.keep_decisions = true;    // explain's path too
    Result<std::unique_ptr<Cleaner>> created = Cleaner::Create(options);
    if (!created.ok()) std::abort();
    return created->release();
  }();
  Input input;
  input.bytes = std::string_view(reinterpret_cast<const char*>(data), size);
  input.url = "https://www.example.com/news/2024/story";
  input.format = format;
  Result<Cleaned> cleaned = cleaner->Clean(input);
  if (cleaned.ok() && cleaned->decisions.size() != cleaned->dom.size() && !cleaned->dom.empty()) {
    std::abort();  // explain pairs each decision with its DOM description
  }
  return 0;
}

}  // namespace winnow::fuzz

#endif  // WINNOW_FUZZ_CLEAN_FUZZ_H_
