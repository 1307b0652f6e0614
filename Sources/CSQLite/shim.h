// The system SQLite, for Swift.
//
// SQLITE_TRANSIENT is a macro that casts -1 to a function pointer, which Swift cannot import;
// binding text and blobs needs it so that SQLite copies the bytes before the call returns.
#ifndef FOLLOWUP_CSQLITE_SHIM_H
#define FOLLOWUP_CSQLITE_SHIM_H

#include <sqlite3.h>

static inline int followup_sqlite_bind_text(sqlite3_stmt *statement, int index, const char *text, int length) {
    return sqlite3_bind_text(statement, index, text, length, SQLITE_TRANSIENT);
}

static inline int followup_sqlite_bind_blob(sqlite3_stmt *statement, int index, const void *bytes, int length) {
    return sqlite3_bind_blob(statement, index, bytes, length, SQLITE_TRANSIENT);
}

#endif
