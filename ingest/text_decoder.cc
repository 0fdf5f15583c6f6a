#include "ingest/text_decoder.h"

#include <iconv.h>
#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/ucnv.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "ingest/embedded_data.h"
#include "ingest/utf8.h"
#include "ingest/vietnamese_syllable.h"

// Detection, in order: BOMs; NUL bytes (BOM-less UTF-16 when the NULs fall on every other byte, else binary);
// well-formed UTF-8 (unless its control bytes read better as TCVN3 capitals, or are too many for text);
// then each legacy code page decodes the first kSampleBytes and the reading with the most well-formed
// Vietnamese syllables (and, for Windows-1252, French and English accented words) wins, provided it is
// clearly text: see Score::Plausible.

namespace dipdoc {
namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";
constexpr std::string_view kUtf16LeBom = "\xFF\xFE";
constexpr std::string_view kUtf16BeBom = "\xFE\xFF";

// Legacy readings are judged on at most this much of the file: enough words to decide, linear in any case.
constexpr std::size_t kSampleBytes = 64 * 1024;

// Well-formed UTF-8 with more C0 control bytes than 1 in kBinaryControlRatio is binary.
constexpr std::size_t kBinaryControlRatio = 100;

// A reading is plausible when it has at least kMinGoodPerBad good words for every bad word or stray symbol.
constexpr int kMinGoodPerBad = 4;

constexpr const char* kNotRecognised =
    "encoding not recognised (not UTF-8, UTF-16, Windows-1258, Windows-1252, TCVN3 or VNI)";

// ---------------------------------------------------------------------------------------------------------
// Small helpers

// C0 control characters that do not occur in text (TAB, LF, CR and FF do), DEL, and the C1 controls.
bool IsControl(UChar32 c) {
  if (c < 0x20) return c != '\t' && c != '\n' && c != '\r' && c != '\f';
  return c == 0x7F || (c >= 0x80 && c <= 0x9F);
}

std::string Hex(unsigned value, int digits) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "0x%0*X", digits, value);
  return buffer;
}

Status BinaryNul(std::size_t offset) {
  return Status::InvalidInput("binary data, not text (NUL byte at offset " + std::to_string(offset) + ")");
}

// The first kSampleBytes of `bytes`, cut after a space or line end when one is near, so no multi-byte
// sequence (a VNI letter and its mark, a base letter and its combining tone) is split.
std::string_view Sample(std::string_view bytes) {
  if (bytes.size() <= kSampleBytes) return bytes;
  std::size_t cut = kSampleBytes;
  const std::size_t floor = kSampleBytes - 1024;
  while (cut > floor && bytes[cut - 1] != ' ' && bytes[cut - 1] != '\n') --cut;
  return bytes.substr(0, cut > floor ? cut : kSampleBytes);
}

// ---------------------------------------------------------------------------------------------------------
// UTF-16

// REQUIRES: `bytes` has no BOM; `offset` is where they start in the file (for messages).
Result<std::string> DecodeUtf16(std::string_view bytes, bool big_endian, std::size_t offset) {
  if (bytes.size() % 2 != 0) {
    return Status::InvalidInput("truncated UTF-16 (odd number of bytes: " + std::to_string(offset + bytes.size()) +
                                ")");
  }
  const auto* s = reinterpret_cast<const uint8_t*>(bytes.data());
  const auto unit = [&](std::size_t i) -> UChar {
    return big_endian ? static_cast<UChar>(s[i] << 8 | s[i + 1]) : static_cast<UChar>(s[i + 1] << 8 | s[i]);
  };
  std::string out;
  out.reserve(bytes.size());  // ASCII halves, Vietnamese letters grow by half
  std::size_t controls = 0;
  std::size_t first_control = 0;
  for (std::size_t i = 0; i < bytes.size(); i += 2) {
    UChar32 c = unit(i);
    if (U16_IS_LEAD(c) && i + 2 < bytes.size() && U16_IS_TRAIL(unit(i + 2))) {
      c = U16_GET_SUPPLEMENTARY(c, unit(i + 2));
      i += 2;
    } else if (U16_IS_SURROGATE(c)) {
      return Status::InvalidInput("invalid UTF-16 (unpaired surrogate " + Hex(static_cast<unsigned>(c), 4) +
                                  " at byte " + std::to_string(offset + i) + ")");
    }
    if (c == 0) {
      return Status::InvalidInput("binary data, not text (NUL character at offset " + std::to_string(offset + i) +
                                  ")");
    }
    if (IsControl(c) && controls++ == 0) first_control = offset + i;
    AppendUtf8(out, c);
  }
  if (controls * kBinaryControlRatio > bytes.size() / 2) {
    return Status::InvalidInput("binary data, not text (" + std::to_string(controls) +
                                " control characters, the first at offset " + std::to_string(first_control) + ")");
  }
  return out;
}

