#include "query/cli/commands.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <thread>
#include <iostream>

#include "index/database.h"
#include "index/indexer.h"
#include "index/pruner.h"
#include "index/record_json.h"
#include "ingest/document_loader.h"
#include "ingest/ocr_pool.h"
#include "ingest/utf8.h"
#include "nlp/extractor.h"
#include "query/cli/terminal.h"
#include "query/json_output.h"
#include "query/ledger.h"
#include "query/statistics.h"

namespace dipdoc::cli {
namespace {

std::filesystem::path DbDir(const std::string& db) { return db.empty() ? DefaultDatabaseDir() : std::filesystem::path(db); }

int ExitFor(const Status& status) {
  switch (status.code()) {
    case Status::Code::kOk:
      return kExitOk;
    case Status::Code::kUsage:
      return kExitUsage;
    case Status::Code::kDatabase:
      return kExitDatabase;
    default:
      return kExitSomeFailed;
  }
}

// Reports a failed call on stderr (and as JSON on stdout with --json) and returns its exit status.
int Fail(const Status& status, bool json) {
  std::cerr << "dipdoc: " << status.message() << '\n';
  if (json) std::cout << ErrorToJson(status.message()) << '\n';
  return ExitFor(status);
}

std::string OrDash(const std::optional<std::string>& value) { return value.value_or("-"); }

// $XDG_CACHE_HOME/dipdoc/ocr, else ~/.cache/dipdoc/ocr: where `extract` keeps recognised pages between runs
// (an ingest keeps them in its index folder). Empty when neither is set: then nothing is kept.
std::filesystem::path UserOcrCacheDir() {
  if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg != nullptr && *xdg != '\0') {
    return std::filesystem::path(xdg) / "dipdoc" / "ocr";
  }
  if (const char* home = std::getenv("HOME"); home != nullptr && *home != '\0') {
    return std::filesystem::path(home) / ".cache" / "dipdoc" / "ocr";
  }
  return {};
}

void PrintCounts(const char* heading, const std::map<std::string, std::size_t>& counts) {
  std::cout << heading << ":";
  if (counts.empty()) std::cout << " none";
  for (const auto& [name, n] : counts) std::cout << ' ' << name << '=' << n;
  std::cout << '\n';
}

}  // namespace

int RunIngest(const IngestArgs& args) {
  IngestOptions options;
  options.jobs = args.jobs;
  options.loader.max_file_bytes = std::uintmax_t{args.max_file_mb} << 20;
  options.loader.force_ocr = args.ocr_mode == "force";
  options.ocr.languages = args.ocr_lang;
  Indexer indexer(DbDir(args.db), options);
  Result<IngestReport> report = [&] {
    ProgressBar bar("ingesting");
    if (!bar.enabled()) return indexer.Ingest(args.paths);  // no progress to show: no walk to count the files
    return indexer.Ingest(args.paths, [&bar](std::size_t done, std::size_t total, std::string_view source) {
      bar.Update(done, total, source);
    });
  }();
  if (!report.ok()) return Fail(report.status(), args.json);
  const IngestReport& r = report.value();
  for (const IngestFailure& f : r.failed) std::cerr << "dipdoc: " << f.source << ": " << f.error << '\n';
  // After the ingest, so that a file moved within the paths is first added under its new name and only then
  // loses the old one: its document is kept, never deleted and re-extracted.
  std::optional<PruneReport> pruned;
  if (args.prune) {
    Result<PruneReport> prune = Prune(DbDir(args.db), args.paths);
    if (!prune.ok()) return Fail(prune.status(), args.json);
    pruned = prune.value();
  }
  if (args.json) {
    std::cout << IngestReportToJson(r, pruned ? std::optional(pruned->deleted) : std::nullopt) << '\n';
  } else {
    std::printf("ingested %zu, unchanged %zu, duplicates %zu, failed %zu (%.2f s)\n", r.ingested, r.unchanged,
                r.duplicates, r.failed.size(), r.seconds);
    if (pruned) {
      std::printf("pruned %zu documents (every file gone), %zu gone files from documents kept\n", pruned->deleted,
                  pruned->detached);
    }
  }
  return r.failed.empty() ? kExitOk : kExitSomeFailed;
}

