#include "query/server/router.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <exception>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <sstream>
#include <string_view>
#include <system_error>

#include <xapian.h>

#include "index/database.h"
#include "index/index_writer.h"
#include "index/json_writer.h"
#include "index/record_json.h"
#include "index/schema.h"
#include "index/stored_record.h"
#include "ingest/content_hash.h"
#include "ingest/embedded_data.h"
#include "ingest/utf8.h"
#include "query/commitment_table.h"
#include "query/date_filter.h"
#include "query/json_output.h"
#include "query/ledger.h"
#include "query/letter_draft.h"
#include "query/partner_names.h"
#include "query/report.h"
#include "query/searcher.h"
#include "query/statistics.h"

namespace dipdoc {
namespace {

constexpr const char* kJson = "application/json; charset=utf-8";
constexpr const char* kHtml = "text/html; charset=utf-8";
constexpr const char* kCsv = "text/csv; charset=utf-8";
constexpr const char* kText = "text/plain; charset=utf-8";
constexpr const char* kMarkdown = "text/markdown; charset=utf-8";
constexpr const char* kGetOnly = "GET, HEAD";
constexpr std::string_view kDocumentsPrefix = "/api/documents/";

// Thrown by the parameter readers below; Handle() turns it into the response it carries.
struct RequestError {
  int status;
  std::string message;
};

HttpResponse Respond(int status, std::string content_type, std::string body) {
  HttpResponse response;
  response.status = status;
  response.content_type = std::move(content_type);
  response.body = std::move(body);
  return response;
}

// Library messages name command-line options ("--from: ..."); over HTTP they are parameters ("from: ...").
std::string AsParameterNames(const std::string& message) {
  std::string out;
  for (std::size_t i = 0; i < message.size(); ++i) {
    const bool option = message.compare(i, 2, "--") == 0 && i + 2 < message.size() &&
                        std::islower(static_cast<unsigned char>(message[i + 2])) &&
                        (i == 0 || message[i - 1] == ' ' || message[i - 1] == '(');
    if (!option) {
      out += message[i];
      continue;
    }
    i += 2;
    for (; i < message.size() && (std::isalnum(static_cast<unsigned char>(message[i])) || message[i] == '-'); ++i) {
      out += message[i] == '-' ? '_' : message[i];
    }
    --i;
  }
  return out;
}

// A Status from the query layer as an HTTP answer. Usage is the client's fault; a missing or locked index is
// the server's state; anything else is internal and is logged, never shown.
HttpResponse FromStatus(const Status& status) {
  const std::string& message = status.message();
  switch (status.code()) {
    case Status::Code::kUsage:
      return ErrorResponse(400, AsParameterNames(message));
    case Status::Code::kDatabase:
      if (message.find("being written by another process") != std::string::npos) {
        return ErrorResponse(503, "the index is being written by another process");
      }
      break;
    default:
      break;
  }
  std::cerr << "dipdoc serve: " << message << '\n';
  return ErrorResponse(500, "internal error");
}

// The first value of `name`, unset when absent or empty (a form's untouched field).
std::optional<std::string> Param(const HttpRequest& request, const std::string& name) {
  const auto it = request.params.find(name);
  if (it == request.params.end() || it->second.empty()) return std::nullopt;
  return it->second;
}

std::size_t NumberParam(const HttpRequest& request, const std::string& name, std::size_t fallback, std::size_t min,
                        std::size_t max) {
  const std::optional<std::string> text = Param(request, name);
  if (!text) return fallback;
  std::size_t value = 0;
  const char* end = text->data() + text->size();
  const auto [ptr, ec] = std::from_chars(text->data(), end, value);
  if (ec != std::errc() || ptr != end) throw RequestError{400, name + ": '" + *text + "' is not a number"};
  if (value < min || value > max) {
    throw RequestError{400, name + ": must be from " + std::to_string(min) + " to " + std::to_string(max)};
  }
  return value;
}

// A parameter that must be one of `allowed`; `fallback` when unset.
std::string ChoiceParam(const HttpRequest& request, const std::string& name, const std::vector<std::string>& allowed,
                        const std::string& fallback) {
  const std::optional<std::string> value = Param(request, name);
  if (!value) return fallback;
  if (std::find(allowed.begin(), allowed.end(), *value) != allowed.end()) return *value;
  std::string list;
  for (const std::string& a : allowed) list += (list.empty() ? "" : ", ") + a;
  throw RequestError{400, name + ": must be one of " + list};
}

// A DATE parameter (YYYY, YYYY-MM or YYYY-MM-DD), checked here so that the message names it.
std::optional<std::string> DateParam(const HttpRequest& request, const std::string& name) {
  std::optional<std::string> value = Param(request, name);
  if (value && (value->size() > 10 || !MakeDateRange(value, std::nullopt).ok() || !EndOfPeriod(*value))) {
    throw RequestError{400, name + ": not a date (YYYY, YYYY-MM or YYYY-MM-DD)"};
  }
  return value;
}

// as_of as the last day of the period it names; `fallback` when unset.
std::string AsOfParam(const HttpRequest& request, const std::string& fallback) {
  const std::optional<std::string> as_of = DateParam(request, "as_of");
  return as_of ? *EndOfPeriod(*as_of) : fallback;
}

// Partner ids are country codes and slugs: letters, digits, '-' and '_'.
std::optional<std::string> PartnerParam(const HttpRequest& request) {
  std::optional<std::string> partner = Param(request, "partner");
  if (!partner) return partner;
  const bool valid = partner->size() <= 64 && std::all_of(partner->begin(), partner->end(), [](char c) {
                       return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_';
                     });
  if (!valid) throw RequestError{400, "partner: not a partner id"};
  return partner;
}

// A word-like parameter (type, kind, status) before the query layer checks its vocabulary.
std::optional<std::string> WordParam(const HttpRequest& request, const std::string& name) {
  std::optional<std::string> value = Param(request, name);
  if (value && (value->size() > 64 || !std::all_of(value->begin(), value->end(), [](char c) {
                  return std::islower(static_cast<unsigned char>(c)) || c == '_';
                }))) {
    throw RequestError{400, name + ": '" + *value + "' is not a known value"};
  }
  return value;
}

bool IsHex(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return std::isxdigit(static_cast<unsigned char>(c)); });
}

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// The index for one request's reads. Every request opens its own: Xapian::Database is not thread-safe, and a
// fresh one sees the latest commit of a concurrent upload.
Xapian::Database OpenIndex(const std::filesystem::path& db) {
  Result<Xapian::Database> opened = OpenDatabase(db);
  if (opened.ok()) return std::move(opened).value();
  std::error_code ec;
  if (!std::filesystem::exists(db / "iamglass", ec)) {
    throw RequestError{503, "no index at " + db.string() + " (ingest documents or upload one first)"};
  }
  std::cerr << "dipdoc serve: " << opened.status().message() << '\n';
  throw RequestError{500, "internal error"};
}

