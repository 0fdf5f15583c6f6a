#include "nlp/extraction.h"

#include <array>
#include <sstream>
#include <utility>

namespace dipdoc {
namespace {

template <typename Enum, std::size_t N>
using NameTable = std::array<std::pair<Enum, std::string_view>, N>;

constexpr NameTable<DoseUnit, 2> kUnits = {{{DoseUnit::kDose, "dose"}, {DoseUnit::kVial, "vial"}}};
constexpr NameTable<Approx, 5> kApprox = {{{Approx::kExact, "exact"},
                                           {Approx::kMoreThan, "more_than"},
                                           {Approx::kAbout, "about"},
                                           {Approx::kAtLeast, "at_least"},
                                           {Approx::kLessThan, "less_than"}}};
constexpr NameTable<CommitmentKind, 7> kKinds = {{{CommitmentKind::kDonation, "donation"},
                                                  {CommitmentKind::kPurchase, "purchase"},
                                                  {CommitmentKind::kDelivery, "delivery"},
                                                  {CommitmentKind::kLoan, "loan"},
                                                  {CommitmentKind::kTechnologyTransfer, "technology_transfer"},
                                                  {CommitmentKind::kInvestment, "investment"},
                                                  {CommitmentKind::kOther, "other"}}};
constexpr NameTable<CommitmentStatus, 4> kStatuses = {{{CommitmentStatus::kPledged, "pledged"},
                                                       {CommitmentStatus::kSigned, "signed"},
                                                       {CommitmentStatus::kDelivered, "delivered"},
                                                       {CommitmentStatus::kRequested, "requested"}}};

template <typename Enum, std::size_t N>
std::string_view NameOf(const NameTable<Enum, N>& table, Enum value) {
  for (const auto& [v, name] : table) {
    if (v == value) return name;
  }
  return table.back().second;
}

template <typename Enum, std::size_t N>
std::optional<Enum> ValueOf(const NameTable<Enum, N>& table, std::string_view name) {
  for (const auto& [v, known] : table) {
    if (known == name) return v;
  }
  return std::nullopt;
}

std::ostream& operator<<(std::ostream& out, const Span& span) {
  return out << '[' << span.start << ',' << span.end << ')';
}

}  // namespace

std::string_view ToString(DoseUnit unit) { return NameOf(kUnits, unit); }
std::string_view ToString(Approx approx) { return NameOf(kApprox, approx); }
std::string_view ToString(CommitmentKind kind) { return NameOf(kKinds, kind); }
std::string_view ToString(CommitmentStatus status) { return NameOf(kStatuses, status); }
std::optional<DoseUnit> ParseDoseUnit(std::string_view name) { return ValueOf(kUnits, name); }
std::optional<Approx> ParseApprox(std::string_view name) { return ValueOf(kApprox, name); }
std::optional<CommitmentKind> ParseCommitmentKind(std::string_view name) { return ValueOf(kKinds, name); }
std::optional<CommitmentStatus> ParseCommitmentStatus(std::string_view name) { return ValueOf(kStatuses, name); }

std::string ToDebugString(const Extraction& extraction) {
  std::ostringstream out;
  const char* separator = "";
  auto next = [&]() -> std::ostream& {
    out << separator;
    separator = " | ";
    return out;
  };
  for (const PartnerMention& p : extraction.partners) {
    for (const Span& span : p.spans) next() << "PARTNER" << span << ' ' << p.id;
  }
  for (const DoseCount& d : extraction.doses) {
    next() << "DOSES" << d.span << ' ' << d.value << ' ' << ToString(d.unit) << ' ' << ToString(d.approx);
    if (d.vaccine) out << ' ' << *d.vaccine;
    if (d.partner) out << " @" << *d.partner;
  }
  for (const Amount& a : extraction.amounts) next() << "AMOUNT" << a.span << ' ' << a.value << ' ' << a.currency;
  for (const DateMention& d : extraction.dates) next() << "DATE" << d.span << ' ' << d.value;
  for (const Commitment& c : extraction.commitments) {
    next() << "COMMITMENT" << c.span << ' ' << c.partner << ' ' << ToString(c.kind) << ' ' << ToString(c.status);
    out << ' ' << (c.doses ? std::to_string(*c.doses) : "?");
    if (c.vaccine) out << ' ' << *c.vaccine;
    if (c.due) out << " due " << *c.due;
    if (c.channel != "bilateral") out << " via " << c.channel;
    if (c.cumulative) out << " cumulative";
  }
  return out.str();
}

}  // namespace dipdoc
