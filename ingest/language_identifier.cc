#include "ingest/language_identifier.h"

#include <cld2/public/compact_lang_det.h>

#include "ingest/utf8.h"

namespace dipdoc {

std::optional<std::string> IdentifyLanguage(std::string_view text) {
  constexpr std::size_t kMaxBytes = 64 * 1024;
  const std::string_view sample = TruncateUtf8(text, kMaxBytes);
  CLD2::Language top3[3];
  int percent3[3];
  int text_bytes = 0;
  bool reliable = false;
  const CLD2::Language language = CLD2::DetectLanguageSummary(
      sample.data(), static_cast<int>(sample.size()), /*is_plain_text=*/true, top3, percent3, &text_bytes, &reliable);
  // With no letters to score CLD2 still answers (English); that is no answer.
  if (text_bytes == 0 || language == CLD2::UNKNOWN_LANGUAGE || language == CLD2::TG_UNKNOWN_LANGUAGE) {
    return std::nullopt;
  }
  std::string code = CLD2::LanguageCode(language);  // "vi", "fr", "zh", "zh-Hant", ...
  code = code.substr(0, code.find('-'));
  if (code.size() != 2) return std::nullopt;  // CLD2 has a few three-letter codes without an ISO 639-1 twin
  return code;
}

}  // namespace dipdoc
