#ifndef DIPDOC_NLP_EMBEDDED_DATA_H_
#define DIPDOC_NLP_EMBEDDED_DATA_H_

// Gazetteers compiled into the binary by dipdoc_embed (CMakeLists.txt). Each is the file's bytes, UTF-8.

#include <string_view>

namespace dipdoc::data {

extern const std::string_view kPartnersVi;   // nlp/data/partners_vi.tsv
extern const std::string_view kPartnersEn;   // nlp/data/partners_en.tsv
extern const std::string_view kPartnersFr;   // nlp/data/partners_fr.tsv
extern const std::string_view kVaccines;     // nlp/data/vaccines.tsv
extern const std::string_view kQuantityWords;  // nlp/data/quantity_words.tsv
extern const std::string_view kCommitmentCues;  // nlp/data/commitment_cues.tsv

}  // namespace dipdoc::data

#endif  // DIPDOC_NLP_EMBEDDED_DATA_H_
