#include "index/record_json.h"

#include <catch2/catch.hpp>

#include <rapidjson/document.h>

namespace dipdoc {
namespace {

Record SampleRecord() {
  Document d;
  d.doc_id = "0123456789abcdef";
  d.source = "letters/pfizer.txt";
  d.path = "/data/letters/pfizer.txt";
  d.title = "Kính gửi Pfizer";
  d.language = "vi";
  d.doc_type = DocType::kLetter;
  d.date = "2021-10-05";
  d.text = "Kính gửi Pfizer. Pfizer cam kết chuyển 31 triệu liều trong năm 2021 \"đúng hạn\".";
  d.pages = {Page{1, Span{0, d.text.size()}, 0.93}};
  d.ocr = OcrSummary{1, 0.93};
  auto span_of = [&d](std::string_view words, std::size_t from = 0) {
    const std::size_t start = d.text.find(words, from);
    return Span{start, start + words.size()};
  };
  const Span first_pfizer = span_of("Pfizer");
  const Span second_pfizer = span_of("Pfizer", first_pfizer.end);
  Extraction e;
  e.partners.push_back({"pfizer", "Pfizer", "company", {first_pfizer, second_pfizer}});
  e.doses.push_back({31000000, DoseUnit::kDose, Approx::kExact, "pfizer", "pfizer", span_of("31 triệu liều")});
  e.amounts.push_back({2.5e6, "USD", Span{0, 4}});
  e.dates.push_back({"2021", span_of("2021")});
  Commitment c;
  c.partner = "pfizer";
  c.kind = CommitmentKind::kDelivery;
  c.status = CommitmentStatus::kPledged;
  c.doses = 31000000;
  c.vaccine = "pfizer";
  c.due = "2021";
  c.span = Span{second_pfizer.start, d.text.size()};
  e.commitments.push_back(c);
  Record record = MakeRecord(std::move(d), std::move(e));
  record.sources.push_back({"copy.txt", "/data/copy.txt"});
  return record;
}

TEST_CASE("a record survives the trip through JSON", "[index]") {
  const Record original = SampleRecord();
  Result<Record> parsed = RecordFromJson(RecordToJson(original));
  REQUIRE(parsed.ok());
  const Record& r = parsed.value();
  CHECK(r.document.doc_id == original.document.doc_id);
  CHECK(r.document.title == original.document.title);
  CHECK(r.document.language == original.document.language);
  CHECK(r.document.doc_type == DocType::kLetter);
  CHECK(r.document.date == original.document.date);
  CHECK(r.document.text == original.document.text);
  CHECK(r.document.ocr->pages == 1);
  CHECK(r.document.pages.at(0).ocr_confidence.value() == Catch::Detail::Approx(0.93));
  CHECK(r.sources == original.sources);
  CHECK(ToDebugString(r.extraction) == ToDebugString(original.extraction));
  CHECK(RecordToJson(r) == RecordToJson(original));
}

TEST_CASE("the record JSON has the contract's fields and quotes its spans", "[index]") {
  const Record record = SampleRecord();
  rapidjson::Document json;
  json.Parse(RecordToJson(record).c_str());
  REQUIRE_FALSE(json.HasParseError());
  for (const char* key : {"doc_id", "source", "title", "language", "doc_type", "date", "ocr", "text", "partners",
                          "doses", "commitments"}) {
    INFO(key);
    CHECK(json.HasMember(key));
  }
  CHECK(json["partners"][0]["mentions"].GetInt() == 2);
  CHECK(std::string(json["doses"][0]["text"].GetString()) == "31 triệu liều");
  CHECK(std::string(json["commitments"][0]["sentence"].GetString()) ==
        "Pfizer cam kết chuyển 31 triệu liều trong năm 2021 \"đúng hạn\".");
  CHECK(json["commitments"][0]["doses"].GetInt64() == 31000000);
}

TEST_CASE("the stored form leaves out the copies of the text and reads back to the same record", "[index]") {
  const Record original = SampleRecord();
  const std::string full = RecordToJson(original);
  const std::string stored = RecordToJson(original, RecordForm::kStored);
  CHECK(stored.size() < full.size());
  rapidjson::Document json;
  json.Parse(stored.c_str());
  REQUIRE_FALSE(json.HasParseError());
  CHECK_FALSE(json["commitments"][0].HasMember("sentence"));
  CHECK_FALSE(json["doses"][0].HasMember("text"));
  CHECK_FALSE(json["dates"][0].HasMember("text"));
  CHECK(json["commitments"][0]["start"].GetUint64() == original.extraction.commitments[0].span.start);
  CHECK(std::string(json["text"].GetString()) == original.document.text);
  // Read back and written in full, it is the record the contract describes, byte for byte.
  Result<Record> parsed = RecordFromJson(stored);
  REQUIRE(parsed.ok());
  CHECK(RecordToJson(parsed.value()) == full);
}

TEST_CASE("data that is not a record is a Database error, not a crash", "[index]") {
  for (const char* bad : {"", "not json", "{}", "[1,2]", R"({"doc_id": 5})"}) {
    INFO(bad);
    Result<Record> r = RecordFromJson(bad);
    REQUIRE_FALSE(r.ok());
    CHECK(r.status().code() == Status::Code::kDatabase);
  }
  // A span past the end of the text is refused too.
  std::string json = RecordToJson(SampleRecord());
  const std::string from = "\"end\":" + std::to_string(SampleRecord().extraction.doses[0].span.end);
  json.replace(json.find(from), from.size(), "\"end\":99999");
  CHECK_FALSE(RecordFromJson(json).ok());
}

TEST_CASE("a record's summary reads what a search hit shows, from either form", "[index]") {
  const Record record = SampleRecord();
  for (const RecordForm form : {RecordForm::kFull, RecordForm::kStored}) {
    std::string json = RecordToJson(record, form);
    Result<RecordSummary> summary = RecordSummaryFromJson(json);
    REQUIRE(summary.ok());
    const RecordSummary& s = summary.value();
    CHECK(s.doc_id == record.document.doc_id);
    CHECK(s.source == record.document.source);
    CHECK(s.title == record.document.title);
    CHECK(s.date == record.document.date);
    CHECK(s.language == record.document.language);
    CHECK(s.doc_type == "letter");
    CHECK(s.partners == std::vector<std::string>{"pfizer"});
    CHECK(s.text == record.document.text);  // its quotes unescaped in place
  }
  // Optional fields left unset read as unset.
  Record bare = record;
  bare.document.date.reset();
  bare.document.language.reset();
  bare.extraction.partners.clear();
  std::string json = RecordToJson(bare);
  Result<RecordSummary> summary = RecordSummaryFromJson(json);
  REQUIRE(summary.ok());
  CHECK_FALSE(summary.value().date);
  CHECK_FALSE(summary.value().language);
  CHECK(summary.value().partners.empty());
}

TEST_CASE("data whose summary cannot be read is a Database error, not a crash", "[index]") {
  for (std::string bad : {"", "not json", "{}", "[1,2]", R"({"doc_id": 5})", R"({"doc_id": "a", "source": "b")"}) {
    INFO(bad);
    Result<RecordSummary> r = RecordSummaryFromJson(bad);
    REQUIRE_FALSE(r.ok());
    CHECK(r.status().code() == Status::Code::kDatabase);
  }
  std::string no_text = RecordToJson(SampleRecord());
  no_text.replace(no_text.find("\"text\":"), 7, "\"txet\":");
  CHECK_FALSE(RecordSummaryFromJson(no_text).ok());
}

}  // namespace
}  // namespace dipdoc
