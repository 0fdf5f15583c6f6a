#include "query/report.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>
#include <sstream>

#include "index/json_writer.h"
#include "ingest/embedded_data.h"
#include "ingest/fields.h"
#include "nlp/embedded_data.h"
#include "query/partner_names.h"

namespace dipdoc {
namespace {

// ---------------------------------------------------------------------------------------------------------
// Text

// For HTML and SVG text and attribute values. Control characters XML does not allow are dropped.
std::string Escape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      case '\n': case '\r': case '\t': out += ' '; break;
      default:
        if (static_cast<unsigned char>(c) >= 0x20 && c != 0x7F) out += c;
    }
  }
  return out;
}

// Markdown text on one line: what would be read as markup, a table cell's end or HTML is backslash-escaped.
std::string EscapeMarkdown(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '\n' || c == '\r' || c == '\t') {
      out += ' ';
    } else if (std::string_view("\\`*_[]<>|&#").find(c) != std::string_view::npos) {
      out += '\\';
      out += c;
    } else if (static_cast<unsigned char>(c) >= 0x20) {
      out += c;
    }
  }
  return out;
}

// At most `max` characters (code points), with an ellipsis when cut.
std::string Shorten(const std::string& s, std::size_t max) {
  std::size_t chars = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) continue;
    if (chars++ == max - 1) return s.substr(0, i) + "…";
  }
  return s;
}

std::string Num(double v) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f", v);
  return buffer;
}

std::string_view KindWord(CommitmentKind kind) {
  switch (kind) {
    case CommitmentKind::kDonation: return "donation";
    case CommitmentKind::kPurchase: return "purchase";
    case CommitmentKind::kDelivery: return "delivery";
    case CommitmentKind::kLoan: return "loan";
    case CommitmentKind::kTechnologyTransfer: return "technology transfer";
    case CommitmentKind::kInvestment: return "investment";
    case CommitmentKind::kOther: return "other";
  }
  return "other";
}

// What an entry is to the reader: "pledged donation of Pfizer", "delivered donation", ...
std::string Describe(const LedgerEntry& e) {
  const Commitment& c = e.row.commitment;
  std::string what = std::string(ToString(c.status)) + " " + std::string(KindWord(c.kind));
  if (c.kind == CommitmentKind::kDelivery && c.status == CommitmentStatus::kDelivered) what = "delivery";
  if (c.vaccine) what += ", " + *c.vaccine;
  if (c.channel != "bilateral") what += ", via " + c.channel;
  return what;
}

// How the ledger counted an entry.
std::string_view RoleWords(LedgerRole role) {
  switch (role) {
    case LedgerRole::kPromise: return "promise";
    case LedgerRole::kDelivery: return "delivery";
    case LedgerRole::kRestatement: return "restated, not counted again";
    case LedgerRole::kRunningTotal: return "running total, a check";
    case LedgerRole::kRequest: return "request by Viet Nam";
    case LedgerRole::kOther: return "no doses counted";
  }
  return "";
}

// ---------------------------------------------------------------------------------------------------------
// The report's content, worked out once from the ledger and written by each format.

using Refs = std::vector<int>;  // 1-based numbers into Report::sources, ascending, unique

struct Source {
  std::string doc_id;
  std::string file;
  std::optional<std::string> date;
  std::string sentence;
};

struct Figure {
  std::int64_t doses = 0;
  Refs refs;
};

struct PartnerFigures {
  std::string id;
  std::string name;
  Figure committed, delivered, outstanding, overdue;
};

struct KindFigures {
  std::string_view label;  // donated, bought, other
  Figure committed, delivered;
};

struct Event {
  const LedgerEntry* entry = nullptr;
  std::string partner;
  int ref = 0;
};

struct Conflict {
  std::string partner;
  std::string text;
  Refs refs;
};

// The deliveries of one document date, and the sum so far.
struct DeliveryStep {
  std::string date;  // YYYY-MM-DD (a coarser document date on its first day)
  std::int64_t delivered = 0;
  std::int64_t cumulative = 0;
  std::map<std::string, std::int64_t> by_partner;
  Refs refs;
};

struct Report {
  ReportScope scope;
  std::string as_of;
  std::vector<PartnerFigures> partners;  // most doses committed first
  PartnerFigures totals;                 // no refs: the sum of the rows above
  std::array<KindFigures, 3> kinds{{{"donated", {}, {}}, {"bought", {}, {}}, {"other", {}, {}}}};
  std::vector<Event> timeline;           // by document date, undated last
  std::vector<Event> open;               // promises with doses still to come, by partner
  std::vector<Conflict> conflicts;
  std::vector<DeliveryStep> deliveries;  // dated deliveries by date
  std::int64_t undated_delivered = 0;    // delivered doses the chart cannot place
  std::vector<Source> sources;

  bool empty() const { return scope.commitments == 0; }
};

void AddRef(Refs& refs, int ref) {
  const auto at = std::lower_bound(refs.begin(), refs.end(), ref);
  if (at == refs.end() || *at != ref) refs.insert(at, ref);
}

std::size_t KindSlot(CommitmentKind kind) {
  if (kind == CommitmentKind::kDonation) return 0;
  if (kind == CommitmentKind::kPurchase) return 1;
  return 2;
}

// "2021-08-25" from a document date at any grain ("2021-08" -> "2021-08-01"); nullopt when it is not a
// calendar date the chart can place.
std::optional<std::string> DayOf(const std::string& date) {
  unsigned y = 0, m = 1, d = 1;
  int used = 0;
  const int n = std::sscanf(date.c_str(), "%4u-%2u-%2u%n", &y, &m, &d, &used);
  const bool whole = (n == 3 && static_cast<std::size_t>(used) == date.size()) ||
                     (n == 2 && date.size() == 7) || (n == 1 && date.size() == 4);
  if (!whole || m < 1 || m > 12 || d < 1 || d > 31) return std::nullopt;
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04u-%02u-%02u", y, m, d);
  return buffer;
}

