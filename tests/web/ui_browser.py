#!/usr/bin/env python3
"""End-to-end test of the web UI: a user's clicks in headless Chromium over `dipdoc serve`.

Usage: ui_browser.py DIPDOC_BINARY SOURCE_DIR SHARED_DIR

Builds an index from SHARED_DIR/seeds and SOURCE_DIR/corpora/documents, serves it on a free loopback port
and drives the UI with Selenium (Debian's python3-selenium and chromium-driver) the way a desk officer
would: types "ngoai giao" and presses Enter, clicks a partner facet, opens a hit, downloads its file, goes
back, toggles English, finds Pfizer's commitments from the home page in three clicks, sorts the ledger,
drafts a letter, opens the report, drops a file on the upload zone and picks a bad one. Each step checks
what the page shows against the API's answer for the same request, so the checks follow the corpus rather
than fixed figures. Screenshots at 1280 px and at phone width go to $DIPDOC_ARTIFACTS (default
/tmp/dipdoc-ui-artifacts).

Exits 77 (skipped) when chromium, chromedriver or selenium is missing, except under CI=true, where the
test must run; non-zero with a message at the first failed check.
"""

import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import unicodedata
import urllib.error
import urllib.parse
import urllib.request

SKIP = 77
WAIT_SECONDS = 30


class CheckFailed(Exception):
    pass


def check(condition, message):
    if not condition:
        raise CheckFailed(message)


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url):
    """(status, content type, body bytes) of a GET; HTTP errors are answers too."""
    try:
        with urllib.request.urlopen(url, timeout=60) as response:
            return response.status, response.headers.get("Content-Type", ""), response.read()
    except urllib.error.HTTPError as e:
        return e.code, e.headers.get("Content-Type", ""), e.read()


def fetch_json(url):
    status, _, body = fetch(url)
    check(status == 200, f"GET {url}: status {status}: {body[:300]!r}")
    return json.loads(body)


def folded(text):
    """Lower case without diacritics, đ as d: what a query typed without marks stands for."""
    text = unicodedata.normalize("NFD", text.lower().replace("đ", "d"))
    return "".join(c for c in text if not unicodedata.combining(c))


def digits(text):
    return int(re.sub(r"\D", "", text) or "-1")


# ---- The browser -------------------------------------------------------------------------------------------

def tools_missing():
    """Why the browser test cannot run here, or None."""
    if not (shutil.which("chromium") or shutil.which("chromium-browser")):
        return "chromium is not installed"
    if not shutil.which("chromedriver"):
        return "chromedriver is not installed (Debian package chromium-driver)"
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium is not installed (Debian package python3-selenium)"
    return None


class Browser:
    """Headless Chromium driven through chromedriver. This script starts both, each on a loopback port of its
    own, and points each at the other by address: left to themselves they meet at the name "localhost",
    which a machine without /etc/hosts (a fresh debootstrap root) cannot resolve."""

    def __init__(self, work):
        from selenium import webdriver
        from selenium.webdriver.remote.file_detector import UselessFileDetector

        self.processes = []
        self.log = open(os.path.join(work, "browser.log"), "w")
        try:
            devtools = free_port()
            self._start([shutil.which("chromium") or shutil.which("chromium-browser"), "--headless=new",
                         "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                         "--disable-extensions", "--window-size=1280,900", "--remote-debugging-address=127.0.0.1",
                         f"--remote-debugging-port={devtools}", f"--user-data-dir={os.path.join(work, 'chromium')}",
                         "about:blank"], f"http://127.0.0.1:{devtools}/json/version")
            port = free_port()
            url = self._start([shutil.which("chromedriver"), f"--port={port}"], f"http://127.0.0.1:{port}/status")
            options = webdriver.ChromeOptions()
            options.debugger_address = f"127.0.0.1:{devtools}"
            options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
            self.driver = webdriver.Remote(command_executor=url.rsplit("/", 1)[0], options=options)
            # chromedriver runs here: a file input takes the file's path, nothing is sent over.
            self.driver.file_detector = UselessFileDetector()
            self.driver.set_page_load_timeout(120)
        except Exception:
            self.close()
            raise

    def _start(self, command, ready_url):
        process = subprocess.Popen(command, stdout=self.log, stderr=subprocess.STDOUT)
        self.processes.append(process)
        for _ in range(300):
            try:
                if fetch(ready_url)[0] == 200:
                    return ready_url
            except OSError:
                pass
            check(process.poll() is None, f"{os.path.basename(command[0])} exited at start; see {self.log.name}")
            time.sleep(0.1)
        raise CheckFailed(f"{os.path.basename(command[0])} did not answer; see {self.log.name}")

    def close(self):
        if getattr(self, "driver", None):
            self.driver.quit()
        for process in reversed(self.processes):
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
        self.log.close()


