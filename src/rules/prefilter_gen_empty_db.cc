// The generator itself is linked before the database exists: it sees an empty one.
#include "rules/prefilter.h"

namespace winnow {

const PrefilterDatabase& DefaultPrefilterDatabase() {
  static const PrefilterDatabase empty;
  return empty;
}

}  // namespace winnow