Report MakeReport(const Ledger& ledger, const ReportScope& scope) {
  Report r;
  r.scope = scope;
  r.as_of = ledger.as_of;
  if (r.empty()) return r;

  for (const PartnerLedger& p : ledger.partners) {
    for (const LedgerEntry& e : p.entries) r.timeline.push_back({&e, p.partner, 0});
  }
  std::stable_sort(r.timeline.begin(), r.timeline.end(), [](const Event& a, const Event& b) {
    const auto& da = a.entry->row.date;
    const auto& db = b.entry->row.date;
    if (da.has_value() != db.has_value()) return da.has_value();
    return da && *da < *db;
  });
  // References are numbered in the timeline's order; one per sentence of a document.
  std::map<std::pair<std::string, std::string>, int> numbers;
  std::map<std::string, const LedgerEntry*> by_id;
  for (Event& event : r.timeline) {
    const CommitmentRow& row = event.entry->row;
    auto [at, added] = numbers.try_emplace({row.doc_id, row.sentence}, static_cast<int>(r.sources.size()) + 1);
    if (added) r.sources.push_back({row.doc_id, row.source, row.date, row.sentence});
    event.ref = at->second;
    by_id[event.entry->id] = event.entry;
  }
  auto ref_of = [&numbers](const LedgerEntry& e) { return numbers.at({e.row.doc_id, e.row.sentence}); };

  for (const PartnerLedger& p : ledger.partners) {
    PartnerFigures f;
    f.id = p.partner;
    f.name = PartnerName(p.partner);
    f.committed.doses = p.committed;
    f.delivered.doses = p.delivered;
    f.outstanding.doses = p.outstanding;
    f.overdue.doses = p.overdue;
    for (const LedgerEntry& e : p.entries) {
      const int ref = ref_of(e);
      if (e.committed > 0) AddRef(f.committed.refs, ref);
      if (e.delivered > 0) AddRef(f.delivered.refs, ref);
      if (e.role == LedgerRole::kPromise && e.remaining > 0) {
        AddRef(f.outstanding.refs, ref);
        r.open.push_back({&e, p.partner, ref});
      }
      if (e.role == LedgerRole::kPromise && e.overdue > 0) AddRef(f.overdue.refs, ref);
      if (e.committed > 0) {
        KindFigures& k = r.kinds[KindSlot(e.row.commitment.kind)];
        k.committed.doses += e.committed;
        AddRef(k.committed.refs, ref);
      }
      if (e.delivered > 0) {
        // A delivery counts under the kind of the promise it fulfils.
        CommitmentKind kind = e.row.commitment.kind;
        for (const std::string& id : e.linked) {
          if (const auto promise = by_id.find(id); promise != by_id.end()) {
            kind = promise->second->row.commitment.kind;
            break;
          }
        }
        KindFigures& k = r.kinds[KindSlot(kind)];
        k.delivered.doses += e.delivered;
        AddRef(k.delivered.refs, ref);
      }
    }
    for (const std::string& text : p.conflicts) {
      Conflict conflict{p.partner, text, {}};
      for (const LedgerEntry& e : p.entries) {
        const std::string file = e.row.source.substr(e.row.source.find_last_of('/') + 1);
        if (text.find(e.row.doc_id) != std::string::npos || (!file.empty() && text.find(file) != std::string::npos)) {
          AddRef(conflict.refs, ref_of(e));
        }
      }
      r.conflicts.push_back(std::move(conflict));
    }
    r.totals.committed.doses += f.committed.doses;
    r.totals.delivered.doses += f.delivered.doses;
    r.totals.outstanding.doses += f.outstanding.doses;
    r.totals.overdue.doses += f.overdue.doses;
    r.partners.push_back(std::move(f));
  }
  std::stable_sort(r.partners.begin(), r.partners.end(), [](const PartnerFigures& a, const PartnerFigures& b) {
    return a.committed.doses != b.committed.doses ? a.committed.doses > b.committed.doses
                                                  : a.delivered.doses > b.delivered.doses;
  });

  std::map<std::string, DeliveryStep> steps;
  for (const Event& event : r.timeline) {
    const LedgerEntry& e = *event.entry;
    if (e.delivered <= 0) continue;
    const std::optional<std::string> day = e.row.date ? DayOf(*e.row.date) : std::nullopt;
    if (!day) {
      r.undated_delivered += e.delivered;
      continue;
    }
    DeliveryStep& step = steps[*day];
    step.delivered += e.delivered;
    step.by_partner[event.partner] += e.delivered;
    AddRef(step.refs, event.ref);
  }
  std::int64_t sum = 0;
  for (auto& [date, step] : steps) {
    step.date = date;
    step.cumulative = (sum += step.delivered);
    r.deliveries.push_back(std::move(step));
  }
  return r;
}

// "Documents dated 2021-07-01 to 2021-12-31", "... from 2021-07-01", "every dated and undated document".
std::string PeriodWords(const ReportScope& scope) {
  if (scope.from && scope.to) return "documents dated " + *scope.from + " to " + *scope.to;
  if (scope.from) return "documents dated from " + *scope.from;
  if (scope.to) return "documents dated up to " + *scope.to;
  return "every document in the index";
}

std::string Percent(std::int64_t part, std::int64_t whole) {
  if (whole <= 0) return "-";
  return std::to_string(static_cast<int>(std::lround(100.0 * static_cast<double>(part) / static_cast<double>(whole)))) + "%";
}

// Refs as "3, 5-7": runs of three or more collapse.
template <typename Write>
void ForEachRun(const Refs& refs, Write write) {
  for (std::size_t i = 0; i < refs.size();) {
    std::size_t j = i;
    while (j + 1 < refs.size() && refs[j + 1] == refs[j] + 1) ++j;
    if (j >= i + 2) {
      write(refs[i], refs[j], i == 0);
      i = j + 1;
    } else {
      write(refs[i], refs[i], i == 0);
      ++i;
    }
  }
}

// ---------------------------------------------------------------------------------------------------------
// Markdown

std::string MarkdownRefs(const Refs& refs) {
  if (refs.empty()) return "";
  std::string out = " [";
  ForEachRun(refs, [&out](int first, int last, bool is_first) {
    if (!is_first) out += ", ";
    out += std::to_string(first);
    if (last != first) out += "–" + std::to_string(last);
  });
  return out + "]";
}

