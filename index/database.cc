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
  try {
    return Xapian::Database(dir.string());
  } catch (const Xapian::Error& e) {
    return Status::Database("cannot open the index at " + dir.string() + ": " + e.get_description());
  }
}

Result<Xapian::WritableDatabase> OpenWritableDatabase(const std::filesystem::path& dir) {
  try {
    return Xapian::WritableDatabase(dir.string(), Xapian::DB_CREATE_OR_OPEN);
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