std::optional<std::string> StoredRecord(const Xapian::Database& db, const std::string& term) {
  const Xapian::docid id = FindDocument(db, term);
  if (id == 0) return std::nullopt;
  return db.get_document(id).get_data();
}

// The document's record in the contract's full form (the index keeps it without the copies of its text).
std::optional<std::string> FullRecord(const Xapian::Database& db, const std::string& term) {
  std::optional<std::string> stored = StoredRecord(db, term);
  if (!stored) return std::nullopt;
  Result<Record> record = UnpackRecord(*stored);
  if (!record.ok()) {
    std::cerr << "dipdoc serve: " << record.status().message() << '\n';
    throw RequestError{500, "internal error"};
  }
  return RecordToJson(record.value());
}

// `name` for a Content-Disposition header: an ASCII fallback and the UTF-8 name (RFC 6266, 5987).
std::string AttachmentHeader(const std::string& name) {
  std::string ascii;
  std::string encoded;
  for (const unsigned char c : name) {
    ascii += (c >= 0x20 && c < 0x7F && c != '"' && c != '\\') ? static_cast<char>(c) : '_';
    if (std::isalnum(c) || c == '.' || c == '-' || c == '_') {
      encoded += static_cast<char>(c);
    } else {
      static const char* kHex = "0123456789ABCDEF";
      encoded += '%';
      encoded += kHex[c >> 4];
      encoded += kHex[c & 15];
    }
  }
  return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
}

