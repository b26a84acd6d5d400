#include <sqlite3.h>
#include "gloss_sqlite_tuning.h"

int gloss_sqlite_tune(void) {
    int rc = sqlite3_config(SQLITE_CONFIG_MULTITHREAD);
    if (rc != SQLITE_OK) return rc;
    rc = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    if (rc != SQLITE_OK) return rc;
    /* A statement inside a transaction keeps the pages it changes in a statement journal, a
       temporary file past 64 KiB by default. A decision's INSERT runs the statistics triggers
       (migration v11), which touch a dozen 16 KiB pages: that journal went to disk on every
       statement (30 writes per decision of an annotations import). Kept in memory up to 512 KiB,
       beyond which it spills as before. */
    rc = sqlite3_config(SQLITE_CONFIG_STMTJRNL_SPILL, 512 << 10);
    if (rc != SQLITE_OK) return rc;
    /* Read-only opens may name the store as a file: URI with immutable=1 (ReadOnlyLocation);
       most builds read URI names already (SQLITE_USE_URI), this makes it so everywhere. */
    return sqlite3_config(SQLITE_CONFIG_URI, 1);
}
