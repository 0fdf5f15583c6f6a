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
#include "query/query_expander.h"

namespace dipdoc {
namespace {

constexpr std::size_t kSnippetBytes = 300;
constexpr Xapian::termcount kQueryTermLimit = 64;
constexpr Xapian::doccount kExactCountLimit = 1000;
// How many of the first pass's best matches the phrase boosts re-rank. A page beyond it keeps the first
// pass's order.
constexpr Xapian::doccount kRescoreWindow = 200;  // a pasted paragraph must not become a 10,000-term OR

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

// Counts the facet values (index/schema.h kSlotFacets) of the matches it is shown.
class FacetSpy : public Xapian::MatchSpy {
 public:
  void operator()(const Xapian::Document& doc, double /*weight*/) override {
    ++seen_;
    const std::string value = doc.get_value(schema::kSlotFacets);
    const schema::FacetFields fields = schema::ParseFacetValue(value);
    Count(doc_type_, fields.doc_type);
    Count(language_, fields.language);
    Count(year_, fields.year);
    for (std::string_view partner : fields.partners) Count(partner_, partner);
  }

  std::size_t seen() const { return seen_; }

  // The counts, scaled from the documents seen to `total` when the spy saw only some of the matches.
  Facets Result(std::size_t total) const {
    Facets facets;
    facets["partner"] = Scaled(partner_, total);
    facets["doc_type"] = Scaled(doc_type_, total);
    facets["language"] = Scaled(language_, total);
    facets["year"] = Scaled(year_, total);
    return facets;
  }

 private:
  using Counts = std::map<std::string, std::size_t, std::less<>>;

  static void Count(Counts& counts, std::string_view value) {
    if (value.empty()) return;
    const auto it = counts.find(value);
    if (it != counts.end()) {
      ++it->second;
    } else {
      counts.emplace(std::string(value), 1);
    }
  }

  std::map<std::string, std::size_t> Scaled(const Counts& counts, std::size_t total) const {
    std::map<std::string, std::size_t> out;
    for (const auto& [value, n] : counts) {
      out[value] = seen_ >= total || seen_ == 0
                       ? n
                       : static_cast<std::size_t>(static_cast<double>(n) * static_cast<double>(total) / seen_ + 0.5);
    }
    return out;
  }

