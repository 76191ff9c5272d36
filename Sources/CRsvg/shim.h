// librsvg draws SVG images onto the cairo context the briefing is drawn with. It is opened on
// first use, not linked: only templates with SVG images need it, and loading it with the
// program (with its gdk-pixbuf, gio and libxml2) cost every run about 5 ms before main. The
// few functions used are looked up by name, with the C signatures of librsvg 2.52+ and GLib;
// no librsvg header is needed to build. Plain C types only, so this module exposes no cairo
// types of its own (CCairoPango owns them).
#include <dlfcn.h>
#include <stddef.h>

typedef struct { double x, y, width, height; } briefing_rsvg_rectangle;

struct briefing_rsvg {
    int state;  // 0 not tried, 1 loaded, -1 not available
    void *(*new_from_data)(const unsigned char *data, size_t length, void **error);
    int (*render_document)(void *handle, void *cr, const briefing_rsvg_rectangle *viewport, void **error);
    void (*error_free)(void *error);
    void (*object_unref)(void *object);
};

/// librsvg's functions, or NULL when the library (librsvg2-2) cannot be opened.
static inline const struct briefing_rsvg *briefing_rsvg_library(void) {
    static struct briefing_rsvg library;
    if (library.state == 0) {
        library.state = -1;
        void *handle = dlopen("librsvg-2.so.2", RTLD_NOW | RTLD_LOCAL);
        if (handle != NULL) {
            *(void **)&library.new_from_data = dlsym(handle, "rsvg_handle_new_from_data");
            *(void **)&library.render_document = dlsym(handle, "rsvg_handle_render_document");
            *(void **)&library.error_free = dlsym(handle, "g_error_free");
            *(void **)&library.object_unref = dlsym(handle, "g_object_unref");
            if (library.new_from_data && library.render_document && library.error_free && library.object_unref) library.state = 1;
        }
    }
    return library.state == 1 ? &library : NULL;
}

/// Draws the SVG in `data` scaled into the rectangle (x, y, width, height) of `cr`; returns 0
/// on success, -1 if the data is not an SVG librsvg can read, -2 if it cannot be drawn, -3 if
/// librsvg is not installed.
static inline int briefing_svg_render(const unsigned char *data, size_t length, void *cr,
                                      double x, double y, double width, double height) {
    const struct briefing_rsvg *rsvg = briefing_rsvg_library();
    if (rsvg == NULL) return -3;
    void *error = NULL;
    void *handle = rsvg->new_from_data(data, length, &error);
    if (handle == NULL) {
        if (error) rsvg->error_free(error);
        return -1;
    }
    briefing_rsvg_rectangle viewport = { x, y, width, height };
    int ok = rsvg->render_document(handle, cr, &viewport, &error);
    if (error) rsvg->error_free(error);
    rsvg->object_unref(handle);
    return ok ? 0 : -2;
}

/// 0 if librsvg reads `data` as an SVG document, -1 if not, -3 if librsvg is not installed.
static inline int briefing_svg_check(const unsigned char *data, size_t length) {
    const struct briefing_rsvg *rsvg = briefing_rsvg_library();
    if (rsvg == NULL) return -3;
    void *error = NULL;
    void *handle = rsvg->new_from_data(data, length, &error);
    if (error) rsvg->error_free(error);
    if (handle == NULL) return -1;
    rsvg->object_unref(handle);
    return 0;
}
