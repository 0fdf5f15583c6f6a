#include "ingest/text_pattern.h"

#include <catch2/catch.hpp>

#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace dipdoc {
namespace {

TEST_CASE("a pattern finds its first match with groups as views into the text", "[ingest][pattern]") {
  const TextPattern date(R"(ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})(?:\s+năm\s+(\d{4}))?)");
  const std::string text = "Hà Nội, ngày 05 tháng 10 năm 2021";
  const std::optional<TextMatch> m = date.Find(text);
  REQUIRE(m.has_value());
  CHECK(m->position == std::string("Hà Nội, ").size());
  CHECK(m->str(0) == "ngày 05 tháng 10 năm 2021");
  CHECK(m->str(1) == "05");
  CHECK(m->str(3) == "2021");
  CHECK(m->groups[1]->data() == text.data() + text.find("05"));
  const std::optional<TextMatch> no_year = date.Find("ngày 5 tháng 9");
  REQUIRE(no_year.has_value());
  CHECK_FALSE(no_year->matched(3));
  CHECK_FALSE(date.Find("tháng 10 năm 2021").has_value());
}

TEST_CASE("an anchored pattern matches only at the start; \\b knows Vietnamese letters", "[ingest][pattern]") {
  const TextPattern kinh_gui("^kính gửi");
  CHECK(kinh_gui.Search("kính gửi: đại sứ quán"));
  CHECK_FALSE(kinh_gui.Search("xin kính gửi: đại sứ quán"));
  const TextPattern said(R"(\b(said|told reporters)\b)");
  CHECK(said.Search("the minister said on monday"));
  CHECK_FALSE(said.Search("unsaid"));
  CHECK(TextPattern(R"(\bliều\b)").Search("1 triệu liều vaccine"));
  CHECK_FALSE(TextPattern(R"(\bliều\b)").Search("liềuthêm"));
  CHECK_FALSE(said.Search(""));
}

TEST_CASE("patterns are shared by threads, and a bad one is refused with its text", "[ingest][pattern]") {
  const TextPattern digits(R"(\d{4})");
  std::vector<std::thread> threads;
  std::vector<int> found(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 500; ++i) found[t] += digits.Search("năm " + std::to_string(2000 + i % 30));
    });
  }
  for (std::thread& t : threads) t.join();
  for (int f : found) CHECK(f == 500);
  CHECK_THROWS_WITH(TextPattern("(unclosed"), Catch::Contains("(unclosed"));
  CHECK_THROWS_AS(TextPattern("[z-a]"), std::invalid_argument);
}

}  // namespace
}  // namespace dipdoc
