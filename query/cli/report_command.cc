// `dipdoc report`: the after-action report (query/report.h) of the commitments stated in documents dated in
// [--from, --to], reconciled as of --as-of (default: the last day of --to, else today).
//
// Exit statuses: 0 with the report written (an empty period included); 2 for a wrong call: a bad date, or
// an -o FILE that cannot be opened for writing (the message names the file); 3 when the index cannot be
// opened or read; 1 when FILE was opened but writing it failed (a full disk).

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>

#include "index/database.h"
#include "query/cli/commands.h"
#include "query/date_filter.h"
#include "query/ledger.h"
#include "query/report.h"

namespace dipdoc::cli {
namespace {

int ReportFail(const Status& status, int exit_status) {
  std::cerr << "dipdoc: " << status.message() << '\n';
  return exit_status;
}

}  // namespace

int RunReport(const ReportArgs& args) {
  const std::optional<ReportFormat> format = ParseReportFormat(args.format);
  if (!format) return ReportFail(Status::Usage("--format: '" + args.format + "' is not md, html or json"), kExitUsage);
  // The dates are checked before the index is opened: a wrong call is a wrong call, index or not.
  if (Result<DateRange> range = MakeDateRange(args.from, args.to); !range.ok()) {
    return ReportFail(range.status(), kExitUsage);
  }
  std::string as_of;
  if (args.as_of) {
    const Result<DateRange> valid = MakeDateRange(args.as_of, std::nullopt);
    const std::optional<std::string> end = valid.ok() ? EndOfPeriod(*args.as_of) : std::nullopt;
    if (!end) {
      return ReportFail(Status::Usage("--as-of: '" + *args.as_of + "' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)"),
                        kExitUsage);
    }
    as_of = *end;
  } else {
    as_of = args.to ? EndOfPeriod(*args.to).value_or(Today()) : Today();
  }

  Result<Xapian::Database> db = OpenDatabase(args.db.empty() ? DefaultDatabaseDir() : std::filesystem::path(args.db));
  if (!db.ok()) return ReportFail(db.status(), kExitDatabase);
  CommitmentFilter filter;
  filter.from = args.from;
  filter.to = args.to;
  Result<std::vector<CommitmentRow>> rows = ListCommitments(db.value(), filter);
  if (!rows.ok()) {
    return ReportFail(rows.status(), rows.status().code() == Status::Code::kUsage ? kExitUsage : kExitDatabase);
  }
  const Ledger ledger = Reconcile(rows.value(), as_of);
  const std::string report = RenderReport(ledger, MakeReportScope(rows.value(), args.from, args.to), *format);

  if (args.output.empty()) {
    std::cout << report;
    std::cout.flush();
    return std::cout ? kExitOk : kExitSomeFailed;
  }
  std::ofstream out(args.output, std::ios::binary | std::ios::trunc);
  if (!out) {
    return ReportFail(Status::Usage("-o: cannot write " + args.output + ": " + std::strerror(errno)), kExitUsage);
  }
  out << report;
  out.close();
  if (!out) return ReportFail(Status::IoError("-o: writing " + args.output + " failed"), kExitSomeFailed);
  return kExitOk;
}

}  // namespace dipdoc::cli
