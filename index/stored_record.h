#ifndef DIPDOC_INDEX_STORED_RECORD_H_
#define DIPDOC_INDEX_STORED_RECORD_H_

// A record as the index keeps it, in each Xapian document's data: RecordToJson's stored form
// (RecordForm::kStored), compressed with zstd.
//
// Why zstd: Xapian compresses every document's data with zlib, and inflating it was 80% of reading a record
// (about 30 us for 5 KB of JSON, ten per page of hits); deflating it was a quarter of the single writer's time.
// zstd's frames do not shrink any further, so Xapian keeps them as they are: reading a record takes about
// 7 us plus 12 us to decompress, and writing one half as long, its compression done by the workers.
// Data written before (plain JSON, which zlib still unpacks inside Xapian) reads as well.

#include <string>
#include <string_view>

#include "index/record.h"
#include "index/record_json.h"
#include "ingest/status.h"

namespace dipdoc {

// The data to store for `record`.
std::string PackRecord(const Record& record);

// The record whose stored data is `data`. A Database status when it is not one.
Result<Record> UnpackRecord(std::string_view data);

// What a search hit shows of the record whose stored data is `data`, its text pointing into `buffer` (which
// must outlive it). A Database status when it is not one.
Result<RecordSummary> UnpackRecordSummary(std::string_view data, std::string& buffer);

}  // namespace dipdoc

#endif  // DIPDOC_INDEX_STORED_RECORD_H_
