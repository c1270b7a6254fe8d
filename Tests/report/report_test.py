#!/usr/bin/env python3
"""`playloop report` in a real browser: the page is valid HTML, and headless Chromium
(Debian's `chromium`) renders it at desktop (1280 px) and phone (390 px) widths with the
text in place, nothing wider than the window, and no console message (the page has no
script, so any message is an error: a resource its content security policy refused, a
parse error). Run by `make report-test`:

    python3 Tests/report/report_test.py .build/debug/playloop [--screenshots docs] [--keep]

With --screenshots, the screenshots at each width are kept as FOLDER/report-desktop.png
and FOLDER/report-phone.png (what the README shows); with --keep, the pages and all
screenshots (dark mode too) stay in the temporary folder it names. Chromium missing is a
failure, never a skip.
"""
import base64
import html.parser
import json
import os
import shutil
import struct
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
WIDTHS = {"desktop": 1280, "phone": 390}
# What each page must say, whatever the data: the sections, and figures from the run.
SECTIONS = ["Funnel per offer", "Audience", "Tests and control group", "Why customers were not sent",
            "Sends per day", "Data", "The playbook"]
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
# SVG elements the report writes empty, as `<line …/>`.
SELF_CLOSING = {"line", "rect", "path", "circle"}
failures = []


def fail(message):
    failures.append(message)
    print("FAIL: " + message)


