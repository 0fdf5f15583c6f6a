// The Tesseract engine behind OcrEngine: the only file that includes Tesseract.
//
// Preprocessing (OcrOptions::preprocess), in this order:
//   1. background normalisation (pixBackgroundNormSimple): flattens shadows and grey paper;
//   2. deskew (pixFindSkewAndDeskew), only when Leptonica is confident of the angle;
//   3. upscaling to 300 dpi below 250 dpi (pixScaleGrayLI), the resolution Tesseract's models expect;
//   4. a 3 x 3 median filter, only on noisy pages (many mid-grey pixels once the background is white): it
//      takes out gaussian and salt-and-pepper noise; on clean pages it changes nothing but costs time;
//   5. Sauvola binarisation (a local threshold), which also keeps the grain of a blank page from being read
//      as text (Tesseract's global Otsu threshold turned one such page into 90 s of garbage);
//   6. removal of isolated specks: small components far from anything letter-sized, so diacritics (which
//      sit next to their letter) survive.
// Measured on tests/data/scans/hard.jpg (150 dpi, skewed 2.5 degrees, binding shadow, blur, gaussian and
// salt-and-pepper noise), character error rate with `vie`: 52% raw, 0.5% with every step. Leaving one step
// out: background 1.7%, deskew 1.5%, upscaling 1.5%, median 1.2%, Sauvola 48%, speck removal 2.2%.
// Deskew and upscaling alone made it worse (nothing recognised), as did binarising without removing noise
// (40%). On the clean 300 dpi page every variant reads 0%.

#include <dlfcn.h>

#include <leptonica/allheaders.h>
#include <tesseract/baseapi.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <exception>
#include <iterator>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "ingest/language_identifier.h"
#include "ingest/ocr_engine.h"

namespace dipdoc {
namespace {

struct PixDeleter {
  void operator()(PIX* pix) const { pixDestroy(&pix); }
};
using PixPtr = std::unique_ptr<PIX, PixDeleter>;

constexpr int kTargetDpi = 300;
// Pages below this are scaled up to kTargetDpi.
constexpr int kUpscaleBelowDpi = 250;
// A page whose resolution is unknown is taken to be kTargetDpi when its shorter side is at least this long
// (an A4 or Letter page at 300 dpi is 2480 or 2550 pixels wide); smaller pages are left to Tesseract's
// estimate from the height of their letters.
constexpr int kAssumeTargetDpiFromSide = 2000;
// Upscaling stops short of pages this large (an A3 page at 300 dpi is 17 million pixels).
constexpr double kMaxScaledPixels = 64.0 * 1024 * 1024;
// A page is noisy when more than this fraction of its pixels is mid-grey once its background is white
// (clean renders: 0.2%; the hard test scan: 9.6%).
constexpr double kNoisyMidGreyFraction = 0.02;

// Process-wide set-up, once, before the first TessBaseAPI.
void SetUpTesseractOnce() {
  static const bool done = [] {
    // Tesseract's OpenMP threads spin on 2 cores (a page took 14-20 s instead of 2 s). The variable only
    // works if it is set before libgomp loads (then it is read at load time), so Recognise also turns
    // nested OpenMP regions off for its own thread (KeepOpenMpToOneThread).
    setenv("OMP_THREAD_LIMIT", "1", 0);
    setMsgSeverity(L_SEVERITY_NONE);
    // Tesseract's messages ("Estimating resolution as ...", "Empty page!!", "Error opening data file")
    // go to this global file; failures are reported through Status instead.
    tesseract::TessBaseAPI api;
    api.SetVariable("debug_file", "/dev/null");
    return true;
  }();
  (void)done;
}

// libgomp reads OMP_THREAD_LIMIT when it is loaded, which is before main because libtesseract needs it,
// so setenv comes too late. Its `omp_set_max_active_levels(0)` makes every parallel region started by the
// calling thread run on that thread alone. It is looked up at run time because dipdoc does not link
// OpenMP itself; without libgomp in the process there is nothing to turn off.
void KeepOpenMpToOneThread() {
  using SetMaxActiveLevels = void (*)(int);
  static const SetMaxActiveLevels set_max_active_levels =
      reinterpret_cast<SetMaxActiveLevels>(dlsym(RTLD_DEFAULT, "omp_set_max_active_levels"));
  if (set_max_active_levels != nullptr) set_max_active_levels(0);
}

std::vector<std::string> SplitLanguages(const std::string& languages) {
  std::vector<std::string> parts;
  std::string part;
  for (char c : languages + '+') {
    if (c != '+') {
      part += c;
    } else if (!part.empty()) {
      parts.push_back(part);
      part.clear();
    }
  }
  return parts;
}

bool IsLanguageName(const std::string& name) {
  return !name.empty() && std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  });
}

