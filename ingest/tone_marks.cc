#include "ingest/tone_marks.h"

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <stdexcept>
#include <algorithm>
#include <cstdint>
#include <functional>
#include <string>
#include <unordered_map>
#include <vector>

#include "ingest/string_hash.h"
#include "ingest/utf8.h"
#include "ingest/vietnamese_syllable.h"

namespace dipdoc {
namespace {

constexpr std::u32string_view kShaped = U"ăâêôơư";

// The letter `lower` (a lower-case vowel with its new tone) in the case `original` was written in.
UChar32 InCase(char32_t lower, UChar32 original) {
  return u_isupper(original) ? u_toupper(static_cast<UChar32>(lower)) : static_cast<UChar32>(lower);
}

bool HasToneMark(const std::vector<UChar32>& word) {
  return std::any_of(word.begin(), word.end(), [](UChar32 c) {
    return c >= 0x80 && SplitVowel(static_cast<char32_t>(u_tolower(c))).tone != kLevel;
  });
}

// The canonical form of one word as code points, or an empty vector when it is not a Vietnamese syllable
// with a tone mark, or is already canonical.
std::vector<UChar32> Canonical(const std::vector<UChar32>& word) {
  if (!HasToneMark(word)) return {};  // most words of most text, and cheaper to tell than to parse
  std::u32string lower(word.size(), U' ');
  for (std::size_t i = 0; i < word.size(); ++i) lower[i] = static_cast<char32_t>(u_tolower(word[i]));
  const std::optional<Syllable> syllable = ParseSyllable(lower);
  if (!syllable || syllable->toned == std::u32string_view::npos) return {};
  const std::size_t start = syllable->onset_end;
  const std::size_t end = syllable->nucleus_end;

  std::size_t target = std::u32string_view::npos;
  for (std::size_t i = start; i < end; ++i) {
    if (kShaped.find(SplitVowel(lower[i]).base) != std::u32string_view::npos) target = i;  // the ơ of ươ
  }
  if (target == std::u32string_view::npos) {
    if (end < lower.size()) {
      target = end - 1;       // a final consonant: the last vowel
    } else if (end - start == 3) {
      target = start + 1;     // three vowels: the middle one
    } else {
      target = start;         // one or two: the first
    }
  }
  if (target == syllable->toned) return {};

  std::vector<UChar32> out = word;
  const std::size_t toned = syllable->toned;
  out[toned] = InCase(SplitVowel(lower[toned]).base, word[toned]);
  out[target] = InCase(ComposeVowel(SplitVowel(lower[target]).base, syllable->tone), word[target]);
  return out;
}

// Appends the canonical form of `word`, a run of letters not all ASCII.
void AppendCanonicalWord(std::string_view word, std::string& out) {
  // A few thousand Vietnamese syllables make up most text, and parsing one costs far more than a lookup:
  // each thread remembers the forms it has made (the index puts every document through here).
  constexpr std::size_t kMaxRemembered = 1 << 16;
  constexpr std::size_t kLongestRemembered = 32;  // bytes; longer "words" are not syllables worth keeping
  thread_local StringMap<std::string> remembered;
  const bool rememberable = word.size() <= kLongestRemembered;
  if (rememberable) {
    if (const auto it = remembered.find(word); it != remembered.end()) {
      out += it->second;
      return;
    }
  }
  std::vector<UChar32> code_points;
  const auto* s = reinterpret_cast<const uint8_t*>(word.data());
  for (int64_t i = 0, n = static_cast<int64_t>(word.size()); i < n;) {
    UChar32 c;
    U8_NEXT_UNSAFE(s, i, c);
    code_points.push_back(c);
  }
  std::string form;
  if (const std::vector<UChar32> canonical = Canonical(code_points); canonical.empty()) {
    form = word;
  } else {
    for (UChar32 c : canonical) AppendUtf8(form, static_cast<char32_t>(c));
  }
  out += form;
  if (rememberable) {
    if (remembered.size() >= kMaxRemembered) remembered.clear();
    remembered.emplace(word, std::move(form));
  }
}

}  // namespace

std::string CanonicalSyllable(std::string_view word) {
  // ASCII words carry no tone marks; CanonicalToneMarks remembers the rest.
  if (std::all_of(word.begin(), word.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; })) {
    return std::string(word);
  }
  return CanonicalToneMarks(word);
}

