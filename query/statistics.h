#ifndef DIPDOC_QUERY_STATISTICS_H_
#define DIPDOC_QUERY_STATISTICS_H_

#include <cstddef>
#include <map>
#include <string>

#include <xapian.h>

namespace dipdoc {

struct IndexStats {
  std::size_t documents = 0;
  std::map<std::string, std::size_t> by_type;
  std::map<std::string, std::size_t> by_language;
  std::map<std::string, std::size_t> by_partner;
};

// Counts read from the filter terms' frequencies: no document is opened.
IndexStats CollectStats(const Xapian::Database& db);

}  // namespace dipdoc

#endif  // DIPDOC_QUERY_STATISTICS_H_
