#include "index/stored_record.h"

#include <catch2/catch.hpp>

#include <string>

#include "index/record_json.h"

namespace dipdoc {
namespace {

Record SampleRecord() {
  Document d;
  d.doc_id = "0123456789abcdef";
  d.source = d.path = "/data/letters/pfizer.txt";
  d.title = "Kính gửi Pfizer";
  d.language = "vi";
  d.doc_type = DocType::kLetter;
  d.date = "2021-10-05";
  for (int i = 0; i < 40; ++i) d.text += "Pfizer cam kết chuyển 31 triệu liều trong năm 2021 \"đúng hạn\". ";
  d.pages = {Page{1, Span{0, d.text.size()}, std::nullopt}};
  Extraction e;
  e.partners.push_back({"pfizer", "Pfizer", "company", {Span{0, 6}}});
  return MakeRecord(std::move(d), std::move(e));
}

TEST_CASE("a record is stored compressed and reads back whole", "[index]") {
  const Record record = SampleRecord();
  const std::string json = RecordToJson(record, RecordForm::kStored);
  const std::string packed = PackRecord(record);
  CHECK(packed.front() != '{');
  CHECK(packed.size() * 4 < json.size());  // the text repeats itself
  Result<Record> unpacked = UnpackRecord(packed);
  REQUIRE(unpacked.ok());
  CHECK(RecordToJson(unpacked.value()) == RecordToJson(record));

  std::string buffer;
  Result<RecordSummary> summary = UnpackRecordSummary(packed, buffer);
  REQUIRE(summary.ok());
  CHECK(summary.value().doc_id == record.document.doc_id);
  CHECK(summary.value().partners == std::vector<std::string>{"pfizer"});
  CHECK(summary.value().text == record.document.text);
}

TEST_CASE("records stored as plain JSON, as before, still read", "[index]") {
  const Record record = SampleRecord();
  const std::string json = RecordToJson(record, RecordForm::kStored);
  Result<Record> unpacked = UnpackRecord(json);
  REQUIRE(unpacked.ok());
  CHECK(RecordToJson(unpacked.value()) == RecordToJson(record));
  std::string buffer;
  Result<RecordSummary> summary = UnpackRecordSummary(json, buffer);
  REQUIRE(summary.ok());
  CHECK(summary.value().text == record.document.text);
}

TEST_CASE("stored data that is not a record is a Database error, not a crash", "[index]") {
  const std::string packed = PackRecord(SampleRecord());
  std::string flipped = packed;
  flipped[flipped.size() / 2] = static_cast<char>(flipped[flipped.size() / 2] ^ 0x5a);
  const std::string bad[] = {
      "",
      "\x28\xb5\x2f\xfd",          // a zstd magic number and nothing else
      packed.substr(0, packed.size() / 2),  // truncated
      flipped,  // caught by the frame's checksum
      std::string("\x00\x01\x02\x03garbage", 11),
      "[not a record]",
      "{\"doc_id\": 5}",
  };
  for (const std::string& data : bad) {
    INFO(data.size());
    Result<Record> record = UnpackRecord(data);
    REQUIRE_FALSE(record.ok());
    CHECK(record.status().code() == Status::Code::kDatabase);
    std::string buffer;
    Result<RecordSummary> summary = UnpackRecordSummary(data, buffer);
    REQUIRE_FALSE(summary.ok());
    CHECK(summary.status().code() == Status::Code::kDatabase);
  }
}

}  // namespace
}  // namespace dipdoc
