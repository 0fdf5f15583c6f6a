#include "ingest/document.h"

#include <array>
#include <utility>

namespace dipdoc {
namespace {

constexpr std::array<std::pair<DocType, std::string_view>, 4> kDocTypeNames = {{
    {DocType::kLetter, "letter"},
    {DocType::kCallNote, "call_note"},
    {DocType::kPress, "press"},
    {DocType::kOther, "other"},
}};

}  // namespace

std::string_view ToString(DocType type) {
  for (const auto& [value, name] : kDocTypeNames) {
    if (value == type) return name;
  }
  return "other";
}

std::optional<DocType> ParseDocType(std::string_view name) {
  for (const auto& [value, known] : kDocTypeNames) {
    if (known == name) return value;
  }
  return std::nullopt;
}

}  // namespace dipdoc
