// Pango 1.50 shapes a paragraph's text about 2.4 times: its line breaker (process_item in
// pango-layout.c) shapes each item whole to find where the line ends, shapes the part that
// goes on the line again, and shapes the rest again, whole, for the next line. Every one of
// those shapings is of a range of the same paragraph text, with the same font and features.
//
// HarfBuzz marks each glyph where breaking the text is not safe
// (HB_GLYPH_FLAG_UNSAFE_TO_BREAK); where the flag is absent, shaping the two sides
// separately gives exactly the glyphs and positions of the whole run. So a range of text
// whose ends are safe breaks in an earlier shaping of a larger range can be copied from it
// instead of shaped again. This file does that, under Pango, by defining the three HarfBuzz
// functions Pango's shaper calls: the executable's definitions come first in the dynamic
// linker's search, and each passes on to HarfBuzz's own (dlsym RTLD_NEXT).
//
// What Pango's shaper does for one item (pango_hb_shape in shape.c): hb_buffer_add_utf8
// three times on one buffer (the text before the item as context, the item, the text after
// it as context), then hb_shape. Only that exact sequence is reused: a hyphen added at the
// end of a line (hb_buffer_add) or anything else shapes as before. Text is compared by its
// bytes, fonts are held by reference while remembered, and only left-to-right runs with
// clusters in order are reused. Each thread remembers its own last shapings.
#define _GNU_SOURCE
#include "shape_reuse.h"

#include <dlfcn.h>
#include <hb.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

typedef void (*shape_function)(hb_font_t *, hb_buffer_t *, const hb_feature_t *, unsigned int);
typedef void (*add_utf8_function)(hb_buffer_t *, const char *, int, unsigned int, int);
typedef void (*add_function)(hb_buffer_t *, hb_codepoint_t, unsigned int);

static shape_function real_shape(void) {
    static _Atomic(shape_function) function;
    shape_function found = atomic_load(&function);
    if (!found) {
        found = (shape_function)dlsym(RTLD_NEXT, "hb_shape");
        atomic_store(&function, found);
    }
    return found;
}

static atomic_long shaped_count, reused_count, mismatch_count;
static atomic_int checking;

briefing_shape_reuse_counts briefing_shape_reuse_counts_get(void) {
    briefing_shape_reuse_counts counts = {atomic_load(&shaped_count), atomic_load(&reused_count), atomic_load(&mismatch_count)};
    return counts;
}

void briefing_shape_reuse_set_checking(int on) { atomic_store(&checking, on); }

// MARK: - The buffer being filled: Pango's three hb_buffer_add_utf8 calls

enum { EMPTY, CONTEXT_BEFORE, ITEM, CONTEXT_AFTER };

static _Thread_local struct {
    hb_buffer_t *buffer;
    const char *text;
    int text_length, offset, length, step;
} pending;

void hb_buffer_add_utf8(hb_buffer_t *buffer, const char *text, int text_length, unsigned int item_offset, int item_length) {
    static _Atomic(add_utf8_function) function;
    add_utf8_function real = atomic_load(&function);
    if (!real) {
        real = (add_utf8_function)dlsym(RTLD_NEXT, "hb_buffer_add_utf8");
        atomic_store(&function, real);
    }
    real(buffer, text, text_length, item_offset, item_length);
    int offset = (int)item_offset;
    if (pending.buffer == buffer && pending.step == ITEM && text == pending.text && item_length == 0 && text_length >= offset
        && offset == pending.offset + pending.length) {
        pending.text_length = text_length;
        pending.step = CONTEXT_AFTER;
    } else if (pending.buffer == buffer && pending.step == CONTEXT_BEFORE && text == pending.text && item_length > 0
               && offset == pending.offset && text_length == offset + item_length) {
        pending.length = item_length;
        pending.step = ITEM;
    } else if (item_length == 0 && text_length == offset && hb_buffer_get_length(buffer) == 0) {
        pending.buffer = buffer;
        pending.text = text;
        pending.offset = offset;
        pending.step = CONTEXT_BEFORE;
    } else if (pending.buffer == buffer) {
        pending.step = EMPTY;
    }
}

void hb_buffer_add(hb_buffer_t *buffer, hb_codepoint_t codepoint, unsigned int cluster) {
    static _Atomic(add_function) function;
    add_function real = atomic_load(&function);
    if (!real) {
        real = (add_function)dlsym(RTLD_NEXT, "hb_buffer_add");
        atomic_store(&function, real);
    }
    real(buffer, codepoint, cluster);
    if (pending.buffer == buffer) pending.step = EMPTY;
}

// MARK: - Shapings remembered

enum { REMEMBERED = 16, MAX_FEATURES = 32 };

