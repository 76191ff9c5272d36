// Fast, exact "%f" and "%d" for cairo's PDF writer (see fast_printf.c).
#ifndef BRIEFING_FAST_PRINTF_H
#define BRIEFING_FAST_PRINTF_H

#include <stddef.h>

/// What the fast path did since the process started, over every thread.
typedef struct {
    long fast;        ///< calls formatted here
    long passed;      ///< calls passed on to glibc (other formats, edge values)
    long mismatches;  ///< fast results that differed from glibc's (checking only)
} briefing_fast_printf_counts;

briefing_fast_printf_counts briefing_fast_printf_counts_get(void);

/// Checking (for tests): every fast result is also formatted by glibc and compared; the
/// caller gets glibc's.
void briefing_fast_printf_set_checking(int on);

/// `value` with "%.PRECISIONf" into `buffer` (at most `size` bytes with the terminating
/// zero), by the fast path if it applies; returns the length, or -1 if it does not apply.
int briefing_fast_printf_double(char *buffer, size_t size, double value, int precision);

/// `value` with "%d", as above.
int briefing_fast_printf_int(char *buffer, size_t size, int value);

#endif