class Page:
    """The browser on one dipdoc server, with the waits and checks the steps share."""

    def __init__(self, driver, base, artifacts):
        from selenium.webdriver.common.by import By
        from selenium.webdriver.support.ui import WebDriverWait
        self.driver = driver
        self.base = base
        self.artifacts = artifacts
        self.By = By
        self.WebDriverWait = WebDriverWait
        self.clicks = 0

    def open(self, path):
        self.driver.get(self.base + path)
        self.wait(lambda d: d.execute_script("return document.readyState") == "complete", f"{path} to load")

    def wait(self, condition, what, timeout=WAIT_SECONDS):
        """condition(driver) once it is true. The page re-renders while we look: an element that went away
        or is not there yet means "not yet"."""
        from selenium.common.exceptions import (NoSuchElementException, StaleElementReferenceException,
                                                TimeoutException)
        ignored = (NoSuchElementException, StaleElementReferenceException)
        try:
            return self.WebDriverWait(self.driver, timeout, poll_frequency=0.05,
                                      ignored_exceptions=ignored).until(condition)
        except TimeoutException:
            raise CheckFailed(f"timed out waiting for {what}; at {self.driver.current_url}; "
                              f"message area: {self.message()!r}") from None

    def find(self, css, root=None):
        return (root or self.driver).find_element(self.By.CSS_SELECTOR, css)

    def find_all(self, css, root=None):
        return (root or self.driver).find_elements(self.By.CSS_SELECTOR, css)

    def present(self, css, what=None):
        """The first element matching css, once there is one."""
        return self.wait(lambda d: (d.find_elements(self.By.CSS_SELECTOR, css) or [None])[0], what or css)

    def click(self, element):
        self.driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", element)
        element.click()
        self.clicks += 1

    def query(self):
        """The current URL's query parameters, one value each."""
        parsed = urllib.parse.urlparse(self.driver.current_url)
        return {k: v[0] for k, v in urllib.parse.parse_qs(parsed.query, keep_blank_values=True).items()}

    def message(self):
        boxes = self.driver.find_elements(self.By.ID, "message")
        return boxes[0].text if boxes and boxes[0].is_displayed() else ""

    def results_settled(self):
        """The search results once rendered (not the loading placeholder)."""
        return self.present("#results p.total", "the search results")

    def shot(self, name):
        os.makedirs(self.artifacts, exist_ok=True)
        width = self.driver.execute_script("return window.innerWidth")
        path = os.path.join(self.artifacts, f"{name}-{'phone' if width < 760 else '1280'}.png")
        self.driver.save_screenshot(path)
        print("screenshot:", path)

    def console_errors(self, allow=()):
        """Browser console entries at SEVERE level since the last call, except those matching `allow`."""
        entries = self.driver.get_log("browser")
        return [e["message"] for e in entries
                if e.get("level") == "SEVERE" and not any(re.search(a, e["message"]) for a in allow)]

    def resources_off_site(self):
        names = self.driver.execute_script(
            "return performance.getEntriesByType('resource').map((e) => e.name)")
        return [n for n in names if not (n.startswith(self.base + "/") or n.startswith("data:"))]


