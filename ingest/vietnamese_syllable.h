#ifndef DIPDOC_INGEST_VIETNAMESE_SYLLABLE_H_
#define DIPDOC_INGEST_VIETNAMESE_SYLLABLE_H_

// The shape of a written Vietnamese syllable: an onset (consonants; "qu" and "gi" take their vowel), a vowel
// group, a final consonant (c, ch, m, n, ng, nh, p, t or none), and at most one tone mark, which a syllable
// closed by c, ch, p or t may only be acute or dot below. Used to recognise Vietnamese text in an unknown
// encoding (text_decoder.cc) and to move tone marks to one canonical place (tone_marks.cc).

#include <cstddef>
#include <optional>
#include <string_view>

namespace dipdoc {

// Tone marks, in the order Vietnamese grammars list them after the level tone.
enum Tone : int { kLevel = 0, kGrave = 1, kAcute = 2, kHook = 3, kTilde = 4, kDotBelow = 5 };

// A lower-case vowel letter split into its toneless letter (shape marks kept: ă â ê ô ơ ư) and its tone.
struct VowelLetter {
  char32_t base = 0;  // 0 when the letter is not a Vietnamese vowel
  Tone tone = kLevel;
};

// REQUIRES: c is lower case
VowelLetter SplitVowel(char32_t c);

// The lower-case letter for a toneless vowel and a tone: ComposeVowel(U'a', kGrave) == U'à'.
// REQUIRES: base is one of a ă â e ê i o ô ơ u ư y
char32_t ComposeVowel(char32_t base, Tone tone);

struct Syllable {
  std::size_t onset_end;     // letters [0, onset_end) are the onset
  std::size_t nucleus_end;   // letters [onset_end, nucleus_end) the vowel group; the rest the final
  Tone tone;
  std::size_t toned;         // the letter carrying the tone mark; npos when the tone is level
};

// `word` as one well-formed syllable, or nullopt.
// REQUIRES: word is lower case, NFC
std::optional<Syllable> ParseSyllable(std::u32string_view word);

}  // namespace dipdoc

#endif  // DIPDOC_INGEST_VIETNAMESE_SYLLABLE_H_
