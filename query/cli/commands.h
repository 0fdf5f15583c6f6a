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
  bool bom = false;                  // CSV starts with a UTF-8 byte order mark (for spreadsheets)
  bool by_partner = false;           // the reconciled ledger per partner (query/ledger.h)
  std::optional<std::string> as_of;  // with by_partner: YYYY[-MM[-DD]], overdue on its last day; unset: today
  CommitmentFilter filter;
};

struct StatsArgs {
  std::string db;
  bool json = false;
};

struct DraftArgs {
  std::string db;
  std::string partner;             // required
  std::string lang = "vi";         // vi, en or fr
  std::string format = "txt";      // txt or md
  std::optional<std::string> as_of;  // YYYY[-MM[-DD]]; unset: today
};

struct ReportArgs {
  std::string db;
  std::optional<std::string> from;   // YYYY[-MM[-DD]]
  std::optional<std::string> to;
  std::string format = "md";         // md, html or json
  std::string output;                // -o FILE; empty: stdout
  std::optional<std::string> as_of;  // unset: the end of the period, or today
};

int RunIngest(const IngestArgs& args);
int RunExtract(const ExtractArgs& args);
int RunSearch(const SearchArgs& args);
int RunCommitments(const CommitmentsArgs& args);
int RunStats(const StatsArgs& args);
struct ServeArgs {
  std::string db;
  std::string host = "127.0.0.1";  // loopback unless told otherwise
  int port = 8080;
};

int RunDraft(const DraftArgs& args);    // draft_command.cc
int RunReport(const ReportArgs& args);  // report_command.cc
int RunServe(const ServeArgs& args);    // serve_command.cc

}  // namespace dipdoc::cli

#endif  // DIPDOC_QUERY_CLI_COMMANDS_H_
