// Test helpers shared by the sources tests.
#ifndef WINNOW_SRC_SOURCES_TESTING_H_
#define WINNOW_SRC_SOURCES_TESTING_H_

#include <zlib.h>

#include <string>
#include <string_view>

namespace winnow::sources::testing {

// One complete gzip member holding data.
inline std::string GzipMember(std::string_view data) {
  z_stream z{};
  deflateInit2(&z, Z_BEST_COMPRESSION, Z_DEFLATED, 16 + MAX_WBITS, 9, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&z, data.size()) + 64, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  deflate(&z, Z_FINISH);
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

}  // namespace winnow::sources::testing

#endif  // WINNOW_SRC_SOURCES_TESTING_H_
