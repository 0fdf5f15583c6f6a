#ifndef DIPDOC_INDEX_JSON_WRITER_H_
#define DIPDOC_INDEX_JSON_WRITER_H_

// A thin layer over RapidJSON's streaming writer, so that a JSON shape reads like the contract that
// defines it: json.Field("doc_id", id).Field("date", optional_date) ...

#include <concepts>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

namespace dipdoc {

class JsonWriter {
 public:
  JsonWriter() : writer_(buffer_) {}

  JsonWriter& BeginObject() { return Done(writer_.StartObject()); }
  JsonWriter& EndObject() { return Done(writer_.EndObject()); }
  JsonWriter& BeginArray() { return Done(writer_.StartArray()); }
  JsonWriter& EndArray() { return Done(writer_.EndArray()); }
  JsonWriter& Key(std::string_view key) {
    return Done(writer_.Key(key.data(), static_cast<rapidjson::SizeType>(key.size())));
  }

  // Strings, booleans, integers, floating point, std::optional of those (null when empty), nullptr.
  template <typename T>
  JsonWriter& Value(const T& value) {
    if constexpr (std::is_same_v<T, std::nullptr_t>) {
      return Done(writer_.Null());
    } else if constexpr (std::is_same_v<T, bool>) {
      return Done(writer_.Bool(value));
    } else if constexpr (std::is_convertible_v<const T&, std::string_view>) {
      const std::string_view s(value);
      return Done(writer_.String(s.data(), static_cast<rapidjson::SizeType>(s.size())));
    } else if constexpr (std::is_floating_point_v<T>) {
      return Done(writer_.Double(static_cast<double>(value)));
    } else if constexpr (std::is_integral_v<T> && std::is_signed_v<T>) {
      return Done(writer_.Int64(static_cast<int64_t>(value)));
    } else if constexpr (std::is_integral_v<T>) {
      return Done(writer_.Uint64(static_cast<uint64_t>(value)));
    } else {
      return value ? Value(*value) : Done(writer_.Null());  // std::optional
    }
  }

  template <typename T>
  JsonWriter& Field(std::string_view key, const T& value) {
    Key(key);
    return Value(value);
  }

  // An object of name -> count, in the map's order.
  template <typename Map>
  JsonWriter& Counts(std::string_view key, const Map& counts) {
    Key(key).BeginObject();
    for (const auto& [name, count] : counts) Field(name, count);
    return EndObject();
  }

  std::string str() const { return std::string(buffer_.GetString(), buffer_.GetSize()); }

 private:
  JsonWriter& Done(bool) { return *this; }

  rapidjson::StringBuffer buffer_;
  rapidjson::Writer<rapidjson::StringBuffer> writer_;
};

}  // namespace dipdoc

#endif  // DIPDOC_INDEX_JSON_WRITER_H_
