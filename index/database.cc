#include "index/database.h"

#include <cstdlib>
#include <system_error>

namespace dipdoc {

std::filesystem::path DefaultDatabaseDir() {
  const char* env = std::getenv("DIPDOC_DB");
  if (env != nullptr && *env != '\0') return env;
  return "dipdoc-db";
}

Result<Xapian::Database> OpenDatabase(const std::filesystem::path& dir) {
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) {
    return Status::Database("no index at " + dir.string() + " (run `dipdoc ingest` first, or pass --db)");
  }
  // A writer that commits twice while the index is being opened discards the revision being read
  // (DatabaseModifiedError): open again, at its latest revision.
  for (int attempt = 1;; ++attempt) {
    try {
      return Xapian::Database(dir.string());
    } catch (const Xapian::DatabaseModifiedError& e) {
      if (attempt < 5) continue;
      return Status::Database("cannot open the index at " + dir.string() + ": " + e.get_description());
    } catch (const Xapian::Error& e) {
      return Status::Database("cannot open the index at " + dir.string() + ": " + e.get_description());
    }
  }
}

namespace {

// Whether `dir` holds an index Xapian began to create and never finished: glass writes its tables first and
// its version file (iamglass) last, so a process killed in between leaves tables and no version file.
// Nothing was ever committed to such a folder.
bool IsUnfinishedIndex(const std::filesystem::path& dir) {
  std::error_code ec;
  if (std::filesystem::exists(dir / "iamglass", ec) || ec) return false;
  for (auto it = std::filesystem::directory_iterator(dir, ec); !ec && it != std::filesystem::directory_iterator();
       it.increment(ec)) {
    if (it->path().extension() == ".glass") return true;
  }
  return false;
}

}  // namespace

Result<Xapian::WritableDatabase> OpenWritableDatabase(const std::filesystem::path& dir) {
  try {
    try {
      return Xapian::WritableDatabase(dir.string(), Xapian::DB_CREATE_OR_OPEN);
    } catch (const Xapian::DatabaseOpeningError&) {
      if (!IsUnfinishedIndex(dir)) throw;
      // Start it again; the lock taken here keeps another writer out while we do.
      return Xapian::WritableDatabase(dir.string(), Xapian::DB_CREATE_OR_OVERWRITE);
    }
  } catch (const Xapian::DatabaseLockError&) {
    return Status::Database("the index at " + dir.string() + " is being written by another process");
  } catch (const Xapian::Error& e) {
    return Status::Database("cannot open the index at " + dir.string() + " for writing: " + e.get_description());
  }
}

std::uintmax_t DatabaseBytes(const std::filesystem::path& dir) {
  std::uintmax_t total = 0;
  std::error_code ec;
  for (auto it = std::filesystem::directory_iterator(dir, ec); !ec && it != std::filesystem::directory_iterator();
       it.increment(ec)) {
    std::error_code size_ec;
    if (it->is_regular_file(size_ec)) total += it->file_size(size_ec);
  }
  return total;
}

}  // namespace dipdoc
