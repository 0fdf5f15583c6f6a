// The after-action report (query/report.h): its figures, sections and sources in each format, on a ledger
// written by hand; its charts as XML; and `dipdoc report` end to end over the seeds and the corpus.

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <sstream>

#include <pugixml.hpp>
#include <rapidjson/document.h>

#include "query/report.h"
#include "test_util.h"

namespace dipdoc {
namespace {

using testing::RunDipdoc;
using testing::ShellQuote;
using testing::TempDir;

struct EntrySpec {
  const char* id;
  LedgerRole role;
  CommitmentKind kind;
  CommitmentStatus status;
  std::int64_t doses;
  const char* date;
  const char* sentence;
  std::int64_t committed = 0;
  std::int64_t delivered = 0;
  std::int64_t remaining = 0;
  std::int64_t overdue = 0;
  const char* due = nullptr;
  const char* due_end = nullptr;
  const char* linked = nullptr;
};

LedgerEntry MakeEntry(const std::string& partner, const EntrySpec& s) {
  LedgerEntry e;
  e.row.commitment.partner = partner;
  e.row.commitment.kind = s.kind;
  e.row.commitment.status = s.status;
  e.row.commitment.doses = s.doses;
  if (s.due) e.row.commitment.due = s.due;
  e.row.sentence = s.sentence;
  e.row.doc_id = std::string(s.id).substr(0, std::string(s.id).find(':'));
  e.row.source = "/archive/" + e.row.doc_id + ".txt";
  e.row.date = s.date;
  e.role = s.role;
  e.id = s.id;
  e.committed = s.committed;
  e.delivered = s.delivered;
  e.remaining = s.remaining;
  e.overdue = s.overdue;
  if (s.due_end) e.due_end = s.due_end;
  if (s.linked) e.linked = {s.linked};
  return e;
}

// Three partners: Japan pledges 3M, delivers 2M, 1M overdue; the US hands over 5M unannounced and pledges 1M
// more; Pfizer sells 4M and delivers 1.5M, with a conflict.
Ledger HandLedger() {
  using K = CommitmentKind;
  using S = CommitmentStatus;
  using R = LedgerRole;
  Ledger ledger;
  ledger.as_of = "2021-12-31";
  PartnerLedger jp{"JP", 3'000'000, 2'000'000, 1'000'000, 1'000'000, {}, {}};
  jp.entries.push_back(MakeEntry("JP", {"jp1:0", R::kPromise, K::kDonation, S::kPledged, 3'000'000, "2021-07-01",
                                        "Japan will donate 3 million doses by September.", 3'000'000, 0, 1'000'000,
                                        1'000'000, "2021-09", "2021-09-30"}));
  jp.entries.push_back(MakeEntry("JP", {"jp2:10", R::kDelivery, K::kDelivery, S::kDelivered, 2'000'000, "2021-08-10",
                                        "2 million doses from Japan arrived.", 0, 2'000'000, 0, 0, nullptr, nullptr,
                                        "jp1:0"}));
  PartnerLedger us{"US", 6'000'000, 5'000'000, 1'000'000, 0, {}, {}};
  us.entries.push_back(MakeEntry("US", {"us1:0", R::kDelivery, K::kDonation, S::kDelivered, 5'000'000, "2021-07-20",
                                        "The US handed over 5 million doses.", 5'000'000, 5'000'000}));
  us.entries.push_back(MakeEntry("US", {"us2:0", R::kPromise, K::kDonation, S::kPledged, 1'000'000, "2021-09-15",
                                        "<script>alert(\"x\")</script> & Co pledge 1 million doses.", 1'000'000, 0,
                                        1'000'000, 0, "2022", "2022-12-31"}));
  PartnerLedger pfizer{"pfizer", 4'000'000, 1'500'000, 2'500'000, 0,
                       {"pf2 says 1,500,000 doses arrived; pf3 says 1,000,000 for the same shipment"}, {}};
  pfizer.entries.push_back(MakeEntry("pfizer", {"pf1:0", R::kPromise, K::kPurchase, S::kSigned, 4'000'000, "2021-08-01",
                                                "Pfizer signed for 4 million doses in the fourth quarter.", 4'000'000,
                                                0, 2'500'000, 0, "2021-Q4", "2021-12-31"}));
  pfizer.entries.push_back(MakeEntry("pfizer", {"pf2:0", R::kDelivery, K::kDelivery, S::kDelivered, 1'500'000,
                                                "2021-09-01", "1.5 million Pfizer doses arrived.", 0, 1'500'000, 0, 0,
                                                nullptr, nullptr, "pf1:0"}));
  pfizer.entries.push_back(MakeEntry("pfizer", {"pf3:0", R::kRestatement, K::kDelivery, S::kDelivered, 1'000'000,
                                                "2021-09-03", "1 million Pfizer doses arrived.", 0, 0, 0, 0, nullptr,
                                                nullptr, "pf2:0"}));
  ledger.partners = {jp, pfizer, us};
  return ledger;
}

ReportScope HandScope(const Ledger& ledger) {
  std::vector<CommitmentRow> rows;
  for (const PartnerLedger& p : ledger.partners) {
    for (const LedgerEntry& e : p.entries) rows.push_back(e.row);
  }
  return MakeReportScope(rows, "2021-07", "2021-12");
}

rapidjson::Document ParseJson(const std::string& text) {
  rapidjson::Document json;
  json.Parse(text.c_str());
  INFO(text);
  REQUIRE_FALSE(json.HasParseError());
  return json;
}

// Every <svg>...</svg> of a page.
std::vector<std::string> SvgsOf(const std::string& html) {
  std::vector<std::string> svgs;
  for (std::size_t at = html.find("<svg"); at != std::string::npos; at = html.find("<svg", at + 1)) {
    const std::size_t end = html.find("</svg>", at);
    REQUIRE(end != std::string::npos);
    svgs.push_back(html.substr(at, end + 6 - at));
  }
  return svgs;
}

std::vector<std::pair<double, double>> Points(const char* attribute) {
  std::vector<std::pair<double, double>> points;
  std::istringstream in(attribute);
  for (std::string pair; in >> pair;) {
    const std::size_t comma = pair.find(',');
    points.push_back({std::stod(pair.substr(0, comma)), std::stod(pair.substr(comma + 1))});
  }
  return points;
}

TEST_CASE("the Markdown report has every section, figure and source", "[report]") {
  const Ledger ledger = HandLedger();
  const std::string md = RenderReport(ledger, HandScope(ledger), ReportFormat::kMarkdown);
  INFO(md);
  for (const char* expected : {
           "# After-action report", "documents dated 2021-07 to 2021-12", "As of: 2021-12-31",
           "7 documents, 7 commitments",
           "## Pledged against delivered, by partner",
           "| Japan (JP) | 3,000,000 [1] | 2,000,000 [4] | 67% | 1,000,000 [1] | 1,000,000 [1] |",
           "| Pfizer (pfizer) | 4,000,000 [3] | 1,500,000 [5] | 38% | 2,500,000 [3] | 0 |",
           "| United States (US) | 6,000,000 [2, 7] | 5,000,000 [2] | 83% |",
           "| **All partners** | **13,000,000** | **8,500,000** | **65%** | **4,500,000** | **1,000,000** |",
           "| donated | 9,000,000 [1, 2, 7] | 7,000,000 [2, 4] |", "| bought | 4,000,000 [3] | 1,500,000 [5] |",
           "## Deliveries over time", "| 2021-08-10 | 2,000,000 [4] | 7,000,000 | Japan 2,000,000 |",
           "## What remains open", "2021-09-30", "**1,000,000**", "2022-12-31",
           "### Where the record contradicts itself", "pf3 says 1,000,000 for the same shipment [5, 6]",
           "## Timeline", "restated, not counted again", "## Sources",
           "[1] /archive/jp1.txt, 2021-07-01 (jp1): “Japan will donate 3 million doses by September.”",
           "\\<script\\>alert(\"x\")\\</script\\> \\& Co"}) {
    CHECK_THAT(md, Catch::Contains(expected));
  }
  CHECK_THAT(md, !Catch::Contains("<script>"));
}

TEST_CASE("the JSON report parses and has the totals", "[report]") {
  const Ledger ledger = HandLedger();
  const auto json = ParseJson(RenderReport(ledger, HandScope(ledger), ReportFormat::kJson));
  CHECK(std::string(json["from"].GetString()) == "2021-07");
  CHECK(std::string(json["as_of"].GetString()) == "2021-12-31");
  CHECK(json["documents"].GetInt() == 7);
  CHECK(json["commitments"].GetInt() == 7);
  CHECK_FALSE(json["empty"].GetBool());
  CHECK(json["totals"]["committed"].GetInt64() == 13'000'000);
  CHECK(json["totals"]["delivered"].GetInt64() == 8'500'000);
  CHECK(json["totals"]["outstanding"].GetInt64() == 4'500'000);
  CHECK(json["totals"]["overdue"].GetInt64() == 1'000'000);
  REQUIRE(json["partners"].Size() == 3);
  // Most doses committed first: the US, Pfizer, Japan.
  CHECK(std::string(json["partners"][0]["partner"].GetString()) == "US");
  const auto& japan = json["partners"][2];
  CHECK(std::string(japan["partner"].GetString()) == "JP");
  CHECK(std::string(japan["name"].GetString()) == "Japan");
  CHECK(japan["committed"].GetInt64() == 3'000'000);
  CHECK(japan["sources"]["delivered"].Size() == 1);
  CHECK(json["by_kind"]["donated"]["committed"].GetInt64() == 9'000'000);
  CHECK(json["by_kind"]["donated"]["delivered"].GetInt64() == 7'000'000);
  CHECK(json["by_kind"]["bought"]["committed"].GetInt64() == 4'000'000);
  CHECK(json["by_kind"]["bought"]["delivered"].GetInt64() == 1'500'000);
  CHECK(json["by_kind"]["other"]["committed"].GetInt64() == 0);
  CHECK(json["timeline"].Size() == 7);
  CHECK(std::string(json["timeline"][0]["date"].GetString()) == "2021-07-01");
  CHECK(json["open"].Size() == 3);
  REQUIRE(json["deliveries"].Size() == 3);
  CHECK(json["deliveries"][2]["cumulative"].GetInt64() == 8'500'000);
  CHECK(json["conflicts"].Size() == 1);
  const auto& sources = json["sources"];
  REQUIRE(sources.Size() == 7);
  CHECK(std::string(sources[5]["sentence"].GetString()) == "1 million Pfizer doses arrived.");
  // Every reference points into "sources".
  for (const auto& t : json["timeline"].GetArray()) {
    CHECK(t["source"].GetInt() >= 1);
    CHECK(t["source"].GetInt() <= static_cast<int>(sources.Size()));
  }
}

TEST_CASE("the HTML report is self-contained, escaped and charts the figures", "[report]") {
  const Ledger ledger = HandLedger();
  const std::string html = RenderReport(ledger, HandScope(ledger), ReportFormat::kHtml);
  INFO(html.substr(0, 3000));
  CHECK_THAT(html, Catch::StartsWith("<!DOCTYPE html>"));
  CHECK_THAT(html, Catch::Contains("@page { size: A4"));
  CHECK_THAT(html, Catch::Contains("13,000,000"));
  CHECK_THAT(html, Catch::Contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co"));
  CHECK_THAT(html, Catch::Contains("<li id=\"ref-7\">"));
  CHECK_THAT(html, Catch::Contains("<a href=\"#ref-3\">3</a>"));
  for (const char* forbidden : {"<script", "http://", "https://", "<link", "src=", "@import", "url("}) {
    INFO(forbidden);
    CHECK(html.find(forbidden) == std::string::npos);
  }

  const std::vector<std::string> svgs = SvgsOf(html);
  REQUIRE(svgs.size() == 2);
  pugi::xml_document partners_svg, cumulative_svg;
  INFO(svgs[0]);
  REQUIRE(partners_svg.load_string(svgs[0].c_str()));
  INFO(svgs[1]);
  REQUIRE(cumulative_svg.load_string(svgs[1].c_str()));
  for (const pugi::xml_document* svg : {&partners_svg, &cumulative_svg}) {
    CHECK(svg->child("svg").child("title"));
    CHECK(svg->child("svg").child("desc"));
  }

  // One pair of bars per partner, each as long as its doses on one scale.
  std::map<std::string, std::pair<std::int64_t, std::int64_t>> expected = {
      {"JP", {3'000'000, 2'000'000}}, {"US", {6'000'000, 5'000'000}}, {"pfizer", {4'000'000, 1'500'000}}};
  const pugi::xpath_node_set groups = partners_svg.select_nodes("//g[@class='partner']");
  CHECK(groups.size() == expected.size());
  double units_per_dose = 0;
  for (const pugi::xpath_node& g : groups) {
    const std::string partner = g.node().attribute("data-partner").value();
    INFO(partner);
    REQUIRE(expected.count(partner) == 1);
    const pugi::xml_node committed = g.node().find_child_by_attribute("rect", "class", "bar committed");
    const pugi::xml_node delivered = g.node().find_child_by_attribute("rect", "class", "bar delivered");
    REQUIRE(committed);
    REQUIRE(delivered);
    CHECK(committed.attribute("data-doses").as_llong() == expected[partner].first);
    CHECK(delivered.attribute("data-doses").as_llong() == expected[partner].second);
    if (units_per_dose == 0) units_per_dose = committed.attribute("width").as_double() / double(expected[partner].first);
    CHECK(committed.attribute("width").as_double() ==
          Catch::Detail::Approx(units_per_dose * double(expected[partner].first)).margin(0.11));
    CHECK(delivered.attribute("width").as_double() ==
          Catch::Detail::Approx(units_per_dose * double(expected[partner].second)).margin(0.11));
  }
  CHECK(units_per_dose > 0);

  // The cumulative line runs left to right and never goes down (SVG's y grows downwards).
  const pugi::xml_node total = partners_svg.select_node("//polyline").node();
  CHECK_FALSE(total);
  const pugi::xml_node line = cumulative_svg.select_node("//polyline[@class='cumulative total']").node();
  REQUIRE(line);
  const auto points = Points(line.attribute("points").value());
  REQUIRE(points.size() == 2 + 2 * 3);
  for (std::size_t i = 1; i < points.size(); ++i) {
    CHECK(points[i].first >= points[i - 1].first);
    CHECK(points[i].second <= points[i - 1].second);
  }
  CHECK(points.back().second < points.front().second);
  // One dashed line for each partner that delivered, named at its end.
  CHECK(cumulative_svg.select_nodes("//polyline[@class='cumulative partner']").size() == 3);
  CHECK_THAT(svgs[1], Catch::Contains("All partners 8,500,000"));
}

TEST_CASE("an empty period gives a short report in every format", "[report]") {
  const Ledger ledger{"2030-12-31", {}};
  const ReportScope scope = MakeReportScope({}, "2030", std::nullopt);
  const std::string md = RenderReport(ledger, scope, ReportFormat::kMarkdown);
  CHECK_THAT(md, Catch::Contains("No commitments are recorded in this period."));
  CHECK_THAT(md, Catch::Contains("0 documents, 0 commitments"));
  CHECK_THAT(md, !Catch::Contains("## Timeline"));
  const std::string html = RenderReport(ledger, scope, ReportFormat::kHtml);
  CHECK_THAT(html, Catch::Contains("No commitments are recorded in this period."));
  CHECK_THAT(html, Catch::Contains("</html>"));
  CHECK(html.find("<svg") == std::string::npos);
  const auto json = ParseJson(RenderReport(ledger, scope, ReportFormat::kJson));
  CHECK(json["empty"].GetBool());
  CHECK(json["commitments"].GetInt() == 0);
  CHECK(json["to"].IsNull());
  CHECK(json["partners"].Size() == 0);
  CHECK(json["totals"]["committed"].GetInt() == 0);
  CHECK(json["sources"].Size() == 0);
}

TEST_CASE("partner names come from the gazetteer, ids otherwise", "[report]") {
  CHECK(PartnerName("JP") == "Japan");
  CHECK(PartnerName("GB") == "United Kingdom");
  CHECK(PartnerName("not-a-partner") == "not-a-partner");
}

TEST_CASE("dipdoc report over the seeds and the corpus", "[report][cli]") {
  TempDir dir;
  const std::string db = ShellQuote((dir.path() / "db").string());
  std::string paths = ShellQuote(testing::CorpusDir().string());
  if (const auto seeds = testing::SeedsDir()) paths += " " + ShellQuote(seeds->string());
  const auto ingest = RunDipdoc("ingest --db " + db + " " + paths);
  INFO(ingest.err);
  REQUIRE(ingest.exit_status == 0);

  const std::filesystem::path page = dir.path() / "report.html";
  const auto html = RunDipdoc("report --db " + db + " --format html -o " + ShellQuote(page.string()));
  INFO(html.err);
  CHECK(html.exit_status == 0);
  CHECK(html.out.empty());
  const std::string written = testing::ReadFileBytes(page);
  const std::vector<std::string> svgs = SvgsOf(written);
  CHECK(svgs.size() == 2);
  for (const std::string& svg : svgs) {
    pugi::xml_document xml;
    CHECK(xml.load_string(svg.c_str()));
  }

  const auto all = RunDipdoc("report --db " + db + " --format json --to 2021");
  CHECK(all.exit_status == 0);
  const auto report = ParseJson(all.out);
  CHECK(std::string(report["as_of"].GetString()) == "2021-12-31");
  CHECK(report["commitments"].GetInt() > 0);
  CHECK(report["partners"].Size() > 0);
  CHECK(report["totals"]["committed"].GetInt64() >= report["totals"]["outstanding"].GetInt64());

  const auto as_of = RunDipdoc("report --db " + db + " --format json --to 2021-09 --as-of 2021-10");
  CHECK(as_of.exit_status == 0);
  const auto september = ParseJson(as_of.out);
  CHECK(std::string(september["as_of"].GetString()) == "2021-10-31");
  CHECK(september["commitments"].GetInt() < report["commitments"].GetInt());
  for (const auto& t : september["timeline"].GetArray()) {
    if (t["date"].IsString()) CHECK(std::string(t["date"].GetString()) <= "2021-09-30");
  }

  const auto md = RunDipdoc("report --db " + db);
  CHECK(md.exit_status == 0);
  CHECK_THAT(md.out, Catch::Contains("## Pledged against delivered, by partner"));

  const auto empty = RunDipdoc("report --db " + db + " --format json --from 2030");
  CHECK(empty.exit_status == 0);
  const auto nothing = ParseJson(empty.out);
  CHECK(nothing["empty"].GetBool());
  CHECK(nothing["commitments"].GetInt() == 0);
  CHECK(nothing["partners"].Size() == 0);

  const auto bad_date = RunDipdoc("report --db " + db + " --from 2021-13");
  CHECK(bad_date.exit_status == 2);
  CHECK_THAT(bad_date.err, Catch::Contains("--from"));
  const auto bad_as_of = RunDipdoc("report --db " + db + " --as-of 2021-13");
  CHECK(bad_as_of.exit_status == 2);
  CHECK_THAT(bad_as_of.err, Catch::Contains("--as-of"));
  const std::string unwritable = (dir.path() / "no-such-folder" / "r.md").string();
  const auto bad_file = RunDipdoc("report --db " + db + " -o " + ShellQuote(unwritable));
  CHECK(bad_file.exit_status == 2);
  CHECK_THAT(bad_file.err, Catch::Contains(unwritable));
  const auto no_index = RunDipdoc("report --db " + ShellQuote((dir.path() / "none").string()));
  CHECK(no_index.exit_status == 3);
}

}  // namespace
}  // namespace dipdoc