// Text in UTF-16 without a BOM shows itself by its NUL bytes: the high byte of every ASCII or Latin-1
// character. Returns the byte order when nearly all NULs sit on one side and are common there.
std::optional<bool> BomlessUtf16IsBigEndian(std::string_view bytes) {
  if (bytes.size() < 4 || bytes.size() % 2 != 0) return std::nullopt;
  const std::size_t n = std::min(bytes.size(), kSampleBytes);
  std::size_t even = 0;
  std::size_t odd = 0;
  for (std::size_t i = 0; i + 1 < n; i += 2) {
    even += bytes[i] == '\0';
    odd += bytes[i + 1] == '\0';
  }
  const std::size_t units = n / 2;
  if (odd * 2 >= units && even * 100 <= units) return false;  // LE: "a\0b\0"
  if (even * 2 >= units && odd * 100 <= units) return true;   // BE: "\0a\0b"
  return std::nullopt;
}

// ---------------------------------------------------------------------------------------------------------
// Legacy decoders. Each returns well-formed UTF-8, or nullopt when the library refuses.

struct ConverterCloser {
  void operator()(UConverter* converter) const { ucnv_close(converter); }
};
using ConverterPtr = std::unique_ptr<UConverter, ConverterCloser>;

// Windows-1258 and Windows-1252 through ICU.
std::optional<std::string> DecodeWithIcu(const char* name, std::string_view bytes) {
  UErrorCode error = U_ZERO_ERROR;
  ConverterPtr from(ucnv_open(name, &error));
  ConverterPtr to(ucnv_open("UTF-8", &error));
  if (U_FAILURE(error)) return std::nullopt;
  // Vietnamese and French text grows by about a third; the buffer grows when that is not enough.
  std::string out(bytes.size() + bytes.size() / 2 + 16, '\0');
  std::size_t written = 0;
  const char* source = bytes.data();
  UChar pivot[1024];
  UChar* pivot_source = pivot;
  UChar* pivot_target = pivot;
  for (bool reset = true;; reset = false) {
    char* target = out.data() + written;
    error = U_ZERO_ERROR;
    ucnv_convertEx(to.get(), from.get(), &target, out.data() + out.size(), &source, bytes.data() + bytes.size(), pivot,
                   &pivot_source, &pivot_target, pivot + 1024, reset, /*flush=*/true, &error);
    written = static_cast<std::size_t>(target - out.data());
    if (error != U_BUFFER_OVERFLOW_ERROR) break;
    out.resize(out.size() * 2);
  }
  if (U_FAILURE(error)) return std::nullopt;
  out.resize(written);
  return out;
}

// TCVN3 through glibc's iconv, whose TCVN5712-1 table also places Ú Ụ Ừ Ử Ữ Ứ Ự Ỳ Ỷ Ỹ Ý Ỵ on C0 bytes.
std::optional<std::string> DecodeTcvn3(std::string_view bytes) {
  iconv_t cd = iconv_open("UTF-8", "TCVN5712-1");
  if (cd == reinterpret_cast<iconv_t>(-1)) return std::nullopt;
  std::string out(bytes.size() + bytes.size() / 2 + 16, '\0');
  char* in = const_cast<char*>(bytes.data());
  std::size_t in_left = bytes.size();
  std::size_t written = 0;
  bool ok = true;
  for (bool flushing = false;;) {
    char* target = out.data() + written;
    std::size_t out_left = out.size() - written;
    // The converter holds back each base letter until it knows no combining tone follows: a last call
    // without input flushes it.
    const std::size_t result =
        flushing ? iconv(cd, nullptr, nullptr, &target, &out_left) : iconv(cd, &in, &in_left, &target, &out_left);
    written = static_cast<std::size_t>(target - out.data());
    if (result == static_cast<std::size_t>(-1)) {
      if (errno != E2BIG) {
        ok = false;
        break;
      }
      out.resize(out.size() * 2);
      continue;
    }
    if (flushing) break;
    flushing = true;
  }
  iconv_close(cd);
  if (!ok) return std::nullopt;
  out.resize(written);
  return out;
}