std::string MarkdownFigure(const Figure& f) { return GroupedDoses(f.doses) + MarkdownRefs(f.refs); }

std::string RenderMarkdown(const Report& r) {
  std::ostringstream md;
  md << "# After-action report: vaccine diplomacy\n\n";
  md << "- Covers: " << PeriodWords(r.scope) << "\n";
  md << "- As of: " << r.as_of << " (promises due before this day and not delivered are overdue)\n";
  md << "- Behind it: " << r.scope.documents << " document" << (r.scope.documents == 1 ? "" : "s") << ", "
     << r.scope.commitments << " commitment" << (r.scope.commitments == 1 ? "" : "s") << "\n\n";
  if (r.empty()) {
    md << "**No commitments are recorded in this period.** There is nothing to total, chart or follow up.\n";
    return md.str();
  }
  md << "Figures are doses. Numbers in brackets are the sources at the end of the report.\n\n";

  md << "## Pledged against delivered, by partner\n\n";
  md << "| Partner | Committed | Delivered | Delivered share | Outstanding | Overdue |\n";
  md << "| --- | ---: | ---: | ---: | ---: | ---: |\n";
  for (const PartnerFigures& p : r.partners) {
    md << "| " << EscapeMarkdown(p.name) << " (" << EscapeMarkdown(p.id) << ") | " << MarkdownFigure(p.committed)
       << " | " << MarkdownFigure(p.delivered) << " | " << Percent(p.delivered.doses, p.committed.doses) << " | "
       << MarkdownFigure(p.outstanding) << " | " << MarkdownFigure(p.overdue) << " |\n";
  }
  md << "| **All partners** | **" << GroupedDoses(r.totals.committed.doses) << "** | **"
     << GroupedDoses(r.totals.delivered.doses) << "** | **" << Percent(r.totals.delivered.doses, r.totals.committed.doses)
     << "** | **" << GroupedDoses(r.totals.outstanding.doses) << "** | **" << GroupedDoses(r.totals.overdue.doses)
     << "** |\n\n";

  md << "## By kind\n\n";
  md << "| Kind | Committed | Delivered |\n| --- | ---: | ---: |\n";
  for (const KindFigures& k : r.kinds) {
    md << "| " << k.label << " | " << MarkdownFigure(k.committed) << " | " << MarkdownFigure(k.delivered) << " |\n";
  }
  md << "\n";

  md << "## Deliveries over time\n\n";
  if (r.deliveries.empty()) {
    md << "No dated deliveries in this period.\n\n";
  } else {
    md << "| Date | Delivered | Cumulative | Partners |\n| --- | ---: | ---: | --- |\n";
    for (const DeliveryStep& s : r.deliveries) {
      std::string partners;
      for (const auto& [id, doses] : s.by_partner) {
        partners += (partners.empty() ? "" : ", ") + EscapeMarkdown(PartnerName(id)) + " " + GroupedDoses(doses);
      }
      md << "| " << s.date << " | " << GroupedDoses(s.delivered) << MarkdownRefs(s.refs) << " | "
         << GroupedDoses(s.cumulative) << " | " << partners << " |\n";
    }
    md << "\n";
  }
  if (r.undated_delivered > 0) md << "Undated deliveries, not placed in time: " << GroupedDoses(r.undated_delivered) << ".\n\n";

  md << "## What remains open\n\n";
  if (r.open.empty()) {
    md << "No promise has doses still to come.\n\n";
  } else {
    md << "| Partner | Promised on | What | Doses | Still to come | Due | Overdue |\n";
    md << "| --- | --- | --- | ---: | ---: | --- | ---: |\n";
    for (const Event& o : r.open) {
      const LedgerEntry& e = *o.entry;
      md << "| " << EscapeMarkdown(PartnerName(o.partner)) << " | " << EscapeMarkdown(e.row.date.value_or("undated"))
         << " | " << EscapeMarkdown(Describe(e)) << " | " << GroupedDoses(e.row.commitment.doses.value_or(0)) << " | "
         << GroupedDoses(e.remaining) << " [" << o.ref << "] | "
         << EscapeMarkdown(e.due_end.value_or(e.row.commitment.due.value_or("no date given"))) << " | "
         << (e.overdue > 0 ? "**" + GroupedDoses(e.overdue) + "**" : "-") << " |\n";
    }
    md << "\n";
  }
  md << "### Where the record contradicts itself\n\n";
  if (r.conflicts.empty()) md << "No contradictions found.\n";
  for (const Conflict& c : r.conflicts) {
    md << "- " << EscapeMarkdown(PartnerName(c.partner)) << ": " << EscapeMarkdown(c.text) << MarkdownRefs(c.refs) << "\n";
  }
  md << "\n";

  md << "## Timeline\n\n";
  md << "| Date | Partner | What | Doses | Counted as | Source |\n| --- | --- | --- | ---: | --- | --- |\n";
  for (const Event& t : r.timeline) {
    const LedgerEntry& e = *t.entry;
    const auto& doses = e.row.commitment.doses;
    md << "| " << EscapeMarkdown(e.row.date.value_or("undated")) << " | " << EscapeMarkdown(PartnerName(t.partner))
       << " | " << EscapeMarkdown(Describe(e)) << " | " << (doses ? GroupedDoses(*doses) : "not stated") << " | "
       << RoleWords(e.role) << " | [" << t.ref << "] |\n";
  }
  md << "\n## Sources\n\n";
  for (std::size_t i = 0; i < r.sources.size(); ++i) {
    const Source& s = r.sources[i];
    md << "[" << i + 1 << "] " << EscapeMarkdown(s.file) << ", " << EscapeMarkdown(s.date.value_or("undated"))
       << " (" << s.doc_id << "): “" << EscapeMarkdown(s.sentence) << "”\n";
    if (i + 1 < r.sources.size()) md << "\n";
  }
  return md.str();
}

// ---------------------------------------------------------------------------------------------------------
// JSON

void JsonRefs(JsonWriter& json, std::string_view key, const Refs& refs) {
  json.Key(key).BeginArray();
  for (int ref : refs) json.Value(ref);
  json.EndArray();
}

