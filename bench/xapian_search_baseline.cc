// The baselines dipdoc's search is measured against, over the same index and queries
// (bench/search_benchmark.py). Each query is run by one Xapian::Enquire on one thread, top 10 by BM25, and
// timed from the parsed query to the MSet:
//
//   plain   the query as typed, through Xapian's QueryParser (words ANDed; partner:, type: and lang: as
//           boolean filters): no diacritic folding, variants, aliases, phrase boosts, facets, records or
//           snippets. What plain Xapian gives.
//   dipdoc  the match query dipdoc's search runs (ParseSearchQuery), weighed as dipdoc weighs it
//           (index/ranking.h): what Xapian alone costs for dipdoc's matching on one core, before its facets,
//           re-ranking, records and snippets.
//
// Usage: xapian_search_baseline plain|dipdoc DB_DIR QUERIES   (prints "<ms> <matches estimated>" per query)

#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <string>

#include <xapian.h>

#include "index/ranking.h"
#include "index/schema.h"
#include "query/partner_aliases.h"
#include "query/query_expander.h"
#include "query/searcher.h"

namespace {

// The query to time for one line of QUERIES; an empty optional for a line that does not parse.
class Parser {
 public:
  Parser(const Xapian::Database& db, bool dipdoc) : db_(db), dipdoc_(dipdoc), expander_(db, dipdoc::PartnerAliases::Default()) {
    plain_.set_database(db);
    plain_.set_default_op(Xapian::Query::OP_AND);
    plain_.add_boolean_prefix("partner", std::string(dipdoc::schema::kPartner));
    plain_.add_boolean_prefix("type", std::string(dipdoc::schema::kDocType));
    plain_.add_boolean_prefix("lang", std::string(dipdoc::schema::kLanguage));
  }

  bool Parse(const std::string& line, Xapian::Query& query) {
    if (!dipdoc_) {
      try {
        query = plain_.parse_query(line);
        return true;
      } catch (const Xapian::QueryParserError&) {
        return false;
      }
    }
    dipdoc::SearchRequest request;
    request.query = line;
    dipdoc::Result<dipdoc::QueryExpander::Expanded> expanded = dipdoc::ParseSearchQuery(db_, expander_, request);
    if (!expanded.ok()) return false;
    query = expanded.value().match;
    return true;
  }

 private:
  const Xapian::Database& db_;
  bool dipdoc_;
  dipdoc::QueryExpander expander_;
  Xapian::QueryParser plain_;
};

}  // namespace

int main(int argc, char** argv) {
  const std::string mode = argc == 4 ? argv[1] : "";
  if (mode != "plain" && mode != "dipdoc") {
    std::cerr << "usage: xapian_search_baseline plain|dipdoc DB_DIR QUERIES\n";
    return 2;
  }
  const Xapian::Database db(argv[2]);
  std::ifstream in(argv[3], std::ios::binary);
  if (!in) {
    std::cerr << "xapian_search_baseline: cannot read " << argv[3] << '\n';
    return 2;
  }
  Parser parser(db, mode == "dipdoc");
  const dipdoc::Ranking ranking = dipdoc::RankingFor(db);
  for (std::string line; std::getline(in, line);) {
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    Xapian::Query query;
    if (!parser.Parse(line, query)) {
      std::cout << "nan 0\n";
      continue;
    }
    const auto started = std::chrono::steady_clock::now();
    Xapian::Enquire enquire(db);
    if (mode == "dipdoc") {
      enquire.set_weighting_scheme(ranking.weight);
      query = ranking.Weigh(query);
    }
    enquire.set_query(query);
    const Xapian::MSet mset = enquire.get_mset(0, 10);
    const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
    std::printf("%.4f %u\n", ms, mset.get_matches_estimated());
  }
}
