/*
 * The speed limit: the default briefing's pages drawn with cairo and Pango directly, with no
 * model, templates, Markdown or layout engine. It reads a draw list that benchmarks/run.py
 * extracts from Briefing's own PDF (every text span with its font, size, colour and position;
 * every filled or stroked path; every link), so it draws the same pages: same text, same fonts
 * (the bundled ones, through a private fontconfig configuration), same shapes. Each line of
 * text is one Pango layout with a font and colour attribute per segment. What it leaves
 * out is what Briefing adds: reading and checking the data, expanding the templates,
 * hyphenation, line breaking and pagination, structure tags and bookmarks.
 *
 * usage: baseline FONTS_DIR DRAW_LIST OUT.pdf
 *
 * Draw list, one command per line, fields separated by tabs:
 *   P width height                                  new page, its size in points
 *   T x y count                                     a line of text, (x, y) on its baseline, in `count` segments:
 *   S family weight italic size colour text         one segment (a span of one font and colour)
 *   D fill|- stroke|- width ops...                  path: M x y | L x y | C x1 y1 x2 y2 x y | R x y w h | Z
 *   A x y name                                      named destination on this page
 *   K x y w h uri|dest target                       link
 * Colours are rrggbb hex.
 */
#include <cairo-pdf.h>
#include <fontconfig/fontconfig.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-fontmap.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void add_fonts(FcConfig *config, const char *dir) {
    DIR *d = opendir(dir);
    if (!d) { perror(dir); exit(66); }
    struct dirent *entry;
    char path[4096];
    while ((entry = readdir(d))) {
        if (entry->d_name[0] == '.') continue;
        snprintf(path, sizeof path, "%s/%s", dir, entry->d_name);
        size_t n = strlen(path);
        if (n > 4 && (!strcmp(path + n - 4, ".ttf") || !strcmp(path + n - 4, ".otf")))
            FcConfigAppFontAddFile(config, (const FcChar8 *)path);
        else if (entry->d_type == DT_DIR)
            add_fonts(config, path);
    }
    closedir(d);
}

static void set_hex(cairo_t *cr, const char *hex) {
    unsigned v = (unsigned)strtoul(hex, NULL, 16);
    cairo_set_source_rgb(cr, ((v >> 16) & 255) / 255.0, ((v >> 8) & 255) / 255.0, (v & 255) / 255.0);
}

/* Splits line at tabs into at most max fields; returns the count. */
static int split(char *line, char **fields, int max) {
    int n = 0;
    fields[n++] = line;
    for (char *p = line; *p && n < max; p++)
        if (*p == '\t') { *p = 0; fields[n++] = p + 1; }
    return n;
}

