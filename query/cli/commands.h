#ifndef DIPDOC_QUERY_CLI_COMMANDS_H_
#define DIPDOC_QUERY_CLI_COMMANDS_H_

// The subcommands of `dipdoc`, one function each, from parsed arguments to an exit status. main.cc only
// parses; everything a command prints is decided here.

#include <optional>
#include <string>
#include <vector>

#include "ingest/ocr_engine.h"
#include "query/commitment_table.h"
#include "query/searcher.h"

namespace dipdoc::cli {

// The contract's exit statuses.
enum ExitStatus : int {
  kExitOk = 0,
  kExitSomeFailed = 1,   // some inputs failed, the rest was done
  kExitUsage = 2,        // the call itself is wrong
  kExitDatabase = 3,     // the index cannot be opened or written
};

struct IngestArgs {
  std::string db;                  // empty: the default index
  bool json = false;
  unsigned jobs = 0;               // 0: one worker per core
  unsigned max_file_mb = 32;       // larger files are refused unread
  std::string ocr_lang = OcrOptions{}.languages;
  std::string ocr_mode = "auto";   // "auto": OCR pages without text; "force": every page
  bool prune = false;              // then forget the files under `paths` that are gone from disk
  std::vector<std::string> paths;
};

struct ExtractArgs {
  bool json = false;
  std::string ocr_lang = OcrOptions{}.languages;
  std::string ocr_mode = "auto";
  std::string file;
};

struct SearchArgs {
  std::string db;
  bool json = false;
  SearchRequest request;   // with --batch, the filters and paging every line shares; its query is unused
  std::string batch;       // a file of queries, one per line; empty: search `request.query` once
};

struct CommitmentsArgs {
  std::string db;
  bool json = false;
  bool csv = false;
  CommitmentFilter filter;
};

struct StatsArgs {
  std::string db;
  bool json = false;
};

int RunIngest(const IngestArgs& args);
int RunExtract(const ExtractArgs& args);
int RunSearch(const SearchArgs& args);
int RunCommitments(const CommitmentsArgs& args);
int RunStats(const StatsArgs& args);

}  // namespace dipdoc::cli

#endif  // DIPDOC_QUERY_CLI_COMMANDS_H_
