#ifndef FUWU_PAGE_CHECKSUM_H
#define FUWU_PAGE_CHECKSUM_H

#include <sqlite3.h>
#include <stddef.h>
#include <stdint.h>

/// Registers the "fuwu-checksum" VFS as the default VFS (once; later calls do nothing). Databases opened through
/// it whose header reserves 8 bytes per page get a checksum in those bytes on every page write,
/// and every full-page read is verified: a mismatch fails the read with SQLITE_IOERR_DATA.
/// Files without the 8 reserved bytes pass through unchanged. Returns an SQLite result code.
int fuwu_page_checksum_register(void);

/// The name of the VFS (registered as the default).
extern const char *const fuwu_page_checksum_vfs_name;

/// Reserves the 8 bytes per page the checksums need. Call on a new, empty database before the
/// first table is created. Returns an SQLite result code.
int fuwu_page_checksum_reserve(sqlite3 *db);

/// A 64-bit checksum of `count` bytes: four Fletcher-style lanes over 64-bit words, which the
/// compiler vectorises (about 0.2 instructions a byte). Not cryptographic; any single flipped bit
/// changes it, and so does almost any reordering of words. Pages and the start-up file's blocks use it.
uint64_t fuwu_block_checksum(const void *bytes, size_t count);

/// The checksum of a page's first `size - 8` bytes, as stored in its last 8 (for tests).
void fuwu_page_checksum_compute(const unsigned char *page, int size, unsigned char out[8]);

#endif
