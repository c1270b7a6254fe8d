-- The brief's example playbook ("Service recovery loop", Playbooks/service-recovery.playbook)
-- written by hand as DuckDB SQL, with the same meaning as the brief's "Precise meaning":
-- the clock, the 30-day window, each phrase and its trigger time, send_at, duplicate
-- collapse, channel reachability, `limit 1 per customer`, and the FNV-1a holdout (in
-- SQL too: a 128-bit product masked to 64 bits gives the exact wrap-around; ascii()
-- reads each character as its byte, which holds because the name and ids are ASCII).
--
-- compare.py (or run_duckdb.py) replaces {data}, {out} and {clock} before running it;
-- {clock} is a timestamp such as 2026-11-01 00:00:00 (UTC). Statements are separated
-- by lines of the form `-- phase: NAME` so each phase can be timed.

-- phase: load
SET TimeZone = 'UTC';

-- One FNV-1a step over character i of s.
CREATE MACRO fnv1a_step(h, s, i) AS
  ((xor(h, ascii(substr(s, i, 1))::UBIGINT)::UHUGEINT * 1099511628211::UHUGEINT)
    & 18446744073709551615::UHUGEINT)::UBIGINT;

CREATE TABLE customers AS
SELECT * FROM read_csv('{data}/customers.csv', header = true, quote = '"', escape = '"',
  timestampformat = '%Y-%m-%dT%H:%M:%SZ',
  -- types, not columns: files from older generators lack first_name and tz, which no
  -- rule reads; the columns named here are typed, any others are sniffed.
  types = {'id': 'VARCHAR', 'name': 'VARCHAR', 'email': 'VARCHAR', 'phone': 'VARCHAR',
    'email_opt_in': 'BOOLEAN', 'sms_opt_in': 'BOOLEAN', 'tier': 'VARCHAR',
    'lifetime_value': 'DECIMAL(18,2)', 'country': 'VARCHAR', 'created_at': 'TIMESTAMP'});

CREATE TABLE tickets AS
SELECT * FROM read_csv('{data}/tickets.csv', header = true, quote = '"', escape = '"',
  timestampformat = '%Y-%m-%dT%H:%M:%SZ',
  columns = {'id': 'VARCHAR', 'customer_id': 'VARCHAR', 'kind': 'VARCHAR',
    'channel': 'VARCHAR', 'subject': 'VARCHAR', 'opened_at': 'TIMESTAMP',
    'first_response_at': 'TIMESTAMP', 'resolved_at': 'TIMESTAMP', 'csat': 'INTEGER'});

-- Loaded because the playbook loads it; no rule reads it.
CREATE TABLE orders AS
SELECT * FROM read_csv('{data}/orders.csv', header = true, quote = '"', escape = '"',
  timestampformat = '%Y-%m-%dT%H:%M:%SZ',
  columns = {'id': 'VARCHAR', 'customer_id': 'VARCHAR', 'total': 'DECIMAL(18,2)',
    'status': 'VARCHAR', 'ordered_at': 'TIMESTAMP'});

CREATE TABLE calls AS
SELECT * FROM read_json('{data}/calls.jsonl', format = 'newline_delimited',
  timestampformat = '%Y-%m-%dT%H:%M:%SZ',
  columns = {'id': 'VARCHAR', 'customer_id': 'VARCHAR', 'started_at': 'TIMESTAMP',
    'ended_at': 'TIMESTAMP', 'agent': 'VARCHAR', 'transcript': 'VARCHAR'});

-- phase: evaluate
CREATE TABLE candidates AS
WITH
clock AS (SELECT TIMESTAMP '{clock}' AS now, TIMESTAMP '{clock}' - INTERVAL 30 DAY AS since),
-- Rule 13: event rows whose link names no customer are set aside (the inner joins).
-- Rule 1: rows opened after the clock do not exist yet; times after it have not happened.
ticket AS (
  SELECT t.id, t.customer_id, t.kind, t.csat, t.opened_at AS opened,
    CASE WHEN t.resolved_at <= clock.now THEN t.resolved_at END AS resolved
  FROM tickets t JOIN customers c ON c.id = t.customer_id, clock
  WHERE t.opened_at <= clock.now),
complaint AS (SELECT * FROM ticket WHERE kind = 'complaint'),
call AS (
  SELECT k.id, k.customer_id, k.transcript, k.started_at AS opened
  FROM calls k JOIN customers c ON c.id = k.customer_id, clock
  WHERE k.started_at <= clock.now),
vip AS (SELECT id FROM customers WHERE lifetime_value >= 1000 OR tier = 'gold'),
-- Aggregates ignore the window: complaints opened in the last 90 days.
recent_complaints AS (
  SELECT customer_id, count(*) AS n FROM complaint, clock
  WHERE opened >= clock.now - INTERVAL 90 DAY GROUP BY customer_id),
