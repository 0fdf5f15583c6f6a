#include "query/json_output.h"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "index/record_json.h"

namespace dipdoc {
namespace {

class Json {
 public:
  Json() : writer_(buffer_) {}
  JsonWriter& w() { return writer_; }
  Json& Key(std::string_view key) {
    writer_.Key(key.data(), static_cast<rapidjson::SizeType>(key.size()));
    return *this;
  }
  Json& String(std::string_view value) {
    writer_.String(value.data(), static_cast<rapidjson::SizeType>(value.size()));
    return *this;
  }
  Json& Counts(const std::map<std::string, std::size_t>& counts) {
    writer_.StartObject();
    for (const auto& [name, count] : counts) {
      Key(name);
      writer_.Uint64(count);
    }
    writer_.EndObject();
    return *this;
  }
  std::string str() const { return std::string(buffer_.GetString(), buffer_.GetSize()); }

 private:
  rapidjson::StringBuffer buffer_;
  JsonWriter writer_;
};

void WriteRow(Json& json, const CommitmentRow& row) {
  JsonWriter& w = json.w();
  w.StartObject();
  WriteCommitmentFields(w, row.commitment, row.sentence);
  json.Key("doc_id").String(row.doc_id);
  json.Key("source").String(row.source);
  json.Key("date");
  WriteOptional(w, row.date);
  w.EndObject();
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

}  // namespace

std::string IngestReportToJson(const IngestReport& report) {
  Json json;
  JsonWriter& w = json.w();
  w.StartObject();
  json.Key("ingested");
  w.Uint64(report.ingested);
  json.Key("unchanged");
  w.Uint64(report.unchanged);
  json.Key("duplicates");
  w.Uint64(report.duplicates);
  json.Key("failed");
  w.StartArray();
  for (const IngestFailure& f : report.failed) {
    w.StartObject();
    json.Key("source").String(f.source);
    json.Key("error").String(f.error);
    w.EndObject();
  }
  w.EndArray();
  json.Key("files");
  w.Uint64(report.files);
  json.Key("seconds");
  w.Double(report.seconds);
  w.EndObject();
  return json.str();
}

std::string SearchResultToJson(const SearchResult& result) {
  Json json;
  JsonWriter& w = json.w();
  w.StartObject();
  json.Key("query").String(result.query);
  json.Key("total");
  w.Uint64(result.total);
  json.Key("took_ms");
  w.Double(result.took_ms);
  json.Key("hits");
  w.StartArray();
  for (const SearchHit& hit : result.hits) {
    w.StartObject();
    json.Key("doc_id").String(hit.doc_id);
    json.Key("source").String(hit.source);
    json.Key("title").String(hit.title);
    json.Key("date");
    WriteOptional(w, hit.date);
    json.Key("language");
    WriteOptional(w, hit.language);
    json.Key("doc_type").String(hit.doc_type);
    json.Key("partners");
    w.StartArray();
    for (const std::string& p : hit.partners) json.String(p);
    w.EndArray();
    json.Key("score");
    w.Double(hit.score);
    json.Key("snippet").String(hit.snippet);
    w.EndObject();
  }
  w.EndArray();
  json.Key("facets");
  w.StartObject();
  for (const auto& [facet, counts] : result.facets) json.Key(facet).Counts(counts);
  w.EndObject();
  w.EndObject();
  return json.str();
}

std::string StatsToJson(const IndexStats& stats, std::uintmax_t index_bytes) {
  Json json;
  JsonWriter& w = json.w();
  w.StartObject();
  json.Key("documents");
  w.Uint64(stats.documents);
  json.Key("by_type").Counts(stats.by_type);
  json.Key("by_language").Counts(stats.by_language);
  json.Key("by_partner").Counts(stats.by_partner);
  json.Key("index_bytes");
  w.Uint64(index_bytes);
  w.EndObject();
  return json.str();
}

std::string CommitmentsToJson(const std::vector<CommitmentRow>& rows) {
  Json json;
  JsonWriter& w = json.w();
  w.StartObject();
  json.Key("commitments");
  w.StartArray();
  for (const CommitmentRow& row : rows) WriteRow(json, row);
  w.EndArray();
  w.EndObject();
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
    const char* separator = "";
    for (const std::string& field : fields) {
      csv += separator;
      csv += CsvField(field);
      separator = ",";
    }
    csv += "\r\n";
  }
  return csv;
}

std::string ErrorToJson(const std::string& message) {
  Json json;
  json.w().StartObject();
  json.Key("error").String(message);
  json.w().EndObject();
  return json.str();
}

}  // namespace dipdoc
