#!/usr/bin/env python3
"""Side-by-side: the brief's example playbook in Playloop vs the same logic written by
hand as DuckDB SQL (duckdb/service-recovery.sql) and in Polars
(polars/service_recovery.py), on the same generated files.

    python3 Benchmarks/compare.py --customers 1000000 --runs 3

Generates the data with playloop-data when missing (release build), then runs DuckDB
(via duckdb/run_duckdb.py), Polars (polars/service_recovery.py), each in a child
process with 2 threads, and `playloop run` in turn, measuring each run's wall time and
peak memory (the child's max RSS from wait4). Prints the medians and the ratios, and
counts the decisions that differ from Playloop's when its decisions log can be read.
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


def ensure_module(name):
    """Installs a Python package with pip when it cannot be imported.

    Tried in a child Python run from `/`: here, `Benchmarks/duckdb/` and
    `Benchmarks/polars/` would import as empty namespace packages of those names."""
    found = subprocess.run([sys.executable, "-c", f"import {name}"], cwd="/",
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode == 0
    if not found:
        print(f"installing {name} (pip)…", file=sys.stderr)
        subprocess.run([sys.executable, "-m", "pip", "install", "-q", name], check=True)


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


def compare_decisions(names, outs):
    """Prints, for each pair against the first that has a decisions log, how many
    (customer, offer) decisions differ."""
    logs = {name: decisions(outs[name]) for name in names}
    base = "playloop" if "playloop" in names else names[0]
    if logs[base] is None:
        print(f"decisions: {base}'s decisions log not found; not compared")
        return
    for other in names:
        if other == base:
            continue
        mine, theirs = logs[base], logs[other]
        differing = sorted(k for k in mine.keys() | theirs.keys() if mine.get(k) != theirs.get(k))
        print(f"decisions: {len(mine)} {base}, {len(theirs)} {other}, {len(differing)} differ")
        for key in differing[:10]:
            print(f"  {key[0]} {key[1]}: {other} {theirs.get(key)}, {base} {mine.get(key)}")


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--customers", type=int, default=100_000)
    p.add_argument("--seed", type=int, default=42)
    p.add_argument("--runs", type=int, default=3)
    p.add_argument("--threads", type=int, default=2, help="DuckDB and Polars threads")
    p.add_argument("--as-of", default="2026-11-01T00:00:00Z")
    p.add_argument("--work", default=os.path.join(ROOT, ".build", "bench"))
    p.add_argument("--data", help="an existing data folder (default: WORK/data-N-SEED, "
                   "generated when missing)")
    p.add_argument("--playloop", default=os.path.join(ROOT, ".build", "release", "playloop"))
    p.add_argument("--skip", action="append", default=[],
                   choices=["playloop", "duckdb", "polars"], help="leave a tool out (repeatable)")
    p.add_argument("--polars-eager", action="store_true",
                   help="Polars reads every file whole, every column typed, before the rules "
                   "(default: it scans lazily and reads only the columns the rules use)")
    p.add_argument("--duckdb-only", action="store_true", help="skip Playloop and Polars")
    p.add_argument("--warm", action="store_true",
                   help="warm runs: DuckDB over its own database file (loaded once, outside "
                   "the timing) and Playloop from its snapshot; each tool runs once before "
                   "the timed runs")
    args = p.parse_args()
    skip = set(args.skip) | ({"playloop", "polars"} if args.duckdb_only else set())

    if "duckdb" not in skip:
        ensure_module("duckdb")
    if "polars" not in skip:
        ensure_module("polars")
    os.makedirs(args.work, exist_ok=True)
    data = os.path.abspath(args.data) if args.data else ensure_data(args)
    size = sum(os.path.getsize(os.path.join(data, f)) for f in os.listdir(data))
    print(f"data: {data} ({size / 1e6:.0f} MB), clock {args.as_of}, {args.runs} runs each")

    outs = {tool: os.path.join(args.work, f"out-{tool}")
            for tool in ("duckdb", "polars", "playloop")}
    commands = {}
    if "duckdb" not in skip:
        commands["duckdb"] = [sys.executable, os.path.join(HERE, "duckdb", "run_duckdb.py"),
                              os.path.join(HERE, "duckdb", "service-recovery.sql"), data,
                              outs["duckdb"], args.as_of, str(args.threads)]
        if args.warm:
            database = os.path.join(args.work, f"duckdb-{os.path.basename(data)}.db")
            commands["duckdb"][2:2] = ["--database", database]
    if "polars" not in skip:
        commands["polars"] = [sys.executable, os.path.join(HERE, "polars", "service_recovery.py"),
                              data, outs["polars"], args.as_of, str(args.threads)]
        if not args.polars_eager:
            commands["polars"].insert(2, "--scan")
    if "playloop" not in skip:
        if not os.path.exists(args.playloop):
            build("playloop")
        commands["playloop"] = [args.playloop, "run", playbook_for(data, args.work),
                                "--out", outs["playloop"], "--as-of", args.as_of]
        # Cold runs read every file (a snapshot from an earlier run would make them warm);
        # warm runs keep their snapshots in a folder of their own.
        commands["playloop"] += (["--cache", os.path.join(args.work, "snapshots")] if args.warm
                                 else ["--no-cache"])
    names = list(commands)

    if args.warm:
        for tool in names:
            shutil.rmtree(outs[tool], ignore_errors=True)
            seconds, _, _ = measure(commands[tool])
            print(f"priming {tool:8} {seconds:7.2f} s (not counted)", flush=True)

    results = {tool: [] for tool in names}
    inside = {tool: [] for tool in names if tool != "playloop"}
    for run in range(1, args.runs + 1):
        for tool in names:
            shutil.rmtree(outs[tool], ignore_errors=True)
            seconds, mb, stdout = measure(commands[tool])
            results[tool].append((seconds, mb))
            detail = ""
            if tool in inside:
                report = json.loads(stdout.strip().splitlines()[-1])
                inside[tool].append(report["phases"]["total"])
                detail = "  " + " ".join(f"{k} {v:.2f}s" for k, v in report["phases"].items())
                detail += "  " + json.dumps(report["decisions"], sort_keys=True)
            print(f"run {run} {tool:8} {seconds:7.2f} s {mb:8.0f} MB{detail}", flush=True)

    print()
    medians = {}
    for tool, runs in results.items():
        medians[tool] = (statistics.median(s for s, _ in runs), max(m for _, m in runs))
        print(f"{tool:8} median {medians[tool][0]:7.2f} s, peak {medians[tool][1]:6.0f} MB")
    own = {tool: statistics.median(times) for tool, times in inside.items()}
    for tool, seconds in own.items():
        print(f"{tool} in-process median {seconds:.2f} s "
              f"(the wall time includes starting Python and importing {tool})")
    for engine in ("duckdb", "polars"):
        if "playloop" in medians and engine in medians:
            (ls, lm), (es, em) = medians["playloop"], medians[engine]
            print(f"ratio playloop/{engine}: time {ls / es:.2f}, peak memory {lm / em:.2f}")
            print(f"  (against {engine}'s own time without Python's start-up, "
                  f"{own[engine]:.2f} s: {ls / own[engine]:.2f})")
    if "polars" in medians and "duckdb" in medians:
        (ps, pm), (ds, dm) = medians["polars"], medians["duckdb"]
        print(f"ratio polars/duckdb: time {ps / ds:.2f} (in-process "
              f"{own['polars'] / own['duckdb']:.2f}), peak memory {pm / dm:.2f}")
    if len(names) > 1:
        compare_decisions(names, outs)


if __name__ == "__main__":
    main()