std::string RenderJson(const Report& r) {
  JsonWriter json;
  json.BeginObject()
      .Field("from", r.scope.from)
      .Field("to", r.scope.to)
      .Field("as_of", r.as_of)
      .Field("documents", r.scope.documents)
      .Field("commitments", r.scope.commitments)
      .Field("empty", r.empty());
  json.Key("totals").BeginObject()
      .Field("committed", r.totals.committed.doses)
      .Field("delivered", r.totals.delivered.doses)
      .Field("outstanding", r.totals.outstanding.doses)
      .Field("overdue", r.totals.overdue.doses)
      .EndObject();
  json.Key("partners").BeginArray();
  for (const PartnerFigures& p : r.partners) {
    json.BeginObject()
        .Field("partner", p.id)
        .Field("name", p.name)
        .Field("committed", p.committed.doses)
        .Field("delivered", p.delivered.doses)
        .Field("outstanding", p.outstanding.doses)
        .Field("overdue", p.overdue.doses);
    json.Key("sources").BeginObject();
    JsonRefs(json, "committed", p.committed.refs);
    JsonRefs(json, "delivered", p.delivered.refs);
    JsonRefs(json, "outstanding", p.outstanding.refs);
    JsonRefs(json, "overdue", p.overdue.refs);
    json.EndObject().EndObject();
  }
  json.EndArray();
  json.Key("by_kind").BeginObject();
  for (const KindFigures& k : r.kinds) {
    Refs refs = k.committed.refs;
    for (int ref : k.delivered.refs) AddRef(refs, ref);
    json.Key(k.label).BeginObject().Field("committed", k.committed.doses).Field("delivered", k.delivered.doses);
    JsonRefs(json, "sources", refs);
    json.EndObject();
  }
  json.EndObject();
  json.Key("timeline").BeginArray();
  for (const Event& t : r.timeline) {
    const LedgerEntry& e = *t.entry;
    const Commitment& c = e.row.commitment;
    json.BeginObject()
        .Field("date", e.row.date)
        .Field("partner", t.partner)
        .Field("role", ToString(e.role))
        .Field("kind", ToString(c.kind))
        .Field("status", ToString(c.status))
        .Field("doses", c.doses)
        .Field("vaccine", c.vaccine)
        .Field("due", c.due)
        .Field("committed", e.committed)
        .Field("delivered", e.delivered)
        .Field("source", t.ref)
        .EndObject();
  }
  json.EndArray();
  json.Key("deliveries").BeginArray();
  for (const DeliveryStep& s : r.deliveries) {
    json.BeginObject().Field("date", s.date).Field("delivered", s.delivered).Field("cumulative", s.cumulative).EndObject();
  }
  json.EndArray();
  json.Key("open").BeginArray();
  for (const Event& o : r.open) {
    const LedgerEntry& e = *o.entry;
    const Commitment& c = e.row.commitment;
    json.BeginObject()
        .Field("partner", o.partner)
        .Field("date", e.row.date)
        .Field("kind", ToString(c.kind))
        .Field("vaccine", c.vaccine)
        .Field("doses", c.doses)
        .Field("remaining", e.remaining)
        .Field("overdue", e.overdue)
        .Field("due", e.due_end ? e.due_end : c.due)
        .Field("source", o.ref)
        .EndObject();
  }
  json.EndArray();
  json.Key("conflicts").BeginArray();
  for (const Conflict& c : r.conflicts) {
    json.BeginObject().Field("partner", c.partner).Field("text", c.text);
    JsonRefs(json, "sources", c.refs);
    json.EndObject();
  }
  json.EndArray();
  json.Key("sources").BeginArray();
  for (std::size_t i = 0; i < r.sources.size(); ++i) {
    const Source& s = r.sources[i];
    json.BeginObject()
        .Field("ref", i + 1)
        .Field("doc_id", s.doc_id)
        .Field("file", s.file)
        .Field("date", s.date)
        .Field("sentence", s.sentence)
        .EndObject();
  }
  json.EndArray().EndObject();
  return json.str();
}

// ---------------------------------------------------------------------------------------------------------
// HTML and its SVG charts

constexpr double kChartWidth = 680;  // user units; the chart is scaled to the printable width (180 mm)
constexpr const char* kFont = "DejaVu Sans, Liberation Sans, Arial, sans-serif";
constexpr const char* kCommittedFill = "#b9d3ee";
constexpr const char* kCommittedStroke = "#2b5d95";
constexpr const char* kDeliveredFill = "#1d4f80";

// A round axis: 0 to `top` in `step`s of 1, 2 or 5 times a power of ten, about `ticks` of them.
struct Axis {
  double top = 1;
  double step = 1;
};

Axis RoundAxis(double max, int ticks) {
  if (max <= 0) return {1, 1};
  const double raw = max / ticks;
  const double power = std::pow(10.0, std::floor(std::log10(raw)));
  double step = power;
  for (double m : {1.0, 2.0, 2.5, 5.0, 10.0}) {
    step = m * power;
    if (step >= raw) break;
  }
  return {std::ceil(max / step - 1e-9) * step, step};
}

// Axis labels: "2,500,000" would crowd the axis; "2.5M", "750k" do not.
std::string Compact(double v) {
  char buffer[32];
  if (v >= 1e6) {
    std::snprintf(buffer, sizeof buffer, "%gM", v / 1e6);
  } else if (v >= 1e3) {
    std::snprintf(buffer, sizeof buffer, "%gk", v / 1e3);
  } else {
    std::snprintf(buffer, sizeof buffer, "%g", v);
  }
  return buffer;
}

// Superscript "[3, 5–7]", each number a link to its source; brackets, so that "1,500,000[2, 4]" cannot be
// read as one number.
std::string HtmlRefs(const Refs& refs) {
  if (refs.empty()) return "";
  std::string out = "<sup class=\"refs\">[";
  ForEachRun(refs, [&out](int first, int last, bool is_first) {
    if (!is_first) out += ", ";
    out += "<a href=\"#ref-" + std::to_string(first) + "\">" + std::to_string(first) + "</a>";
    if (last != first) out += "–<a href=\"#ref-" + std::to_string(last) + "\">" + std::to_string(last) + "</a>";
  });
  return out + "]</sup>";
}

