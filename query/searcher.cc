#include "query/searcher.h"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <condition_variable>
#include <exception>
#include <mutex>
#include <thread>
#include <unordered_map>
#include <utility>

#include "index/ranking.h"
#include "index/record_json.h"
#include "index/schema.h"
#include "index/stored_record.h"
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

// Counts the facet values (index/schema.h kSlotFacets) of the matches it is shown: through `table` when given
// one (for the documents it covers), else by reading each match's value.
class FacetSpy : public Xapian::MatchSpy {
 public:
  explicit FacetSpy(const FacetTable* table) {
    if (table) counter_.emplace(*table);
  }

  void operator()(const Xapian::Document& doc, double /*weight*/) override {
    ++seen_;
    if (counter_ && counter_->Add(doc.get_docid())) return;
    const std::string value = doc.get_value(schema::kSlotFacets);
    const schema::FacetFields fields = schema::ParseFacetValue(value);
    Count("doc_type", fields.doc_type);
    Count("language", fields.language);
    Count("year", fields.year);
    for (std::string_view partner : fields.partners) Count("partner", partner);
  }

  std::size_t seen() const { return seen_; }

  // The counts, scaled from the documents seen to `total` when the spy saw only some of the matches.
  Facets Result(std::size_t total) const {
    Facets facets;
    for (const char* facet : {"partner", "doc_type", "language", "year"}) facets[facet];
    if (counter_) counter_->AddTo(facets, seen_, total);
    for (const auto& [facet, counts] : read_) {
      for (const auto& [value, n] : counts) facets[facet][value] += ScaledCount(n, seen_, total);
    }
    return facets;
  }

 private:
  void Count(std::string_view facet, std::string_view value) {
    if (value.empty()) return;
    auto facet_counts = read_.find(facet);  // no string made on the hot path
    if (facet_counts == read_.end()) facet_counts = read_.emplace(std::string(facet), Counts()).first;
    Counts& counts = facet_counts->second;
    const auto it = counts.find(value);
    if (it != counts.end()) {
      ++it->second;
    } else {
      counts.emplace(std::string(value), 1);
    }
  }

  using Counts = std::map<std::string, std::size_t, std::less<>>;

  std::optional<FacetTable::Counter> counter_;
  std::size_t seen_ = 0;
  // facet -> value -> count, of the documents read rather than found in the table.
  std::map<std::string, Counts, std::less<>> read_;
};

Xapian::Query Filter(std::string term) { return Xapian::Query(std::move(term)); }

// Whether every term of `query` is a boolean filter's (the fields partner:, type:, lang:, vaccine:).
bool OnlyFilters(const Xapian::Query& query) {
  static constexpr std::string_view kFilterPrefixes[] = {schema::kPartner, schema::kDocType, schema::kLanguage,
                                                         schema::kVaccine};
  bool any = false;
  for (auto it = query.get_unique_terms_begin(); it != query.get_unique_terms_end(); ++it) {
    const std::string term = *it;
    const auto filter = [&](std::string_view prefix) { return term.starts_with(prefix); };
    if (std::none_of(std::begin(kFilterPrefixes), std::end(kFilterPrefixes), filter)) return false;
    any = true;
  }
  return any;
}

// The documents of a fixed list: where the second pass of a search looks.
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

// The documents whose ids fall in [first, last], as a filter: one part's share of a search. Ids no document
// holds are harmless: the filter only ever meets the query's own matches.
class IdRange : public Xapian::PostingSource {
 public:
  IdRange(Xapian::docid first, Xapian::docid last) : first_(first), last_(last) {}
  void init(const Xapian::Database& db) override {
    at_ = 0;
    // How many documents the range holds, as Xapian's estimates need it: the ids of deleted and replaced
    // documents are never used again, so an index that has seen re-ingests has gaps among them.
    const double range = last_ - first_ + 1;
    const double share =
        db.get_lastdocid() == 0 ? 0 : static_cast<double>(db.get_doccount()) / db.get_lastdocid();
    estimate_ = std::min(static_cast<Xapian::doccount>(range * share + 0.5), db.get_doccount());
  }
  Xapian::doccount get_termfreq_min() const override { return 0; }
  Xapian::doccount get_termfreq_est() const override { return estimate_; }
  Xapian::doccount get_termfreq_max() const override { return last_ - first_ + 1; }
  void next(double /*min_wt*/) override { at_ = at_ == 0 ? first_ : at_ + 1; }
  void skip_to(Xapian::docid did, double /*min_wt*/) override { at_ = std::max({at_, did, first_}); }
  bool at_end() const override { return at_ > last_; }
  Xapian::docid get_docid() const override { return at_; }
  std::string get_description() const override {
    return "IdRange(" + std::to_string(first_) + ".." + std::to_string(last_) + ")";
  }

