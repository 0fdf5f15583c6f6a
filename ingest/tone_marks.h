#ifndef DIPDOC_INGEST_TONE_MARKS_H_
#define DIPDOC_INGEST_TONE_MARKS_H_

// Vietnamese writes the same syllable with its tone mark in two places: "hoà"/"hòa", "thuỷ"/"thủy",
// "Thuỵ Sĩ"/"Thụy Sĩ"; text in the wild also carries misplaced marks ("baỏ" for "bảo"). NFC does not
// unify them. Documents keep the placement their author chose (Document::text is for display); every
// stage that matches words (extraction, the index, queries) first puts each syllable into one canonical
// form with these functions, so both placements are the same word.
//
// The canonical form is the traditional placement, applied only to well-formed Vietnamese syllables
// (onset + vowel nucleus + final consonant, one tone mark): on the vowel that carries a shape mark
// (â ă ê ô ơ ư; the ơ of ươ), else on the last vowel when a final consonant follows ("hoàn"), else on the
// middle of three vowels ("ngoài"), else on the first of two ("hòa", "thủy", "khỏe"). "qu" and "gi" are
// onsets ("quý", "giữ"). Any other word (French "où", English, numbers) is returned unchanged.

#include <string>
#include <string_view>

namespace dipdoc {

// REQUIRES: word is NFC, well-formed UTF-8
std::string CanonicalSyllable(std::string_view word);

// Every word of `text` in canonical form; everything between words is copied unchanged.
// REQUIRES: text is NFC, well-formed UTF-8
std::string CanonicalToneMarks(std::string_view text);

// The form a query or a name is matched in: NFC, then canonical tone marks. For text that did not come
// through TextNormaliser (queries typed or pasted by users, gazetteer entries).
// REQUIRES: text is well-formed UTF-8
std::string MatchingForm(std::string_view text);

// `text` without its marks, for accent-free matching: every Latin letter with diacritics becomes its base
// letter ("Ngoại" -> "Ngoai", "é" -> "e"), đ/Đ become d/D (they have no Unicode decomposition), and
// combining marks are dropped. Case and everything else are kept. Folding merges words ("ngoại", "ngoài"
// and "ngoái" all fold to "ngoai"): use it to find candidates, never as the only test of a match.
// REQUIRES: text is well-formed UTF-8
std::string FoldDiacritics(std::string_view text);

}  // namespace dipdoc

#endif  // DIPDOC_INGEST_TONE_MARKS_H_