class Checker(html.parser.HTMLParser):
    """A strict well-formedness check of what HTML5 allows: one doctype first, every
    non-void element closed in order, no void element closed, ids unique, attributes
    quoted (the parser would otherwise take `>` in a value as the end)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []
        self.ids = set()
        self.errors = []
        self.doctype = None
        self.seen_element = False
        self.text = []

    def handle_decl(self, decl):
        if self.seen_element or self.doctype:
            self.errors.append("doctype not first")
        self.doctype = decl

    def handle_starttag(self, tag, attrs):
        self.seen_element = True
        for name, value in attrs:
            if value is None and name not in {"hidden", "open"}:
                self.errors.append(f"<{tag}> attribute {name} has no value")
            if name == "id":
                if value in self.ids:
                    self.errors.append(f"duplicate id {value}")
                self.ids.add(value)
        raw = self.get_starttag_text() or ""
        for name, value in attrs:
            if value is not None and f'{name}="' not in raw:
                self.errors.append(f"<{tag}> attribute {name} is not double-quoted: {raw[:80]}")
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.seen_element = True
        if tag not in VOID and tag not in SELF_CLOSING:
            self.errors.append(f"<{tag}/> is not an element that may be empty")

    def handle_endtag(self, tag):
        if tag in VOID:
            self.errors.append(f"</{tag}> closes a void element")
            return
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes <{self.stack[-1] if self.stack else 'nothing'}> at {self.getpos()}")
            if tag in self.stack:
                while self.stack and self.stack.pop() != tag:
                    pass
            return
        self.stack.pop()

    def handle_data(self, data):
        self.text.append(data)


def validate(path):
    checker = Checker()
    with open(path, encoding="utf-8") as f:
        source = f.read()
    checker.feed(source)
    checker.close()
    errors = list(checker.errors)
    if (checker.doctype or "").lower() != "doctype html":
        errors.append(f"doctype is {checker.doctype!r}")
    if checker.stack:
        errors.append(f"unclosed elements: {checker.stack}")
    for needle in ['<html lang="en">', '<meta charset="utf-8">', '<meta name="viewport"', "<title>"]:
        if needle not in source:
            errors.append(f"missing {needle}")
    for forbidden in ["<script", "src=", "href=", "url(", "@import", "http://", "https://"]:
        if forbidden in source:
            errors.append(f"loads or runs something: {forbidden}")
    return errors, " ".join(checker.text)


def chromium():
    for name in ["chromium", "chromium-browser", "google-chrome"]:
        found = shutil.which(name)
        if found:
            return found
    fail("chromium is not installed (Debian: apt-get install chromium); `make report-test` installs it")
    sys.exit(1)


def png_size(path):
    with open(path, "rb") as f:
        header = f.read(24)
    if header[:8] != b"\x89PNG\r\n\x1a\n":
        return None
    return struct.unpack(">II", header[16:24])


class Browser:
    """Headless Chromium driven through the DevTools protocol on a pipe
    (--remote-debugging-pipe: JSON messages ending in NUL on fds 3 and 4), so the page is
    laid out at a phone's width (a headless window cannot be narrower than 500 px), and
    every console message, uncaught exception and browser log entry (a resource the
    page's security policy refused) is seen."""

    def __init__(self, executable):
        self.profile = tempfile.mkdtemp(prefix="playloop-chromium-")
        to_browser = os.pipe()
        from_browser = os.pipe()

        def wire_pipes():
            # Copied aside first: the pipes may themselves be on fds 3 and 4.
            reading, writing = os.dup(to_browser[0]), os.dup(from_browser[1])
            os.dup2(reading, 3)
            os.dup2(writing, 4)

        self.process = subprocess.Popen(
            [executable, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
             "--remote-debugging-pipe", f"--user-data-dir={self.profile}", "about:blank"],
            # The pipes' own fds are close-on-exec; only their copies on 3 and 4 go through.
            close_fds=False, preexec_fn=wire_pipes,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(to_browser[0])
        os.close(from_browser[1])
        self.writer = os.fdopen(to_browser[1], "wb")
        self.reader = os.fdopen(from_browser[0], "rb")
        self.next_id = 0
        self.events = []
        self.session = None
        target = self.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        self.session = self.call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        for domain in ["Runtime", "Log", "Page"]:
            self.call(domain + ".enable")

    def _read(self):
        data = bytearray()
        while True:
            byte = self.reader.read(1)
            if not byte:
                raise RuntimeError("chromium closed the DevTools pipe")
            if byte == b"\0":
                return json.loads(bytes(data))
            data += byte

    def call(self, method, params=None):
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if self.session:
            message["sessionId"] = self.session
        self.writer.write(json.dumps(message).encode() + b"\0")
        self.writer.flush()
        while True:
            reply = self._read()
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            self.events.append(reply)

    def open(self, page, width, height):
        """`page` laid out `width` px wide (as a phone below 500 px); its console messages."""
        self.events = []
        self.call("Emulation.setDeviceMetricsOverride",
                  {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 500})
        self.call("Page.navigate", {"url": "file://" + os.path.abspath(page)})
        while not any(e.get("method") == "Page.loadEventFired" for e in self.events):
            self.events.append(self._read())
        messages = []
        for event in self.events:
            method, params = event.get("method"), event.get("params", {})
            if method == "Runtime.consoleAPICalled":
                messages.append(" ".join(str(a.get("value", a.get("description"))) for a in params.get("args", [])))
            elif method == "Runtime.exceptionThrown":
                messages.append(params["exceptionDetails"].get("text", "exception"))
            elif method == "Log.entryAdded":
                messages.append(params["entry"].get("text", ""))
        return messages

    def evaluate(self, expression):
        result = self.call("Runtime.evaluate", {"expression": expression, "returnByValue": True})
        return result["result"].get("value")

    def screenshot(self, path, width, height):
        data = self.call("Page.captureScreenshot", {
            "format": "png", "captureBeyondViewport": True,
            "clip": {"x": 0, "y": 0, "width": width, "height": height, "scale": 1}})["data"]
        with open(path, "wb") as f:
            f.write(base64.b64decode(data))

    def close(self):
        try:
            self.session = None
            self.call("Browser.close")
        except Exception:
            pass
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
        shutil.rmtree(self.profile, ignore_errors=True)


# Measures the page as laid out: the window's width beside the page's, anything wider
# than the window (tables and code scroll inside their own boxes), the charts, the text.
MEASURE = """JSON.stringify((() => {
  const doc = document.documentElement;
  const wide = [];
  for (const el of document.querySelectorAll('body *')) {
    if (el.closest('.table-wrap, pre')) continue;
    const box = el.getBoundingClientRect();
    if (box.width > 0 && box.right > innerWidth + 1) wide.push(el.tagName + ' ' + (el.getAttribute('class') || ''));
  }
  const charts = [...document.querySelectorAll('svg')].map(s => s.getBoundingClientRect().width);
  return {
    innerWidth, scrollWidth: doc.scrollWidth, clientWidth: doc.clientWidth, height: doc.scrollHeight,
    wide: wide.slice(0, 10), svgs: charts.length, narrowestSvg: Math.min(...charts),
    text: document.body.innerText,
  };
})())"""


def check_page(browser, page, expected, screenshots):
    errors, text = validate(page)
    for error in errors:
        fail(f"{page}: {error}")
    for needle in SECTIONS + expected:
        if needle not in text:
            fail(f"{page}: the text lacks {needle!r}")
    for name, width in WIDTHS.items():
        for message in browser.open(page, width, 900):
            fail(f"{page} at {width}px: console: {message}")
        figures = json.loads(browser.evaluate(MEASURE))
        # A phone zooms out of a page wider than itself: the window then seems wider.
        if figures["clientWidth"] != width or figures["innerWidth"] != width:
            fail(f"{page}: laid out {figures['clientWidth']}px wide in a {figures['innerWidth']}px window, not {width}px")
        if figures["scrollWidth"] > figures["clientWidth"]:
            fail(f"{page} at {width}px: the page scrolls sideways ({figures['scrollWidth']} > {figures['clientWidth']})")
        if figures["wide"]:
            fail(f"{page} at {width}px: elements wider than the window: {figures['wide']}")
        if figures["svgs"] < 10:
            fail(f"{page} at {width}px: only {figures['svgs']} charts' SVGs")
        if figures["narrowestSvg"] < 250:
            fail(f"{page} at {width}px: a chart is only {figures['narrowestSvg']}px wide")
        for needle in SECTIONS + expected:
            if needle not in figures["text"]:
                fail(f"{page} at {width}px: the rendered text lacks {needle!r}")
        # A screenshot of the top of the page (what a reader sees first), checked by size.
        height = min(figures["height"], 1700 if name == "desktop" else 1900)
        shot = os.path.splitext(page)[0] + f"-{name}.png"
        browser.screenshot(shot, width, height)
        if png_size(shot) != (width, height):
            fail(f"{page} at {width}px: the screenshot is {png_size(shot)}, not {(width, height)}")
        elif screenshots:
            shutil.copy(shot, os.path.join(screenshots, f"report-{name}.png"))
        print(f"ok: {os.path.basename(page)} at {width}px: {figures['svgs']} charts, "
              f"page {figures['scrollWidth']}x{figures['height']}, no sideways scroll, no console message")


def check_media(browser, page):
    """Dark mode darkens the page; print is black on white with the light bars whatever the
    mode, and Chromium prints it to a PDF."""
    browser.open(page, 1280, 900)
    # The page's background, its text, and the first bar's fill.
    background = ("[document.body, document.body, document.querySelector('rect')].map((e, i) => "
                  "getComputedStyle(e)[['backgroundColor', 'color', 'fill'][i]]).join(' ')")
    light_bar = "rgb(44, 107, 214)"
    dark = [{"name": "prefers-color-scheme", "value": "dark"}]
    expected = {
        "dark": (dark, "", "rgb(18, 22, 28) rgb(228, 232, 238) rgb(110, 162, 255)"),
        "print": (dark, "print", "rgb(255, 255, 255) rgb(0, 0, 0) " + light_bar),
        "light": ([{"name": "prefers-color-scheme", "value": "light"}], "", "rgb(255, 255, 255) rgb(28, 35, 48) " + light_bar),
    }
    for name, (features, media, colours) in expected.items():
        browser.call("Emulation.setEmulatedMedia", {"media": media, "features": features})
        found = browser.evaluate(background)
        if found != colours:
            fail(f"{page} in {name}: background and text are {found}, not {colours}")
        if name == "dark":
            browser.screenshot(os.path.splitext(page)[0] + "-dark.png", 1280, 1200)
        if name == "print":
            pdf = base64.b64decode(browser.call("Page.printToPDF", {"printBackground": True})["data"])
            if not pdf.startswith(b"%PDF-") or len(pdf) < 20_000:
                fail(f"{page} printed: not a PDF of the page ({len(pdf)} bytes)")
            with open(os.path.splitext(page)[0] + ".pdf", "wb") as f:
                f.write(pdf)
    browser.call("Emulation.setEmulatedMedia", {"media": "", "features": []})
    print(f"ok: {os.path.basename(page)} in dark mode and in print")


def self_check(browser, workdir):
    """The checks can fail: a broken page is caught by each."""
    bad = os.path.join(workdir, "bad.html")
    with open(bad, "w") as f:
        f.write('<!DOCTYPE html><html lang="en"><head><meta name="viewport" content="width=device-width"><meta http-equiv="Content-Security-Policy" '
                'content="default-src \'none\'; script-src \'unsafe-inline\'; style-src \'unsafe-inline\'"></head><body><div><p>x</div>'
                '<img src="https://example.com/x.png"><script>console.error("boom")</script>'
                '<div style="width:2000px">wide</div></body></html>')
    errors, _ = validate(bad)
    if not any("closes <p>" in e for e in errors) or not any("<script" in e for e in errors):
        fail(f"self-check: the validator missed the broken page: {errors}")
    messages = browser.open(bad, 390, 600)
    if not any("boom" in m for m in messages) or not any("Content Security Policy" in m for m in messages):
        fail(f"self-check: the console missed a message or the refused image: {messages}")
    figures = json.loads(browser.evaluate(MEASURE))
    if figures["clientWidth"] != 390 or figures["scrollWidth"] <= figures["clientWidth"] or not figures["wide"]:
        fail(f"self-check: the phone's width or the sideways scroll was missed: {figures}")


def main():
    args = sys.argv[1:]
    if not args:
        print(__doc__)
        sys.exit(2)
    playloop = os.path.abspath(args[0])
    screenshots = None
    if "--screenshots" in args:
        screenshots = os.path.abspath(args[args.index("--screenshots") + 1])
    browser = Browser(chromium())
    keep = "--keep" in args
    workdir = tempfile.mkdtemp(prefix="playloop-report-test-")
    try:
        self_check(browser, workdir)
        pages = [
            ("service-recovery.html", ["Playbooks/service-recovery.playbook"],
             ["Service recovery loop", "THANKS10", "SORRY25"]),
            ("campaigns.html", ["Playbooks/campaigns.playbook"], ["Campaigns", "A/B variants", "WINBACK20"]),
            ("compare.html", ["Playbooks/service-recovery.playbook", "--compare", "Playbooks/campaigns.playbook"],
             ["Compared with Campaigns", "customers gain an offer"]),
        ]
        for name, arguments, expected in pages:
            out = os.path.join(workdir, name)
            result = subprocess.run([playloop, "report", *arguments, "--out", out], cwd=ROOT,
                                    capture_output=True, text=True, timeout=120)
            if result.returncode != 0:
                fail(f"playloop report {' '.join(arguments)}: exit {result.returncode}: {result.stderr}")
                continue
            check_page(browser, out, expected, screenshots if name == "campaigns.html" else None)
            check_media(browser, out)
    finally:
        browser.close()
        if keep:
            print(f"pages and screenshots kept in {workdir}")
        else:
            shutil.rmtree(workdir, ignore_errors=True)
    if failures:
        print(f"report-test: {len(failures)} failures")
        sys.exit(1)
    print("report-test: every page passes")


if __name__ == "__main__":
    main()
