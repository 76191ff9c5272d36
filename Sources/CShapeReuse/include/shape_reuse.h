// Reuse of HarfBuzz shaping across Pango's line breaking (see shape_reuse.c).
#ifndef BRIEFING_SHAPE_REUSE_H
#define BRIEFING_SHAPE_REUSE_H

/// What the reuse did since the process started, over every thread.
typedef struct {
    long shaped;      ///< buffers HarfBuzz shaped
    long reused;      ///< buffers filled from an earlier shaping of the same text
    long mismatches;  ///< reuses that differed from HarfBuzz's own result (checking only)
} briefing_shape_reuse_counts;

briefing_shape_reuse_counts briefing_shape_reuse_counts_get(void);

/// Checking (for tests): every reuse is also shaped by HarfBuzz and compared, glyph by
/// glyph, and a difference is counted in `mismatches`; the buffer keeps HarfBuzz's result.
void briefing_shape_reuse_set_checking(int on);

#endif