// VNI-Windows: bytes -> Windows-1252 -> longest match in ingest/data/vni.tsv. Windows-1252 gives every byte
// one character, so the table's keys become byte pairs and single bytes, and decoding is one pass.
class VniDecoder {
 public:
  static const VniDecoder& Get() {
    static const VniDecoder decoder;
    return decoder;
  }

  std::string Decode(std::string_view bytes) const {
    std::string out;
    out.reserve(bytes.size() + bytes.size() / 2);
    const auto* s = reinterpret_cast<const uint8_t*>(bytes.data());
    for (std::size_t i = 0; i < bytes.size(); ++i) {
      if (i + 1 < bytes.size()) {
        if (const uint8_t letter = pairs_[s[i] << 8 | s[i + 1]]) {
          AppendUtf8(out, letters_[letter]);
          ++i;
          continue;
        }
      }
      const uint8_t letter = singles_[s[i]];
      AppendUtf8(out, letter ? letters_[letter] : cp1252_[s[i]]);
    }
    return out;
  }

 private:
  VniDecoder() : pairs_(1 << 16, 0) {
    // The Windows-1252 reading of every byte, from ICU (undefined bytes read as C1 controls).
    std::string all_bytes(256, '\0');
    for (int b = 0; b < 256; ++b) all_bytes[static_cast<std::size_t>(b)] = static_cast<char>(b);
    const std::optional<std::string> utf8 = DecodeWithIcu("windows-1252", all_bytes);
    std::size_t b = 0;
    for (int32_t i = 0; utf8 && i < static_cast<int32_t>(utf8->size()) && b < 256; ++b) {
      U8_NEXT(utf8->data(), i, static_cast<int32_t>(utf8->size()), cp1252_[b]);
    }
    letters_.push_back(0);  // index 0 means "no entry"
    std::string_view table = data::kVniTable;
    while (!table.empty()) {
      const std::size_t eol = table.find('\n');
      AddLine(table.substr(0, eol));
      table.remove_prefix(eol == std::string_view::npos ? table.size() : eol + 1);
    }
  }

  // "KEY<TAB>LETTER"; comments, blank lines and lines this table cannot hold are skipped (the decoder's
  // tests decode every letter, so a bad line does not go unnoticed).
  void AddLine(std::string_view line) {
    if (line.empty() || line.front() == '#' || letters_.size() > 255) return;
    const std::size_t tab = line.find('\t');
    if (tab == std::string_view::npos) return;
    std::vector<int> key;
    const std::string_view vni = line.substr(0, tab);
    const std::string_view letter = line.substr(tab + 1);
    for (int32_t i = 0; i < static_cast<int32_t>(vni.size());) {
      UChar32 c;
      U8_NEXT(vni.data(), i, static_cast<int32_t>(vni.size()), c);
      const auto byte = std::find(cp1252_.begin(), cp1252_.end(), c);
      if (c < 0 || byte == cp1252_.end()) return;
      key.push_back(static_cast<int>(byte - cp1252_.begin()));
    }
    int32_t i = 0;
    UChar32 value;
    U8_NEXT(letter.data(), i, static_cast<int32_t>(letter.size()), value);
    if (value < 0 || i != static_cast<int32_t>(letter.size())) return;
    const auto index = static_cast<uint8_t>(letters_.size());
    if (key.size() == 1) {
      singles_[static_cast<std::size_t>(key[0])] = index;
    } else if (key.size() == 2) {
      pairs_[static_cast<std::size_t>(key[0] << 8 | key[1])] = index;
    } else {
      return;
    }
    letters_.push_back(value);
  }

  std::array<UChar32, 256> cp1252_{};
  std::array<uint8_t, 256> singles_{};  // byte -> index into letters_, 0 = none
  std::vector<uint8_t> pairs_;          // first byte << 8 | second byte -> index into letters_, 0 = none
  std::vector<UChar32> letters_;
};

