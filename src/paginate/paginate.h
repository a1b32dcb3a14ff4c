#pragma once
// The paginate stage: a Flow (one endless column of slices) -> pages. Decides where
// pages break: never after a heading (a slice marked keep_with_next goes to the next
// page together with what follows it), always at a forced break, and discards the
// space above a slice that starts a page.
#include "base/base.h"
#include "frame/frame.h"
#include "layout/layout.h"

namespace cvpress::paginate {

struct PageOptions {
  Size page;      // the paper size
  Insets margin;  // text area = page minus margins (the flow was laid out for its width)
};

/// Places the flow's slices on pages. The returned document takes the flow's font table
/// and `info`. A document always has at least one page.
[[nodiscard]] frame::PagedDocument paginate(layout::Flow flow, const PageOptions& options,
                                            frame::DocumentInfo info);

}  // namespace cvpress::paginate
