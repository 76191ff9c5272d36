/*
 * The speed limit: the default briefing's text drawn with cairo and Pango directly, with no
 * model, templates or layout engine. Same bundled fonts (private fontconfig configuration),
 * same A4 frame, justified body text, headings and bullets, simple pagination.
 *
 * usage: baseline FONTS_DIR TEXT_FILE OUT.pdf
 * TEXT_FILE: blocks separated by blank lines; "# " starts a heading, "- " a bullet.
 */
#include <cairo-pdf.h>
#include <fontconfig/fontconfig.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-fontmap.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const double page_width = 595.276, page_height = 841.89;
static const double left = 70, right = 70, top = 78, bottom = 74;

static char *read_file(const char *path) {
    FILE *file = fopen(path, "rb");
    if (!file) { perror(path); exit(66); }
    fseek(file, 0, SEEK_END);
    long size = ftell(file);
    fseek(file, 0, SEEK_SET);
    char *text = malloc(size + 1);
    if (fread(text, 1, size, file) != (size_t)size) { perror(path); exit(66); }
    text[size] = 0;
    fclose(file);
    return text;
}

int main(int argc, char **argv) {
    if (argc != 4) { fprintf(stderr, "usage: baseline FONTS_DIR TEXT_FILE OUT.pdf\n"); return 64; }
    FcConfig *config = FcInitLoadConfig();
    FcConfigAppFontAddDir(config, (const FcChar8 *)argv[1]);
    PangoFontMap *map = pango_cairo_font_map_new_for_font_type(CAIRO_FONT_TYPE_FT);
    pango_fc_font_map_set_config(PANGO_FC_FONT_MAP(map), config);
    PangoContext *context = pango_font_map_create_context(map);
    cairo_font_options_t *options = cairo_font_options_create();
    cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
    pango_cairo_context_set_font_options(context, options);
    pango_cairo_context_set_resolution(context, 72);
    pango_context_set_round_glyph_positions(context, 0);

    PangoFontDescription *body = pango_font_description_from_string("Noto Serif 10.2");
    PangoFontDescription *heading = pango_font_description_from_string("Inter Semi-Bold 13");
    cairo_surface_t *surface = cairo_pdf_surface_create(argv[3], page_width, page_height);
    cairo_t *cr = cairo_create(surface);
    double width = page_width - left - right, y = top;
    int pages = 1;

    char *text = read_file(argv[2]);
    for (char *block = strtok(text, "\x1e"); block; block = strtok(NULL, "\x1e")) {
        while (*block == '\n') block++;
        if (!*block) continue;
        int is_heading = strncmp(block, "# ", 2) == 0, is_bullet = strncmp(block, "- ", 2) == 0;
        const char *content = is_heading || is_bullet ? block + 2 : block;
        double indent = is_bullet ? 15 : 0;
        PangoLayout *layout = pango_layout_new(context);
        pango_layout_set_font_description(layout, is_heading ? heading : body);
        pango_layout_set_width(layout, (int)((width - indent) * PANGO_SCALE));
        pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
        pango_layout_set_justify(layout, !is_heading);
        pango_layout_set_text(layout, content, -1);
        int w, h;
        pango_layout_get_size(layout, &w, &h);
        double height = (double)h / PANGO_SCALE;
        if (y + height > page_height - bottom) {
            cairo_show_page(cr);
            pages++;
            y = top;
        }
        cairo_set_source_rgb(cr, 0.12, 0.13, 0.15);
        if (is_bullet) {
            cairo_move_to(cr, left + 2, y);
            PangoLayout *dot = pango_layout_new(context);
            pango_layout_set_font_description(dot, body);
            pango_layout_set_text(dot, "\xe2\x80\xa2", -1);
            pango_cairo_show_layout(cr, dot);
            g_object_unref(dot);
        }
        cairo_move_to(cr, left + indent, y);
        pango_cairo_show_layout(cr, layout);
        y += height + (is_heading ? 6 : 5);
        g_object_unref(layout);
    }
    cairo_destroy(cr);
    cairo_surface_finish(surface);
    cairo_status_t status = cairo_surface_status(surface);
    cairo_surface_destroy(surface);
    printf("%d pages\n", pages);
    return status == CAIRO_STATUS_SUCCESS ? 0 : 73;
}
