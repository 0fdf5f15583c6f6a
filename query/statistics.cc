#include "query/statistics.h"

#include "index/schema.h"

namespace dipdoc {
namespace {

std::map<std::string, std::size_t> CountByPrefix(const Xapian::Database& db, std::string_view prefix) {
  std::map<std::string, std::size_t> counts;
  const std::string p(prefix);
  for (auto it = db.allterms_begin(p); it != db.allterms_end(p); ++it) {
    counts[(*it).substr(p.size())] = it.get_termfreq();
  }
  return counts;
}

}  // namespace

IndexStats CollectStats(const Xapian::Database& db) {
  IndexStats stats;
  stats.documents = db.get_doccount();
  stats.by_type = CountByPrefix(db, schema::kDocType);
  stats.by_language = CountByPrefix(db, schema::kLanguage);
  stats.by_partner = CountByPrefix(db, schema::kPartner);
  return stats;
}

}  // namespace dipdoc
