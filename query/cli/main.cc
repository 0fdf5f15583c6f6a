// dipdoc: the command line. Parses arguments with CLI11 and hands them to one function per subcommand
// (commands.h). The surface is the contract's (../shared/contract/README.md): extend it, never break it.

#include <CLI/CLI.hpp>

#include <iostream>
#include <optional>
#include <string>

#include "query/cli/commands.h"

namespace {

using dipdoc::cli::kExitOk;
using dipdoc::cli::kExitUsage;

// A string option that is absent unless given.
CLI::Option* AddOptional(CLI::App* app, const std::string& name, std::optional<std::string>& target,
                         const std::string& help) {
  return app->add_option_function<std::string>(
      name, [&target](const std::string& value) { target = value; }, help);
}

void AddDb(CLI::App* app, std::string& db) {
  app->add_option("--db", db, "index folder (default: $DIPDOC_DB, else ./dipdoc-db)");
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"dipdoc: search and track the commitments in diplomatic correspondence"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "dipdoc 0.1.0");

  dipdoc::cli::IngestArgs ingest;
  CLI::App* ingest_cmd = app.add_subcommand("ingest", "ingest files and folders (recursively) into the index");
  AddDb(ingest_cmd, ingest.db);
  ingest_cmd->add_flag("--json", ingest.json, "print one JSON report on stdout");
  ingest_cmd
      ->add_option("--jobs,-j", ingest.jobs, "threads preparing documents, the writer among them (default: one per core)")
      ->check(CLI::Range(1u, 256u));
  ingest_cmd->add_option("--max-file-mb", ingest.max_file_mb, "refuse files larger than this, unread (default 32)")
      ->check(CLI::Range(1u, 4096u));
  ingest_cmd->add_option("--ocr-lang", ingest.ocr_lang,
                         "Tesseract languages, '+'-joined; pages read as Vietnamese are read again without eng")
      ->capture_default_str();
  ingest_cmd->add_option("--ocr", ingest.ocr_mode, "auto: OCR pages without text (default); force: every page")
      ->check(CLI::IsMember({"auto", "force"}));
  ingest_cmd->add_flag("--prune", ingest.prune,
                       "then remove from the index the files under PATHs that no longer exist on disk");
  ingest_cmd->add_option("paths", ingest.paths, "files and folders")->required();

  dipdoc::cli::ExtractArgs extract;
  CLI::App* extract_cmd = app.add_subcommand("extract", "print one file's record; nothing is indexed");
  extract_cmd->add_flag("--json", extract.json, "print the record as JSON");
  extract_cmd->add_option("--ocr-lang", extract.ocr_lang,
                         "Tesseract languages, '+'-joined; pages read as Vietnamese are read again without eng")
      ->capture_default_str();
  extract_cmd->add_option("--ocr", extract.ocr_mode, "auto: OCR pages without text (default); force: every page")
      ->check(CLI::IsMember({"auto", "force"}));
  extract_cmd->add_option("file", extract.file, "the file")->required();

  dipdoc::cli::SearchArgs search;
  CLI::App* search_cmd = app.add_subcommand("search", "ranked search with snippets and facets");
  AddDb(search_cmd, search.db);
  search_cmd->add_flag("--json", search.json, "print one JSON document on stdout");
  search_cmd->add_option("--limit", search.request.limit, "hits to return (1-1000, default 10)")
      ->check(CLI::Range(1, 1000));
  search_cmd->add_option("--offset", search.request.offset, "hits to skip (default 0)")
      ->check(CLI::Range(0, 1000000));
  AddOptional(search_cmd, "--partner", search.request.partner, "only documents naming this partner id");
  AddOptional(search_cmd, "--type", search.request.doc_type, "letter, call_note, press or other");
  AddOptional(search_cmd, "--lang", search.request.language, "ISO 639-1 language code");
  AddOptional(search_cmd, "--from", search.request.from, "documents dated on or after YYYY[-MM[-DD]]");
  AddOptional(search_cmd, "--to", search.request.to, "documents dated on or before YYYY[-MM[-DD]]");
  CLI::Option* query_arg = search_cmd->add_option("query", search.request.query,
                                                  "words, \"phrases\", AND/OR/NOT, partner:ID, type:T, ...");
  CLI::Option* batch_opt = search_cmd->add_option(
      "--batch", search.batch, "run every line of this file as a query; print one JSON object per line");
  batch_opt->check(CLI::ExistingFile)->excludes(query_arg);

