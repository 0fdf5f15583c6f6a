#ifndef DIPDOC_QUERY_JSON_OUTPUT_H_
#define DIPDOC_QUERY_JSON_OUTPUT_H_

// The contract's JSON shapes (../shared/contract/README.md, "Other JSON shapes"), one function each, shared
// by the command line and the HTTP server. Each returns one JSON document without a trailing newline.

#include <cstdint>
#include <string>
#include <vector>

#include "index/indexer.h"
#include "query/commitment_table.h"
#include "query/searcher.h"
#include "query/statistics.h"

namespace dipdoc {

std::string IngestReportToJson(const IngestReport& report);
std::string SearchResultToJson(const SearchResult& result);
std::string StatsToJson(const IndexStats& stats, std::uintmax_t index_bytes);
std::string CommitmentsToJson(const std::vector<CommitmentRow>& rows);
// RFC 4180 CSV with the JSON rows' field names as its header row.
std::string CommitmentsToCsv(const std::vector<CommitmentRow>& rows);
std::string ErrorToJson(const std::string& message);

}  // namespace dipdoc

#endif  // DIPDOC_QUERY_JSON_OUTPUT_H_