std::optional<std::string> DecodeLegacy(Encoding encoding, std::string_view bytes) {
  switch (encoding) {
    case Encoding::kWindows1258: return DecodeWithIcu("windows-1258", bytes);
    case Encoding::kWindows1252: return DecodeWithIcu("windows-1252", bytes);
    case Encoding::kTcvn3: return DecodeTcvn3(bytes);
    case Encoding::kVni: return VniDecoder::Get().Decode(bytes);
    default: return std::nullopt;
  }
}

// ---------------------------------------------------------------------------------------------------------
// Reading a decoded text as Vietnamese, French or English

// A lower-case word that is one well-formed Vietnamese syllable carrying at least one Vietnamese diacritic
// (a tone mark, or ă â ê ô ơ ư đ).
bool IsVietnameseSyllable(std::u32string_view word) {
  const std::optional<Syllable> syllable = ParseSyllable(word);
  if (!syllable) return false;
  if (syllable->tone != kLevel) return true;
  return std::any_of(word.begin(), word.end(), [](char32_t c) { return c >= 0x80; });  // ă â ê ô ơ ư đ
}

// Initials with đ, as in reference numbers and names of bodies: ĐSQ (Đại sứ quán), ĐBQH, ĐHQG.
bool IsVietnameseAbbreviation(std::u32string_view word) {
  static constexpr std::u32string_view kConsonantLetters = U"bcdđfghjklmnpqrstvwxz";
  return word.size() >= 2 && word.find(U'đ') != std::u32string_view::npos &&
         std::all_of(word.begin(), word.end(),
                     [](char32_t c) { return kConsonantLetters.find(c) != std::u32string_view::npos; });
}

// A French or English word with one or two accented letters, all of French's (déjà, très, Hanoï, Noël).
bool IsFrenchAccentedWord(std::u32string_view word) {
  static constexpr std::u32string_view kFrenchLetters = U"àâæçéèêëîïôœùûüÿ";
  int accented = 0;
  for (char32_t c : word) {
    if (c < 0x80) continue;
    if (kFrenchLetters.find(c) == std::u32string_view::npos) return false;
    ++accented;
  }
  return accented >= 1 && accented <= 2;
}

// Punctuation and signs that legacy text really contains; any other non-ASCII symbol is a sign of a wrong
// reading.
bool IsTypography(UChar32 c) {
  static constexpr std::u32string_view kTypography = U"«»°§©®™€£₫‘’“”–—…•·№";
  return kTypography.find(static_cast<char32_t>(c)) != std::u32string_view::npos;
}

// How well a decoded text reads.
struct Score {
  int good = 0;        // Vietnamese syllables with diacritics; for Windows-1252 also French/English accented words
  int bad = 0;         // non-ASCII words that are neither, stray symbols, control characters
  int typography = 0;  // quotes, dashes and signs from the list above

  int Net() const { return good - 2 * bad; }

  // Clearly text: some good words and few bad ones. Windows-1252 text whose only non-ASCII characters are
  // typography (English with curly quotes) is plausible too.
  bool Plausible(Encoding encoding) const {
    if (good > 0) return bad * kMinGoodPerBad <= good;
    return encoding == Encoding::kWindows1252 && bad == 0 && typography > 0;
  }
};

class Scorer {
 public:
  Scorer() {
    UErrorCode error = U_ZERO_ERROR;
    nfc_ = icu::Normalizer2::getNFCInstance(error);
    if (U_FAILURE(error)) nfc_ = nullptr;
    word_.reserve(64);
  }

