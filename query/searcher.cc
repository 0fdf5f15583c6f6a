#include "query/searcher.h"

#include <algorithm>
#include <cctype>
#include <chrono>

#include "index/record_json.h"
#include "index/schema.h"
#include "ingest/document.h"
#include "ingest/tone_marks.h"
#include "ingest/utf8.h"
#include "query/date_filter.h"

namespace dipdoc {
namespace {

constexpr std::size_t kSnippetBytes = 300;
constexpr Xapian::termcount kQueryTermLimit = 64;  // a pasted paragraph must not become a 10,000-term OR

std::string Lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

// partner:cu and partner:CU both mean the country Cuba; partner:Pfizer means the slug pfizer.
class PartnerField : public Xapian::FieldProcessor {
 public:
  Xapian::Query operator()(const std::string& value) override {
    return Xapian::Query(std::string(schema::kPartner) + CanonicalPartnerId(value));
  }
};

// type:, lang: and vaccine: values are lower-case ids.
class LowerCaseField : public Xapian::FieldProcessor {
 public:
  explicit LowerCaseField(std::string_view prefix) : prefix_(prefix) {}
  Xapian::Query operator()(const std::string& value) override { return Xapian::Query(prefix_ + Lower(value)); }

 private:
  std::string prefix_;
};

// Counts each id in a slot holding a kListSeparator-joined list (a document names several partners).
class ListValueCountSpy : public Xapian::MatchSpy {
 public:
  explicit ListValueCountSpy(Xapian::valueno slot) : slot_(slot) {}

  void operator()(const Xapian::Document& doc, double /*weight*/) override {
    const std::string list = doc.get_value(slot_);
    std::size_t start = 0;
    while (start < list.size()) {
      std::size_t end = list.find(schema::kListSeparator, start);
      if (end == std::string::npos) end = list.size();
      ++counts_[list.substr(start, end - start)];
      start = end + 1;
    }
  }
  const std::map<std::string, std::size_t>& counts() const { return counts_; }

