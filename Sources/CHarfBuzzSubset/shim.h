// HarfBuzz's subsetter: the HTML edition carries only the glyphs its text uses of each
// bundled font it is set in.
#include <hb.h>
#include <hb-subset.h>