  Score Read(std::string_view utf8, Encoding encoding) {
    french_ = encoding == Encoding::kWindows1252;
    score_ = Score{};
    std::string composed;
    if (nfc_ != nullptr) {
      // Windows-1258 gives tones as combining marks; the syllable rules read composed letters.
      composed.reserve(utf8.size());
      icu::StringByteSink<std::string> sink(&composed);
      UErrorCode error = U_ZERO_ERROR;
      nfc_->normalizeUTF8(0, icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())), sink, nullptr, error);
      if (U_SUCCESS(error)) utf8 = composed;
    }
    const auto length = static_cast<int32_t>(utf8.size());
    for (int32_t i = 0; i < length;) {
      UChar32 c;
      U8_NEXT(utf8.data(), i, length, c);
      if (c >= 0 && (U_GET_GC_MASK(c) & (U_GC_L_MASK | U_GC_M_MASK)) != 0) {
        if (word_.size() < 64) word_.push_back(static_cast<char32_t>(u_tolower(c)));
        word_non_ascii_ = word_non_ascii_ || c >= 0x80;
        continue;
      }
      EndWord();
      if (c < 0 || c == 0xFFFD || IsControl(c)) {
        ++score_.bad;
      } else if (c >= 0x80 && !u_isUWhiteSpace(c) && u_charType(c) != U_DECIMAL_DIGIT_NUMBER) {
        if (IsTypography(c)) ++score_.typography;
        else ++score_.bad;
      }
    }
    EndWord();
    return score_;
  }

 private:
  void EndWord() {
    if (word_non_ascii_) {
      const std::u32string_view word(word_);
      if (IsVietnameseSyllable(word)) {
        if (word.size() > 1) ++score_.good;  // a lone vowel ("à", "ở") proves little either way
      } else if (IsVietnameseAbbreviation(word) || (french_ && word.size() > 1 && IsFrenchAccentedWord(word))) {
        ++score_.good;
      } else {
        ++score_.bad;
      }
    }
    word_.clear();
    word_non_ascii_ = false;
  }

  const icu::Normalizer2* nfc_ = nullptr;
  bool french_ = false;
  Score score_;
  std::u32string word_;
  bool word_non_ascii_ = false;
};

struct Reading {
  Encoding encoding;
  std::string sample_utf8;
  Score score;
};

// Well-formed UTF-8 with C0 control bytes: TCVN3 capitals when that reads better, else UTF-8 if the
// controls are few, else binary.
Result<DecodedText> DecodeUtf8WithControls(std::string_view bytes, std::size_t controls, std::size_t first) {
  Scorer scorer;
  const std::string_view sample = Sample(bytes);
  const Score as_utf8 = scorer.Read(sample, Encoding::kUtf8);
  if (std::optional<std::string> tcvn3 = DecodeTcvn3(sample)) {
    const Score as_tcvn3 = scorer.Read(*tcvn3, Encoding::kTcvn3);
    if (as_tcvn3.Plausible(Encoding::kTcvn3) && as_tcvn3.Net() > as_utf8.Net()) {
      if (sample.size() == bytes.size()) return DecodedText{std::move(*tcvn3), Encoding::kTcvn3};
      if (std::optional<std::string> all = DecodeTcvn3(bytes)) return DecodedText{std::move(*all), Encoding::kTcvn3};
    }
  }
  if (controls * kBinaryControlRatio > bytes.size()) {
    return Status::InvalidInput("binary data, not text (" + std::to_string(controls) +
                                " control bytes, the first at offset " + std::to_string(first) + ")");
  }
  return DecodedText{std::string(bytes), Encoding::kUtf8};
}

Result<DecodedText> DecodeLegacyText(std::string_view bytes) {
  const std::string_view sample = Sample(bytes);
  Scorer scorer;
  std::optional<Reading> best;
  // Ties go to the earlier encoding. Windows-1252 comes first: when it reads as well as Windows-1258, the
  // text has none of the letters where the two differ (ă ơ ư đ, combining tones), which is Western text.
  for (const Encoding encoding : {Encoding::kWindows1252, Encoding::kWindows1258, Encoding::kTcvn3, Encoding::kVni}) {
    std::optional<std::string> utf8 = DecodeLegacy(encoding, sample);
    if (!utf8) continue;
    const Score score = scorer.Read(*utf8, encoding);
    if (!score.Plausible(encoding)) continue;
    if (!best || score.Net() > best->score.Net()) best = Reading{encoding, std::move(*utf8), score};
  }
  if (!best) return Status::InvalidInput(kNotRecognised);
  if (sample.size() == bytes.size()) return DecodedText{std::move(best->sample_utf8), best->encoding};
  std::optional<std::string> all = DecodeLegacy(best->encoding, bytes);
  if (!all) return Status::InvalidInput(kNotRecognised);
  return DecodedText{std::move(*all), best->encoding};
}

