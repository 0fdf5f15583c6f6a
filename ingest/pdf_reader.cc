#include "ingest/pdf_reader.h"

#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-image.h>
#include <poppler-page-renderer.h>
#include <poppler-page.h>

#include <algorithm>
#include <cmath>

namespace dipdoc {
namespace {

// A rendered page this large or larger is rendered at a lower resolution instead (a poster-sized page).
constexpr double kMaxRenderPixels = 60e6;
// A page is blank when fewer than 1 pixel in kBlankRatio is darker than kInkLevel, at a preview
// resolution cheap enough that a file of blank pages costs little.
constexpr std::uint8_t kInkLevel = 200;
constexpr std::size_t kBlankRatio = 2000;
constexpr double kPreviewDpi = 36;

// Poppler reports syntax errors of damaged files on stderr; dipdoc reports them as statuses instead.
void Silence(const std::string&, void*) {}

void SilencePopplerOnce() {
  static const bool silenced = [] {
    poppler::set_debug_error_function(Silence, nullptr);
    return true;
  }();
  (void)silenced;
}

bool HasText(const std::string& text) {
  return std::any_of(text.begin(), text.end(), [](unsigned char c) { return c > ' '; });
}

bool IsBlank(const PageImage& image) {
  std::size_t ink = 0;
  for (std::uint8_t p : image.gray) ink += p < kInkLevel;
  return ink * kBlankRatio < image.gray.size();
}

// The page as gray pixels at `dpi`.
Result<PageImage> Render(const poppler::page& page, double dpi, std::size_t index) {
  poppler::page_renderer renderer;
  renderer.set_render_hints(poppler::page_renderer::antialiasing | poppler::page_renderer::text_antialiasing);
  renderer.set_image_format(poppler::image::format_gray8);
  const poppler::image rendered = renderer.render_page(&page, dpi, dpi);
  if (!rendered.is_valid() || rendered.width() <= 0 || rendered.height() <= 0) {
    return Status::InvalidInput("damaged PDF (page " + std::to_string(index + 1) + " cannot be rendered)");
  }
  PageImage image;
  image.width = rendered.width();
  image.height = rendered.height();
  image.dpi = static_cast<int>(std::lround(dpi));
  image.gray.resize(static_cast<std::size_t>(image.width) * static_cast<std::size_t>(image.height));
  for (int y = 0; y < image.height; ++y) {
    const char* row = rendered.const_data() + static_cast<std::ptrdiff_t>(y) * rendered.bytes_per_row();
    std::copy(row, row + image.width, image.gray.begin() + static_cast<std::ptrdiff_t>(y) * image.width);
  }
  return image;
}

}  // namespace

PdfFile::PdfFile(std::unique_ptr<poppler::document> document, PdfOptions options, std::size_t pages)
    : document_(std::move(document)), options_(options), pages_(pages) {}
PdfFile::PdfFile(PdfFile&&) noexcept = default;
PdfFile& PdfFile::operator=(PdfFile&&) noexcept = default;
PdfFile::~PdfFile() = default;

Result<PdfFile> PdfFile::Open(std::string_view bytes, const PdfOptions& options) {
  SilencePopplerOnce();
  std::unique_ptr<poppler::document> document(
      poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
  if (!document) return Status::InvalidInput("damaged PDF (poppler cannot parse it)");
  if (document->is_locked()) return Status::InvalidInput("password-protected PDF");
  const int pages = document->pages();
  if (pages < 0) return Status::InvalidInput("damaged PDF (no page tree)");
  if (static_cast<std::size_t>(pages) > options.max_pages) {
    return Status::TooLarge("PDF has " + std::to_string(pages) + " pages, over the limit of " +
                            std::to_string(options.max_pages));
  }
  return PdfFile(std::move(document), options, static_cast<std::size_t>(pages));
}

Result<PdfPage> PdfFile::ReadPage(std::size_t index) const {
  std::unique_ptr<poppler::page> page(document_->create_page(static_cast<int>(index)));
  if (!page) return Status::InvalidInput("damaged PDF (page " + std::to_string(index + 1) + " cannot be read)");
  PdfPage out;
  const std::vector<char> utf8 = page->text().to_utf8();
  out.text.assign(utf8.begin(), utf8.end());
  if (HasText(out.text) && !options_.force_ocr) return out;

  // A scan (or --ocr force): a blank page is left alone; any other is rendered, at a lower resolution if
  // the page is huge.
  Result<PageImage> preview = Render(*page, kPreviewDpi, index);
  if (!preview.ok()) return preview.status();
  if (IsBlank(preview.value())) return out;
  const poppler::rectf box = page->page_rect();  // in points, 72 per inch
  double dpi = options_.render_dpi;
  const double pixels = box.width() / 72.0 * dpi * box.height() / 72.0 * dpi;
  if (pixels > kMaxRenderPixels) dpi *= std::sqrt(kMaxRenderPixels / pixels);
  Result<PageImage> image = Render(*page, dpi, index);
  if (!image.ok()) return image.status();
  out.image = std::move(image).value();
  return out;
}

}  // namespace dipdoc
