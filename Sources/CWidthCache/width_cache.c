#include "width_cache.h"

#include <stdatomic.h>

#define BOUND 0x10000u

/// width + 2 for each scalar, 0 while unknown.
static _Atomic signed char slots[BOUND];

int fuwu_width_cached(uint32_t value) {
    if (value >= BOUND) return FUWU_WIDTH_UNKNOWN;
    signed char slot = atomic_load_explicit(&slots[value], memory_order_relaxed);
    return slot == 0 ? FUWU_WIDTH_UNKNOWN : slot - 2;
}

void fuwu_width_store(uint32_t value, int width) {
    if (value >= BOUND || width < -1 || width > 100) return;
    atomic_store_explicit(&slots[value], (signed char)(width + 2), memory_order_relaxed);
}
