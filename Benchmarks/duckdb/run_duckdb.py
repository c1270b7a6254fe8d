"""Runs a phase-marked SQL file (see service-recovery.sql) in DuckDB and prints the
time of each phase as JSON on stdout.

usage: run_duckdb.py [--database FILE] SQL DATA_DIR OUT_DIR CLOCK [THREADS]
CLOCK is ISO 8601 UTC, e.g. 2026-11-01T00:00:00Z.

With --database, the run is warm: the load phase runs once into FILE (DuckDB's own
database file, made again when a data file is newer), outside the timing, and each run
opens FILE and runs the other phases in a transaction it rolls back, so the file keeps
only the loaded tables.
"""
import json
import os
import re
import sys
import time

import duckdb


def prepared(database, data, load):
    """Whether `database` holds the tables `load` makes from `data`'s files; makes it when not."""
    newest = max(os.path.getmtime(os.path.join(data, f)) for f in os.listdir(data))
    if os.path.exists(database) and os.path.getmtime(database) > newest:
        return
    if os.path.exists(database):
        os.remove(database)
    con = duckdb.connect(database)
    con.execute(load)
    con.close()


def main():
    arguments = sys.argv[1:]
    database = None
    if arguments[:1] == ["--database"]:
        database, arguments = arguments[1], arguments[2:]
    sql_path, data, out, clock = arguments[:4]
    threads = int(arguments[4]) if len(arguments) > 4 else 2
    os.makedirs(out, exist_ok=True)
    text = open(sql_path, encoding="utf-8").read()
    clock_sql = clock.replace("T", " ").rstrip("Z")
    text = (text.replace("{data}", os.path.abspath(data))
            .replace("{out}", os.path.abspath(out))
            .replace("{clock}", clock_sql))
    phases = re.split(r"^-- phase: (\w+)\s*$", text, flags=re.M)
    phases = list(zip(phases[1::2], phases[2::2]))
    if database:
        prepared(database, data, dict(phases)["load"])
        phases = [(name, body) for name, body in phases if name != "load"]
    start = time.perf_counter()
    con = duckdb.connect(database or ":memory:")
    con.execute(f"SET threads = {threads}")
    if database:
        con.execute("BEGIN TRANSACTION")
    timings = {}
    for name, body in phases:
        t = time.perf_counter()
        con.execute(body)
        timings[name] = round(time.perf_counter() - t, 3)
    timings["total"] = round(time.perf_counter() - start, 3)
    counts = dict(con.execute("SELECT status, count(*) FROM decisions GROUP BY ALL").fetchall())
    if database:
        con.execute("ROLLBACK")
    print(json.dumps({"phases": timings, "decisions": counts}))


if __name__ == "__main__":
    main()
