// The extractor against the hand-written gold set: every document with expectations in corpora/expected/
// (the project's corpus and the five seeds) is loaded, extracted, and scored. Fails below the issue's
// thresholds and prints every miss per document, so a failure says what to look at.
//
// Matching rules (corpora/README.md, "Extraction gold set: conventions"):
//   partners     ids, per document; `not_partners` found count as false positives and fail outright;
//   doses        an expected count is found when a dose with its value overlaps an occurrence of its text;
//                a found dose overlapping any `not_doses` text fails outright;
//   commitments  matched on partner and doses (null matches null), each found one used once.

#include <catch2/catch.hpp>

#include <rapidjson/document.h>

#include <set>
#include <sstream>

#include "nlp/extractor.h"
#include "test_util.h"

namespace dipdoc {
namespace {

struct Score {
  std::size_t expected = 0;
  std::size_t found = 0;     // reported by the extractor
  std::size_t matched = 0;

  double Recall() const { return expected == 0 ? 1.0 : static_cast<double>(matched) / static_cast<double>(expected); }
  double Precision() const { return found == 0 ? 1.0 : static_cast<double>(matched) / static_cast<double>(found); }
};

// Every [start, end) where `needle` occurs in `text`.
std::vector<Span> Occurrences(std::string_view text, std::string_view needle) {
  std::vector<Span> spans;
  if (needle.empty()) return spans;
  for (std::size_t at = text.find(needle); at != std::string_view::npos; at = text.find(needle, at + 1)) {
    spans.push_back(Span{at, at + needle.size()});
  }
  return spans;
}

bool Overlaps(Span a, Span b) { return a.start < b.end && b.start < a.end; }

std::string Str(const rapidjson::Value& v) { return v.IsString() ? std::string(v.GetString(), v.GetStringLength()) : "null"; }

std::optional<std::int64_t> OptionalInt(const rapidjson::Value& v) {
  if (v.IsNull()) return std::nullopt;
  return v.GetInt64();
}

std::string Shown(const std::optional<std::int64_t>& v) { return v ? std::to_string(*v) : "null"; }

TEST_CASE("the extractor meets the gold set's thresholds", "[nlp][gold]") {
  const Extractor extractor;
  Score partners, doses, commitments;
  std::size_t same_kind = 0, same_status = 0;  // among matched commitments
  std::size_t not_partners_found = 0, not_doses_found = 0, documents = 0;
  std::ostringstream misses;

  for (const testing::ExpectedDocument& document : testing::ExpectedDocuments()) {
    const rapidjson::Document expected = testing::ReadExpectations(document);
    if (!expected.HasMember("partners")) continue;  // no extraction expectations (yet) for this document
    const Document d = testing::LoadExpectedSource(document);
    const Extraction e = extractor.Extract(d);
    ++documents;
    std::ostringstream doc_misses;

    // Partners.
    std::set<std::string> want, got;
    for (const auto& id : expected["partners"].GetArray()) want.insert(id.GetString());
    for (const PartnerMention& p : e.partners) got.insert(p.id);
    partners.expected += want.size();
    partners.found += got.size();
    for (const std::string& id : want) {
      if (got.contains(id)) ++partners.matched;
      else doc_misses << "  partner missed: " << id << "\n";
    }
    for (const std::string& id : got) {
      if (!want.contains(id)) doc_misses << "  partner not in the gold set: " << id << "\n";
    }
    if (expected.HasMember("not_partners")) {
      for (const auto& id : expected["not_partners"].GetArray()) {
        if (got.contains(id.GetString())) {
          ++not_partners_found;
          doc_misses << "  FALSE FRIEND taken for a partner: " << id.GetString() << "\n";
        }
      }
    }

    // Doses.
    std::vector<bool> dose_used(e.doses.size(), false);
    for (const auto& want_dose : expected["doses"].GetArray()) {
      ++doses.expected;
      const std::int64_t value = want_dose["value"].GetInt64();
      const std::string text = want_dose["text"].GetString();
      const std::vector<Span> places = Occurrences(d.text, text);
      if (places.empty()) doc_misses << "  gold dose text not in the document text: \"" << text << "\"\n";
      bool found = false;
      for (std::size_t i = 0; i < e.doses.size() && !found; ++i) {
        if (dose_used[i] || e.doses[i].value != value) continue;
        for (const Span& place : places) {
          if (Overlaps(place, e.doses[i].span)) {
            dose_used[i] = found = true;
            break;
          }
        }
      }
      if (found) ++doses.matched;
      else doc_misses << "  dose missed: " << value << " \"" << text << "\"\n";
    }
    doses.found += e.doses.size();
    for (std::size_t i = 0; i < e.doses.size(); ++i) {
      if (!dose_used[i]) {
        doc_misses << "  dose not in the gold set: " << e.doses[i].value << " \"" << e.doses[i].span.In(d.text) << "\"\n";
      }
    }
    for (const auto& not_dose : expected["not_doses"].GetArray()) {
      for (const Span& place : Occurrences(d.text, not_dose.GetString())) {
        for (const DoseCount& dose : e.doses) {
          if (Overlaps(place, dose.span)) {
            ++not_doses_found;
            doc_misses << "  NOT A DOSE reported as one: \"" << dose.span.In(d.text) << "\"\n";
          }
        }
      }
    }

    // Commitments.
    std::vector<bool> commitment_used(e.commitments.size(), false);
    for (const auto& want_commitment : expected["commitments"].GetArray()) {
      ++commitments.expected;
      const std::string partner = want_commitment["partner"].GetString();
      const std::optional<std::int64_t> count = OptionalInt(want_commitment["doses"]);
      bool found = false;
      for (std::size_t i = 0; i < e.commitments.size() && !found; ++i) {
        if (commitment_used[i] || e.commitments[i].partner != partner || e.commitments[i].doses != count) continue;
        commitment_used[i] = found = true;
        const bool kind = ToString(e.commitments[i].kind) == Str(want_commitment["kind"]);
        const bool status = ToString(e.commitments[i].status) == Str(want_commitment["status"]);
        same_kind += kind;
        same_status += status;
        if (!kind || !status) {
          doc_misses << "  commitment " << partner << " " << Shown(count) << ": " << ToString(e.commitments[i].kind)
                     << " " << ToString(e.commitments[i].status) << ", gold " << Str(want_commitment["kind"]) << " "
                     << Str(want_commitment["status"]) << "\n";
        }
      }
      if (found) ++commitments.matched;
      else {
        doc_misses << "  commitment missed: " << partner << " " << Shown(count) << " "
                   << Str(want_commitment["kind"]) << " " << Str(want_commitment["status"]) << "\n";
      }
    }
    commitments.found += e.commitments.size();
    for (std::size_t i = 0; i < e.commitments.size(); ++i) {
      if (!commitment_used[i]) {
        const Commitment& c = e.commitments[i];
        doc_misses << "  commitment not in the gold set: " << c.partner << " " << Shown(c.doses) << " "
                   << ToString(c.kind) << " " << ToString(c.status) << "\n";
      }
    }
    if (!doc_misses.str().empty()) misses << document.name << ":\n" << doc_misses.str();
  }

  std::ostringstream summary;
  summary << documents << " documents. partners: recall " << partners.Recall() << ", precision "
          << partners.Precision() << " (" << partners.matched << "/" << partners.expected << " expected, "
          << partners.found << " found); doses: recall " << doses.Recall() << ", precision " << doses.Precision()
          << " (" << doses.matched << "/" << doses.expected << ", " << doses.found << " found); commitments: recall "
          << commitments.Recall() << ", precision " << commitments.Precision() << " (" << commitments.matched << "/"
          << commitments.expected << ", " << commitments.found << " found); of those matched, kind agrees on "
          << same_kind << " and status on " << same_status;
  INFO(summary.str());
  INFO("misses by document:\n" << misses.str());
  WARN(summary.str());
  CHECK(documents >= 15);
  CHECK(partners.Recall() >= 0.95);
  CHECK(partners.Precision() >= 0.90);
  CHECK(not_partners_found == 0);
  CHECK(doses.Recall() >= 0.95);
  CHECK(not_doses_found == 0);
  CHECK(commitments.Recall() >= 0.85);
  // Not a threshold of the issue's, but what users read: most matched commitments say what kind and how far.
  CHECK(same_kind >= commitments.matched * 7 / 10);
  CHECK(same_status >= commitments.matched * 7 / 10);
}

}  // namespace
}  // namespace dipdoc
