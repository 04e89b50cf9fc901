#include "cli/rule_flags.h"

#include <iostream>

namespace winnow::cli {
namespace po = boost::program_options;

void AddRuleFlags(po::options_description& desc, Options& o) {
  desc.add_options()("rules", po::value(&o.rule_paths)->composing(),
                     "rules file or folder of *.rules, added after the defaults (repeatable)")(
      "no-default-rules", po::bool_switch(), "start from no rules instead of the built-in set")(
      "no-prefilter", po::bool_switch(),
      "match every line with RE2, without the Hyperscan prefilter (same results, slower)")(
      "re2-max-mem", po::value(&o.re2_max_mem)->default_value(o.re2_max_mem),
      "RE2 memory budget for the compiled rule set, bytes")(
      "max-bytes", po::value(&o.max_document_bytes)->default_value(o.max_document_bytes),
      "largest document accepted, bytes (larger: an error for that document)")(
      "max-line-bytes", po::value(&o.max_line_bytes)->default_value(o.max_line_bytes),
      "bytes of a line that rules and features read")(
      "max-lines", po::value(&o.max_document_lines)->default_value(o.max_document_lines),
      "most non-blank lines in a document (more: an error for that document)")(
      "max-dom-depth", po::value(&o.max_dom_depth)->default_value(o.max_dom_depth),
      "deepest HTML nesting walked; deeper content is flattened")(
      "max-dom-nodes", po::value(&o.max_dom_nodes)->default_value(o.max_dom_nodes),
      "most HTML elements in a page (more: an error for that page)")(
      "max-seconds-per-doc",
      po::value(&o.max_seconds_per_doc)->default_value(o.max_seconds_per_doc),
      "time budget per document, checked between stages (over: an error); 0: none");
}

void AddJsonlFlags(po::options_description& desc, sources::JsonlOptions& jsonl) {
  desc.add_options()("text-field", po::value(&jsonl.text_field)->default_value(jsonl.text_field),
                     "JSONL: field with the page as text (receives the cleaned text)")(
      "html-field", po::value(&jsonl.html_field)->default_value(jsonl.html_field),
      "JSONL: field with the page as HTML, preferred when present")(
      "id-field", po::value(&jsonl.id_field)->default_value(jsonl.id_field), "JSONL: id field")(
      "url-field", po::value(&jsonl.url_field)->default_value(jsonl.url_field),
      "JSONL: URL field (else metadata.<url-field>)");
}

void ApplyRuleFlags(const po::variables_map& vm, Options& o) {
  if (vm.count("no-default-rules") && vm["no-default-rules"].as<bool>()) {
    o.use_default_rules = false;
  }
  if (vm.count("no-prefilter") && vm["no-prefilter"].as<bool>()) o.use_prefilter = false;
}

int ParseArgs(const std::vector<std::string>& args, const po::options_description& desc,
              const char* usage, const char* positional, po::variables_map& vm) {
  po::options_description all(desc);
  all.add_options()("help,h", "show this help");
  po::positional_options_description pos;
  if (positional) pos.add(positional, -1);
  try {
    po::store(po::command_line_parser(args).options(all).positional(pos).run(), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    std::cerr << "winnow: " << e.what() << "\n" << usage << "\n";
    return 2;
  }
  if (vm.count("help")) {
    std::cout << usage << "\n\n" << all << "\n";
    return 0;
  }
  return -1;
}

}  // namespace winnow::cli
