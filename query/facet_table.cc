#include "query/facet_table.h"

#include <array>
#include <chrono>
#include <string_view>
#include <utility>

#include "index/schema.h"
#include "ingest/string_hash.h"

namespace dipdoc {

std::size_t ScaledCount(std::size_t count, std::size_t seen, std::size_t total) {
  if (seen >= total || seen == 0) return count;
  return static_cast<std::size_t>(static_cast<double>(count) * static_cast<double>(total) / seen + 0.5);
}

FacetTable::FacetTable(const Xapian::Database& db) : revision_(db.get_revision()), uuid_(db.get_uuid()) {
  static constexpr std::array<std::string_view, 3> kFieldFacets = {"doc_type", "language", "year"};
  std::array<StringMap<std::uint32_t>, 4> known;  // per facet (the three above, then partner): value -> code
  const auto code = [&](std::size_t facet, std::string_view value) {
    StringMap<std::uint32_t>& codes = known[facet];
    const auto it = codes.find(value);
    if (it != codes.end()) return it->second;
    const auto next = static_cast<std::uint32_t>(values_.size());
    values_.emplace_back(facet < kFieldFacets.size() ? std::string(kFieldFacets[facet]) : "partner", value);
    codes.emplace(std::string(value), next);
    return next;
  };

  const Xapian::docid last = db.get_lastdocid();
  first_.reserve(static_cast<std::size_t>(last) + 2);
  first_.push_back(0);  // id 0: no document
  for (auto it = db.valuestream_begin(schema::kSlotFacets); it != db.valuestream_end(schema::kSlotFacets); ++it) {
    const Xapian::docid id = it.get_docid();
    while (first_.size() <= id) first_.push_back(static_cast<std::uint32_t>(codes_.size()));  // ids without
    const std::string value = *it;
    const schema::FacetFields fields = schema::ParseFacetValue(value);
    const std::array<std::string_view, 3> field_values = {fields.doc_type, fields.language, fields.year};
    for (std::size_t f = 0; f < field_values.size(); ++f) {
      if (!field_values[f].empty()) codes_.push_back(code(f, field_values[f]));
    }
    for (std::string_view partner : fields.partners) {
      if (!partner.empty()) codes_.push_back(code(3, partner));
    }
  }
  while (first_.size() <= static_cast<std::size_t>(last) + 1) first_.push_back(static_cast<std::uint32_t>(codes_.size()));
}

bool FacetTable::Matches(const Xapian::Database& db) const {
  return db.get_revision() == revision_ && db.get_uuid() == uuid_;
}

void FacetTable::Counter::AddTo(Facets& facets, std::size_t seen, std::size_t total) const {
  for (std::size_t code = 0; code < counts_.size(); ++code) {
    if (counts_[code] == 0) continue;
    const auto& [facet, value] = table_->values_[code];
    facets[facet][value] += ScaledCount(counts_[code], seen, total);
  }
}

std::shared_ptr<const FacetTable> FacetTableCache::For(const Xapian::Database& db) {
  std::lock_guard lock(mutex_);
  if (!open_) {
    if (!table_ || !table_->Matches(db)) table_ = std::make_shared<const FacetTable>(db);
    return table_;
  }
  if (reading_.valid() && reading_.wait_for(std::chrono::seconds(0)) == std::future_status::ready) {
    try {
      table_ = reading_.get();
    } catch (...) {
      // The index moved on under the read, or could not be opened: searches go on reading values, and the
      // next one starts another read.
    }
  }
  if (table_ && table_->Matches(db)) return table_;
  if (!reading_.valid()) {
    reading_ = std::async(std::launch::async, [open = open_] { return std::make_shared<const FacetTable>(open()); });
  }
  return nullptr;
}

}  // namespace dipdoc
