#include "index/record_json.h"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include <stdexcept>

namespace dipdoc {
namespace {

void Key(JsonWriter& w, std::string_view key) { w.Key(key.data(), static_cast<rapidjson::SizeType>(key.size())); }

void String(JsonWriter& w, std::string_view value) {
  w.String(value.data(), static_cast<rapidjson::SizeType>(value.size()));
}

void WriteSpan(JsonWriter& w, const Span& span, std::string_view text, std::string_view text_key) {
  Key(w, text_key);
  String(w, span.In(text));
  Key(w, "start");
  w.Uint64(span.start);
  Key(w, "end");
  w.Uint64(span.end);
}

void WriteDocumentFields(JsonWriter& w, const Record& record) {
  const Document& d = record.document;
  Key(w, "doc_id");
  String(w, d.doc_id);
  Key(w, "source");
  String(w, d.source);
  Key(w, "sources");
  w.StartArray();
  for (const SourceFile& s : record.sources) {
    w.StartObject();
    Key(w, "source");
    String(w, s.source);
    Key(w, "path");
    String(w, s.path);
    w.EndObject();
  }
  w.EndArray();
  Key(w, "title");
  String(w, d.title);
  Key(w, "language");
  WriteOptional(w, d.language);
  Key(w, "doc_type");
  String(w, ToString(d.doc_type));
  Key(w, "date");
  WriteOptional(w, d.date);
  Key(w, "ocr");
  if (d.ocr) {
    w.StartObject();
    Key(w, "pages");
    w.Int(d.ocr->pages);
    Key(w, "mean_confidence");
    w.Double(d.ocr->mean_confidence);
    w.EndObject();
  } else {
    w.Null();
  }
  Key(w, "pages");
  w.StartArray();
  for (const Page& p : d.pages) {
    w.StartObject();
    Key(w, "number");
    w.Int(p.number);
    Key(w, "start");
    w.Uint64(p.span.start);
    Key(w, "end");
    w.Uint64(p.span.end);
    if (p.ocr_confidence) {
      Key(w, "ocr_confidence");
      w.Double(*p.ocr_confidence);
    }
    w.EndObject();
  }
  w.EndArray();
  Key(w, "text");
  String(w, d.text);
}

void WriteExtractionFields(JsonWriter& w, const Extraction& e, std::string_view text) {
  Key(w, "partners");
  w.StartArray();
  for (const PartnerMention& p : e.partners) {
    w.StartObject();
    Key(w, "id");
    String(w, p.id);
    Key(w, "name");
    String(w, p.name);
    Key(w, "kind");
    String(w, p.kind);
    Key(w, "mentions");
    w.Uint64(p.spans.size());
    Key(w, "spans");
    w.StartArray();
    for (const Span& s : p.spans) {
      w.StartArray();
      w.Uint64(s.start);
      w.Uint64(s.end);
      w.EndArray();
    }
    w.EndArray();
    w.EndObject();
  }
  w.EndArray();

  Key(w, "doses");
  w.StartArray();
  for (const DoseCount& d : e.doses) {
    w.StartObject();
    Key(w, "value");
    w.Int64(d.value);
    Key(w, "unit");
    String(w, ToString(d.unit));
    Key(w, "approx");
    String(w, ToString(d.approx));
    Key(w, "vaccine");
    WriteOptional(w, d.vaccine);
    Key(w, "partner");
    WriteOptional(w, d.partner);
    WriteSpan(w, d.span, text, "text");
    w.EndObject();
  }
  w.EndArray();

  Key(w, "amounts");
  w.StartArray();
  for (const Amount& a : e.amounts) {
    w.StartObject();
    Key(w, "value");
    w.Double(a.value);
    Key(w, "currency");
    String(w, a.currency);
    WriteSpan(w, a.span, text, "text");
    w.EndObject();
  }
  w.EndArray();

  Key(w, "dates");
  w.StartArray();
  for (const DateMention& d : e.dates) {
    w.StartObject();
    Key(w, "value");
    String(w, d.value);
    WriteSpan(w, d.span, text, "text");
    w.EndObject();
  }
  w.EndArray();

  Key(w, "commitments");
  w.StartArray();
  for (const Commitment& c : e.commitments) {
    w.StartObject();
    WriteCommitmentFields(w, c, c.span.In(text));
    w.EndObject();
  }
  w.EndArray();
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

}  // namespace

void WriteOptional(JsonWriter& writer, const std::optional<std::string>& value) {
  if (value) {
    String(writer, *value);
  } else {
    writer.Null();
  }
}

void WriteCommitmentFields(JsonWriter& w, const Commitment& c, std::string_view sentence) {
  Key(w, "partner");
  String(w, c.partner);
  Key(w, "kind");
  String(w, ToString(c.kind));
  Key(w, "status");
  String(w, ToString(c.status));
  Key(w, "doses");
  if (c.doses) {
    w.Int64(*c.doses);
  } else {
    w.Null();
  }
  Key(w, "vaccine");
  WriteOptional(w, c.vaccine);
  Key(w, "due");
  WriteOptional(w, c.due);
  Key(w, "channel");
  String(w, c.channel);
  Key(w, "cumulative");
  w.Bool(c.cumulative);
  Key(w, "sentence");
  String(w, sentence);
  Key(w, "start");
  w.Uint64(c.span.start);
  Key(w, "end");
  w.Uint64(c.span.end);
}

Record MakeRecord(Document document, Extraction extraction) {
  Record record;
  record.sources.push_back({document.source, document.path});
  record.document = std::move(document);
  record.extraction = std::move(extraction);
  return record;
}

std::string RecordToJson(const Record& record) {
  rapidjson::StringBuffer buffer;
  JsonWriter writer(buffer);
  writer.StartObject();
  WriteDocumentFields(writer, record);
  WriteExtractionFields(writer, record.extraction, record.document.text);
  writer.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize());
}

Result<Record> RecordFromJson(std::string_view json) {
  rapidjson::Document root;
  root.Parse(json.data(), json.size());
  if (root.HasParseError()) {
    return Status::Database(std::string("stored record is not JSON: ") + rapidjson::GetParseError_En(root.GetParseError()));
  }
  try {
    return ReadRecord(root);
  } catch (const Malformed& e) {
    return Status::Database(std::string("stored record is malformed: ") + e.what());
  }
}

}  // namespace dipdoc