typedef struct {
    hb_font_t *font;  // referenced while remembered, so its address cannot be another font's
    hb_segment_properties_t properties;
    hb_buffer_flags_t flags;
    hb_buffer_cluster_level_t cluster_level;
    hb_codepoint_t invisible, replacement;
    hb_feature_t features[MAX_FEATURES];
    unsigned int feature_count;
    char *text;  // the whole paragraph, copied
    int text_length, offset, length;
    hb_buffer_t *glyphs;  // the shaped result, glyphs and positions
} shaping;

static _Thread_local shaping remembered[REMEMBERED];
static _Thread_local int next_slot;

static void forget(shaping *entry) {
    if (entry->font) hb_font_destroy(entry->font);
    if (entry->glyphs) hb_buffer_destroy(entry->glyphs);
    free(entry->text);
    memset(entry, 0, sizeof *entry);
}

/// A thread that ends lets go of what it remembered (the fonts it held among them).
static pthread_key_t thread_end;
static pthread_once_t thread_end_once = PTHREAD_ONCE_INIT;

static void forget_all(void *unused) {
    (void)unused;
    for (int slot = 0; slot < REMEMBERED; slot++) forget(&remembered[slot]);
}

static void make_thread_end(void) { pthread_key_create(&thread_end, forget_all); }

static void forget_at_thread_end(void) {
    pthread_once(&thread_end_once, make_thread_end);
    if (!pthread_getspecific(thread_end)) pthread_setspecific(thread_end, &thread_end);
}

/// The font shaped with: Pango wraps its font in a new sub-font for every call.
static hb_font_t *base_font(hb_font_t *font) {
    hb_font_t *parent = hb_font_get_parent(font);
    return parent && parent != hb_font_get_empty() ? parent : font;
}

/// Whether the buffer holds exactly the pending item's characters, one per UTF-8 sequence,
/// each with its byte offset as its cluster: what hb_buffer_add_utf8 made of it.
static int holds_pending_item(hb_buffer_t *buffer) {
    unsigned int length = 0;
    hb_glyph_info_t *info = hb_buffer_get_glyph_infos(buffer, &length);
    unsigned int index = 0;
    for (int at = pending.offset; at < pending.offset + pending.length; index++) {
        if (index >= length || (int)info[index].cluster != at) return 0;
        unsigned char lead = (unsigned char)pending.text[at];
        at += lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
    }
    return index == length;
}

static int same_request(const shaping *entry, hb_font_t *font, hb_buffer_t *buffer, const hb_feature_t *features, unsigned int count) {
    hb_segment_properties_t properties;
    hb_buffer_get_segment_properties(buffer, &properties);
    if (entry->font != font || !hb_segment_properties_equal(&properties, &entry->properties)) return 0;
    if (entry->flags != hb_buffer_get_flags(buffer) || entry->cluster_level != hb_buffer_get_cluster_level(buffer)) return 0;
    if (entry->invisible != hb_buffer_get_invisible_glyph(buffer) || entry->replacement != hb_buffer_get_replacement_codepoint(buffer))
        return 0;
    if (entry->feature_count != count || (count && memcmp(entry->features, features, count * sizeof *features))) return 0;
    return entry->text_length == pending.text_length && memcmp(entry->text, pending.text, (size_t)pending.text_length) == 0;
}

/// Index of the first glyph whose cluster is at or after `at`, if the text may be broken
/// there (the glyph starts exactly there and HarfBuzz did not mark it unsafe); -1 if not.
static int safe_break(hb_buffer_t *glyphs, int at, int end) {
    unsigned int count = 0;
    hb_glyph_info_t *info = hb_buffer_get_glyph_infos(glyphs, &count);
    unsigned int index = 0;
    while (index < count && (int)info[index].cluster < at) index++;
    if (at == end) return (int)index;
    if (index == count || (int)info[index].cluster != at) return -1;
    if (hb_glyph_info_get_glyph_flags(&info[index]) & HB_GLYPH_FLAG_UNSAFE_TO_BREAK) return -1;
    return (int)index;
}

/// The glyphs of the pending item from a remembered shaping of a range holding it, or NULL.
static const shaping *covering(hb_font_t *font, hb_buffer_t *buffer, const hb_feature_t *features, unsigned int count, int *first,
                               int *last) {
    for (int slot = 0; slot < REMEMBERED; slot++) {
        const shaping *entry = &remembered[slot];
        if (!entry->glyphs || pending.offset < entry->offset || pending.offset + pending.length > entry->offset + entry->length) continue;
        if (!same_request(entry, font, buffer, features, count)) continue;
        int end = entry->offset + entry->length;
        int start = pending.offset == entry->offset ? 0 : safe_break(entry->glyphs, pending.offset, end);
        int stop = safe_break(entry->glyphs, pending.offset + pending.length, end);
        if (start < 0 || stop < 0) continue;
        *first = start;
        *last = stop;
        return entry;
    }
    return NULL;
}

