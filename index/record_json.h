#ifndef DIPDOC_INDEX_RECORD_JSON_H_
#define DIPDOC_INDEX_RECORD_JSON_H_

// The per-document record as JSON, in the contract's shape (../shared/contract/README.md, `extract --json`):
// `dipdoc extract --json` and `GET /api/documents/{id}` print it; the Xapian document data is the same
// JSON without the copies of the text that the spans already give.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "index/json_writer.h"
#include "index/record.h"
#include "ingest/status.h"

namespace dipdoc {

enum class RecordForm {
  kFull,    // the contract's record: each dose, amount and date with its "text", each commitment its "sentence"
  kStored,  // what the index keeps: those copies of the text left out (a commitment's sentence is often a
            // third of a record, and the writer compresses every byte); RecordFromJson reads both alike
};

std::string RecordToJson(const Record& record, RecordForm form = RecordForm::kFull);

// Parses what RecordToJson wrote, in either form. A Database status when the stored data is not a record.
Result<Record> RecordFromJson(std::string_view json);

// What a search hit shows of a stored record, read without building the whole Record: a search reads ten of
// them per page, and most of a record is its extraction.
struct RecordSummary {
  std::string doc_id;
  std::string source;
  std::string title;
  std::optional<std::string> date;
  std::optional<std::string> language;
  std::string doc_type;
  std::vector<std::string> partners;  // the partners' ids, in the record's order
  std::string_view text;              // into the buffer RecordSummaryFromJson parsed
};

// Reads the summary of what RecordToJson wrote, in either form, parsing `json` in place: the buffer is
// overwritten, and must outlive the summary's text. A Database status when the data is not a record.
Result<RecordSummary> RecordSummaryFromJson(std::string& json);

// The fields of one commitment as the contract names them, written into an object already started, so that
// tables built from commitments (query/) share the record's spelling. `sentence` is the text at its span
// (left out when unset); start and end stay offsets into the document's text.
void WriteCommitmentFields(JsonWriter& writer, const Commitment& commitment,
                           std::optional<std::string_view> sentence);

}  // namespace dipdoc

#endif  // DIPDOC_INDEX_RECORD_JSON_H_
