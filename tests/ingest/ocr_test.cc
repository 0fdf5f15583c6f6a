// Image decoding, Tesseract and the OCR pool, on scans rendered from the corpus by
// tests/data/scans/make_scans.py (run once per test process into a temporary folder).

#include <unistd.h>

#include <catch2/catch.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <random>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "ingest/image_reader.h"
#include "ingest/ocr_engine.h"
#include "ingest/ocr_pool.h"
#include "ingest/text_normaliser.h"
#include "test_util.h"

namespace dipdoc {
namespace {

namespace fs = std::filesystem;
using testing::ShellQuote;
using testing::TempDir;

// ---- Fixtures ----------------------------------------------------------------------------------------

// The first python3 on PATH (then /usr/bin/python3) that has Pillow.
std::optional<std::string> PythonWithPillow() {
  std::vector<std::string> candidates;
  std::istringstream path(std::getenv("PATH") != nullptr ? std::getenv("PATH") : "");
  for (std::string dir; std::getline(path, dir, ':');) {
    if (!dir.empty()) candidates.push_back(dir + "/python3");
  }
  candidates.push_back("/usr/bin/python3");
  for (const std::string& python : candidates) {
    if (access(python.c_str(), X_OK) != 0) continue;
    if (std::system((ShellQuote(python) + " -c 'import PIL' >/dev/null 2>&1").c_str()) == 0) return python;
  }
  return std::nullopt;
}

// The rendered scans, or nullptr (with a WARN) when Python with Pillow or the fonts are missing.
const fs::path* Scans() {
  struct Rendered {
    Rendered() {
      const std::optional<std::string> python = PythonWithPillow();
      if (!python) return;
      const fs::path script = fs::path(DIPDOC_SOURCE_DIR) / "tests" / "data" / "scans" / "make_scans.py";
      ok = std::system((ShellQuote(*python) + " " + ShellQuote(script.string()) + " " +
                        ShellQuote(dir.path().string())).c_str()) == 0;
    }
    TempDir dir;
    bool ok = false;
  };
  static const Rendered rendered;
  if (!rendered.ok) {
    WARN("skipped: tests/data/scans/make_scans.py could not run (python3 with Pillow and fonts-dejavu-core needed)");
    return nullptr;
  }
  return &rendered.dir.path();
}

std::string ReadFile(const fs::path& file) { return testing::ReadFileBytes(file); }

std::vector<PageImage> Read(const fs::path& file) {
  Result<std::vector<PageImage>> pages = ReadImages(ReadFile(file));
  INFO(file << ": " << (pages.ok() ? std::string() : pages.status().message()));
  REQUIRE(pages.ok());
  return std::move(pages).value();
}

// ---- Character error rate ----------------------------------------------------------------------------

std::u32string CodePoints(const std::string& utf8) {  // REQUIRES: well-formed UTF-8
  std::u32string out;
  for (std::size_t i = 0; i < utf8.size();) {
    const auto byte = static_cast<unsigned char>(utf8[i]);
    const int length = byte < 0x80 ? 1 : byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4;
    char32_t c = length == 1 ? byte : byte & (0x3F >> (length - 1));
    for (int k = 1; k < length && i + k < utf8.size(); ++k) c = (c << 6) | (utf8[i + k] & 0x3F);
    out += c;
    i += length;
  }
  return out;
}

// NFC and the normaliser's other rules, then every run of white space (line breaks too) as one space.
std::u32string Canonical(const std::string& text) {
  static const TextNormaliser normaliser;
  std::u32string out;
  for (char32_t c : CodePoints(normaliser.Normalise(text))) {
    const bool space = c == U' ' || c == U'\n' || c == U'\t';
    if (space && (out.empty() || out.back() == U' ')) continue;
    out += space ? U' ' : c;
  }
  while (!out.empty() && out.back() == U' ') out.pop_back();
  return out;
}

// Levenshtein distance over code points, divided by the expected length.
double CharacterErrorRate(const std::string& expected, const std::string& actual) {
  const std::u32string a = Canonical(expected);
  const std::u32string b = Canonical(actual);
  std::vector<std::size_t> previous(b.size() + 1);
  std::vector<std::size_t> current(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) previous[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    current[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      current[j] = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] != b[j - 1] ? 1 : 0)});
    }
    std::swap(previous, current);
  }
  return static_cast<double>(previous[b.size()]) / static_cast<double>(std::max<std::size_t>(a.size(), 1));
}

