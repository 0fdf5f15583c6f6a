#ifndef DIPDOC_NLP_EXTRACTOR_H_
#define DIPDOC_NLP_EXTRACTOR_H_

#include "ingest/document.h"
#include "nlp/extraction.h"

namespace dipdoc {

// "What does this Document say?" The seam between ingest and the annotators (partners, quantities, dates,
// commitments). Annotators arrive with the extraction issue; until then an Extraction is empty, which the
// contract allows. Thread-safe: one Extractor serves every worker.
class Extractor {
 public:
  Extraction Extract(const Document& document) const;
};

}  // namespace dipdoc

#endif  // DIPDOC_NLP_EXTRACTOR_H_
