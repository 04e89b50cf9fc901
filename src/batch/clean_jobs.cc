#include "batch/clean_jobs.h"

#include <memory>

#include "html/encoding.h"
#include "sources/gzip.h"
#include "sources/jsonl_writer.h"
#include "utf8.h"

namespace winnow::batch {
namespace {

// A record's `text`: the paragraphs joined by '\n', without the newline that ends the last one
// in a text output (corpus tools expect none).
std::string_view RecordText(const Cleaned& cleaned) {
  std::string_view text = cleaned.text;
  if (text.ends_with('\n')) text.remove_suffix(1);
  return text;
}

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

bool IsPage(const InputFile& input) {
  return input.kind != InputKind::kSkipped && input.kind != InputKind::kError;
}

// The kind of a file whose name says nothing, from its first (decompressed) bytes.
InputKind Sniff(const std::string& path) {
  Result<std::unique_ptr<sources::ByteStream>> stream = sources::ByteStream::Open(path);
  if (!stream.ok()) return InputKind::kSniff;  // the page job reports the error
  char head[64];
  size_t size = 0;
  while (size < sizeof(head)) {
    Result<size_t> n = (*stream)->Read(head + size, sizeof(head) - size);
    if (!n.ok() || *n == 0) break;
    size += *n;
  }
  std::string_view bytes(head, size);
  if (bytes.starts_with("WARC/")) return InputKind::kWarc;
  size_t first = bytes.find_first_not_of(" \t\r\n");
  if (first != std::string_view::npos && bytes[first] == '{') return InputKind::kJsonl;
  return InputKind::kSniff;
}

Format FormatOf(InputKind kind) {
  switch (kind) {
    case InputKind::kText:
      return Format::kText;
    case InputKind::kHtml:
      return Format::kHtml;
    default:
      return Format::kAuto;
  }
}

JobOutput Counters(const Cleaned& cleaned) {
  JobOutput out;
  out.counters.assign(cleaned.label_counts.begin(), cleaned.label_counts.end());
  out.counters.insert(out.counters.end(), cleaned.rule_hits.begin(), cleaned.rule_hits.end());
  return out;
}

sources::Annotations AnnotationsOf(const Cleaned& cleaned) {
  sources::Annotations add{
      cleaned.meta.url, cleaned.meta.title, cleaned.meta.date, cleaned.meta.author, {}};
  for (int i = 0; i < kLabelCount; ++i) {
    add.counts.emplace_back(LabelName(static_cast<Label>(i)), cleaned.label_counts[i]);
  }
  return add;
}

// A record's HTML in the charset its transport declared, as UTF-8 behind a BOM so that the
// HTML decoder takes it as it is, whatever a <meta charset> inside says (HTTP wins, as in
// browsers). Valid UTF-8 and unknown charsets are left to the decoder: empty result.
std::string TranscodeDeclared(const sources::Record& record) {
  if (!record.payload_is_html || record.charset.empty() || utf8::IsValid(record.payload)) {
    return "";
  }
  html::DecodedHtml decoded;
  if (!html::DecodeAs(record.payload, record.charset, &decoded)) return "";
  std::string out(kUtf8Bom);
  out += decoded.text;
  return out;
}

// A cleaned record's output: its text, or a JSON line (the record's own, annotated, or a
// fresh one).
Result<JobOutput> RecordOutput(const CleanJobOptions& options, std::string_view name,
                               const sources::Record& record, Result<Cleaned>& cleaned,
                               WorkerContext& context) {
  if (!cleaned.ok()) return cleaned.status();
  JobOutput out = Counters(*cleaned);
  if (options.format == OutputFormat::kText) {
    out.bytes = std::move(cleaned->text) + "\n";
    return out;
  }
  sources::Annotations add = AnnotationsOf(*cleaned);
  if (record.original_json.empty()) {
    std::string id =
        record.id.empty() ? std::string(name) + ":" + record.position.ToString() : record.id;
    sources::AppendFreshRecord(id, RecordText(*cleaned), add, &out.bytes);
    return out;
  }
  // One writer per worker: it keeps simdjson parsers, which are not shareable.
  sources::JsonlWriter& writer = context.State<sources::JsonlWriter>([&] {
    sources::JsonlWriterOptions writer_options;
    writer_options.text_field = options.jsonl.text_field;
    writer_options.metadata_field = options.jsonl.metadata_field;
    return sources::JsonlWriter(writer_options);
  });
  if (Status s = writer.Append(record.original_json, RecordText(*cleaned), add, &out.bytes);
      !s.ok()) {
    return s;
  }
  return out;
}

// Cleans a batch of records (Cleaner::CleanBatch).
void CleanRecords(const Cleaner& cleaner, const CleanJobOptions& options, std::string_view name,
                  std::span<RecordItem> items, WorkerContext& context) {
  std::vector<std::string> transcoded(items.size());
  std::vector<Input> inputs(items.size());
  for (size_t k = 0; k < items.size(); ++k) {
    inputs[k] = RecordInput(*items[k].record, transcoded[k]);
  }
  std::vector<Result<Cleaned>> cleaned = cleaner.CleanBatch(inputs);
  for (size_t k = 0; k < items.size(); ++k) {
    items[k].output = RecordOutput(options, name, *items[k].record, cleaned[k], context);
  }
}

}  // namespace

Result<InputFormat> ParseInputFormat(std::string_view name) {
  if (name == "auto") return InputFormat::kAuto;
  if (name == "text") return InputFormat::kText;
  if (name == "html") return InputFormat::kHtml;
  if (name == "jsonl") return InputFormat::kJsonl;
  if (name == "warc") return InputFormat::kWarc;
  return Status::InvalidInput("--input-format takes auto, text, html, jsonl or warc");
}

Result<OutputFormat> ParseOutputFormat(std::string_view name) {
  if (name == "auto") return OutputFormat::kAuto;
  if (name == "text") return OutputFormat::kText;
  if (name == "jsonl") return OutputFormat::kJsonl;
  return Status::InvalidInput("--format takes auto, text or jsonl");
}

void ResolveKinds(InputFormat input_format, std::vector<InputFile>* inputs) {
  static constexpr InputKind kForced[] = {InputKind::kSniff, InputKind::kText, InputKind::kHtml,
                                          InputKind::kJsonl, InputKind::kWarc};
  for (InputFile& input : *inputs) {
    if (!IsPage(input)) continue;
    if (input_format != InputFormat::kAuto) {
      input.kind = kForced[static_cast<int>(input_format)];
    } else if (input.kind == InputKind::kSniff && !input.is_stdin()) {
      input.kind = Sniff(input.path);
    }
  }
}

std::string PageOutputExt(OutputFormat format) {
  return format == OutputFormat::kJsonl ? "jsonl" : "txt";
}

std::string StreamOutputExt(OutputFormat format) {
  return format == OutputFormat::kText ? "txt" : "jsonl";
}

Input RecordInput(const sources::Record& record, std::string& storage) {
  storage = TranscodeDeclared(record);
  Input input;
  input.bytes = storage.empty() ? std::string_view(record.payload) : storage;
  input.url = record.url;
  input.format = record.payload_is_html ? Format::kHtml : Format::kText;
  return input;
}

std::vector<CounterGroup> CleanCounterGroups(const Cleaner& cleaner) {
  CounterGroup labels{"labels", {}, 0}, rules{"rules", {}, 10};
  for (int i = 0; i < kLabelCount; ++i) {
    labels.names.emplace_back(LabelName(static_cast<Label>(i)));
  }
  for (int i = 0; i < cleaner.rule_count(); ++i) rules.names.push_back(cleaner.RuleOrigin(i));
  return {labels, rules};
}

Job MakePageJob(const Cleaner& cleaner, const CleanJobOptions& options) {
  return [&cleaner, &options](std::span<JobItem> items, WorkerContext&) {
    std::vector<Input> inputs(items.size());
    for (size_t k = 0; k < items.size(); ++k) {
      inputs[k].bytes = items[k].bytes;
      inputs[k].url = options.url;
      inputs[k].format = FormatOf(items[k].input->kind);
    }
    std::vector<Result<Cleaned>> cleaned = cleaner.CleanBatch(inputs);
    for (size_t k = 0; k < items.size(); ++k) {
      if (!cleaned[k].ok()) {
        items[k].output = cleaned[k].status();
        continue;
      }
      JobOutput out = Counters(*cleaned[k]);
      if (options.format == OutputFormat::kJsonl) {
        sources::AppendFreshRecord(items[k].input->rel, RecordText(*cleaned[k]),
                                   AnnotationsOf(*cleaned[k]), &out.bytes);
      } else {
        out.bytes = std::move(cleaned[k]->text);
      }
      items[k].output = std::move(out);
    }
  };
}

StreamJob MakeStreamJob(const Cleaner& cleaner, const CleanJobOptions& options) {
  return
      [&cleaner, &options](const InputFile& in, const Sink& sink, BatchSummary* summary) -> Status {
        Result<std::unique_ptr<sources::ByteStream>> stream = sources::ByteStream::Open(in.path);
        if (!stream.ok()) return stream.status();
        std::unique_ptr<sources::RecordReader> reader;
        sources::WarcReader* warc = nullptr;
        if (in.kind == InputKind::kWarc) {
          auto owned = std::make_unique<sources::WarcReader>(**stream, options.warc);
          warc = owned.get();
          reader = std::move(owned);
        } else {
          reader = std::make_unique<sources::JsonlReader>(**stream, options.jsonl);
        }
        std::string name = in.is_stdin() ? "<stdin>" : in.path;
        RecordJob job = [&](std::span<RecordItem> items, WorkerContext& context) {
          CleanRecords(cleaner, options, name, items, context);
        };
        Status status = RunRecordPipeline(*reader, name, options.pipeline, job, sink, summary);
        if (warc != nullptr) {
          for (const auto& [type, count] : warc->skipped()) summary->records_skipped[type] += count;
        }
        return status;
      };
}

}  // namespace winnow::batch