 private:
  Xapian::docid first_, last_;
  Xapian::docid at_ = 0;  // 0: before the first
  Xapian::doccount estimate_ = 0;
};

const Xapian::Stem kNoStem;
const Xapian::Query kNothing;

// A document of some part's ranking, for merging the parts' rankings.
struct Ranked {
  double weight;
  Xapian::docid id;
  std::size_t part;
};

// The documents of `ids`, as a query that matches them and weighs nothing.
Xapian::Query Among(std::vector<Xapian::docid> ids) {
  return Xapian::Query((new DocumentList(std::move(ids)))->release());  // the query owns it
}

// What makes a page's snippets when they show phrases: an MSet of no documents for `match` with `extra`
// beside it. MSet::snippet reads only the MSet's query (what to highlight, phrases whole) and its terms'
// weights, which Xapian sets up before it looks at any document.
Xapian::MSet Highlighter(const Xapian::Database& db, const Xapian::Weight& weight, const Xapian::Query& match,
                         const Xapian::Query& extra) {
  Xapian::Enquire enquire(db);
  enquire.set_weighting_scheme(weight);
  enquire.set_query(Xapian::Query(Xapian::Query::OP_AND_MAYBE, match, extra));
  return enquire.get_mset(0, 0);
}

// The weight `extra` gives each document of `ids` (0 where it does not match): the second pass of a search,
// which adds it to the first pass's weights of a few documents. The list leads (AND_MAYBE), so that `extra` is
// only looked up at its documents: as a filter, Xapian let an OR of long phrases lead when it estimated them
// rarer, and walked their words' postings through the whole index.
std::unordered_map<Xapian::docid, double> WeightsAmong(const Xapian::Database& db, const Xapian::Weight& weight,
                                                       const Xapian::Query& extra, std::vector<Xapian::docid> ids) {
  const auto size = static_cast<Xapian::doccount>(ids.size());
  Xapian::Enquire enquire(db);
  enquire.set_weighting_scheme(weight);
  enquire.set_query(Xapian::Query(Xapian::Query::OP_AND_MAYBE, Among(std::move(ids)), extra));
  const Xapian::MSet mset = enquire.get_mset(0, size);
  std::unordered_map<Xapian::docid, double> weights;
  for (auto it = mset.begin(); it != mset.end(); ++it) weights.emplace(*it, it.get_weight());
  return weights;
}

