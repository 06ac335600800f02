// A pass-through SQLite VFS that keeps an 8-byte checksum at the end of every database page
// (in the page's reserved bytes) and verifies it on every full-page read. Written for fuwu's
// compiled catalogue: a flipped bit anywhere in a page becomes a read error instead of wrong
// text. See docs/ARCHITECTURE.md ("The compiled catalogue's integrity").
#include "page_checksum.h"

#include <pthread.h>
#include <stdint.h>
#include <string.h>

const char *const fuwu_page_checksum_vfs_name = "fuwu-checksum";

enum { kReserve = 8 };

// A file-control opcode of our own: turns checksums on for a new database whose first pages
// may be written (when SQLite spills its cache) before page 1 says that bytes are reserved.
enum { kActivate = 0x46555755 };

typedef struct ChecksumFile {
    sqlite3_file base;
    sqlite3_file *real;   // the wrapped file, allocated right after this struct
    int isMainDatabase;
    int active;           // page 1 says 8 bytes are reserved: compute and verify
} ChecksumFile;

static sqlite3_vfs checksumVfs;
static sqlite3_io_methods checksumMethods;

#define REAL_VFS ((sqlite3_vfs *)checksumVfs.pAppData)
#define REAL(f) (((ChecksumFile *)(f))->real)

uint64_t fuwu_block_checksum(const void *bytes, size_t count) {
    // Four independent Fletcher-style lanes over 64-bit words (word i goes to lane i % 4): the
    // lanes have no dependency on each other, so the compiler keeps them in vector registers and
    // a page costs a few hundred nanoseconds. A flipped bit changes its lane's plain sum, which
    // the final fold keeps; the second sums make the result depend on word order too. The last
    // 1 to 7 bytes, if any, are one more word, padded with zeros.
    const unsigned char *p = bytes;
    uint64_t a[4] = {0x9E3779B97F4A7C15u, 0xBF58476D1CE4E5B9u, 0x94D049BB133111EBu, 0x2545F4914F6CDD1Du};
    uint64_t b[4] = {0, 0, 0, 0};
    size_t words = count / 8;
    size_t i = 0;
    for (; i + 4 <= words; i += 4) {
        for (int lane = 0; lane < 4; lane++) {
            uint64_t w;
            memcpy(&w, p + 8 * (i + lane), 8);
            a[lane] += w;
            b[lane] += a[lane];
        }
    }
    for (; i < words; i++) {
        uint64_t w;
        memcpy(&w, p + 8 * i, 8);
        a[i % 4] += w;
        b[i % 4] += a[i % 4];
    }
    if (count % 8 != 0) {
        uint64_t w = 0;
        memcpy(&w, p + 8 * words, count % 8);
        a[words % 4] += w;
        b[words % 4] += a[words % 4];
    }
    uint64_t x = a[0] ^ ((a[1] << 16) | (a[1] >> 48)) ^ ((a[2] << 32) | (a[2] >> 32)) ^ ((a[3] << 48) | (a[3] >> 16));
    uint64_t y = b[0] + 3 * b[1] + 5 * b[2] + 7 * b[3];
    return x ^ ((y << 32) | (y >> 32));
}

void fuwu_page_checksum_compute(const unsigned char *page, int size, unsigned char out[8]) {
    uint64_t sum = fuwu_block_checksum(page, (size_t)(size - kReserve));
    memcpy(out, &sum, 8);
}

// Page 1 of an SQLite database holds the number of reserved bytes per page at offset 20.
static void learnFromPageOne(ChecksumFile *file, const void *data, int amount, sqlite3_int64 offset) {
    if (offset == 0 && amount >= 100) file->active = ((const unsigned char *)data)[20] == kReserve;
}

static int isFullPage(int amount) {
    return amount >= 512 && amount <= 65536 && (amount & (amount - 1)) == 0;
}

static int checksumClose(sqlite3_file *f) {
    int rc = REAL(f)->pMethods ? REAL(f)->pMethods->xClose(REAL(f)) : SQLITE_OK;
    return rc;
}

