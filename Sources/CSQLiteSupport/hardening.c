/* hardening.c: SQLite's defensive settings, through the variadic
** sqlite3_db_config (see CSQLiteSupport.h). */
#include <sqlite3.h>
#include "CSQLiteSupport.h"

static int set(sqlite3 *db, int option, int on) {
  int now = -1;
  int rc = sqlite3_db_config(db, option, on, &now);
  if (rc != SQLITE_OK) return rc;
  return now == on ? SQLITE_OK : SQLITE_ERROR;
}

int csq_harden(sqlite3 *db) {
  int rc = set(db, SQLITE_DBCONFIG_DEFENSIVE, 1);
  if (rc == SQLITE_OK) rc = set(db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0);
  if (rc == SQLITE_OK) rc = set(db, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0);
  if (rc == SQLITE_OK) rc = set(db, SQLITE_DBCONFIG_ENABLE_TRIGGER, 1);
  return rc;
}

static int query(sqlite3 *db, int option) {
  int now = -1;
  return sqlite3_db_config(db, option, -1, &now) == SQLITE_OK ? now : -1;
}

int csq_is_defensive(sqlite3 *db) { return query(db, SQLITE_DBCONFIG_DEFENSIVE); }
int csq_is_schema_trusted(sqlite3 *db) { return query(db, SQLITE_DBCONFIG_TRUSTED_SCHEMA); }