int RunExtract(const ExtractArgs& args) {
  OcrOptions ocr_options;
  ocr_options.languages = args.ocr_lang;
  OcrPool ocr(std::max(1u, std::thread::hardware_concurrency()), ocr_options,
              [ocr_options] { return MakeTesseractEngine(ocr_options); }, UserOcrCacheDir());
  LoaderOptions loader_options;
  loader_options.force_ocr = args.ocr_mode == "force";
  const DocumentLoader loader(loader_options, &ocr);
  Result<Document> document = loader.Load(args.file, args.file);
  if (!document.ok()) {
    const Status failed = Status::InvalidInput(args.file + ": " + document.status().message());
    return Fail(failed, args.json);
  }
  Extraction extraction = Extractor().Extract(document.value());
  const Record record = MakeRecord(std::move(document).value(), std::move(extraction));
  if (args.json) {
    std::cout << RecordToJson(record) << '\n';
    return kExitOk;
  }
  const Document& d = record.document;
  std::cout << "doc_id:    " << d.doc_id << '\n'
            << "title:     " << d.title << '\n'
            << "language:  " << OrDash(d.language) << '\n'
            << "type:      " << ToString(d.doc_type) << '\n'
            << "date:      " << OrDash(d.date) << '\n'
            << "pages:     " << d.pages.size() << '\n'
            << "text:      " << d.text.size() << " bytes\n";
  const std::string found = ToDebugString(record.extraction);
  std::cout << "extracted: " << (found.empty() ? "nothing" : found) << '\n';
  return kExitOk;
}

// `search --batch`: every line of the file is a query, run by one Searcher over one open index. A line that
// fails (bad syntax, invalid UTF-8) gets an error object and the rest go on; blank lines are skipped.
int RunSearchBatch(const SearchArgs& args, Searcher& searcher) {
  std::ifstream in(args.batch, std::ios::binary);
  if (!in) return Fail(Status::Usage("--batch: cannot read " + args.batch), true);
  SearchRequest request = args.request;
  bool some_failed = false;
  std::size_t line_number = 0;
  for (std::string line; std::getline(in, line);) {
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line_number == 1 && line.starts_with("\xEF\xBB\xBF")) line.erase(0, 3);  // a BOM from a spreadsheet
    if (line.find_first_not_of(" \t") == std::string::npos) continue;
    request.query = line;
    Result<SearchResult> result = searcher.Search(request);
    if (result.ok()) {
      std::cout << BatchLineToJson(line_number, result.value()) << '\n';
      continue;
    }
    if (result.status().code() == Status::Code::kDatabase) return Fail(result.status(), true);
    some_failed = true;
    const std::string shown = FindInvalidUtf8(line) ? std::string() : line;
    std::cout << BatchErrorToJson(line_number, shown, result.status().message()) << '\n';
    std::cerr << "dipdoc: " << args.batch << ":" << line_number << ": " << result.status().message() << '\n';
  }
  std::cout.flush();
  return some_failed ? kExitSomeFailed : kExitOk;
}

int RunSearch(const SearchArgs& args) {
  // Two handles on the index: a search runs on two cores.
  Result<Xapian::Database> db = OpenDatabase(DbDir(args.db));
  if (!db.ok()) return Fail(db.status(), args.json || !args.batch.empty());
  Result<Xapian::Database> second = OpenDatabase(DbDir(args.db));
  if (!second.ok()) return Fail(second.status(), args.json || !args.batch.empty());
  FacetTableCache facet_tables;  // before the searcher, which may refer to it
  Searcher searcher(std::move(db).value(), std::move(second).value());
  if (!args.batch.empty()) {
    searcher.UseFacetTables(facet_tables);  // many searches: worth reading the facets of every document once
    return RunSearchBatch(args, searcher);
  }
  Result<SearchResult> result = searcher.Search(args.request);
  if (!result.ok()) return Fail(result.status(), args.json);
  const SearchResult& r = result.value();
  if (args.json) {
    std::cout << SearchResultToJson(r) << '\n';
    return kExitOk;
  }
  std::printf("%zu result%s (%.1f ms)\n", r.total, r.total == 1 ? "" : "s", r.took_ms);
  if (r.suggestion) std::cout << "did you mean: " << *r.suggestion << '\n';
  const bool bold = StdoutIsTerminal();
  std::size_t rank = args.request.offset;
  for (const SearchHit& hit : r.hits) {
    std::cout << '\n' << ++rank << ". " << hit.title << '\n'
              << "   " << hit.source << " | " << OrDash(hit.date) << " | " << hit.doc_type << " | "
              << OrDash(hit.language) << '\n'
              << "   " << SnippetForTerminal(hit.snippet, bold) << '\n';
  }
  return kExitOk;
}

