#include <sqlite3.h>
#include "gloss_sqlite_tuning.h"

int gloss_sqlite_tune(void) {
    int rc = sqlite3_config(SQLITE_CONFIG_MULTITHREAD);
    if (rc != SQLITE_OK) return rc;
    return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}
