#include "query/json_output.h"

#include "index/json_writer.h"
#include "index/record_json.h"

namespace dipdoc {
namespace {

void WriteRowFields(JsonWriter& json, const CommitmentRow& row) {
  WriteCommitmentFields(json, row.commitment, row.sentence);
  json.Field("doc_id", row.doc_id).Field("source", row.source).Field("date", row.date);
}

void WriteRow(JsonWriter& json, const CommitmentRow& row) {
  json.BeginObject();
  WriteRowFields(json, row);
  json.EndObject();
}

std::string CsvField(std::string_view value) {
  if (value.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(value);
  std::string out = "\"";
  for (char c : value) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + '"';
}

// One CSV record, CRLF-terminated as RFC 4180 has it.
template <std::size_t N>
void AppendCsvLine(std::string& csv, const std::string (&fields)[N]) {
  for (std::size_t i = 0; i < N; ++i) {
    if (i != 0) csv += ',';
    csv += CsvField(fields[i]);
  }
  csv += "\r\n";
}

}  // namespace

std::string IngestReportToJson(const IngestReport& report, std::optional<std::size_t> pruned) {
  JsonWriter json;
  json.BeginObject()
      .Field("ingested", report.ingested)
      .Field("unchanged", report.unchanged)
      .Field("duplicates", report.duplicates);
  if (pruned) json.Field("pruned", *pruned);
  json.Key("failed").BeginArray();
  for (const IngestFailure& f : report.failed) json.BeginObject().Field("source", f.source).Field("error", f.error).EndObject();
  json.EndArray();
  json.Field("files", report.files).Field("seconds", report.seconds).EndObject();
  return json.str();
}

namespace {

void WriteSearchResult(JsonWriter& json, const SearchResult& result) {
  json.Field("query", result.query).Field("total", result.total).Field("took_ms", result.took_ms);
  json.Key("hits").BeginArray();
  for (const SearchHit& hit : result.hits) {
    json.BeginObject()
        .Field("doc_id", hit.doc_id)
        .Field("source", hit.source)
        .Field("title", hit.title)
        .Field("date", hit.date)
        .Field("language", hit.language)
        .Field("doc_type", hit.doc_type);
    json.Key("partners").BeginArray();
    for (const std::string& p : hit.partners) json.Value(p);
    json.EndArray();
    json.Field("score", hit.score).Field("snippet", hit.snippet).EndObject();
  }
  json.EndArray();
  json.Key("facets").BeginObject();
  for (const auto& [facet, counts] : result.facets) json.Counts(facet, counts);
  json.EndObject();
  json.Field("exact", result.exact);
  if (result.suggestion) json.Field("suggestion", *result.suggestion);
}

}  // namespace

std::string SearchResultToJson(const SearchResult& result) {
  JsonWriter json;
  json.BeginObject();
  WriteSearchResult(json, result);
  json.EndObject();
  return json.str();
}

std::string BatchLineToJson(std::size_t line, const SearchResult& result) {
  JsonWriter json;
  json.BeginObject().Field("line", line);
  WriteSearchResult(json, result);
  json.EndObject();
  return json.str();
}

std::string BatchErrorToJson(std::size_t line, const std::string& query, const std::string& error) {
  JsonWriter json;
  json.BeginObject().Field("line", line).Field("query", query).Field("error", error).EndObject();
  return json.str();
}

std::string StatsToJson(const IndexStats& stats, std::uintmax_t index_bytes) {
  JsonWriter json;
  json.BeginObject()
      .Field("documents", stats.documents)
      .Counts("by_type", stats.by_type)
      .Counts("by_language", stats.by_language)
      .Counts("by_partner", stats.by_partner)
      .Field("index_bytes", index_bytes)
      .EndObject();
  return json.str();
}

std::string CommitmentsToJson(const std::vector<CommitmentRow>& rows) {
  JsonWriter json;
  json.BeginObject().Key("commitments").BeginArray();
  for (const CommitmentRow& row : rows) WriteRow(json, row);
  json.EndArray().EndObject();
  return json.str();
}

std::string CommitmentsToCsv(const std::vector<CommitmentRow>& rows) {
  std::string csv = "partner,kind,status,doses,vaccine,due,channel,cumulative,sentence,doc_id,source,date\r\n";
  for (const CommitmentRow& row : rows) {
    const Commitment& c = row.commitment;
    const std::string fields[] = {c.partner,
                                  std::string(ToString(c.kind)),
                                  std::string(ToString(c.status)),
                                  c.doses ? std::to_string(*c.doses) : "",
                                  c.vaccine.value_or(""),
                                  c.due.value_or(""),
                                  c.channel,
                                  c.cumulative ? "true" : "false",
                                  row.sentence,
                                  row.doc_id,
                                  row.source,
                                  row.date.value_or("")};
    AppendCsvLine(csv, fields);
  }
  return csv;
}

std::string LedgerToJson(const Ledger& ledger) {
  JsonWriter json;
  json.BeginObject().Field("as_of", ledger.as_of).Key("partners").BeginArray();
  for (const PartnerLedger& p : ledger.partners) {
    json.BeginObject()
        .Field("partner", p.partner)
        .Field("committed", p.committed)
        .Field("delivered", p.delivered)
        .Field("outstanding", p.outstanding)
        .Field("overdue", p.overdue);
    json.Key("conflicts").BeginArray();
    for (const std::string& conflict : p.conflicts) json.Value(conflict);
    json.EndArray().Key("commitments").BeginArray();
    for (const LedgerEntry& e : p.entries) {
      json.BeginObject();
      WriteRowFields(json, e.row);
      json.Field("id", e.id)
          .Field("role", ToString(e.role))
          .Field("counted_committed", e.committed)
          .Field("counted_delivered", e.delivered);
      if (e.role == LedgerRole::kPromise) json.Field("remaining", e.remaining).Field("overdue", e.overdue);
      json.Field("due_end", e.due_end).Key("linked").BeginArray();
      for (const std::string& id : e.linked) json.Value(id);
      json.EndArray().EndObject();
    }
    json.EndArray().EndObject();
  }
  json.EndArray().EndObject();
  return json.str();
}

std::string LedgerToCsv(const Ledger& ledger) {
  std::string csv = "partner,committed,delivered,outstanding,overdue,conflicts,as_of\r\n";
  for (const PartnerLedger& p : ledger.partners) {
    std::string conflicts;
    for (const std::string& c : p.conflicts) conflicts += (conflicts.empty() ? "" : "; ") + c;
    const std::string fields[] = {p.partner,
                                  std::to_string(p.committed),
                                  std::to_string(p.delivered),
                                  std::to_string(p.outstanding),
                                  std::to_string(p.overdue),
                                  conflicts,
                                  ledger.as_of};
    AppendCsvLine(csv, fields);
  }
  return csv;
}

std::string ErrorToJson(const std::string& message) {
  JsonWriter json;
  json.BeginObject().Field("error", message).EndObject();
  return json.str();
}

}  // namespace dipdoc