// The upload's file name reduced to something safe to create: its last path component, without control
// characters or leading dots. Empty when nothing usable is left.
std::string SanitiseName(const std::string& name) {
  std::string base = name.substr(name.find_last_of("/\\") == std::string::npos ? 0 : name.find_last_of("/\\") + 1);
  if (FindInvalidUtf8(base) || base.size() > 255) return {};
  if (std::any_of(base.begin(), base.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7F; })) {
    return {};
  }
  const std::size_t first = base.find_first_not_of(". ");
  return first == std::string::npos ? std::string() : base.substr(first);
}

std::string Canonical(const std::filesystem::path& path) {
  std::error_code ec;
  const auto canonical = std::filesystem::weakly_canonical(std::filesystem::absolute(path), ec);
  return ec ? path.string() : canonical.string();
}

}  // namespace

std::string HttpResponse::Header(const std::string& name) const {
  for (const auto& [key, value] : headers) {
    if (Lower(key) == Lower(name)) return value;
  }
  return {};
}

const std::vector<std::pair<std::string, std::string>>& SecurityHeaders() {
  static const std::vector<std::pair<std::string, std::string>> headers = {
      {"X-Content-Type-Options", "nosniff"},
      // The report's HTML has inline CSS and inline SVG; the UI fetches only from this origin.
      {"Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'"},
      {"Referrer-Policy", "no-referrer"},
  };
  return headers;
}

HttpResponse ErrorResponse(int status, const std::string& message) {
  HttpResponse response = Respond(status, kJson, ErrorToJson(message));
  response.headers = SecurityHeaders();
  return response;
}

Router::Router(RouterOptions options)
    : options_(std::move(options)), facet_tables_([db = options_.db] { return OpenIndex(db); }) {}

HttpResponse Router::Handle(const HttpRequest& request) {
  HttpResponse response;
  try {
    response = Route(request);
  } catch (const RequestError& e) {
    response = ErrorResponse(e.status, e.message);
  } catch (const Xapian::DatabaseModifiedError& e) {
    // A writer moved the index on twice during one read; the client may simply ask again.
    std::cerr << "dipdoc serve: " << request.method << ' ' << request.path << ": " << e.get_description() << '\n';
    response = ErrorResponse(503, "the index changed during the request; try again");
  } catch (const Xapian::Error& e) {
    std::cerr << "dipdoc serve: " << request.method << ' ' << request.path << ": " << e.get_description() << '\n';
    response = ErrorResponse(500, "internal error");
  } catch (const std::exception& e) {
    std::cerr << "dipdoc serve: " << request.method << ' ' << request.path << ": " << e.what() << '\n';
    response = ErrorResponse(500, "internal error");
  } catch (...) {
    std::cerr << "dipdoc serve: " << request.method << ' ' << request.path << ": unknown exception\n";
    response = ErrorResponse(500, "internal error");
  }
  for (const auto& header : SecurityHeaders()) {
    if (response.Header(header.first).empty()) response.headers.push_back(header);
  }
  return response;
}

