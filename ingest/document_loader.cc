#include "ingest/document_loader.h"

#include <cstring>
#include <fstream>
#include <system_error>

#include "ingest/content_hash.h"
#include "ingest/document_date.h"
#include "ingest/document_profiler.h"
#include "ingest/html_extractor.h"
#include "ingest/page_furniture.h"
#include "ingest/text_decoder.h"
#include "ingest/utf8.h"

namespace dipdoc {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\v'; }

std::string_view Trim(std::string_view s) {
  while (!s.empty() && IsSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsSpace(s.back())) s.remove_suffix(1);
  return s;
}

// Form feeds separate pages (as in pdftotext output); a text without one is a single page.
std::vector<Page> SplitPages(std::string_view text) {
  std::vector<Page> pages;
  std::size_t start = 0;
  for (;;) {
    const std::size_t ff = text.find('\f', start);
    const std::size_t end = ff == std::string_view::npos ? text.size() : ff;
    pages.push_back(Page{static_cast<int>(pages.size()) + 1, Span{start, end}, std::nullopt});
    if (ff == std::string_view::npos) break;
    start = ff + 1;
  }
  return pages;
}

std::string ErrnoMessage(const std::error_code& ec) { return ec.message(); }

}  // namespace

DocumentLoader::DocumentLoader(LoaderOptions options) : options_(options) {}

Result<std::string> DocumentLoader::ReadFile(const std::filesystem::path& path) const {
  std::error_code ec;
  const auto status = std::filesystem::status(path, ec);
  if (ec) return Status::IoError(ErrnoMessage(ec));
  if (std::filesystem::is_directory(status)) return Status::InvalidInput("is a folder, not a file");
  if (!std::filesystem::is_regular_file(status)) return Status::InvalidInput("not a regular file");
  const std::uintmax_t size = std::filesystem::file_size(path, ec);
  if (ec) return Status::IoError(ErrnoMessage(ec));
  if (size > options_.max_file_bytes) {
    return Status::TooLarge("file is " + std::to_string(size) + " bytes, over the limit of " +
                            std::to_string(options_.max_file_bytes));
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IoError(std::string("cannot open: ") + std::strerror(errno));
  std::string bytes(static_cast<std::size_t>(size), '\0');
  in.read(bytes.data(), static_cast<std::streamsize>(size));
  bytes.resize(static_cast<std::size_t>(in.gcount()));  // the file may have shrunk since it was measured
  if (in.bad()) return Status::IoError("read error");
  return bytes;
}

Result<Document> DocumentLoader::Load(const std::filesystem::path& path, std::string_view source) const {
  Result<std::string> bytes = ReadFile(path);
  if (!bytes.ok()) return bytes.status();
  std::error_code ec;
  const std::filesystem::path canonical = std::filesystem::weakly_canonical(std::filesystem::absolute(path), ec);
  return FromBytes(bytes.value(), source, ec ? path.string() : canonical.string());
}

Result<Document> DocumentLoader::FromBytes(std::string_view bytes, std::string_view source,
                                           std::string_view path) const {
  Result<DecodedText> decoded = DecodeText(bytes);
  if (!decoded.ok()) return decoded.status();

  Document document;
  document.doc_id = ContentId(bytes);
  document.source = std::string(source);
  document.path = std::string(path);
  document.encoding = std::string(ToString(decoded.value().encoding));
  std::optional<std::string> stated_date;
  if (LooksLikeHtml(decoded.value().utf8)) {
    Result<HtmlArticle> article = ExtractHtmlArticle(decoded.value().utf8);
    if (!article.ok()) return article.status();
    document.format = "html";
    document.title = normaliser_.Normalise(article.value().title);
    while (!document.title.empty() && document.title.back() == '\n') document.title.pop_back();
    // The headline opens the text, so it is searched and seen in snippets like the rest (unless the
    // article body already starts with it).
    const std::string body = normaliser_.Normalise(article.value().text);
    document.text = body.starts_with(document.title) ? body : document.title + "\n\n" + body;
    if (article.value().published) stated_date = FindFullDate(*article.value().published);
  } else {
    document.format = "text";
    document.text = RemovePageFurniture(normaliser_.Normalise(decoded.value().utf8));
  }
  if (Trim(document.text).empty()) return Status::InvalidInput("no text (only white space or page furniture)");

  DocumentProfile profile = ProfileDocument(document.text);
  document.language = std::move(profile.language);
  document.doc_type = profile.doc_type;
  // A web page that is neither a letter nor a note is a published text.
  if (document.format == "html" && document.doc_type == DocType::kOther) document.doc_type = DocType::kPress;
  document.date = stated_date ? stated_date : std::move(profile.date);
  if (document.title.empty()) document.title = std::move(profile.title);
  document.reference = std::move(profile.reference);
  document.addressee = std::move(profile.addressee);
  document.pages = SplitPages(document.text);
  return document;
}

}  // namespace dipdoc
