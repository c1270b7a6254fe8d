// Generated from docs/LANGUAGE.md by `make help-text`: do not edit here. LanguageHelpTests
// fails when this text and the document's differ.

/// The sections of docs/LANGUAGE.md that `:help TOPIC` shows and `playloop mcp` serves,
/// verbatim: from "## Statements" up to "## After every rule".
public enum LanguageReference {
  /// The sections' markdown.
  public static let markdown = ##"""
    ## Statements

    ### `playbook "name"`
    Names the playbook. The name appears in the summary and, unless `holdout … seed` gives
    another, seeds the holdout hash.

    ```
    playbook "Service recovery loop"
    ```

    ### `as of TIMESTAMP`
    The evaluation clock: the moment the playbook is run "as of". `--as-of` on the command
    line overrides it; without either the clock is the current time. The clock is a view
    of the world: rows opened after it do not exist yet, and a timestamp after it has not
    happened yet (a ticket resolved after the clock is still open at the clock). So
    `--as-of` replays the past faithfully.

    ```
    as of 2026-11-01T00:00:00Z
    ```

    ### `window DURATION` | `window all`
    Only triggers inside the window fire: clock − window ≤ trigger time ≤ clock (both ends
    included). The default is `30d`; `window all` turns the limit off.

    ```
    window 14d
    ```

    ### `load TABLE [as ROW] from "path" [key COL] [link COL [to TABLE]] [with f = col, …] [types col = T, …] [nulls "NA", …] [timezone "Zone"] [delimiter ";"] [encoding "latin1"]`
    Reads a table from a CSV or JSONL file (relative paths resolve against the playbook's
    own folder). A table named `xs` gives rows called `x` (`tickets` → `ticket`); `as`
    names the row otherwise. `key` is the row id column (default `id`); every non-customer
    table links to a customer through `link` (default `customer_id`). The lifecycle fields
    of an event row are `opened` (column `opened_at`), `responded` (`first_response_at`)
    and `resolved` (`resolved_at`); `with field = column` maps them (or any field) onto a
    file's own columns. `types` states a column's type where inference guesses wrong.
    Clauses may sit on the following lines:

    ```
    load calls from "data/calls.jsonl" link customer_id
      with opened = started_at
      types agent_id = text
    ```

    A column is named as a plain word when one spells it, and in quotes otherwise: real
    headers have spaces, capitals and symbols. `key`, `link`, `with` (on the right of `=`)
    and `types` take a quoted column; the field on the left of `with` stays a plain word,
    because that is what the playbook writes (`customer.total`). `fmt` quotes a column only
    when no word spells it. A field that is close to a header no word spells is answered
    with the `with` line that makes it usable (``add `with total_charges = "Total Charges"` to the
    load``), never with a name the language cannot write:

    ```
    load customers from "data/crm.csv" key "Customer ID"
      with total = "Total Charges", email = "E-mail"
      types "Signup Date" = date
    load orders from "data/orders.csv" key "Order No" link "Customer ID"
    ```

