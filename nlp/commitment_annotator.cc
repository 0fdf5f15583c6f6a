#include "nlp/commitment_annotator.h"

#include <algorithm>
#include <string>
#include <unordered_map>

#include "nlp/embedded_data.h"
#include "nlp/lexicon.h"
#include "nlp/word_tokens.h"

namespace dipdoc {
namespace {

// How many sentences back a partner named earlier still answers for a commitment that names none:
// "làm việc với công ty Pfizer và được cam kết ..." often comes a sentence before the figures.
constexpr std::size_t kPartnerMemorySentences = 2;

// The vaccine a maker's commitment is of, when the sentence names none (ids from the contract).
struct MakerVaccine {
  std::string_view partner;
  std::string_view vaccine;
};
constexpr MakerVaccine kMakerVaccines[] = {
    {"pfizer", "pfizer"},       {"biontech", "pfizer"},   {"astrazeneca", "astrazeneca"}, {"moderna", "moderna"},
    {"janssen", "janssen"},     {"sinopharm", "sinopharm"}, {"sinovac", "sinovac"},     {"gamaleya", "sputnik-v"},
    {"rdif", "sputnik-v"},      {"bharat", "covaxin"},    {"serum-institute", "astrazeneca"},
    {"novavax", "novavax"},     {"cigb", "abdala"},       {"finlay", "soberana"},
};

const Lexicon& Cues() {
  static const Lexicon lexicon("nlp/data/commitment_cues.tsv", data::kCommitmentCues);
  return lexicon;
}

struct Cue {
  Span span;
  const LexiconEntry* entry;
};

template <typename T>
bool Inside(const T& item, Span range) {
  return item.span.start >= range.start && item.span.end <= range.end;
}

// The value of attribute `name` of the cue nearest to `at` among those in [from, at) (nearest first), then
// among those in [at_end, to). Empty when none has it.
std::string_view Nearest(const std::vector<Cue>& cues, std::string_view name, std::size_t from, std::size_t at,
                         std::size_t at_end, std::size_t to) {
  for (auto it = cues.rbegin(); it != cues.rend(); ++it) {
    if (it->span.end <= at && it->span.start >= from && it->entry->Has(name)) return it->entry->Get(name);
  }
  for (const Cue& cue : cues) {
    if (cue.span.start >= at_end && cue.span.end <= to && cue.entry->Has(name)) return cue.entry->Get(name);
  }
  return {};
}

bool AnyIn(const std::vector<Cue>& cues, std::string_view name, std::size_t from, std::size_t to) {
  return std::any_of(cues.begin(), cues.end(), [&](const Cue& cue) {
    return cue.span.start >= from && cue.span.end <= to && cue.entry->Has(name);
  });
}

// A company named as its vaccine ("vaccine Pfizer", "doses de Moderna", "the AstraZeneca vaccine") rather than
// as an actor: ranked after every other partner, and not remembered for later sentences.
bool NamedAsVaccine(std::string_view text, const NameMatch& partner, const std::vector<const NameMatch*>& vaccines) {
  if (!std::any_of(vaccines.begin(), vaccines.end(), [&](const NameMatch* v) { return v->span == partner.span; })) {
    return false;
  }
  static const std::vector<std::string> kBefore = {"vaccine", "xin", "vaccin", "of", "de", "liều", "doses", "lọ"};
  static const std::vector<std::string> kAfter = {"vaccine", "vaccines", "doses", "vaccin", "vaccins", "shots"};
  const std::size_t before_from = partner.span.start > 16 ? partner.span.start - 16 : 0;
  const std::vector<WordToken> before = TokenizeWords(text, Span{before_from, partner.span.start});
  if (!before.empty() && std::find(kBefore.begin(), kBefore.end(), before.back().key) != kBefore.end()) return true;
  const std::vector<WordToken> after =
      TokenizeWords(text, Span{partner.span.end, std::min(text.size(), partner.span.end + 16)});
  return !after.empty() && std::find(kAfter.begin(), kAfter.end(), after.front().key) != kAfter.end();
}

// The partners a sentence names, best first for a quantity at [at, at_end): before it (nearest first), then
// after it. COVAX is a channel when another partner is named; a company named only as its vaccine
// ("vaccine Pfizer" after "Hoa Kỳ trao tặng") comes after every other partner.
// REQUIRES: as_vaccine[i] == NamedAsVaccine(text, *partners[i], vaccines)
std::optional<std::string> PartnerFor(const std::vector<const NameMatch*>& partners, const std::vector<bool>& as_vaccine,
                                      std::size_t at, std::size_t at_end) {
  const bool other_than_covax = std::any_of(partners.begin(), partners.end(),
                                            [](const NameMatch* p) { return p->id != "covax"; });
  const NameMatch* best = nullptr;
  int best_rank = 1 << 30;
  for (std::size_t i = 0; i < partners.size(); ++i) {
    const NameMatch* p = partners[i];
    if (p->id == "covax" && other_than_covax) continue;
    const bool before = p->span.end <= at;
    const std::size_t distance = before ? at - p->span.end : (p->span.start >= at_end ? p->span.start - at_end : 0);
    // Rank: plain names before vaccine-only names, names before the quantity before names after it.
    const int rank = (as_vaccine[i] ? 1 << 28 : 0) + (before ? 0 : 1 << 27) + static_cast<int>(std::min<std::size_t>(distance, 1 << 26));
    if (rank < best_rank) {
      best_rank = rank;
      best = p;
    }
  }
  if (best == nullptr) return std::nullopt;
  return std::string(best->id);
}

std::optional<std::string> MakersVaccine(std::string_view partner) {
  for (const MakerVaccine& m : kMakerVaccines) {
    if (m.partner == partner) return std::string(m.vaccine);
  }
  return std::nullopt;
}

CommitmentKind KindOf(std::string_view cue, CommitmentStatus status, std::string_view partner_kind) {
  if (auto kind = ParseCommitmentKind(cue)) return *kind;
  if (status == CommitmentStatus::kDelivered) return CommitmentKind::kDelivery;
  // In 2021 Viet Nam bought from companies and was given doses by governments and organisations.
  return partner_kind == "company" ? CommitmentKind::kPurchase : CommitmentKind::kDonation;
}

// A status no cue states: a delivery reported without "sẽ"/"will" has happened ("Cuba bàn giao 1,05 triệu
// liều"), anything else is a promise.
CommitmentStatus StatusOf(std::string_view cue, std::string_view kind_cue) {
  if (auto status = ParseCommitmentStatus(cue)) return *status;
  return kind_cue == "delivery" ? CommitmentStatus::kDelivered : CommitmentStatus::kPledged;
}

// Two amounts that are one sum in two currencies: "2.000 tỷ đồng (90 triệu USD)".
bool RestatesPrevious(std::string_view text, const std::vector<Amount>& amounts, std::size_t i) {
  if (i == 0 || amounts[i].span.start < amounts[i - 1].span.end) return false;
  const std::string_view gap = text.substr(amounts[i - 1].span.end, amounts[i].span.start - amounts[i - 1].span.end);
  return gap.size() <= 16 && gap.find('(') != std::string_view::npos;
}

// Whether the word right before a figure at `at` is a coordinating conjunction ("và", "and", "et").
bool JoinedToPrevious(std::string_view text, std::size_t at, std::size_t from) {
  const std::vector<WordToken> before = TokenizeWords(text, Span{std::max(from, at > 12 ? at - 12 : 0), at});
  if (before.empty()) return false;
  const std::string& word = before.back().key;
  return word == "và" || word == "and" || word == "et" || word == "cùng";
}

// Whether `partner` opens the sentence, after at most a title ("Đại sứ Ác-hen-ti-na", "The Japanese side").
bool SentenceSubject(const std::vector<WordToken>& sentence_tokens, const NameMatch& partner) {
  constexpr std::size_t kMaxWordsBefore = 2;
  for (std::size_t i = 0; i < sentence_tokens.size() && i <= kMaxWordsBefore; ++i) {
    if (sentence_tokens[i].span.start >= partner.span.start) return true;
  }
  return false;
}

// The partners a request at [from, to) asks: the first named after it, and those listed with it ("đề nghị
// WHO, COVAX, AstraZeneca, Pfizer… đẩy nhanh"), but not a partner named later as what the request is about
// ("đề nghị Ca-na-đa thúc đẩy COVAX").
std::vector<std::string> Asked(std::string_view text, const std::vector<const NameMatch*>& partners,
                               const std::vector<bool>& as_vaccine, std::size_t from, std::size_t to) {
  std::vector<std::string> asked;
  std::size_t previous_end = 0;
  for (std::size_t i = 0; i < partners.size(); ++i) {
    const NameMatch* p = partners[i];
    if (p->span.start < from || p->span.end > to || as_vaccine[i]) continue;
    if (!asked.empty()) {
      std::string gap(text.substr(previous_end, p->span.start - previous_end));
      for (const char* separator : {",", " và ", " and ", " et ", "&"}) {
        for (std::size_t at; (at = gap.find(separator)) != std::string::npos;) gap.erase(at, std::string_view(separator).size());
      }
      if (gap.find_first_not_of(' ') != std::string::npos) break;  // not part of the list
    }
    if (std::find(asked.begin(), asked.end(), p->id) == asked.end()) asked.emplace_back(p->id);
    previous_end = p->span.end;
  }
  return asked;
}

}  // namespace

std::vector<Commitment> AnnotateCommitments(const CommitmentContext& context, std::vector<DoseCount>& doses) {
  std::vector<Commitment> commitments;
  std::vector<std::string> items;  // by commitment: the money or equipment it gives, else empty
  const std::string_view text = context.text;
  const NameFinder& finder = NameFinder::Default();

  // The last partner named, and in which sentence, for sentences that name none.
  std::optional<std::string> recent_partner;
  std::size_t recent_partner_sentence = 0;
  std::optional<std::string> recent_vaccine;

  std::size_t next_dose = 0, next_name = 0, next_date = 0, next_amount = 0, next_equipment = 0;
  for (std::size_t s = 0; s < context.sentences.size(); ++s) {
    const Span sentence = context.sentences[s];
    std::vector<Cue> cues;
    const std::vector<WordToken> tokens = TokenizeWords(text, sentence);
    for (const LexiconMatch& m : Cues().FindAll(tokens)) {
      cues.push_back(Cue{Span{tokens[m.first].span.start, tokens[m.last - 1].span.end}, m.entry});
    }
    // Names and dates are in text order, as are sentences: each list is walked once over the whole text.
    std::vector<const NameMatch*> partners;
    std::vector<const NameMatch*> vaccines;
    bool via_covax = false;
    while (next_name < context.names.size() && context.names[next_name].span.start < sentence.start) ++next_name;
    for (std::size_t i = next_name; i < context.names.size() && context.names[i].span.start < sentence.end; ++i) {
      const NameMatch& name = context.names[i];
      if (!Inside(name, sentence)) continue;
      (name.what == NameKind::kPartner ? partners : vaccines).push_back(&name);
      via_covax |= name.what == NameKind::kPartner && name.id == "covax";
    }
    std::vector<bool> as_vaccine;
    for (const NameMatch* p : partners) as_vaccine.push_back(NamedAsVaccine(text, *p, vaccines));
    std::vector<const DateMention*> dates;
    while (next_date < context.dates.size() && context.dates[next_date].span.start < sentence.start) ++next_date;
    for (std::size_t i = next_date; i < context.dates.size() && context.dates[i].span.start < sentence.end; ++i) {
      if (Inside(context.dates[i], sentence)) dates.push_back(&context.dates[i]);
    }
    while (next_dose < doses.size() && doses[next_dose].span.end <= sentence.start) ++next_dose;
    const std::size_t first_dose = next_dose;
    std::size_t end_dose = first_dose;
    while (end_dose < doses.size() && Inside(doses[end_dose], sentence)) ++end_dose;
    next_dose = end_dose;

    const std::optional<std::string> remembered =
        recent_partner && s - recent_partner_sentence <= kPartnerMemorySentences ? recent_partner : std::nullopt;
    const auto fallback_partner = [&]() { return remembered ? remembered : context.document_partner; };
    const bool bought = std::any_of(cues.begin(), cues.end(), [](const Cue& c) { return c.entry->Get("kind") == "purchase"; });
    const auto make = [&](const std::string& partner, std::string_view kind_cue, std::string_view status_cue) {
      Commitment c;
      c.partner = partner;
      c.status = StatusOf(status_cue, kind_cue);
      c.kind = KindOf(kind_cue, c.status, finder.PartnerKind(partner));
      // Doses a government or COVAX hands over are its gift, unless the sentence speaks of buying (the
      // contract: a gift reported as handed over is committed and delivered); a company delivers what was sold.
      if (c.kind == CommitmentKind::kDelivery && !bought &&
          (finder.PartnerKind(partner) == "country" || partner == "covax")) {
        c.kind = CommitmentKind::kDonation;
      }
      c.channel = via_covax || partner == "covax" ? "covax" : "bilateral";
      c.span = sentence;
      return c;
    };
    // The first date after `at_end` up to `to`, else the nearest before `at` from `from`.
    const auto date_near = [&dates](std::size_t from, std::size_t at, std::size_t at_end, std::size_t to) {
      std::optional<std::string> found;
      for (const DateMention* date : dates) {
        if (date->span.start >= at_end && date->span.end <= to) return std::optional<std::string>(date->value);
        if (date->span.start >= from && date->span.end <= at) found = date->value;
      }
      return found;
    };

    // --- Each dose count: its own stretch of the sentence says what it is -------------------------
    std::string_view inherited_kind;
    std::string_view inherited_status;
    for (std::size_t d = first_dose; d < end_dose; ++d) {
      DoseCount& dose = doses[d];
      const std::size_t from = d > first_dose ? doses[d - 1].span.end : sentence.start;
      const std::size_t to = d + 1 < end_dose ? doses[d + 1].span.start : sentence.end;
      // Words after the figure speak of it until another partner takes the stage ("Ngoài 1,05 triệu liều
      // của Cuba, ..., Mỹ cũng tiếp tục cam kết viện trợ ...": the pledge is America's).
      std::size_t said_of_it = to;
      {
        const std::optional<std::string> own = PartnerFor(partners, as_vaccine, dose.span.start, dose.span.end);
        for (std::size_t i = 0; i < partners.size(); ++i) {
          if (partners[i]->span.start >= dose.span.end && partners[i]->span.end <= to && !as_vaccine[i] &&
              (!own || partners[i]->id != *own) && partners[i]->id != "covax") {
            said_of_it = partners[i]->span.start;
            break;
          }
        }
      }
      std::string_view kind = Nearest(cues, "kind", from, dose.span.start, dose.span.end, said_of_it);
      std::string_view status = Nearest(cues, "status", from, dose.span.start, dose.span.end, said_of_it);
      // A request governs everything after it in the sentence: "đề nghị ... cung cấp 2 triệu liều và 1 triệu".
      if (Nearest(cues, "status", sentence.start, dose.span.start, dose.span.end, sentence.start) == "requested") {
        status = "requested";
      }
      // "31 triệu liều vaccine đã ký hợp đồng ... và 20 triệu liều cho trẻ em": a figure joined to the one
      // before by "và"/"and"/"et" shares its verb; the words between describe the first figure.
      if (d > first_dose && JoinedToPrevious(text, dose.span.start, from)) {
        kind = inherited_kind;
        status = inherited_status;
      }
      if (kind.empty()) kind = inherited_kind;
      if (status.empty()) status = inherited_status;
      inherited_kind = kind;
      inherited_status = status;
      const bool cumulative = AnyIn(cues, "cumulative", from, dose.span.start);
      // "sử dụng 20 triệu liều", "đã tiêm 30 triệu liều": doses used or given to people, nobody's promise.
      const bool used = [&] {
        for (auto it = cues.rbegin(); it != cues.rend(); ++it) {
          if (it->span.end > dose.span.start || it->span.start < from) continue;
          if (it->entry->Has("use")) return true;
          if (it->entry->Has("kind") || it->entry->Has("status")) return false;
        }
        return false;
      }();

      // "49 800 flacons ..., soit environ 300 000 doses": the same figure again, in doses.
      if (d > first_dose && AnyIn(cues, "restates", from, dose.span.start) && !commitments.empty() &&
          commitments.back().span == sentence && commitments.back().doses == doses[d - 1].value) {
        if (dose.unit == DoseUnit::kDose) commitments.back().doses = dose.value;
        if (!dose.partner) dose.partner = doses[d - 1].partner;
        if (!dose.vaccine) dose.vaccine = doses[d - 1].vaccine;
        continue;
      }
      std::optional<std::string> partner = PartnerFor(partners, as_vaccine, dose.span.start, dose.span.end);
      const bool committed = (!kind.empty() || !status.empty() || cumulative) && !used;
      // A running total names its partner ("nâng tổng số vaccine Hoa Kỳ trao tặng"); one that names none is
      // the country's own ("tổng lượng vaccine Việt Nam đã ký hợp đồng mua hoặc được viện trợ").
      if (!partner && committed && !cumulative) partner = fallback_partner();
      if (!dose.partner) dose.partner = partner;

      if (!dose.vaccine) {
        // The vaccine named in the quantity's own stretch, after it first ("31 triệu liều vaccine Comirnaty").
        const NameMatch* nearest = nullptr;
        for (const NameMatch* v : vaccines) {
          if (v->span.start >= dose.span.end && v->span.end <= to) {
            nearest = v;
            break;
          }
        }
        for (auto it = vaccines.rbegin(); nearest == nullptr && it != vaccines.rend(); ++it) {
          if ((*it)->span.start >= from && (*it)->span.end <= dose.span.start) nearest = *it;
        }
        if (nearest == nullptr && !vaccines.empty()) nearest = vaccines.front();
        if (nearest != nullptr) dose.vaccine = std::string(nearest->id);
        else if (partner) dose.vaccine = MakersVaccine(*partner);
        if (!dose.vaccine && recent_vaccine && first_dose == d) dose.vaccine = recent_vaccine;
      }
      if (!partner || !committed) continue;

      Commitment c = make(*partner, kind, status);
      c.doses = dose.value;
      c.vaccine = dose.vaccine;
      c.cumulative = cumulative;
      c.due = date_near(from, dose.span.start, dose.span.end, to);
      commitments.push_back(std::move(c));
    }

    // --- Money and equipment given beside vaccines ------------------------------------------------
    const auto commit_item = [&](Span item) {
      std::string_view kind = Nearest(cues, "kind", sentence.start, item.start, item.end, sentence.end);
      const std::string_view status = Nearest(cues, "status", sentence.start, item.start, item.end, sentence.end);
      if (kind.empty() && status.empty()) return;
      std::optional<std::string> partner = PartnerFor(partners, as_vaccine, item.start, item.end);
      if (!partner) partner = fallback_partner();
      if (!partner) return;
      Commitment c = make(*partner, kind == "investment" ? kind : "other", status);
      c.kind = kind == "investment" ? CommitmentKind::kInvestment : CommitmentKind::kOther;
      if (!ParseCommitmentStatus(status)) c.status = CommitmentStatus::kPledged;
      c.due = date_near(sentence.start, item.start, item.end, sentence.end);
      commitments.push_back(std::move(c));
      items.resize(commitments.size());
      items.back() = std::string(item.In(text));  // money and equipment: each item is its own commitment
    };
    while (next_amount < context.amounts.size() && context.amounts[next_amount].span.start < sentence.start) ++next_amount;
    while (next_equipment < context.equipment.size() && context.equipment[next_equipment].start < sentence.start) {
      ++next_equipment;
    }
    if (first_dose == end_dose) {
      for (std::size_t i = next_amount; i < context.amounts.size() && context.amounts[i].span.start < sentence.end; ++i) {
        if (Inside(context.amounts[i], sentence) && !RestatesPrevious(text, context.amounts, i)) {
          commit_item(context.amounts[i].span);
        }
      }
      for (std::size_t i = next_equipment; i < context.equipment.size() && context.equipment[i].start < sentence.end; ++i) {
        if (context.equipment[i].end <= sentence.end) commit_item(context.equipment[i]);
      }
    }

    // --- No figure: an unsaid quantity, a request, a transfer of technology ------------------------
    const bool about_vaccine = !vaccines.empty() || std::any_of(tokens.begin(), tokens.end(), [](const WordToken& t) {
      return t.key == "vaccine" || t.key == "vaccin" || t.key == "vaccins" || t.key == "vaccines" ||
             t.key == "liều" || t.key == "doses" || t.key == "xin" || t.key == "livraisons";
    });
    const auto unsaid = std::find_if(cues.begin(), cues.end(), [&](const Cue& c) {
      return c.entry->Has("unspecified") &&
             std::none_of(doses.begin() + first_dose, doses.begin() + end_dose, [&c](const DoseCount& dose) {
               return c.span.start < dose.span.end && dose.span.start < c.span.end;
             });
    });
    const auto request = std::find_if(cues.begin(), cues.end(), [](const Cue& c) {
      return c.entry->Get("status") == "requested";
    });
    const std::string_view sentence_kind = Nearest(cues, "kind", sentence.start, sentence.end, sentence.end, sentence.end);
    const bool in_title = context.title && sentence.start < context.title->end;
    if (about_vaccine && unsaid != cues.end() && !in_title) {
      // "Mỹ cũng tiếp tục cam kết viện trợ một số lượng lớn vaccine": the partner named before the words, and
      // a word that promises or reports (without one, "giúp có thêm vaccine" commits nobody).
      const std::string_view kind = Nearest(cues, "kind", sentence.start, unsaid->span.start, unsaid->span.end, sentence.end);
      const std::string_view status = Nearest(cues, "status", sentence.start, unsaid->span.start, unsaid->span.end, sentence.end);
      std::optional<std::string> partner = PartnerFor(partners, as_vaccine, unsaid->span.start, unsaid->span.end);
      if (!partner) partner = fallback_partner();
      if (partner && !status.empty()) {
        Commitment c = make(*partner, kind, status);
        for (const NameMatch* v : vaccines) {
          if (v->span.start >= unsaid->span.start) {
            c.vaccine = std::string(v->id);  // "a large number of Pfizer doses", not a vaccine named before
            break;
          }
        }
        c.due = date_near(unsaid->span.start, unsaid->span.start, unsaid->span.end, sentence.end);
        commitments.push_back(std::move(c));
      }
    }
    if (first_dose == end_dose && about_vaccine && request != cues.end()) {
      // Requests with no figure, each in its own stretch up to the next request ("đề nghị phía Ô-xtrây-li-a
      // sớm chuyển ..., đồng thời đề nghị Ca-na-đa thúc đẩy COVAX ..."): one commitment for each partner
      // asked. A request whose sentence names a partner before it and none after is the partner's wish, not
      // Viet Nam's request ("Đại sứ Ác-hen-ti-na bày tỏ mong muốn ...").
      bool first_request = true;
      for (auto cue = request; cue != cues.end(); cue = std::find_if(cue + 1, cues.end(), [](const Cue& c) {
                                                    return c.entry->Get("status") == "requested";
                                                  })) {
        const auto next = std::find_if(cue + 1, cues.end(), [](const Cue& c) { return c.entry->Get("status") == "requested"; });
        const std::size_t stretch_end = next == cues.end() ? sentence.end : next->span.start;
        const std::string_view kind = Nearest(cues, "kind", cue->span.end, cue->span.end, cue->span.end, stretch_end);
        if (kind.empty()) continue;
        const std::vector<std::string> asked = Asked(text, partners, as_vaccine, cue->span.end, stretch_end);
        std::vector<std::string> partners_asked = asked;
        if (partners_asked.empty()) {
          // Named before the request: the sentence's subject making a wish of its own ("Đại sứ Ác-hen-ti-na ...
          // bày tỏ mong muốn"), or the partner thanked and then asked ("a remercié la Belgique et a demandé").
          const NameMatch* before = nullptr;
          for (const NameMatch* p : partners) {
            if (p->span.end <= cue->span.start) before = p;
          }
          if (before != nullptr && SentenceSubject(tokens, *before)) continue;
          if (!first_request) continue;
          if (before != nullptr) partners_asked.emplace_back(before->id);
          else if (auto partner = fallback_partner()) partners_asked.push_back(*partner);
        }
        first_request = false;
        for (const std::string& partner : partners_asked) {
          Commitment c = make(partner, kind, "requested");
          // COVAX asked beside others is asked itself; named after the partner asked, it is the channel.
          const bool covax_in_stretch = std::any_of(partners.begin(), partners.end(), [&](const NameMatch* p) {
            return p->id == "covax" && p->span.start >= cue->span.end && p->span.end <= stretch_end;
          });
          c.channel = partner == "covax" || (covax_in_stretch && std::find(asked.begin(), asked.end(), "covax") == asked.end())
                          ? "covax" : "bilateral";
          c.due = std::nullopt;
          for (const DateMention* date : dates) {
            if (date->span.start >= cue->span.end && date->span.end <= stretch_end) c.due = date->value;
          }
          commitments.push_back(std::move(c));
        }
      }
    } else if (first_dose == end_dose && (sentence_kind == "technology_transfer")) {
      std::optional<std::string> partner = !partners.empty() ? PartnerFor(partners, as_vaccine, sentence.start, sentence.start)
                                                            : fallback_partner();
      if (partner) {
        Commitment c = make(*partner, sentence_kind, Nearest(cues, "status", sentence.start, sentence.end, sentence.end, sentence.end));
        if (!vaccines.empty()) c.vaccine = std::string(vaccines.front()->id);
        commitments.push_back(std::move(c));
      }
    }

    if (!partners.empty()) {
      // The partner the next sentences mean when they name none: the last one named that is not only a channel.
      for (std::size_t i = partners.size(); i-- > 0;) {
        if ((partners[i]->id != "covax" || partners.size() == 1) && !as_vaccine[i]) {
          recent_partner = std::string(partners[i]->id);
          recent_partner_sentence = s;
          break;
        }
      }
    }
    if (!vaccines.empty()) recent_vaccine = std::string(vaccines.back()->id);
  }

  // --- One figure, one commitment: the title and its article, "besides the 1,05 million above" --------
  std::vector<Commitment> merged;
  std::unordered_map<std::string, std::vector<std::size_t>> merged_by_key;  // partner + figure -> indices
  items.resize(commitments.size());
  for (std::size_t i = 0; i < commitments.size(); ++i) {
    Commitment& c = commitments[i];
    const bool in_title = context.title && c.span.start < context.title->end;
    const std::string key = c.partner + '\n' + (c.doses ? std::to_string(*c.doses) + (c.cumulative ? "+" : "")
                                                         : std::string(ToString(c.kind)) + ' ' + std::string(ToString(c.status))) +
                            '\n' + items[i];
    std::vector<std::size_t>& candidates = merged_by_key[key];
    const auto same = std::find_if(candidates.begin(), candidates.end(), [&](std::size_t i) {
      return !c.due || !merged[i].due || *c.due == *merged[i].due;
    });
    if (same == candidates.end()) {
      candidates.push_back(merged.size());
      merged.push_back(std::move(c));
      continue;
    }
    // The article's statement wins over its title's; otherwise the fuller one stays.
    Commitment& kept = merged[*same];
    const bool kept_in_title = context.title && kept.span.start < context.title->end;
    if (kept_in_title && !in_title) {
      kept = std::move(c);
    } else {
      // The first statement stands ("Ngoài 1,05 triệu liều trên" only points back at it); a later one may
      // add what it left out.
      if (!kept.due) kept.due = c.due;
      if (!kept.vaccine) kept.vaccine = c.vaccine;
    }
  }
  return merged;
}

}  // namespace dipdoc