namespace {

void PrintLedger(const Ledger& ledger, bool entries) {
  std::printf("as of %s\n", ledger.as_of.c_str());
  std::printf("%-14s  %14s  %14s  %14s  %14s\n", "partner", "committed", "delivered", "outstanding", "overdue");
  for (const PartnerLedger& p : ledger.partners) {
    std::printf("%-14s  %14s  %14s  %14s  %14s\n", p.partner.c_str(), GroupedDoses(p.committed).c_str(),
                GroupedDoses(p.delivered).c_str(), GroupedDoses(p.outstanding).c_str(), GroupedDoses(p.overdue).c_str());
  }
  for (const PartnerLedger& p : ledger.partners) {
    if (entries) {
      std::printf("\n%s:\n", p.partner.c_str());
      for (const LedgerEntry& e : p.entries) {
        const Commitment& c = e.row.commitment;
        std::string what = std::string(ToString(e.role));
        if (e.role == LedgerRole::kPromise && e.remaining > 0) what += ", " + GroupedDoses(e.remaining) + " open";
        if (e.overdue > 0) what += ", overdue";
        std::printf("  %-10s  %-12s  %-9s  %12s  %-12s  %-10s  %s\n    %s\n", OrDash(e.row.date).c_str(),
                    std::string(ToString(c.kind)).c_str(), std::string(ToString(c.status)).c_str(),
                    c.doses ? GroupedDoses(*c.doses).c_str() : "?", OrDash(c.vaccine).c_str(), OrDash(c.due).c_str(),
                    what.c_str(), e.row.source.c_str());
      }
    }
    for (const std::string& conflict : p.conflicts) std::printf("! %s: %s\n", p.partner.c_str(), conflict.c_str());
  }
}

}  // namespace

int RunCommitments(const CommitmentsArgs& args) {
  std::string as_of = Today();
  if (args.as_of) {
    const std::optional<std::string> end = EndOfPeriod(*args.as_of);
    if (!end) return Fail(Status::Usage("--as-of: not a date (YYYY, YYYY-MM or YYYY-MM-DD): " + *args.as_of), args.json);
    as_of = *end;
  }
  Result<Xapian::Database> db = OpenDatabase(DbDir(args.db));
  if (!db.ok()) return Fail(db.status(), args.json);
  Result<std::vector<CommitmentRow>> rows = ListCommitments(db.value(), args.filter);
  if (!rows.ok()) return Fail(rows.status(), args.json);
  const char* bom = args.bom ? "\xEF\xBB\xBF" : "";
  if (args.by_partner) {
    const Ledger ledger = Reconcile(rows.value(), as_of);
    if (args.json) {
      std::cout << LedgerToJson(ledger) << '\n';
    } else if (args.csv) {
      std::cout << bom << LedgerToCsv(ledger);
    } else {
      PrintLedger(ledger, args.filter.partner.has_value());
    }
    return kExitOk;
  }
  if (args.json) {
    std::cout << CommitmentsToJson(rows.value()) << '\n';
  } else if (args.csv) {
    std::cout << bom << CommitmentsToCsv(rows.value());
  } else {
    std::printf("%-10s  %-12s  %-10s  %-9s  %12s  %-12s  %-10s  %s\n", "date", "partner", "kind", "status", "doses",
                "vaccine", "due", "source");
    for (const CommitmentRow& row : rows.value()) {
      const Commitment& c = row.commitment;
      std::printf("%-10s  %-12s  %-10s  %-9s  %12s  %-12s  %-10s  %s\n", OrDash(row.date).c_str(),
                  c.partner.c_str(), std::string(ToString(c.kind)).c_str(), std::string(ToString(c.status)).c_str(),
                  c.doses ? std::to_string(*c.doses).c_str() : "?", OrDash(c.vaccine).c_str(), OrDash(c.due).c_str(),
                  row.source.c_str());
    }
    std::printf("%zu commitment%s\n", rows.value().size(), rows.value().size() == 1 ? "" : "s");
  }
  return kExitOk;
}

int RunStats(const StatsArgs& args) {
  const std::filesystem::path dir = DbDir(args.db);
  Result<Xapian::Database> db = OpenDatabase(dir);
  if (!db.ok()) return Fail(db.status(), args.json);
  IndexStats stats;
  try {
    stats = CollectStats(db.value());
  } catch (const Xapian::Error& e) {
    return Fail(Status::Database("reading the index failed: " + e.get_description()), args.json);
  }
  const std::uintmax_t bytes = DatabaseBytes(dir);
  if (args.json) {
    std::cout << StatsToJson(stats, bytes) << '\n';
    return kExitOk;
  }
  std::cout << "documents: " << stats.documents << '\n';
  PrintCounts("by type", stats.by_type);
  PrintCounts("by language", stats.by_language);
  PrintCounts("by partner", stats.by_partner);
  std::printf("index size: %.1f KiB\n", static_cast<double>(bytes) / 1024.0);
  return kExitOk;
}

}  // namespace dipdoc::cli
