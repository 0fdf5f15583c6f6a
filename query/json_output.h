#ifndef DIPDOC_QUERY_JSON_OUTPUT_H_
#define DIPDOC_QUERY_JSON_OUTPUT_H_

// The contract's JSON shapes (../shared/contract/README.md, "Other JSON shapes"), one function each, shared
// by the command line and the HTTP server. Each returns one JSON document without a trailing newline.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "index/indexer.h"
#include "query/commitment_table.h"
#include "query/ledger.h"
#include "query/searcher.h"
#include "query/statistics.h"

namespace dipdoc {

// `pruned`: documents an `ingest --prune` deleted; the field is left out when there was no prune.
std::string IngestReportToJson(const IngestReport& report, std::optional<std::size_t> pruned = std::nullopt);
std::string SearchResultToJson(const SearchResult& result);
// One line of `search --batch`: the search JSON of that line's query plus "line" (1-based).
std::string BatchLineToJson(std::size_t line, const SearchResult& result);
// A line of `search --batch` whose query failed: {"line", "query", "error"}.
std::string BatchErrorToJson(std::size_t line, const std::string& query, const std::string& error);
std::string StatsToJson(const IndexStats& stats, std::uintmax_t index_bytes);
std::string CommitmentsToJson(const std::vector<CommitmentRow>& rows);
// RFC 4180 CSV with the JSON rows' field names as its header row.
std::string CommitmentsToCsv(const std::vector<CommitmentRow>& rows);
// `commitments --by-partner --json`: the contract's shape; each row of "commitments" is a `commitments --json`
// row plus what the ledger made of it: "id", "role" (ToString(LedgerRole)), "counted_committed" and
// "counted_delivered" (what the row adds to the partner's figures), for promises "remaining" and "overdue",
// "due_end" (the last day of its due date) and "linked" (the ids it restates or was delivered against).
std::string LedgerToJson(const Ledger& ledger);
// One row per partner: partner, committed, delivered, outstanding, overdue, conflicts ("; "-joined), as_of.
std::string LedgerToCsv(const Ledger& ledger);
std::string ErrorToJson(const std::string& message);

}  // namespace dipdoc

#endif  // DIPDOC_QUERY_JSON_OUTPUT_H_
