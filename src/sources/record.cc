#include "sources/record.h"

namespace winnow::sources {

std::string SourcePosition::ToString() const {
  if (record == 0) return "line " + std::to_string(line);
  return "record " + std::to_string(record) + " at offset " + std::to_string(offset);
}

}  // namespace winnow::sources
