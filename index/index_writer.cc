#include "index/index_writer.h"

#include <algorithm>
#include <stdexcept>

#include "index/record_json.h"
#include "index/schema.h"
#include "index/stored_record.h"

namespace dipdoc {
namespace {

Record StoredRecord(const Xapian::Document& doc) {
  Result<Record> record = UnpackRecord(doc.get_data());
  if (!record.ok()) throw Xapian::DatabaseCorruptError(record.status().message());
  return std::move(record).value();
}

}  // namespace

Xapian::docid FindDocument(const Xapian::Database& db, const std::string& term) {
  Xapian::PostingIterator it = db.postlist_begin(term);
  return it == db.postlist_end(term) ? 0 : *it;
}

IndexWriter::IndexWriter(Xapian::WritableDatabase db) : db_(std::move(db)) {}

bool IndexWriter::IsIndexed(std::string_view doc_id, std::string_view canonical_path) const {
  const Xapian::docid id = FindDocument(db_, std::string(schema::kDocId) + std::string(doc_id));
  return id != 0 && FindDocument(db_, schema::PathTerm(canonical_path)) == id;
}

bool IndexWriter::DetachPath(const std::string& path, Xapian::docid keep) {
  const std::string path_term = schema::PathTerm(path);
  const Xapian::docid holder = FindDocument(db_, path_term);
  if (holder == 0 || holder == keep) return false;
  Xapian::Document doc = db_.get_document(holder);
  Record record = StoredRecord(doc);
  std::erase_if(record.sources, [&](const SourceFile& s) { return s.path == path; });
  if (record.sources.empty()) {
    db_.delete_document(holder);
    return true;
  }
  record.document.source = record.sources.front().source;
  record.document.path = record.sources.front().path;
  doc.remove_term(path_term);
  doc.set_data(PackRecord(record));
  db_.replace_document(holder, doc);
  return true;
}

StoreOutcome IndexWriter::Store(const Record& record, BuiltDocument built, bool refresh) {
  if (record.sources.size() != 1) throw std::invalid_argument("IndexWriter::Store: one source per record");
  const SourceFile& file = record.sources.front();
  const std::string id_term = std::string(schema::kDocId) + record.document.doc_id;
  const Xapian::docid existing = FindDocument(db_, id_term);

  if (existing == 0) {
    const bool replaced = DetachPath(file.path, 0);
    variants_.Record(db_, built.words);
    db_.add_document(built.doc);
    return replaced ? StoreOutcome::kReplaced : StoreOutcome::kAdded;
  }

  Xapian::Document doc = db_.get_document(existing);
  Record stored = StoredRecord(doc);
  const bool known = std::any_of(stored.sources.begin(), stored.sources.end(),
                                 [&](const SourceFile& s) { return s.path == file.path; });
  if (known && !refresh) return StoreOutcome::kUnchanged;
  if (known) {
    // The same content from the same file, written again in the current layout with all its sources.
    Record refreshed = record;
    refreshed.sources = stored.sources;
    refreshed.document.source = stored.sources.front().source;
    refreshed.document.path = stored.sources.front().path;
    for (const SourceFile& source : stored.sources) built.doc.add_boolean_term(schema::PathTerm(source.path));
    built.doc.set_data(PackRecord(refreshed));
    variants_.Record(db_, built.words);
    db_.replace_document(existing, built.doc);
    return StoreOutcome::kReplaced;
  }

  DetachPath(file.path, existing);
  stored.sources.push_back(file);
  doc.add_boolean_term(schema::PathTerm(file.path));
  doc.set_data(PackRecord(stored));
  db_.replace_document(existing, doc);
  return StoreOutcome::kSourceAdded;
}

}  // namespace dipdoc