# ---- The steps -------------------------------------------------------------------------------------------

def check_static_files(base):
    for path, content_type in (("/", "text/html"), ("/app.js", "text/javascript"), ("/style.css", "text/css")):
        status, ctype, body = fetch(base + path)
        check(status == 200, f"GET {path}: status {status}")
        check(ctype.startswith(content_type) and "utf-8" in ctype.lower(),
              f"GET {path}: content type {ctype!r}, expected {content_type}; charset=utf-8")
        text = body.decode("utf-8")
        check(text.strip(), f"GET {path}: empty body")
        if path == "/":
            check(not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", text), "index.html has an inline <script>")
            check(not re.search(r"\son[a-z]+\s*=", text), "index.html has an inline event handler")
            check(not re.search(r"(src|href)=\"(https?:)?//", text), "index.html loads something off the server")
    print("ok: /, /app.js and /style.css served with their content types, no inline script")


def search_by_typing(page):
    """Home page, type "ngoai giao" without marks, press Enter: hits with the marked words highlighted."""
    from selenium.webdriver.common.keys import Keys
    page.open("/")
    check(page.driver.execute_script("return document.documentElement.lang") == "vi",
          "the interface is not Vietnamese by default")
    nav = [a.text for a in page.find_all("#nav a")]
    check("Tìm kiếm" in nav and "Cam kết" in nav, f"Vietnamese navigation expected, got {nav}")
    box = page.present("#q", "the search box")
    box.clear()
    box.send_keys("ngoai giao", Keys.ENTER)
    page.wait(lambda d: page.query().get("q") == "ngoai giao", "the query in the URL")
    page.present(".hit", "a hit for ngoai giao")
    total = digits(page.results_settled().text)
    api = fetch_json(page.base + "/api/search?" + urllib.parse.urlencode({"q": "ngoai giao", "limit": 10}))
    check(total == api["total"], f"the page says {total} results, the API {api['total']}")
    check(len(page.find_all(".hit")) == min(10, api["total"]), "one page of hits expected")
    marks = [m.text for m in page.find_all(".hit .snippet mark")]
    check(marks, "no highlighted word in the snippets")
    unrelated = [m for m in marks if not set(folded(m).split()) <= {"ngoai", "giao"}]
    check(not unrelated, f"highlighted words that are not 'ngoai giao' with or without marks: {unrelated}")
    check(any(folded(m) != m.lower() for m in marks), f"no highlighted word carries its diacritics: {marks}")
    page.shot("search")
    print(f"ok: typed 'ngoai giao' + Enter: {total} results as the API says, {len(marks)} highlights such as "
          f"{marks[0]!r}")
    return total


def click_partner_facet(page, total):
    """Click the partner facet of Cuba: the results narrow to the facet's count, a chip shows the filter."""
    facet = page.present('.facet[data-field="partner"][data-value="CU"]', "the partner facet CU")
    count = digits(facet.find_element(page.By.CSS_SELECTOR, ".count").text)
    page.click(facet)
    page.wait(lambda d: page.query().get("partner") == "CU", "partner=CU in the URL")
    page.wait(lambda d: page.find_all("#active-filters .chip"), "the filter chip")
    filtered = page.wait(lambda d: (lambda n: n if n != total else None)(digits(page.results_settled().text)),
                         "the filtered total")
    check(filtered == count, f"facet said {count} documents, the filtered search shows {filtered}")
    check(filtered < total, f"the partner filter did not narrow {total} results")
    for hit in page.find_all(".hit"):
        tags = {t.get_attribute("data-partner"): t.text for t in page.find_all(".partners .tag", hit)}
        check(tags.get("CU") == "Cu-ba (CU)", f"a hit without Cuba, named in Vietnamese, among its partners: {tags}")
    check(page.find('.facet[data-field="partner"][data-value="CU"]').get_attribute("aria-current") == "true",
          "the clicked facet is not shown as active")
    page.shot("search-cu")
    print(f"ok: clicked the Cuba facet ({count}): {filtered} results, each naming Cuba, chip shown")
    return filtered


def open_first_hit(page, work):
    """Click the first hit's title: the document page, partners and doses highlighted, file downloadable."""
    link = page.present(".hit a.title")
    title = link.text
    page.click(link)
    text = page.present("#doc-text", "the document text")
    doc_id = page.query().get("doc", "")
    check(re.fullmatch(r"[0-9a-f]{16}", doc_id), f"the document's URL has no doc id: {page.driver.current_url}")
    check(page.find("article.document h1").text == title, "the document page's title is not the hit's")
    partners = [m.text for m in page.find_all("mark.hl-partner", text)]
    check(any(re.search(r"Cu ?-?ba", m, re.I) for m in partners),
          f"Cuba is not highlighted as a partner in the text: {partners[:10]}")
    record = fetch_json(f"{page.base}/api/documents/{doc_id}")
    check(len(page.find_all("table.commitments tbody tr")) == len(record.get("commitments", [])),
          "the commitments table does not list the record's commitments")
    check(len(page.find_all("mark.hl-dose", text)) >= len(record.get("doses", [])) > 0 or not record.get("doses"),
          "the record's dose counts are not all highlighted")
    download = page.find('a[href$="/file"]').get_attribute("href")
    status, _, body = fetch(download)
    check(status == 200, f"download {download}: status {status}")
    with open(record["source"], "rb") as original:
        check(body == original.read(), f"the downloaded file differs from {record['source']}")
    page.shot("document")
    print(f"ok: opened {title!r}: Cuba highlighted, {len(record.get('commitments', []))} commitments listed, "
          f"original file downloaded ({len(body)} bytes, same bytes)")


def back_and_bookmark(page, total, filtered):
    """Back returns to the filtered search, then to the first one; the filtered URL alone shows the same."""
    page.driver.back()
    page.wait(lambda d: page.query().get("partner") == "CU" and "doc" not in page.query(), "back to the filter")
    page.wait(lambda d: digits(page.results_settled().text) == filtered, "the filtered results again")
    filtered_url = page.driver.current_url
    page.driver.back()
    page.wait(lambda d: "partner" not in page.query(), "back to the unfiltered search")
    page.wait(lambda d: digits(page.results_settled().text) == total, "the unfiltered results again")
    page.driver.get(filtered_url)
    page.wait(lambda d: page.find_all(".hit") and digits(page.results_settled().text) == filtered,
              "the bookmarked search")
    check(page.find("#q").get_attribute("value") == "ngoai giao", "the bookmarked search lost its query")
    print(f"ok: Back twice shows {filtered} then {total} results; the bookmarked URL shows {filtered} again")


def english_toggle(page):
    """The toggle switches the interface to English and back, and the choice survives a reload."""
    toggle = page.present("#lang-toggle")
    check(toggle.text == "English", f"the toggle reads {toggle.text!r}")
    page.click(toggle)
    page.wait(lambda d: d.execute_script("return document.documentElement.lang") == "en", "lang=en")
    page.wait(lambda d: re.search(r"\bresults?\b", page.results_settled().text), "the total in English")
    nav = [a.text for a in page.find_all("#nav a")]
    check(nav[:1] == ["Search"] and "Commitments" in nav, f"English navigation expected, got {nav}")
    check(page.find('label[for="q"]').text.startswith("Search"), "the search label is not English")
    page.shot("search-en")
    page.driver.refresh()
    page.wait(lambda d: [a.text for a in page.find_all("#nav a")][:1] == ["Search"], "English after a reload")
    page.click(page.find("#lang-toggle"))
    page.wait(lambda d: [a.text for a in page.find_all("#nav a")][:1] == ["Tìm kiếm"], "Vietnamese again")
    print("ok: English toggle: navigation, labels and totals in English, kept over a reload, and back")


def pfizer_in_three_clicks(page):
    """From the home page: Commitments, Pfizer, a source link: the letter where the promise is written."""
    page.open("/")
    page.clicks = 0
    page.click(page.present('#nav a[data-view="commitments"]'))
    ledger = page.present("#ledger tbody tr", "the ledger")
    as_of = page.find("#as-of").get_attribute("value")
    check(re.fullmatch(r"\d{4}-\d{2}-\d{2}", as_of), f"no as-of date shown: {as_of!r}")
    api = fetch_json(page.base + "/api/commitments?" + urllib.parse.urlencode({"by_partner": 1, "as_of": as_of}))
    expected = next((p for p in api["partners"] if p["partner"] == "pfizer"), None)
    check(expected, "the API's ledger has no Pfizer")
    rows = page.find_all("#ledger tbody tr")
    check(len(rows) == len(api["partners"]), f"{len(rows)} ledger rows for {len(api['partners'])} partners")
    names = [page.find("th a", r).text for r in rows]
    check(all(names) and not any(re.fullmatch(r"[a-z]+", n) for n in names), f"partners without names: {names}")
    pfizer = next((r for r in rows if page.find("th a", r).get_attribute("data-partner") == "pfizer"), None)
    check(pfizer and page.find("th a", pfizer).text == "Pfizer", f"no Pfizer row in {names}")
    cells = [digits(td.text) if td.text.strip() else 0 for td in page.find_all("td.num", pfizer)]
    check(cells[:4] == [expected[k] for k in ("committed", "delivered", "outstanding", "overdue")],
          f"Pfizer's row {cells[:4]} differs from the API's {expected}")
    page.click(page.find("th a", pfizer))
    detail = page.present("#partner-detail", "Pfizer's commitments")
    check("Pfizer" in page.find("h2", detail).text, "the detail section does not name Pfizer")
    detail_rows = page.find_all("table.commitments tbody tr", detail)
    check(len(detail_rows) == len(expected["commitments"]),
          f"{len(detail_rows)} rows shown for Pfizer's {len(expected['commitments'])} commitments")
    shown = sorted(digits(page.find('td[data-label="Số liều"]', r).text) for r in detail_rows)
    doses = sorted(-1 if c.get("doses") is None else c["doses"] for c in expected["commitments"])
    check(shown == doses, f"Pfizer's doses shown {shown}, the API's {doses}")
    check(all(page.find_all("a.src", r) for r in detail_rows), "a Pfizer commitment without its source link")
    page.shot("commitments-pfizer")
    first = expected["commitments"][0]
    page.click(page.find("a.src", detail_rows[0]))
    cited = page.present("#doc-text mark.cited", "the cited commitment in its document")
    check(page.query().get("doc") == first["doc_id"], "the source link opened another document")
    passage = "".join(m.get_attribute("textContent") for m in page.find_all("#doc-text mark.cited"))
    check(" ".join(passage.split()) == " ".join(first["sentence"].split()),
          f"the marked passage {passage!r} is not the commitment's sentence {first['sentence']!r}")
    in_view = page.driver.execute_script(
        "const r = arguments[0].getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight", cited)
    check(in_view, "the cited commitment is not scrolled into view")
    check(page.clicks == 3, f"{page.clicks} clicks")
    page.shot("document-cited")
    print(f"ok: Pfizer's commitments in 3 clicks: Commitments, Pfizer ({expected['committed']:,} committed, "
          f"{expected['delivered']:,} delivered, as the API), source -> {first['source'].rsplit('/', 1)[-1]} "
          f"with the sentence highlighted in view")
    page.driver.back()
    page.present("#partner-detail", "Pfizer's commitments after Back")


def sort_and_export_ledger(page):
    """Column headers sort the ledger both ways; the CSV link exports the same ledger."""
    def column(index):
        return [digits(r.find_elements(page.By.CSS_SELECTOR, "td.num")[index].text or "0")
                for r in page.find_all("#ledger tbody tr")]

    def sorted_by_delivered(direction):
        """Whether the table shown (not the one being replaced) is sorted so, and says so to screen readers."""
        marked = page.find_all(f'th[aria-sort="{direction}"] button[data-sort="delivered"]')
        values = column(1)
        return marked and values and values == sorted(values, reverse=direction == "descending")

    page.click(page.find('button.sort[data-sort="delivered"]'))
    page.wait(lambda d: page.query().get("sort") == "delivered", "sort=delivered in the URL")
    page.wait(lambda d: sorted_by_delivered("descending"), "the ledger sorted by delivered, descending")
    page.click(page.find('button.sort[data-sort="delivered"]'))
    page.wait(lambda d: page.query().get("dir") == "asc" and sorted_by_delivered("ascending"),
              "the ledger sorted by delivered, ascending")
    csv_link = page.find('a[download$=".csv"]').get_attribute("href")
    status, ctype, body = fetch(csv_link)
    check(status == 200 and ctype.startswith("text/csv"), f"CSV export: {status} {ctype}")
    lines = body.decode("utf-8-sig").splitlines()
    check(lines and "partner" in lines[0] and any(line.startswith("pfizer,") for line in lines),
          f"the CSV export is not the ledger: {lines[:2]}")
    print(f"ok: ledger sorted by Delivered both ways; CSV export has {len(lines) - 1} lines")


def draft_letter(page):
    """The ledger's draft button for Pfizer shows a letter citing Pfizer's figures."""
    row = page.find('#ledger tbody tr:has(a[data-partner="pfizer"])')
    page.click(page.find("td.actions a", row))
    text = page.wait(lambda d: (lambda t: t if "Pfizer" in t else None)(page.find("#draft-text").text),
                     "the draft letter")
    check("BỘ NGOẠI GIAO" in text, "the Vietnamese draft has no ministry heading")
    check(re.search(r"\d{1,3}(\.\d{3})+ liều", text), "the draft cites no dose figure")
    page.click(page.find('.toolbar a[href*="lang=en"]'))
    page.wait(lambda d: "doses" in page.find("#draft-text").text, "the English draft")
    page.shot("draft")
    print("ok: draft letter to Pfizer in Vietnamese, then English, from the ledger's button")


def report(page):
    page.click(page.find('#nav a[data-view="report"]'))
    frame = page.present("#report-frame", "the report frame")
    page.driver.switch_to.frame(frame)
    try:
        page.wait(lambda d: len(d.find_elements(page.By.CSS_SELECTOR, "svg")) >= 2, "the report's two charts")
        bars = page.find_all("svg rect")
        check(len(bars) > 4, "the report's charts have no bars")
    finally:
        page.driver.switch_to.default_content()
    ledger = fetch_json(page.base + "/api/commitments?by_partner=1")
    buttons = page.wait(lambda d: page.find_all("#report-drafts a[data-partner]"), "the report's draft buttons")
    check(sorted(b.get_attribute("data-partner") for b in buttons) == sorted(p["partner"] for p in ledger["partners"]),
          "the report does not offer a draft letter for each partner with commitments")
    page.shot("report")
    page.click(page.find('#report-drafts a[data-partner="pfizer"]'))
    page.wait(lambda d: "Pfizer" in page.find("#draft-text").text, "the draft letter from the report")
    print(f"ok: report view shows the report with its charts ({len(bars)} rects) and a draft button for each of "
          f"{len(buttons)} partners; Pfizer's opens its letter")


UPLOADED_LETTER = """\
EMBASSY OF JAPAN IN VIET NAM
No. 2021/417
Hanoi, 12 November 2021

To the Ministry of Foreign Affairs of Viet Nam

The Embassy of Japan presents its compliments and has the honour to inform the Ministry that the Government
of Japan will donate 700,000 doses of AstraZeneca vaccine to Viet Nam through the Hokkaido consignment,
to be delivered by December 2021.
"""


def drop_upload(page, work):
    """Drag and drop a letter onto the upload zone: progress, its record, then found by search."""
    page.click(page.find('#nav a[data-view="upload"]'))
    zone = page.present("#drop-zone", "the drop zone")
    path = os.path.join(work, "japan-note-hokkaido.txt")
    with open(path, "w", encoding="utf-8") as f:
        f.write(UPLOADED_LETTER)
    # A file can only come from disk through an <input type=file>; Selenium fills a temporary one and the
    # script hands its files to the zone as the browser does on a drop.
    carrier = page.driver.execute_script("""
        const input = document.createElement('input');
        input.type = 'file';
        input.id = 'test-drop-carrier';
        input.style.cssText = 'position: fixed; top: 0; left: 0; width: 2px; height: 2px; opacity: 0.01';
        document.body.append(input);
        return input;""")
    carrier.send_keys(path)
    page.driver.execute_script("""
        const [input, zone] = arguments;
        const data = new DataTransfer();
        for (const file of input.files) data.items.add(file);
        for (const type of ['dragenter', 'dragover']) {
          zone.dispatchEvent(new DragEvent(type, {bubbles: true, cancelable: true, dataTransfer: data}));
        }
        window.__overDuringDrag = zone.classList.contains('over');
        zone.dispatchEvent(new DragEvent('drop', {bubbles: true, cancelable: true, dataTransfer: data}));
        input.remove();""", carrier, zone)
    check(page.driver.execute_script("return window.__overDuringDrag"), "the drop zone does not react to a drag")
    result = page.present("#upload-list li.upload .upload-result a.title", "the uploaded document's record")
    item = page.find("#upload-list li.upload")
    check("failed" not in item.get_attribute("class"), f"the upload failed: {item.text}")
    check(page.find("progress", item).get_attribute("value") == "100", "the progress bar did not reach 100")
    check(re.search(r"\(JP\)", item.text), f"the upload's record does not name Japan: {item.text}")
    check("700.000" in item.text or "700,000" in item.text, f"the upload's commitment is not shown: {item.text}")
    page.shot("upload")

    page.click(result)
    page.wait(lambda d: "Hokkaido consignment" in page.present("#doc-text").text, "the uploaded text")
    page.click(page.find('#nav a[data-view="search"]'))
    box = page.present("#q")
    box.clear()
    from selenium.webdriver.common.keys import Keys
    box.send_keys("hokkaido", Keys.ENTER)
    page.wait(lambda d: digits(page.results_settled().text) == 1, "one hit for the uploaded word")
    check("japan-note-hokkaido.txt" in page.find(".hit .source").text, "the hit is not the uploaded file")
    print("ok: dropped a letter on the zone: progress 100, Japan and 700,000 doses in its record, found by search")


def bad_upload(page, work):
    """An empty file picked with the file input: a failed item and a message naming it; the server goes on."""
    page.open("/?view=upload")
    path = os.path.join(work, "empty-note.txt")
    open(path, "w").close()
    page.present("#file-input").send_keys(path)
    failed = page.present("#upload-list li.upload.failed", "the failed upload")
    check("empty-note.txt" in failed.text, f"the failure does not name the file: {failed.text}")
    page.wait(lambda d: "empty-note.txt" in page.message(), "a message naming the file")
    check(fetch(page.base + "/api/search?q=hokkaido")[0] == 200, "the server stopped answering after a bad upload")
    print(f"ok: an empty file is refused: {page.message()!r}")


def errors_shown(page):
    page.open("/?q=ngoai&from=20xx")
    page.wait(lambda d: page.message(), "an error message for a malformed date")
    print(f"ok: a malformed date in the URL is reported in #message: {page.message()!r}")


def phone_width(page, doc_path):
    """At 390 px nothing is wider than the screen; facets fold away so the results come first."""
    page.driver.set_window_size(390, 844)
    try:
        for name, path, ready in (("search", "/?q=ngoai+giao", ".hit"), ("document", doc_path, "#doc-text"),
                                  ("commitments", "/?view=commitments&partner=pfizer", "#ledger")):
            page.open(path)
            page.present(ready)
            overflow = page.driver.execute_script(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth")
            check(overflow <= 1, f"{path} is {overflow} px wider than a phone screen")
            if name == "search":
                check(not any(d.get_attribute("open") for d in page.find_all("#facets details")),
                      "the facets are open on a phone")
            page.shot(name)
    finally:
        page.driver.set_window_size(1280, 900)
    print("ok: at 390 px wide the search, document and commitments pages fit the screen")


def drive(page, work):
    total = search_by_typing(page)
    filtered = click_partner_facet(page, total)
    open_first_hit(page, work)
    doc_path = urllib.parse.urlparse(page.driver.current_url)
    doc_path = f"{doc_path.path}?{doc_path.query}"
    back_and_bookmark(page, total, filtered)
    english_toggle(page)
    errors = page.console_errors()
    check(not errors, f"console errors while searching: {errors}")
    pfizer_in_three_clicks(page)
    sort_and_export_ledger(page)
    draft_letter(page)
    report(page)
    errors = page.console_errors()
    check(not errors, f"console errors while browsing: {errors}")
    drop_upload(page, work)
    bad_upload(page, work)
    errors_shown(page)
    page.console_errors()  # the refused upload and the bad date were logged as failed requests, rightly
    phone_width(page, doc_path)
    off_site = page.resources_off_site()
    check(not off_site, f"resources loaded from elsewhere: {off_site}")
    errors = page.console_errors()
    check(not errors, f"console errors: {errors}")


def serve(binary, db, work):
    port = free_port()
    log = open(os.path.join(work, "serve.log"), "w")
    server = subprocess.Popen([binary, "serve", "--db", db, "--port", str(port)], stdout=log, stderr=log)
    base = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            if fetch(base + "/healthz")[0] == 200:
                return server, log, base
        except OSError:
            pass
        if server.poll() is not None:
            break
        time.sleep(0.1)
    server.kill()
    log.close()
    raise CheckFailed("dipdoc serve did not answer /healthz; see " + log.name)


def run(binary, source_dir, shared_dir, work):
    db = os.path.join(work, "db")
    ingest = subprocess.run([binary, "ingest", "--db", db, os.path.join(shared_dir, "seeds"),
                             os.path.join(source_dir, "corpora", "documents")],
                            capture_output=True, text=True, timeout=900)
    check(ingest.returncode in (0, 1), f"ingest failed ({ingest.returncode}): {ingest.stderr[-2000:]}")
    server, log, base = serve(binary, db, work)
    browser = None
    try:
        check_static_files(base)
        browser = Browser(work)
        page = Page(browser.driver, base, os.environ.get("DIPDOC_ARTIFACTS", "/tmp/dipdoc-ui-artifacts"))
        try:
            drive(page, work)
        except Exception:
            page.shot("failure")
            raise
        return 0
    finally:
        if browser:
            browser.close()
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()


def main(argv):
    if len(argv) != 4:
        print(__doc__, file=sys.stderr)
        return 2
    binary, source_dir, shared_dir = (os.path.abspath(a) for a in argv[1:])
    seeds = os.path.join(shared_dir, "seeds")
    missing = tools_missing() or (None if os.path.isdir(seeds) else f"{seeds} is absent")
    if missing:
        if os.environ.get("CI") == "true":
            print(f"FAIL: {missing}; CI must run the browser test (scripts/install-deps.sh installs it)",
                  file=sys.stderr)
            return 1
        print(f"SKIP: {missing}")
        return SKIP
    for path in (binary, os.path.join(source_dir, "corpora", "documents")):
        if not os.path.exists(path):
            print(f"FAIL: {path} does not exist", file=sys.stderr)
            return 1
    work = tempfile.mkdtemp(prefix="dipdoc-ui-")
    try:
        return run(binary, source_dir, shared_dir, work)
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
