"""The brief's example playbook ("Service recovery loop", Playbooks/service-recovery.playbook)
written by hand in Polars, with the same meaning as duckdb/service-recovery.sql (whose
comments name the points of docs/LANGUAGE.md it follows): the clock, the 30-day window,
each phrase and its trigger time, send_at, duplicate collapse, channel reachability,
`limit 1 per customer`, and the FNV-1a holdout (computed with NumPy's wrapping uint64
arithmetic over each id's UTF-8 bytes).

usage: service_recovery.py [--scan] DATA_DIR OUT_DIR CLOCK [THREADS]
CLOCK is ISO 8601 UTC, e.g. 2026-11-01T00:00:00Z. THREADS sets POLARS_MAX_THREADS
(default 2, as compare.py gives DuckDB). Prints the time of each phase (load, evaluate,
decide, export) and the decision counts as JSON on stdout, like duckdb/run_duckdb.py,
and writes one audience CSV per offer, decisions.csv and summary.csv in the layout the
DuckDB version writes.

By default every file is read whole, every column typed, as the playbook's `load`
lines (and the DuckDB version) do; then the rules run lazily over the loaded frames.
With --scan the files are scanned lazily instead (scan_csv/scan_ndjson), so Polars reads
only the columns the rules use and skips orders.csv, which no rule reads; the customers
columns are collected in the load phase, the tickets and calls are read during
evaluate.
"""
import json
import os
import sys
import time
from datetime import datetime, timedelta

SCAN = "--scan" in sys.argv
ARGS = [a for a in sys.argv if a != "--scan"]
if __name__ == "__main__":
    os.environ["POLARS_MAX_THREADS"] = ARGS[5] if len(ARGS) > 5 else "2"

import numpy as np  # noqa: E402
import polars as pl  # noqa: E402

TIME_FORMAT = "%Y-%m-%dT%H:%M:%SZ"
PLAYBOOK_NAME = "Service recovery loop"

# rule, order, priority, offer, after, valid, channels (in the playbook's order)
RULES = {
    "quick_fix_thanks": (0, 5, "THANKS10", timedelta(days=1), timedelta(days=30), ["email"]),
    "slow_fix_apology": (1, 10, "SORRY25", timedelta(hours=2), timedelta(days=14), ["email", "sms"]),
    "evangelist": (2, 0, "REFER20", timedelta(days=3), timedelta(days=60), ["email"]),
    "cancel_risk": (3, 20, "STAY15", timedelta(0), timedelta(days=21), ["sms", "email"]),
}
OFFERS = ["THANKS10", "SORRY25", "REFER20", "STAY15"]


def parse_time(column):
    return pl.col(column).str.strptime(pl.Datetime("us"), TIME_FORMAT, strict=False)


def read_csv(path):
    # Every column as text first (the files' columns differ between generator versions);
    # empty fields are null, as in DuckDB's read_csv.
    return pl.read_csv(path, infer_schema=False, quote_char='"')


def scan(data):
    customers = (pl.scan_csv(os.path.join(data, "customers.csv"), infer_schema=False)
                 .select("id", "email", "phone", pl.col("email_opt_in") == "true",
                         pl.col("sms_opt_in") == "true", "tier",
                         pl.col("lifetime_value").cast(pl.Decimal(18, 2)))
                 .collect())
    tickets = pl.scan_csv(os.path.join(data, "tickets.csv"), infer_schema=False).with_columns(
        parse_time("opened_at"), parse_time("resolved_at"), pl.col("csat").cast(pl.Int64))
    calls = pl.scan_ndjson(os.path.join(data, "calls.jsonl"), schema={
        "id": pl.String, "customer_id": pl.String, "started_at": pl.String,
        "ended_at": pl.String, "agent": pl.String, "transcript": pl.String,
    }).with_columns(parse_time("started_at"))
    return customers, tickets, None, calls