int main(int argc, char **argv) {
    if (argc != 4) { fprintf(stderr, "usage: baseline FONTS_DIR DRAW_LIST OUT.pdf\n"); return 64; }
    FcConfig *config = FcConfigCreate();
    add_fonts(config, argv[1]);
    FcConfigSetCurrent(config);
    PangoFontMap *map = pango_cairo_font_map_new_for_font_type(CAIRO_FONT_TYPE_FT);
    pango_fc_font_map_set_config(PANGO_FC_FONT_MAP(map), config);
    PangoContext *context = pango_font_map_create_context(map);
    cairo_font_options_t *options = cairo_font_options_create();
    cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
    pango_cairo_context_set_font_options(context, options);
    pango_cairo_context_set_resolution(context, 72);
    pango_context_set_round_glyph_positions(context, 0);
    PangoLayout *layout = pango_layout_new(context);

    FILE *list = fopen(argv[2], "r");
    if (!list) { perror(argv[2]); return 66; }
    /* The first page's size from the first line ("P width height"; A4 when not given). */
    double width = 595.276, height = 841.89;
    int c = fgetc(list);
    if (c == 'P') {
        char first[128];
        if (fgets(first, sizeof first, list) && sscanf(first, "%lf %lf", &width, &height) != 2) width = 595.276, height = 841.89;
    } else if (c != EOF) {
        ungetc(c, list);
    }
    int pages = c == 'P';
    cairo_surface_t *surface = cairo_pdf_surface_create(argv[3], width, height);
    cairo_t *cr = cairo_create(surface);
    cairo_tag_begin(cr, "Document", NULL);
    char *line = NULL;
    size_t capacity = 0;
    ssize_t length;
    char *f[64];
    while ((length = getline(&line, &capacity, list)) > 0) {
        if (line[length - 1] == '\n') line[length - 1] = 0;
        int n = split(line, f, 64);
        if (f[0][0] == 'P') {
            if (pages++) cairo_show_page(cr);
            /* Only a page of another size is resized (cairo 1.16 asserts on a resize once tagged). */
            if (n >= 3 && (atof(f[1]) != width || atof(f[2]) != height)) {
                width = atof(f[1]), height = atof(f[2]);
                cairo_pdf_surface_set_size(surface, width, height);
            }
        } else if (f[0][0] == 'T' && n >= 4) {
            double x = atof(f[1]), y = atof(f[2]);
            int segments = atoi(f[3]);
            GString *text = g_string_new(NULL);
            PangoAttrList *attributes = pango_attr_list_new();
            for (int i = 0; i < segments && (length = getline(&line, &capacity, list)) > 0; i++) {
                if (line[length - 1] == '\n') line[length - 1] = 0;
                if (split(line, f, 64) < 7) continue;
                PangoFontDescription *segment = pango_font_description_new();
                pango_font_description_set_family(segment, f[1]);
                pango_font_description_set_weight(segment, atoi(f[2]));
                pango_font_description_set_style(segment, atoi(f[3]) ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
                pango_font_description_set_absolute_size(segment, atof(f[4]) * PANGO_SCALE);
                unsigned colour = (unsigned)strtoul(f[5], NULL, 16);
                PangoAttribute *font_attribute = pango_attr_font_desc_new(segment);
                PangoAttribute *colour_attribute = pango_attr_foreground_new(((colour >> 16) & 255) * 257, ((colour >> 8) & 255) * 257, (colour & 255) * 257);
                font_attribute->start_index = colour_attribute->start_index = text->len;
                g_string_append(text, f[6]);
                font_attribute->end_index = colour_attribute->end_index = text->len;
                pango_attr_list_insert(attributes, font_attribute);
                pango_attr_list_insert(attributes, colour_attribute);
                pango_font_description_free(segment);
            }
            pango_layout_set_text(layout, text->str, text->len);
            pango_layout_set_attributes(layout, attributes);
            cairo_move_to(cr, x, y - pango_layout_get_baseline(layout) / (double)PANGO_SCALE);
            pango_cairo_show_layout(cr, layout);
            pango_attr_list_unref(attributes);
            g_string_free(text, TRUE);
        } else if (f[0][0] == 'D' && n >= 4) {
            cairo_new_path(cr);
            for (int i = 4; i < n;) {
                char op = f[i][0];
                if (op == 'M') { cairo_move_to(cr, atof(f[i + 1]), atof(f[i + 2])); i += 3; }
                else if (op == 'L') { cairo_line_to(cr, atof(f[i + 1]), atof(f[i + 2])); i += 3; }
                else if (op == 'C') { cairo_curve_to(cr, atof(f[i + 1]), atof(f[i + 2]), atof(f[i + 3]), atof(f[i + 4]), atof(f[i + 5]), atof(f[i + 6])); i += 7; }
                else if (op == 'R') { cairo_rectangle(cr, atof(f[i + 1]), atof(f[i + 2]), atof(f[i + 3]), atof(f[i + 4])); i += 5; }
                else { cairo_close_path(cr); i += 1; }
            }
            if (f[1][0] != '-') { set_hex(cr, f[1]); f[2][0] != '-' ? cairo_fill_preserve(cr) : cairo_fill(cr); }
            if (f[2][0] != '-') { set_hex(cr, f[2]); cairo_set_line_width(cr, atof(f[3])); cairo_stroke(cr); }
        } else if (f[0][0] == 'A' && n >= 4) {
            char attributes[4096];
            snprintf(attributes, sizeof attributes, "name='%s' x=%s y=%s", f[3], f[1], f[2]);
            cairo_tag_begin(cr, CAIRO_TAG_DEST, attributes);
            cairo_tag_end(cr, CAIRO_TAG_DEST);
        } else if (f[0][0] == 'K' && n >= 7) {
            char attributes[4096];
            if (!strcmp(f[5], "uri"))
                snprintf(attributes, sizeof attributes, "uri='%s' rect=[%s %s %s %s]", f[6], f[1], f[2], f[3], f[4]);
            else
                snprintf(attributes, sizeof attributes, "dest='%s' rect=[%s %s %s %s]", f[6], f[1], f[2], f[3], f[4]);
            cairo_tag_begin(cr, CAIRO_TAG_LINK, attributes);
            cairo_tag_end(cr, CAIRO_TAG_LINK);
        }
    }
    cairo_tag_end(cr, "Document");
    cairo_destroy(cr);
    cairo_surface_finish(surface);
    cairo_status_t status = cairo_surface_status(surface);
    cairo_surface_destroy(surface);
    printf("%d pages\n", pages);
    return status == CAIRO_STATUS_SUCCESS ? 0 : 73;
}