static int same_glyphs(hb_buffer_t *shaped, hb_buffer_t *glyphs, int first, int last) {
    unsigned int count = 0, total = 0;
    hb_glyph_info_t *info = hb_buffer_get_glyph_infos(shaped, &count);
    hb_glyph_position_t *position = hb_buffer_get_glyph_positions(shaped, NULL);
    hb_glyph_info_t *kept = hb_buffer_get_glyph_infos(glyphs, &total);
    hb_glyph_position_t *kept_position = hb_buffer_get_glyph_positions(glyphs, NULL);
    if ((int)count != last - first) return 0;
    for (unsigned int index = 0; index < count; index++) {
        const hb_glyph_info_t *a = &info[index], *b = &kept[first + (int)index];
        if (a->codepoint != b->codepoint || a->cluster != b->cluster) return 0;
        if (memcmp(&position[index], &kept_position[first + (int)index], sizeof *position)) return 0;
    }
    return 1;
}

static void remember(hb_font_t *font, hb_buffer_t *buffer, const hb_feature_t *features, unsigned int count) {
    unsigned int length = 0;
    hb_glyph_info_t *info = hb_buffer_get_glyph_infos(buffer, &length);
    for (unsigned int index = 1; index < length; index++)
        if (info[index].cluster < info[index - 1].cluster) return;
    char *text = malloc((size_t)pending.text_length + 1);
    hb_buffer_t *glyphs = hb_buffer_create();
    if (!text || !hb_buffer_allocation_successful(glyphs)) {
        free(text);
        hb_buffer_destroy(glyphs);
        return;
    }
    hb_buffer_append(glyphs, buffer, 0, length);
    if (hb_buffer_get_length(glyphs) != length || !hb_buffer_allocation_successful(glyphs)) {
        free(text);
        hb_buffer_destroy(glyphs);
        return;
    }
    forget_at_thread_end();
    shaping *entry = &remembered[next_slot];
    next_slot = (next_slot + 1) % REMEMBERED;
    forget(entry);
    entry->font = hb_font_reference(font);
    hb_buffer_get_segment_properties(buffer, &entry->properties);
    entry->flags = hb_buffer_get_flags(buffer);
    entry->cluster_level = hb_buffer_get_cluster_level(buffer);
    entry->invisible = hb_buffer_get_invisible_glyph(buffer);
    entry->replacement = hb_buffer_get_replacement_codepoint(buffer);
    entry->feature_count = count;
    if (count) memcpy(entry->features, features, count * sizeof *features);
    memcpy(text, pending.text, (size_t)pending.text_length);
    entry->text = text;
    entry->text_length = pending.text_length;
    entry->offset = pending.offset;
    entry->length = pending.length;
    entry->glyphs = glyphs;
}

void hb_shape(hb_font_t *font, hb_buffer_t *buffer, const hb_feature_t *features, unsigned int num_features) {
    shape_function shape = real_shape();
    int reusable = pending.buffer == buffer && pending.step == CONTEXT_AFTER && num_features <= MAX_FEATURES
                   && HB_DIRECTION_IS_FORWARD(hb_buffer_get_direction(buffer))
                   && hb_buffer_get_content_type(buffer) == HB_BUFFER_CONTENT_TYPE_UNICODE && holds_pending_item(buffer);
    pending.step = EMPTY;
    hb_font_t *base = base_font(font);
    int first = 0, last = 0;
    const shaping *entry = reusable ? covering(base, buffer, features, num_features, &first, &last) : NULL;
    if (entry && !atomic_load(&checking)) {
        hb_segment_properties_t properties;
        hb_buffer_get_segment_properties(buffer, &properties);
        hb_buffer_clear_contents(buffer);
        hb_buffer_set_segment_properties(buffer, &properties);
        hb_buffer_append(buffer, entry->glyphs, (unsigned int)first, (unsigned int)last);
        if (hb_buffer_allocation_successful(buffer)) {
            atomic_fetch_add(&reused_count, 1);
            return;
        }
        // Out of memory: the request is gone, so nothing can be shaped; leave it empty as
        // HarfBuzz leaves a buffer whose allocation failed.
        return;
    }
    shape(font, buffer, features, num_features);
    atomic_fetch_add(&shaped_count, 1);
    if (entry) {
        atomic_fetch_add(&reused_count, 1);
        if (!same_glyphs(buffer, entry->glyphs, first, last)) atomic_fetch_add(&mismatch_count, 1);
    } else if (reusable) {
        remember(base, buffer, features, num_features);
    }
}
