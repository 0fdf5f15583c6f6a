#ifndef DIPDOC_INDEX_PRUNER_H_
#define DIPDOC_INDEX_PRUNER_H_

// Forgetting files that are gone: `dipdoc ingest --prune`. An ingest only adds and replaces; a file deleted
// from disk stays findable until a prune removes its path from the index.

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

#include <xapian.h>

#include "ingest/status.h"

namespace dipdoc {

struct PruneReport {
  std::size_t deleted = 0;   // documents removed: none of their files is left
  std::size_t detached = 0;  // gone files removed from documents that keep another file
};

// Removes from the index every source file that lies under one of `roots` (a file, or anything inside a
// folder, compared as canonical paths) and no longer exists on disk, keeping IndexWriter's rules: a
// document loses the P term and the record entry of each gone file, and is deleted when no file is left.
// An e-mail attachment ("<e-mail>#<n>/<name>") is gone when its e-mail is. A file whose existence cannot be
// checked (permissions, I/O errors) is kept: a prune never guesses. Files outside `roots` are never touched,
// even when missing.
// All changes go in one transaction: a failure leaves the index as it was, and a Database status.
// REQUIRES: `db` is not inside a transaction.
Result<PruneReport> Prune(Xapian::WritableDatabase& db, const std::vector<std::string>& roots);

// The same on the index at `db_dir`, opened for writing (created when absent) and closed again. A Database
// status when it cannot be opened, e.g. because another process is writing it.
Result<PruneReport> Prune(const std::filesystem::path& db_dir, const std::vector<std::string>& roots);

}  // namespace dipdoc

#endif  // DIPDOC_INDEX_PRUNER_H_
