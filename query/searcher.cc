#include "query/searcher.h"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <condition_variable>
#include <exception>
#include <mutex>
#include <thread>
#include <utility>

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

// The documents whose ids fall in [first, last], as a filter: one part's share of a search. Ids no document
// holds are harmless: the filter only ever meets the query's own matches.
class IdRange : public Xapian::PostingSource {
 public:
  IdRange(Xapian::docid first, Xapian::docid last) : first_(first), last_(last) {}
  void init(const Xapian::Database& /*db*/) override { at_ = 0; }
  Xapian::doccount get_termfreq_min() const override { return 0; }
  Xapian::doccount get_termfreq_est() const override { return last_ - first_ + 1; }
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
};

const Xapian::Stem kNoStem;

// Every document of `ids` that `match` finds, ranked with `extra` added: the later passes of a search, which
// look at a few documents only.
Xapian::MSet RankAmong(const Xapian::Database& db, const Xapian::Query& match, const Xapian::Query& extra,
                       std::vector<Xapian::docid> ids) {
  const auto size = static_cast<Xapian::doccount>(ids.size());
  const Xapian::Query among((new DocumentList(std::move(ids)))->release());  // the query owns it
  Xapian::Enquire enquire(db);
  enquire.set_query(Xapian::Query(Xapian::Query::OP_AND_MAYBE, Xapian::Query(Xapian::Query::OP_FILTER, match, among),
                                  extra));
  return enquire.get_mset(0, size);
}

// The hit for a match whose stored record is `record`, its snippet made by `mset` (whose query says what
// to highlight).
SearchHit MakeHit(const Record& record, double score, const Xapian::MSet& mset, const Xapian::Stem& snippet_stemmer) {
  const Document& d = record.document;
  SearchHit hit;
  hit.doc_id = d.doc_id;
  hit.source = d.source;
  hit.title = d.title;
  hit.date = d.date;
  hit.language = d.language;
  hit.doc_type = std::string(ToString(d.doc_type));
  for (const PartnerMention& p : record.extraction.partners) hit.partners.push_back(p.id);
  hit.score = score;
  // Without SNIPPET_BACKGROUND_MODEL and SNIPPET_EXHAUSTIVE: they cost 4x the time, for snippets that
  // differ only in which of several good passages they show. Putting every word of the text in its
  // canonical tone placement (`snippet_stemmer`) is a third of a snippet's time: only when the query needs it.
  hit.snippet = BalanceHighlights(mset.snippet(d.text, kSnippetBytes, snippet_stemmer, 0, "<mark>", "</mark>", "…"));
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
  Xapian::MSet mset;           // the first pass's matches, then the second pass's
  std::size_t total = 0;
  bool exact = true;
  Facets facets;
  std::vector<Xapian::docid> window;   // the documents of the global best it re-ranks in the second pass
  std::vector<Xapian::doccount> page;  // ranks in `mset` of the page's hits it builds
  std::vector<SearchHit> hits;
  Status status;

  // `query` restricted to this part's documents.
  Xapian::Query Own(const Xapian::Query& query) const {
    if (last == 0) return query;
    return Xapian::Query(Xapian::Query::OP_FILTER, query, Xapian::Query((new IdRange(first, last))->release()));
  }
};

namespace {

// A document of some part's ranking, for merging the parts' rankings.
struct Ranked {
  double weight;
  Xapian::docid id;
  std::size_t part;
  Xapian::doccount rank;  // in that part's MSet
};

// Xapian's own order: by weight, ties by document id.
bool Before(const Ranked& a, const Ranked& b) { return a.weight != b.weight ? a.weight > b.weight : a.id < b.id; }

template <typename Parts>
std::vector<Ranked> Merged(const Parts& parts, std::size_t count) {
  std::vector<Ranked> all;
  for (std::size_t p = 0; p < parts.size(); ++p) {
    Xapian::doccount rank = 0;
    for (auto it = parts[p].mset.begin(); it != parts[p].mset.end(); ++it) {
      all.push_back({it.get_weight(), *it, p, rank++});
    }
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
  Result<QueryExpander::Expanded> query = ParseQuery(db_, expander_, request);
  if (!query.ok()) return query.status();
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
  parts[0].match = query.value().match;
  parts[0].boost = query.value().boost;
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
    enquire.set_query(part.Own(part.match));
    FacetSpy facets;
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
      if (part.window.empty()) {
        part.mset = Xapian::MSet();
        return;
      }
      part.mset = RankAmong(*part.db, part.match, part.boost, std::move(part.window));
    });
    best = Merged(parts, offset + limit);
  }

  // The page: each part reads the records and makes the snippets of its own hits.
  std::vector<Ranked> page(best.begin() + std::min<std::size_t>(offset, best.size()), best.end());
  for (const Ranked& r : page) parts[r.part].page.push_back(r.rank);
  RunParts(parts, [&](Part& part) {
    if (part.page.empty()) return;
    // Snippets show the phrases of every spelling whole: a pass over the page's documents alone checks them.
    Xapian::MSet snippets = part.mset;
    if (!part.shown.empty()) {
      std::vector<Xapian::docid> ids;
      for (const Xapian::doccount rank : part.page) ids.push_back(*part.mset[rank]);
      snippets = RankAmong(*part.db, part.match, part.shown, std::move(ids));
    }
    for (const Xapian::doccount rank : part.page) {
      const Xapian::MSetIterator it = part.mset[rank];
      Result<Record> record = RecordFromJson(it.get_document().get_data());
      if (!record.ok()) {
        part.status = record.status();
        return;
      }
      part.hits.push_back(
          MakeHit(record.value(), it.get_weight(), snippets, two_placements ? *part.snippet_stemmer : kNoStem));
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
  for (const Ranked& r : page) result.hits.push_back(std::move(parts[r.part].hits[next[r.part]++]));
  if (result.total == 0 && !request.query.empty()) result.suggestion = expander_.Suggest(request.query);
  result.took_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
  return result;
}

}  // namespace dipdoc
