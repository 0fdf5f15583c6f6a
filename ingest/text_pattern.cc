#include "ingest/text_pattern.h"

#include <unicode/regex.h>
#include <unicode/utext.h>

#include <stdexcept>
#include <unordered_map>

namespace dipdoc {
namespace {

// Matchers are not thread-safe and cost allocations to make, so each thread keeps one per pattern.
icu::RegexMatcher& MatcherFor(const icu::RegexPattern& pattern) {
  thread_local std::unordered_map<const icu::RegexPattern*, std::unique_ptr<icu::RegexMatcher>> matchers;
  std::unique_ptr<icu::RegexMatcher>& matcher = matchers[&pattern];
  if (matcher == nullptr) {
    UErrorCode status = U_ZERO_ERROR;
    matcher.reset(pattern.matcher(status));
    if (U_FAILURE(status) || matcher == nullptr) throw std::runtime_error("ICU could not make a regex matcher");
  }
  return *matcher;
}

// Runs `use(matcher)` with the thread's matcher reset onto `text`.
template <typename Use>
auto WithText(const icu::RegexPattern& pattern, std::string_view text, Use use) {
  UErrorCode status = U_ZERO_ERROR;
  UText utext = UTEXT_INITIALIZER;
  utext_openUTF8(&utext, text.data(), static_cast<int64_t>(text.size()), &status);
  icu::RegexMatcher& matcher = MatcherFor(pattern);
  matcher.reset(&utext);
  auto result = use(matcher);
  matcher.reset(icu::UnicodeString());  // the matcher must not keep pointing into `text`
  utext_close(&utext);
  return result;
}

}  // namespace

struct TextPattern::Compiled {
  std::string source;
  bool anchored = false;  // starts with '^': only a match at the start counts, so none is looked for later
  std::unique_ptr<icu::RegexPattern> pattern;
};

TextPattern::TextPattern(std::string_view pattern) {
  UErrorCode status = U_ZERO_ERROR;
  UParseError error;
  auto compiled = std::make_shared<Compiled>();
  compiled->source = std::string(pattern);
  compiled->anchored = pattern.starts_with('^');
  compiled->pattern.reset(icu::RegexPattern::compile(
      icu::UnicodeString::fromUTF8(icu::StringPiece(pattern.data(), static_cast<int32_t>(pattern.size()))), 0, error,
      status));
  if (U_FAILURE(status) || compiled->pattern == nullptr) {
    throw std::invalid_argument("bad pattern (" + std::string(u_errorName(status)) + "): " + std::string(pattern));
  }
  compiled_ = std::move(compiled);
}

const std::string& TextPattern::source() const { return compiled_->source; }

bool TextPattern::Search(std::string_view text) const {
  const bool anchored = compiled_->anchored;
  return WithText(*compiled_->pattern, text, [anchored](icu::RegexMatcher& matcher) {
    UErrorCode status = U_ZERO_ERROR;
    return static_cast<bool>(anchored ? matcher.lookingAt(status) : matcher.find());
  });
}

std::optional<TextMatch> TextPattern::Find(std::string_view text) const {
  return WithText(*compiled_->pattern, text, [text](icu::RegexMatcher& matcher) -> std::optional<TextMatch> {
    if (!matcher.find()) return std::nullopt;
    TextMatch match;
    UErrorCode status = U_ZERO_ERROR;
    for (int32_t group = 0; group <= matcher.groupCount(); ++group) {
      const int64_t start = matcher.start64(group, status);
      const int64_t end = matcher.end64(group, status);
      if (U_FAILURE(status) || start < 0 || end < start) {
        match.groups.emplace_back(std::nullopt);
        status = U_ZERO_ERROR;
        continue;
      }
      match.groups.emplace_back(text.substr(static_cast<std::size_t>(start), static_cast<std::size_t>(end - start)));
    }
    match.position = static_cast<std::size_t>(matcher.start64(status));
    return match;
  });
}

}  // namespace dipdoc