HttpResponse Router::Route(const HttpRequest& request) {
  const std::string& path = request.path;
  // Nothing is served from disk by its URL, but a path that tries to climb is refused outright.
  if (path.find("..") != std::string::npos || path.find('\0') != std::string::npos ||
      Lower(path).find("%2e") != std::string::npos || path.empty() || path[0] != '/') {
    throw RequestError{400, "bad path"};
  }
  const bool upload = request.method == "POST" && path == "/api/documents";
  const std::size_t body_limit = upload ? options_.max_upload_bytes : options_.max_body_bytes;
  if (request.body.size() > body_limit) throw RequestError{413, "the request body is too large"};

  const bool get = request.method == "GET" || request.method == "HEAD";
  auto only_get = [&](auto&& handler) -> HttpResponse {
    if (!get) {
      HttpResponse response = ErrorResponse(405, "method not allowed");
      response.headers.emplace_back("Allow", kGetOnly);
      return response;
    }
    return handler();
  };

  if (path == "/") return only_get([] { return Respond(200, kHtml, std::string(data::kWebIndexHtml)); });
  if (path == "/app.js") {
    return only_get([] { return Respond(200, "text/javascript; charset=utf-8", std::string(data::kWebAppJs)); });
  }
  if (path == "/style.css") {
    return only_get([] { return Respond(200, "text/css; charset=utf-8", std::string(data::kWebStyleCss)); });
  }
  if (path == "/healthz") return only_get([&] { return Health(); });
  if (path == "/api/search") return only_get([&] { return Search(request); });
  if (path == "/api/commitments") return only_get([&] { return Commitments(request); });
  if (path == "/api/report") return only_get([&] { return Report(request); });
  if (path == "/api/draft") return only_get([&] { return Draft(request); });
  if (path == "/api/partners") return only_get([&] { return Partners(); });
  if (path == "/api/documents") {
    if (request.method == "POST") return Upload(request);
    HttpResponse response = ErrorResponse(405, "method not allowed");
    response.headers.emplace_back("Allow", "POST");
    return response;
  }
  if (path.starts_with(kDocumentsPrefix)) {
    std::string_view rest = std::string_view(path).substr(kDocumentsPrefix.size());
    bool file = false;
    if (rest.ends_with("/file")) {
      rest.remove_suffix(5);
      file = true;
    }
    if (rest.find('/') == std::string_view::npos) {
      // Ids are 16 hex digits; anything that is not hex never reaches the index.
      if (!IsHex(rest) || rest.size() > 64) throw RequestError{400, "doc_id: must be hexadecimal"};
      const std::string doc_id = Lower(std::string(rest));
      return only_get([&] { return file ? GetDocumentFile(doc_id) : GetDocument(doc_id); });
    }
  }
  throw RequestError{404, "no such route: " + std::string(FindInvalidUtf8(path) ? "" : path)};
}

HttpResponse Router::Health() {
  std::size_t documents = 0;
  // Healthy without an index too: the server answers and an upload will create one.
  if (Result<Xapian::Database> db = OpenDatabase(options_.db); db.ok()) documents = CollectStats(db.value()).documents;
  JsonWriter json;
  json.BeginObject().Field("ok", true).Field("documents", documents).EndObject();
  return Respond(200, kJson, json.str());
}

HttpResponse Router::Partners() {
  // Every partner the gazetteers know and every one the index holds (an id the gazetteers lost still shows).
  std::map<std::string, std::size_t> documents;
  for (const std::string& id : KnownPartnerIds()) documents.emplace(id, 0);
  if (Result<Xapian::Database> db = OpenDatabase(options_.db); db.ok()) {
    for (const auto& [id, count] : CollectStats(db.value()).by_partner) documents[id] = count;
  }
  JsonWriter json;
  json.BeginObject().Key("partners").BeginArray();
  for (const auto& [id, count] : documents) {
    json.BeginObject().Field("id", id).Field("kind", ToString(KindOf(id))).Key("names").BeginObject();
    for (const char* language : {"vi", "en", "fr"}) json.Field(language, NamesOf(id, language).name);
    json.EndObject().Field("documents", count).EndObject();
  }
  json.EndArray().EndObject();
  return Respond(200, kJson, json.str());
}

HttpResponse Router::Search(const HttpRequest& request) {
  SearchRequest search;
  search.query = Param(request, "q").value_or("");
  if (search.query.size() > options_.max_query_bytes) {
    throw RequestError{400, "q: longer than " + std::to_string(options_.max_query_bytes) + " bytes"};
  }
  search.limit = NumberParam(request, "limit", 10, 1, options_.max_limit);
  search.offset = NumberParam(request, "offset", 0, 0, options_.max_offset);
  search.partner = PartnerParam(request);
  search.doc_type = WordParam(request, "type");
  search.language = Param(request, "lang");
  if (search.language) {
    const std::string& lang = *search.language;
    const bool valid = (lang.size() == 2 || lang.size() == 3) &&
                       std::all_of(lang.begin(), lang.end(), [](char c) { return c >= 'a' && c <= 'z'; });
    if (!valid) throw RequestError{400, "lang: not an ISO 639-1 code"};
  }
  search.from = DateParam(request, "from");
  search.to = DateParam(request, "to");
  if (!MakeDateRange(search.from, search.to).ok()) throw RequestError{400, "from: after to"};

  Searcher searcher(OpenIndex(options_.db), OpenIndex(options_.db));  // two handles: two cores
  searcher.UseFacetTables(facet_tables_);
  Result<SearchResult> result = searcher.Search(search);
  if (!result.ok()) return FromStatus(result.status());
  return Respond(200, kJson, SearchResultToJson(result.value()));
}

