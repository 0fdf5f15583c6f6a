#ifndef DIPDOC_INDEX_INDEX_WRITER_H_
#define DIPDOC_INDEX_INDEX_WRITER_H_

#include <string>
#include <string_view>

#include <xapian.h>

#include "index/document_builder.h"
#include "index/record.h"
#include "index/variant_map.h"

namespace dipdoc {

// What Store did with one record.
enum class StoreOutcome {
  kAdded,        // new content from a new file
  kReplaced,     // the file was indexed before with other content; the old version is gone
  kUnchanged,    // this content from this file is already indexed: nothing was written
  kSourceAdded,  // this content is already indexed from another file: the file became one more source
};

// The single writer of the index. Keeps three rules: one Xapian document per distinct content (Q term),
// every file path belongs to at most one document (P terms), and a document with no source left is deleted.
// Xapian exceptions propagate: the caller owns the transaction and cancels it on failure.
class IndexWriter {
 public:
  explicit IndexWriter(Xapian::WritableDatabase db);

  // Stores `record`, whose Xapian form `built` came from DocumentBuilder::Build(record). With `refresh`,
  // a document already indexed from this file is written again (the index layout changed since) and the
  // outcome is kReplaced rather than kUnchanged.
  // REQUIRES: record.sources holds exactly the file being ingested; record.document.doc_id is set.
  StoreOutcome Store(const Record& record, BuiltDocument built, bool refresh = false);

  // Whether the document with this content id is indexed with `canonical_path` among its sources.
  bool IsIndexed(std::string_view doc_id, std::string_view canonical_path) const;

  Xapian::WritableDatabase& database() { return db_; }

 private:
  // Removes `path` from the sources of the document that holds it, if any; deletes that document when it
  // has no source left. Returns whether some document held it.
  bool DetachPath(const std::string& path, Xapian::docid keep);

  Xapian::WritableDatabase db_;
  VariantRecorder variants_;
};

// The Xapian docid holding `term`, or 0.
Xapian::docid FindDocument(const Xapian::Database& db, const std::string& term);

}  // namespace dipdoc

#endif  // DIPDOC_INDEX_INDEX_WRITER_H_