  dipdoc::cli::CommitmentsArgs commitments;
  CLI::App* commitments_cmd = app.add_subcommand("commitments", "the commitments table, each row with its source");
  AddDb(commitments_cmd, commitments.db);
  CLI::Option* json_flag = commitments_cmd->add_flag("--json", commitments.json, "print JSON");
  CLI::Option* csv_flag = commitments_cmd->add_flag("--csv", commitments.csv, "print CSV");
  csv_flag->excludes(json_flag);
  commitments_cmd->add_flag("--bom", commitments.bom, "start the CSV with a UTF-8 byte order mark (for spreadsheets)")
      ->needs(csv_flag);
  CLI::Option* by_partner_flag = commitments_cmd->add_flag(
      "--by-partner", commitments.by_partner, "per partner: doses committed, delivered, outstanding and overdue");
  AddOptional(commitments_cmd, "--as-of", commitments.as_of, "with --by-partner: overdue on YYYY[-MM[-DD]] (default: today)")
      ->needs(by_partner_flag);
  AddOptional(commitments_cmd, "--partner", commitments.filter.partner, "partner id");
  AddOptional(commitments_cmd, "--kind", commitments.filter.kind, "donation, purchase, delivery, loan, ...")
      ->excludes(by_partner_flag);
  AddOptional(commitments_cmd, "--status", commitments.filter.status, "pledged, signed, delivered or requested")
      ->excludes(by_partner_flag);
  AddOptional(commitments_cmd, "--from", commitments.filter.from, "documents dated on or after YYYY[-MM[-DD]]");
  AddOptional(commitments_cmd, "--to", commitments.filter.to, "documents dated on or before YYYY[-MM[-DD]]");

  dipdoc::cli::StatsArgs stats;
  CLI::App* stats_cmd = app.add_subcommand("stats", "counts: documents, by type, language, partner; index size");
  AddDb(stats_cmd, stats.db);
  stats_cmd->add_flag("--json", stats.json, "print JSON");

  dipdoc::cli::DraftArgs draft;
  CLI::App* draft_cmd = app.add_subcommand("draft", "a follow-up letter to one partner, citing its earlier commitments");
  AddDb(draft_cmd, draft.db);
  draft_cmd->add_option("--partner", draft.partner, "partner id")->required();
  draft_cmd->add_option("--lang", draft.lang, "vi, en or fr")->check(CLI::IsMember({"vi", "en", "fr"}));
  draft_cmd->add_option("--format", draft.format, "txt or md")->check(CLI::IsMember({"txt", "md"}));
  AddOptional(draft_cmd, "--as-of", draft.as_of, "what is overdue on YYYY[-MM[-DD]] (default: today)");

  dipdoc::cli::ReportArgs report;
  CLI::App* report_cmd = app.add_subcommand("report", "the after-action report");
  AddDb(report_cmd, report.db);
  AddOptional(report_cmd, "--from", report.from, "documents dated on or after YYYY[-MM[-DD]]");
  AddOptional(report_cmd, "--to", report.to, "documents dated on or before YYYY[-MM[-DD]]");
  report_cmd->add_option("--format", report.format, "md, html or json")->check(CLI::IsMember({"md", "html", "json"}));
  report_cmd->add_option("-o,--output", report.output, "write to this file instead of stdout");
  AddOptional(report_cmd, "--as-of", report.as_of, "what is overdue on YYYY[-MM[-DD]] (default: the end of the period)");

  dipdoc::cli::ServeArgs serve;
  CLI::App* serve_cmd = app.add_subcommand("serve", "HTTP API and web UI");
  AddDb(serve_cmd, serve.db);
  serve_cmd->add_option("--host", serve.host, "address to listen on (default 127.0.0.1: this machine only)");
  serve_cmd->add_option("--port", serve.port, "port (default 8080)")->check(CLI::Range(1, 65535));

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // Help and --version exit 0; every other parse error is a wrong call.
    return app.exit(e) == 0 ? kExitOk : kExitUsage;
  }

  try {
    if (*ingest_cmd) return dipdoc::cli::RunIngest(ingest);
    if (*extract_cmd) return dipdoc::cli::RunExtract(extract);
    if (*search_cmd) {
      if (query_arg->count() == 0 && search.batch.empty()) {
        std::cerr << "dipdoc search: give a QUERY or --batch FILE\n";
        return kExitUsage;
      }
      return dipdoc::cli::RunSearch(search);
    }
    if (*commitments_cmd) return dipdoc::cli::RunCommitments(commitments);
    if (*stats_cmd) return dipdoc::cli::RunStats(stats);
    if (*draft_cmd) return dipdoc::cli::RunDraft(draft);
    if (*report_cmd) return dipdoc::cli::RunReport(report);
    if (*serve_cmd) return dipdoc::cli::RunServe(serve);
  } catch (const std::exception& e) {
    // Every expected failure is a Status; reaching here is a bug, reported without a crash.
    std::cerr << "dipdoc: internal error: " << e.what() << '\n';
    return 70;
  }
  return kExitUsage;
}
