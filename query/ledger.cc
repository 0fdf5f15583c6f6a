#include "query/ledger.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <map>

namespace dipdoc {
namespace {

// A running total is taken to agree with the sum when they differ by at most this share.
constexpr double kRunningTotalTolerance = 0.01;

bool Digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

int Number(std::string_view s) {
  int n = 0;
  std::from_chars(s.data(), s.data() + s.size(), n);
  return n;
}

int DaysIn(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

std::string Ymd(int year, int month, int day) {
  char out[40];  // room for any int, though dates have four, two and two digits
  std::snprintf(out, sizeof out, "%04d-%02d-%02d", year, month, day);
  return out;
}

// "letter_vi_pfizer_2021-10-05.txt (2021-10-05)": how a conflict names a document.
std::string Where(const CommitmentRow& row) {
  std::string name = std::filesystem::path(row.source).filename().string();
  if (name.empty()) name = row.doc_id;
  return name + " (" + row.date.value_or("undated") + ")";
}

bool Compatible(const std::optional<std::string>& a, const std::optional<std::string>& b) {
  return !a || !b || *a == *b;
}

bool CountsDoses(CommitmentKind kind) {
  return kind == CommitmentKind::kDonation || kind == CommitmentKind::kPurchase ||
         kind == CommitmentKind::kDelivery || kind == CommitmentKind::kLoan || kind == CommitmentKind::kOther;
}

// Whether doses handed over as `delivery` can be what `promise` promised: a gift against a gift, a
// purchase against a purchase; a delivery (under an earlier deal or gift) against any promise, and any
// handover against a promise of deliveries.
bool Fulfils(CommitmentKind delivery, CommitmentKind promise) {
  if (delivery == promise) return true;
  if (delivery == CommitmentKind::kDelivery || promise == CommitmentKind::kDelivery) return true;
  if (delivery == CommitmentKind::kOther || promise == CommitmentKind::kOther) return true;
  return false;
}

// What a promise stands at while the partner's documents are read in order.
struct OpenPromise {
  std::size_t entry;                  // index into PartnerLedger::entries
  std::optional<std::string> due;     // the latest due date the record gives it
};

class PartnerReconciler {
 public:
  PartnerReconciler(PartnerLedger& ledger, const std::string& as_of) : ledger_(ledger), as_of_(as_of) {}

  void Add(const CommitmentRow& row) {
    // A document's promises come before its deliveries, wherever its sentences put them: "3.2 million
    // doses arrived under the contract for 10 million" counts against that contract.
    if (!pending_.empty() && ledger_.entries[pending_.front()].row.doc_id != row.doc_id) FlushDocument();
    LedgerEntry& entry = ledger_.entries.emplace_back();
    entry.row = row;
    entry.id = row.doc_id + ":" + std::to_string(row.commitment.span.start);
    const Commitment& c = row.commitment;
    const std::size_t index = ledger_.entries.size() - 1;
    if (c.status == CommitmentStatus::kRequested) {
      entry.role = LedgerRole::kRequest;
    } else if (!c.doses || *c.doses <= 0 || !CountsDoses(c.kind)) {
      entry.role = LedgerRole::kOther;
    } else if (c.cumulative) {
      entry.role = LedgerRole::kRunningTotal;
      running_totals_.push_back(index);
    } else {
      pending_.push_back(index);
    }
  }

  void Finish() {
    FlushDocument();
    for (std::size_t i : running_totals_) CheckRunningTotal(i);
    for (const OpenPromise& open : promises_) {
      LedgerEntry& promise = ledger_.entries[open.entry];
      if (open.due) promise.due_end = EndOfPeriod(*open.due);
      if (promise.remaining > 0 && promise.due_end && *promise.due_end < as_of_) promise.overdue = promise.remaining;
    }
    for (const LedgerEntry& e : ledger_.entries) {
      ledger_.committed += e.committed;
      ledger_.delivered += e.delivered;
      ledger_.overdue += e.overdue;
    }
    ledger_.outstanding = std::max<std::int64_t>(0, ledger_.committed - ledger_.delivered);
  }

 private:
  void FlushDocument() {
    auto delivered = [&](std::size_t i) { return ledger_.entries[i].row.commitment.status == CommitmentStatus::kDelivered; };
    for (std::size_t i : pending_) {
      if (!delivered(i)) AddPromise(i);
    }
    for (std::size_t i : pending_) {
      if (delivered(i)) AddDelivery(i);
    }
    pending_.clear();
  }

  void AddPromise(std::size_t index) {
    LedgerEntry& entry = ledger_.entries[index];
    const Commitment& c = entry.row.commitment;
    // The same figure for the same vaccine, given again (a later letter citing the contract, a pledge
    // signed): one promise.
    for (OpenPromise& open : promises_) {
      const LedgerEntry& earlier = ledger_.entries[open.entry];
      const Commitment& e = earlier.row.commitment;
      if (*e.doses != *c.doses || !Compatible(e.vaccine, c.vaccine) || !Fulfils(c.kind, e.kind)) continue;
      entry.role = LedgerRole::kRestatement;
      entry.linked = {earlier.id};
      if (c.due && open.due && *c.due != *open.due && EndOfPeriod(*c.due) != EndOfPeriod(*open.due)) {
        ledger_.conflicts.push_back(GroupedDoses(*c.doses) + " doses are due " + *open.due + " in " + Where(earlier.row) +
                                    " but " + *c.due + " in " + Where(entry.row) + "; the later date is used");
      }
      if (c.due) open.due = c.due;
      return;
    }
    entry.role = LedgerRole::kPromise;
    entry.committed = *c.doses;
    entry.remaining = *c.doses;
    promises_.push_back({index, c.due});
  }

  void AddDelivery(std::size_t index) {
    LedgerEntry& entry = ledger_.entries[index];
    const Commitment& c = entry.row.commitment;
    // The same handover reported again: same figure and vaccine, and no two different dates for it.
    for (std::size_t d : deliveries_) {
      const LedgerEntry& earlier = ledger_.entries[d];
      const Commitment& e = earlier.row.commitment;
      if (*e.doses == *c.doses && Compatible(e.vaccine, c.vaccine) && Compatible(e.due, c.due)) {
        entry.role = LedgerRole::kRestatement;
        entry.linked = {earlier.id};
        return;
      }
    }
    entry.role = LedgerRole::kDelivery;
    entry.delivered = *c.doses;
    deliveries_.push_back(index);
    // Counted against the partner's earlier promises (and those of the same document), oldest first.
    std::int64_t left = *c.doses;
    bool any_promise = false;
    for (const OpenPromise& open : promises_) {
      LedgerEntry& promise = ledger_.entries[open.entry];
      const Commitment& p = promise.row.commitment;
      if (!Compatible(p.vaccine, c.vaccine) || !Fulfils(c.kind, p.kind)) continue;
      any_promise = true;
      if (promise.remaining == 0 || left == 0) continue;
      const std::int64_t taken = std::min(left, promise.remaining);
      promise.remaining -= taken;
      left -= taken;
      entry.linked.push_back(promise.id);
    }
    if (left == 0) return;
    // Doses no promise in the record accounts for: a gift reported as handed over is committed too.
    entry.committed = left;
    if (any_promise && c.kind == CommitmentKind::kDelivery) {
      ledger_.conflicts.push_back(Where(entry.row) + " reports " + GroupedDoses(*c.doses) + " doses delivered, " +
                                  GroupedDoses(left) + " more than the earlier commitments in the record");
    }
  }

  void CheckRunningTotal(std::size_t index) {
    const LedgerEntry& total = ledger_.entries[index];
    const Commitment& c = total.row.commitment;
    const bool delivered = c.status == CommitmentStatus::kDelivered;
    // The sum of what the documents up to this one say (this one's own figures included).
    std::int64_t sum = 0;
    for (const LedgerEntry& e : ledger_.entries) {
      if (e.row.date.value_or("9999") > total.row.date.value_or("9999")) continue;
      sum += delivered ? e.delivered : e.committed;
    }
    const double gap = std::abs(static_cast<double>(*c.doses - sum));
    if (gap <= kRunningTotalTolerance * static_cast<double>(*c.doses)) return;
    ledger_.conflicts.push_back(Where(total.row) + " gives " + GroupedDoses(*c.doses) + " doses " +
                                (delivered ? "delivered" : "committed") + " in all; the documents up to it add up to " +
                                GroupedDoses(sum));
  }

  PartnerLedger& ledger_;
  const std::string& as_of_;
  std::vector<OpenPromise> promises_;      // kPromise entries, in the order made
  std::vector<std::size_t> deliveries_;    // kDelivery entries
  std::vector<std::size_t> running_totals_;
  std::vector<std::size_t> pending_;       // promises and deliveries of the document being read
};

}  // namespace

Ledger Reconcile(const std::vector<CommitmentRow>& rows, const std::string& as_of) {
  Ledger ledger;
  ledger.as_of = as_of;
  std::map<std::string, std::vector<const CommitmentRow*>> by_partner;
  for (const CommitmentRow& row : rows) by_partner[row.commitment.partner].push_back(&row);
  for (const auto& [partner, partner_rows] : by_partner) {
    PartnerLedger& p = ledger.partners.emplace_back();
    p.partner = partner;
    PartnerReconciler reconciler(p, ledger.as_of);
    for (const CommitmentRow* row : partner_rows) reconciler.Add(*row);
    reconciler.Finish();
  }
  return ledger;
}

std::optional<std::string> EndOfPeriod(const std::string& date) {
  const std::string_view d(date);
  if (d.size() < 4 || !Digits(d.substr(0, 4))) return std::nullopt;
  const int year = Number(d.substr(0, 4));
  if (d.size() == 4) return Ymd(year, 12, 31);
  if (d[4] != '-') return std::nullopt;
  if (d.size() == 7 && d[5] == 'Q' && d[6] >= '1' && d[6] <= '4') {
    const int month = (d[6] - '0') * 3;
    return Ymd(year, month, DaysIn(year, month));
  }
  if (d.size() < 7 || !Digits(d.substr(5, 2))) return std::nullopt;
  const int month = Number(d.substr(5, 2));
  if (month < 1 || month > 12) return std::nullopt;
  if (d.size() == 7) return Ymd(year, month, DaysIn(year, month));
  if (d.size() != 10 || d[7] != '-' || !Digits(d.substr(8, 2))) return std::nullopt;
  const int day = Number(d.substr(8, 2));
  if (day < 1 || day > DaysIn(year, month)) return std::nullopt;
  return date;
}

std::string GroupedDoses(std::int64_t doses, std::string_view separator) {
  const std::string digits = std::to_string(doses < 0 ? -doses : doses);
  std::string out = doses < 0 ? "-" : "";
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i != 0 && (digits.size() - i) % 3 == 0) out += separator;
    out += digits[i];
  }
  return out;
}

std::string Today() {
  const std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  return Ymd(local.tm_year + 1900, local.tm_mon + 1, local.tm_mday);
}

std::string_view ToString(LedgerRole role) {
  switch (role) {
    case LedgerRole::kPromise: return "promise";
    case LedgerRole::kDelivery: return "delivery";
    case LedgerRole::kRestatement: return "restatement";
    case LedgerRole::kRunningTotal: return "running_total";
    case LedgerRole::kRequest: return "request";
    case LedgerRole::kOther: return "other";
  }
  return "other";
}

}  // namespace dipdoc
