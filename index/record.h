#ifndef DIPDOC_INDEX_RECORD_H_
#define DIPDOC_INDEX_RECORD_H_

// What the index keeps for one document: the Document, what nlp found in it, and every file it came from.

#include <string>
#include <vector>

#include "ingest/document.h"
#include "nlp/extraction.h"

namespace dipdoc {

// One file whose bytes are this document's content.
struct SourceFile {
  std::string source;   // the path as given when it was ingested
  std::string path;     // canonical absolute path: the key that makes re-ingest idempotent
  friend bool operator==(const SourceFile&, const SourceFile&) = default;
};

struct Record {
  Document document;                 // document.source/path: the first file it was ingested from
  Extraction extraction;
  std::vector<SourceFile> sources;   // every file with this content, the first one first
};

// A Record for a freshly loaded document: its own file is its only source.
Record MakeRecord(Document document, Extraction extraction);

}  // namespace dipdoc

#endif  // DIPDOC_INDEX_RECORD_H_
