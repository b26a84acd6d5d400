#include <sqlite3.h>
#include "gloss_sqlite_tuning.h"

int gloss_sqlite_tune(void) {
    int rc = sqlite3_config(SQLITE_CONFIG_MULTITHREAD);
    if (rc != SQLITE_OK) return rc;
    rc = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    if (rc != SQLITE_OK) return rc;
    /* A statement inside a transaction keeps the pages it changes in a statement journal, a
       temporary file past 64 KiB by default. A decision's INSERT runs the statistics triggers
       (migration v12), which touch a dozen 16 KiB pages: that journal went to disk on every
       statement (30 writes per decision of an annotations import). It now stays in memory
       (-1: never spills). A spill threshold of 512 KiB made the v12 migration of a million
       decisions fail with SQLITE_FULL (SQLite 3.40.1) while the disk had room; none fails.
       The statements that write many existing pages in one go are old migrations' UPDATEs. */
    rc = sqlite3_config(SQLITE_CONFIG_STMTJRNL_SPILL, -1);
    if (rc != SQLITE_OK) return rc;
    /* Read-only opens may name the store as a file: URI with immutable=1 (ReadOnlyLocation);
       most builds read URI names already (SQLITE_USE_URI), this makes it so everywhere. */
    return sqlite3_config(SQLITE_CONFIG_URI, 1);
}
