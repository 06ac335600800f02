// The cost of the compiled catalogue's page checksums (docs/performance.md, "Page checksums").
// Build and run from the package root:
//   gcc -O2 -ISources/CPageChecksum/include Tests/Performance/page-checksum-bench.c \
//       Sources/CPageChecksum/page_checksum.c -lsqlite3 -lpthread -o /tmp/page-checksum-bench
//   /tmp/page-checksum-bench
// Baseline printed beside it: copying the same pages (memcpy), the least any check must cost.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "page_checksum.h"
int main(int argc, char **argv) {
    int pages = 1064, rounds = 200;
    unsigned char *buf = malloc((size_t)pages * 4096);
    for (size_t i = 0; i < (size_t)pages * 4096; i++) buf[i] = (unsigned char)(i * 2654435761u >> 13);
    unsigned char out[8]; unsigned long sink = 0;
    struct timespec a, b;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &a);
    for (int r = 0; r < rounds; r++)
        for (int p = 0; p < pages; p++) { fuwu_page_checksum_compute(buf + (size_t)p * 4096, 4096, out); sink += out[0]; }
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &b);
    double ns = (b.tv_sec - a.tv_sec) * 1e9 + (b.tv_nsec - a.tv_nsec);
    unsigned char *copy = malloc((size_t)pages * 4096);
    struct timespec c, d;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &c);
    for (int r = 0; r < rounds; r++) { memcpy(copy, buf, (size_t)pages * 4096); sink += copy[r]; }
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &d);
    double base = (d.tv_sec - c.tv_sec) * 1e9 + (d.tv_nsec - c.tv_nsec);
    printf("checksum: %.0f ns CPU per 4096-byte page; %.3f ms for the %d pages of a cached start\n", ns / rounds / pages, ns / rounds / 1e6, pages);
    printf("baseline (memcpy of the same pages): %.0f ns per page; %.3f ms (sink %lu)\n", base / rounds / pages, base / rounds / 1e6, sink);
    return 0;
}
