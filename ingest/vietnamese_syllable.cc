#include "ingest/vietnamese_syllable.h"

#include <array>
#include <string>

namespace dipdoc {
namespace {

// Each vowel letter with its five tones, in Tone order.
constexpr std::u32string_view kForms[] = {
    U"aàáảãạ", U"ăằắẳẵặ", U"âầấẩẫậ", U"eèéẻẽẹ", U"êềếểễệ", U"iìíỉĩị",
    U"oòóỏõọ", U"ôồốổỗộ", U"ơờớởỡợ", U"uùúủũụ", U"ưừứửữự", U"yỳýỷỹỵ",
};

// Lower-case vowel letter -> (base, tone), as two dense tables over the code points they live in.
class VowelTable {
 public:
  static const VowelTable& Get() {
    static const VowelTable table;
    return table;
  }

  VowelLetter Find(char32_t c) const {
    if (c < latin_.size()) return latin_[c];
    if (c >= kExtendedStart && c - kExtendedStart < extended_.size()) return extended_[c - kExtendedStart];
    return {};
  }

 private:
  static constexpr char32_t kExtendedStart = 0x1EA0;  // Latin Extended Additional: ạ ả ấ ... ỹ

  VowelTable() {
    for (std::u32string_view forms : kForms) {
      for (std::size_t tone = 0; tone < forms.size(); ++tone) {
        const char32_t c = forms[tone];
        const VowelLetter letter{forms[0], static_cast<Tone>(tone)};
        if (c < latin_.size()) {
          latin_[c] = letter;
        } else {
          extended_[c - kExtendedStart] = letter;
        }
      }
    }
  }

  std::array<VowelLetter, 0x1B1> latin_{};    // up to ư U+01B0
  std::array<VowelLetter, 0x5A> extended_{};  // U+1EA0 .. U+1EF9
};

enum class Final { kOptional, kNone, kRequired };

struct Nucleus {
  std::u32string_view vowels;
  Final final;
};

// Vowel groups (after the onset; "qu" and "gi" take their u and i) and whether a final consonant follows.
constexpr Nucleus kNuclei[] = {
    {U"a", Final::kOptional},   {U"ă", Final::kRequired},  {U"â", Final::kRequired},  {U"e", Final::kOptional},
    {U"ê", Final::kOptional},   {U"i", Final::kOptional},  {U"o", Final::kOptional},  {U"ô", Final::kOptional},
    {U"ơ", Final::kOptional},   {U"u", Final::kOptional},  {U"ư", Final::kOptional},  {U"y", Final::kOptional},
    {U"ai", Final::kNone},      {U"ao", Final::kNone},     {U"au", Final::kNone},     {U"ay", Final::kNone},
    {U"âu", Final::kNone},      {U"ây", Final::kNone},     {U"eo", Final::kNone},     {U"êu", Final::kNone},
    {U"ia", Final::kNone},      {U"iu", Final::kNone},     {U"oi", Final::kNone},     {U"ôi", Final::kNone},
    {U"ơi", Final::kNone},      {U"ui", Final::kNone},     {U"ưi", Final::kNone},     {U"ưu", Final::kNone},
    {U"ua", Final::kNone},      {U"ưa", Final::kNone},     {U"uơ", Final::kNone},     {U"iê", Final::kRequired},
    {U"yê", Final::kRequired},  {U"uô", Final::kRequired}, {U"ươ", Final::kOptional}, {U"oa", Final::kOptional},
    {U"oă", Final::kRequired},  {U"oe", Final::kOptional}, {U"oo", Final::kRequired}, {U"uâ", Final::kRequired},
    {U"uê", Final::kOptional},  {U"uy", Final::kOptional}, {U"iêu", Final::kNone},    {U"yêu", Final::kNone},
    {U"oai", Final::kNone},     {U"oay", Final::kNone},    {U"oao", Final::kNone},    {U"oeo", Final::kNone},
    {U"uây", Final::kNone},     {U"uôi", Final::kNone},    {U"ươi", Final::kNone},    {U"ươu", Final::kNone},
    {U"uya", Final::kNone},     {U"uyu", Final::kNone},    {U"uyê", Final::kRequired},
};

// Longest first, so "ngh" is tried before "ng" and "n".
constexpr std::u32string_view kOnsets[] = {
    U"ngh", U"ch", U"gh", U"gi", U"kh", U"ng", U"nh", U"ph", U"qu", U"th", U"tr", U"b", U"c", U"d",
    U"đ",   U"g",  U"h",  U"k",  U"l",  U"m",  U"n",  U"p",  U"r",  U"s",  U"t",  U"v", U"x", U"",
};
constexpr std::u32string_view kFinals[] = {U"ch", U"ng", U"nh", U"c", U"m", U"n", U"p", U"t", U""};
constexpr std::u32string_view kConsonants = U"bcdđghklmnpqrstvx";
constexpr std::size_t kLongestSyllable = 7;  // "nghiêng"

bool IsVowelBase(char32_t c) { return std::u32string_view(U"aăâeêioôơuưy").find(c) != std::u32string_view::npos; }

// The length of the vowel group of `rime` (vowels + final consonant), or 0 when it is not a valid rime for
// `tone`.
std::size_t RimeNucleus(std::u32string_view rime, Tone tone) {
  for (std::u32string_view final : kFinals) {
    if (rime.size() <= final.size() || !rime.ends_with(final)) continue;
    const std::u32string_view vowels = rime.substr(0, rime.size() - final.size());
    for (const Nucleus& nucleus : kNuclei) {
      if (nucleus.vowels != vowels) continue;
      if (final.empty() ? nucleus.final == Final::kRequired : nucleus.final == Final::kNone) continue;
      const bool stop = final == U"c" || final == U"ch" || final == U"p" || final == U"t";
      if (stop && tone != kAcute && tone != kDotBelow) continue;
      return vowels.size();
    }
  }
  return 0;
}

}  // namespace

VowelLetter SplitVowel(char32_t c) { return VowelTable::Get().Find(c); }

char32_t ComposeVowel(char32_t base, Tone tone) {
  for (std::u32string_view forms : kForms) {
    if (forms[0] == base) return forms[tone];
  }
  return base;
}

std::optional<Syllable> ParseSyllable(std::u32string_view word) {
  if (word.empty() || word.size() > kLongestSyllable) return std::nullopt;
  std::array<char32_t, kLongestSyllable> bases{};
  Tone tone = kLevel;
  std::size_t toned = std::u32string_view::npos;
  for (std::size_t i = 0; i < word.size(); ++i) {
    const VowelLetter vowel = SplitVowel(word[i]);
    if (vowel.base != 0) {
      if (vowel.tone != kLevel) {
        if (tone != kLevel) return std::nullopt;  // two tone marks
        tone = vowel.tone;
        toned = i;
      }
      bases[i] = vowel.base;
    } else if (kConsonants.find(word[i]) != std::u32string_view::npos) {
      bases[i] = word[i];
    } else {
      return std::nullopt;
    }
  }
  const std::u32string_view plain(bases.data(), word.size());
  for (std::u32string_view onset : kOnsets) {
    if (!plain.starts_with(onset)) continue;
    const std::u32string_view rime = plain.substr(onset.size());
    if (rime.empty() || !IsVowelBase(rime.front())) continue;  // "gì" is g + ì, not gi + nothing
    if (const std::size_t nucleus = RimeNucleus(rime, tone)) {
      return Syllable{onset.size(), onset.size() + nucleus, tone, toned};
    }
  }
  return std::nullopt;
}

}  // namespace dipdoc
