#ifndef DIPDOC_INDEX_DATABASE_H_
#define DIPDOC_INDEX_DATABASE_H_

// Opening the index folder. Xapian's exceptions stop here and become Database statuses.

#include <filesystem>

#include <xapian.h>

#include "ingest/status.h"

namespace dipdoc {

// $DIPDOC_DB when set and not empty, else ./dipdoc-db: the contract's default for --db.
std::filesystem::path DefaultDatabaseDir();

// Opens an existing index for reading, again when a writer's commits discard the revision being opened. Fails
// when `dir` holds no index.
Result<Xapian::Database> OpenDatabase(const std::filesystem::path& dir);

// Opens the index for writing, creating it when absent. Fails when another process is writing it.
Result<Xapian::WritableDatabase> OpenWritableDatabase(const std::filesystem::path& dir);

// Bytes the index takes on disk.
std::uintmax_t DatabaseBytes(const std::filesystem::path& dir);

}  // namespace dipdoc

#endif  // DIPDOC_INDEX_DATABASE_H_
