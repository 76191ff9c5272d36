// librsvg draws SVG images onto the cairo context the briefing is drawn with. One function
// with plain C types, so this module exposes no cairo types of its own (CCairoPango owns them).
#include <librsvg/rsvg.h>

/// Draws the SVG in `data` scaled into the rectangle (x, y, width, height) of `cr`; returns 0
/// on success, -1 if the data is not an SVG librsvg can read, -2 if it cannot be drawn.
static inline int briefing_svg_render(const unsigned char *data, size_t length, void *cr,
                                      double x, double y, double width, double height) {
    GError *error = NULL;
    RsvgHandle *handle = rsvg_handle_new_from_data(data, length, &error);
    if (handle == NULL) {
        if (error) g_error_free(error);
        return -1;
    }
    RsvgRectangle viewport = { x, y, width, height };
    gboolean ok = rsvg_handle_render_document(handle, (cairo_t *)cr, &viewport, &error);
    if (error) g_error_free(error);
    g_object_unref(handle);
    return ok ? 0 : -2;
}

/// 0 if librsvg reads `data` as an SVG document, -1 if not.
static inline int briefing_svg_check(const unsigned char *data, size_t length) {
    GError *error = NULL;
    RsvgHandle *handle = rsvg_handle_new_from_data(data, length, &error);
    if (error) g_error_free(error);
    if (handle == NULL) return -1;
    g_object_unref(handle);
    return 0;
}
