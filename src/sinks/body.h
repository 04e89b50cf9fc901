// Body sink: the kept lines of a classified page as the output text.
#ifndef WINNOW_SRC_SINKS_BODY_H_
#define WINNOW_SRC_SINKS_BODY_H_

#include <string>

#include "classify/classifier.h"
#include "page.h"

namespace winnow {

// Appends every kept line, its dropped spans removed and its whitespace collapsed, one per
// line and '\n'-terminated. Lines left empty by span removal are not written.
void AppendBody(const Page& page, const Classification& c, std::string& out);

// The text of one line with its dropped spans removed and whitespace collapsed.
void AppendLineText(std::string_view page_text, const Decision& d,
                    const std::vector<DroppedSpan>& spans, std::string& out);

}  // namespace winnow

#endif  // WINNOW_SRC_SINKS_BODY_H_
