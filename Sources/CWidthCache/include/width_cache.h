#ifndef FUWU_WIDTH_CACHE_H
#define FUWU_WIDTH_CACHE_H

#include <stdint.h>

/// A cache of column widths for the Basic Multilingual Plane (scalars below 0x10000), filled one
/// scalar at a time as text is measured, so a process pays only for the characters it draws
/// (not for 65 536 wcwidth calls at start). Zero-initialised static storage: no memory is
/// touched until a width is stored. Safe from any thread (relaxed atomics: every writer of a
/// slot stores the same value).

/// The width stored for `value` (−1 for unprintable), or FUWU_WIDTH_UNKNOWN when none is yet.
int fuwu_width_cached(uint32_t value);

/// Stores `width` (−1...2) for `value`; ignored at or above 0x10000.
void fuwu_width_store(uint32_t value, int width);

#define FUWU_WIDTH_UNKNOWN (-128)

#endif