std::string HtmlFigure(const Figure& f) { return GroupedDoses(f.doses) + HtmlRefs(f.refs); }

// Doses by partner: a committed and a delivered bar for each partner, on one round axis.
std::string PartnerChart(const Report& r) {
  std::vector<const PartnerFigures*> shown;
  for (const PartnerFigures& p : r.partners) {
    if (p.committed.doses > 0 || p.delivered.doses > 0) shown.push_back(&p);
  }
  const double label_width = 150, value_room = 128, legend = 28, row = 28, bar = 10, axis_room = 30;
  const double plot_x = label_width, plot_w = kChartWidth - label_width - value_room;
  const double height = legend + row * std::max<std::size_t>(shown.size(), 1) + axis_room;
  double max = 0;
  for (const PartnerFigures* p : shown) max = std::max<double>({max, double(p->committed.doses), double(p->delivered.doses)});
  const Axis axis = RoundAxis(max, 4);
  const double scale = plot_w / axis.top;  // user units per dose
  const double plot_bottom = legend + row * std::max<std::size_t>(shown.size(), 1);

  std::ostringstream svg;
  svg << "<svg class=\"chart partners\" viewBox=\"0 0 " << kChartWidth << ' ' << height << "\" role=\"img\""
      << " aria-labelledby=\"partners-title partners-desc\" font-family=\"" << kFont << "\" font-size=\"11\">\n";
  svg << "<title id=\"partners-title\">Doses committed and delivered, by partner</title>\n";
  svg << "<desc id=\"partners-desc\">";
  if (shown.empty()) svg << "No partner committed or delivered doses in this period.";
  for (const PartnerFigures* p : shown) {
    svg << Escape(p->name) << ": " << GroupedDoses(p->committed.doses) << " committed, " << GroupedDoses(p->delivered.doses)
        << " delivered. ";
  }
  svg << "</desc>\n";
  // Legend: the words say which bar is which, not only the colours.
  svg << "<g class=\"legend\"><rect x=\"" << plot_x << "\" y=\"6\" width=\"14\" height=\"10\" fill=\"" << kCommittedFill
      << "\" stroke=\"" << kCommittedStroke << "\"/><text x=\"" << plot_x + 19 << "\" y=\"15\">committed (upper bar)</text>"
      << "<rect x=\"" << plot_x + 170 << "\" y=\"6\" width=\"14\" height=\"10\" fill=\"" << kDeliveredFill << "\"/>"
      << "<text x=\"" << plot_x + 189 << "\" y=\"15\">delivered (lower bar)</text></g>\n";
  // Grid and axis.
  svg << "<g class=\"axis\" fill=\"#333\" font-size=\"10\" text-anchor=\"middle\">\n";
  for (double v = 0; v <= axis.top + axis.step / 2; v += axis.step) {
    const double x = plot_x + v * scale;
    svg << "<line x1=\"" << Num(x) << "\" y1=\"" << legend - 4 << "\" x2=\"" << Num(x) << "\" y2=\"" << plot_bottom + 4
        << "\" stroke=\"" << (v == 0 ? "#333" : "#ddd") << "\"/><text x=\"" << Num(x) << "\" y=\"" << plot_bottom + 17
        << "\">" << Compact(v) << "</text>\n";
  }
  svg << "<text x=\"" << plot_x + plot_w / 2 << "\" y=\"" << plot_bottom + 29 << "\">doses</text></g>\n";
  if (shown.empty()) {
    svg << "<text x=\"" << plot_x + plot_w / 2 << "\" y=\"" << legend + row / 2 + 4
        << "\" text-anchor=\"middle\" fill=\"#555\">no doses committed or delivered</text>\n";
  }
  for (std::size_t i = 0; i < shown.size(); ++i) {
    const PartnerFigures& p = *shown[i];
    const double top = legend + row * static_cast<double>(i) + (row - 2 * bar - 2) / 2;
    svg << "<g class=\"partner\" data-partner=\"" << Escape(p.id) << "\"><title>" << Escape(p.name) << ": "
        << GroupedDoses(p.committed.doses) << " doses committed, " << GroupedDoses(p.delivered.doses) << " delivered</title>\n";
    svg << "<text x=\"" << label_width - 8 << "\" y=\"" << Num(top + bar + 5) << "\" text-anchor=\"end\" font-size=\"11.5\">"
        << Escape(Shorten(p.name, 20)) << "</text>\n";
    struct Bar {
      const char* cls;
      std::int64_t doses;
      double y;
    };
    for (const Bar& b : {Bar{"committed", p.committed.doses, top}, Bar{"delivered", p.delivered.doses, top + bar + 2}}) {
      const double w = static_cast<double>(b.doses) * scale;
      const bool committed = std::string_view(b.cls) == "committed";
      svg << "<rect class=\"bar " << b.cls << "\" data-doses=\"" << b.doses << "\" x=\"" << plot_x << "\" y=\""
          << Num(b.y) << "\" width=\"" << Num(w) << "\" height=\"" << bar << "\" fill=\""
          << (committed ? kCommittedFill : kDeliveredFill) << "\"" << (committed ? " stroke=\"" : "")
          << (committed ? kCommittedStroke : "") << (committed ? "\"" : "") << "/>";
      svg << "<text x=\"" << Num(plot_x + w + 4) << "\" y=\"" << Num(b.y + bar - 2) << "\" font-size=\"10\">"
          << GroupedDoses(b.doses) << ' ' << b.cls << "</text>\n";
    }
    svg << "</g>\n";
  }
  svg << "</svg>\n";
  return svg.str();
}

int DayNumber(const std::string& date) {  // YYYY-MM-DD
  using namespace std::chrono;
  const year_month_day ymd{year{std::stoi(date.substr(0, 4))}, month{static_cast<unsigned>(std::stoi(date.substr(5, 2)))},
                           day{static_cast<unsigned>(std::stoi(date.substr(8, 2)))}};
  return static_cast<int>(sys_days{ymd}.time_since_epoch().count());
}

