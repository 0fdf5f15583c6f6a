#include "ingest/tone_marks.h"

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <stdexcept>
#include <unordered_map>
#include <vector>

namespace dipdoc {
namespace {

// Tone marks as combining characters; index 0 is "no tone".
constexpr std::array<UChar32, 6> kToneMarks = {0, 0x0300, 0x0301, 0x0309, 0x0303, 0x0323};

// The twelve vowel letters, shape marks included, in both cases.
constexpr std::u32string_view kVowels = U"aăâeêioôơuưyAĂÂEÊIOÔƠUƯY";
constexpr std::u32string_view kShaped = U"ăâêôơưĂÂÊÔƠƯ";

struct Vowel {
  UChar32 base;  // the vowel letter without its tone, shape mark and case kept
  int tone;      // index into kToneMarks
};

// Every toned or untoned vowel letter -> (base, tone), and back.
class VowelTable {
 public:
  VowelTable() {
    UErrorCode error = U_ZERO_ERROR;
    const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(error);
    if (U_FAILURE(error)) throw std::runtime_error("ICU NFC data unavailable");
    for (UChar32 base : kVowels) {
      for (int tone = 0; tone < static_cast<int>(kToneMarks.size()); ++tone) {
        const UChar32 composed = tone == 0 ? base : nfc->composePair(base, kToneMarks[tone]);
        if (composed < 0) continue;
        decompose_[composed] = Vowel{base, tone};
        compose_[Key(base, tone)] = composed;
      }
    }
  }

  const Vowel* Find(UChar32 c) const {
    const auto it = decompose_.find(c);
    return it == decompose_.end() ? nullptr : &it->second;
  }
  UChar32 Compose(UChar32 base, int tone) const { return compose_.at(Key(base, tone)); }

 private:
  static int64_t Key(UChar32 base, int tone) { return static_cast<int64_t>(base) * 8 + tone; }