// The hit for a match whose stored record reads as `record`, its snippet made by `mset` (whose query says
// what to highlight).
SearchHit MakeHit(RecordSummary record, double score, const Xapian::MSet& mset, const Xapian::Stem& snippet_stemmer) {
  SearchHit hit;
  hit.doc_id = std::move(record.doc_id);
  hit.source = std::move(record.source);
  hit.title = std::move(record.title);
  hit.date = std::move(record.date);
  hit.language = std::move(record.language);
  hit.doc_type = std::move(record.doc_type);
  hit.partners = std::move(record.partners);
  hit.score = score;
  // Without SNIPPET_BACKGROUND_MODEL and SNIPPET_EXHAUSTIVE: they cost 4x the time, for snippets that
  // differ only in which of several good passages they show. Putting every word of the text in its
  // canonical tone placement (`snippet_stemmer`) is a third of a snippet's time: only when the query needs it.
  hit.snippet = BalanceHighlights(
      mset.snippet(std::string(record.text), kSnippetBytes, snippet_stemmer, 0, "<mark>", "</mark>", "…"));
  return hit;
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

Result<QueryExpander::Expanded> ParseSearchQuery(const Xapian::Database& db, const QueryExpander& expander,
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

  QueryExpander::Expanded expanded;
  expanded.match = Xapian::Query::MatchAll;
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
    // Fields alone ("type:press") are run as every document filtered by them, as the --type option is:
    // Xapian 1.4.22 throws "Unexpected end of posting list" for a lone zero-weight term once it looks at
    // more than a few hundred matches in an index with deleted documents.
    if (OnlyFilters(query)) query = Xapian::Query(Xapian::Query::OP_FILTER, Xapian::Query::MatchAll, query);
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

// Runs one task on a thread of its own while the caller runs another: the second core of a search.
class Searcher::SecondThread {
 public:
  SecondThread() : thread_([this] { Loop(); }) {}
  ~SecondThread() {
    {
      std::lock_guard lock(mutex_);
      stop_ = true;
    }
    wake_.notify_one();
    thread_.join();
  }

  // Runs `here` on the calling thread and `there` on this one, and returns when both are done, rethrowing
  // an exception either threw (the caller's first).
  void RunBoth(const std::function<void()>& here, const std::function<void()>& there) {
    {
      std::lock_guard lock(mutex_);
      task_ = &there;
      done_ = false;
      error_ = nullptr;
    }
    wake_.notify_one();
    std::exception_ptr mine;
    try {
      here();
    } catch (...) {
      mine = std::current_exception();
    }
    std::unique_lock lock(mutex_);
    finished_.wait(lock, [this] { return done_; });
    if (mine) std::rethrow_exception(mine);
    if (error_) std::rethrow_exception(error_);
  }

 private:
  void Loop() {
    std::unique_lock lock(mutex_);
    for (;;) {
      wake_.wait(lock, [this] { return stop_ || task_ != nullptr; });
      if (stop_) return;
      const std::function<void()>* task = std::exchange(task_, nullptr);
      lock.unlock();
      std::exception_ptr error;
      try {
        (*task)();
      } catch (...) {
        error = std::current_exception();
      }
      lock.lock();
      error_ = error;
      done_ = true;
      finished_.notify_one();
    }
  }

  std::mutex mutex_;
  std::condition_variable wake_, finished_;
  const std::function<void()>* task_ = nullptr;
  std::exception_ptr error_;
  bool done_ = false;
  bool stop_ = false;
  std::thread thread_;  // last: starts once the rest is built
};

// One handle's share of a search: the documents whose ids fall in [first, last], and what it found there.
struct Searcher::Part {
  Part(Xapian::Database& database, const Xapian::Stem& stemmer) : db(&database), snippet_stemmer(&stemmer) {}

  Xapian::Database* db;
  const Xapian::Stem* snippet_stemmer;
  Xapian::docid first = 1;
  Xapian::docid last = 0;  // 0: no bound, the handle searches every document
  Xapian::Query match, boost, shown;  // its own copies (a Query's reference count is not thread-safe)
  Xapian::MSet mset;           // the first pass's matches
  std::size_t total = 0;
  bool exact = true;
  Facets facets;
  std::vector<Xapian::docid> window;  // the documents of the global best it re-ranks in the second pass
  std::unordered_map<Xapian::docid, double> boosts;  // the weight the boosts add to those they match
  std::vector<Ranked> page;  // the hits of the page it builds, of either half
  std::vector<SearchHit> hits;
  std::string buffer;  // the record being read (a hit's text points into it until its snippet is made)
  Status status;

  // `query` restricted to this part's documents.
  Xapian::Query Own(const Xapian::Query& query) const {
    if (last == 0) return query;
    return Xapian::Query(Xapian::Query::OP_FILTER, query, Xapian::Query((new IdRange(first, last))->release()));
  }
};

namespace {

// Xapian's own order: by weight, ties by document id.
bool Before(const Ranked& a, const Ranked& b) { return a.weight != b.weight ? a.weight > b.weight : a.id < b.id; }

template <typename Parts>
std::vector<Ranked> Merged(const Parts& parts, std::size_t count) {
  std::vector<Ranked> all;
  for (std::size_t p = 0; p < parts.size(); ++p) {
    for (auto it = parts[p].mset.begin(); it != parts[p].mset.end(); ++it) all.push_back({it.get_weight(), *it, p});
  }
  std::sort(all.begin(), all.end(), Before);
  if (all.size() > count) all.resize(count);
  return all;
}

void AddFacets(Facets& into, const Facets& from) {
  for (const auto& [facet, counts] : from) {
    std::map<std::string, std::size_t>& sum = into[facet];
    for (const auto& [value, n] : counts) sum[value] += n;
  }
}

}  // namespace

Searcher::Searcher(Xapian::Database db, const PartnerAliases& aliases)
    : db_(std::move(db)), expander_(db_, aliases), snippet_stemmer_(SnippetStemmer()) {}

Searcher::Searcher(Xapian::Database db, Xapian::Database second, const PartnerAliases& aliases)
    : db_(std::move(db)),
      expander_(db_, aliases),
      snippet_stemmer_(SnippetStemmer()),
      second_(std::move(second)),
      second_snippet_stemmer_(SnippetStemmer()),
      thread_(std::make_unique<SecondThread>()) {
  in_step_ = second_->get_revision() == db_.get_revision() || Reopen();
}

Searcher::~Searcher() = default;

bool Searcher::Reopen() {
  db_.reopen();
  if (!second_) return true;
  // A writer committing between the two reopens leaves them a revision apart: try again.
  for (int attempt = 0; attempt < 5; ++attempt) {
    second_->reopen();
    if (second_->get_revision() == db_.get_revision()) return in_step_ = true;
    db_.reopen();
  }
  return in_step_ = false;
}

void Searcher::RunParts(std::vector<Part>& parts, const std::function<void(Part&)>& task) {
  if (parts.size() == 1) return task(parts[0]);
  thread_->RunBoth([&] { task(parts[0]); }, [&] { task(parts[1]); });
}

Result<SearchResult> Searcher::Search(const SearchRequest& request) {
  // A writer that committed twice since we opened shows as DatabaseModifiedError, or, met in the middle of
  // rewriting a block of our old revision, as DatabaseCorruptError: read its latest revision once more (a
  // damaged index fails again).
  const auto again = [&] {
    Reopen();
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
  Result<QueryExpander::Expanded> query = ParseSearchQuery(db_, expander_, request);
  if (!query.ok()) return query.status();
  // Read once per revision of the index, like the index's own tables: not part of a search's time.
  const std::shared_ptr<const FacetTable> facet_table = facet_tables_ ? facet_tables_->For(db_) : nullptr;
  const auto started = std::chrono::steady_clock::now();
  const Xapian::doccount offset = static_cast<Xapian::doccount>(request.offset);
  const Xapian::doccount limit = static_cast<Xapian::doccount>(request.limit);
  const bool rescore = !query.value().boost.empty() && offset + limit <= kRescoreWindow;
  const bool two_placements = query.value().two_placements;

  // The parts: the whole index on this thread, or each half of the document ids on a core of its own.
  std::vector<Part> parts;
  parts.emplace_back(db_, snippet_stemmer_);
  const Xapian::docid last = db_.get_lastdocid();
  if (second_ && in_step_ && last >= 2) {
    parts.emplace_back(*second_, second_snippet_stemmer_);
    parts[0].last = last / 2;
    parts[1].first = last / 2 + 1;
    parts[1].last = last;
  }
  const Ranking ranking = RankingFor(db_);
  parts[0].match = ranking.Weigh(query.value().match);
  parts[0].boost = ranking.Weigh(query.value().boost);
  parts[0].shown = query.value().shown;
  if (parts.size() == 2) {
    const auto copy = [](const Xapian::Query& q) { return q.empty() ? q : Xapian::Query::unserialise(q.serialise()); };
    parts[1].match = copy(parts[0].match);
    parts[1].boost = copy(parts[0].boost);
    parts[1].shown = copy(parts[0].shown);
  }

  // First pass: which documents match, how many, their facets, and a first ranking. Up to kExactCountLimit
  // matches are all looked at (shared between the parts), so the total and the facet counts are exact; past
  // it Xapian stops looking at documents that cannot reach the page, and the counts are estimates.
  const Xapian::doccount first_pass = rescore ? kRescoreWindow : offset + limit;
  const Xapian::doccount check = kExactCountLimit / static_cast<Xapian::doccount>(parts.size());
  RunParts(parts, [&](Part& part) {
    Xapian::Enquire enquire(*part.db);
    enquire.set_weighting_scheme(ranking.weight);
    enquire.set_query(part.Own(part.match));
    FacetSpy facets(facet_table.get());
    enquire.add_matchspy(&facets);
    part.mset = enquire.get_mset(0, first_pass, check);
    part.total = part.mset.get_matches_estimated();
    // Exact when Xapian knows the total and the spy saw every match (a single term's total is known from its
    // frequency without looking at the documents).
    part.exact = part.mset.get_matches_lower_bound() == part.mset.get_matches_upper_bound() &&
                 facets.seen() >= part.total;
    part.facets = facets.Result(part.total);
  });
  std::vector<Ranked> best = Merged(parts, first_pass);

  // Second pass, over the first pass's best kRescoreWindow only: add the phrase boosts, whose position
  // checks would cost more than the whole search if run on every match.
  if (rescore) {
    for (const Ranked& r : best) parts[r.part].window.push_back(r.id);
    RunParts(parts, [&](Part& part) {
      if (part.window.empty()) return;
      part.boosts = WeightsAmong(*part.db, ranking.weight, part.boost, std::move(part.window));
    });
    for (Ranked& r : best) {
      const auto& boosts = parts[r.part].boosts;
      if (const auto it = boosts.find(r.id); it != boosts.end()) r.weight += it->second;
    }
    std::sort(best.begin(), best.end(), Before);
    if (best.size() > offset + limit) best.resize(offset + limit);
  }

  // The page: the parts take turns at its hits, whichever half they came from (both handles read one
  // revision), reading their records and making their snippets.
  std::vector<Ranked> page(best.begin() + std::min<std::size_t>(offset, best.size()), best.end());
  for (std::size_t i = 0; i < page.size(); ++i) parts[i % parts.size()].page.push_back(page[i]);
  // Snippets highlight the words of the match, and show whole the phrases of every spelling when the query
  // has phrases, else those the boosts found. Without phrases to show, the first pass's MSet has all a snippet
  // needs: the match's words and their weights.
  RunParts(parts, [&](Part& part) {
    if (part.page.empty()) return;
    const Xapian::Query& extra = !part.shown.empty() ? part.shown : rescore ? part.boost : kNothing;
    const Xapian::MSet snippets = extra.empty() ? part.mset : Highlighter(*part.db, ranking.weight, part.match, extra);
    for (const Ranked& r : part.page) {
      Result<RecordSummary> record =
          UnpackRecordSummary(part.db->get_document(r.id, Xapian::DOC_ASSUME_VALID).get_data(), part.buffer);
      if (!record.ok()) {
        part.status = record.status();
        return;
      }
      part.hits.push_back(MakeHit(std::move(record).value(), r.weight, snippets,
                                  two_placements ? *part.snippet_stemmer : kNoStem));
    }
  });

  SearchResult result;
  result.query = request.query;
  std::vector<std::size_t> next(parts.size(), 0);
  for (const Part& part : parts) {
    if (!part.status.ok()) return part.status;
    result.total += part.total;
    result.exact = result.exact && part.exact;
    AddFacets(result.facets, part.facets);
  }
  for (std::size_t i = 0; i < page.size(); ++i) {
    const std::size_t p = i % parts.size();
    result.hits.push_back(std::move(parts[p].hits[next[p]++]));
  }
  if (result.total == 0 && !request.query.empty()) result.suggestion = expander_.Suggest(request.query);
  result.took_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
  return result;
}

}  // namespace dipdoc