TEST_CASE("character error rate counts edits per expected character", "[ocr]") {
  CHECK(CharacterErrorRate("Hà Nội", "Hà  Nội\n") == 0);
  CHECK(CharacterErrorRate("Ha\xCC\x80 No\xCC\x82\xCC\xA3i", "Hà Nội") == 0);  // NFD against NFC
  CHECK(CharacterErrorRate("abcd", "abed") == Approx(0.25));
  CHECK(CharacterErrorRate("Hòa", "Hoa") == Approx(1.0 / 3));
  CHECK(CharacterErrorRate("", "") == 0);
}

// ---- Engines -----------------------------------------------------------------------------------------

std::unique_ptr<OcrEngine> Tesseract(const std::string& languages, bool preprocess = true) {
  Result<std::unique_ptr<OcrEngine>> engine = MakeTesseractEngine(OcrOptions{languages, preprocess});
  INFO((engine.ok() ? std::string() : engine.status().message()));
  REQUIRE(engine.ok());
  return std::move(engine).value();
}

struct Timed {
  OcrPage page;
  double seconds = 0;
};

Timed RecogniseTimed(OcrEngine& engine, const PageImage& image) {
  const auto start = std::chrono::steady_clock::now();
  Result<OcrPage> page = engine.Recognise(image);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  INFO((page.ok() ? std::string() : page.status().message()));
  REQUIRE(page.ok());
  return Timed{std::move(page).value(), seconds};
}

// A page the fake engine can tell apart from the others: `id` is its dpi and its pixel values.
PageImage FakePage(int id) {
  PageImage page;
  page.width = 4;
  page.height = 4;
  page.dpi = id;
  page.gray.assign(16, static_cast<std::uint8_t>(id % 256));
  return page;
}

// Reads a FakePage back as "page <id>"; fails on the ids in `failing`. Counts how often it is made and on
// which threads.
struct FakeFactory {
  struct Engine : OcrEngine {
    explicit Engine(const FakeFactory* factory) : factory(factory) {}
    Result<OcrPage> Recognise(const PageImage& page) override {
      std::this_thread::sleep_for(std::chrono::milliseconds(2));  // lets every worker take pages
      for (int id : factory->failing) {
        if (page.dpi == id) return Status::InvalidInput("page " + std::to_string(id) + " is unreadable");
      }
      return OcrPage{"page " + std::to_string(page.dpi), 0.5};
    }
    const FakeFactory* factory;
  };

  OcrPool::EngineFactory Make() {
    return [this]() -> Result<std::unique_ptr<OcrEngine>> {
      std::lock_guard<std::mutex> lock(mutex);
      ++made_on[std::this_thread::get_id()];
      return std::unique_ptr<OcrEngine>(std::make_unique<Engine>(this));
    };
  }

  std::size_t made() {
    std::lock_guard<std::mutex> lock(mutex);
    std::size_t total = 0;
    for (const auto& [thread, count] : made_on) total += count;
    return total;
  }

  std::vector<int> failing;
  std::mutex mutex;
  std::map<std::thread::id, int> made_on;
};

// ---- Reading images ----------------------------------------------------------------------------------

