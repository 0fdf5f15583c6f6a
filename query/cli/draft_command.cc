#include <iostream>

#include "index/database.h"
#include "query/cli/commands.h"
#include "query/ledger.h"
#include "query/letter_draft.h"

namespace dipdoc::cli {
namespace {

int DraftFailed(const Status& status) {
  std::cerr << "dipdoc draft: " << status.message() << '\n';
  return status.code() == Status::Code::kDatabase ? kExitDatabase : kExitUsage;
}

// --as-of as the day the letter is drafted and the ledger is read: a day is itself, a month or a year its
// last day.
Result<std::string> DraftingDate(const std::optional<std::string>& as_of) {
  if (!as_of) return Today();
  if (std::optional<std::string> end = EndOfPeriod(*as_of)) return *end;
  return Status::Usage("--as-of: expected YYYY, YYYY-MM or YYYY-MM-DD, not " + *as_of);
}

}  // namespace

int RunDraft(const DraftArgs& args) {
  Result<std::string> date = DraftingDate(args.as_of);
  if (!date.ok()) return DraftFailed(date.status());
  Result<Xapian::Database> db = OpenDatabase(args.db.empty() ? DefaultDatabaseDir() : std::filesystem::path(args.db));
  if (!db.ok()) return DraftFailed(db.status());
  CommitmentFilter filter;
  filter.partner = args.partner;
  Result<std::vector<CommitmentRow>> rows = ListCommitments(db.value(), filter);
  if (!rows.ok()) return DraftFailed(rows.status());
  const Ledger ledger = Reconcile(rows.value(), date.value());
  // The filter matches ids case-insensitively; the ledger names the partner as the index does.
  const PartnerLedger* partner = nullptr;
  for (const PartnerLedger& p : ledger.partners) {
    if (!p.entries.empty()) partner = &p;
  }
  if (partner == nullptr) {
    return DraftFailed(Status::Usage("the index holds no commitments of partner " + args.partner));
  }
  DraftOptions options;
  options.language = args.lang;
  options.format = args.format;
  options.date = date.value();
  Result<std::string> letter = DraftLetter(*partner, options);
  if (!letter.ok()) return DraftFailed(letter.status());
  std::cout << letter.value();
  return kExitOk;
}

}  // namespace dipdoc::cli
