#include "ingest/document_loader.h"

#include <cstring>
#include <fstream>
#include <numeric>
#include <system_error>

#include "ingest/content_hash.h"
#include "ingest/document_date.h"
#include "ingest/document_profiler.h"
#include "ingest/email_reader.h"
#include "ingest/file_kind.h"
#include "ingest/html_extractor.h"
#include "ingest/image_reader.h"
#include "ingest/line_wraps.h"
#include "ingest/office_reader.h"
#include "ingest/page_furniture.h"
#include "ingest/pdf_reader.h"
#include "ingest/text_decoder.h"
#include "ingest/utf8.h"

namespace dipdoc {
namespace {

// PDF pages are rendered and recognised this many at a time, so a long scan holds few pages in memory.
constexpr std::size_t kPdfBatchPages = 8;

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

Status NoOcr() { return Status::InvalidInput("a scan, and OCR is not available here"); }

}  // namespace

DocumentLoader::DocumentLoader(LoaderOptions options, OcrPool* ocr) : options_(options), ocr_(ocr) {}

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
  Result<LoadedFile> loaded = LoadFile(bytes, source, path);
  if (!loaded.ok()) return loaded.status();
  return std::move(loaded.value().document);
}

Result<LoadedFile> DocumentLoader::LoadFile(std::string_view bytes, std::string_view source,
                                            std::string_view path) const {
  if (bytes.empty()) return Status::InvalidInput("file is empty");
  std::string mime;
  const FileKind kind = SniffFileKind(bytes, &mime);
  if (kind == FileKind::kEmail) return EmailDocument(bytes, source, path);

  Result<Document> document = Status::InvalidInput(
      mime == "application/zip" ? "not a document: a zip archive that is neither DOCX nor ODT, or is damaged"
                                : "unsupported file type (" + mime + ")");
  switch (kind) {
    case FileKind::kText:
    case FileKind::kHtml:
      document = TextDocument(bytes);
      break;
    case FileKind::kPdf:
      document = PdfDocument(bytes);
      break;
    case FileKind::kImage:
      document = ImageDocument(bytes);
      break;
    case FileKind::kDocx:
    case FileKind::kOdt:
      document = OfficeDocument(bytes, kind == FileKind::kOdt);
      break;
    case FileKind::kEmail:
    case FileKind::kOtherBinary:
      break;
  }
  if (!document.ok()) return document.status();
  Document& d = document.value();
  if (Trim(d.text).empty()) return Status::InvalidInput("no text (only white space or page furniture)");
  // A web page's paragraphs are whole lines already; scans, PDFs and plain text may be wrapped.
  if (d.format != "html") JoinWrappedLines(d.text);
  d.doc_id = ContentId(bytes);
  d.source = std::string(source);
  d.path = std::string(path);
  if (d.format.empty()) d.format = std::string(ToString(kind));
  Profile(d);
  return LoadedFile{std::move(d), {}};
}

Result<Document> DocumentLoader::TextDocument(std::string_view bytes) const {
  Result<DecodedText> decoded = DecodeText(bytes);
  if (!decoded.ok()) return decoded.status();
  Document document;
  document.encoding = std::string(ToString(decoded.value().encoding));
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
    if (article.value().published) document.date = FindFullDate(*article.value().published);
  } else {
    document.format = "text";
    document.text = RemovePageFurniture(normaliser_.Normalise(decoded.value().utf8));
  }
  document.pages = SplitPages(document.text);
  return document;
}

void DocumentLoader::SetPages(Document& document, const std::vector<std::string>& pages,
                              const std::vector<std::optional<double>>& confidence) const {
  document.text.clear();
  document.pages.clear();
  double confidence_sum = 0;
  int ocr_pages = 0;
  for (std::size_t i = 0; i < pages.size(); ++i) {
    if (i > 0) document.text += '\f';
    const std::size_t start = document.text.size();
    document.text += normaliser_.Normalise(pages[i]);
    document.pages.push_back(Page{static_cast<int>(i) + 1, Span{start, document.text.size()}, confidence[i]});
    if (confidence[i]) {
      confidence_sum += *confidence[i];
      ++ocr_pages;
    }
  }
  if (ocr_pages > 0) document.ocr = OcrSummary{ocr_pages, confidence_sum / ocr_pages};
}

Result<Document> DocumentLoader::ImageDocument(std::string_view bytes) const {
  Result<std::vector<PageImage>> images = ReadImages(bytes);
  if (!images.ok()) return images.status();
  if (ocr_ == nullptr) return NoOcr();
  Result<std::vector<OcrPage>> recognised = ocr_->Recognise(images.value());
  if (!recognised.ok()) return recognised.status();
  std::vector<std::string> texts;
  std::vector<std::optional<double>> confidence;
  for (const OcrPage& page : recognised.value()) {
    texts.push_back(page.text);
    confidence.push_back(page.mean_confidence);
  }
  Document document;
  document.format = "image";
  SetPages(document, texts, confidence);
  return document;
}