TEST_CASE("PNG, JPEG and every page of a TIFF are read as grayscale with their resolution", "[ocr]") {
  const fs::path* scans = Scans();
  if (scans == nullptr) return;
  struct Case {
    const char* file;
    std::size_t pages;
    int width;
    int height;
    int dpi;
  };
  const Case cases[] = {
      {"clean.png", 1, 2481, 3507, 300},
      {"hard.jpg", 1, 1240, 1753, 150},
      {"pages.tif", 2, 2481, 3507, 300},
      {"blank.png", 1, 2481, 3507, 300},
  };
  for (const Case& c : cases) {
    INFO(c.file);
    const std::vector<PageImage> pages = Read(*scans / c.file);
    REQUIRE(pages.size() == c.pages);
    for (const PageImage& page : pages) {
      CHECK(page.width == c.width);
      CHECK(page.height == c.height);
      CHECK(page.dpi == c.dpi);
      REQUIRE(page.gray.size() == static_cast<std::size_t>(page.width) * page.height);
      // Paper: mostly light; text pages also have black ink.
      const auto dark = std::count_if(page.gray.begin(), page.gray.end(), [](std::uint8_t v) { return v < 96; });
      const double dark_fraction = static_cast<double>(dark) / page.gray.size();
      CHECK(dark_fraction < 0.2);
      if (std::string(c.file) != "blank.png") CHECK(dark_fraction > 0.002);
    }
  }
  // The two TIFF pages are two different pages (their order is checked by reading them in the pool test).
  const std::vector<PageImage> tiff = Read(*scans / "pages.tif");
  CHECK(tiff[0].gray != tiff[1].gray);
}

TEST_CASE("transparency reads as paper and a missing resolution as 0", "[ocr]") {
  const fs::path* scans = Scans();
  if (scans == nullptr) return;
  const std::vector<PageImage> pages = Read(*scans / "rgba.png");
  REQUIRE(pages.size() == 1);
  const PageImage& page = pages[0];
  CHECK(page.width == 200);
  CHECK(page.height == 100);
  CHECK(page.dpi == 0);
  CHECK(page.gray.at(10 * 200 + 10) == 255);  // transparent corner
  CHECK(page.gray.at(50 * 200 + 100) < 80);   // the box
}

TEST_CASE("truncated, damaged and empty images are refused with the reason", "[ocr]") {
  const fs::path* scans = Scans();
  if (scans == nullptr) return;
  const std::string png = ReadFile(*scans / "clean.png");
  const std::string jpeg = ReadFile(*scans / "hard.jpg");
  const std::string tiff = ReadFile(*scans / "pages.tif");
  std::string random_bytes(4096, '\0');
  std::mt19937 random(42);
  for (char& c : random_bytes) c = static_cast<char>(random() & 0xFF);
  std::string damaged_png = png;
  for (std::size_t i = png.size() / 2; i < png.size() / 2 + 64; ++i) {
    damaged_png[i] = static_cast<char>(~damaged_png[i]);
  }
  std::string damaged_tiff = tiff;
  damaged_tiff[2] = 99;  // the version number after II/MM

  struct Case {
    const char* what;
    std::string bytes;
    const char* reason;
  };
  const Case cases[] = {
      {"zero bytes", "", "empty image file (0 bytes)"},
      {"a few bytes", "\x89PNG", "too short for any image"},
      {"random bytes", random_bytes, "not an image"},
      {"a BMP header", "BM" + std::string(60, '\0'), "unsupported image format BMP"},
      {"PNG cut in half", png.substr(0, png.size() / 2), "truncated PNG image"},
      {"PNG cut inside its header", png.substr(0, 20), "truncated PNG image"},
      {"PNG with its end chunk cut off", png.substr(0, png.size() - 12), "truncated PNG image"},
      {"PNG with damaged pixel data", damaged_png, "damaged PNG image"},
      {"JPEG cut in half", jpeg.substr(0, jpeg.size() / 2), "truncated JPEG image"},
      {"JPEG cut inside its header", jpeg.substr(0, 100), "JPEG image"},
      {"TIFF cut in half", tiff.substr(0, tiff.size() / 2), "TIFF image"},
      {"TIFF without its last bytes", tiff.substr(0, tiff.size() - 16), "TIFF image"},
      {"TIFF cut inside its header", tiff.substr(0, 12), "truncated TIFF image"},
      {"TIFF with a bad version number", damaged_tiff, "TIFF image"},
  };
  for (const Case& c : cases) {
    INFO(c.what);
    Result<std::vector<PageImage>> pages = ReadImages(c.bytes);
    REQUIRE(!pages.ok());
    CHECK(pages.status().code() == Status::Code::kInvalidInput);
    CHECK_THAT(pages.status().message(), Catch::Contains(c.reason));
  }
}