HttpResponse Router::Commitments(const HttpRequest& request) {
  CommitmentFilter filter;
  filter.partner = PartnerParam(request);
  filter.kind = WordParam(request, "kind");
  filter.status = WordParam(request, "status");
  filter.from = DateParam(request, "from");
  filter.to = DateParam(request, "to");
  if (!MakeDateRange(filter.from, filter.to).ok()) throw RequestError{400, "from: after to"};
  const std::string format = ChoiceParam(request, "format", {"json", "csv"}, "json");
  const std::string by_partner = ChoiceParam(request, "by_partner", {"0", "1", "false", "true"}, "0");
  const bool ledger = by_partner == "1" || by_partner == "true";
  const std::string as_of = AsOfParam(request, Today());

  const Xapian::Database db = OpenIndex(options_.db);
  Result<std::vector<CommitmentRow>> rows = ListCommitments(db, filter);
  if (!rows.ok()) return FromStatus(rows.status());
  HttpResponse response;
  if (ledger) {
    const Ledger reconciled = Reconcile(rows.value(), as_of);
    response = format == "csv" ? Respond(200, kCsv, LedgerToCsv(reconciled))
                               : Respond(200, kJson, LedgerToJson(reconciled));
  } else {
    response = format == "csv" ? Respond(200, kCsv, CommitmentsToCsv(rows.value()))
                               : Respond(200, kJson, CommitmentsToJson(rows.value()));
  }
  if (format == "csv") {
    response.headers.emplace_back("Content-Disposition", AttachmentHeader(ledger ? "ledger.csv" : "commitments.csv"));
  }
  return response;
}

HttpResponse Router::Report(const HttpRequest& request) {
  const std::string format_name = ChoiceParam(request, "format", {"md", "html", "json"}, "md");
  const ReportFormat format = *ParseReportFormat(format_name);
  const std::optional<std::string> from = DateParam(request, "from");
  const std::optional<std::string> to = DateParam(request, "to");
  if (!MakeDateRange(from, to).ok()) throw RequestError{400, "from: after to"};
  // As the command line: the end of the period, else today.
  const std::string as_of = AsOfParam(request, to ? EndOfPeriod(*to).value_or(Today()) : Today());

  const Xapian::Database db = OpenIndex(options_.db);
  CommitmentFilter filter;
  filter.from = from;
  filter.to = to;
  Result<std::vector<CommitmentRow>> rows = ListCommitments(db, filter);
  if (!rows.ok()) return FromStatus(rows.status());
  const Ledger ledger = Reconcile(rows.value(), as_of);
  std::string body = RenderReport(ledger, MakeReportScope(rows.value(), from, to), format);
  const char* type = format == ReportFormat::kHtml ? kHtml : format == ReportFormat::kJson ? kJson : kMarkdown;
  return Respond(200, type, std::move(body));
}

HttpResponse Router::Draft(const HttpRequest& request) {
  const std::optional<std::string> partner = PartnerParam(request);
  if (!partner) throw RequestError{400, "partner: required"};
  DraftOptions options;
  options.language = ChoiceParam(request, "lang", {"vi", "en", "fr"}, "vi");
  options.format = ChoiceParam(request, "format", {"txt", "md"}, "txt");
  options.date = AsOfParam(request, Today());

  const Xapian::Database db = OpenIndex(options_.db);
  CommitmentFilter filter;
  filter.partner = partner;
  Result<std::vector<CommitmentRow>> rows = ListCommitments(db, filter);
  if (!rows.ok()) return FromStatus(rows.status());
  const Ledger ledger = Reconcile(rows.value(), options.date);
  const PartnerLedger* found = nullptr;
  for (const PartnerLedger& p : ledger.partners) {
    if (!p.entries.empty()) found = &p;
  }
  if (found == nullptr) throw RequestError{404, "the index holds no commitments of partner " + *partner};
  Result<std::string> letter = DraftLetter(*found, options);
  if (!letter.ok()) return FromStatus(letter.status());
  return Respond(200, options.format == "md" ? kMarkdown : kText, std::move(letter).value());
}