Status MissingModel(const std::string& language) {
  std::string package = "tesseract-ocr-" + language;
  for (char& c : package) {
    if (c == '_') c = '-';
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return Status::InvalidInput("OCR language model '" + language + "' is not installed (install " + package + ")");
}

PixPtr ToPix(const PageImage& page) {
  PixPtr pix(pixCreate(page.width, page.height, 8));
  if (pix == nullptr) return pix;
  l_uint32* data = pixGetData(pix.get());
  const l_int32 wpl = pixGetWpl(pix.get());
  const std::uint8_t* in = page.gray.data();
  for (int y = 0; y < page.height; ++y) {
    l_uint32* line = data + static_cast<std::ptrdiff_t>(y) * wpl;
    for (int x = 0; x < page.width; ++x) SET_DATA_BYTE(line, x, *in++);
  }
  if (page.dpi > 0) pixSetResolution(pix.get(), page.dpi, page.dpi);
  return pix;
}

// Replaces `pix` by `next` when a step succeeded; a step that fails (tiny pages, say) is skipped.
void Keep(PixPtr& pix, PIX* next) {
  if (next != nullptr && next != pix.get()) pix.reset(next);
}

double MidGreyFraction(PIX* gray) {
  std::unique_ptr<NUMA, void (*)(NUMA*)> histogram(pixGetGrayHistogram(gray, 2), [](NUMA* n) { numaDestroy(&n); });
  if (histogram == nullptr) return 0;
  double total = 0;
  double mid = 0;
  for (l_int32 i = 0; i < numaGetCount(histogram.get()); ++i) {
    l_float32 count = 0;
    numaGetFValue(histogram.get(), i, &count);
    total += count;
    if (i >= 60 && i <= 160) mid += count;
  }
  return total > 0 ? mid / total : 0;
}

// The page cleaned for recognition (see the top of the file); `dpi` is updated when the page is scaled.
PixPtr Preprocess(PixPtr pix, int& dpi) {
  Keep(pix, pixBackgroundNormSimple(pix.get(), nullptr, nullptr));

  l_float32 angle = 0;
  l_float32 confidence = 0;
  PIX* deskewed = pixFindSkewAndDeskew(pix.get(), 2, &angle, &confidence);
  if (deskewed == pix.get()) {
    pixDestroy(&deskewed);  // a clone: no skew found
  } else {
    Keep(pix, deskewed);
  }

  const double pixels = static_cast<double>(pixGetWidth(pix.get())) * pixGetHeight(pix.get());
  if (dpi > 0 && dpi < kUpscaleBelowDpi) {
    const double scale = std::min({static_cast<double>(kTargetDpi) / dpi, std::sqrt(kMaxScaledPixels / pixels), 4.0});
    if (scale > 1.1) {
      Keep(pix, pixScaleGrayLI(pix.get(), static_cast<l_float32>(scale), static_cast<l_float32>(scale)));
      dpi = static_cast<int>(std::lround(dpi * scale));
    }
  }

  if (MidGreyFraction(pix.get()) > kNoisyMidGreyFraction) Keep(pix, pixMedianFilter(pix.get(), 3, 3));

  const int effective_dpi = dpi > 0 ? dpi : kTargetDpi;
  PIX* binary = nullptr;
  const int half_window = std::max(8, effective_dpi / 20);  // 15 pixels at 300 dpi
  if (pixSauvolaBinarize(pix.get(), half_window, 0.34f, 1, nullptr, nullptr, nullptr, &binary) == 0) {
    Keep(pix, binary);
  } else {
    pixDestroy(&binary);
  }

  if (pixGetDepth(pix.get()) == 1) {
    // Specks: whatever lies farther than a diacritic's distance from any letter-sized component.
    const int letter = std::max(3, effective_dpi / 50);
    const int reach = (effective_dpi / 14) | 1;
    l_int32 changed = 0;
    PixPtr letters(pixSelectBySize(pix.get(), letter, letter, 8, L_SELECT_IF_EITHER, L_SELECT_IF_GTE, &changed));
    if (letters != nullptr) {
      PixPtr near_letters(pixDilateBrick(nullptr, letters.get(), reach, reach));
      if (near_letters != nullptr) Keep(pix, pixAnd(nullptr, pix.get(), near_letters.get()));
    }
  }
  return pix;
}

// Whether a line of the page is written in capitals with no mark on any letter ("KT. BO TRUONG"): what the
// English model makes of Vietnamese capitals. A Vietnamese page read right has its capitals marked ("BỘ
// NGOẠI GIAO"), and is not read again. Two capital words at least, so "VT, LT" or "COVID" alone do not count.
bool HasBareCapitalLine(std::string_view text) {
  while (!text.empty()) {
    const std::size_t newline = text.find('\n');
    const std::string_view line = text.substr(0, newline);
    text.remove_prefix(newline == std::string_view::npos ? text.size() : newline + 1);
    int capital_words = 0;
    bool bare = true;
    std::size_t word_length = 0;
    for (std::size_t i = 0; i <= line.size() && bare; ++i) {
      const char c = i < line.size() ? line[i] : ' ';
      if (c >= 'A' && c <= 'Z') {
        ++word_length;
        continue;
      }
      if ((c >= 'a' && c <= 'z') || static_cast<unsigned char>(c) >= 0x80) bare = false;
      if (word_length >= 2) ++capital_words;
      word_length = 0;
    }
    if (bare && capital_words >= 2) return true;
  }
  return false;
}

// `languages` loaded into `api`, every one of them, or the first that is missing. Tesseract fails only when
// the first language is missing and silently drops the others, so the loaded set is checked.
Status LoadModels(tesseract::TessBaseAPI& api, const std::vector<std::string>& languages) {
  std::string joined;
  for (const std::string& language : languages) joined += (joined.empty() ? "" : "+") + language;
  if (api.Init(nullptr, joined.c_str(), tesseract::OEM_LSTM_ONLY) != 0) return MissingModel(languages[0]);
  std::vector<std::string> loaded;
  api.GetLoadedLanguagesAsVector(&loaded);
  for (const std::string& language : languages) {
    if (std::find(loaded.begin(), loaded.end(), language) == loaded.end()) return MissingModel(language);
  }
  api.SetPageSegMode(tesseract::PSM_AUTO);
  return Status::Ok();
}

class TesseractEngine : public OcrEngine {
 public:
  explicit TesseractEngine(OcrOptions options) : options_(std::move(options)) {}
  ~TesseractEngine() override {
    api_.End();
    if (vietnamese_api_ != nullptr) vietnamese_api_->End();
  }

  Status Init() {
    const std::vector<std::string> wanted = SplitLanguages(options_.languages);
    if (wanted.empty()) return Status::Usage("no OCR language given");
    for (const std::string& language : wanted) {
      if (!IsLanguageName(language)) return Status::Usage("'" + language + "' is not an OCR language name");
    }
    if (Status status = LoadModels(api_, wanted); !status.ok()) return status;

    const auto has = [&wanted](const char* language) {
      return std::find(wanted.begin(), wanted.end(), language) != wanted.end();
    };
    if (options_.reread_vietnamese && has("vie") && has("eng")) {
      std::vector<std::string> without_english;
      std::copy_if(wanted.begin(), wanted.end(), std::back_inserter(without_english),
                   [](const std::string& language) { return language != "eng"; });
      vietnamese_api_ = std::make_unique<tesseract::TessBaseAPI>();
      if (Status status = LoadModels(*vietnamese_api_, without_english); !status.ok()) return status;
    }
    return Status::Ok();
  }

  Result<OcrPage> Recognise(const PageImage& page) override {
    if (page.width <= 0 || page.height <= 0 ||
        page.gray.size() != static_cast<std::size_t>(page.width) * static_cast<std::size_t>(page.height)) {
      return Status::InvalidInput("page image is malformed (" + std::to_string(page.width) + " x " +
                                  std::to_string(page.height) + " pixels, " + std::to_string(page.gray.size()) +
                                  " bytes)");
    }
    try {
      return RecogniseOrThrow(page);
    } catch (const std::exception& e) {
      api_.Clear();
      if (vietnamese_api_ != nullptr) vietnamese_api_->Clear();
      return Status::InvalidInput(std::string("OCR failed: ") + e.what());
    }
  }

 private:
  Result<OcrPage> RecogniseOrThrow(const PageImage& page) {
    PixPtr pix = ToPix(page);
    if (pix == nullptr) return Status::InvalidInput("OCR failed: out of memory for the page image");
    int dpi = page.dpi;
    if (dpi == 0 && std::min(page.width, page.height) >= kAssumeTargetDpiFromSide) dpi = kTargetDpi;
    if (options_.preprocess) {
      pix = Preprocess(std::move(pix), dpi);
      l_int32 empty = 0;
      if (pixGetDepth(pix.get()) == 1 && pixZero(pix.get(), &empty) == 0 && empty) return OcrPage{};
    }

    KeepOpenMpToOneThread();
    Result<OcrPage> result = RecogniseWith(api_, pix.get(), dpi);
    if (result.ok() && vietnamese_api_ != nullptr && HasBareCapitalLine(result.value().text) &&
        IdentifyLanguage(result.value().text) == "vi") {
      return RecogniseWith(*vietnamese_api_, pix.get(), dpi);
    }
    return result;
  }

  static Result<OcrPage> RecogniseWith(tesseract::TessBaseAPI& api, PIX* pix, int dpi) {
    api.SetImage(pix);
    if (dpi > 0) api.SetSourceResolution(dpi);
    std::unique_ptr<char[]> text(api.GetUTF8Text());
    if (text == nullptr) {
      api.Clear();
      return Status::InvalidInput("OCR failed: Tesseract could not recognise the page");
    }
    OcrPage result;
    result.text = text.get();
    if (result.text.find_first_not_of(" \t\n\f") == std::string::npos) {
      result.text.clear();  // a blank page
    } else {
      result.mean_confidence = api.MeanTextConf() / 100.0;
    }
    api.Clear();  // frees the page's image and results; the models stay loaded
    return result;
  }

  OcrOptions options_;
  tesseract::TessBaseAPI api_;
  std::unique_ptr<tesseract::TessBaseAPI> vietnamese_api_;  // set when options_.reread_vietnamese applies
};

}  // namespace

Result<std::unique_ptr<OcrEngine>> MakeTesseractEngine(const OcrOptions& options) {
  SetUpTesseractOnce();
  auto engine = std::make_unique<TesseractEngine>(options);
  try {
    if (Status status = engine->Init(); !status.ok()) return status;
  } catch (const std::exception& e) {
    return Status::InvalidInput(std::string("OCR engine failed to start: ") + e.what());
  }
  return std::unique_ptr<OcrEngine>(std::move(engine));
}

}  // namespace dipdoc