std::string MatchingForm(std::string_view text) {
  UErrorCode error = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(error);
  std::string composed;
  icu::StringByteSink<std::string> sink(&composed);
  if (U_SUCCESS(error)) {
    nfc->normalizeUTF8(0, icu::StringPiece(text.data(), static_cast<int32_t>(text.size())), sink, nullptr, error);
  }
  if (U_FAILURE(error)) throw std::runtime_error(std::string("NFC normalisation failed: ") + u_errorName(error));
  return CanonicalToneMarks(composed);
}

std::string CanonicalToneMarks(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const auto length = static_cast<int64_t>(text.size());
  // Only words with a letter beyond ASCII can change: everything else is copied in runs, up to such a word.
  int64_t copied = 0;
  bool in_word = false;
  bool ascii_word = true;
  int64_t word_start = 0;
  auto end_word = [&](int64_t word_end) {
    if (!in_word) return;
    in_word = false;
    if (ascii_word) return;
    out.append(text.substr(static_cast<std::size_t>(copied), static_cast<std::size_t>(word_start - copied)));
    AppendCanonicalWord(
        text.substr(static_cast<std::size_t>(word_start), static_cast<std::size_t>(word_end - word_start)), out);
    copied = word_end;
  };
  for (int64_t i = 0; i < length;) {
    const int64_t at = i;
    UChar32 c;
    U8_NEXT_UNSAFE(s, i, c);
    if (c < 0x80 ? (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') : u_isalpha(c)) {  // ASCII without a call
      if (!in_word) {
        in_word = true;
        ascii_word = true;
        word_start = at;
      }
      ascii_word = ascii_word && c < 0x80;
      continue;
    }
    end_word(at);
  }
  end_word(length);
  out.append(text.substr(static_cast<std::size_t>(copied)));
  return out;
}

namespace {

// The base letter of each precomposed Latin letter in U+00C0..U+024F and U+1E00..U+1EFF (0 when the
// letter does not decompose to an ASCII letter plus marks), from ICU's canonical decompositions.
class FoldTable {
 public:
  FoldTable() {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
    if (U_FAILURE(status)) throw std::runtime_error("ICU has no NFD data");
    auto fill = [nfd](UChar32 first, std::vector<char>& table) {
      for (std::size_t i = 0; i < table.size(); ++i) {
        icu::UnicodeString decomposed;
        const UChar32 c = first + static_cast<UChar32>(i);
        if (!nfd->getDecomposition(c, decomposed) || decomposed.isEmpty()) continue;
        const UChar32 base = decomposed.char32At(0);
        if (base < 0x80 && u_isalpha(base)) table[i] = static_cast<char>(base);
      }
    };
    fill(kLatin1, latin_);
    fill(kLatinAdditional, additional_);
    latin_[0x0110 - kLatin1] = 'D';  // Đ
    latin_[0x0111 - kLatin1] = 'd';  // đ
    latin_[0x00D0 - kLatin1] = 'D';  // Ð, the look-alike written for Đ
  }

  // The ASCII base letter of `c`, or 0.
  char Base(UChar32 c) const {
    if (c >= kLatin1 && c < kLatin1 + static_cast<UChar32>(latin_.size())) return latin_[c - kLatin1];
    if (c >= kLatinAdditional && c < kLatinAdditional + static_cast<UChar32>(additional_.size())) {
      return additional_[c - kLatinAdditional];
    }
    return 0;
  }

 private:
  static constexpr UChar32 kLatin1 = 0x00C0;
  static constexpr UChar32 kLatinAdditional = 0x1E00;
  std::vector<char> latin_ = std::vector<char>(0x0250 - kLatin1, 0);
  std::vector<char> additional_ = std::vector<char>(0x1F00 - kLatinAdditional, 0);
};

}  // namespace

std::string FoldDiacritics(std::string_view text) {
  static const FoldTable table;
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte < 0x80) {
      out += text[i++];
      continue;
    }
    const std::size_t start = i;
    UChar32 c;
    U8_NEXT(text.data(), i, text.size(), c);
    if (c >= 0x0300 && c <= 0x036F) continue;  // a combining mark (text in NFD)
    if (const char base = table.Base(c); base != 0) {
      out += base;
    } else {
      out.append(text, start, i - start);
    }
  }
  return out;
}

}  // namespace dipdoc
