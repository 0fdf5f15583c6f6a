#ifndef DIPDOC_INGEST_STATUS_H_
#define DIPDOC_INGEST_STATUS_H_

// One error vocabulary for every stage. Expected failures (an unreadable file, a malformed query, an index
// that cannot be opened) travel as values; exceptions from libraries are caught at the seam that calls them
// and turned into a Status. Which exit status or HTTP code a Status becomes is decided only at the edges.

#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace dipdoc {

class Status {
 public:
  enum class Code {
    kOk,
    kInvalidInput,    // the input is not what it claims or cannot be understood (bad encoding, binary data)
    kIoError,         // the file system refused (missing file, permission, read error)
    kTooLarge,        // the input exceeds a documented limit
    kUsage,           // the call itself is wrong: bad option value, malformed query
    kDatabase,        // the index cannot be opened, read or written
  };

  Status() = default;  // ok
  static Status Ok() { return Status(); }
  static Status InvalidInput(std::string message) { return Status(Code::kInvalidInput, std::move(message)); }
  static Status IoError(std::string message) { return Status(Code::kIoError, std::move(message)); }
  static Status TooLarge(std::string message) { return Status(Code::kTooLarge, std::move(message)); }
  static Status Usage(std::string message) { return Status(Code::kUsage, std::move(message)); }
  static Status Database(std::string message) { return Status(Code::kDatabase, std::move(message)); }

  bool ok() const { return code_ == Code::kOk; }
  Code code() const { return code_; }
  const std::string& message() const { return message_; }

 private:
  Status(Code code, std::string message) : code_(code), message_(std::move(message)) {}

  Code code_ = Code::kOk;
  std::string message_;
};

// A value or the Status that explains why there is none.
template <typename T>
class Result {
 public:
  Result(T value) : state_(std::move(value)) {}                // NOLINT: implicit by design
  Result(Status status) : state_(std::move(status)) {}         // NOLINT: REQUIRES: !status.ok()

  bool ok() const { return std::holds_alternative<T>(state_); }
  // REQUIRES: ok()
  T& value() & { return std::get<T>(state_); }
  const T& value() const& { return std::get<T>(state_); }
  T&& value() && { return std::get<T>(std::move(state_)); }
  // REQUIRES: !ok()
  const Status& status() const { return std::get<Status>(state_); }

 private:
  std::variant<T, Status> state_;
};

}  // namespace dipdoc

#endif  // DIPDOC_INGEST_STATUS_H_
