#include "ingest/text_normaliser.h"

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>

#include <stdexcept>

namespace dipdoc {
namespace {

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

// CR LF and lone CR become LF.
std::string UnifyLineEnds(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\r') {
      out += text[i];
    } else {
      out += '\n';
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
    }
  }
  return out;
}

}  // namespace

TextNormaliser::TextNormaliser() {
  UErrorCode error = U_ZERO_ERROR;
  nfc_ = icu::Normalizer2::getNFCInstance(error);
  if (U_FAILURE(error)) throw std::runtime_error(std::string("ICU NFC data unavailable: ") + u_errorName(error));
}

std::string TextNormaliser::Normalise(std::string_view utf8) const {
  if (utf8.starts_with(kUtf8Bom)) utf8.remove_prefix(kUtf8Bom.size());
  const std::string unified = UnifyLineEnds(utf8);

  std::string out;
  out.reserve(unified.size());
  icu::StringByteSink<std::string> sink(&out);
  UErrorCode error = U_ZERO_ERROR;
  nfc_->normalizeUTF8(0, icu::StringPiece(unified.data(), static_cast<int32_t>(unified.size())), sink, nullptr,
                      error);
  if (U_FAILURE(error)) throw std::runtime_error(std::string("NFC normalisation failed: ") + u_errorName(error));
  return out;
}

}  // namespace dipdoc
