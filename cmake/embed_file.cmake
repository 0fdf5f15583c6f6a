# Run by dipdoc_embed (CMakeLists.txt) as `cmake -P`: writes OUT, a C++ file defining
# `const std::string_view dipdoc::data::SYMBOL` that holds the bytes of IN.
file(READ "${IN}" hex HEX)
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "'\\\\x\\1'," bytes "${hex}")
file(WRITE "${OUT}.tmp" "// Generated from ${IN} by cmake/embed_file.cmake. Do not edit.\n#include <string_view>\nnamespace dipdoc::data {\nnamespace {\nconst char kBytes[] = {${bytes} '\\0'};\n}  // namespace\nextern const std::string_view ${SYMBOL}(kBytes, sizeof(kBytes) - 1);\n}  // namespace dipdoc::data\n")
file(RENAME "${OUT}.tmp" "${OUT}")