TEST_CASE("images over the pixel or page limit are refused before they are decoded", "[ocr]") {
  const fs::path* scans = Scans();
  if (scans == nullptr) return;
  // Each claims 20000 x 20000 in its header over a few bytes of pixel data: decoding would fail as
  // damaged, so TooLarge shows the size was checked first.
  for (const char* file : {"huge.png", "huge.jpg", "huge.tif"}) {
    INFO(file);
    const std::string bytes = ReadFile(*scans / file);
    CHECK(bytes.size() < 1000);
    Result<std::vector<PageImage>> pages = ReadImages(bytes);
    REQUIRE(!pages.ok());
    CHECK(pages.status().code() == Status::Code::kTooLarge);
    CHECK(pages.status().message() == "image is 20000 x 20000 pixels, over the limit of 104857600");
  }
  ImageLimits small;
  small.max_pixels = 1000 * 1000;
  Result<std::vector<PageImage>> png = ReadImages(ReadFile(*scans / "clean.png"), small);
  REQUIRE(!png.ok());
  CHECK(png.status().code() == Status::Code::kTooLarge);
  CHECK(png.status().message() == "image is 2481 x 3507 pixels, over the limit of 1000000");

  ImageLimits one_page;
  one_page.max_pages = 1;
  Result<std::vector<PageImage>> tiff = ReadImages(ReadFile(*scans / "pages.tif"), one_page);
  REQUIRE(!tiff.ok());
  CHECK(tiff.status().code() == Status::Code::kTooLarge);
  CHECK_THAT(tiff.status().message(), Catch::Contains("more than 1 pages"));
}

// ---- Tesseract ---------------------------------------------------------------------------------------

TEST_CASE("Tesseract reads a clean 300 dpi page almost exactly", "[ocr]") {
  const fs::path* scans = Scans();
  if (scans == nullptr) return;
  std::unique_ptr<OcrEngine> engine = Tesseract("vie");
  const Timed result = RecogniseTimed(*engine, Read(*scans / "clean.png").at(0));
  const double cer = CharacterErrorRate(ReadFile(*scans / "clean.txt"), result.page.text);
  INFO(result.page.text);
  WARN("clean page: CER " << cer * 100 << "%, confidence " << result.page.mean_confidence << ", "
                          << result.seconds << " s");
  CHECK(cer < 0.02);
  CHECK(result.page.mean_confidence > 0.8);
  CHECK(result.page.mean_confidence <= 1.0);
}

TEST_CASE("preprocessing makes a skewed, noisy, shadowed 150 dpi page readable", "[ocr]") {
  const fs::path* scans = Scans();
  if (scans == nullptr) return;
  const PageImage page = Read(*scans / "hard.jpg").at(0);
  const std::string expected = ReadFile(*scans / "hard.txt");

  std::unique_ptr<OcrEngine> preprocessed = Tesseract("vie", true);
  const Timed with = RecogniseTimed(*preprocessed, page);
  std::unique_ptr<OcrEngine> raw = Tesseract("vie", false);
  const Timed without = RecogniseTimed(*raw, page);

  const double cer_with = CharacterErrorRate(expected, with.page.text);
  const double cer_without = CharacterErrorRate(expected, without.page.text);
  WARN("hard page: CER " << cer_with * 100 << "% with preprocessing (" << with.seconds << " s), "
                         << cer_without * 100 << "% without (" << without.seconds << " s)");
  INFO(with.page.text);
  CHECK(cer_with < 0.05);
  CHECK(cer_with < cer_without);
}

TEST_CASE("a blank page reads as no text", "[ocr]") {
  const fs::path* scans = Scans();
  if (scans == nullptr) return;
  std::unique_ptr<OcrEngine> engine = Tesseract("vie");
  const Timed result = RecogniseTimed(*engine, Read(*scans / "blank.png").at(0));
  CHECK(result.page.text.empty());
  CHECK(result.page.mean_confidence == 0);
  // A page too small to say anything.
  const Timed tiny = RecogniseTimed(*engine, PageImage{3, 2, 0, std::vector<std::uint8_t>(6, 255)});
  CHECK(tiny.page.text.empty());
}

