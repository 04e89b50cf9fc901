// Shared by text_fuzz.cc and html_fuzz.cc: Cleaners with the built-in rules and small limits
// (so the fuzzer reaches them), cleaning the input in a given format.
#ifndef WINNOW_FUZZ_CLEAN_FUZZ_H_
#define WINNOW_FUZZ_CLEAN_FUZZ_H_

#include <cstdlib>
#include <memory>
#include <string_view>

#include "winnow/winnow.h"

namespace winnow::fuzz {

inline const Cleaner* MakeCleaner(bool use_prefilter) {
  Options options;
  options.max_document_bytes = 1 << 20;
  options.max_line_bytes = 4096;
  options.max_dom_depth = 40;
  options.max_dom_nodes = 20000;
  options.max_seconds_per_doc = 0;  // outcomes must not depend on the machine's speed
  options.keep_decisions = true;    // explain's path too
  options.use_prefilter = use_prefilter;
  Result<std::unique_ptr<Cleaner>> created = Cleaner::Create(options);
  if (!created.ok()) std::abort();
  return created->release();
}

// Cleans the input, and again without the Hyperscan prefilter: the prefilter may change the
// speed, never the output, so the two must agree on the text and on every line's rule.
inline int CleanOne(const uint8_t* data, size_t size, Format format) {
  static const Cleaner* cleaner = MakeCleaner(true);
  static const Cleaner* reference = MakeCleaner(false);
  Input input;
  input.bytes = std::string_view(reinterpret_cast<const char*>(data), size);
  input.url = "https://www.example.com/news/2024/story";
  input.format = format;
  Result<Cleaned> cleaned = cleaner->Clean(input);
  if (cleaned.ok() && cleaned->decisions.size() != cleaned->dom.size() && !cleaned->dom.empty()) {
    std::abort();  // explain pairs each decision with its DOM description
  }
  Result<Cleaned> expected = reference->Clean(input);
  if (cleaned.ok() != expected.ok()) std::abort();
  if (cleaned.ok()) {
    if (cleaned->text != expected->text) std::abort();
    if (cleaned->decisions.size() != expected->decisions.size()) std::abort();
    for (size_t i = 0; i < cleaned->decisions.size(); ++i) {
      if (cleaned->decisions[i].rule != expected->decisions[i].rule) std::abort();
    }
  }
  return 0;
}

}  // namespace winnow::fuzz

#endif  // WINNOW_FUZZ_CLEAN_FUZZ_H_