static int checksumRead(sqlite3_file *f, void *data, int amount, sqlite3_int64 offset) {
    ChecksumFile *file = (ChecksumFile *)f;
    int rc = REAL(f)->pMethods->xRead(REAL(f), data, amount, offset);
    if (rc != SQLITE_OK || !file->isMainDatabase) return rc;
    learnFromPageOne(file, data, amount, offset);
    if (file->active && isFullPage(amount) && offset % amount == 0) {
        unsigned char sum[kReserve];
        fuwu_page_checksum_compute(data, amount, sum);
        if (memcmp(sum, (const unsigned char *)data + amount - kReserve, kReserve) != 0) return SQLITE_IOERR_DATA;
    }
    return rc;
}

static int checksumWrite(sqlite3_file *f, const void *data, int amount, sqlite3_int64 offset) {
    ChecksumFile *file = (ChecksumFile *)f;
    if (file->isMainDatabase) {
        learnFromPageOne(file, data, amount, offset);
        if (file->active && isFullPage(amount) && offset % amount == 0) {
            // SQLite hands over its page buffer; the reserved tail is ours to fill.
            fuwu_page_checksum_compute(data, amount, (unsigned char *)data + amount - kReserve);
        }
    }
    return REAL(f)->pMethods->xWrite(REAL(f), data, amount, offset);
}

static int checksumTruncate(sqlite3_file *f, sqlite3_int64 size) { return REAL(f)->pMethods->xTruncate(REAL(f), size); }
static int checksumSync(sqlite3_file *f, int flags) { return REAL(f)->pMethods->xSync(REAL(f), flags); }
static int checksumFileSize(sqlite3_file *f, sqlite3_int64 *size) { return REAL(f)->pMethods->xFileSize(REAL(f), size); }
static int checksumLock(sqlite3_file *f, int level) { return REAL(f)->pMethods->xLock(REAL(f), level); }
static int checksumUnlock(sqlite3_file *f, int level) { return REAL(f)->pMethods->xUnlock(REAL(f), level); }
static int checksumCheckReservedLock(sqlite3_file *f, int *out) { return REAL(f)->pMethods->xCheckReservedLock(REAL(f), out); }
static int checksumSectorSize(sqlite3_file *f) { return REAL(f)->pMethods->xSectorSize(REAL(f)); }
static int checksumDeviceCharacteristics(sqlite3_file *f) { return REAL(f)->pMethods->xDeviceCharacteristics(REAL(f)); }

static int checksumFileControl(sqlite3_file *f, int op, void *arg) {
    if (op == kActivate) {
        ((ChecksumFile *)f)->active = ((ChecksumFile *)f)->isMainDatabase;
        return SQLITE_OK;
    }
    int rc = REAL(f)->pMethods->xFileControl(REAL(f), op, arg);
    if (op == SQLITE_FCNTL_VFSNAME && rc == SQLITE_OK) {
        *(char **)arg = sqlite3_mprintf("%s/%z", fuwu_page_checksum_vfs_name, *(char **)arg);
    }
    return rc;
}

// Shared memory and memory-mapped reads would bypass xRead: shared memory is passed through
// (WAL is not used for the catalogue), memory mapping is refused so every page is verified.
static int checksumShmMap(sqlite3_file *f, int page, int size, int extend, void volatile **out) {
    return REAL(f)->pMethods->xShmMap(REAL(f), page, size, extend, out);
}
static int checksumShmLock(sqlite3_file *f, int offset, int n, int flags) { return REAL(f)->pMethods->xShmLock(REAL(f), offset, n, flags); }
static void checksumShmBarrier(sqlite3_file *f) { REAL(f)->pMethods->xShmBarrier(REAL(f)); }
static int checksumShmUnmap(sqlite3_file *f, int deleteFlag) { return REAL(f)->pMethods->xShmUnmap(REAL(f), deleteFlag); }
static int checksumFetch(sqlite3_file *f, sqlite3_int64 offset, int amount, void **out) {
    (void)f; (void)offset; (void)amount;
    *out = 0;
    return SQLITE_OK;
}
static int checksumUnfetch(sqlite3_file *f, sqlite3_int64 offset, void *page) { (void)f; (void)offset; (void)page; return SQLITE_OK; }