def load(data):
    customers = read_csv(os.path.join(data, "customers.csv")).with_columns(
        pl.col("email_opt_in") == "true",
        pl.col("sms_opt_in") == "true",
        pl.col("lifetime_value").cast(pl.Decimal(18, 2)),
        parse_time("created_at"),
    )
    tickets = read_csv(os.path.join(data, "tickets.csv")).with_columns(
        parse_time("opened_at"), parse_time("first_response_at"), parse_time("resolved_at"),
        pl.col("csat").cast(pl.Int64),
    )
    # Loaded because the playbook loads it; no rule reads it.
    orders = read_csv(os.path.join(data, "orders.csv")).with_columns(
        pl.col("total").cast(pl.Decimal(18, 2)), parse_time("ordered_at"))
    calls = pl.read_ndjson(os.path.join(data, "calls.jsonl"), schema={
        "id": pl.String, "customer_id": pl.String, "started_at": pl.String,
        "ended_at": pl.String, "agent": pl.String, "transcript": pl.String,
    }).with_columns(parse_time("started_at"), parse_time("ended_at"))
    return customers, tickets, orders, calls


def evaluate(customers, tickets, calls, now):
    since = now - timedelta(days=30)
    known = customers.lazy().select(pl.col("id").alias("customer_id"))
    # Rule 13: event rows whose link names no customer are set aside (the semi joins).
    # Rule 1: rows opened after the clock do not exist yet; times after it have not happened.
    ticket = (tickets.lazy().join(known, on="customer_id", how="semi")
              .filter(pl.col("opened_at") <= now)
              .select("id", "customer_id", "kind", "csat", pl.col("opened_at").alias("opened"),
                      pl.when(pl.col("resolved_at") <= now).then(pl.col("resolved_at"))
                      .alias("resolved")))
    complaint = ticket.filter(pl.col("kind") == "complaint")
    call = (calls.lazy().join(known, on="customer_id", how="semi")
            .filter(pl.col("started_at") <= now)
            .select("id", "customer_id", "transcript", pl.col("started_at").alias("opened")))
    vip = (customers.lazy()
           .filter((pl.col("lifetime_value") >= 1000) | (pl.col("tier") == "gold"))
           .select(pl.col("id").alias("customer_id")))
    # Aggregates ignore the window: complaints opened in the last 90 days.
    busy = (complaint.filter(pl.col("opened") >= now - timedelta(days=90))
            .group_by("customer_id").agg(pl.len().alias("n"))
            .filter(pl.col("n") > 1).select("customer_id"))

    took = pl.col("resolved") - pl.col("opened")
    # rule quick_fix_thanks: complaint resolved within 4h and complaint.csat >= 4
    quick = (complaint
             .filter(pl.col("resolved").is_not_null() & (took <= timedelta(hours=4))
                     & (pl.col("csat") >= 4))
             .select("customer_id", pl.col("id").alias("trigger_id"),
                     pl.col("resolved").alias("trigger_at")))
    # rule slow_fix_apology: complaint resolved after 72h or complaint open for 72h;
    # the trigger time comes from the first phrase that holds.
    late = pl.col("resolved").is_not_null() & (took > timedelta(hours=72))
    still_open = pl.col("resolved").is_null() & (pl.lit(now) - pl.col("opened")
                                                 >= timedelta(hours=72))
    slow = (complaint.filter(late | still_open)
            .select("customer_id", pl.col("id").alias("trigger_id"),
                    pl.when(late).then(pl.col("resolved"))
                    .otherwise(pl.col("opened") + timedelta(hours=72)).alias("trigger_at")))
    # rule evangelist: ticket.csat == 5 and customer in vip,
    # unless count(complaint in last 90d) > 1
    evangelist = (ticket.filter(pl.col("csat") == 5)
                  .join(vip, on="customer_id", how="semi")
                  .join(busy, on="customer_id", how="anti")
                  .select("customer_id", pl.col("id").alias("trigger_id"),
                          pl.col("opened").alias("trigger_at")))
    # rule cancel_risk: call.transcript contains any [...] (case-insensitive)
    lowered = pl.col("transcript").str.to_lowercase()
    cancel = (call.filter(lowered.str.contains("cancel", literal=True)
                          | lowered.str.contains("switch", literal=True)
                          | lowered.str.contains("competitor", literal=True))
              .select("customer_id", pl.col("id").alias("trigger_id"),
                      pl.col("opened").alias("trigger_at")))

    parts = []
    for rule, frame in (("quick_fix_thanks", quick), ("slow_fix_apology", slow),
                        ("evangelist", evangelist), ("cancel_risk", cancel)):
        order, priority, offer, after, valid, channels = RULES[rule]
        parts.append(frame.with_columns(
            pl.lit(rule).alias("rule"), pl.lit(order, pl.Int32).alias("rule_order"),
            pl.lit(priority, pl.Int32).alias("priority"), pl.lit(offer).alias("offer"),
            pl.lit(after, pl.Duration("us")).alias("after"),
            pl.lit(valid, pl.Duration("us")).alias("valid"),
            pl.lit(channels[0]).alias("channel1"),
            pl.lit(channels[1] if len(channels) > 1 else None, pl.String).alias("channel2"),
            pl.lit(", ".join(channels)).alias("channel_list"),
        ))
    # Rule 2: clock − window ≤ trigger time ≤ clock. Rule 4: send_at never before the clock.
    return (pl.concat(parts)
            .filter(pl.col("trigger_at").is_between(since, now, closed="both"))
            .with_columns(pl.max_horizontal(pl.col("trigger_at") + pl.col("after"),
                                            pl.lit(now)).alias("send_at"))
            .collect())


