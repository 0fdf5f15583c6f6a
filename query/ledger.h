#ifndef DIPDOC_QUERY_LEDGER_H_
#define DIPDOC_QUERY_LEDGER_H_

// Reconciliation: the commitments table (query/commitment_table.h) read as a ledger per partner. Later
// documents are linked to earlier promises of the same partner and vaccine, so that a delivery is counted
// against the pledge or contract it fulfils, a promise restated in a later document is not counted twice,
// and a running total ("nâng tổng số lên 9,7 triệu liều") is a check on the sum rather than more doses.
//
// The figures, as the contract defines them (`commitments --by-partner`):
//   committed    doses promised, contracted or donated; a gift reported as already handed over (a delivery
//                no earlier promise in the record accounts for) is committed and delivered;
//   delivered    doses handed over;
//   outstanding  committed minus delivered, never below 0;
//   overdue      the outstanding doses of promises whose due date ended before `as_of`.
// `conflicts` says, in words with the documents named, where the record contradicts itself.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "query/commitment_table.h"

namespace dipdoc {

// What one row of the table is to the ledger.
enum class LedgerRole {
  kPromise,       // a pledge or a signed deal, with its doses counted as committed
  kDelivery,      // doses handed over, counted as delivered (and as committed when no promise covers them)
  kRestatement,   // a promise or delivery an earlier document already gave: not counted again
  kRunningTotal,  // a running total: checked against the sum, not added
  kRequest,       // Viet Nam asks: not a commitment of the partner
  kOther,         // a commitment without doses (technology transfer, investment, doses not given)
};
std::string_view ToString(LedgerRole role);  // "promise", "delivery", "restatement", "running_total", ...

struct LedgerEntry {
  CommitmentRow row;
  LedgerRole role = LedgerRole::kOther;
  std::string id;                       // "<doc_id>:<start byte of the sentence>", unique in the ledger
  std::int64_t committed = 0;           // doses this row adds to the partner's committed
  std::int64_t delivered = 0;           // doses this row adds to the partner's delivered
  std::int64_t remaining = 0;           // kPromise: doses not yet delivered against it
  std::int64_t overdue = 0;             // kPromise: `remaining` when its due date ended before as_of
  std::optional<std::string> due_end;   // the last day of `row.commitment.due` (YYYY-MM-DD), when it has one
  // kRestatement: the id of the entry it restates; kDelivery: the ids of the promises it was counted
  // against; kRunningTotal: empty.
  std::vector<std::string> linked;
};

struct PartnerLedger {
  std::string partner;
  std::int64_t committed = 0;
  std::int64_t delivered = 0;
  std::int64_t outstanding = 0;
  std::int64_t overdue = 0;
  std::vector<std::string> conflicts;
  std::vector<LedgerEntry> entries;     // in the table's order: by document date, then place in the text
};

struct Ledger {
  std::string as_of;                    // YYYY-MM-DD
  std::vector<PartnerLedger> partners;  // by partner id
};

// Reconciles `rows` (ListCommitments' order) as of `as_of` (YYYY-MM-DD). Pure: no index access.
Ledger Reconcile(const std::vector<CommitmentRow>& rows, const std::string& as_of);

// The last day a due date or a DATE allows: "2021" -> "2021-12-31", "2021-Q3" -> "2021-09-30",
// "2021-02" -> "2021-02-28", "2021-07-15" -> itself; nullopt when it is none of these.
std::optional<std::string> EndOfPeriod(const std::string& date);

// A dose figure with its digits grouped in threes: 31000000 -> "31,000,000" (or "31.000.000" with "."), as
// the conflicts, the command line, the report and the drafts write it.
std::string GroupedDoses(std::int64_t doses, std::string_view separator = ",");

// Today's date, YYYY-MM-DD, in local time.
std::string Today();

}  // namespace dipdoc

#endif  // DIPDOC_QUERY_LEDGER_H_