  std::size_t seen_ = 0;
  Counts partner_, doc_type_, language_, year_;
};

Xapian::Query Filter(std::string term) { return Xapian::Query(std::move(term)); }

Result<QueryExpander::Expanded> ParseQuery(const Xapian::Database& db, const QueryExpander& expander,
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

  QueryExpander::Expanded expanded{Xapian::Query::MatchAll, {}};
  Xapian::Query& query = expanded.match;
  if (request.query.find_first_not_of(" \t\r\n") != std::string::npos) {
    if (const auto bad = FindInvalidUtf8(request.query)) {
      return Status::Usage("the query is not valid UTF-8 (byte " + std::to_string(*bad) + ")");
    }
    try {
      // The index holds words in their matching form; the query is put in the same form.
      expanded = expander.Expand(parser.parse_query(
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
  return expanded;
}

// The documents of a fixed list, as a filter: where the second pass of a search looks.
class DocumentList : public Xapian::PostingSource {
 public:
  explicit DocumentList(std::vector<Xapian::docid> ids) : ids_(std::move(ids)) {
    std::sort(ids_.begin(), ids_.end());
  }
  void init(const Xapian::Database& /*db*/) override { at_ = kBeforeStart; }
  Xapian::doccount get_termfreq_min() const override { return static_cast<Xapian::doccount>(ids_.size()); }
  Xapian::doccount get_termfreq_est() const override { return get_termfreq_min(); }
  Xapian::doccount get_termfreq_max() const override { return get_termfreq_min(); }
  void next(double /*min_wt*/) override { at_ = at_ == kBeforeStart ? 0 : at_ + 1; }
  void skip_to(Xapian::docid did, double /*min_wt*/) override {
    at_ = static_cast<std::size_t>(std::lower_bound(ids_.begin() + (at_ == kBeforeStart ? 0 : at_), ids_.end(), did) -
                                   ids_.begin());
  }
  bool at_end() const override { return at_ != kBeforeStart && at_ >= ids_.size(); }
  Xapian::docid get_docid() const override { return ids_[at_]; }
  std::string get_description() const override { return "DocumentList"; }

 private:
  static constexpr std::size_t kBeforeStart = static_cast<std::size_t>(-1);
  std::vector<Xapian::docid> ids_;
  std::size_t at_ = kBeforeStart;
};

}  // namespace

std::string CanonicalPartnerId(std::string id) {
  const bool country = id.size() == 2 && std::isalpha(static_cast<unsigned char>(id[0])) &&
                       std::isalpha(static_cast<unsigned char>(id[1]));
  std::transform(id.begin(), id.end(), id.begin(), [country](unsigned char c) {
    return static_cast<char>(country ? std::toupper(c) : std::tolower(c));
  });
  return id;
}

std::string BalanceHighlights(std::string_view snippet) {
  static constexpr std::string_view kOpen = "<mark>", kClose = "</mark>", kEllipsis = "…";
  std::string out;
  out.reserve(snippet.size() + kClose.size());
  bool open = false;
  for (std::size_t i = 0; i < snippet.size();) {
    if (snippet.substr(i, kOpen.size()) == kOpen) {
      if (!open) out += kOpen;
      open = true;
      i += kOpen.size();
    } else if (snippet.substr(i, kClose.size()) == kClose) {
      if (open) out += kClose;
      open = false;
      i += kClose.size();
    } else {
      out += snippet[i++];
    }
  }
  if (open) {
    const bool cut = out.ends_with(kEllipsis);
    if (cut) out.resize(out.size() - kEllipsis.size());
    out += kClose;
    if (cut) out += kEllipsis;
  }
  return out;
}

Searcher::Searcher(Xapian::Database db, const PartnerAliases& aliases)
    : db_(std::move(db)),
      expander_(db_, aliases),
      snippet_stemmer_(SnippetStemmer()) {}

Result<SearchResult> Searcher::Search(const SearchRequest& request) {
  // A writer that committed twice since we opened shows as DatabaseModifiedError, or, met in the middle of
  // rewriting a block of our old revision, as DatabaseCorruptError: read its latest revision once more (a
  // damaged index fails again).
  const auto again = [&] {
    db_.reopen();
    return SearchOnce(request);
  };
  try {
    try {
      return SearchOnce(request);
    } catch (const Xapian::DatabaseModifiedError&) {
      return again();
    } catch (const Xapian::DatabaseCorruptError&) {
      return again();
    }
  } catch (const Xapian::InvalidOperationError& e) {
    // A query Xapian cannot run as built (a bug of ours, not a broken index): this query fails, not the
    // whole batch or the server.
    return Status::Usage("the query cannot be run: " + e.get_msg());
  } catch (const Xapian::Error& e) {
    return Status::Database("search failed: " + e.get_description());
  }
}

Result<SearchResult> Searcher::SearchOnce(const SearchRequest& request) {
  Result<QueryExpander::Expanded> query = ParseQuery(db_, expander_, request);
  if (!query.ok()) return query.status();
  const auto started = std::chrono::steady_clock::now();
  const Xapian::doccount offset = static_cast<Xapian::doccount>(request.offset);
  const Xapian::doccount limit = static_cast<Xapian::doccount>(request.limit);

  // First pass: which documents match, how many, their facets, and a first ranking. Up to kExactCountLimit
  // matches are all looked at, so the total and the facet counts are exact; past it Xapian stops looking at
  // documents that cannot reach the page, and the counts are estimates.
  Xapian::Enquire enquire(db_);
  enquire.set_query(query.value().match);
  FacetSpy facets;
  enquire.add_matchspy(&facets);
  const bool rescore = !query.value().boost.empty() && offset + limit <= kRescoreWindow;
  Xapian::MSet mset = enquire.get_mset(rescore ? 0 : offset, rescore ? kRescoreWindow : limit, kExactCountLimit);
  const Xapian::doccount total = mset.get_matches_estimated();
  // Exact when Xapian knows the total and the spy saw every match (a single term's total is known from its
  // frequency without looking at the documents).
  const bool exact = mset.get_matches_lower_bound() == mset.get_matches_upper_bound() && facets.seen() >= total;

  // Second pass, over the first pass's best kRescoreWindow only: add the phrase boosts, whose position
  // checks would cost more than the whole search if run on every match.
  if (rescore && !mset.empty()) {
    std::vector<Xapian::docid> best;
    for (auto it = mset.begin(); it != mset.end(); ++it) best.push_back(*it);
    const Xapian::Query window((new DocumentList(std::move(best)))->release());  // the query owns it
    Xapian::Enquire rescored(db_);
    rescored.set_query(Xapian::Query(Xapian::Query::OP_AND_MAYBE,
                                     Xapian::Query(Xapian::Query::OP_FILTER, query.value().match, window),
                                     query.value().boost));
    mset = rescored.get_mset(offset, limit);
  } else if (rescore) {
    mset = Xapian::MSet();
  }

  SearchResult result;
  result.query = request.query;
  result.total = total;
  result.exact = exact;
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
    // differ only in which of several good passages they show. Putting every word of the text in its
    // canonical tone placement is a third of a snippet's time: only when the query needs it.
    static const Xapian::Stem none;
    hit.snippet = BalanceHighlights(mset.snippet(d.text, kSnippetBytes,
                                                 query.value().two_placements ? snippet_stemmer_ : none, 0,
                                                 "<mark>", "</mark>", "…"));
    result.hits.push_back(std::move(hit));
  }
  if (result.total == 0 && !request.query.empty()) result.suggestion = expander_.Suggest(request.query);
  result.facets = facets.Result(result.total);
  result.took_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
  return result;
}

}  // namespace dipdoc
