#ifndef DIPDOC_INDEX_RECORD_JSON_H_
#define DIPDOC_INDEX_RECORD_JSON_H_

// The per-document record as JSON, in the contract's shape (../shared/contract/README.md, `extract --json`).
// The same text is the Xapian document data, `dipdoc extract --json` output and `GET /api/documents/{id}`.

#include <string>
#include <string_view>

#include "index/json_writer.h"
#include "index/record.h"
#include "ingest/status.h"

namespace dipdoc {

std::string RecordToJson(const Record& record);

// Parses what RecordToJson wrote. A Database status when the stored data is not a record.
Result<Record> RecordFromJson(std::string_view json);

// The fields of one commitment as the contract names them, written into an object already started, so that
// tables built from commitments (query/) share the record's spelling. `sentence` is the text at its span;
// start and end stay offsets into the document's text.
void WriteCommitmentFields(JsonWriter& writer, const Commitment& commitment, std::string_view sentence);

}  // namespace dipdoc

#endif  // DIPDOC_INDEX_RECORD_JSON_H_
