#include "ingest/text_decoder.h"

#include "ingest/embedded_data.h"

// Placeholder until the decoder lands (being written now).
namespace dipdoc {

std::string_view ToString(Encoding) { return data::kVniTable.empty() ? "utf-8" : "utf-8"; }

Result<DecodedText> DecodeText(std::string_view bytes) { return DecodedText{std::string(bytes), Encoding::kUtf8}; }

}  // namespace dipdoc