def fnv1a_buckets(ids):
    """FNV-1a 64-bit over PLAYBOOK_NAME + U+0000 + id (UTF-8 bytes), mod 10000."""
    h0 = np.uint64(14695981039346656037)
    prime = np.uint64(1099511628211)
    for byte in (PLAYBOOK_NAME + "\0").encode("utf-8"):
        h0 = np.uint64((int(h0) ^ byte) * int(prime) % (1 << 64))
    encoded = [i.encode("utf-8") for i in ids]
    lengths = np.fromiter((len(b) for b in encoded), dtype=np.int64, count=len(encoded))
    width = int(lengths.max()) if len(encoded) else 0
    grid = np.zeros((len(encoded), width), dtype=np.uint8)
    for length in np.unique(lengths):
        rows = np.flatnonzero(lengths == length)
        if length:
            grid[rows, :length] = np.frombuffer(
                b"".join(encoded[r] for r in rows), dtype=np.uint8).reshape(-1, length)
    h = np.full(len(encoded), h0, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for i in range(width):
            live = lengths > i
            stepped = (h ^ grid[:, i].astype(np.uint64)) * prime
            h = np.where(live, stepped, h)
    return (h % np.uint64(10000)).astype(np.int64)


def decide(candidates, customers):
    # Rule 6: one candidate per (customer, offer): priority, send_at, rule order, trigger id.
    collapsed = (candidates
                 .sort(["customer_id", "offer", "priority", "send_at", "rule_order", "trigger_id"],
                       descending=[False, False, True, False, False, False])
                 .with_columns(pl.len().over("customer_id", "offer").alias("merged"))
                 .unique(subset=["customer_id", "offer"], keep="first", maintain_order=True))
    # Rule 7: the first listed channel whose requires holds and whose address is present.
    people = customers.select(pl.col("id").alias("customer_id"), "email", "phone",
                              "email_opt_in", "sms_opt_in")
    routed = collapsed.join(people, on="customer_id", how="inner")
    email_ok = pl.col("email_opt_in").fill_null(False) & (pl.col("email").fill_null("") != "")
    sms_ok = pl.col("sms_opt_in").fill_null(False) & (pl.col("phone").fill_null("") != "")

    def reachable(name):
        return ((pl.col(name) == "email") & email_ok) | ((pl.col(name) == "sms") & sms_ok)

    routed = routed.with_columns(
        pl.when(reachable("channel1")).then(pl.col("channel1"))
        .when(reachable("channel2")).then(pl.col("channel2")).alias("channel"))
    # Rule 8: reachable candidates ranked by priority, send_at, rule order, offer; first 1 kept.
    routed = (routed
              .sort(["customer_id", "priority", "send_at", "rule_order", "offer"],
                    descending=[False, True, False, False, False])
              .with_columns(
                  pl.when(pl.col("channel").is_not_null())
                  .then(pl.int_range(1, pl.len() + 1).over(
                      "customer_id", pl.col("channel").is_not_null()))
                  .alias("slot")))
    kept = routed.filter(pl.col("slot") == 1).select("customer_id", pl.col("rule").alias("kept_by"))
    # Rule 9: FNV-1a 64-bit over name + U+0000 + customer id; held out when bucket < 500.
    kept = kept.with_columns(pl.Series("bucket", fnv1a_buckets(kept["customer_id"].to_list())))
    out = routed.join(kept, on="customer_id", how="left")
    unreachable = pl.col("channel").is_null()
    capped = pl.col("slot") > 1
    held = pl.col("bucket") < 500
    return out.select(
        "customer_id", "offer", "rule", "priority", "trigger_id", "merged",
        pl.when(unreachable).then(pl.lit("unreachable"))
        .when(capped).then(pl.lit("capped"))
        .when(held).then(pl.lit("holdout"))
        .otherwise(pl.lit("send")).alias("status"),
        pl.when(unreachable).then(pl.lit("no reachable channel among ") + pl.col("channel_list"))
        .when(capped).then(pl.lit("capped by ") + pl.col("kept_by"))
        .when(held).then(pl.lit("holdout bucket ") + pl.col("bucket").cast(pl.String))
        .otherwise(pl.lit("")).alias("reason"),
        "channel",
        pl.when(pl.col("channel") == "email").then(pl.col("email"))
        .when(pl.col("channel") == "sms").then(pl.col("phone")).alias("address"),
        "send_at",
        (pl.col("send_at") + pl.col("valid")).alias("expires_at"),
    )


def export(decisions, out):
    os.makedirs(out, exist_ok=True)
    text = decisions.with_columns(pl.col("send_at").dt.strftime(TIME_FORMAT),
                                  pl.col("expires_at").dt.strftime(TIME_FORMAT))
    for offer in OFFERS:
        (text.filter((pl.col("status") == "send") & (pl.col("offer") == offer))
         .sort("customer_id")
         .select("customer_id", "channel", "address", "offer", "send_at", "expires_at", "rule",
                 "trigger_id")
         .write_csv(os.path.join(out, f"{offer}.csv")))
    (text.sort("customer_id", "offer")
     .select("customer_id", "offer", "rule", "trigger_id", "merged", "status", "reason",
             "channel", "address", "send_at", "expires_at")
     .write_csv(os.path.join(out, "decisions.csv")))
    (decisions.group_by("rule", "offer", "status").agg(pl.len().alias("decisions"))
     .sort("rule", "offer", "status").write_csv(os.path.join(out, "summary.csv")))


def main():
    data, out, clock = ARGS[1:4]
    now = datetime.strptime(clock, TIME_FORMAT)
    timings = {}
    start = t = time.perf_counter()

    def lap(name):
        nonlocal t
        timings[name] = round(time.perf_counter() - t, 3)
        t = time.perf_counter()

    customers, tickets, _orders, calls = (scan if SCAN else load)(data)
    lap("load")
    candidates = evaluate(customers, tickets, calls, now)
    lap("evaluate")
    decisions = decide(candidates, customers)
    lap("decide")
    export(decisions, out)
    lap("export")
    timings["total"] = round(time.perf_counter() - start, 3)
    counts = dict(decisions.group_by("status").agg(pl.len()).iter_rows())
    print(json.dumps({"phases": timings, "decisions": counts}))


if __name__ == "__main__":
    main()
