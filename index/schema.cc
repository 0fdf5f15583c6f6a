#include "index/schema.h"

#include "ingest/content_hash.h"

namespace dipdoc::schema {

std::string PathTerm(std::string_view canonical_path) {
  if (canonical_path.size() <= kMaxPathTermBytes) return std::string(kPath) + std::string(canonical_path);
  return std::string(kPath) + "#" + Sha256Hex(canonical_path);
}

std::string DateValue(std::string_view iso_date) {
  std::string value;
  for (char c : iso_date) {
    if (c != '-') value += c;
  }
  value.resize(8, '0');
  return value;
}

std::string FacetValue(std::string_view doc_type, std::string_view language, std::string_view year,
                       const std::vector<std::string>& partners) {
  std::string value(doc_type);
  value += kFieldSeparator;
  value += language;
  value += kFieldSeparator;
  value += year;
  value += kFieldSeparator;
  for (std::size_t i = 0; i < partners.size(); ++i) {
    if (i != 0) value += kListSeparator;
    value += partners[i];
  }
  return value;
}

FacetFields ParseFacetValue(std::string_view value) {
  FacetFields fields;
  std::string_view* const parts[] = {&fields.doc_type, &fields.language, &fields.year};
  for (std::string_view* part : parts) {
    const std::size_t end = value.find(kFieldSeparator);
    if (end == std::string_view::npos) return fields;  // not a facet value: no fields past here
    *part = value.substr(0, end);
    value.remove_prefix(end + 1);
  }
  while (!value.empty()) {
    const std::size_t end = value.find(kListSeparator);
    fields.partners.push_back(value.substr(0, end));
    if (end == std::string_view::npos) break;
    value.remove_prefix(end + 1);
  }
  return fields;
}

}  // namespace dipdoc::schema