// Cumulative deliveries: one step line for all partners, and one for each of the three largest deliverers
// when more than one delivered.
std::string DeliveryChart(const Report& r) {
  using namespace std::chrono;
  const double left = 62, right = 150, top = 16, bottom = 44, height = 300;
  const double plot_w = kChartWidth - left - right, plot_h = height - top - bottom;
  std::ostringstream svg;
  svg << "<svg class=\"chart cumulative\" viewBox=\"0 0 " << kChartWidth << ' ' << height << "\" role=\"img\""
      << " aria-labelledby=\"cumulative-title cumulative-desc\" font-family=\"" << kFont << "\" font-size=\"11\">\n";
  svg << "<title id=\"cumulative-title\">Doses delivered, cumulative, by document date</title>\n";
  svg << "<desc id=\"cumulative-desc\">";
  if (r.deliveries.empty()) {
    svg << "No dated deliveries in this period.";
  } else {
    svg << "From " << r.deliveries.front().date << " to " << r.deliveries.back().date << ", "
        << GroupedDoses(r.deliveries.back().cumulative) << " doses delivered in " << r.deliveries.size() << " dated step"
        << (r.deliveries.size() == 1 ? "" : "s") << ".";
  }
  if (r.undated_delivered > 0) svg << " Not shown: " << GroupedDoses(r.undated_delivered) << " undated doses.";
  svg << "</desc>\n";
  if (r.deliveries.empty()) {
    svg << "<rect x=\"" << left << "\" y=\"" << top << "\" width=\"" << plot_w << "\" height=\"" << plot_h
        << "\" fill=\"none\" stroke=\"#999\"/><text x=\"" << left + plot_w / 2 << "\" y=\"" << top + plot_h / 2
        << "\" text-anchor=\"middle\" fill=\"#555\">no dated deliveries in this period</text>\n</svg>\n";
    return svg.str();
  }

  // Time runs from the first day of the first delivery's month to the first day after the last one's month.
  const year_month_day first{sys_days{days{DayNumber(r.deliveries.front().date)}}};
  const year_month_day last{sys_days{days{DayNumber(r.deliveries.back().date)}}};
  const year_month start_month = first.year() / first.month();
  const year_month end_month = last.year() / last.month() + months{1};
  const int t0 = static_cast<int>(sys_days{start_month / 1}.time_since_epoch().count());
  const int t1 = static_cast<int>(sys_days{end_month / 1}.time_since_epoch().count());
  auto x_of = [&](int day) { return left + plot_w * (day - t0) / std::max(1, t1 - t0); };
  const Axis axis = RoundAxis(static_cast<double>(r.deliveries.back().cumulative), 5);
  auto y_of = [&](double doses) { return top + plot_h - plot_h * doses / axis.top; };

  svg << "<g class=\"axis\" fill=\"#333\" font-size=\"10\">\n";
  for (double v = 0; v <= axis.top + axis.step / 2; v += axis.step) {
    svg << "<line x1=\"" << left << "\" y1=\"" << Num(y_of(v)) << "\" x2=\"" << left + plot_w << "\" y2=\"" << Num(y_of(v))
        << "\" stroke=\"" << (v == 0 ? "#333" : "#ddd") << "\"/><text x=\"" << left - 6 << "\" y=\"" << Num(y_of(v) + 3.5)
        << "\" text-anchor=\"end\">" << Compact(v) << "</text>\n";
  }
  static const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  const int month_count = (end_month - start_month).count();
  const int label_every = month_count <= 8 ? 1 : month_count <= 16 ? 2 : month_count <= 36 ? 6 : 12;
  for (int m = 0; m <= month_count; ++m) {
    const year_month ym = start_month + months{m};
    const double x = x_of(static_cast<int>(sys_days{ym / 1}.time_since_epoch().count()));
    svg << "<line x1=\"" << Num(x) << "\" y1=\"" << top + plot_h << "\" x2=\"" << Num(x) << "\" y2=\"" << top + plot_h + 5
        << "\" stroke=\"#333\"/>";
    if (m % label_every == 0) {
      svg << "<text x=\"" << Num(x) << "\" y=\"" << top + plot_h + 17 << "\" text-anchor=\"middle\">"
          << kMonths[static_cast<unsigned>(ym.month()) - 1] << ' ' << static_cast<int>(ym.year()) << "</text>";
    }
    svg << "\n";
  }
  svg << "<text x=\"" << left + plot_w / 2 << "\" y=\"" << height - 6
      << "\" text-anchor=\"middle\">date of the document reporting the delivery</text>\n";
  svg << "<text transform=\"translate(12 " << top + plot_h / 2 << ") rotate(-90)\" text-anchor=\"middle\">doses</text>\n";
  svg << "</g>\n";

  // Lines: all partners, then the largest deliverers (dashed, each named at its end).
  struct Line {
    std::string cls, label, colour, dash;
    std::vector<std::pair<int, std::int64_t>> steps;  // day, cumulative
  };
  std::vector<Line> lines;
  Line total{"total", "All partners", "#111", "", {}};
  for (const DeliveryStep& s : r.deliveries) total.steps.push_back({DayNumber(s.date), s.cumulative});
  lines.push_back(std::move(total));
  std::map<std::string, std::int64_t> delivered_by;
  for (const DeliveryStep& s : r.deliveries) {
    for (const auto& [id, doses] : s.by_partner) delivered_by[id] += doses;
  }
  if (delivered_by.size() > 1) {
    std::vector<std::pair<std::string, std::int64_t>> ranked(delivered_by.begin(), delivered_by.end());
    std::stable_sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    static const char* kColours[] = {"#c0392b", "#1d6fb8", "#2e8b3a"};
    static const char* kDashes[] = {"6 3", "2 3", "8 3 2 3"};
    for (std::size_t i = 0; i < std::min<std::size_t>(3, ranked.size()); ++i) {
      Line line{"partner", PartnerName(ranked[i].first), kColours[i], kDashes[i], {}};
      std::int64_t sum = 0;
      for (const DeliveryStep& s : r.deliveries) {
        if (const auto it = s.by_partner.find(ranked[i].first); it != s.by_partner.end()) {
          line.steps.push_back({DayNumber(s.date), sum += it->second});
        }
      }
      lines.push_back(std::move(line));
    }
  }
  struct EndLabel {
    double y;
    std::string text, colour;
  };
  std::vector<EndLabel> labels;
  for (const Line& line : lines) {
    std::ostringstream points;
    double prev = 0;
    points << Num(x_of(t0)) << ',' << Num(y_of(0));
    for (const auto& [day, cumulative] : line.steps) {
      points << ' ' << Num(x_of(day)) << ',' << Num(y_of(prev)) << ' ' << Num(x_of(day)) << ','
             << Num(y_of(static_cast<double>(cumulative)));
      prev = static_cast<double>(cumulative);
    }
    points << ' ' << Num(x_of(t1)) << ',' << Num(y_of(prev));
    svg << "<polyline class=\"cumulative " << line.cls << "\" points=\"" << points.str() << "\" fill=\"none\" stroke=\""
        << line.colour << "\" stroke-width=\"" << (line.cls == "total" ? 2.5 : 1.8) << "\"";
    if (!line.dash.empty()) svg << " stroke-dasharray=\"" << line.dash << "\"";
    svg << "><title>" << Escape(line.label) << ": " << GroupedDoses(static_cast<std::int64_t>(prev)) << " doses delivered</title></polyline>\n";
    labels.push_back({y_of(prev), line.label + " " + GroupedDoses(static_cast<std::int64_t>(prev)), line.colour});
  }
  // Each step of the total, as a dot with what it adds.
  for (const DeliveryStep& s : r.deliveries) {
    std::string who;
    for (const auto& [id, doses] : s.by_partner) who += (who.empty() ? "" : ", ") + PartnerName(id) + " " + GroupedDoses(doses);
    svg << "<circle cx=\"" << Num(x_of(DayNumber(s.date))) << "\" cy=\"" << Num(y_of(static_cast<double>(s.cumulative)))
        << "\" r=\"3\" fill=\"#111\"><title>" << s.date << ": +" << GroupedDoses(s.delivered) << " (" << Escape(who)
        << "), " << GroupedDoses(s.cumulative) << " in all</title></circle>\n";
  }
  // End labels, pushed apart so that none overlaps another.
  std::vector<std::size_t> order(labels.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return labels[a].y < labels[b].y; });
  double next_free = top - 1e9;
  for (std::size_t i : order) {
    labels[i].y = std::max(labels[i].y, next_free);
    next_free = labels[i].y + 13;
  }
  const double overflow = next_free - 13 - (top + plot_h);
  for (EndLabel& l : labels) {
    if (overflow > 0) l.y -= overflow;
    svg << "<text class=\"end-label\" x=\"" << left + plot_w + 6 << "\" y=\"" << Num(l.y + 3.5) << "\" fill=\"" << l.colour
        << "\" font-size=\"10\">" << Escape(Shorten(l.text, 26)) << "</text>\n";
  }
  svg << "</svg>\n";
  return svg.str();
}

