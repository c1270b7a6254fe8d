// Generated from docs/LANGUAGE.md by `make help-text`: do not edit here. LanguageHelpTests
// fails when this text and the document's differ.

/// The sections of docs/LANGUAGE.md that `:help TOPIC` shows, verbatim: from
/// "## Statements" up to "## After every rule".
enum LanguageReference {
  /// The sections' markdown.
  static let markdown = ##"""
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

    Event rows whose link names no customer are set aside and reported, not evaluated. A
    duplicate or empty customer key is an error that stops the run. An empty or
    whitespace-only field (quoted or not) is null; `nulls "NA", "-"` adds texts that mean
    null, `timezone "Europe/Rome"` says what zone times without an offset are in, and
    `types col = timestamp "%d/%m/%Y %H:%M"` gives a column's time format (see
    [Nulls, booleans and times](#nulls-booleans-and-times)).

    A table linked to the customers only through another table (reviews through their
    orders) says so with `link COL to TABLE`: see "Rows that link through another table".

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
    ```

    ### `offer CODE ["description"] [valid DURATION]`
    An offer a rule can send; `valid` sets how long it lasts (`expires_at` = `send_at` +
    valid). The code names the offer's audience file in the export, so `check` refuses two
    codes that differ only in case (one file on a disk that ignores case) and the codes
    `decisions` and `summary`, in any case (the export's own files): `offer_name_clash`.

    ```
    offer THANKS10 "10% off your next order" valid 30d
    ```

    ### `rule NAME [priority N]`
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
      `unreachable`. A rule needs at least one `send`.
    - `priority` (default 0; higher wins) breaks ties between rules.
    - A rule spans its lines until a blank line or the next statement.

    A rule whose `when` names an event row (`complaint`, `ticket`, `call`) is tried once per
    such row of each customer; that row is the trigger. Otherwise it is tried once per
    customer. Two different event rows cannot both be bound in one rule's trigger.

    **Trigger time.** For a resolved-phrase that holds it is `resolved`; for `open for D`
    it is opened + D; otherwise `opened`. Customer-only rules trigger at the clock. In
    `a or b` with lifecycle phrases, the trigger time comes from the first phrase, in
    source order, that holds. Triggers after the clock, or before clock − window, do not
    fire. `send_at` = max(trigger time + after, clock) (no `after` is 0).

    ### `limit N per customer [per D]`
    At most N offers per customer per run. With `per D` the limit spans runs: it counts what
    the send ledger holds for the customer with `send_at` within D before the clock, plus
    this run's sends (see [LEDGER.md](LEDGER.md)); without a ledger it is per run. Without
    `per D` the limit is per run even with a ledger, so runs every night would stack one offer
    per night: with a ledger `check` and `run` warn (`limit_per_run`) and offer the line
    `limit N per customer per 7d` as the fix-it. A customer's reachable candidates are ranked by
    priority (descending), `send_at`, rule order in the file, then offer code; the first N
    are kept and the rest are `capped`. Unreachable candidates never take a slot.

    ```
    limit 1 per customer per 7d
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

    ### `export to "dir" [as csv|jsonl]`
    Where the results go: one file per offer, a decisions log, and a summary.

    ```
    export to "out/tonight" as csv
    ```

    ### `ledger "file"`
    The send ledger that remembers what was sent, so no customer gets the same offer twice.

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

    ### Functions

    | function | gives |
    | --- | --- |
    | `lower(TEXT)`, `upper(TEXT)` | the text in lower or upper case (Unicode rules: `lower("ÉMILE")` is `émile`) |
    | `trim(TEXT)` | the text without the spaces, tabs and line breaks around it (`" Gold "` is `Gold`) |
    | `length(TEXT)` | the number of characters (`é` is one) |
    | `coalesce(A, B, …)` | the first argument that is not null (an empty text counts as null, as for `is null`); all of one type |
    | `days_between(FROM, TO)` | whole days from one time to the other: 24-hour periods, rounded toward zero, negative when `TO` is earlier |
    | `month(TIME)` | 1 (January) to 12, in UTC |
    | `day_of_week(TIME)` | 1 (Monday) to 7 (Sunday), as ISO 8601 numbers them, in UTC |
    | `hour(TIME)` | 0 to 23, in UTC |

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
