/* libpq, PostgreSQL's client library (Debian: libpq-dev), for PlaybookPostgres. */
#include <libpq-fe.h>