// Text that is UTF-8 up to `bad` (several multi-byte characters read well before it) and no legacy code
// page: say what is wrong with it as UTF-8, which is what its author will want to know.
std::optional<Status> Utf8GoneBad(std::string_view bytes, std::size_t bad) {
  constexpr std::size_t kMinMultiByte = 3;
  std::size_t multi_byte = 0;
  for (std::size_t i = 0; i < bad && multi_byte < kMinMultiByte; ++i) {
    if ((static_cast<unsigned char>(bytes[i]) & 0xC0) == 0xC0) ++multi_byte;
  }
  if (multi_byte < kMinMultiByte) return std::nullopt;
  // An incomplete sequence at the very end: a lead byte and fewer continuation bytes than it announces.
  const auto lead = static_cast<unsigned char>(bytes[bad]);
  const std::size_t needed = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC2 ? 2 : 0;
  const std::size_t rest = bytes.size() - bad;
  bool continuation = true;
  for (std::size_t i = bad + 1; i < bytes.size(); ++i) {
    continuation = continuation && (static_cast<unsigned char>(bytes[i]) & 0xC0) == 0x80;
  }
  if (needed != 0 && rest < needed && continuation) {
    return Status::InvalidInput("truncated UTF-8 (the file ends inside a character at byte " + std::to_string(bad) +
                                ")");
  }
  return Status::InvalidInput("not valid UTF-8 (ill-formed sequence at byte " + std::to_string(bad) + ")");
}

}  // namespace

std::string_view ToString(Encoding encoding) {
  switch (encoding) {
    case Encoding::kUtf8: return "utf-8";
    case Encoding::kUtf16Le: return "utf-16le";
    case Encoding::kUtf16Be: return "utf-16be";
    case Encoding::kWindows1258: return "windows-1258";
    case Encoding::kWindows1252: return "windows-1252";
    case Encoding::kTcvn3: return "tcvn3";
    case Encoding::kVni: return "vni";
  }
  return "unknown";
}

Result<DecodedText> DecodeText(std::string_view bytes) {
  if (bytes.empty()) return Status::InvalidInput("file is empty");

  if (bytes.starts_with(kUtf16LeBom) || bytes.starts_with(kUtf16BeBom)) {
    const bool big_endian = bytes.starts_with(kUtf16BeBom);
    Result<std::string> utf8 = DecodeUtf16(bytes.substr(2), big_endian, 2);
    if (!utf8.ok()) return utf8.status();
    return DecodedText{std::move(utf8).value(), big_endian ? Encoding::kUtf16Be : Encoding::kUtf16Le};
  }

  std::size_t offset = 0;
  if (bytes.starts_with(kUtf8Bom)) offset = kUtf8Bom.size();
  const std::string_view body = bytes.substr(offset);

  if (const std::size_t nul = bytes.find('\0'); nul != std::string_view::npos) {
    if (offset == 0) {
      if (const std::optional<bool> big_endian = BomlessUtf16IsBigEndian(bytes)) {
        Result<std::string> utf8 = DecodeUtf16(bytes, *big_endian, 0);
        if (utf8.ok()) return DecodedText{std::move(utf8).value(), *big_endian ? Encoding::kUtf16Be : Encoding::kUtf16Le};
      }
    }
    return BinaryNul(nul);
  }

  if (const std::optional<std::size_t> bad = FindInvalidUtf8(body)) {
    if (offset != 0) {
      return Status::InvalidInput("not valid UTF-8 after its BOM (ill-formed sequence at byte " +
                                  std::to_string(offset + *bad) + ")");
    }
    Result<DecodedText> legacy = DecodeLegacyText(bytes);
    if (legacy.ok()) return legacy;
    return Utf8GoneBad(bytes, *bad).value_or(legacy.status());
  }

  std::size_t controls = 0;
  std::size_t first_control = 0;
  for (std::size_t i = 0; i < body.size(); ++i) {
    const auto byte = static_cast<unsigned char>(body[i]);
    if (byte < 0x80 && IsControl(byte) && controls++ == 0) first_control = offset + i;
  }
  if (controls == 0) return DecodedText{std::string(body), Encoding::kUtf8};
  if (offset != 0) {
    // A BOM says UTF-8: the controls are not TCVN3 letters.
    if (controls * kBinaryControlRatio > body.size()) {
      return Status::InvalidInput("binary data, not text (" + std::to_string(controls) +
                                  " control bytes, the first at offset " + std::to_string(first_control) + ")");
    }
    return DecodedText{std::string(body), Encoding::kUtf8};
  }
  return DecodeUtf8WithControls(body, controls, first_control);
}

}  // namespace dipdoc
