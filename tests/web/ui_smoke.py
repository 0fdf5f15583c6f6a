#!/usr/bin/env python3
"""Smoke test of the web UI: `dipdoc serve` over a fresh index, driven by headless Chromium.

Usage: ui_smoke.py DIPDOC_BINARY SOURCE_DIR SHARED_DIR

Builds an index from SHARED_DIR/seeds and SOURCE_DIR/corpora/documents, serves it on a free port, checks the
static files (/, /app.js, /style.css), then renders the search, filtered search, document and commitments
views with `chromium --dump-dom` and checks the DOM the script built. Screenshots at 1280 px and at phone
width go to $DIPDOC_ARTIFACTS (default /tmp/dipdoc-ui-artifacts). Exits 77 (skipped) without chromium,
non-zero with a message on the first failed check.
"""

import html
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request

SKIP = 77


class CheckFailed(Exception):
    pass


def check(condition, message):
    if not condition:
        raise CheckFailed(message)


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(url):
    """(status, content type, body text) of a GET; errors are answers too."""
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, response.headers.get("Content-Type", ""), response.read().decode("utf-8")
    except urllib.error.HTTPError as e:
        return e.code, e.headers.get("Content-Type", ""), e.read().decode("utf-8", "replace")


class Chromium:
    def __init__(self, binary, profile_dir):
        self.binary = binary
        self.profile_dir = profile_dir

    def _run(self, extra, url):
        command = [self.binary, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                   "--disable-extensions", f"--user-data-dir={self.profile_dir}",
                   "--virtual-time-budget=5000", *extra, url]
        result = subprocess.run(command, capture_output=True, text=True, timeout=120)
        check(result.returncode == 0, f"chromium failed on {url}: {result.stderr[-2000:]}")
        return result.stdout

    def dump_dom(self, url):
        return self._run(["--dump-dom"], url)

    def screenshot(self, url, path, width, height):
        self._run([f"--screenshot={path}", f"--window-size={width},{height}", "--hide-scrollbars"], url)
        check(os.path.getsize(path) > 0 if os.path.exists(path) else False, f"no screenshot written: {path}")
        return path


def hits_of(dom):
    return re.findall(r'<li class="hit">(.*?)</li>\s*(?=<li class="hit">|</ol>)', dom, re.S)


def total_of(dom):
    m = re.search(r'<p class="total">([^<]*)</p>', dom)
    if not m:
        return None
    digits = re.sub(r"\D", "", m.group(1))
    return int(digits) if digits else None


def error_of(dom):
    m = re.search(r'<div id="message"[^>]*>([^<]*)</div>', dom)
    return html.unescape(m.group(1)) if m and "hidden" not in m.group(0) else ""


def run(binary, source_dir, shared_dir, chromium, work):
    db = os.path.join(work, "db")
    ingest = subprocess.run([binary, "ingest", "--db", db, os.path.join(shared_dir, "seeds"),
                             os.path.join(source_dir, "corpora", "documents")],
                            capture_output=True, text=True, timeout=600)
    check(ingest.returncode in (0, 1), f"ingest failed ({ingest.returncode}): {ingest.stderr[-2000:]}")

    port = free_port()
    log = open(os.path.join(work, "serve.log"), "w")
    server = subprocess.Popen([binary, "serve", "--db", db, "--port", str(port)], stdout=log, stderr=log)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                if get(base + "/healthz")[0] == 200:
                    break
            except OSError:
                pass
            check(server.poll() is None, "dipdoc serve exited at start; see " + log.name)
            time.sleep(0.1)
        else:
            raise CheckFailed("dipdoc serve did not answer /healthz")
        return drive(base, chromium)
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()


