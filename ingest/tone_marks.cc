#include "ingest/tone_marks.h"

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <stdexcept>
#include <algorithm>
#include <string>
#include <unordered_map>
#include <vector>

#include "ingest/utf8.h"
#include "ingest/vietnamese_syllable.h"

namespace dipdoc {
namespace {

constexpr std::u32string_view kShaped = U"ăâêôơư";

// The letter `lower` (a lower-case vowel with its new tone) in the case `original` was written in.
UChar32 InCase(char32_t lower, UChar32 original) {
  return u_isupper(original) ? u_toupper(static_cast<UChar32>(lower)) : static_cast<UChar32>(lower);
}

// The canonical form of one word as code points, or an empty vector when it is not a Vietnamese syllable
// with a tone mark, or is already canonical.
std::vector<UChar32> Canonical(const std::vector<UChar32>& word) {
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

}  // namespace

std::string CanonicalSyllable(std::string_view word) {
  // ASCII words carry no tone marks. The rest are few (a few thousand Vietnamese syllables make up most
  // text) and asked for over and over by the annotators, so each thread remembers the ones it has seen.
  if (std::all_of(word.begin(), word.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; })) {
    return std::string(word);
  }
  constexpr std::size_t kMaxRemembered = 1 << 16;
  constexpr std::size_t kLongestRemembered = 32;  // bytes; longer "words" are not syllables worth keeping
  if (word.size() > kLongestRemembered) return CanonicalToneMarks(word);
  thread_local std::unordered_map<std::string, std::string> remembered;
  const std::string key(word);
  if (auto it = remembered.find(key); it != remembered.end()) return it->second;
  if (remembered.size() >= kMaxRemembered) remembered.clear();
  std::string canonical = CanonicalToneMarks(word);
  remembered.emplace(key, canonical);
  return canonical;
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
