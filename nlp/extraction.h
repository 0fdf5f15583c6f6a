#ifndef DIPDOC_NLP_EXTRACTION_H_
#define DIPDOC_NLP_EXTRACTION_H_

// The output of nlp: what one Document says. Every item holds a Span into Document::text; nlp never edits
// the text it reads. Field names and vocabularies follow ../shared/contract/README.md.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/span.h"

namespace dipdoc {

// A partner named in the document, with every place it is named.
struct PartnerMention {
  std::string id;            // ISO 3166-1 alpha-2 for countries, a partners.tsv slug otherwise
  std::string name;          // the name as first written in the text
  std::string kind;          // "country", "organisation", "fund", "company", as in partners.tsv
  std::vector<Span> spans;   // one per mention, in text order; mentions == spans.size()
};

enum class DoseUnit { kDose, kVial };
enum class Approx { kExact, kMoreThan, kAbout, kAtLeast, kLessThan };

// A number of vaccine doses or vials: never money, equipment, people, flights, calls or letters.
struct DoseCount {
  std::int64_t value = 0;
  DoseUnit unit = DoseUnit::kDose;
  Approx approx = Approx::kExact;
  std::optional<std::string> vaccine;   // vaccines.tsv id
  std::optional<std::string> partner;   // partner id
  Span span;                            // the words that state the count, e.g. "1,05 triệu liều"
};

// A sum of money, reported beside doses because reports need it.
struct Amount {
  double value = 0;
  std::string currency;   // ISO 4217 ("VND", "USD", "EUR", ...)
  Span span;
};

// A date the text names, at its own grain.
struct DateMention {
  std::string value;      // YYYY, YYYY-MM, YYYY-MM-DD or YYYY-Qn
  Span span;
};

enum class CommitmentKind { kDonation, kPurchase, kDelivery, kLoan, kTechnologyTransfer, kInvestment, kOther };
enum class CommitmentStatus { kPledged, kSigned, kDelivered, kRequested };

// One promise, contract, delivery or request.
struct Commitment {
  std::string partner;
  CommitmentKind kind = CommitmentKind::kOther;
  CommitmentStatus status = CommitmentStatus::kPledged;
  std::optional<std::int64_t> doses;     // unset for "a large number of doses"
  std::optional<std::string> vaccine;
  std::optional<std::string> due;        // YYYY, YYYY-MM, YYYY-MM-DD or YYYY-Qn
  std::string channel = "bilateral";     // or the mechanism, e.g. "covax"
  bool cumulative = false;               // a running total, a check rather than a new promise
  Span span;                             // the sentence that says it
};

struct Extraction {
  std::vector<PartnerMention> partners;
  std::vector<DoseCount> doses;
  std::vector<Amount> amounts;
  std::vector<DateMention> dates;
  std::vector<Commitment> commitments;
};

// The contract's spellings ("vial", "more_than", "technology_transfer", "requested", ...).
std::string_view ToString(DoseUnit unit);
std::string_view ToString(Approx approx);
std::string_view ToString(CommitmentKind kind);
std::string_view ToString(CommitmentStatus status);
std::optional<DoseUnit> ParseDoseUnit(std::string_view name);
std::optional<Approx> ParseApprox(std::string_view name);
std::optional<CommitmentKind> ParseCommitmentKind(std::string_view name);
std::optional<CommitmentStatus> ParseCommitmentStatus(std::string_view name);

// One line per item, in a fixed order, for tests: "PARTNER[10,14) JP | DOSES[40,55) 1000000 dose exact".
std::string ToDebugString(const Extraction& extraction);

}  // namespace dipdoc

#endif  // DIPDOC_NLP_EXTRACTION_H_