def drive(base, chromium):
    # The static files.
    for path, content_type in (("/", "text/html"), ("/app.js", "text/javascript"), ("/style.css", "text/css")):
        status, ctype, body = get(base + path)
        check(status == 200, f"GET {path}: status {status}")
        check(ctype.startswith(content_type) and "utf-8" in ctype.lower(),
              f"GET {path}: content type {ctype!r}, expected {content_type}; charset=utf-8")
        check(body.strip(), f"GET {path}: empty body")
        if path == "/":
            check(re.search(r'<script[^>]+src="/?app\.js"', body), "index.html does not load app.js")
            check(re.search(r'<link[^>]+href="/?style\.css"', body), "index.html does not load style.css")
            check(not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", body), "index.html has an inline <script>")
            check(not re.search(r"\son[a-z]+\s*=", body), "index.html has an inline event handler")
    print("ok: /, /app.js and /style.css served with their content types")

    # Search.
    dom = chromium.dump_dom(base + "/?q=ngoai+giao")
    check(not error_of(dom), f"search view shows an error: {error_of(dom)}")
    hits = hits_of(dom)
    check(hits, "search ?q=ngoai+giao: no .hit in the rendered page")
    check("<mark>" in dom, "search ?q=ngoai+giao: no <mark> in the snippets")
    check(re.search(r'class="facet[^"]*" data-field="partner" data-value="[^"]+"', dom),
          "search ?q=ngoai+giao: no partner facet")
    check(re.search(r'class="facet[^"]*" data-field="partner" data-value="CU"', dom),
          "search ?q=ngoai+giao: no facet for partner CU")
    check(re.search(r'<input[^>]+id="q"[^>]+value="ngoai giao"', dom), "search box #q does not hold the query")
    total = total_of(dom)
    print(f"ok: search ?q=ngoai+giao renders {len(hits)} hits of {total}, snippets with <mark>, partner facets")

    # Search filtered by partner: fewer hits, each naming Cuba.
    dom_cu = chromium.dump_dom(base + "/?q=ngoai+giao&partner=CU")
    check(not error_of(dom_cu), f"filtered search shows an error: {error_of(dom_cu)}")
    hits_cu = hits_of(dom_cu)
    check(hits_cu, "search ?q=ngoai+giao&partner=CU: no .hit")
    total_cu = total_of(dom_cu)
    fewer = total is not None and total_cu is not None and total_cu < total
    all_cuba = all(re.search(r"Cuba|Cu Ba|\(CU\)", h) for h in hits_cu)
    check(fewer or all_cuba, f"partner=CU does not filter: {total_cu} hits of {total}, not all naming Cuba")
    print(f"ok: search &partner=CU renders {len(hits_cu)} hits (total {total_cu} < {total})")

    # The document view of the first filtered hit: its text with highlights.
    m = re.search(r'<a class="title" href="/\?doc=([0-9a-f]+)"', hits_cu[0])
    check(m, "the first hit has no link to its document")
    doc_url = f"{base}/?doc={m.group(1)}"
    dom_doc = chromium.dump_dom(doc_url)
    check(not error_of(dom_doc), f"document view shows an error: {error_of(dom_doc)}")
    text = re.search(r'<div id="doc-text"[^>]*>(.*?)</div>', dom_doc, re.S)
    check(text, f"document view {doc_url}: no #doc-text")
    check(re.search(r'<mark class="[^"]*hl-', text.group(1)), f"document view {doc_url}: #doc-text has no highlight")
    check(re.search(r'<mark class="[^"]*hl-partner[^"]*"[^>]*>[^<]*Cu', text.group(1)),
          f"document view {doc_url}: Cuba is not highlighted as a partner")
    check(f'/api/documents/{m.group(1)}/file' in dom_doc, "document view: no download link")
    # The hash form of the same view.
    dom_hash = chromium.dump_dom(f"{base}/#/doc/{m.group(1)}")
    check('id="doc-text"' in dom_hash, "document view by #/doc/ID: no #doc-text")
    print(f"ok: document view {doc_url}: #doc-text with highlights, Cuba marked as a partner")

    # Commitments ledger.
    dom_ledger = chromium.dump_dom(base + "/?view=commitments&as_of=2021-12-31")
    check(not error_of(dom_ledger), f"commitments view shows an error: {error_of(dom_ledger)}")
    ledger = re.search(r'<table id="ledger">(.*?)</table>', dom_ledger, re.S)
    check(ledger, "commitments view: no #ledger table")
    check(re.search(r"[Pp]fizer", ledger.group(1)), "commitments view: #ledger does not name Pfizer")
    check("format=csv" in dom_ledger, "commitments view: no CSV export link")
    print("ok: commitments view renders #ledger with Pfizer")

    # English toggle is one table away; check an error reaches the message area, not the console.
    dom_bad = chromium.dump_dom(base + "/?q=ngoai&from=20xx")
    check(error_of(dom_bad), "a malformed date shows no error message")
    print(f"ok: API errors are shown in #message ({error_of(dom_bad)!r})")

    # Screenshots.
    folder = os.environ.get("DIPDOC_ARTIFACTS", "/tmp/dipdoc-ui-artifacts")
    os.makedirs(folder, exist_ok=True)
    shots = [
        ("search", "/?q=ngoai+giao"),
        ("search-cu", "/?q=ngoai+giao&partner=CU"),
        ("document", f"/?doc={m.group(1)}"),
        ("commitments", "/?view=commitments&as_of=2021-12-31&partner=pfizer"),
        ("report", "/?view=report"),
        ("upload", "/?view=upload"),
    ]
    paths = []
    for name, path in shots:
        for label, (w, h) in (("1280", (1280, 900)), ("phone", (390, 844))):
            paths.append(chromium.screenshot(base + path, os.path.join(folder, f"{name}-{label}.png"), w, h))
    for p in paths:
        print("screenshot:", p)
    return 0


def main(argv):
    if len(argv) != 4:
        print(__doc__, file=sys.stderr)
        return 2
    binary, source_dir, shared_dir = (os.path.abspath(a) for a in argv[1:])
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if not chromium:
        print("SKIP: chromium is not installed")
        return SKIP
    if not os.path.isdir(os.path.join(shared_dir, "seeds")):
        print(f"SKIP: {os.path.join(shared_dir, 'seeds')} is absent")
        return SKIP
    check_paths = [binary, os.path.join(source_dir, "corpora", "documents")]
    for path in check_paths:
        if not os.path.exists(path):
            print(f"FAIL: {path} does not exist", file=sys.stderr)
            return 1
    work = tempfile.mkdtemp(prefix="dipdoc-ui-")
    try:
        return run(binary, source_dir, shared_dir, Chromium(chromium, os.path.join(work, "chromium")), work)
    except CheckFailed as e:
        print(f"FAIL: {e}", file=sys.stderr)
        return 1
    except subprocess.TimeoutExpired as e:
        print(f"FAIL: timed out: {' '.join(map(str, e.cmd))[:300]}", file=sys.stderr)
        return 1
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
