// One module for cairo, Pango and fontconfig: pangocairo.h includes cairo.h, so two
// modules would each own a copy of cairo's types.
#include <cairo.h>
#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <fontconfig/fontconfig.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-fontmap.h>

/// GObject cast macros do not import into Swift.
static inline PangoFcFontMap *briefing_pango_fc_font_map(PangoFontMap *map) {
    return PANGO_FC_FONT_MAP(map);
}

/// The font map's own resolution: Pango measures a font's approximate character width on a
/// context of the font map's (at the map's resolution, 96 dpi unless set).
static inline void briefing_pango_cairo_font_map_set_resolution(PangoFontMap *map, double dpi) {
    pango_cairo_font_map_set_resolution(PANGO_CAIRO_FONT_MAP(map), dpi);
}

/// g_object_unref takes gpointer; this keeps the call sites typed.
static inline void briefing_object_unref(void *object) {
    g_object_unref(object);
}