TEST_CASE("a malformed page image is refused", "[ocr]") {
  std::unique_ptr<OcrEngine> engine = Tesseract("eng");
  Result<OcrPage> page = engine->Recognise(PageImage{100, 100, 300, std::vector<std::uint8_t>(10, 0)});
  REQUIRE(!page.ok());
  CHECK(page.status().code() == Status::Code::kInvalidInput);
  CHECK_THAT(page.status().message(), Catch::Contains("malformed"));
}

TEST_CASE("a missing language model is named with the package to install", "[ocr]") {
  for (const char* languages : {"xyz", "vie+xyz"}) {
    INFO(languages);
    Result<std::unique_ptr<OcrEngine>> engine = MakeTesseractEngine(OcrOptions{languages, true});
    REQUIRE(!engine.ok());
    CHECK(engine.status().code() == Status::Code::kInvalidInput);
    CHECK(engine.status().message() == "OCR language model 'xyz' is not installed (install tesseract-ocr-xyz)");
  }
  Result<std::unique_ptr<OcrEngine>> bad_name = MakeTesseractEngine(OcrOptions{"../vie", true});
  REQUIRE(!bad_name.ok());
  CHECK(bad_name.status().code() == Status::Code::kUsage);

  // Through the pool, every page fails with the same message.
  const OcrOptions options{"xyz", true};
  OcrPool pool(2, options, [options] { return MakeTesseractEngine(options); });
  Result<std::vector<OcrPage>> pages = pool.Recognise({FakePage(1), FakePage(2)});
  REQUIRE(!pages.ok());
  CHECK(pages.status().message() == "OCR language model 'xyz' is not installed (install tesseract-ocr-xyz)");
  CHECK(pool.pages_recognised() == 0);
}

// ---- The pool ----------------------------------------------------------------------------------------

TEST_CASE("the pool reads pages in order on two threads, and from its caches after that", "[ocr]") {
  const fs::path* scans = Scans();
  if (scans == nullptr) return;
  std::vector<PageImage> pages = Read(*scans / "pages.tif");  // French, English
  pages.push_back(Read(*scans / "clean.png").at(0));          // Vietnamese
  const std::string expected[] = {ReadFile(*scans / "pages-1.txt"), ReadFile(*scans / "pages-2.txt"),
                                  ReadFile(*scans / "clean.txt")};
  TempDir cache;
  const OcrOptions options;  // vie+fra+eng
  auto tesseract = [options] { return MakeTesseractEngine(options); };

  {
    OcrPool pool(2, options, tesseract, cache.path());
    CHECK(pool.options().languages == "vie+fra+eng");
    const auto start = std::chrono::steady_clock::now();
    Result<std::vector<OcrPage>> read = pool.Recognise(pages);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    INFO((read.ok() ? std::string() : read.status().message()));
    REQUIRE(read.ok());
    REQUIRE(read.value().size() == 3);
    std::ostringstream rates;
    for (std::size_t i = 0; i < 3; ++i) {
      INFO("page " << i + 1 << ": " << read.value()[i].text);
      const double cer = CharacterErrorRate(expected[i], read.value()[i].text);
      rates << (i == 0 ? "" : ", ") << cer * 100 << "%";
      CHECK(cer < 0.02);
    }
    WARN("pool: French, English and Vietnamese pages with vie+fra+eng on 2 threads in " << seconds
         << " s, two engines made on first use; CER " << rates.str());
    CHECK(pool.pages_recognised() == 3);

    // One file per page on disk, and nothing left half-written.
    std::size_t entries = 0;
    for (const auto& entry : fs::directory_iterator(cache.path())) {
      INFO(entry.path());
      CHECK(entry.path().extension() == ".json");
      CHECK(entry.path().stem().string().size() == 64);
      ++entries;
    }
    CHECK(entries == 3);

    // A page seen before comes from memory.
    Result<std::vector<OcrPage>> again = pool.Recognise({pages[2]});
    REQUIRE(again.ok());
    CHECK(again.value().at(0).text == read.value()[2].text);
    CHECK(again.value().at(0).mean_confidence == Approx(read.value()[2].mean_confidence));
    CHECK(pool.pages_recognised() == 3);
  }

  // A new pool over the same folder reads nothing again: its engines are never even made.
  std::atomic<int> made{0};
  OcrPool reopened(2, options, [&made, tesseract] {
    ++made;
    return tesseract();
  }, cache.path());
  Result<std::vector<OcrPage>> cached = reopened.Recognise(pages);
  REQUIRE(cached.ok());
  for (std::size_t i = 0; i < 3; ++i) CHECK(CharacterErrorRate(expected[i], cached.value()[i].text) < 0.02);
  CHECK(reopened.pages_recognised() == 0);
  CHECK(made == 0);

  // Other options are other keys.
  OcrOptions raw = options;
  raw.preprocess = false;
  FakeFactory fake;
  OcrPool other(1, raw, fake.Make(), cache.path());
  REQUIRE(other.Recognise({pages[2]}).ok());
  CHECK(other.pages_recognised() == 1);
}

