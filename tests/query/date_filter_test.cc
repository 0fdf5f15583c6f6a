#include "query/date_filter.h"

#include <catch2/catch.hpp>

namespace dipdoc {
namespace {

TEST_CASE("date bounds cover their whole period", "[query]") {
  struct Case {
    std::optional<std::string> from, to;
    std::string expected_from, expected_to;
  };
  const Case cases[] = {
      {"2021", "2021", "20210000", "20219999"},
      {"2021-08", "2021-09", "20210800", "20210999"},
      {"2021-08-17", "2021-08-17", "20210817", "20210817"},
      {std::nullopt, "2022", "00000000", "20229999"},
      {"2021-01-05", std::nullopt, "20210105", "99999999"},
  };
  for (const Case& c : cases) {
    INFO(c.from.value_or("-") << " .. " << c.to.value_or("-"));
    Result<DateRange> range = MakeDateRange(c.from, c.to);
    REQUIRE(range.ok());
    CHECK(range.value().from == c.expected_from);
    CHECK(range.value().to == c.expected_to);
  }
}

TEST_CASE("bad dates are usage errors naming the option", "[query]") {
  for (const char* bad : {"21", "2021-1", "2021-13", "2021-00", "2021-08-32", "August 2021", "2021-08-17T10:00", ""}) {
    INFO(bad);
    Result<DateRange> range = MakeDateRange(std::string(bad), std::nullopt);
    REQUIRE_FALSE(range.ok());
    CHECK(range.status().code() == Status::Code::kUsage);
    CHECK_THAT(range.status().message(), Catch::Contains("--from"));
  }
  CHECK_FALSE(MakeDateRange(std::string("2022"), std::string("2021")).ok());
}

TEST_CASE("a range contains the padded dates of its period", "[query]") {
  const DateRange august = MakeDateRange(std::string("2021-08"), std::string("2021-08")).value();
  CHECK(august.Contains("20210801"));
  CHECK(august.Contains("20210831"));
  CHECK(august.Contains("20210800"));
  CHECK_FALSE(august.Contains("20210000"));
  CHECK_FALSE(august.Contains("20210901"));
}

}  // namespace
}  // namespace dipdoc