 private:
  Xapian::valueno slot_;
  std::map<std::string, std::size_t> counts_;
};

std::map<std::string, std::size_t> Counts(const Xapian::ValueCountMatchSpy& spy) {
  std::map<std::string, std::size_t> counts;
  for (auto it = spy.values_begin(); it != spy.values_end(); ++it) counts[*it] = it.get_termfreq();
  return counts;
}

Xapian::Query Filter(std::string term) { return Xapian::Query(std::move(term)); }

Result<Xapian::Query> ParseQuery(const Xapian::Database& db, const SearchRequest& request) {
  Xapian::QueryParser parser;
  parser.set_database(db);
  parser.set_default_op(Xapian::Query::OP_AND);
  parser.set_max_expansion(kQueryTermLimit);
  parser.add_prefix("title", std::string(schema::kTitle));
  parser.add_boolean_prefix("partner", (new PartnerField)->release());
  parser.add_boolean_prefix("type", (new LowerCaseField(schema::kDocType))->release());
  parser.add_boolean_prefix("lang", (new LowerCaseField(schema::kLanguage))->release());
  parser.add_boolean_prefix("vaccine", (new LowerCaseField(schema::kVaccine))->release());

  Xapian::Query query = Xapian::Query::MatchAll;
  if (request.query.find_first_not_of(" \t\r\n") != std::string::npos) {
    if (const auto bad = FindInvalidUtf8(request.query)) {
      return Status::Usage("the query is not valid UTF-8 (byte " + std::to_string(*bad) + ")");
    }
    try {
      // The index holds words in their matching form; the query is put in the same form.
      query = parser.parse_query(MatchingForm(request.query),
                                 Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_PURE_NOT);
    } catch (const Xapian::QueryParserError& e) {
      return Status::Usage("malformed query: " + e.get_msg());
    }
    if (query.empty()) query = Xapian::Query::MatchNothing;
  }

  std::vector<Xapian::Query> filters;
  if (request.partner) filters.push_back(Filter(std::string(schema::kPartner) + CanonicalPartnerId(*request.partner)));
  if (request.doc_type) {
    if (!ParseDocType(*request.doc_type)) {
      return Status::Usage("--type: '" + *request.doc_type + "' is not one of letter, call_note, press, other");
    }
    filters.push_back(Filter(std::string(schema::kDocType) + *request.doc_type));
  }
  if (request.language) filters.push_back(Filter(std::string(schema::kLanguage) + Lower(*request.language)));
  if (request.from || request.to) {
    Result<DateRange> range = MakeDateRange(request.from, request.to);
    if (!range.ok()) return range.status();
    filters.push_back(Xapian::Query(Xapian::Query::OP_VALUE_RANGE, schema::kSlotDate, range.value().from,
                                    range.value().to));
  }
  for (const Xapian::Query& filter : filters) query = Xapian::Query(Xapian::Query::OP_FILTER, query, filter);
  return query;
}

}  // namespace

std::string CanonicalPartnerId(std::string id) {
  const bool country = id.size() == 2 && std::isalpha(static_cast<unsigned char>(id[0])) &&
                       std::isalpha(static_cast<unsigned char>(id[1]));
  std::transform(id.begin(), id.end(), id.begin(), [country](unsigned char c) {
    return static_cast<char>(country ? std::toupper(c) : std::tolower(c));
  });
  return id;
}

Searcher::Searcher(Xapian::Database db) : db_(std::move(db)) {}

Result<SearchResult> Searcher::Search(const SearchRequest& request) {
  try {
    try {
      return SearchOnce(request);
    } catch (const Xapian::DatabaseModifiedError&) {
      db_.reopen();  // a writer committed twice since we opened: read its latest revision
      return SearchOnce(request);
    }
  } catch (const Xapian::Error& e) {
    return Status::Database("search failed: " + e.get_description());
  }
}

Result<SearchResult> Searcher::SearchOnce(const SearchRequest& request) {
  Result<Xapian::Query> query = ParseQuery(db_, request);
  if (!query.ok()) return query.status();
  const auto started = std::chrono::steady_clock::now();

  Xapian::Enquire enquire(db_);
  enquire.set_query(query.value());
  Xapian::ValueCountMatchSpy by_type(schema::kSlotDocType);
  Xapian::ValueCountMatchSpy by_language(schema::kSlotLanguage);
  Xapian::ValueCountMatchSpy by_year(schema::kSlotYear);
  ListValueCountSpy by_partner(schema::kSlotPartners);
  enquire.add_matchspy(&by_type);
  enquire.add_matchspy(&by_language);
  enquire.add_matchspy(&by_year);
  enquire.add_matchspy(&by_partner);
  // Looking at every match makes the total and the facet counts exact, not estimates.
  const Xapian::doccount all = db_.get_doccount();
  const Xapian::MSet mset = enquire.get_mset(static_cast<Xapian::doccount>(request.offset),
                                             static_cast<Xapian::doccount>(request.limit), all);

  SearchResult result;
  result.query = request.query;
  result.total = mset.get_matches_estimated();
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    Result<Record> record = RecordFromJson(it.get_document().get_data());
    if (!record.ok()) return record.status();
    const Document& d = record.value().document;
    SearchHit hit;
    hit.doc_id = d.doc_id;
    hit.source = d.source;
    hit.title = d.title;
    hit.date = d.date;
    hit.language = d.language;
    hit.doc_type = std::string(ToString(d.doc_type));
    for (const PartnerMention& p : record.value().extraction.partners) hit.partners.push_back(p.id);
    hit.score = it.get_weight();
    hit.snippet = mset.snippet(d.text, kSnippetBytes, Xapian::Stem(),
                               Xapian::MSet::SNIPPET_BACKGROUND_MODEL | Xapian::MSet::SNIPPET_EXHAUSTIVE,
                               "<mark>", "</mark>", "…");
    result.hits.push_back(std::move(hit));
  }
  result.facets["partner"] = by_partner.counts();
  result.facets["doc_type"] = Counts(by_type);
  result.facets["language"] = Counts(by_language);
  result.facets["year"] = Counts(by_year);
  result.took_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
  return result;
}

}  // namespace dipdoc