TEST_CASE("each pool worker makes its engine once, however many pages", "[ocr]") {
  FakeFactory fake;
  OcrPool pool(2, OcrOptions{}, fake.Make());
  for (int round = 0; round < 3; ++round) {
    std::vector<PageImage> batch;
    for (int id = 0; id < 40; ++id) batch.push_back(FakePage(round * 1000 + id));
    Result<std::vector<OcrPage>> read = pool.Recognise(batch);
    REQUIRE(read.ok());
    REQUIRE(read.value().size() == 40);
    for (int id = 0; id < 40; ++id) CHECK(read.value()[id].text == "page " + std::to_string(round * 1000 + id));
  }
  CHECK(pool.pages_recognised() == 120);
  std::lock_guard<std::mutex> lock(fake.mutex);
  CHECK(fake.made_on.size() <= 2);
  for (const auto& [thread, count] : fake.made_on) CHECK(count == 1);
  CHECK(fake.made_on.count(std::this_thread::get_id()) == 0);  // engines live on the workers
}

TEST_CASE("the pool serves several callers at once, each in its own order", "[ocr]") {
  FakeFactory fake;
  OcrPool pool(3, OcrOptions{}, fake.Make());
  std::vector<std::thread> callers;
  std::atomic<int> wrong{0};
  for (int caller = 0; caller < 4; ++caller) {
    callers.emplace_back([&pool, &wrong, caller] {
      std::vector<PageImage> pages;
      for (int id = 0; id < 25; ++id) pages.push_back(FakePage(caller * 100 + id));
      Result<std::vector<OcrPage>> read = pool.Recognise(pages);
      if (!read.ok() || read.value().size() != pages.size()) {
        ++wrong;
        return;
      }
      for (int id = 0; id < 25; ++id) {
        if (read.value()[id].text != "page " + std::to_string(caller * 100 + id)) ++wrong;
      }
    });
  }
  for (std::thread& caller : callers) caller.join();
  CHECK(wrong == 0);
  CHECK(pool.pages_recognised() == 100);
  CHECK(fake.made() <= 3);
}

TEST_CASE("the pool reads identical pages once and returns the first failure after every page", "[ocr]") {
  FakeFactory fake;
  fake.failing = {7, 5};
  OcrPool pool(2, OcrOptions{}, fake.Make());

  Result<std::vector<OcrPage>> same = pool.Recognise({FakePage(1), FakePage(1), FakePage(2), FakePage(1)});
  REQUIRE(same.ok());
  CHECK(same.value().at(3).text == "page 1");
  CHECK(pool.pages_recognised() == 2);

  std::vector<PageImage> pages;
  for (int id = 0; id < 10; ++id) pages.push_back(FakePage(id));
  Result<std::vector<OcrPage>> read = pool.Recognise(pages);
  REQUIRE(!read.ok());
  CHECK(read.status().message() == "page 5 is unreadable");
  CHECK(pool.pages_recognised() == 2 + 8);  // pages 1 and 2 came from the cache

  // The good pages were kept; failures are not cached, so only the failing ones are tried again.
  fake.failing.clear();
  REQUIRE(pool.Recognise(pages).ok());
  CHECK(pool.pages_recognised() == 2 + 8 + 2);
  CHECK(pool.Recognise({}).value().empty());
}

}  // namespace
}  // namespace dipdoc
