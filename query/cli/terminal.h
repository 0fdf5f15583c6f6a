#ifndef DIPDOC_QUERY_CLI_TERMINAL_H_
#define DIPDOC_QUERY_CLI_TERMINAL_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace dipdoc::cli {

bool StderrIsTerminal();
bool StdoutIsTerminal();

// A one-line progress bar on stderr, redrawn in place; draws nothing unless stderr is a terminal.
class ProgressBar {
 public:
  explicit ProgressBar(std::string_view label);
  ~ProgressBar();  // clears the line

  void Update(std::size_t done, std::size_t total, std::string_view item);
  // Whether it draws anything (stderr is a terminal): callers can skip the work of reporting progress.
  bool enabled() const { return enabled_; }

 private:
  std::string label_;
  bool enabled_;
  bool drawn_ = false;
};

// A search snippet (an HTML fragment with <mark> around matches) as terminal text: entities decoded,
// matches in bold when `bold` is set, else between [ and ].
std::string SnippetForTerminal(std::string_view html, bool bold);

}  // namespace dipdoc::cli

#endif  // DIPDOC_QUERY_CLI_TERMINAL_H_