std::string RenderHtml(const Report& r) {
  std::ostringstream h;
  h << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
    << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
    << "<title>After-action report: vaccine diplomacy, " << Escape(PeriodWords(r.scope)) << "</title>\n"
    << "<style>" << data::kReportCss << "</style>\n</head>\n<body>\n";
  h << "<header>\n<h1>After-action report: vaccine diplomacy</h1>\n<p class=\"meta\">Covers "
    << Escape(PeriodWords(r.scope)) << " · as of <strong>" << Escape(r.as_of) << "</strong> · " << r.scope.documents
    << " document" << (r.scope.documents == 1 ? "" : "s") << ", " << r.scope.commitments << " commitment"
    << (r.scope.commitments == 1 ? "" : "s") << "</p>\n</header>\n";
  if (r.empty()) {
    h << "<p class=\"empty\"><strong>No commitments are recorded in this period.</strong> There is nothing to total, "
         "chart or follow up.</p>\n</body>\n</html>\n";
    return h.str();
  }
  h << "<p class=\"summary\">Partners committed <strong>" << GroupedDoses(r.totals.committed.doses)
    << "</strong> doses and delivered <strong>" << GroupedDoses(r.totals.delivered.doses) << "</strong> ("
    << Percent(r.totals.delivered.doses, r.totals.committed.doses) << "); <strong>"
    << GroupedDoses(r.totals.outstanding.doses) << "</strong> are still to come, <strong>"
    << GroupedDoses(r.totals.overdue.doses) << "</strong> of them overdue as of " << Escape(r.as_of)
    << ". Superscript numbers are the sources at the end.</p>\n";

  h << "<section>\n<h2>Pledged against delivered, by partner</h2>\n<figure>\n" << PartnerChart(r)
    << "<figcaption>Doses committed (upper, light bar) and delivered (lower, dark bar) by each partner.</figcaption>\n"
    << "</figure>\n";
  h << "<table class=\"partners\">\n<thead><tr><th>Partner</th><th class=\"num\">Committed</th><th class=\"num\">Delivered</th>"
       "<th class=\"num share\">Share</th><th class=\"num\">Outstanding</th><th class=\"num\">Overdue</th></tr></thead>\n"
       "<tbody>\n";
  for (const PartnerFigures& p : r.partners) {
    h << "<tr><td>" << Escape(p.name) << " <span class=\"muted\">(" << Escape(p.id) << ")</span></td><td class=\"num\">"
      << HtmlFigure(p.committed) << "</td><td class=\"num\">" << HtmlFigure(p.delivered) << "</td><td class=\"num\">"
      << Percent(p.delivered.doses, p.committed.doses) << "</td><td class=\"num\">" << HtmlFigure(p.outstanding)
      << "</td><td class=\"num" << (p.overdue.doses > 0 ? " overdue" : "") << "\">" << HtmlFigure(p.overdue)
      << "</td></tr>\n";
  }
  h << "<tr class=\"total\"><td>All partners</td><td class=\"num\">" << GroupedDoses(r.totals.committed.doses)
    << "</td><td class=\"num\">" << GroupedDoses(r.totals.delivered.doses) << "</td><td class=\"num\">"
    << Percent(r.totals.delivered.doses, r.totals.committed.doses) << "</td><td class=\"num\">"
    << GroupedDoses(r.totals.outstanding.doses) << "</td><td class=\"num\">" << GroupedDoses(r.totals.overdue.doses)
    << "</td></tr>\n</tbody>\n</table>\n";
  // The kinds gather many sources each: they go in a column of their own rather than beside the figures.
  h << "<h3>By kind</h3>\n<table class=\"kinds\">\n<thead><tr><th>Kind</th><th class=\"num\">Committed</th>"
       "<th class=\"num\">Delivered</th><th class=\"num\">Share</th><th>Sources</th></tr></thead>\n<tbody>\n";
  for (const KindFigures& k : r.kinds) {
    h << "<tr><td>" << k.label << "</td><td class=\"num\">" << GroupedDoses(k.committed.doses) << "</td><td class=\"num\">"
      << GroupedDoses(k.delivered.doses) << "</td><td class=\"num\">" << Percent(k.delivered.doses, k.committed.doses)
      << "</td><td class=\"sources\">";
    if (!k.committed.refs.empty()) h << "committed " << HtmlRefs(k.committed.refs) << ' ';
    if (!k.delivered.refs.empty()) h << "delivered " << HtmlRefs(k.delivered.refs);
    h << "</td></tr>\n";
  }
  h << "</tbody>\n</table>\n</section>\n";

  h << "<section>\n<h2>Deliveries over time</h2>\n<figure>\n" << DeliveryChart(r)
    << "<figcaption>Doses delivered, summed over partners (solid line) and for the largest deliverers (dashed, "
       "named at the right), by the date of the document reporting each delivery.";
  if (r.undated_delivered > 0) h << " Not shown: " << GroupedDoses(r.undated_delivered) << " doses from undated documents.";
  h << "</figcaption>\n</figure>\n</section>\n";

  h << "<section>\n<h2>What remains open</h2>\n";
  if (r.open.empty()) {
    h << "<p>No promise has doses still to come.</p>\n";
  } else {
    h << "<table class=\"open\">\n<thead><tr><th>Partner</th><th>Promised</th><th>What</th><th class=\"num\">Doses</th>"
         "<th class=\"num\">Still to come</th><th>Due</th><th class=\"num\">Overdue</th></tr></thead>\n<tbody>\n";
    for (const Event& o : r.open) {
      const LedgerEntry& e = *o.entry;
      h << "<tr><td>" << Escape(PartnerName(o.partner)) << "</td><td class=\"date\">" << Escape(e.row.date.value_or("undated"))
        << "</td><td>" << Escape(Describe(e)) << "</td><td class=\"num\">"
        << GroupedDoses(e.row.commitment.doses.value_or(0)) << "</td><td class=\"num\">" << GroupedDoses(e.remaining)
        << HtmlRefs({o.ref}) << "</td><td class=\"date\">" << Escape(e.due_end.value_or(e.row.commitment.due.value_or("not given")))
        << "</td><td class=\"num" << (e.overdue > 0 ? " overdue" : "") << "\">"
        << (e.overdue > 0 ? GroupedDoses(e.overdue) + " (overdue)" : "-") << "</td></tr>\n";
    }
    h << "</tbody>\n</table>\n";
  }
  h << "<h3>Where the record contradicts itself</h3>\n";
  if (r.conflicts.empty()) {
    h << "<p>No contradictions found.</p>\n";
  } else {
    h << "<ul class=\"conflicts\">\n";
    for (const Conflict& c : r.conflicts) {
      h << "<li><strong>" << Escape(PartnerName(c.partner)) << "</strong>: " << Escape(c.text) << HtmlRefs(c.refs)
        << "</li>\n";
    }
    h << "</ul>\n";
  }
  h << "</section>\n";

  h << "<section>\n<h2>Timeline</h2>\n<table class=\"timeline\">\n<thead><tr><th>Date</th><th>Partner</th><th>What</th>"
       "<th class=\"num\">Doses</th><th>Counted as</th><th class=\"num\">Source</th></tr></thead>\n<tbody>\n";
  for (const Event& t : r.timeline) {
    const LedgerEntry& e = *t.entry;
    const auto& doses = e.row.commitment.doses;
    h << "<tr><td class=\"date\">" << Escape(e.row.date.value_or("undated")) << "</td><td>" << Escape(PartnerName(t.partner))
      << "</td><td>" << Escape(Describe(e)) << "</td><td class=\"num\">" << (doses ? GroupedDoses(*doses) : "not stated")
      << "</td><td>" << RoleWords(e.role) << "</td><td class=\"num\"><a href=\"#ref-" << t.ref << "\">[" << t.ref
      << "]</a></td></tr>\n";
  }
  h << "</tbody>\n</table>\n</section>\n";

  h << "<section>\n<h2>Sources</h2>\n<ol class=\"sources\">\n";
  for (std::size_t i = 0; i < r.sources.size(); ++i) {
    const Source& s = r.sources[i];
    h << "<li id=\"ref-" << i + 1 << "\"><span class=\"file\">" << Escape(s.file) << "</span>, "
      << Escape(s.date.value_or("undated")) << ": <q>" << Escape(s.sentence) << "</q></li>\n";
  }
  h << "</ol>\n</section>\n</body>\n</html>\n";
  return h.str();
}

}  // namespace

std::optional<ReportFormat> ParseReportFormat(std::string_view name) {
  if (name == "md") return ReportFormat::kMarkdown;
  if (name == "html") return ReportFormat::kHtml;
  if (name == "json") return ReportFormat::kJson;
  return std::nullopt;
}

ReportScope MakeReportScope(const std::vector<CommitmentRow>& rows, std::optional<std::string> from,
                            std::optional<std::string> to) {
  std::set<std::string> documents;
  for (const CommitmentRow& row : rows) documents.insert(row.doc_id);
  return {std::move(from), std::move(to), documents.size(), rows.size()};
}

std::string RenderReport(const Ledger& ledger, const ReportScope& scope, ReportFormat format) {
  const Report report = MakeReport(ledger, scope);
  switch (format) {
    case ReportFormat::kMarkdown: return RenderMarkdown(report);
    case ReportFormat::kHtml: return RenderHtml(report);
    case ReportFormat::kJson: return RenderJson(report) + "\n";
  }
  return {};
}

std::string PartnerName(const std::string& id) { return NamesOf(id, "en").name; }

}  // namespace dipdoc
