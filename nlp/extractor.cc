#include "nlp/extractor.h"

namespace dipdoc {

Extraction Extractor::Extract(const Document& /*document*/) const { return Extraction{}; }

}  // namespace dipdoc
