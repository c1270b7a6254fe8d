#!/usr/bin/env python3
"""Side-by-side: the brief's example playbook in Playloop vs the same logic as
hand-written DuckDB SQL (duckdb/service-recovery.sql), on the same generated files.

    python3 Benchmarks/compare.py --customers 1000000 --runs 3

Generates the data with playloop-data when missing (release build), then runs DuckDB
(2 threads, via duckdb/run_duckdb.py in a child process) and `playloop run`
alternately, measuring each run's wall time and peak memory (the child's max RSS from
wait4). Prints the medians and the Playloop/DuckDB ratios, and checks that both made
the same decisions when Playloop's decisions log can be read.
"""
import argparse
import csv
import json
import os
import shutil
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
HERE = os.path.dirname(os.path.abspath(__file__))


def ensure_duckdb():
    try:
        import duckdb  # noqa: F401
    except ImportError:
        print("installing duckdb (pip)…", file=sys.stderr)
        subprocess.run([sys.executable, "-m", "pip", "install", "-q", "duckdb"], check=True)


def build(product):
    path = os.path.join(ROOT, ".build", "release", product)
    if not os.path.exists(path):
        subprocess.run(["swift", "build", "-c", "release", "--product", product],
                       cwd=ROOT, check=True)
    return path


def ensure_data(args):
    folder = os.path.join(args.work, f"data-{args.customers}-{args.seed}")
    if not os.path.exists(os.path.join(folder, "calls.jsonl")):
        generator = build("playloop-data")
        subprocess.run([generator, "--customers", str(args.customers), "--seed", str(args.seed),
                        "--out", folder, "--as-of", args.as_of], check=True)
    return folder


def playbook_for(data, work):
    """The flagship playbook with its load paths pointed at `data`."""
    text = open(os.path.join(ROOT, "Playbooks", "service-recovery.playbook"),
                encoding="utf-8").read()
    text = text.replace('"../Examples/data/', f'"{data}/')
    path = os.path.join(work, "service-recovery.playbook")
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    return path


def measure(command):
    """Runs `command`; returns (seconds, peak RSS in MB, stdout)."""
    start = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    out = child.stdout.read()
    err = child.stderr.read()
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        sys.stderr.write(err.decode(errors="replace"))
        raise SystemExit(f"failed ({child.returncode}): {' '.join(command)}")
    return seconds, usage.ru_maxrss / 1024, out.decode(errors="replace")


def decisions(path):
    """(customer, offer) → (status, channel, trigger id, send_at) from a decisions log,
    CSV or JSON Lines."""
    for name in ("decisions.csv", "decisions.jsonl"):
        full = os.path.join(path, name)
        if not os.path.exists(full):
            continue
        with open(full, encoding="utf-8") as f:
            rows = csv.DictReader(f) if name.endswith(".csv") else map(json.loads, f)
            return {(r["customer_id"], r["offer"]):
                    (r["status"], r["channel"] or "", r["trigger_id"], r["send_at"]) for r in rows}
    return None


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--customers", type=int, default=100_000)
    p.add_argument("--seed", type=int, default=42)
    p.add_argument("--runs", type=int, default=3)
    p.add_argument("--threads", type=int, default=2, help="DuckDB threads")
    p.add_argument("--as-of", default="2026-11-01T00:00:00Z")
    p.add_argument("--work", default=os.path.join(ROOT, ".build", "bench"))
    p.add_argument("--playloop", default=os.path.join(ROOT, ".build", "release", "playloop"))
    p.add_argument("--duckdb-only", action="store_true", help="skip Playloop")
    args = p.parse_args()

    ensure_duckdb()
    os.makedirs(args.work, exist_ok=True)
    data = ensure_data(args)
    size = sum(os.path.getsize(os.path.join(data, f)) for f in os.listdir(data))
    print(f"data: {data} ({size / 1e6:.0f} MB), clock {args.as_of}, {args.runs} runs each")

    duck_out = os.path.join(args.work, "out-duckdb")
    duck = [sys.executable, os.path.join(HERE, "duckdb", "run_duckdb.py"),
            os.path.join(HERE, "duckdb", "service-recovery.sql"), data, duck_out, args.as_of,
            str(args.threads)]
    loop_out = os.path.join(args.work, "out-playloop")
    loop = None
    if not args.duckdb_only:
        if not os.path.exists(args.playloop):
            build("playloop")
        loop = [args.playloop, "run", playbook_for(data, args.work), "--out", loop_out,
                "--as-of", args.as_of]

    results = {"duckdb": [], "playloop": []}
    duck_inside = []
    for run in range(1, args.runs + 1):
        for tool, command in (("duckdb", duck), ("playloop", loop)):
            if command is None:
                continue
            out = duck_out if tool == "duckdb" else loop_out
            shutil.rmtree(out, ignore_errors=True)
            seconds, mb, stdout = measure(command)
            results[tool].append((seconds, mb))
            detail = ""
            if tool == "duckdb":
                report = json.loads(stdout.strip().splitlines()[-1])
                duck_inside.append(report["phases"]["total"])
                detail = "  " + " ".join(f"{k} {v:.2f}s" for k, v in report["phases"].items())
                detail += "  " + json.dumps(report["decisions"], sort_keys=True)
            print(f"run {run} {tool:8} {seconds:7.2f} s {mb:8.0f} MB{detail}", flush=True)

    print()
    medians = {}
    for tool, runs in results.items():
        if runs:
            medians[tool] = (statistics.median(s for s, _ in runs), max(m for _, m in runs))
            print(f"{tool:8} median {medians[tool][0]:7.2f} s, peak {medians[tool][1]:6.0f} MB")
    if duck_inside:
        print(f"duckdb in-process median {statistics.median(duck_inside):.2f} s "
              "(the wall time includes starting Python and importing duckdb)")
    if len(medians) == 2:
        (ls, lm), (ds, dm) = medians["playloop"], medians["duckdb"]
        inside = statistics.median(duck_inside)
        print(f"ratio playloop/duckdb: time {ls / ds:.2f}, peak memory {lm / dm:.2f}")
        print(f"  (against DuckDB's own time without Python's start-up, {inside:.2f} s: "
              f"{ls / inside:.2f})")
        mine, theirs = decisions(loop_out), decisions(duck_out)
        if mine is None:
            print("decisions: Playloop's decisions log not found; not compared")
        else:
            differing = sorted(k for k in mine.keys() | theirs.keys() if mine.get(k) != theirs.get(k))
            print(f"decisions: {len(theirs)} DuckDB, {len(mine)} Playloop, {len(differing)} differ")
            for key in differing[:10]:
                print(f"  {key[0]} {key[1]}: duckdb {theirs.get(key)}, playloop {mine.get(key)}")


if __name__ == "__main__":
    main()
