"""Runs a phase-marked SQL file (see service-recovery.sql) in DuckDB and prints the
time of each phase as JSON on stdout.

usage: run_duckdb.py SQL DATA_DIR OUT_DIR CLOCK [THREADS]
CLOCK is ISO 8601 UTC, e.g. 2026-11-01T00:00:00Z.
"""
import json
import os
import re
import sys
import time

import duckdb


def main():
    sql_path, data, out, clock = sys.argv[1:5]
    threads = int(sys.argv[5]) if len(sys.argv) > 5 else 2
    os.makedirs(out, exist_ok=True)
    text = open(sql_path, encoding="utf-8").read()
    clock_sql = clock.replace("T", " ").rstrip("Z")
    text = (text.replace("{data}", os.path.abspath(data))
            .replace("{out}", os.path.abspath(out))
            .replace("{clock}", clock_sql))
    phases = re.split(r"^-- phase: (\w+)\s*$", text, flags=re.M)
    start = time.perf_counter()
    con = duckdb.connect()
    con.execute(f"SET threads = {threads}")
    timings = {}
    for name, body in zip(phases[1::2], phases[2::2]):
        t = time.perf_counter()
        con.execute(body)
        timings[name] = round(time.perf_counter() - t, 3)
    timings["total"] = round(time.perf_counter() - start, 3)
    counts = dict(con.execute("SELECT status, count(*) FROM decisions GROUP BY ALL").fetchall())
    print(json.dumps({"phases": timings, "decisions": counts}))


if __name__ == "__main__":
    main()