    Event rows whose link names no customer are set aside and reported, not evaluated, and
    so is an event row whose key repeats an earlier row's in the file (`ticket "T-1" is
    already on line 2`): the first row of a key is the event. A duplicate or empty customer
    key is an error that stops the run. An empty or whitespace-only field (quoted or not)
    is null; `nulls "NA", "-"` adds texts that mean null, `timezone "Europe/Rome"` says what
    zone times without an offset are in, and `types col = timestamp "%d/%m/%Y %H:%M"` gives a column's time format (see
    [Nulls, booleans and times](#nulls-booleans-and-times)).

    A table linked to the customers only through another table (reviews through their
    orders) says so with `link COL to TABLE`: see "Rows that link through another table".

    A table can come from a SQLite file instead: `from sqlite "app.db" table "customers"`
    reads every row and column of a table (or view), `from sqlite "app.db" query "select …"`
    those of one query (`table` or `query` sits on the `from` line). The path resolves as a
    data file's does; the file is opened read-only and read in one transaction.
    `key`, `link`, `with`, `types`, `nulls` and `timezone` work as on a file; `delimiter`
    and `encoding` are errors. Each column's type is its declared one, never inferred:
    `…INT…` integer, `…REAL…`/`FLOAT`/`DOUBLE`/`NUMERIC`/`DECIMAL` decimal, `…CHAR…`/`…TEXT…`/`CLOB`
    text, `…BOOL…` boolean (0/1, true/false), `DATETIME` and `TIMESTAMP…` timestamp, `DATE`
    date; a column declared otherwise (a query's expression, `BLOB`, none) takes the type
    its values are stored as (integers, reals — decimal — or else text). Times are ISO 8601
    text as in a data file (a time stored as epoch seconds is not read as one). `types`
    overrides a column's type; key and link columns are text, as always. A value that
    does not fit its column's type (SQLite stores `'lots'` in an INTEGER column) sets its
    row aside, named by its key: `customer "P-2": value "lots" in column score is not an
    integer`. A database keeps rows in no order, so the loader puts a result's rows in
    byte order of their values, the first column first (a null before any value): the
    line a set-aside row reports is its number in that order, and of rows with one
    repeated event key the one kept is the first by its other columns' bytes (see "Rows set
    aside"); how a table happens to be stored never changes a run's output. A missing table
    is the error `load_bad_database`, its hint the nearest table name or the tables there,
    and a query SQLite refuses is too, with SQLite's message.

    ```
    load customers from sqlite "app.db" table "customers"
    load tickets from sqlite "app.db" query "select * from tickets where kind <> 'spam'"
      with opened = created_at
    ```

    Or from PostgreSQL: `from postgres table "tickets"` (a schema-qualified
    `"support.tickets"` is table `tickets` of schema `support`; both parts are quoted as
    identifiers, so a name is only ever a name) or `from postgres query "select …"`. The
    playbook names no server and holds no connection setting, and a path after `postgres`
    is an error: Playloop connects with `PLAYLOOP_POSTGRES_URL` (a libpq connection string
    or `postgresql://` URI) when it is set, else with libpq's own variables (`PGHOST`,
    `PGPORT`, `PGDATABASE`, `PGUSER`, `PGPASSWORD`, `PGSERVICE`, `~/.pgpass`…). A server
    that cannot be reached is the error `load_database_unreachable` at the load, naming
    the host, port, database and user tried, never the password. Every postgres load of a
    run reads on one connection inside one `REPEATABLE READ READ ONLY` transaction, so the
    run sees one snapshot and cannot write; rows come through `COPY (…) TO STDOUT`. The
    session is set to UTC, ISO dates and UTF-8, so values read the same whatever the
    server's defaults. Each column's type is the database's: `int2`/`int4`/`int8` integer;
    `numeric`/`float4`/`float8` decimal; `bool` boolean; `text`/`varchar`/`char`/`name`/
    `uuid`/`citext` text; `timestamptz` timestamp (its exact instant); `timestamp` (without
    time zone) timestamp, its wall time read in the load's `timezone`, UTC when it has none;
    `date` date; a domain takes its base type's. Any other type (`jsonb`, `interval`,
    arrays…) is read as its text, and `describe` says so (`text: the database's type jsonb
    has no Playloop type`). SQL `NULL` is null. A value the language cannot hold
    (`'infinity'`, a numeric `NaN`) sets its row aside by key; messages name the rows
    `postgres:TABLE` (`postgres:query(LOAD)` for a query), with the row's number in the
    loader's order as its line. `key`, `link`, `with`, `types`, `nulls` and `timezone` work
    as on a file; `delimiter` and `encoding` are errors.

    ```
    load customers from postgres table "customers"
    load tickets from postgres query "select * from support.tickets where kind <> 'spam'"
      link customer_id
    ```

    ### `define NAME = ROW where CONDITION`
    A new row name for the rows of another that match a condition:
    `define complaint = ticket where ticket.kind == "complaint"`. A `complaint` is a
    `ticket`, so its fields are the ticket's.

    ```
    define complaint = ticket where ticket.kind == "complaint"
    define refund_call = call where call.transcript contains "refund"
    ```

    ### `segment NAME = CONDITION`
    A named customer condition, used as `customer in NAME`:
    `segment vip = customer.lifetime_value >= 1000 or customer.tier == "gold"`.

    ```
    segment vip = customer.lifetime_value >= 1000 or customer.tier == "gold"
    segment at_risk = count(complaint in last 90d) > 1
    ```

    ### `channel NAME address EXPR [requires EXPR]`
    A way to reach a customer. A channel is reachable when its `requires` is true (null
    counts as false) and its address is present (not null, not empty).

    ```
    channel email address customer.email requires customer.email_opt_in
    channel sms address customer.phone requires customer.sms_opt_in
      quiet 21:00-08:00
      days mon-fri
    ```

    Lines under a channel set when it sends, on the customer's clock (see `timezone`):
    `quiet START-END` are hours it sends nothing (the end may be before the start: quiet
    over midnight), and `days` the days it sends on (`mon-fri`, `mon,wed,fri`, `sat-sun`; a
    run may wrap past Sunday, `fri-mon`). A send that would fall in quiet hours or on
    another day waits for the window to open: the end of the quiet hours (or midnight, when
    midnight is not quiet) on the next day the channel sends. `explain` says so:
    `moved from 22:40 to 08:00 local (quiet hours 21:00-08:00)`. The send's `expires_at`
    counts from the new time. Only the channel chosen for a send moves it. A channel without
    these lines sends at any time. `check` reports a time that is not one (`25:00`), quiet
    hours that start and end at the same time, an unknown day (with did-you-mean) and a line
    given twice. At the shell's prompt each `quiet` or `days` line typed right after a
    channel replaces the channel with its lines so far.

    ### `timezone customer.FIELD default "ZONE"`
    Where each customer's time zone is read: a text field holding IANA zone names
    (`Europe/Rome`, `America/New_York`), from the system's time-zone database (Debian's
    `tzdata`); the field may be a renamed column (`with tz = "Time Zone"` on the customers'
    `load`). A name is read as written, else without the spaces around it and ignoring letter
    case (` europe/rome ` is `Europe/Rome`). Customers whose field is null, or names a zone
    the machine does not know, are given the default zone; `check`, `run` and the shell
    (`:load`, `:check`) warn how many have an unknown one, with an example
    (`unknown_zone_values`). `check` reports a field that is not text, a default that
    is no zone (with did-you-mean) and a second `timezone`. Without the statement every
    customer's clock is UTC.

    The customer's zone is the clock for the channels' `quiet` and `days`, and for the
    functions `month`, `day_of_week` and `hour`. Across a change of clocks the window follows
    the wall clock: `quiet 21:00-08:00` ends at 08:00 local before and after the change. A
    quiet end that does not exist that night (`02:30` when clocks go from 02:00 to 03:00)
    opens at the change itself (03:00 summer time); one that happens twice (when clocks go
    back) opens at the first. With the statement, the audience files and the decisions log
    gain a `local_send_at` column after `send_at`: the same moment on the customer's clock,
    with its offset (`2026-12-07T08:00:00-05:00`); `send_at` stays UTC.

    ```
    timezone customer.tz default "America/New_York"
    ```

    ### `offer CODE ["description"] [valid DURATION]`
    An offer a rule can send; `valid` sets how long it lasts (`expires_at` = `send_at` +
    valid). The code names the offer's audience file in the export, so `check` refuses two
    codes that differ only in case (one file on a disk that ignores case) and the codes
    `decisions` and `summary`, in any case (the export's own files): `offer_name_clash`.

    ```
    offer THANKS10 "10% off your next order" valid 30d
    ```

    ### `subject CHANNEL "…"` and `message CHANNEL "…"`
    Lines under an offer that say what the customer reads on a channel: a `subject` (for
    email; any channel may have one) and a `message`. Each is a template in the Liquid
    syntax of Braze, Customer.io and Dittofeed, filled in for each decision that sends; see
    "Messages" below for what a template may say.

    ```
    offer SORRY25 "25% off, and our apologies" valid 14d
      subject email "Sorry for the wait, {{ customer.first_name | default: "there" }}"
      message email "Your ticket {{ trigger.id }} took {{ trigger.resolution }}. Use SORRY25 until {{ expires_at | date: "%b %-d" }}."
      message sms "Sorry for the wait: SORRY25 gives 25% off until {{ expires_at | date: "%b %-d" }}"
    ```

    A decision whose message cannot be filled in — a value that is null with no `default`,
    or an `{% abort %}` — is not sent: its status is `unrendered`, with the reason
    (`message email: trigger.resolution is null`). It takes no place under `limit`, so the
    customer's next-best offer is sent instead; a holdout customer's messages are filled in
    the same way, so the control group mirrors what is sent. A channel the offer has no
    `message` line for sends without a message: `check` warns at the rule's `via` channel
    (`missing_message`). `check` points inside the string at an
    unknown variable, field, filter or date format, with a did-you-mean, and at an unknown
    channel. When a `message sms` (the channel named `sms`) is longer than one text for some
    customers — 160 GSM-7 characters, or 70 when it holds a character GSM-7 lacks and must
    go as UCS-2 — `run` and `:run` warn how many (`long_sms`). At the shell's prompt an
    offer is added as soon as its line is typed; each `subject` or `message` line typed
    right after it replaces the offer with its lines so far (`replaced offer SORRY25`).

    ### `rule NAME [priority N] [every D]`
    ```
    rule evangelist priority 3
      when ticket.csat == 5
      and customer in vip
      unless count(complaint in last 90d) > 1
      send REFER20 via email, sms after 3d
    ```
    - `when` states a condition; each `and` line adds another; all must hold.
    - `unless` states an exception; the rule does not fire when any `unless` holds. An `and`
      line after an `unless` joins that exception (`unless a` / `and b` is `unless a and b`).
    - `send OFFER via ch1, ch2 [after D]` names the offer and the channels in order of
      preference: the first reachable one is used, and with none the decision is
      `unreachable`. A rule needs at least one `send`. `send A 70% or B 30% via …` splits
      the customers between offers (an A/B test; see "A/B test variants").
    - `priority` (default 0; higher wins) breaks ties between rules.
    - `every D` lets a customer-level rule send to the same customer again (see "Qualifying
      again").
    - A rule spans its lines until a blank line or the next statement.

    A rule whose `when` names an event row (`complaint`, `ticket`, `call`) is tried once per
    such row of each customer; that row is the trigger. Otherwise it is tried once per
    customer. Two different event rows cannot both be bound in one rule's trigger.

    **Trigger time.** For a resolved-phrase that holds it is `resolved`; for `open for D`
    it is opened + D; otherwise `opened`. Customer-only rules trigger at the clock. In
    `a or b` with lifecycle phrases, the trigger time comes from the first phrase, in
    source order, that holds. Triggers after the clock, or before clock − window, do not
    fire. `send_at` = max(trigger time + after, clock) (no `after` is 0).

    **Qualifying again: `every D`.** With a send ledger, a customer-level rule (one whose
    `when` names no event row) sends to a customer once ever: later runs decide it
    `already_sent`. `rule winback priority 2 every 90d` may send to the customer again once
    90 days have passed since this rule's last send to them, as the ledger recorded it (its
    `send_at`, whatever the offer). Precisely: with the last send at `send_at` = S, a run at
    clock C sends again when C − S ≥ D, so exactly 90 days later counts, one second less
    does not. Until then the decision is `already_sent` with the day it becomes eligible:
    `eligible again on 2027-03-02 (every 90d since the last send on 2026-12-02, run 7)`
    (UTC dates, with the time when it is not midnight; run 7 is the ledger's seventh run).
    A send scheduled after the clock (`after 3d`) counts from when it goes out. Only sends
    recorded by earlier runs count, as for `already_sent`.
    - A rule with a trigger row already sends once per trigger row, again for each new one,
      so `every` there is an error (`every_with_trigger`) pointing at the duration; to space
      a customer's offers out, use `limit 1 per customer per 90d`.
    - `every` reads the ledger: in a playbook that names no `ledger`, `check` warns
      (`ledger_required`) at the duration, since without one the rule sends again on every
      run. `run --ledger FILE` gives one, and the warning goes.

    ```
    rule winback priority 2 every 90d
      when customer.last_order_at < now - 180d
      send COMEBACK20 via email
    ```

    ### A/B test variants
    ```
    rule quick_fix_thanks priority 5
      when complaint resolved within 4h and complaint.csat >= 4
      send THANKS10 70% or THANKS15 30% via email after 1d
    ```
    `send A 70% or B 30% via …` gives each customer one of the offers: A to 70% of the
    customers, B to 30%. `send A or B or C via …` splits evenly. The offers are the split's
    variants, named `A`, `B`, `C`, … in the order written; they share the line's channels
    and `after`. Either every offer has a share or none has; shares are above 0% and add up
    to exactly 100% (`check` points at them otherwise), and an offer is in a split once.

    **Who gets which.** A customer's bucket is FNV-1a 64-bit over the UTF-8 bytes of
    `variant` + U+0000 + seed + U+0000 + rule name + U+0000 + customer id, mixed by
    MurmurHash3's 64-bit finalizer (`x ^= x >> 33; x *= 0xff51afd7ed558ccd; x ^= x >> 33;
    x *= 0xc4ceb9fe1a85ec53; x ^= x >> 33`), mod 10000. The variants take the buckets in
    order: with 70% and 30%, buckets 0–6999 get A and 7000–9999 get B (a share is counted in
    hundredths of a percent; an even split of N gives variant i the buckets from
    10000 × i / N). The seed is the experiment's: the `holdout` line's `seed`, else the
    playbook's name, as for the holdout. So a customer gets the same variant on every run,
    and whatever else the playbook says; renaming the rule (or the playbook, without a
    seed) reshuffles it. The word `variant` in front keeps the buckets independent of the
    holdout's, so each variant has its share of the control group. Every split line of one
    rule uses the customer's one bucket: variant A of one line goes with variant A of the
    next.

    **Then as any offer.** The variant is chosen when the candidate is made, so from then on
    it is that offer: duplicates collapse by it, `limit` ranks it by its code, the holdout
    holds it out and the ledger records it when sent. `already_sent` asks about every offer
    of the split, so a customer whose variant changed (new shares, a new seed) is not sent
    the other one for the same trigger. A
    held-out, capped or unreachable customer keeps its variant in the decisions log, so each
    arm can be compared with its share of the control group.

    **Where it shows.** The decisions log gains a `variant` column after `offer` (`A`, `B`,
    …; empty for the rules that do not split) when any rule splits; `summary.json` gains
    `variants`, one object per variant with its rule, offer, share and counts by status;
    `playloop run` and the shell's `:run` add a table by variant (`quick_fix_thanks A:
    THANKS10 70%`); `explain` names the customer's variant: `in variant B (THANKS15) of the
    split, as 30% of customers are; always the same for them` (with `--detail`, the bucket:
    `variant B: THANKS15 (bucket 8123 of 10000 ≥ 7000)`).

    ### `limit N per customer [per D] [via CHANNEL]`
    At most N offers per customer per run. With `per D` the limit spans runs: it counts what
    the send ledger holds for the customer with `send_at` within D before the clock, plus
    this run's sends (see [LEDGER.md](LEDGER.md)); without a ledger it is per run. Without
    `per D` the limit is per run even with a ledger, so runs every night would stack one offer
    per night: with a ledger `check` and `run` warn (`limit_per_run`) and offer the line
    `limit N per customer per 7d` as the fix-it. A customer's reachable candidates are ranked by
    priority (descending), `send_at`, rule order in the file, then offer code; the first N
    are kept and the rest are `capped`. Unreachable candidates never take a slot.

    **Per channel, and several limits.** `via CHANNEL` counts only the offers sent on that
    channel (the one chosen for the offer; with a ledger, the sends recorded on it), so
    `limit 1 per customer per 7d via sms` caps text messages at one a week while email goes
    on. A playbook may have several `limit` lines and every one applies. They share the one
    ranking above: the customer's reachable candidates are taken best first, and one is sent
    when every limit that counts it (each limit without `via`, and each via its channel) has
    a slot left; it then takes a slot of each. Otherwise it is `capped`, naming the first
    full limit in file order: `capped by cancel_risk (limit 1 per customer per 7d via sms)`
    (the rule of the last offer that took a slot of that limit) or `capped: limit 1 per
    customer per 7d via sms already reached by earlier runs`. A capped offer takes no slot,
    so the next best (an email, say) can still be sent under the overall limit. An offer
    capped on its channel is not moved to the send's next channel. Typed again in the shell,
    a `limit` line replaces the one with the same `via` (or none).

    ```
    limit 2 per customer per 7d
    limit 1 per customer per 7d via sms
    ```

    ### `holdout N% [seed "TEXT"]`
    A control group: the customer is held out when FNV-1a 64-bit over the UTF-8 bytes of
    seed + U+0000 + customer id, mod 10000, is below N × 100. Held-out customers'
    kept candidates become `holdout`: decided and logged, never sent.

    The **default seed is the playbook's name** (`playbook "…"`), so without a seed renaming
    the playbook reshuffles who is held out. Give an experiment its own seed
    (`holdout 5% seed "recovery-2026"`) and the group stays put whatever the playbook is
    called. A ledger records the percent and the seed of its first run; a later ledgered run
    with a different holdout is refused (exit 3) unless `--new-holdout` says a new experiment
    starts (see [LEDGER.md](LEDGER.md)).

    ```
    holdout 5% seed "recovery-2026"
    ```

    ### `export to "dir" [as FORMAT]`
    Where the results go: one file per offer, a decisions log, and a summary. FORMAT is
    `csv` (the default) or `jsonl`, or a sending tool whose user import takes the audience
    files as they are: `braze`, `customerio`, `hubspot`, `mailchimp`, `iterable` (see
    [EXPORTS.md](EXPORTS.md)). A misspelt format is an error with the nearest one suggested.

    ```
    export to "out/tonight" as csv
    ```

    ### `ledger "file"`
    The send ledger that remembers what was sent, so no customer gets the same offer twice.
    A rule's `every D` and the `sent(…)` conditions read it.

    ```
    ledger "sends.sqlite"
    ```

    ### `test "name"`
    ```
    test "fast fixes are thanked"
      as of 2026-11-01
      load tickets from "fixtures/tickets.csv" link customer_id
      expect customer C-1001 gets THANKS10 via email
      expect customer C-1002 gets nothing
      expect customer C-1003 gets no SORRY25
      expect audience THANKS10 >= 10
    ```
    Run by `playloop test`. `as of` sets the clock for this test; an indented `load`
    replaces the playbook's table of the same name for this test only. `gets OFFER [via
    CH]` passes when the customer's decisions include the offer as `send` (on that channel);
    `gets no OFFER` when they do not; `gets nothing` when the customer gets no offer at all;
    `audience OFFER >= N` compares the number of customers the offer is sent to.

    ## Expressions

    | form | meaning |
    | --- | --- |
    | `a and b`, `a or b`, `not a` | logic; a condition that reads a null does not hold (see Nulls) |
    | `== != < <= > >=` | comparison; a comparison with null is false |
    | `+ - * /`, unary `-` | arithmetic; `now - 2d`, timestamps ± durations |
    | `x in vip` / `x not in vip` | segment membership |
    | `x in [a, b]` / `x not in [a, b]` | list membership |
    | `x contains "text"` | case-insensitive substring: `"switching"` contains `"switch"` |
    | `x contains any ["a", "b"]` | contains at least one of them |
    | `x is null` / `x is not null` | tests for a missing value |
    | `x between a and b` / `x not between a and b` | `a <= x and x <= b`, both ends included; numbers, times or durations |
    | `x starts with "text"`, `x ends with "text"` | case-insensitive, like `contains` |
    | `x matches "regex"` | case-insensitive regular expression, found anywhere in `x` (anchor with `^` and `$`) |
    | `lower(x)`, `coalesce(a, b)`, … | a function (see Functions) |
    | `sent(SORRY25 via email in last 14d)`, `sent(any in last 14d)` | the ledger holds such a send to the customer (see Conditions on what was sent) |
    | `row.field` | a field of the customer or of an event row |
    | `now` | the evaluation clock |

    Precedence, loosest first: `or`, `and`, `not`, comparisons (`in`, `contains`, `is`,
    `between`, `starts with`, `ends with`, `matches`), `+ -`, `* /`, unary `-`. Parentheses
    group. A type error (comparing text with a number) is caught by `check`, not at run time.

    ### Lifecycle phrases
    After a bare event-row name:

    | phrase | holds when |
    | --- | --- |
    | `complaint resolved` | it has been resolved (as of the clock) |
    | `complaint resolved within 4h` | resolved − opened ≤ 4h |
    | `complaint resolved after 72h` | resolved − opened > 72h |
    | `ticket responded within 1h` | first response − opened ≤ 1h |
    | `ticket responded after 1h` | first response − opened > 1h |
    | `complaint open for 72h` | not resolved as of the clock, and clock − opened ≥ 72h |
    | `complaint in last 90d` | clock − 90d ≤ opened ≤ clock |

    ### Conditions on what was sent
    ```
    rule apology
      when complaint resolved after 72h
      unless sent(any in last 14d)
      send SORRY25 via email
    ```
    `sent(OFFER [via CHANNEL] [in last D])` holds when the send ledger holds a send of that
    offer to the customer (`sent(any …)`: of any offer), on that channel with `via`, and
    with `in last D` one whose `send_at` is at or after clock − D (a send scheduled after
    the clock counts: it is promised already). It is true or false, never null, and may
    stand wherever a condition does (`when`, `and`, `unless`, segments, defines). OFFER must
    be a declared offer and CHANNEL a declared channel (`check` suggests the nearest).
    - Only sends recorded by earlier runs count, not what this run decides: a rule's
      `unless sent(any in last 14d)` does not see an offer another rule sends tonight (use
      `limit` for that). A replay of an earlier run sees the runs before it, as its limits do.
    - It reads the ledger: in a playbook that names no `ledger`, `check` warns
      (`ledger_required`) at the condition, since without one it is never true; `run
      --ledger FILE` gives one and the warning goes. The shell's `:run` reads no ledger, so
      there it is false (its `:export` on a ledgered playbook decides as `run` does).
    - `explain` shows its value and the send that made it true: `✗ unless sent(any in last
      14d): last: COMEBACK via email at 2026-12-01T00:00:00Z (run 1)`.
    - Cost: the ledger keeps, per distinct (offer, channel) the playbook asks about, each
      customer's latest send, and the run maps them to customers once; each evaluation
      then reads one number per customer.

    ### Functions

    | function | gives |
    | --- | --- |
    | `lower(TEXT)`, `upper(TEXT)` | the text in lower or upper case (Unicode rules: `lower("ÉMILE")` is `émile`) |
    | `trim(TEXT)` | the text without the spaces, tabs and line breaks around it (`" Gold "` is `Gold`) |
    | `length(TEXT)` | the number of characters (`é` is one) |
    | `coalesce(A, B, …)` | the first argument that is not null (an empty text counts as null, as for `is null`); all of one type |
    | `days_between(FROM, TO)` | whole days from one time to the other: 24-hour periods, rounded toward zero, negative when `TO` is earlier |
    | `month(TIME)` | 1 (January) to 12, in UTC, or in the customer's zone with a `timezone` statement |
    | `day_of_week(TIME)` | 1 (Monday) to 7 (Sunday), as ISO 8601 numbers them, in UTC or the customer's zone |
    | `hour(TIME)` | 0 to 23, in UTC or the customer's zone |

    A function of a null is null (so a condition that reads it does not hold), except
    `coalesce`, which is there to replace one. `check` reports an unknown function with the
    known ones, a wrong number of arguments with the way to write the call, and an argument
    of the wrong type.

    ```
    segment gold = lower(trim(customer.tier)) == "gold"
    segment reachable = length(coalesce(customer.email, customer.phone)) > 0
    segment weekend_buyers = count(order where day_of_week(order.opened) >= 6) >= 3
    ```

    ### Aggregates
    `count(ROW [where COND] [in last D])`, `sum(ROW.FIELD …)`, `avg`, `min`, `max` range over
    all of the customer's rows and bind no trigger (unless their filter refers to it, below). They ignore the rule's window, and
    count the trigger row itself when it matches: `count(complaint in last 90d) > 1`.
    They are type-checked like everything else: `sum`/`avg` need a number field, `min`/`max`
    a number or a time, `where` a condition, and `in last` a time column behind `opened`
    (`count(ticket in last 90d)` over a text column is the same error as `ticket in last
    90d`, never a count of 0).

    ```
    segment loyal = count(order in last 365d) >= 5
    segment pleased = avg(ticket.csat) >= 4
    ```

    **Referring to the trigger row.** In a rule, an aggregate's `where` may compare its row
    with the rule's trigger row, once, with `<`, `<=`, `>` or `>=`, joined to the rest of the
    filter with `and`. The side that reads the aggregated row is a number, time or duration;
    the other side reads the trigger (and maybe the customer). A row named only there is
    the rule's trigger, as anywhere in `when`.

    ```
    rule no_order_since_the_fix
      when complaint resolved and count(order where order.opened > complaint.resolved) == 0
      send SORRY25 via email
    rule repeat_complainer
      when count(complaint where complaint.opened >= ticket.opened - 7d) >= 2
      send CALLBACK via phone
    rule csat_dropped
      when complaint.csat <= 2 and max(ticket.csat where ticket.opened < complaint.opened) >= 4
      send SORRY25 via email
    ```

    The value is worked out for each trigger row. A tie is decided by the operator: an order
    opened at the very second the complaint was resolved is not `>` it, and is `>=` it. An
    aggregated row whose compared value is null passes no comparison; a trigger whose value
    is null (a complaint not yet resolved) lets no row pass, so `count` is 0, `sum` 0 and
    `avg`/`min`/`max` null. Inside `count(complaint …)` the name `complaint` is the
    aggregated row, so to compare complaints with the trigger complaint, name the aggregated
    rows another way (`count(ticket where ticket.kind == "complaint" and ticket.opened <
    complaint.opened)`). `check` reports a comparison with the trigger under `or` or `not`,
    a second one, `==`/`!=`, and one whose sides mix the two rows (`order.opened -
    complaint.opened > 1d`: write `order.opened > complaint.opened + 1d`). Cost: the rows are
    sorted once per customer and each trigger is a binary search (docs/PERFORMANCE.md), so a
    rule never rescans a customer's rows per trigger. Segments, defines and channels have no
    trigger: there an aggregate reads only its row and the customer.

    """##
}
