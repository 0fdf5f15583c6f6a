#ifndef DIPDOC_QUERY_FACET_TABLE_H_
#define DIPDOC_QUERY_FACET_TABLE_H_

// The facet fields of every document of one index revision, in memory, so that a search counts the facets
// of its matches by document id instead of reading each match's value (a sixth of a search's time at
// 100,000 documents). Worth it for a process that runs many searches: a batch, the server.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <future>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include <xapian.h>

namespace dipdoc {

// facet name ("partner", "doc_type", "language", "year") -> value -> documents.
using Facets = std::map<std::string, std::map<std::string, std::size_t>>;

// `count` of the `seen` matches, scaled to `total` matches (unchanged when seen covers them all).
std::size_t ScaledCount(std::size_t count, std::size_t seen, std::size_t total);

class FacetTable {
 public:
  // Reads the facet value (index/schema.h kSlotFacets) of every document of `db`, in one pass over its
  // value stream.
  explicit FacetTable(const Xapian::Database& db);

  // Whether it was read from the same revision of the index as `db` sees: it answers for that revision only.
  bool Matches(const Xapian::Database& db) const;
  // Whether it holds a row for `id` (every id up to the index's last when it was read).
  bool Covers(Xapian::docid id) const { return id < first_.size() - 1; }

  // Counts the facet values of documents, for one search.
  class Counter {
   public:
    explicit Counter(const FacetTable& table) : table_(&table), counts_(table.values_.size(), 0) {}
    // Counts the document `id`; false, counting nothing, when the table does not cover it.
    bool Add(Xapian::docid id) {
      if (!table_->Covers(id)) return false;
      for (std::uint32_t i = table_->first_[id]; i < table_->first_[id + 1]; ++i) ++counts_[table_->codes_[i]];
      return true;
    }
    // Adds the counts to `facets`, scaled to `total` matches when the counter saw only `seen` of them.
    void AddTo(Facets& facets, std::size_t seen, std::size_t total) const;

   private:
    const FacetTable* table_;
    std::vector<std::size_t> counts_;  // by code
  };

 private:
  Xapian::rev revision_;
  std::string uuid_;
  // (facet name, value) of each code.
  std::vector<std::pair<std::string, std::string>> values_;
  // The codes of document id d are codes_[first_[d]] .. codes_[first_[d + 1] - 1]: its type, language, year
  // and partners, those it has.
  std::vector<std::uint32_t> first_;
  std::vector<std::uint32_t> codes_;
};

// The facet table of the index's latest revision, shared by the searches of a process and its threads.
class FacetTableCache {
 public:
  // Reads a table in the searching thread, from the searcher's handle: for a batch, whose index stays put.
  FacetTableCache() = default;
  // Reads tables in the background, each from a handle `open` gives, and never makes a search wait: for a
  // server, whose index an ingest may move on every few hundred documents (a table takes about 50 ms at
  // 100,000 documents).
  explicit FacetTableCache(std::function<Xapian::Database()> open) : open_(std::move(open)) {}
  FacetTableCache(const FacetTableCache&) = delete;
  FacetTableCache& operator=(const FacetTableCache&) = delete;
  ~FacetTableCache() = default;  // a background read in progress is waited for (std::future's destructor)

  // The table for `db`'s revision. Read now if the one held is of another revision; in the background mode,
  // none (nullptr: the search reads its matches' values) until a read started now or earlier is done.
  std::shared_ptr<const FacetTable> For(const Xapian::Database& db);

 private:
  std::function<Xapian::Database()> open_;  // empty: no background reads
  std::mutex mutex_;
  std::shared_ptr<const FacetTable> table_;
  std::future<std::shared_ptr<const FacetTable>> reading_;  // the background read, when one is under way
};

}  // namespace dipdoc

#endif  // DIPDOC_QUERY_FACET_TABLE_H_
