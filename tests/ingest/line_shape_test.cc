#include "ingest/line_shape.h"

#include <catch2/catch.hpp>

namespace dipdoc {
namespace {

TEST_CASE("lines end at line feeds and form feeds, and empty ones are dropped", "[ingest]") {
  CHECK(NonEmptyLines("a\n\nb c\fd\n") == std::vector<std::string_view>{"a", "b c", "d"});
  CHECK(NonEmptyLines("").empty());
  CHECK(NonEmptyLines("\n\f\n").empty());
  CHECK(NonEmptyLines("no break") == std::vector<std::string_view>{"no break"});

  constexpr std::string_view text = "ab\ncd\fe";
  CHECK(LineEnd(text, 0) == 2);
  CHECK(LineEnd(text, 2) == 2);
  CHECK(LineEnd(text, 3) == 5);
  CHECK(LineEnd(text, 6) == text.size());
  CHECK(LineEnd(text, text.size()) == text.size());
}

TEST_CASE("lower case is Unicode's, with or without letters beyond ASCII", "[ingest]") {
  struct Case {
    const char* text;
    const char* lower;
  };
  const Case cases[] = {
      {"MINUTES OF THE Meeting, 12/2021", "minutes of the meeting, 12/2021"},
      {"KÍNH GỬI: Đại sứ quán", "kính gửi: đại sứ quán"},
      {"COMPTE RENDU DE L'ENTRETIEN À HANOÏ", "compte rendu de l'entretien à hanoï"},
      {"", ""},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    CHECK(LowerCase(c.text) == c.lower);
  }
}

}  // namespace
}  // namespace dipdoc
