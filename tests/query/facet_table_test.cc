#include "query/facet_table.h"

#include <atomic>
#include <chrono>
#include <thread>

#include <catch2/catch.hpp>

#include "index/schema.h"
#include "query/search_fixture.h"

namespace dipdoc {
namespace {

std::vector<testing::SearchDoc> Documents() {
  return {
      {"/cuba.txt", "Cuba bàn giao vaccine Abdala.", DocType::kPress, "vi", "2021-09-18", {"CU"}},
      {"/pfizer.txt", "Pfizer cam kết vaccine.", DocType::kLetter, "vi", "2020-10-05", {"pfizer", "US"}},
      {"/both.txt", "Cuba and Pfizer: vaccine deliveries.", DocType::kCallNote, "en", "2021-08", {"CU", "pfizer"}},
      {"/bare.txt", "A note without a date, a language or a partner.", DocType::kOther, std::nullopt,
       std::nullopt, {}},
  };
}

// The facets of documents `ids` as their stored values say, read one by one.
Facets ReadFacets(const Xapian::Database& db, const std::vector<Xapian::docid>& ids) {
  Facets facets;
  for (const Xapian::docid id : ids) {
    const std::string value = db.get_document(id).get_value(schema::kSlotFacets);
    const schema::FacetFields fields = schema::ParseFacetValue(value);
    if (!fields.doc_type.empty()) ++facets["doc_type"][std::string(fields.doc_type)];
    if (!fields.language.empty()) ++facets["language"][std::string(fields.language)];
    if (!fields.year.empty()) ++facets["year"][std::string(fields.year)];
    for (std::string_view partner : fields.partners) ++facets["partner"][std::string(partner)];
  }
  return facets;
}

Facets Counted(const FacetTable& table, const std::vector<Xapian::docid>& ids) {
  FacetTable::Counter counter(table);
  for (const Xapian::docid id : ids) counter.Add(id);
  Facets facets;
  counter.AddTo(facets, ids.size(), ids.size());
  return facets;
}

TEST_CASE("a facet table counts what each document's facet value says", "[query]") {
  testing::SearchFixture index(Documents());
  index.Search("vaccine");  // commits
  const Xapian::Database db(index.path().string());
  const FacetTable table(db);
  REQUIRE(db.get_lastdocid() == 4);
  for (Xapian::docid id = 1; id <= 4; ++id) CHECK(table.Covers(id));
  CHECK_FALSE(table.Covers(5));

  CHECK(Counted(table, {1, 2, 3, 4}) == ReadFacets(db, {1, 2, 3, 4}));
  CHECK(Counted(table, {2, 4}) == ReadFacets(db, {2, 4}));
  const Facets all = Counted(table, {1, 2, 3, 4});
  CHECK(all.at("partner") == std::map<std::string, std::size_t>{{"CU", 2}, {"US", 1}, {"pfizer", 2}});
  CHECK(all.at("year") == std::map<std::string, std::size_t>{{"2020", 1}, {"2021", 2}});
  CHECK(all.at("language") == std::map<std::string, std::size_t>{{"en", 1}, {"vi", 2}});
  CHECK(all.at("doc_type").at("other") == 1);
  CHECK(Counted(table, {4}).count("partner") == 0);  // the bare note counts nowhere but its type
}

TEST_CASE("a facet table skips the ids of deleted documents", "[query]") {
  testing::SearchFixture index(Documents());
  index.Search("vaccine");  // commits
  index.writer().database().delete_document(2);
  index.Add({"/japan.txt", "Nhật Bản vaccine.", DocType::kLetter, "vi", "2021-06-16", {"JP"}});
  index.Search("vaccine");
  const Xapian::Database db(index.path().string());
  const FacetTable table(db);
  REQUIRE(db.get_lastdocid() == 5);
  CHECK(Counted(table, {2}).empty());
  CHECK(Counted(table, {5}).at("partner") == std::map<std::string, std::size_t>{{"JP", 1}});
  CHECK(Counted(table, {1, 3, 4, 5}) == ReadFacets(db, {1, 3, 4, 5}));
}

TEST_CASE("counts seen on part of the matches are scaled to the total", "[query]") {
  CHECK(ScaledCount(3, 10, 100) == 30);
  CHECK(ScaledCount(1, 3, 10) == 3);    // 3.33 rounds down
  CHECK(ScaledCount(2, 3, 10) == 7);    // 6.67 rounds up
  CHECK(ScaledCount(3, 100, 100) == 3);  // saw them all
  CHECK(ScaledCount(3, 0, 100) == 3);    // saw nothing to scale from

  testing::SearchFixture index(Documents());
  index.Search("vaccine");
  const Xapian::Database db(index.path().string());
  const FacetTable table(db);
  FacetTable::Counter counter(table);
  counter.Add(1);
  counter.Add(3);
  Facets facets;
  counter.AddTo(facets, 2, 10);  // two of ten matches seen
  CHECK(facets.at("partner").at("CU") == 10);
  CHECK(facets.at("partner").at("pfizer") == 5);
}

TEST_CASE("the facet table cache reads again when the index moved on, and only then", "[query]") {
  testing::SearchFixture index(Documents());
  index.Search("vaccine");
  Xapian::Database db(index.path().string());
  FacetTableCache cache;
  const std::shared_ptr<const FacetTable> first = cache.For(db);
  CHECK(cache.For(db) == first);
  CHECK(cache.For(Xapian::Database(index.path().string())) == first);  // another handle, same revision

  index.Add({"/japan.txt", "Nhật Bản vaccine.", DocType::kLetter, "vi", "2021-06-16", {"JP"}});
  index.Search("vaccine");  // commits
  CHECK(cache.For(db) == first);  // this handle still reads the old revision
  db.reopen();
  const std::shared_ptr<const FacetTable> second = cache.For(db);
  REQUIRE(second != first);
  CHECK(second->Matches(db));
  CHECK_FALSE(first->Matches(db));
  CHECK(second->Covers(5));
  CHECK(Counted(*second, {5}).at("partner") == std::map<std::string, std::size_t>{{"JP", 1}});
  CHECK(first.use_count() == 1);  // still alive for whoever held it, and only for them
}

// For() until it gives a table, for at most ten seconds.
std::shared_ptr<const FacetTable> AwaitTable(FacetTableCache& cache, const Xapian::Database& db) {
  for (int i = 0; i < 1000; ++i) {
    if (std::shared_ptr<const FacetTable> table = cache.For(db)) return table;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return nullptr;
}

TEST_CASE("a background facet table cache never makes a search wait", "[query]") {
  testing::SearchFixture index(Documents());
  index.Search("vaccine");  // commits
  const std::string path = index.path().string();
  FacetTableCache cache([path] { return Xapian::Database(path); });
  Xapian::Database db(path);
  CHECK(cache.For(db) == nullptr);  // the read has only started: this search reads values
  const std::shared_ptr<const FacetTable> first = AwaitTable(cache, db);
  REQUIRE(first != nullptr);
  CHECK(first->Matches(db));
  CHECK(Counted(*first, {1, 2, 3, 4}) == ReadFacets(db, {1, 2, 3, 4}));

  index.Add({"/japan.txt", "Nhật Bản vaccine.", DocType::kLetter, "vi", "2021-06-16", {"JP"}});
  index.Search("vaccine");
  db.reopen();
  CHECK(cache.For(db) == nullptr);  // the held table is of the old revision: never given for the new one
  const std::shared_ptr<const FacetTable> second = AwaitTable(cache, db);
  REQUIRE(second != nullptr);
  CHECK(second->Matches(db));
  CHECK(Counted(*second, {5}).at("partner") == std::map<std::string, std::size_t>{{"JP", 1}});
}

TEST_CASE("a background read that fails gives no table and no error", "[query]") {
  testing::SearchFixture index(Documents());
  index.Search("vaccine");
  std::atomic<int> opened = 0;
  FacetTableCache cache([&opened]() -> Xapian::Database {
    ++opened;
    throw Xapian::DatabaseOpeningError("cannot open");
  });
  const Xapian::Database db(index.path().string());
  for (int i = 0; i < 20; ++i) {
    CHECK_NOTHROW(cache.For(db) == nullptr);
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  CHECK(cache.For(db) == nullptr);
  CHECK(opened >= 2);  // each failure is followed by another try
}

TEST_CASE("a facet table answers only for the index it was read from", "[query]") {
  testing::SearchFixture one(Documents());
  testing::SearchFixture other(Documents());
  one.Search("vaccine");
  other.Search("vaccine");
  const Xapian::Database a(one.path().string());
  const Xapian::Database b(other.path().string());
  REQUIRE(a.get_revision() == b.get_revision());
  const FacetTable table(a);
  CHECK(table.Matches(a));
  CHECK_FALSE(table.Matches(b));
}

}  // namespace
}  // namespace dipdoc
