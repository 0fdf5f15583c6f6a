#include "nlp/extraction.h"

#include <catch2/catch.hpp>

namespace dipdoc {
namespace {

TEST_CASE("vocabulary names round-trip in the contract's spelling", "[nlp]") {
  for (auto kind : {CommitmentKind::kDonation, CommitmentKind::kPurchase, CommitmentKind::kDelivery,
                    CommitmentKind::kLoan, CommitmentKind::kTechnologyTransfer, CommitmentKind::kInvestment,
                    CommitmentKind::kOther}) {
    CHECK(ParseCommitmentKind(ToString(kind)) == kind);
  }
  for (auto status : {CommitmentStatus::kPledged, CommitmentStatus::kSigned, CommitmentStatus::kDelivered,
                      CommitmentStatus::kRequested}) {
    CHECK(ParseCommitmentStatus(ToString(status)) == status);
  }
  CHECK(ToString(CommitmentKind::kTechnologyTransfer) == "technology_transfer");
  CHECK(ToString(Approx::kMoreThan) == "more_than");
  CHECK(ToString(DoseUnit::kVial) == "vial");
  CHECK_FALSE(ParseApprox("roughly").has_value());
}

TEST_CASE("an extraction prints as one canonical line", "[nlp]") {
  Extraction e;
  e.partners.push_back({"JP", "Nhật Bản", "country", {Span{10, 14}, Span{80, 84}}});
  e.doses.push_back({1000000, DoseUnit::kDose, Approx::kMoreThan, "astrazeneca", "JP", Span{40, 55}});
  Commitment c;
  c.partner = "JP";
  c.kind = CommitmentKind::kDonation;
  c.status = CommitmentStatus::kDelivered;
  c.doses = 1000000;
  c.span = Span{0, 90};
  c.channel = "covax";
  e.commitments.push_back(c);
  CHECK(ToDebugString(e) ==
        "PARTNER[10,14) JP | PARTNER[80,84) JP | DOSES[40,55) 1000000 dose more_than astrazeneca @JP | "
        "COMMITMENT[0,90) JP donation delivered 1000000 via covax");
  CHECK(ToDebugString(Extraction{}).empty());
}

}  // namespace
}  // namespace dipdoc