  std::unordered_map<UChar32, Vowel> decompose_;
  std::unordered_map<int64_t, UChar32> compose_;
};

const VowelTable& Vowels() {
  static const VowelTable table;
  return table;
}

bool Contains(std::u32string_view set, UChar32 c) { return set.find(static_cast<char32_t>(c)) != std::u32string_view::npos; }

constexpr std::array<std::u32string_view, 28> kOnsets = {
    U"", U"b", U"c", U"ch", U"d", U"đ", U"g", U"gh", U"gi", U"h", U"k", U"kh", U"l", U"m",
    U"n", U"ng", U"ngh", U"nh", U"p", U"ph", U"qu", U"r", U"s", U"t", U"th", U"tr", U"v", U"x"};
constexpr std::array<std::u32string_view, 9> kCodas = {U"", U"c", U"ch", U"m", U"n", U"ng", U"nh", U"p", U"t"};
constexpr std::array<std::u32string_view, 48> kNuclei = {
    U"a",   U"ă",   U"â",   U"e",   U"ê",   U"i",   U"o",   U"ô",   U"ơ",   U"u",   U"ư",   U"y",
    U"ai",  U"ao",  U"au",  U"ay",  U"âu",  U"ây",  U"eo",  U"êu",  U"ia",  U"iê",  U"iu",  U"oa",
    U"oă",  U"oe",  U"oi",  U"ôi",  U"ơi",  U"oo",  U"ua",  U"uâ",  U"uê",  U"ui",  U"uô",  U"uơ",
    U"uy",  U"ưa",  U"ưi",  U"ươ",  U"ưu",  U"yê",  U"iêu", U"yêu", U"oai", U"oay", U"uôi", U"ươi"};
constexpr std::array<std::u32string_view, 7> kMoreNuclei = {U"oao", U"oeo", U"uây", U"uya", U"uyê", U"uyu", U"ươu"};

template <std::size_t N>
bool OneOf(const std::array<std::u32string_view, N>& set, std::u32string_view s) {
  return std::find(set.begin(), set.end(), s) != set.end();
}

// The canonical form of one word as code points, or an empty vector when it is not a Vietnamese syllable
// with exactly one tone mark, or is already canonical.
std::vector<UChar32> Canonical(const std::vector<UChar32>& word) {
  const VowelTable& vowels = Vowels();
  const std::size_t n = word.size();
  if (n == 0 || n > 8) return {};
  std::u32string lower(n, U' ');
  std::vector<int> tone(n, 0);
  for (std::size_t i = 0; i < n; ++i) {
    UChar32 c = word[i];
    if (const Vowel* v = vowels.Find(c)) {
      c = v->base;
      tone[i] = v->tone;
    }
    lower[i] = static_cast<char32_t>(u_tolower(c));
  }
  auto is_vowel = [&](std::size_t i) { return Contains(kVowels, static_cast<UChar32>(lower[i])); };

  // Onset: the consonants before the first vowel; "qu" and "gi" (before another vowel) take their vowel.
  std::size_t start = 0;
  while (start < n && !is_vowel(start)) ++start;
  if (start + 1 < n) {
    const std::u32string_view onset(lower.data(), start);
    if ((onset == U"q" && lower[start] == U'u') || (onset == U"g" && lower[start] == U'i' && is_vowel(start + 1))) {
      ++start;
    }
  }
  std::size_t end = start;
  while (end < n && is_vowel(end)) ++end;
  const std::u32string_view onset(lower.data(), start);
  const std::u32string_view nucleus(lower.data() + start, end - start);
  const std::u32string_view coda(lower.data() + end, n - end);
  if (nucleus.empty() || !OneOf(kOnsets, onset) || !OneOf(kCodas, coda)) return {};
  if (!OneOf(kNuclei, nucleus) && !OneOf(kMoreNuclei, nucleus)) return {};

  // Exactly one tone, anywhere in the vowels (the u of "qu" or the i of "gi" included).
  int the_tone = 0;
  std::size_t toned = n;
  for (std::size_t i = 0; i < end; ++i) {
    if (tone[i] == 0) continue;
    if (toned != n) return {};
    toned = i;
    the_tone = tone[i];
  }
  if (toned == n) return {};

  std::size_t target;
  std::size_t shaped = n;
  for (std::size_t i = start; i < end; ++i) {
    if (Contains(kShaped, static_cast<UChar32>(lower[i]))) shaped = i;
  }
  if (shaped != n) {
    target = shaped;
  } else if (!coda.empty()) {
    target = end - 1;
  } else if (nucleus.size() == 3) {
    target = start + 1;
  } else {
    target = start;
  }
  if (target == toned) return {};

  std::vector<UChar32> out = word;
  out[toned] = vowels.Compose(vowels.Find(word[toned])->base, 0);
  out[target] = vowels.Compose(vowels.Find(word[target]) ? vowels.Find(word[target])->base : word[target], the_tone);
  return out;
}

void AppendUtf8(std::string& out, UChar32 c) {
  char buffer[U8_MAX_LENGTH];
  int32_t length = 0;
  U8_APPEND_UNSAFE(buffer, length, c);
  out.append(buffer, static_cast<std::size_t>(length));
}

}  // namespace

std::string CanonicalSyllable(std::string_view word) { return CanonicalToneMarks(word); }

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
  std::vector<UChar32> word;
  int64_t word_start = 0;
  auto flush = [&](int64_t word_end) {
    if (word.empty()) return;
    const std::vector<UChar32> canonical = Canonical(word);
    if (canonical.empty()) {
      out.append(text.substr(static_cast<std::size_t>(word_start), static_cast<std::size_t>(word_end - word_start)));
    } else {
      for (UChar32 c : canonical) AppendUtf8(out, c);
    }
    word.clear();
  };
  for (int64_t i = 0; i < length;) {
    const int64_t at = i;
    UChar32 c;
    U8_NEXT_UNSAFE(s, i, c);
    if (u_isalpha(c)) {
      if (word.empty()) word_start = at;
      word.push_back(c);
      continue;
    }
    flush(at);
    out.append(text.substr(static_cast<std::size_t>(at), static_cast<std::size_t>(i - at)));
  }
  flush(length);
  return out;
}

}  // namespace dipdoc
