#include <sqlite3.h>
#include "gloss_sqlite_tuning.h"

int gloss_sqlite_tune(void) {
    int rc = sqlite3_config(SQLITE_CONFIG_MULTITHREAD);
    if (rc != SQLITE_OK) return rc;
    rc = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    if (rc != SQLITE_OK) return rc;
    /* Read-only opens may name the store as a file: URI with immutable=1 (ReadOnlyLocation);
       most builds read URI names already (SQLITE_USE_URI), this makes it so everywhere. */
    return sqlite3_config(SQLITE_CONFIG_URI, 1);
}