Result<Document> DocumentLoader::PdfDocument(std::string_view bytes) const {
  PdfOptions pdf_options;
  pdf_options.force_ocr = options_.force_ocr;
  Result<PdfFile> pdf = PdfFile::Open(bytes, pdf_options);
  if (!pdf.ok()) return pdf.status();
  const std::size_t n = pdf.value().pages();
  std::vector<std::string> texts(n);
  std::vector<std::optional<double>> confidence(n);
  for (std::size_t first = 0; first < n; first += kPdfBatchPages) {
    std::vector<PageImage> scans;
    std::vector<std::size_t> scan_pages;
    for (std::size_t i = first; i < std::min(n, first + kPdfBatchPages); ++i) {
      Result<PdfPage> page = pdf.value().ReadPage(i);
      if (!page.ok()) return page.status();
      texts[i] = std::move(page.value().text);
      if (page.value().image) {
        scans.push_back(std::move(*page.value().image));
        scan_pages.push_back(i);
      }
    }
    if (scans.empty()) continue;
    if (ocr_ == nullptr) return NoOcr();
    Result<std::vector<OcrPage>> recognised = ocr_->Recognise(scans);
    if (!recognised.ok()) return recognised.status();
    for (std::size_t k = 0; k < scan_pages.size(); ++k) {
      texts[scan_pages[k]] = std::move(recognised.value()[k].text);
      confidence[scan_pages[k]] = recognised.value()[k].mean_confidence;
    }
  }
  Document document;
  document.format = "pdf";
  SetPages(document, texts, confidence);
  return document;
}

Result<Document> DocumentLoader::OfficeDocument(std::string_view bytes, bool odt) const {
  Result<OfficeText> office = odt ? ReadOdt(bytes) : ReadDocx(bytes);
  if (!office.ok()) return office.status();
  Document document;
  document.format = odt ? "odt" : "docx";
  document.text = normaliser_.Normalise(office.value().text);
  document.pages = SplitPages(document.text);
  return document;
}

Result<LoadedFile> DocumentLoader::EmailDocument(std::string_view bytes, std::string_view source,
                                                 std::string_view path) const {
  Result<Email> email = ReadEmail(bytes);
  if (!email.ok()) return email.status();
  const Email& e = email.value();
  LoadedFile loaded;
  Document& d = loaded.document;
  d.doc_id = ContentId(bytes);
  d.source = std::string(source);
  d.path = std::string(path);
  d.format = "email";
  d.encoding = "utf-8";
  d.title = e.subject;
  d.date = e.date;
  std::string body = e.body;
  if (e.body_is_html) {
    Result<HtmlArticle> article = ExtractHtmlArticle(e.body);
    body = article.ok() ? article.value().text : std::string();
  }
  std::string text = "From: " + e.from + "\nTo: " + e.to + "\n";
  if (!e.cc.empty()) text += "Cc: " + e.cc + "\n";
  if (e.date) text += "Date: " + *e.date + "\n";
  text += "Subject: " + e.subject + "\n\n" + body;
  d.text = normaliser_.Normalise(text);
  JoinWrappedLines(d.text);  // mail is often wrapped at 72 characters
  d.pages = SplitPages(d.text);
  Profile(d);

  // Each attachment is a document of its own, found again by "<e-mail path>#<n>/<name>".
  for (std::size_t i = 0; i < e.attachments.size(); ++i) {
    const EmailAttachment& a = e.attachments[i];
    const std::string suffix = "#" + std::to_string(i + 1) + "/" + a.file_name;
    Result<LoadedFile> attachment = LoadFile(a.bytes, std::string(source) + suffix, std::string(path) + suffix);
    if (attachment.ok()) {
      attachment.value().document.parent_id = d.doc_id;
      d.attachment_ids.push_back(attachment.value().document.doc_id);
      loaded.attachments.push_back({a.file_name, std::move(attachment.value().document)});
    } else {
      loaded.attachments.push_back({a.file_name, attachment.status()});
    }
  }
  return loaded;
}

void DocumentLoader::Profile(Document& document) const {
  DocumentProfile profile = ProfileDocument(document.text);
  document.language = std::move(profile.language);
  document.doc_type = profile.doc_type;
  // A web page or an e-mail that is neither a letter nor a note is a published text or correspondence.
  if (document.doc_type == DocType::kOther && document.format == "html") document.doc_type = DocType::kPress;
  if (!document.date) document.date = std::move(profile.date);
  if (document.title.empty()) document.title = std::move(profile.title);
  document.reference = std::move(profile.reference);
  document.addressee = std::move(profile.addressee);
}

}  // namespace dipdoc
