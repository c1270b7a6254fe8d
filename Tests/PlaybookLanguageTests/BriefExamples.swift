/// The examples of the product brief, verbatim: they must parse, and mean what the
/// brief's comments say.
enum BriefExamples {
  static let playbook = #"""
    playbook "Service recovery loop"
    as of 2026-11-01T00:00:00Z        # evaluation clock; --as-of overrides; default: now
    window 30d                        # only triggers from the last 30 days fire (default 30d; `window all`)

    load customers from "../Examples/data/customers.csv"            # key column defaults to id
    load tickets from "../Examples/data/tickets.csv" link customer_id
    load orders from "../Examples/data/orders.csv" link customer_id
    load calls from "../Examples/data/calls.jsonl" link customer_id
        with opened = started_at      # map the lifecycle fields onto this file's columns

    define complaint = ticket where ticket.kind == "complaint"

    segment vip = customer.lifetime_value >= 1000 or customer.tier == "gold"

    channel email address customer.email requires customer.email_opt_in
    channel sms   address customer.phone requires customer.sms_opt_in

    offer THANKS10 "10% off your next order" valid 30d
    offer SORRY25  "25% off, and our apologies" valid 14d
    offer REFER20  "Give $20, get $20" valid 60d
    offer STAY15   "15% off if you stay with us" valid 21d

    rule quick_fix_thanks priority 5
      when complaint resolved within 4h and complaint.csat >= 4
      send THANKS10 via email after 1d

    rule slow_fix_apology priority 10
      when complaint resolved after 72h or complaint open for 72h
      send SORRY25 via email, sms after 2h     # first channel the customer can be reached on

    rule evangelist
      when ticket.csat == 5 and customer in vip
      unless count(complaint in last 90d) > 1
      send REFER20 via email after 3d

    rule cancel_risk priority 20
      when call.transcript contains any ["cancel", "switch", "competitor"]
      send STAY15 via sms, email

    limit 1 per customer              # at most one offer per customer per run
    holdout 5%                        # control group: decided, logged, never sent
    export to "../out" as csv
    """#

  static let test = #"""
    test "fast fixes are thanked"
      expect customer C-1001 gets THANKS10 via email
      expect customer C-1002 gets nothing
      expect customer C-1003 gets no SORRY25
      expect audience THANKS10 >= 10
    """#
}