HttpResponse Router::GetDocument(const std::string& doc_id) {
  const Xapian::Database db = OpenIndex(options_.db);
  std::optional<std::string> record = FullRecord(db, std::string(schema::kDocId) + doc_id);
  if (!record) throw RequestError{404, "no document " + doc_id};
  return Respond(200, kJson, std::move(*record));
}

HttpResponse Router::GetDocumentFile(const std::string& doc_id) {
  const Xapian::Database db = OpenIndex(options_.db);
  const std::optional<std::string> stored = StoredRecord(db, std::string(schema::kDocId) + doc_id);
  if (!stored) throw RequestError{404, "no document " + doc_id};
  Result<Record> record = UnpackRecord(*stored);
  if (!record.ok()) return FromStatus(record.status());
  // Only a file that still holds this content: the id is the hash of the bytes, so a file changed since
  // (or an e-mail attachment's "<e-mail>#1/name", which is no file) is not served.
  for (const SourceFile& source : record.value().sources) {
    std::error_code ec;
    const std::filesystem::path path(source.path);
    if (!std::filesystem::is_regular_file(path, ec)) continue;
    const std::uintmax_t size = std::filesystem::file_size(path, ec);
    if (ec || size > options_.max_download_bytes) continue;
    std::ifstream in(path, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    if (!in || ContentId(bytes.str()) != record.value().document.doc_id) continue;
    HttpResponse response = Respond(200, "application/octet-stream", bytes.str());
    response.headers.emplace_back("Content-Disposition", AttachmentHeader(path.filename().string()));
    return response;
  }
  throw RequestError{404, "the original file of " + doc_id + " is not available"};
}

HttpResponse Router::Upload(const HttpRequest& request) {
  const std::optional<std::string> given = Param(request, "name");
  const std::string name = given ? SanitiseName(*given) : std::string();
  if (name.empty()) throw RequestError{400, "name: a file name is required"};
  const std::string doc_id = ContentId(request.body);

  std::lock_guard<std::mutex> lock(ingest_mutex_);
  // The same bytes again, under any name: the document it already is.
  if (Result<Xapian::Database> db = OpenDatabase(options_.db); db.ok()) {
    if (std::optional<std::string> record = FullRecord(db.value(), std::string(schema::kDocId) + doc_id)) {
      return Respond(200, kJson, std::move(*record));
    }
  }

  const std::filesystem::path dir = options_.db / "uploads" / doc_id;
  const std::filesystem::path file = dir / name;
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) {
    std::cerr << "dipdoc serve: cannot create " << dir.string() << ": " << ec.message() << '\n';
    throw RequestError{500, "internal error"};
  }
  auto discard = [&] {
    std::error_code ignored;
    std::filesystem::remove(file, ignored);
    std::filesystem::remove(dir, ignored);  // only when empty
  };
  {
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out.write(request.body.data(), static_cast<std::streamsize>(request.body.size()));
    out.close();
    if (!out) {
      discard();
      std::cerr << "dipdoc serve: cannot write " << file.string() << '\n';
      throw RequestError{500, "internal error"};
    }
  }

  const std::string canonical = Canonical(file);
  IngestOptions ingest = options_.ingest;
  ingest.loader.max_file_bytes = options_.max_upload_bytes;
  Result<IngestReport> report = Indexer(options_.db, ingest).Ingest({canonical});
  if (!report.ok()) {
    discard();
    return FromStatus(report.status());
  }
  if (!report.value().failed.empty()) {
    discard();
    return ErrorResponse(422, report.value().failed.front().error);
  }
  const Xapian::Database db = OpenIndex(options_.db);
  std::optional<std::string> record = FullRecord(db, schema::PathTerm(canonical));
  if (!record) {
    std::cerr << "dipdoc serve: " << canonical << " was ingested but is not in the index\n";
    throw RequestError{500, "internal error"};
  }
  return Respond(report.value().ingested > 0 ? 201 : 200, kJson, std::move(*record));
}

}  // namespace dipdoc
