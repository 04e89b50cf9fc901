// The generator itself is linked before the database exists: it sees empty ones.
#include "rules/prefilter.h"

namespace winnow {

const PrefilterDatabase& DefaultPrefilterDatabase() {
  static const PrefilterDatabase empty;
  return empty;
}

const PrefilterDatabase& DefaultClassTokenDatabase() { return DefaultPrefilterDatabase(); }

}  // namespace winnow
