#include "index/ranking.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <string>

#include "index/schema.h"

namespace dipdoc {
namespace {

bool IsWordByte(unsigned char c) {
  return c >= 0x80 || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

}  // namespace

std::size_t CountWords(std::string_view text) {
  std::size_t words = 0;
  bool in_word = false;
  for (const unsigned char c : text) {
    const bool word_byte = IsWordByte(c);
    if (word_byte && !in_word) ++words;
    in_word = word_byte;
  }
  return words;
}

Xapian::termcount WdfPerWord(std::size_t words) {
  const double norm =
      (1 - kBm25B) + kBm25B * std::max(static_cast<double>(words) / kReferenceWords, kBm25MinNormLength);
  return std::max<Xapian::termcount>(1, static_cast<Xapian::termcount>(std::lround(kWdfScale / norm)));
}

Xapian::Query Ranking::Weigh(const Xapian::Query& query) const {
  if (scale == 1 || query.empty()) return query;
  return Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, query, scale);
}

Ranking RankingFor(const Xapian::Database& db) {
  // No version: an index this dipdoc is writing for the first time, or one made by its tests.
  const std::string version = db.get_metadata(std::string(schema::kSchemaVersionKey));
  int number = 0;
  const bool read = std::from_chars(version.data(), version.data() + version.size(), number).ec == std::errc();
  if (!version.empty() && read && number < schema::kFirstNormalisedSchema) {
    return {Xapian::BM25Weight(), 1};
  }
  const double k1 = kBm25K1 * kWdfScale;
  return {Xapian::BM25Weight(k1, 0, 1, 0, kBm25MinNormLength), (kBm25K1 + 1) / (k1 + 1)};
}

}  // namespace dipdoc
