#include "index/pruner.h"

#include <algorithm>
#include <cctype>
#include <set>
#include <string_view>
#include <system_error>

#include "index/database.h"
#include "index/index_writer.h"
#include "index/record.h"
#include "index/record_json.h"
#include "index/schema.h"
#include "index/stored_record.h"

namespace dipdoc {
namespace {

// A root spelled as the index spells paths (see Canonical in indexer.cc): absolute, canonical, and without
// a trailing '/', so that "/data/" and "/data" mean the same folder.
std::string CanonicalRoot(const std::string& root) {
  std::error_code ec;
  const auto canonical = std::filesystem::weakly_canonical(std::filesystem::absolute(root), ec);
  std::string path = ec ? root : canonical.string();
  while (path.size() > 1 && path.back() == '/') path.pop_back();
  return path;
}

// Whether `path` is `root`, lies inside it, or is an attachment of it ("<root>#<n>/<name>").
bool IsUnder(std::string_view path, std::string_view root) {
  if (root == "/") return path.starts_with('/');
  if (!path.starts_with(root)) return false;
  return path.size() == root.size() || path[root.size()] == '/' || path[root.size()] == '#';
}

bool IsUnderAny(std::string_view path, const std::vector<std::string>& roots) {
  return std::any_of(roots.begin(), roots.end(), [&](const std::string& root) { return IsUnder(path, root); });
}

// Whether the file system says for sure that nothing is at `path`. An error other than "not found" (a folder
// we may not read, an I/O error) is no proof: the file may well be there.
bool ProvedMissing(const std::string& path) {
  std::error_code ec;
  return !std::filesystem::exists(path, ec) && !ec;
}

// Whether the file behind an indexed path is gone. An attachment's path "<e-mail>#<n>/<name>" is no file of
// its own: it lives as long as its e-mail. A file name may hold '#' too, so every "#<digits>/" in the path is
// tried as the place where the e-mail's path ends, and any one of them that exists keeps the path.
bool IsGone(const std::string& path) {
  if (!ProvedMissing(path)) return false;
  for (std::size_t hash = path.find('#'); hash != std::string::npos; hash = path.find('#', hash + 1)) {
    std::size_t end = hash + 1;
    while (end < path.size() && std::isdigit(static_cast<unsigned char>(path[end]))) ++end;
    if (end == hash + 1 || end >= path.size() || path[end] != '/') continue;
    if (!ProvedMissing(path.substr(0, hash))) return false;
  }
  return true;
}

bool IsPrunable(const std::string& path, const std::vector<std::string>& roots) {
  return IsUnderAny(path, roots) && IsGone(path);
}

// A P term that holds its path by hash (schema::PathTerm): the path itself is only in the record. A
// canonical path starts with '/', so a plain P term never starts with '#'.
bool IsHashedPathTerm(std::string_view term) {
  return term.size() > schema::kPath.size() && term[schema::kPath.size()] == '#';
}

// The documents that may hold a gone file under `roots`: the holder of a plain P term naming one (a path has
// one holder, IndexWriter's rule), and the holder of every hashed P term, whose paths only their records can tell. Collected before anything is
// changed, so the term list is not walked while it moves.
std::set<Xapian::docid> Candidates(const Xapian::Database& db, const std::vector<std::string>& roots) {
  std::set<Xapian::docid> candidates;
  const std::string prefix(schema::kPath);
  for (auto term = db.allterms_begin(prefix); term != db.allterms_end(prefix); ++term) {
    const std::string name = *term;
    if (!IsHashedPathTerm(name) && !IsPrunable(name.substr(prefix.size()), roots)) continue;
    if (const Xapian::docid holder = FindDocument(db, name); holder != 0) candidates.insert(holder);
  }
  return candidates;
}

// The document's P terms, from its own term list.
std::vector<std::string> PathTermsOf(const Xapian::Document& doc) {
  std::vector<std::string> terms;
  const std::string prefix(schema::kPath);
  auto term = doc.termlist_begin();
  for (term.skip_to(prefix); term != doc.termlist_end() && (*term).starts_with(prefix); ++term) {
    terms.push_back(*term);
  }
  return terms;
}

enum class Outcome { kKept, kDetached, kDeleted };

// Removes the gone files under `roots` from one document, as IndexWriter::DetachPath does for one path (which
// is private, and answers only whether a document held the path). Also drops a plain P term that names a
// gone file the record has lost, so the index ends up consistent either way.
Outcome PruneDocument(Xapian::WritableDatabase& db, Xapian::docid id, const std::vector<std::string>& roots,
                      std::size_t& detached) {
  Xapian::Document doc = db.get_document(id);
  Result<Record> parsed = UnpackRecord(doc.get_data());
  if (!parsed.ok()) throw Xapian::DatabaseCorruptError(parsed.status().message());
  Record record = std::move(parsed).value();

  std::set<std::string> gone_terms;
  const std::size_t before = record.sources.size();
  std::erase_if(record.sources, [&](const SourceFile& s) {
    if (!IsPrunable(s.path, roots)) return false;
    gone_terms.insert(schema::PathTerm(s.path));
    return true;
  });
  const std::size_t removed = before - record.sources.size();
  if (removed != 0 && record.sources.empty()) {
    db.delete_document(id);
    return Outcome::kDeleted;
  }

  bool changed = removed != 0;
  for (const std::string& term : PathTermsOf(doc)) {
    const bool stray = !IsHashedPathTerm(term) && IsPrunable(term.substr(schema::kPath.size()), roots);
    if (gone_terms.contains(term) || stray) {
      doc.remove_term(term);
      changed = true;
    }
  }
  if (!changed) return Outcome::kKept;
  if (!record.sources.empty()) {
    record.document.source = record.sources.front().source;
    record.document.path = record.sources.front().path;
  }
  doc.set_data(PackRecord(record));
  db.replace_document(id, doc);
  detached += removed;
  return removed != 0 ? Outcome::kDetached : Outcome::kKept;
}

}  // namespace

Result<PruneReport> Prune(Xapian::WritableDatabase& db, const std::vector<std::string>& roots) {
  std::vector<std::string> canonical_roots;
  for (const std::string& root : roots) canonical_roots.push_back(CanonicalRoot(root));

  PruneReport report;
  bool in_transaction = false;
  try {
    const std::set<Xapian::docid> candidates = Candidates(db, canonical_roots);
    if (candidates.empty()) return report;
    db.begin_transaction();
    in_transaction = true;
    for (Xapian::docid id : candidates) {
      if (PruneDocument(db, id, canonical_roots, report.detached) == Outcome::kDeleted) ++report.deleted;
    }
    db.commit_transaction();
  } catch (const Xapian::Error& e) {
    if (in_transaction) {
      try {
        db.cancel_transaction();
      } catch (const Xapian::Error&) {
        // The transaction is lost either way; the first error is the one worth reporting.
      }
    }
    return Status::Database("pruning the index failed: " + e.get_description());
  }
  return report;
}

Result<PruneReport> Prune(const std::filesystem::path& db_dir, const std::vector<std::string>& roots) {
  Result<Xapian::WritableDatabase> opened = OpenWritableDatabase(db_dir);
  if (!opened.ok()) return opened.status();
  Xapian::WritableDatabase db = std::move(opened).value();
  Result<PruneReport> report = Prune(db, roots);
  try {
    db.close();
  } catch (const Xapian::Error& e) {
    if (report.ok()) return Status::Database("closing the index failed: " + e.get_description());
  }
  return report;
}

}  // namespace dipdoc