static int checksumOpen(sqlite3_vfs *vfs, const char *name, sqlite3_file *f, int flags, int *outFlags) {
    (void)vfs;
    ChecksumFile *file = (ChecksumFile *)f;
    memset(file, 0, sizeof(ChecksumFile));
    file->real = (sqlite3_file *)&file[1];
    file->isMainDatabase = (flags & SQLITE_OPEN_MAIN_DB) != 0;
    int rc = REAL_VFS->xOpen(REAL_VFS, name, file->real, flags, outFlags);
    if (rc == SQLITE_OK) {
        int version = file->real->pMethods->iVersion;
        checksumMethods.iVersion = version < 3 ? version : 3;
        file->base.pMethods = &checksumMethods;
    } else {
        file->real->pMethods = 0;
        file->base.pMethods = 0;
    }
    return rc;
}

static int checksumDelete(sqlite3_vfs *v, const char *name, int sync) { (void)v; return REAL_VFS->xDelete(REAL_VFS, name, sync); }
static int checksumAccess(sqlite3_vfs *v, const char *name, int flags, int *out) { (void)v; return REAL_VFS->xAccess(REAL_VFS, name, flags, out); }
static int checksumFullPathname(sqlite3_vfs *v, const char *name, int n, char *out) { (void)v; return REAL_VFS->xFullPathname(REAL_VFS, name, n, out); }
static void *checksumDlOpen(sqlite3_vfs *v, const char *path) { (void)v; return REAL_VFS->xDlOpen(REAL_VFS, path); }
static void checksumDlError(sqlite3_vfs *v, int n, char *out) { (void)v; REAL_VFS->xDlError(REAL_VFS, n, out); }
static void (*checksumDlSym(sqlite3_vfs *v, void *handle, const char *symbol))(void) { (void)v; return REAL_VFS->xDlSym(REAL_VFS, handle, symbol); }
static void checksumDlClose(sqlite3_vfs *v, void *handle) { (void)v; REAL_VFS->xDlClose(REAL_VFS, handle); }
static int checksumRandomness(sqlite3_vfs *v, int n, char *out) { (void)v; return REAL_VFS->xRandomness(REAL_VFS, n, out); }
static int checksumSleep(sqlite3_vfs *v, int microseconds) { (void)v; return REAL_VFS->xSleep(REAL_VFS, microseconds); }
static int checksumCurrentTime(sqlite3_vfs *v, double *out) { (void)v; return REAL_VFS->xCurrentTime(REAL_VFS, out); }
static int checksumGetLastError(sqlite3_vfs *v, int n, char *out) { (void)v; return REAL_VFS->xGetLastError(REAL_VFS, n, out); }
static int checksumCurrentTimeInt64(sqlite3_vfs *v, sqlite3_int64 *out) { (void)v; return REAL_VFS->xCurrentTimeInt64(REAL_VFS, out); }

static int registerResult = -1;
static pthread_once_t registerOnce = PTHREAD_ONCE_INIT;

static void registerNow(void) {
    sqlite3_vfs *real = sqlite3_vfs_find(0);
    if (!real) { registerResult = SQLITE_ERROR; return; }
    checksumMethods = (sqlite3_io_methods){
        3, checksumClose, checksumRead, checksumWrite, checksumTruncate, checksumSync, checksumFileSize,
        checksumLock, checksumUnlock, checksumCheckReservedLock, checksumFileControl, checksumSectorSize,
        checksumDeviceCharacteristics, checksumShmMap, checksumShmLock, checksumShmBarrier, checksumShmUnmap,
        checksumFetch, checksumUnfetch,
    };
    checksumVfs = (sqlite3_vfs){
        real->iVersion < 2 ? real->iVersion : 2, (int)sizeof(ChecksumFile) + real->szOsFile, real->mxPathname, 0,
        fuwu_page_checksum_vfs_name, real, checksumOpen, checksumDelete, checksumAccess, checksumFullPathname,
        checksumDlOpen, checksumDlError, checksumDlSym, checksumDlClose, checksumRandomness, checksumSleep,
        checksumCurrentTime, checksumGetLastError, checksumCurrentTimeInt64, 0, 0, 0,
    };
    registerResult = sqlite3_vfs_register(&checksumVfs, 1);
}

int fuwu_page_checksum_register(void) {
    pthread_once(&registerOnce, registerNow);
    return registerResult;
}

int fuwu_page_checksum_reserve(sqlite3 *db) {
    int reserve = kReserve;
    int rc = sqlite3_file_control(db, "main", SQLITE_FCNTL_RESERVE_BYTES, &reserve);
    if (rc != SQLITE_OK) return rc;
    return sqlite3_file_control(db, "main", kActivate, 0);
}
