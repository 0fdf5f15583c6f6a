#include "nlp/date_reader.h"

namespace dipdoc {

std::vector<DateMention> FindDates(std::string_view /*text*/, const std::optional<std::string>& /*document_date*/) {
  return {};
}

}  // namespace dipdoc
