// Reconciliation (query/ledger.h) on commitments tables written by hand, one rule at a time.

#include "query/ledger.h"

#include <catch2/catch.hpp>

namespace dipdoc {
namespace {

// One row of the commitments table, as ListCommitments gives it.
struct Row {
  std::string doc;    // doc id, also the source file's name
  std::string date;   // the document's date
  CommitmentKind kind;
  CommitmentStatus status;
  std::int64_t doses;  // 0: none given
  std::optional<std::string> vaccine = "astrazeneca";
  std::optional<std::string> due = std::nullopt;
  bool cumulative = false;
  std::size_t at = 0;  // where the sentence starts in the document
  std::string partner = "NL";
};

std::vector<CommitmentRow> Table(const std::vector<Row>& rows) {
  std::vector<CommitmentRow> table;
  for (const Row& r : rows) {
    CommitmentRow& row = table.emplace_back();
    row.commitment.partner = r.partner;
    row.commitment.kind = r.kind;
    row.commitment.status = r.status;
    if (r.doses != 0) row.commitment.doses = r.doses;
    row.commitment.vaccine = r.vaccine;
    row.commitment.due = r.due;
    row.commitment.cumulative = r.cumulative;
    row.commitment.span = {r.at, r.at + 10};
    row.sentence = "sentence of " + r.doc;
    row.doc_id = r.doc;
    row.source = "/corpus/" + r.doc + ".txt";
    row.date = r.date;
  }
  return table;
}

PartnerLedger Only(const Ledger& ledger) {
  REQUIRE(ledger.partners.size() == 1);
  return ledger.partners.front();
}

constexpr auto kDonation = CommitmentKind::kDonation;
constexpr auto kPurchase = CommitmentKind::kPurchase;
constexpr auto kDelivery = CommitmentKind::kDelivery;
constexpr auto kPledged = CommitmentStatus::kPledged;
constexpr auto kSigned = CommitmentStatus::kSigned;
constexpr auto kDelivered = CommitmentStatus::kDelivered;
constexpr auto kRequested = CommitmentStatus::kRequested;

TEST_CASE("a pledge delivered in parts: committed, delivered, outstanding, overdue", "[ledger]") {
  const std::vector<CommitmentRow> table = Table({
      {"pledge", "2021-08-02", kDonation, kPledged, 1'000'000, "astrazeneca", "2021-10"},
      {"first", "2021-08-20", kDonation, kDelivered, 400'000, "astrazeneca", "2021-08-19"},
      {"second", "2021-09-15", kDonation, kDelivered, 200'000, "astrazeneca", "2021-09-14"},
      {"second", "2021-09-15", kDonation, kDelivered, 600'000, "astrazeneca", std::nullopt, true, 100},
      {"call", "2021-09-30", kDonation, kPledged, 1'000'000, "astrazeneca", "2021-10"},
  });
  const PartnerLedger nl = Only(Reconcile(table, "2021-12-31"));
  CHECK(nl.committed == 1'000'000);
  CHECK(nl.delivered == 600'000);
  CHECK(nl.outstanding == 400'000);
  CHECK(nl.overdue == 400'000);
  CHECK(nl.conflicts.empty());  // the running total agrees
  REQUIRE(nl.entries.size() == 5);
  CHECK(nl.entries[0].role == LedgerRole::kPromise);
  CHECK(nl.entries[0].remaining == 400'000);
  CHECK(nl.entries[0].due_end == "2021-10-31");
  CHECK(nl.entries[1].role == LedgerRole::kDelivery);
  CHECK(nl.entries[1].linked == std::vector<std::string>{"pledge:0"});
  CHECK(nl.entries[3].role == LedgerRole::kRunningTotal);
  CHECK(nl.entries[4].role == LedgerRole::kRestatement);
  CHECK(nl.entries[4].linked == std::vector<std::string>{"pledge:0"});

  // Before the due date ends nothing is overdue; the figures do not depend on it.
  const PartnerLedger early = Only(Reconcile(table, "2021-10-31"));
  CHECK(early.overdue == 0);
  CHECK(early.outstanding == 400'000);
}

TEST_CASE("a running total that disagrees with the sum is a conflict, and is never added", "[ledger]") {
  const PartnerLedger nl = Only(Reconcile(Table({
                                               {"pledge", "2021-08-02", kDonation, kPledged, 1'000'000},
                                               {"first", "2021-08-20", kDonation, kDelivered, 400'000},
                                               {"total", "2021-09-15", kDonation, kDelivered, 900'000,
                                                "astrazeneca", std::nullopt, true},
                                           }),
                                           "2021-12-31"));
  CHECK(nl.delivered == 400'000);
  CHECK(nl.committed == 1'000'000);
  REQUIRE(nl.conflicts.size() == 1);
  CHECK_THAT(nl.conflicts[0], Catch::Contains("total.txt (2021-09-15)") && Catch::Contains("900,000") &&
                                  Catch::Contains("400,000"));
}

TEST_CASE("a gift reported as handed over is committed and delivered", "[ledger]") {
  const PartnerLedger cu = Only(Reconcile(Table({
                                               {"gift", "2021-08-17", kDonation, kDelivered, 1'050'000, "abdala"},
                                               {"gift", "2021-08-17", kPurchase, kSigned, 10'000'000, "abdala", {}, false, 50},
                                               {"call", "2021-09-18", kDelivery, kPledged, 10'000'000, "abdala"},
                                               {"call", "2021-09-18", kDonation, kDelivered, 1'050'000, "abdala", {}, false, 80},
                                           }),
                                           "2021-12-31"));
  // The donation is not counted against the purchase: a gift is not a delivery under a sale.
  CHECK(cu.committed == 11'050'000);
  CHECK(cu.delivered == 1'050'000);
  CHECK(cu.outstanding == 10'000'000);
  CHECK(cu.overdue == 0);  // the purchase has no due date
  CHECK(cu.entries[0].role == LedgerRole::kDelivery);
  CHECK(cu.entries[0].committed == 1'050'000);
  CHECK(cu.entries[2].role == LedgerRole::kRestatement);  // the contract, cited again
  CHECK(cu.entries[3].role == LedgerRole::kRestatement);  // the same handover, reported again
  CHECK(cu.conflicts.empty());
}

TEST_CASE("a delivery counts against a promise of the same vaccine only, oldest first", "[ledger]") {
  const PartnerLedger p = Only(Reconcile(Table({
                                              {"a", "2021-06-01", kPurchase, kSigned, 2'000'000, "pfizer", "2021-09"},
                                              {"b", "2021-06-05", kPurchase, kSigned, 3'000'000, "pfizer", "2021-12"},
                                              {"c", "2021-07-01", kPurchase, kSigned, 500'000, "moderna", "2021-08"},
                                              {"d", "2021-10-01", kDelivery, kDelivered, 2'500'000, "pfizer"},
                                          }),
                                          "2021-12-31"));
  CHECK(p.committed == 5'500'000);
  CHECK(p.delivered == 2'500'000);
  CHECK(p.outstanding == 3'000'000);
  CHECK(p.entries[0].remaining == 0);
  CHECK(p.entries[1].remaining == 2'500'000);
  CHECK(p.entries[2].remaining == 500'000);
  CHECK(p.entries[3].linked == std::vector<std::string>{"a:0", "b:0"});
  // Overdue as of 2021-12-31: only promises whose due date has ended (Moderna's August).
  CHECK(p.overdue == 500'000);
}

TEST_CASE("a document's deliveries count against its own promises wherever the sentences stand", "[ledger]") {
  const PartnerLedger de = Only(Reconcile(Table({
                                               {"letter", "2021-11-08", kDelivery, kDelivered, 852'480, "astrazeneca", {}, false, 10},
                                               {"letter", "2021-11-08", kDonation, kPledged, 1'500'000, "astrazeneca", "2021", false, 200},
                                           }),
                                           "2022-03-01"));
  CHECK(de.committed == 1'500'000);
  CHECK(de.delivered == 852'480);
  CHECK(de.overdue == 647'520);
  CHECK(de.entries[0].linked == std::vector<std::string>{"letter:200"});
}

TEST_CASE("deliveries beyond what was committed, and due dates that disagree, are conflicts", "[ledger]") {
  const PartnerLedger m = Only(Reconcile(Table({
                                              {"deal", "2021-07-01", kPurchase, kSigned, 3'000'000, "moderna", "2021-10"},
                                              {"again", "2021-09-01", kPurchase, kSigned, 3'000'000, "moderna", "2022-01"},
                                              {"came", "2021-10-12", kDelivery, kDelivered, 5'000'000, "moderna"},
                                          }),
                                          "2021-12-31"));
  CHECK(m.committed == 5'000'000);  // what was handed over was committed, whatever the record says
  CHECK(m.delivered == 5'000'000);
  CHECK(m.outstanding == 0);
  REQUIRE(m.conflicts.size() == 2);
  CHECK_THAT(m.conflicts[0], Catch::Contains("2021-10") && Catch::Contains("2022-01"));
  CHECK_THAT(m.conflicts[1], Catch::Contains("came.txt") && Catch::Contains("2,000,000 more"));
  // The later due date is the one that counts.
  CHECK(m.entries[0].due_end == "2022-01-31");
}

TEST_CASE("requests, commitments without doses and partners are kept apart", "[ledger]") {
  const Ledger ledger = Reconcile(Table({
                                      {"a", "2021-06-01", kDonation, kRequested, 1'000'000},
                                      {"a", "2021-06-01", CommitmentKind::kTechnologyTransfer, kPledged, 0, {}, {}, false, 40},
                                      {"b", "2021-06-02", kDonation, kPledged, 300'000, "pfizer", {}, false, 0, "JP"},
                                  }),
                                  "2021-12-31");
  REQUIRE(ledger.partners.size() == 2);
  CHECK(ledger.partners[0].partner == "JP");
  CHECK(ledger.partners[0].committed == 300'000);
  const PartnerLedger& nl = ledger.partners[1];
  CHECK(nl.committed == 0);
  CHECK(nl.entries[0].role == LedgerRole::kRequest);
  CHECK(nl.entries[1].role == LedgerRole::kOther);
  CHECK(Reconcile({}, "2021-12-31").partners.empty());
}

TEST_CASE("the end of a period", "[ledger]") {
  CHECK(EndOfPeriod("2021") == "2021-12-31");
  CHECK(EndOfPeriod("2021-Q1") == "2021-03-31");
  CHECK(EndOfPeriod("2021-Q4") == "2021-12-31");
  CHECK(EndOfPeriod("2024-02") == "2024-02-29");
  CHECK(EndOfPeriod("2021-02") == "2021-02-28");
  CHECK(EndOfPeriod("2021-07-15") == "2021-07-15");
  for (const char* bad : {"", "21", "2021-13", "2021-Q5", "2021-02-30", "2021-7", "tomorrow", "2021-07-15x"}) {
    INFO(bad);
    CHECK_FALSE(EndOfPeriod(bad).has_value());
  }
  CHECK(EndOfPeriod(Today()) == Today());
}

}  // namespace
}  // namespace dipdoc
