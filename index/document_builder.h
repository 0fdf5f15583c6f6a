#ifndef DIPDOC_INDEX_DOCUMENT_BUILDER_H_
#define DIPDOC_INDEX_DOCUMENT_BUILDER_H_

#include <optional>
#include <string>

#include <xapian.h>

#include "index/record.h"
#include "index/variant_map.h"

namespace dipdoc {

// A record in the form the writer stores: the Xapian document, and the words it brings to the accent-free
// and inflection dictionary (index/variant_map.h).
struct BuiltDocument {
  Xapian::Document doc;
  DictionaryWords words;
};

// Turns a Record into the Xapian::Document the schema (index/schema.h) describes: words with positions,
// title words, filter terms, value slots, and the record as JSON data.
// Not thread-safe (it owns a TermGenerator): one builder per worker. The documents it builds may be handed
// to the single writer thread.
class DocumentBuilder {
 public:
  DocumentBuilder();

  BuiltDocument Build(const Record& record);

  // The stemmer whose stems the dictionary records for words of documents in `language`; the empty Stem
  // (none) for all but en and fr.
  const Xapian::Stem& StemmerFor(const std::optional<std::string>& language) const;

 private:
  Xapian::TermGenerator term_generator_;
  Xapian::Stem english_;
  Xapian::Stem french_;
  WordCollector words_;
};

}  // namespace dipdoc

#endif  // DIPDOC_INDEX_DOCUMENT_BUILDER_H_
