/* CSQLiteSupport: the calls of SQLite's C API that Swift cannot make.
** sqlite3_db_config is variadic, and Swift imports no variadic C function. */
#ifndef CSQLITE_SUPPORT_H
#define CSQLITE_SUPPORT_H

/* Declared, not included: GRDB's module already owns <sqlite3.h>, and two
** modules owning one header confuse Swift's importer. */
struct sqlite3;

/* Turns on SQLite's defensive settings for a connection to a file that may
** have been written by someone else: the defensive flag (no writable_schema,
** no journal_mode=OFF, no schema_version writes, no shadow-table or
** sqlite_dbpage writes), an untrusted schema (functions in triggers, views,
** CHECK constraints, defaults and indexes must be innocuous), and no
** extension loading. Triggers stay on: the undo journal is made of them.
** Returns SQLITE_OK, or the first error's code with nothing further set. */
int csq_harden(struct sqlite3 *db);

/* Whether each setting is in force, for tests: the defensive flag, and the
** schema trusted (1) or not (0); -1 when it could not be read. */
int csq_is_defensive(struct sqlite3 *db);
int csq_is_schema_trusted(struct sqlite3 *db);

#endif