-- rule quick_fix_thanks priority 5: complaint resolved within 4h and complaint.csat >= 4
quick_fix_thanks AS (
  SELECT customer_id, id AS trigger_id, resolved AS trigger_at
  FROM complaint
  WHERE resolved IS NOT NULL AND resolved - opened <= INTERVAL 4 HOUR AND csat >= 4),
-- rule slow_fix_apology priority 10: complaint resolved after 72h or complaint open for 72h;
-- the trigger time comes from the first phrase that holds.
slow_fix_apology AS (
  SELECT customer_id, id AS trigger_id,
    CASE WHEN resolved IS NOT NULL AND resolved - opened > INTERVAL 72 HOUR THEN resolved
      ELSE opened + INTERVAL 72 HOUR END AS trigger_at
  FROM complaint, clock
  WHERE (resolved IS NOT NULL AND resolved - opened > INTERVAL 72 HOUR)
    OR (resolved IS NULL AND clock.now - opened >= INTERVAL 72 HOUR)),
-- rule evangelist: ticket.csat == 5 and customer in vip, unless count(complaint in last 90d) > 1
evangelist AS (
  SELECT t.customer_id, t.id AS trigger_id, t.opened AS trigger_at
  FROM ticket t JOIN vip ON vip.id = t.customer_id
  LEFT JOIN recent_complaints r ON r.customer_id = t.customer_id
  WHERE t.csat = 5 AND NOT coalesce(r.n > 1, false)),
-- rule cancel_risk priority 20: call.transcript contains any [...] (case-insensitive)
cancel_risk AS (
  SELECT customer_id, id AS trigger_id, opened AS trigger_at
  FROM call
  WHERE contains(lower(transcript), 'cancel') OR contains(lower(transcript), 'switch')
    OR contains(lower(transcript), 'competitor')),
fired AS (
  SELECT 'quick_fix_thanks' AS rule, 0 AS rule_order, 5 AS priority, 'THANKS10' AS offer,
    INTERVAL 1 DAY AS after, INTERVAL 30 DAY AS valid, ['email'] AS channels, *
  FROM quick_fix_thanks
  UNION ALL
  SELECT 'slow_fix_apology', 1, 10, 'SORRY25', INTERVAL 2 HOUR, INTERVAL 14 DAY,
    ['email', 'sms'], * FROM slow_fix_apology
  UNION ALL
  SELECT 'evangelist', 2, 0, 'REFER20', INTERVAL 3 DAY, INTERVAL 60 DAY, ['email'], *
  FROM evangelist
  UNION ALL
  SELECT 'cancel_risk', 3, 20, 'STAY15', INTERVAL 0 DAY, INTERVAL 21 DAY, ['sms', 'email'], *
  FROM cancel_risk)
-- Rule 2: clock − window ≤ trigger time ≤ clock. Rule 4: send_at never before the clock.
SELECT f.customer_id, f.offer, f.rule, f.rule_order, f.priority, f.trigger_id, f.trigger_at,
  greatest(f.trigger_at + f.after, clock.now) AS send_at, f.valid, f.channels
FROM fired f, clock
WHERE f.trigger_at BETWEEN clock.since AND clock.now;

-- phase: decide
CREATE TABLE decisions AS
WITH RECURSIVE
clock AS (SELECT TIMESTAMP '{clock}' AS now),
-- Rule 6: one candidate per (customer, offer): priority, send_at, rule order, trigger id.
ranked AS (
  SELECT *, count(*) OVER w AS merged,
    row_number() OVER (w ORDER BY priority DESC, send_at, rule_order, trigger_id) AS pick
  FROM candidates WINDOW w AS (PARTITION BY customer_id, offer)),
collapsed AS (SELECT * EXCLUDE (pick) FROM ranked WHERE pick = 1),
-- Rule 7: the first listed channel whose requires holds and whose address is present.
routed AS (
  SELECT k.*,
    CASE
      WHEN k.channels[1] = 'email' AND c.email_opt_in AND coalesce(c.email, '') <> '' THEN 'email'
      WHEN k.channels[1] = 'sms' AND c.sms_opt_in AND coalesce(c.phone, '') <> '' THEN 'sms'
      WHEN k.channels[2] = 'email' AND c.email_opt_in AND coalesce(c.email, '') <> '' THEN 'email'
      WHEN k.channels[2] = 'sms' AND c.sms_opt_in AND coalesce(c.phone, '') <> '' THEN 'sms'
    END AS channel,
    c.email, c.phone
  FROM collapsed k JOIN customers c ON c.id = k.customer_id),
