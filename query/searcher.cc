#include "query/searcher.h"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdlib>

#include "index/record_json.h"
#include "index/schema.h"
#include "ingest/document.h"
#include "ingest/tone_marks.h"
#include "ingest/utf8.h"
#include "query/date_filter.h"
#include "query/query_expander.h"

namespace dipdoc {
namespace {

constexpr std::size_t kSnippetBytes = 300;
constexpr Xapian::termcount kQueryTermLimit = 64;
constexpr Xapian::doccount kExactCountLimit = 5000;  // a pasted paragraph must not become a 10,000-term OR

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

// Counts the facet values of the matches it is shown: one value per document in the type, language and year
// slots, a kListSeparator-joined list in the partner slot (a document names several partners).
class FacetSpy : public Xapian::MatchSpy {
 public:
  void operator()(const Xapian::Document& doc, double /*weight*/) override {
    ++seen_;
    for (const auto& [facet, slot] : kSlots) {
      const std::string value = doc.get_value(slot);
      if (value.empty()) continue;
      std::map<std::string, std::size_t>& counts = facets_[facet];
      if (slot != schema::kSlotPartners) {
        ++counts[value];
        continue;
      }
      for (std::size_t start = 0; start < value.size();) {
        std::size_t end = value.find(schema::kListSeparator, start);
        if (end == std::string::npos) end = value.size();
        ++counts[value.substr(start, end - start)];
        start = end + 1;
      }
    }
  }

  // The counts, scaled from the documents seen to `total` when the spy saw only some of the matches.
  Facets Result(std::size_t total) const {
    Facets facets;
    for (const auto& [facet, slot] : kSlots) facets[facet];  // every facet is present, even empty
    for (const auto& [facet, counts] : facets_) {
      for (const auto& [value, n] : counts) {
        facets[facet][value] = seen_ >= total || seen_ == 0
                                   ? n
                                   : static_cast<std::size_t>(static_cast<double>(n) * total / seen_ + 0.5);
      }
    }
    return facets;
  }

 private:
  static constexpr std::pair<const char*, Xapian::valueno> kSlots[] = {{"partner", schema::kSlotPartners},
                                                                       {"doc_type", schema::kSlotDocType},
                                                                       {"language", schema::kSlotLanguage},
                                                                       {"year", schema::kSlotYear}};
  std::size_t seen_ = 0;
  std::map<std::string, std::map<std::string, std::size_t>> facets_;
};

Xapian::Query Filter(std::string term) { return Xapian::Query(std::move(term)); }

Result<Xapian::Query> ParseQuery(const Xapian::Database& db, const QueryExpander& expander,
                                 const SearchRequest& request) {
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
      query = expander.Expand(parser.parse_query(
          MatchingForm(request.query), Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_PURE_NOT));
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

Searcher::Searcher(Xapian::Database db, const PartnerAliases& aliases)
    : db_(std::move(db)),
      expander_(db_, aliases),
      snippet_vi_(SnippetStemmer("vi")),
      snippet_en_(SnippetStemmer("en")),
      snippet_fr_(SnippetStemmer("fr")) {}

const Xapian::Stem& Searcher::SnippetStemmerFor(const std::optional<std::string>& language) const {
  if (language == "en") return snippet_en_;
  if (language == "fr") return snippet_fr_;
  return snippet_vi_;
}

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
  Result<Xapian::Query> query = ParseQuery(db_, expander_, request);
  if (!query.ok()) return query.status();
  const auto started = std::chrono::steady_clock::now();

  Xapian::Enquire enquire(db_);
  enquire.set_query(query.value());
  FacetSpy facets;
  enquire.add_matchspy(&facets);
  // Up to kExactCountLimit matches are all looked at, so the total and the facet counts are exact; past it,
  // Xapian stops looking at documents that cannot reach the page, and the counts are estimates.
  const Xapian::MSet mset = enquire.get_mset(static_cast<Xapian::doccount>(request.offset),
                                             static_cast<Xapian::doccount>(request.limit), kExactCountLimit);

  SearchResult result;
  result.query = request.query;
  result.total = mset.get_matches_estimated();
  result.exact = mset.get_matches_lower_bound() == mset.get_matches_upper_bound();
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
    // Without SNIPPET_BACKGROUND_MODEL and SNIPPET_EXHAUSTIVE: they cost 4x the time, for snippets that
    // differ only in which of several good passages they show.
    hit.snippet = mset.snippet(d.text, kSnippetBytes, SnippetStemmerFor(d.language), 0, "<mark>", "</mark>", "…");
    result.hits.push_back(std::move(hit));
  }
  if (result.total == 0 && !request.query.empty()) result.suggestion = expander_.Suggest(request.query);
  result.facets = facets.Result(result.total);
  result.took_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
  return result;
}

}  // namespace dipdoc
