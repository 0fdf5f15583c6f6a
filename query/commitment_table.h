#ifndef DIPDOC_QUERY_COMMITMENT_TABLE_H_
#define DIPDOC_QUERY_COMMITMENT_TABLE_H_

#include <optional>
#include <string>
#include <vector>

#include <xapian.h>

#include "ingest/status.h"
#include "nlp/extraction.h"

namespace dipdoc {

struct CommitmentFilter {
  std::optional<std::string> partner;   // partner id, case-insensitive as in search
  std::optional<std::string> kind;      // donation, purchase, delivery, ...
  std::optional<std::string> status;    // pledged, signed, delivered, requested
  std::optional<std::string> from;      // the document's date, YYYY[-MM[-DD]], inclusive
  std::optional<std::string> to;
};

// One commitment with the document it was found in.
struct CommitmentRow {
  Commitment commitment;
  std::string sentence;                 // the text at commitment.span
  std::string doc_id;
  std::string source;
  std::optional<std::string> date;      // the document's date
};

// Every commitment in the index that passes `filter`, ordered by document date (undated last), then by
// position in the document. A Usage status for a bad filter value; a Database status when the index fails.
Result<std::vector<CommitmentRow>> ListCommitments(const Xapian::Database& db, const CommitmentFilter& filter);

}  // namespace dipdoc

#endif  // DIPDOC_QUERY_COMMITMENT_TABLE_H_
