#include "query/commitment_table.h"

#include <algorithm>

#include <catch2/catch.hpp>

#include "index/database.h"
#include "index/indexer.h"
#include "test_util.h"

namespace dipdoc {
namespace {

// The project's corpus, ingested once for every test here.
const Xapian::Database& CorpusIndex() {
  static testing::TempDir db;
  static const Xapian::Database index = [] {
    Result<IngestReport> report = Indexer(db.path()).Ingest({testing::CorpusDir().string()});
    REQUIRE(report.ok());
    Result<Xapian::Database> opened = OpenDatabase(db.path());
    REQUIRE(opened.ok());
    return opened.value();
  }();
  return index;
}

std::vector<CommitmentRow> List(const CommitmentFilter& filter) {
  Result<std::vector<CommitmentRow>> rows = ListCommitments(CorpusIndex(), filter);
  REQUIRE(rows.ok());
  return rows.value();
}

bool HasDoses(const std::vector<CommitmentRow>& rows, std::int64_t doses) {
  return std::any_of(rows.begin(), rows.end(), [&](const CommitmentRow& r) { return r.commitment.doses == doses; });
}

TEST_CASE("the commitments table filters by partner, kind, status and date", "[query][commitments]") {
  const std::vector<CommitmentRow> all = List({});
  REQUIRE(all.size() >= 20);

  SECTION("partner, in any case, with each row's source and sentence") {
    for (const char* id : {"pfizer", "PFIZER"}) {
      CommitmentFilter filter;
      filter.partner = id;
      const std::vector<CommitmentRow> rows = List(filter);
      REQUIRE_FALSE(rows.empty());
      for (const CommitmentRow& row : rows) {
        CHECK(row.commitment.partner == "pfizer");
        CHECK_FALSE(row.source.empty());
        CHECK_FALSE(row.sentence.empty());
      }
      CHECK(HasDoses(rows, 31000000));
    }
  }
  SECTION("kind and status") {
    CommitmentFilter filter;
    filter.kind = "donation";
    const std::vector<CommitmentRow> donations = List(filter);
    REQUIRE_FALSE(donations.empty());
    for (const CommitmentRow& row : donations) CHECK(row.commitment.kind == CommitmentKind::kDonation);
    filter.status = "delivered";
    const std::vector<CommitmentRow> delivered = List(filter);
    CHECK(delivered.size() < donations.size());
    for (const CommitmentRow& row : delivered) {
      CHECK(row.commitment.kind == CommitmentKind::kDonation);
      CHECK(row.commitment.status == CommitmentStatus::kDelivered);
    }
    const auto expected = std::count_if(all.begin(), all.end(), [](const CommitmentRow& r) {
      return r.commitment.kind == CommitmentKind::kDonation && r.commitment.status == CommitmentStatus::kDelivered;
    });
    CHECK(delivered.size() == static_cast<std::size_t>(expected));
  }
  SECTION("the document's date, undated documents left out") {
    CommitmentFilter filter;
    filter.from = "2021-09";
    filter.to = "2021-10";
    const std::vector<CommitmentRow> rows = List(filter);
    REQUIRE_FALSE(rows.empty());
    CHECK(rows.size() < all.size());
    for (const CommitmentRow& row : rows) {
      REQUIRE(row.date);
      CHECK(*row.date >= "2021-09");
      CHECK(*row.date <= "2021-10-31");
    }
  }
  SECTION("a partner with no commitments, and bad values") {
    CommitmentFilter filter;
    filter.partner = "no-such-partner";
    CHECK(List(filter).empty());
    filter = {};
    filter.kind = "gift";
    CHECK(ListCommitments(CorpusIndex(), filter).status().code() == Status::Code::kUsage);
  }
}

}  // namespace
}  // namespace dipdoc