-- Rule 8: reachable candidates ranked by priority, send_at, rule order, offer; first 1 kept.
limited AS (
  SELECT *,
    CASE WHEN channel IS NOT NULL THEN row_number() OVER (
      PARTITION BY customer_id, channel IS NOT NULL
      ORDER BY priority DESC, send_at, rule_order, offer) END AS slot
  FROM routed),
kept_rule AS (SELECT customer_id, rule AS kept_by FROM limited WHERE slot = 1),
-- Rule 9: FNV-1a 64-bit over name + U+0000 + customer id; held out when bucket < 500.
-- The name's state is folded once, then each kept customer's id, a character a step.
name_state(i, h) AS (
  SELECT 0, 14695981039346656037::UBIGINT
  UNION ALL
  SELECT i + 1, fnv1a_step(h, 'Service recovery loop' || chr(0), i + 1) FROM name_state
  WHERE i < length('Service recovery loop' || chr(0))),
id_state(customer_id, i, h) AS (
  SELECT k.customer_id, 0, n.h
  FROM (SELECT DISTINCT customer_id FROM limited WHERE slot = 1) k,
    (SELECT h FROM name_state ORDER BY i DESC LIMIT 1) n
  UNION ALL
  SELECT customer_id, i + 1, fnv1a_step(h, customer_id, i + 1) FROM id_state
  WHERE i < length(customer_id)),
holdout AS (
  SELECT customer_id, h % 10000 AS bucket FROM id_state WHERE i = length(customer_id))
SELECT l.customer_id, l.offer, l.rule, l.priority, l.trigger_id, l.merged,
  CASE
    WHEN l.channel IS NULL THEN 'unreachable'
    WHEN l.slot > 1 THEN 'capped'
    WHEN h.bucket < 500 THEN 'holdout'
    ELSE 'send' END AS status,
  CASE
    WHEN l.channel IS NULL THEN 'no reachable channel among ' || array_to_string(l.channels, ', ')
    WHEN l.slot > 1 THEN 'capped by ' || k.kept_by
    WHEN h.bucket < 500 THEN 'holdout bucket ' || h.bucket::VARCHAR
    ELSE '' END AS reason,
  l.channel,
  CASE l.channel WHEN 'email' THEN l.email WHEN 'sms' THEN l.phone END AS address,
  l.send_at, l.send_at + l.valid AS expires_at
FROM limited l
LEFT JOIN kept_rule k ON k.customer_id = l.customer_id
LEFT JOIN holdout h ON h.customer_id = l.customer_id;

-- phase: export
COPY (
  SELECT customer_id, channel, address, offer, strftime(send_at, '%Y-%m-%dT%H:%M:%SZ') AS send_at,
    strftime(expires_at, '%Y-%m-%dT%H:%M:%SZ') AS expires_at, rule, trigger_id
  FROM decisions WHERE status = 'send' AND offer = 'THANKS10' ORDER BY customer_id
) TO '{out}/THANKS10.csv' (HEADER);
COPY (
  SELECT customer_id, channel, address, offer, strftime(send_at, '%Y-%m-%dT%H:%M:%SZ') AS send_at,
    strftime(expires_at, '%Y-%m-%dT%H:%M:%SZ') AS expires_at, rule, trigger_id
  FROM decisions WHERE status = 'send' AND offer = 'SORRY25' ORDER BY customer_id
) TO '{out}/SORRY25.csv' (HEADER);
COPY (
  SELECT customer_id, channel, address, offer, strftime(send_at, '%Y-%m-%dT%H:%M:%SZ') AS send_at,
    strftime(expires_at, '%Y-%m-%dT%H:%M:%SZ') AS expires_at, rule, trigger_id
  FROM decisions WHERE status = 'send' AND offer = 'REFER20' ORDER BY customer_id
) TO '{out}/REFER20.csv' (HEADER);
COPY (
  SELECT customer_id, channel, address, offer, strftime(send_at, '%Y-%m-%dT%H:%M:%SZ') AS send_at,
    strftime(expires_at, '%Y-%m-%dT%H:%M:%SZ') AS expires_at, rule, trigger_id
  FROM decisions WHERE status = 'send' AND offer = 'STAY15' ORDER BY customer_id
) TO '{out}/STAY15.csv' (HEADER);
COPY (
  SELECT customer_id, offer, rule, trigger_id, merged, status, reason, channel, address,
    strftime(send_at, '%Y-%m-%dT%H:%M:%SZ') AS send_at,
    strftime(expires_at, '%Y-%m-%dT%H:%M:%SZ') AS expires_at
  FROM decisions ORDER BY customer_id, offer
) TO '{out}/decisions.csv' (HEADER);
COPY (
  SELECT rule, offer, status, count(*) AS decisions FROM decisions
  GROUP BY ALL ORDER BY rule, offer, status
) TO '{out}/summary.csv' (HEADER);
