// cairo 1.16 writes every number of a PDF page through snprintf: "%f", "%.18f" and "%.*f"
// for coordinates (_cairo_dtostr) and "%d" for integers (_cairo_output_stream_printf). glibc's "%f" works on
// arbitrary-precision integers: about 2,400 instructions a number, 58 million of the default
// briefing's 974 million, all on the thread that draws.
//
// This file defines __snprintf_chk, the fortified snprintf cairo calls (the executable's
// definition comes first in the dynamic linker's search), and formats exactly those two
// formats itself: "%d" always, and "%f", "%.18f" and "%.*f" (up to 18 places) for finite
// values below 10^12. The rounding is exact: the double's value is m * 2^e, so
// value * 10^p = m * 10^p * 2^e, computed in 128-bit integers and rounded half to even, as
// glibc rounds the exact binary value in the default rounding mode. Anything else
// (other formats, locales whose decimal point is not '.', huge or non-finite values, a
// buffer too small) goes to glibc's own __vsnprintf_chk unchanged.
#define _GNU_SOURCE
#include "fast_printf.h"

#include <langinfo.h>
#include <math.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static atomic_long fast_count, passed_count, mismatch_count;
static atomic_int checking;

briefing_fast_printf_counts briefing_fast_printf_counts_get(void) {
    briefing_fast_printf_counts counts = {atomic_load(&fast_count), atomic_load(&passed_count), atomic_load(&mismatch_count)};
    return counts;
}

void briefing_fast_printf_set_checking(int on) { atomic_store(&checking, on); }

/// Digits of `value` (below 10^20) into `out`, most significant first; returns how many.
static int digits(uint64_t value, char *out) {
    char reversed[24];
    int count = 0;
    do {
        reversed[count++] = (char)('0' + value % 10);
        value /= 10;
    } while (value);
    for (int index = 0; index < count; index++) out[index] = reversed[count - 1 - index];
    return count;
}

static int decimal_point_is_dot(void) {
    const char *point = nl_langinfo(RADIXCHAR);
    return point && point[0] == '.' && point[1] == 0;
}

int briefing_fast_printf_int(char *buffer, size_t size, int value) {
    char text[16];
    int length = 0;
    uint64_t magnitude = value < 0 ? (uint64_t)(-(int64_t)value) : (uint64_t)value;
    if (value < 0) text[length++] = '-';
    length += digits(magnitude, text + length);
    if ((size_t)length >= size) return -1;
    memcpy(buffer, text, (size_t)length);
    buffer[length] = 0;
    return length;
}

int briefing_fast_printf_double(char *buffer, size_t size, double value, int precision) {
    if (precision < 0 || precision > 18 || !isfinite(value) || fabs(value) >= 1e12 || !decimal_point_is_dot()) return -1;
    unsigned __int128 scale = 1;
    for (int place = 0; place < precision; place++) scale *= 10;
    unsigned __int128 rounded = 0;
    if (value != 0) {
        int exponent = 0;
        double fraction = frexp(fabs(value), &exponent);  // |value| = fraction * 2^exponent, fraction in [0.5, 1)
        // |value| = mantissa / 2^shift exactly, with a 53-bit integer mantissa; shift >= 13
        // since |value| < 10^12 < 2^40.
        uint64_t mantissa = (uint64_t)ldexp(fraction, 53);
        int shift = 53 - exponent;
        unsigned __int128 scaled = (unsigned __int128)mantissa * scale;  // below 2^113
        if (shift < 120) {
            unsigned __int128 quotient = scaled >> (unsigned)shift;
            unsigned __int128 remainder = scaled - (quotient << (unsigned)shift);
            unsigned __int128 half = (unsigned __int128)1 << (unsigned)(shift - 1);
            if (remainder > half || (remainder == half && (quotient & 1))) quotient += 1;
            rounded = quotient;
        }  // else below 2^-66 * 10^18: rounds to zero, and cannot be a tie
    }
    // Below 10^12 * 10^18 + 1: the whole part is below 10^12 and the decimals below 10^18,
    // so one 128-bit division splits them and the digits come from 64-bit arithmetic.
    uint64_t whole = (uint64_t)(rounded / scale), decimals = (uint64_t)(rounded - (unsigned __int128)whole * scale);
    char text[48];
    int length = 0;
    if (signbit(value)) text[length++] = '-';
    length += digits(whole, text + length);
    if (precision > 0) {
        text[length++] = '.';
        for (int place = precision - 1; place >= 0; place--) {
            text[length + place] = (char)('0' + decimals % 10);
            decimals /= 10;
        }
        length += precision;
    }
    if ((size_t)length >= size) return -1;
    memcpy(buffer, text, (size_t)length);
    buffer[length] = 0;
    return length;
}

extern int __vsnprintf_chk(char *s, size_t maxlen, int flag, size_t slen, const char *format, va_list ap);

int __snprintf_chk(char *s, size_t maxlen, int flag, size_t slen, const char *format, ...) {
    va_list ap;
    va_start(ap, format);
    int length = -1;
    // maxlen beyond the object's size is glibc's to report (it aborts); leave it to it.
    if (maxlen <= slen && format[0] == '%') {
        va_list copy;
        va_copy(copy, ap);
        if (strcmp(format, "%f") == 0) {
            length = briefing_fast_printf_double(s, maxlen, va_arg(copy, double), 6);
        } else if (strcmp(format, "%d") == 0) {
            length = briefing_fast_printf_int(s, maxlen, va_arg(copy, int));
        } else if (strcmp(format, "%.*f") == 0) {
            int precision = va_arg(copy, int);
            length = briefing_fast_printf_double(s, maxlen, va_arg(copy, double), precision);
        } else if (strcmp(format, "%.18f") == 0) {
            length = briefing_fast_printf_double(s, maxlen, va_arg(copy, double), 18);
        }
        va_end(copy);
    }
    if (length >= 0) {
        atomic_fetch_add(&fast_count, 1);
        if (atomic_load(&checking)) {
            char fast[80];
            memcpy(fast, s, (size_t)length + 1);
            int expected = __vsnprintf_chk(s, maxlen, flag, slen, format, ap);
            if (expected != length || strcmp(fast, s) != 0) atomic_fetch_add(&mismatch_count, 1);
            length = expected;
        }
        va_end(ap);
        return length;
    }
    atomic_fetch_add(&passed_count, 1);
    length = __vsnprintf_chk(s, maxlen, flag, slen, format, ap);
    va_end(ap);
    return length;
}
