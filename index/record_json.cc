#include "index/record_json.h"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include <stdexcept>

namespace dipdoc {
namespace {

void WriteDocumentFields(JsonWriter& json, const Record& record) {
  const Document& d = record.document;
  json.Field("doc_id", d.doc_id).Field("source", d.source);
  json.Key("sources").BeginArray();
  for (const SourceFile& s : record.sources) json.BeginObject().Field("source", s.source).Field("path", s.path).EndObject();
  json.EndArray();
  json.Field("title", d.title)
      .Field("language", d.language)
      .Field("doc_type", ToString(d.doc_type))
      .Field("date", d.date)
      .Field("reference", d.reference)
      .Field("addressee", d.addressee)
      .Field("encoding", d.encoding)
      .Field("format", d.format)
      .Field("parent_id", d.parent_id);
  json.Key("attachment_ids").BeginArray();
  for (const std::string& id : d.attachment_ids) json.Value(id);
  json.EndArray();
  json.Key("ocr");
  if (d.ocr) {
    json.BeginObject().Field("pages", d.ocr->pages).Field("mean_confidence", d.ocr->mean_confidence).EndObject();
  } else {
    json.Value(nullptr);
  }
  json.Key("pages").BeginArray();
  for (const Page& p : d.pages) {
    json.BeginObject().Field("number", p.number).Field("start", p.span.start).Field("end", p.span.end);
    if (p.ocr_confidence) json.Field("ocr_confidence", *p.ocr_confidence);
    json.EndObject();
  }
  json.EndArray();
  json.Field("text", d.text);
}

// "text" (in the full form), "start", "end" of an item found at `span`.
void WriteSpanFields(JsonWriter& json, const Span& span, std::string_view text, RecordForm form) {
  if (form == RecordForm::kFull) json.Field("text", span.In(text));
  json.Field("start", span.start).Field("end", span.end);
}

void WriteExtractionFields(JsonWriter& json, const Extraction& e, std::string_view text, RecordForm form) {
  json.Key("partners").BeginArray();
  for (const PartnerMention& p : e.partners) {
    json.BeginObject().Field("id", p.id).Field("name", p.name).Field("kind", p.kind).Field("mentions", p.spans.size());
    json.Key("spans").BeginArray();
    for (const Span& s : p.spans) json.BeginArray().Value(s.start).Value(s.end).EndArray();
    json.EndArray().EndObject();
  }
  json.EndArray();

  json.Key("doses").BeginArray();
  for (const DoseCount& d : e.doses) {
    json.BeginObject()
        .Field("value", d.value)
        .Field("unit", ToString(d.unit))
        .Field("approx", ToString(d.approx))
        .Field("vaccine", d.vaccine)
        .Field("partner", d.partner);
    WriteSpanFields(json, d.span, text, form);
    json.EndObject();
  }
  json.EndArray();

  json.Key("amounts").BeginArray();
  for (const Amount& a : e.amounts) {
    json.BeginObject().Field("value", a.value).Field("currency", a.currency);
    WriteSpanFields(json, a.span, text, form);
    json.EndObject();
  }
  json.EndArray();

  json.Key("dates").BeginArray();
  for (const DateMention& d : e.dates) {
    json.BeginObject().Field("value", d.value);
    WriteSpanFields(json, d.span, text, form);
    json.EndObject();
  }
  json.EndArray();

  json.Key("commitments").BeginArray();
  for (const Commitment& c : e.commitments) {
    json.BeginObject();
    WriteCommitmentFields(json, c, form == RecordForm::kFull ? std::optional(c.span.In(text)) : std::nullopt);
    json.EndObject();
  }
  json.EndArray();
}

// --- Reading --------------------------------------------------------------------------------------
// The stored data was written by RecordToJson, so a mismatch means a damaged or foreign database:
// every accessor throws Malformed, which RecordFromJson turns into a Status.

struct Malformed : std::runtime_error {
  using std::runtime_error::runtime_error;
};

using Value = rapidjson::Value;

const Value& Member(const Value& object, const char* key) {
  if (!object.IsObject()) throw Malformed("expected an object");
  const auto it = object.FindMember(key);
  if (it == object.MemberEnd()) throw Malformed(std::string("missing field ") + key);
  return it->value;
}

std::string Str(const Value& object, const char* key) {
  const Value& v = Member(object, key);
  if (!v.IsString()) throw Malformed(std::string(key) + " is not a string");
  return std::string(v.GetString(), v.GetStringLength());
}

std::optional<std::string> OptStr(const Value& object, const char* key) {
  if (!object.IsObject() || !object.HasMember(key) || object[key].IsNull()) return std::nullopt;
  return Str(object, key);
}

std::uint64_t U64(const Value& object, const char* key) {
  const Value& v = Member(object, key);
  if (!v.IsUint64()) throw Malformed(std::string(key) + " is not a non-negative integer");
  return v.GetUint64();
}

std::int64_t I64(const Value& object, const char* key) {
  const Value& v = Member(object, key);
  if (!v.IsInt64()) throw Malformed(std::string(key) + " is not an integer");
  return v.GetInt64();
}

double Num(const Value& object, const char* key) {
  const Value& v = Member(object, key);
  if (!v.IsNumber()) throw Malformed(std::string(key) + " is not a number");
  return v.GetDouble();
}

std::string_view View(const Value& object, const char* key) {
  const Value& v = Member(object, key);
  if (!v.IsString()) throw Malformed(std::string(key) + " is not a string");
  return {v.GetString(), v.GetStringLength()};
}

const Value::ConstArray Arr(const Value& object, const char* key) {
  const Value& v = Member(object, key);
  if (!v.IsArray()) throw Malformed(std::string(key) + " is not an array");
  return v.GetArray();
}

Span ReadSpan(const Value& object, std::size_t text_size) {
  Span span{U64(object, "start"), U64(object, "end")};
  if (span.start > span.end || span.end > text_size) throw Malformed("span outside the text");
  return span;
}

template <typename T>
T Parsed(std::optional<T> value, const char* what) {
  if (!value) throw Malformed(std::string("unknown ") + what);
  return *value;
}

Record ReadRecord(const Value& root) {
  Record record;
  Document& d = record.document;
  d.doc_id = Str(root, "doc_id");
  d.source = Str(root, "source");
  for (const Value& s : Arr(root, "sources")) record.sources.push_back({Str(s, "source"), Str(s, "path")});
  if (!record.sources.empty()) d.path = record.sources.front().path;
  d.title = Str(root, "title");
  d.language = OptStr(root, "language");
  d.doc_type = Parsed(ParseDocType(Str(root, "doc_type")), "doc_type");
  d.date = OptStr(root, "date");
  d.reference = OptStr(root, "reference");
  d.addressee = OptStr(root, "addressee");
  d.encoding = OptStr(root, "encoding").value_or("");
  d.format = OptStr(root, "format").value_or("");
  d.parent_id = OptStr(root, "parent_id");
  if (root.HasMember("attachment_ids")) {
    for (const Value& id : Arr(root, "attachment_ids")) {
      if (!id.IsString()) throw Malformed("attachment id is not a string");
      d.attachment_ids.emplace_back(id.GetString(), id.GetStringLength());
    }
  }
  if (const Value& ocr = Member(root, "ocr"); !ocr.IsNull()) {
    d.ocr = OcrSummary{static_cast<int>(I64(ocr, "pages")), Num(ocr, "mean_confidence")};
  }
  d.text = Str(root, "text");
  const std::size_t n = d.text.size();
  for (const Value& p : Arr(root, "pages")) {
    Page page{static_cast<int>(I64(p, "number")), ReadSpan(p, n), std::nullopt};
    if (p.HasMember("ocr_confidence")) page.ocr_confidence = Num(p, "ocr_confidence");
    d.pages.push_back(page);
  }

  Extraction& e = record.extraction;
  for (const Value& p : Arr(root, "partners")) {
    PartnerMention mention{Str(p, "id"), Str(p, "name"), Str(p, "kind"), {}};
    for (const Value& s : Arr(p, "spans")) {
      if (!s.IsArray() || s.Size() != 2 || !s[0].IsUint64() || !s[1].IsUint64()) throw Malformed("bad span");
      const Span span{s[0].GetUint64(), s[1].GetUint64()};
      if (span.start > span.end || span.end > n) throw Malformed("span outside the text");
      mention.spans.push_back(span);
    }
    e.partners.push_back(std::move(mention));
  }
  for (const Value& v : Arr(root, "doses")) {
    e.doses.push_back(DoseCount{I64(v, "value"), Parsed(ParseDoseUnit(Str(v, "unit")), "unit"),
                                Parsed(ParseApprox(Str(v, "approx")), "approx"), OptStr(v, "vaccine"),
                                OptStr(v, "partner"), ReadSpan(v, n)});
  }
  for (const Value& v : Arr(root, "amounts")) e.amounts.push_back({Num(v, "value"), Str(v, "currency"), ReadSpan(v, n)});
  for (const Value& v : Arr(root, "dates")) e.dates.push_back({Str(v, "value"), ReadSpan(v, n)});
  for (const Value& v : Arr(root, "commitments")) {
    Commitment c;
    c.partner = Str(v, "partner");
    c.kind = Parsed(ParseCommitmentKind(Str(v, "kind")), "kind");
    c.status = Parsed(ParseCommitmentStatus(Str(v, "status")), "status");
    if (!Member(v, "doses").IsNull()) c.doses = I64(v, "doses");
    c.vaccine = OptStr(v, "vaccine");
    c.due = OptStr(v, "due");
    c.channel = Str(v, "channel");
    c.cumulative = Member(v, "cumulative").IsTrue();
    c.span = ReadSpan(v, n);
    e.commitments.push_back(std::move(c));
  }
  return record;
}

RecordSummary ReadSummary(const Value& root) {
  RecordSummary summary;
  summary.doc_id = Str(root, "doc_id");
  summary.source = Str(root, "source");
  summary.title = Str(root, "title");
  summary.date = OptStr(root, "date");
  summary.language = OptStr(root, "language");
  summary.doc_type = Str(root, "doc_type");
  summary.text = View(root, "text");
  for (const Value& p : Arr(root, "partners")) summary.partners.push_back(Str(p, "id"));
  return summary;
}

// Parses `json` with `parse` (in place or not) and reads it with `read`, every failure a Database status.
template <typename Parse, typename Read>
auto ParseStored(rapidjson::Document& root, Parse parse, Read read) -> Result<decltype(read(root))> {
  parse(root);
  if (root.HasParseError()) {
    return Status::Database(std::string("stored record is not JSON: ") +
                            rapidjson::GetParseError_En(root.GetParseError()));
  }
  try {
    return read(root);
  } catch (const Malformed& e) {
    return Status::Database(std::string("stored record is malformed: ") + e.what());
  }
}

}  // namespace

void WriteCommitmentFields(JsonWriter& json, const Commitment& c, std::optional<std::string_view> sentence) {
  json.Field("partner", c.partner)
      .Field("kind", ToString(c.kind))
      .Field("status", ToString(c.status))
      .Field("doses", c.doses)
      .Field("vaccine", c.vaccine)
      .Field("due", c.due)
      .Field("channel", c.channel)
      .Field("cumulative", c.cumulative);
  if (sentence) json.Field("sentence", *sentence);
  json.Field("start", c.span.start)
      .Field("end", c.span.end);
}

Record MakeRecord(Document document, Extraction extraction) {
  Record record;
  record.sources.push_back({document.source, document.path});
  record.document = std::move(document);
  record.extraction = std::move(extraction);
  return record;
}

std::string RecordToJson(const Record& record, RecordForm form) {
  JsonWriter json;
  json.BeginObject();
  WriteDocumentFields(json, record);
  WriteExtractionFields(json, record.extraction, record.document.text, form);
  json.EndObject();
  return json.str();
}

Result<Record> RecordFromJson(std::string_view json) {
  rapidjson::Document root;
  return ParseStored(
      root, [&](rapidjson::Document& doc) { doc.Parse(json.data(), json.size()); }, ReadRecord);
}

Result<RecordSummary> RecordSummaryFromJson(std::string& json) {
  rapidjson::Document root;
  return ParseStored(
      root, [&](rapidjson::Document& doc) { doc.ParseInsitu(json.data()); }, ReadSummary);
}

}  // namespace dipdoc
