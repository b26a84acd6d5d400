#ifndef GLOSS_SQLITE_TUNING_H
#define GLOSS_SQLITE_TUNING_H

/// Puts SQLite in multi-thread mode (no per-connection mutex: GRDB already serializes each
/// connection) and turns off its allocation statistics (a global mutex on every malloc).
/// Also makes SQLite read `file:` URI names (read-only opens use `?immutable=1`).
/// sqlite3_config is variadic, so Swift cannot call it directly. Must run before the first
/// connection opens; returns 0 on success, else the SQLite error (e.g. already initialized).
int gloss_sqlite_tune(void);

#endif
