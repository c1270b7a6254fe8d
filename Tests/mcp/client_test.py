"""Drives `playloop mcp` with the reference MCP client (the Python SDK, `pip install mcp`):
lists the tools and resources, calls each tool, and checks the answers and the errors.
Run by `make mcp-test`: python3 Tests/mcp/client_test.py PLAYLOOP_BINARY"""

import asyncio
import json
import os
import shutil
import sys
import tempfile

from mcp import ClientSession, StdioServerParameters
from mcp.client.stdio import stdio_client

PLAYLOOP = os.path.abspath(sys.argv[1])
REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
FLAGSHIP = os.path.join(REPO, "Playbooks", "service-recovery.playbook")
failures = []


def check(condition, what):
    print(("ok   " if condition else "FAIL ") + what)
    if not condition:
        failures.append(what)


def answer(result):
    """The tool's JSON document (its one text content)."""
    return json.loads(result.content[0].text)


async def session(args, body):
    params = StdioServerParameters(command=PLAYLOOP, args=["mcp"] + args, cwd=REPO)
    async with stdio_client(params) as (read, write):
        async with ClientSession(read, write) as s:
            await s.initialize()
            await body(s)


async def read_only(s):
    tools = {t.name: t for t in (await s.list_tools()).tools}
    check(sorted(tools) == ["check", "describe", "diff", "explain", "run", "sample", "test"],
          f"tools listed: {sorted(tools)}")
    check(tools["diff"].input_schema["required"] == ["what_if"], "diff requires statements")
    check(tools["explain"].input_schema["required"] == ["customer"], "explain requires a customer")

    resources = {str(r.uri) for r in (await s.list_resources()).resources}
    check(resources == {"playloop://playbook", "playloop://docs/language"}, f"resources: {sorted(resources)}")
    text = (await s.read_resource("playloop://playbook")).contents[0].text
    check(text == open(FLAGSHIP, encoding="utf-8").read(), "the playbook resource is the file's text")
    language = (await s.read_resource("playloop://docs/language")).contents[0].text
    check(language.startswith("## Statements") and "### `rule NAME" in language, "the language reference is served")

    checked = await s.call_tool("check", {})
    check(not checked.is_error and answer(checked)["diagnostics"] == [], "check: the flagship has no diagnostics")

    run = await s.call_tool("run", {})
    summary = answer(run)
    check(not run.is_error and summary["export"] is None and summary["run_id"] is None, "run: a dry run by default")
    audiences = {offer: counts["send"] for offer, counts in summary["offers"].items()}
    check(audiences.get("THANKS10") == 7 and audiences.get("STAY15") == 12, f"run: audiences {audiences}")

    explained = await s.call_tool("explain", {"customer": "C-0007"})
    doc = answer(explained)
    check(not explained.is_error and doc["customer_id"] == "C-0007", "explain: answers for C-0007")
    check(doc["customer"]["name"] == "Łukasz Nowak", f"explain: names the customer ({doc['customer']})")
    whys = [d["why"] for d in doc["decisions"]]
    check(any(w.startswith("another offer won: STAY15 from cancel_risk") for w in whys), f"explain: says why ({whys})")
    sends = [d for d in doc["decisions"] if d["status"] == "send"]
    check([d["offer"] for d in sends] == ["STAY15"], f"explain: C-0007 gets STAY15 ({sends})")

    # What if cancel_risk came last? C-0007's complaint thanks win the week's one slot.
    rule = ('rule cancel_risk priority 1\n  when call.transcript contains any ["cancel", "switch", "competitor"]\n'
            '  send STAY15 via sms, email')
    what_if = answer(await s.call_tool("explain", {"customer": "C-0007", "what_if": rule}))
    sends = [d["offer"] for d in what_if["decisions"] if d["status"] == "send"]
    check(what_if["what_if"] == ["replaced rule cancel_risk"] and sends == ["THANKS10"],
          f"explain what_if: C-0007 would get THANKS10 instead ({what_if['what_if']}, {sends})")
    again = answer(await s.call_tool("explain", {"customer": "C-0007"}))
    check("what_if" not in again and [d["offer"] for d in again["decisions"] if d["status"] == "send"] == ["STAY15"],
          "explain what_if leaves the playbook as it was")

    why = answer(await s.call_tool("explain", {"customer": "C-0006", "why_not": "REFER20"}))["why_not"]
    rows = why["rules"][0]["rows"]
    check(why["gets"] is False and rows[0]["needs"] == "== 5" and rows[-1]["obstacle"] == "unless",
          f"explain why_not: C-0006's REFER20 rows ({rows})")

    sampled = answer(await s.call_tool("sample", {"of": "THANKS10", "status": "send", "count": 3}))
    rows = sampled["rows"]
    check(sampled["of"] == "decisions of offer THANKS10 with status send" and len(rows) == 3
          and all(r["decision"]["status"] == "send" for r in rows), f"sample: three THANKS10 sends ({sampled})")
    again = answer(await s.call_tool("sample", {"of": "THANKS10", "status": "send", "count": 3}))
    check(again["rows"] == rows, "sample: the same seed picks the same customers")

    diffed = answer(await s.call_tool("diff", {"what_if": "limit 2 per customer per 7d", "limit": 2}))
    gains = {o["offer"]: o["gained"] for o in diffed["offers"]}
    check(diffed["what_if"] == ["replaced limit"] and gains.get("THANKS10") == 2 and len(diffed["changes"]) == 2
          and diffed["changes_total"] == 5, f"diff: a looser limit's impact ({gains}, {diffed['changes_total']})")
    bad_count = await s.call_tool("sample", {"count": "many"})
    check(bad_count.is_error and "'count'" in answer(bad_count)["diagnostics"][0]["message"],
          "sample: a count that is no number is a tool error")

    tested = await s.call_tool("test", {})
    check(not tested.is_error and answer(tested)["failed"] == 0, "test: the flagship's tests pass")

    described = await s.call_tool("describe", {"table": "tickets"})
    tables = [t["table"] for t in answer(described)["tables"]]
    check(not described.is_error and tables == ["tickets"], f"describe: one table {tables}")

    # Errors are tool errors carrying the diagnostic; the connection stays up.
    unknown = await s.call_tool("explain", {"customer": "C-9999"})
    check(unknown.is_error and answer(unknown)["diagnostics"][0]["code"] == "unknown_customer",
          f"explain: an unknown customer is a tool error with its diagnostic: {unknown.content[0].text[:120]}")
    refused = await s.call_tool("run", {"dry_run": False})
    check(refused.is_error and "--allow-export" in answer(refused)["diagnostics"][0]["hint"],
          "run: exporting needs --allow-export")
    typo = await s.call_tool("explian", {"customer": "C-0001"})
    check(typo.is_error and "did you mean 'explain'" in answer(typo)["diagnostics"][0]["message"],
          "a misspelt tool names the right one")
    extra = await s.call_tool("check", {"fil": "x"})
    check(extra.is_error and "'fil'" in answer(extra)["diagnostics"][0]["message"], "an unknown argument is named")
    missing = await s.call_tool("check", {"file": "no/such.playbook"})
    check(missing.is_error and answer(missing)["diagnostics"], "a missing file is a tool error with a diagnostic")
    still = await s.call_tool("check", {})
    check(not still.is_error, "the connection survives the errors")


async def exporting(s):
    run = await s.call_tool("run", {"dry_run": False})
    summary = answer(run)
    check(not run.is_error and summary["export"] is not None, f"run with --allow-export exports: {run.content[0].text[:200]}")


async def main():
    await session([FLAGSHIP], read_only)
    scratch = tempfile.mkdtemp()
    try:
        copy = os.path.join(scratch, "copy.playbook")
        text = open(FLAGSHIP, encoding="utf-8").read().replace('"../Examples/', f'"{REPO}/Examples/')
        text = text.replace('"../out/service-recovery"', f'"{scratch}/out"')
        open(copy, "w", encoding="utf-8").write(text)
        await session([copy, "--allow-export"], exporting)
        check(os.path.exists(os.path.join(scratch, "out", "summary.json")), "the export was written")
    finally:
        shutil.rmtree(scratch)
    print(f"{len(failures)} failed" if failures else "all passed")
    sys.exit(1 if failures else 0)


asyncio.run(main())
