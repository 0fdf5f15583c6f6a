#include "index/stored_record.h"

#include <zstd.h>

#include <memory>

namespace dipdoc {
namespace {

// Fast to write (the workers compress each record once) and within 3% of level 3's size on records.
constexpr int kLevel = 1;
// No record comes near this; a frame that says more is damaged.
constexpr unsigned long long kMaxRecordBytes = 1ULL << 30;

struct ContextFree {
  void operator()(ZSTD_CCtx* c) const { ZSTD_freeCCtx(c); }
  void operator()(ZSTD_DCtx* d) const { ZSTD_freeDCtx(d); }
};

// One context per thread, made once and reused for every record, as zstd's manual advises. Frames carry a
// checksum of their content, so a damaged record is an error rather than other text.
ZSTD_CCtx* Compressor() {
  thread_local std::unique_ptr<ZSTD_CCtx, ContextFree> context = [] {
    std::unique_ptr<ZSTD_CCtx, ContextFree> made(ZSTD_createCCtx());
    ZSTD_CCtx_setParameter(made.get(), ZSTD_c_compressionLevel, kLevel);
    ZSTD_CCtx_setParameter(made.get(), ZSTD_c_checksumFlag, 1);
    return made;
  }();
  return context.get();
}
ZSTD_DCtx* Decompressor() {
  thread_local std::unique_ptr<ZSTD_DCtx, ContextFree> context(ZSTD_createDCtx());
  return context.get();
}

bool IsJson(std::string_view data) { return !data.empty() && data.front() == '{'; }

// The JSON in `data` (a zstd frame, or JSON as written before) in `json`.
Status Unpack(std::string_view data, std::string& json) {
  if (IsJson(data)) {
    json.assign(data);
    return Status::Ok();
  }
  const unsigned long long size = ZSTD_getFrameContentSize(data.data(), data.size());
  if (size == ZSTD_CONTENTSIZE_ERROR || size == ZSTD_CONTENTSIZE_UNKNOWN || size > kMaxRecordBytes) {
    return Status::Database("stored record is neither JSON nor a zstd frame");
  }
  json.resize(size);
  const std::size_t got = ZSTD_decompressDCtx(Decompressor(), json.data(), json.size(), data.data(), data.size());
  if (ZSTD_isError(got) || got != size) {
    return Status::Database(std::string("stored record does not decompress: ") +
                            (ZSTD_isError(got) ? ZSTD_getErrorName(got) : "short frame"));
  }
  return Status::Ok();
}

}  // namespace

std::string PackRecord(const Record& record) {
  const std::string json = RecordToJson(record, RecordForm::kStored);
  std::string packed(ZSTD_compressBound(json.size()), '\0');
  const std::size_t size = ZSTD_compress2(Compressor(), packed.data(), packed.size(), json.data(), json.size());
  if (ZSTD_isError(size)) return json;  // only when out of memory; plain JSON reads back as well
  packed.resize(size);
  return packed;
}

Result<Record> UnpackRecord(std::string_view data) {
  if (IsJson(data)) return RecordFromJson(data);
  std::string json;
  if (Status status = Unpack(data, json); !status.ok()) return status;
  return RecordFromJson(json);
}

Result<RecordSummary> UnpackRecordSummary(std::string_view data, std::string& buffer) {
  if (Status status = Unpack(data, buffer); !status.ok()) return status;
  return RecordSummaryFromJson(buffer);
}

}  // namespace dipdoc
