#include "query/commitment_table.h"

#include <algorithm>

#include "index/record_json.h"
#include "index/schema.h"
#include "index/stored_record.h"
#include "query/date_filter.h"
#include "query/searcher.h"

namespace dipdoc {

Result<std::vector<CommitmentRow>> ListCommitments(const Xapian::Database& db, const CommitmentFilter& filter) {
  std::optional<CommitmentKind> kind;
  if (filter.kind && !(kind = ParseCommitmentKind(*filter.kind))) {
    return Status::Usage("--kind: '" + *filter.kind + "' is not a commitment kind");
  }
  std::optional<CommitmentStatus> status;
  if (filter.status && !(status = ParseCommitmentStatus(*filter.status))) {
    return Status::Usage("--status: '" + *filter.status + "' is not one of pledged, signed, delivered, requested");
  }
  Result<DateRange> dates = MakeDateRange(filter.from, filter.to);
  if (!dates.ok()) return dates.status();
  const std::optional<std::string> partner =
      filter.partner ? std::optional(CanonicalPartnerId(*filter.partner)) : std::nullopt;

  // Only the documents whose commitments could pass: the index has a term for each commitment's partner,
  // kind and status (index/schema.h), and the document's date in a value slot.
  Xapian::Query query{std::string(schema::kHasCommitment)};
  auto require = [&query](std::string term) {
    query = Xapian::Query(Xapian::Query::OP_FILTER, query, Xapian::Query(std::move(term)));
  };
  if (partner) require(std::string(schema::kCommitmentPartner) + *partner);
  if (kind) require(std::string(schema::kCommitmentKind) + std::string(ToString(*kind)));
  if (status) require(std::string(schema::kCommitmentStatus) + std::string(ToString(*status)));
  if (filter.from || filter.to) {
    query = Xapian::Query(Xapian::Query::OP_FILTER, query,
                          Xapian::Query(Xapian::Query::OP_VALUE_RANGE, schema::kSlotDate, dates.value().from,
                                        dates.value().to));
  }

  std::vector<CommitmentRow> rows;
  try {
    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    enquire.set_docid_order(Xapian::Enquire::ASCENDING);
    const Xapian::MSet matches = enquire.get_mset(0, db.get_doccount());
    for (auto it = matches.begin(); it != matches.end(); ++it) {
      Result<Record> record = UnpackRecord(it.get_document().get_data());
      if (!record.ok()) return record.status();
      const Document& d = record.value().document;
      if (filter.from || filter.to) {
        if (!d.date || !dates.value().Contains(schema::DateValue(*d.date))) continue;
      }
      for (const Commitment& c : record.value().extraction.commitments) {
        if (partner && c.partner != *partner) continue;
        if (kind && c.kind != *kind) continue;
        if (status && c.status != *status) continue;
        rows.push_back({c, std::string(c.span.In(d.text)), d.doc_id, d.source, d.date});
      }
    }
  } catch (const Xapian::Error& e) {
    return Status::Database("reading commitments failed: " + e.get_description());
  }
  std::stable_sort(rows.begin(), rows.end(), [](const CommitmentRow& a, const CommitmentRow& b) {
    if (a.date.has_value() != b.date.has_value()) return a.date.has_value();
    if (a.date != b.date) return *a.date < *b.date;
    if (a.doc_id != b.doc_id) return a.doc_id < b.doc_id;
    return a.commitment.span.start < b.commitment.span.start;
  });
  return rows;
}

}  // namespace dipdoc
