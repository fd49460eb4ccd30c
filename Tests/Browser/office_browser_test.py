#!/usr/bin/env python3
"""The office's dashboard (`imrf serve`, an office invitation) in headless
Chromium, driven by Selenium.

Run by Tests/Browser/run.sh after the rapporteurs' test, on a workspace of
its own (`imrf init --example` less the hearing's note) and a server of its
own. The office signs in by link, sees the forum and the missing hearing
note, invites a rapporteur, who (in a second browser) submits the hearing's
note; the office's notes page, left open, shows it without a reload. Then a
compile and its downloads, a compile refused for a broken note, a compile
with revision marks (summary.changes.docx, a sentence added), every open
deliverable marked distributed until the forum is OK, a distribution
undone (and marked again), a note withdrawn and one moved to another
session, the ledger, the
rapporteur refused the office's pages, and every page at phone width and in
print. One line per check (the intake test's `check`); exit 1 if any
failed. Screenshots go to IMRF_BROWSER_SHOTS/office.
"""

import argparse
import base64
import hashlib
import io
import json
import os
import re
import sys
import time
import traceback
import urllib.error
import urllib.request
import zipfile

from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

sys.dont_write_bytecode = True  # no __pycache__ beside the tests
import intake_browser_test as intake  # noqa: E402 (its check, driver and screenshots)
from intake_browser_test import (  # noqa: E402
    BROWSER_ZONE, Shots, check, console_problems, heading, make_driver, mark_page, text_of, type_into, wait_for, wait_loaded)

OFFICE = "Olga Petrova"
RAPPORTEUR = "Rafael Ortiz"
RAPPORTEUR_EMAIL = "rafael.ortiz@example.org"
BROKEN_NOTE = "round-table-1--broken.md"
LIVE_WAIT = 25  # seconds: the pages refresh every 10 s
NARROW = 400  # px, a phone


def fetch(url, token=None, cookie=None):
    """Status, headers and the body's bytes of a GET."""
    request = urllib.request.Request(url)
    if token:
        request.add_header("Authorization", f"Bearer {token}")
    if cookie:
        request.add_header("Cookie", cookie)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def api(base, path, token):
    """GET an office API, the JSON answer (None unless 200)."""
    status, _, body = fetch(base + path, token=token)
    return json.loads(body) if status == 200 else None


def rows_of(driver, selector):
    """[id, [the cells' text]] of each row `selector` finds, read in one
    script call: a live refresh may replace the table in between (an element
    holding a local time is swapped every 10 s)."""
    return driver.execute_script(
        "return Array.from(document.querySelectorAll(arguments[0])).map(function (r) {"
        " return [r.id, Array.from(r.cells).map(function (c) { return c.innerText.trim(); })]; })", selector)


def classes_of(driver, selector):
    """The classes of the first element `selector` finds ([] if none), in one script call."""
    return driver.execute_script("var e = document.querySelector(arguments[0]); return e ? Array.from(e.classList) : []", selector)


def post_form(driver, form_selector, button_selector="button[type=submit]"):
    """Presses the form's button and waits for the page the form posts to."""
    marker = mark_page(driver)
    for attempt in range(3):
        try:
            driver.find_element(By.CSS_SELECTOR, f"{form_selector} {button_selector}").click()
            break
        except StaleElementReferenceException:  # a live refresh swapped it between finding and clicking
            if attempt == 2:
                raise
    wait_loaded(driver, marker)


def go(driver, url):
    driver.get(url)
    wait_loaded(driver)


def click_nav(driver, label):
    marker = mark_page(driver)
    driver.find_element(By.CSS_SELECTOR, "nav.office").find_element(By.LINK_TEXT, label).click()
    wait_loaded(driver, marker)


def horizontal_overflow(driver):
    """How many px the page is wider than the window (0: no horizontal scrolling)."""
    return driver.execute_script("return document.documentElement.scrollWidth - document.documentElement.clientWidth")


def widest(driver):
    """The elements sticking out to the right of the window, for the failure's detail."""
    return driver.execute_script(
        "var w = document.documentElement.clientWidth, out = [];"
        "document.querySelectorAll('body *').forEach(function (e) { var r = e.getBoundingClientRect();"
        " if (r.right > w + 1 && out.length < 5) out.push(e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')"
        " + (e.className ? '.' + String(e.className).split(' ').join('.') : '') + ' right=' + Math.round(r.right)); });"
        "return out.join(', ')")


def local_times_filled(driver, selector):
    """Whether every local time under `selector` was filled in by the script, in the browser's zone."""
    return driver.execute_script(
        "var s = document.querySelectorAll(arguments[0] + ' span.local-time');"
        "if (s.length === 0) return false;"
        "for (var i = 0; i < s.length; i++) if (s[i].textContent.indexOf(arguments[1]) < 0) return false;"
        "return true", selector, BROWSER_ZONE)


class OfficeScenario:
    def __init__(self, arguments):
        self.base = arguments.base.rstrip("/")
        self.workspace = arguments.workspace
        self.imrf = arguments.imrf
        self.invites = arguments.invites
        with open(os.path.join(arguments.invites, "office.json"), encoding="utf-8") as file:
            self.office = json.load(file)
        self.office["token"] = self.office["url"].rsplit("/", 1)[1]
        self.shots = Shots(os.path.join(os.environ.get("IMRF_BROWSER_SHOTS", ".build/browser-shots"), "office"))
        self.driver = None
        self.rapporteur_driver = None
        self.rapporteur = None  # the invitation made on the web: id, url, token
        self.docx = None  # the current build's .docx: url, sha256, bytes
        self.distributed = []
        self.distribution_entries = 0  # the ledger's distribution entries: marks and undos

    def shot(self, name, driver=None, whole=True):
        return self.shots.take(driver or self.driver, "office-" + name, whole=whole)

    def status(self):
        return api(self.base, "/api/status", self.office["token"])

    def cookie(self, driver):
        found = driver.get_cookie("imrf_session")
        return f"imrf_session={found['value']}" if found else None

    # 1. The link signs the office in: the forum page, its status line and deliverables.
    def sign_in(self):
        d = self.driver
        go(d, self.office["url"])
        check("1 the office's link lands on /", d.current_url == self.base + "/", d.current_url)
        check("1 the forum page's heading", heading(d) == "The forum's deliverables", heading(d))
        nav = [a.text for a in d.find_elements(By.CSS_SELECTOR, "nav.office a")]
        check("1 the office's nav has its five pages", nav == ["Forum", "Notes", "Summary", "Invitations", "Ledger"], str(nav))
        check("1 the nav marks the forum as the current page",
              d.find_element(By.CSS_SELECTOR, "nav.office a[aria-current=page]").text == "Forum")
        check("1 no note form on the office's page", not d.find_elements(By.CSS_SELECTOR, "form.note-form"))
        status = self.status()
        check("1 /api/status with the office's token", status is not None)
        line = text_of(d, "#forum-live p.status")
        check("1 the status line is shown", line != "")
        if status and line:
            level = status["status"]
            classes = classes_of(d, "#forum-live p.status")
            check("1 the status line's class is the status's", f"status-{level.lower()}" in classes, f"{classes}, status {level}")
            check("1 the status line says the monitoring line's words", line == f"{level} - {status['message']}",
                  f"{line!r} vs {level} - {status['message']}")
            print(f"   the forum's status at the start: {line}", flush=True)
            rows = [row_id for row_id, _ in rows_of(d, "table.deliverables tbody tr")]
            expected = [f"deliverable-{item['id']}" for item in status["deliverables"]]
            check("1 one row per deliverable, in imrf status's order", rows == expected and rows, f"{rows} vs {expected}")
            for item in status["deliverables"]:
                state = text_of(d, f"#deliverable-{item['id']} td.state")
                check(f"1 {item['id']}'s state is shown ({item['state']})", state == item["state"], state)
        check("1 the due times are in New York", "New York" in text_of(d, "table.deliverables time"), text_of(d, "table.deliverables time"))
        wait_for(d, "the local times", lambda _: local_times_filled(d, "table.deliverables"))
        check("1 every due time also in the browser's zone (Tokyo)", local_times_filled(d, "table.deliverables"))
        options = [o.get_attribute("value")
                   for o in d.find_elements(By.CSS_SELECTOR, "form[action='/office/distributions'] select[name=deliverable] option")]
        check("1 the distribution form lists the deliverables not done",
              status is not None and options == [i["id"] for i in status["deliverables"] if not i["done"]], str(options))
        problems = console_problems(d)
        check("1 no console errors", not problems, str(problems))
        self.shot("forum")

    # 2. The notes page flags the hearing as missing; a note opens in its preview.
    def notes_missing(self):
        d = self.driver
        click_nav(d, "Notes")
        check("2 the notes page", heading(d) == "Notes" and d.current_url == self.base + "/office/notes", d.current_url)
        check("2 the hearing has its section", len(d.find_elements(By.ID, "notes-hearing")) == 1)
        check("2 the hearing's section is flagged missing", "missing" in classes_of(d, "#notes-hearing"),
              str(classes_of(d, "#notes-hearing")))
        check("2 the hearing's section says 'No note yet.'", "No note yet." in text_of(d, "#notes-hearing"), text_of(d, "#notes-hearing"))
        check("2 the summary line counts one session without a note", "1 session without a note." in text_of(d, "p.summary-line"),
              text_of(d, "p.summary-line"))
        others = d.execute_script("return Array.from(document.querySelectorAll('#notes-live section.panel:not(.missing)'))"
                                  ".map(function (s) { return s.innerText; })")
        check("2 the six other sessions have a note", len(others) == 6 and all("No note yet." not in t for t in others), str(len(others)))
        check("2 a note placed by hand says so", "placed by hand" in text_of(d, "#notes-round-table-1"), text_of(d, "#notes-round-table-1"))
        diagnostics = text_of(d, "ul.diagnostics")
        check("2 the check's list names the missing session", "session 'hearing' has no note" in diagnostics, diagnostics)
        self.shot("notes-hearing-missing")
        link = d.execute_script("var a = document.querySelector('#notes-round-table-1 a[href^=\\'/office/notes/\\']');"
                                " return a ? a.getAttribute('href') : null")
        check("2 the note links to its preview", link == "/office/notes/round-table-1.md", str(link))
        if link:
            marker = mark_page(d)
            d.execute_script("document.querySelector('#notes-round-table-1 a[href^=\\'/office/notes/\\']').click()")
            wait_loaded(d, marker)
            check("2 the preview page names the file", heading(d) == "notes/round-table-1.md", heading(d))
            check("2 the preview shows the note's table", len(d.find_elements(By.CSS_SELECTOR, ".preview table")) == 1)
            check("2 the preview shows the text", "session: round-table-1" in text_of(d, "pre.source"))
            self.shot("note-preview")
            status, _, _ = fetch(self.base + "/office/notes/..%2Fforum.yaml", token=self.office["token"])
            check("2 a name outside notes/: 404", status == 404, str(status))

    # 3. The office invites a rapporteur for the hearing.
    def invite(self):
        d = self.driver
        click_nav(d, "Invitations")
        check("3 the invitations page", heading(d) == "Invitations", heading(d))
        form = d.find_element(By.CSS_SELECTOR, "form[action='/office/invitations']")
        type_into(form.find_element(By.NAME, "name"), RAPPORTEUR)
        type_into(form.find_element(By.NAME, "email"), RAPPORTEUR_EMAIL)
        Select(form.find_element(By.NAME, "role")).select_by_value("rapporteur")
        form.find_element(By.CSS_SELECTOR, "input[name=sessions][value=hearing]").click()
        post_form(d, "form[action='/office/invitations']")
        link = d.find_elements(By.ID, "new-link")
        check("3 the new link is shown in #new-link", len(link) == 1)
        if not link:
            return
        url = link[0].get_attribute("value")
        check("3 the link is on the service's base URL",
              re.fullmatch(re.escape(self.base) + r"/i/[A-Za-z0-9_-]{20,}", url) is not None, url)
        check("3 the link's field is read-only", link[0].get_attribute("readonly") is not None)
        copy = d.find_elements(By.CSS_SELECTOR, "button[data-copy='new-link']")
        check("3 the Copy button is made visible by the script", len(copy) == 1 and copy[0].is_displayed())
        receipt = text_of(d, ".receipt h3")
        check("3 the receipt names the person", RAPPORTEUR in receipt, receipt)
        row = [(row_id, cells) for row_id, cells in rows_of(d, "table.invitations tbody tr") if RAPPORTEUR in cells[0]]
        check("3 the new person is listed", len(row) == 1)
        row_id = row[0][0] if row else ""
        if row:
            cells = row[0][1]
            check("3 listed with the hearing, active, never signed in",
                  cells[1] == "Informal interactive multistakeholder hearing" and cells[2].startswith("active") and cells[3] == "never", str(cells))
            check("3 listed with the e-mail", RAPPORTEUR_EMAIL in cells[0], cells[0])
            check("3 a Revoke button for the active invitation",
                  len(d.find_elements(By.CSS_SELECTOR, f"#{row_id} form[action$='/revoke'] button[type=submit]")) == 1)
        self.rapporteur = {"url": url, "token": url.rsplit("/", 1)[1], "id": row_id.removeprefix("invitation-")}
        # run.sh looks for every token in the server's log.
        with open(os.path.join(self.invites, "web-rapporteur.json"), "w", encoding="utf-8") as file:
            json.dump({"url": url}, file)
        listed = api(self.base, "/api/invitations", self.office["token"]) or {}
        names = [i["name"] for i in listed.get("invitations", [])]
        check("3 /api/invitations lists the person", RAPPORTEUR in names, str(names))
        check("3 the list never holds a token", self.rapporteur["token"] not in json.dumps(listed))
        if copy:
            # The clipboard too, headless Chromium granting it to the page.
            d.execute_cdp_cmd("Browser.grantPermissions", {"origin": self.base,
                                                           "permissions": ["clipboardReadWrite", "clipboardSanitizedWrite"]})
            copy[0].click()
            try:
                wait_for(d, "the Copy button to say Copied", lambda _: copy[0].text == "Copied", timeout=5)
            except AssertionError:
                pass
            check("3 the Copy button says Copied", copy[0].text == "Copied", copy[0].text)
            d.set_script_timeout(5)
            pasted = d.execute_async_script(
                "var done = arguments[0]; navigator.clipboard.readText().then(done, function (e) { done('error: ' + e); })")
            check("3 Copy put the link on the clipboard", pasted == url, pasted)
        self.shot("invitation-created")
        self.shot("invitation-created-window", whole=False)

    # 4 and 5. The rapporteur submits the hearing's note in a second browser;
    # the office's notes page, left open, shows it without a reload.
    HEARING_BODY = ("Participants from migrant-led organizations met the day before the forum.\n\n"
                    "| Group | Speakers |\n|---|---|\n| Civil society | 14 |\n| Local authorities | 6 |\n\n"
                    "They asked to be heard in the design of policies.\n")

    def rapporteur_submits(self):
        d = self.driver
        if not self.rapporteur:
            check("4 the rapporteur's link is known", False, "step 3 did not create it")
            return
        click_nav(d, "Notes")
        check("5 the hearing is still missing before the submission", "No note yet." in text_of(d, "#notes-hearing"))
        d.execute_script("window.__marker = 1")
        r = self.rapporteur_driver = make_driver()
        go(r, self.rapporteur["url"])
        check("4 the rapporteur's link lands on their page", r.current_url == self.base + "/", r.current_url)
        check("4 the page says who is signed in", f"Signed in as {RAPPORTEUR}" in text_of(r, "header"), text_of(r, "header"))
        sessions = [s.get_attribute("id") for s in r.find_elements(By.CSS_SELECTOR, "section.session")]
        check("4 one session shown, the hearing", sessions == ["session-hearing"], str(sessions))
        check("4 no office nav for the rapporteur", not r.find_elements(By.CSS_SELECTOR, "nav.office"))
        section = r.find_element(By.ID, "session-hearing")
        type_into(section.find_element(By.NAME, "title"), "Summary of the multistakeholder hearing")
        for box in section.find_elements(By.CSS_SELECTOR, "input[name=objectives]"):
            if box.get_attribute("value") in ("7", "16", "17") and not box.is_selected():
                box.click()
        type_into(section.find_element(By.NAME, "body"), self.HEARING_BODY)
        wait_for(r, "the live check to say ready", lambda _: "ready to submit" in text_of(r, "#session-hearing .outcome h3"))
        marker = mark_page(r)
        section.find_element(By.CSS_SELECTOR, "button[value='submit']").click()
        wait_loaded(r, marker)
        receipt = text_of(r, "#session-hearing .receipt")
        check("4 the rapporteur gets a receipt, version 1", "Submitted: version 1" in receipt, receipt[:200])
        codes = [c.text for c in r.find_elements(By.CSS_SELECTOR, "#session-hearing .receipt dd code")]
        path = codes[0] if codes else ""
        check("4 stored as the rapporteur's hearing note", path == "notes/hearing--rafael-ortiz.md", path)
        check("4 the file is in the workspace", os.path.isfile(os.path.join(self.workspace, path)), path)
        self.shot("rapporteur-receipt", driver=r)
        submitted = time.monotonic()

        try:
            wait_for(d, "the hearing's note on the open notes page",
                     lambda _: "No note yet." not in text_of(d, "#notes-hearing") and RAPPORTEUR in text_of(d, "#notes-hearing"),
                     timeout=LIVE_WAIT)
            shown = True
        except AssertionError:
            shown = False
        check(f"5 the open notes page shows the hearing's note within {LIVE_WAIT} s", shown, text_of(d, "#notes-hearing"))
        print(f"   shown {time.monotonic() - submitted:.1f} s after the submission", flush=True)
        check("5 without a reload (window.__marker kept)", d.execute_script("return window.__marker") == 1)
        check("5 the hearing's section is no longer flagged", "missing" not in classes_of(d, "#notes-hearing"),
              str(classes_of(d, "#notes-hearing")))
        check("5 the summary line now says every session has a note", "Every session has a note." in text_of(d, "p.summary-line"),
              text_of(d, "p.summary-line"))
        row = text_of(d, "#notes-hearing tbody tr")
        check("5 the new row: the title, the file, one version", "Summary of the multistakeholder hearing" in row
              and "hearing--rafael-ortiz.md" in row and "\t1\t" in f"\t{row}\t".replace("\n", "\t"), row)
        wait_for(d, "the refreshed row's local time", lambda _: local_times_filled(d, "#notes-hearing"))
        check("5 the refreshed received time is also in the browser's zone", local_times_filled(d, "#notes-hearing"))
        self.shot("notes-live-refreshed")

    # 6. Compile: the receipt; the .docx downloads with the SHA-256 the page shows.
    def compile(self):
        d = self.driver
        click_nav(d, "Summary")
        check("6 the summary page", heading(d) == "The summary", heading(d))
        check("6 nothing compiled yet", "Nothing has been compiled yet." in text_of(d, "#builds-live"), text_of(d, "#builds-live"))
        boxes = {b.get_attribute("value"): b.is_selected() for b in d.find_elements(By.CSS_SELECTOR, "form.compile input[name=format]")}
        check("6 Markdown, HTML and Word are ticked, PDF offered", boxes == {"md": True, "html": True, "docx": True, "pdf": False}, str(boxes))
        check("6 draft is not ticked", not d.find_element(By.CSS_SELECTOR, "form.compile input[name=draft]").is_selected())
        self.shot("summary-empty")
        post_form(d, "form.compile", "button.submit")
        receipt = d.find_elements(By.CSS_SELECTOR, ".receipt")
        check("6 the compile's receipt is shown", len(receipt) == 1 and receipt[0].text.startswith("Compiled"),
              text_of(d, "main") if not receipt else receipt[0].text)
        check("6 no refusal", not d.find_elements(By.CSS_SELECTOR, ".refusal"), text_of(d, ".refusal"))
        listed = [li.text for li in d.find_elements(By.CSS_SELECTOR, ".receipt li")]
        check("6 the receipt lists the three files", len(listed) == 3 and all("sha256" in t for t in listed), str(listed))
        links = self.downloads()
        check("6 the current build's links: md, html, docx", sorted(links) == ["summary.docx", "summary.html", "summary.md"], str(links))
        check("6 the current build names who compiled it", f"by {OFFICE}" in text_of(d, "#builds-live"), text_of(d, "#builds-live"))
        self.shot("summary-compiled")
        if "summary.docx" not in links:
            return
        url, shown = links["summary.docx"]
        check("6 the page shows the .docx's SHA-256", re.fullmatch(r"[0-9a-f]{64}", shown) is not None, shown)
        check("6 the receipt's short SHA-256 is the link's", any(shown[:12] in t for t in listed), str(listed))
        status, headers, body = fetch(url, cookie=self.cookie(d))
        check("6 the .docx link with the office's cookie: 200", status == 200, str(status))
        check("6 downloaded as an attachment", 'attachment; filename="summary.docx"' == headers.get("Content-Disposition"),
              str(headers.get("Content-Disposition")))
        check("6 the .docx's Content-Type", headers.get("Content-Type", "").startswith("application/vnd.openxmlformats"),
              str(headers.get("Content-Type")))
        digest = hashlib.sha256(body).hexdigest()
        check("6 the downloaded .docx's SHA-256 is the page's", digest == shown, f"{digest} vs {shown}")
        check("6 and the X-SHA256 header's", headers.get("X-SHA256") == shown, str(headers.get("X-SHA256")))
        try:
            with zipfile.ZipFile(io.BytesIO(body)) as archive:
                names = archive.namelist()
                bad = archive.testzip()
                document = archive.read("word/document.xml").decode("utf-8") if "word/document.xml" in names else ""
            check("6 the .docx is a valid ZIP with word/document.xml", "word/document.xml" in names and bad is None, str(names[:8]))
            check("6 the .docx holds the hearing note's text", "migrant-led organizations" in document)
        except zipfile.BadZipFile as error:
            check("6 the .docx is a valid ZIP with word/document.xml", False, str(error))
        self.docx = {"url": url, "sha256": shown, "bytes": body}
        builds = api(self.base, "/api/builds", self.office["token"]) or {}
        first = (builds.get("builds") or [{}])[0]
        check("6 /api/builds: the current build by the office", first.get("by") == OFFICE and not first.get("draft"), str(first)[:300])
        status, _, _ = fetch(url)
        check("6 the download without a cookie: 401", status == 401, str(status))

    def downloads(self):
        """The current build's links: file -> (absolute URL, the SHA-256 beside it)."""
        items = self.driver.execute_script(
            "return Array.from(document.querySelectorAll('#builds-live ul.downloads li')).map(function (li) {"
            " var a = li.querySelector('a[href^=\\'/api/summary/\\']'), c = li.querySelector('.hint code');"
            " return a && c ? [a.textContent, a.href, c.textContent] : null; })")
        return {item[0]: (item[1], item[2]) for item in items if item}

    # 7. A broken note: the compile is refused, the previous build stays.
    def compile_refused(self):
        d = self.driver
        broken = os.path.join(self.workspace, "notes", BROKEN_NOTE)
        with open(broken, "w", encoding="utf-8") as file:
            file.write("---\nsession: round-table-1\ntitle: A broken note\nauthor: Someone by hand\nobjectives: [99]\n---\nText.\n")
        try:
            go(d, self.base + "/office/summary")
            post_form(d, "form.compile", "button.submit")
            refusal = text_of(d, ".refusal")
            check("7 the refusal says Not compiled", "Not compiled" in refusal, refusal[:300] or text_of(d, "main")[:300])
            check("7 the refusal names the broken file", BROKEN_NOTE in refusal, refusal[:500])
            check("7 the refusal names the objective", "99" in refusal, refusal[:500])
            check("7 no receipt", not d.find_elements(By.CSS_SELECTOR, ".receipt"))
            self.shot("summary-refused")
            links = self.downloads()
            if self.docx:
                check("7 the previous build's .docx link is still on the page", links.get("summary.docx", (None,))[0] == self.docx["url"],
                      str(links))
                status, _, body = fetch(self.docx["url"], cookie=self.cookie(d))
                check("7 the previous .docx still downloads: 200, the same bytes", status == 200 and body == self.docx["bytes"],
                      f"{status}, {hashlib.sha256(body).hexdigest()}")
            status, _, body = fetch(self.base + "/office/notes", token=self.office["token"])
            check("7 the notes page lists the broken note's error", status == 200 and BROKEN_NOTE in body.decode(), str(status))
        finally:
            os.remove(broken)

    # 7b. Revision marks: a sentence added to a note, a compile with changes since the previous build.
    def compile_with_changes(self):
        d = self.driver
        go(d, self.base + "/office/summary")
        options = {o.get_attribute("value"): o.text for o in d.find_elements(By.CSS_SELECTOR, "#changes-since option")}
        first = self.builds_so_far()
        check("7b revision marks offered: none, the previous final build, each final build",
              "" in options and "previous" in options and all(str(entry) in options for entry in first), f"{options} {first}")
        chosen = Select(d.find_element(By.ID, "changes-since")).first_selected_option.get_attribute("value")
        check("7b none chosen by default", chosen == "", chosen)
        note = os.path.join(self.workspace, "notes", "round-table-1.md")
        added = "Delegations also asked for a review of progress in two years."
        with open(note, "a", encoding="utf-8") as file:
            file.write(f"\n{added}\n")
        Select(d.find_element(By.ID, "changes-since")).select_by_value("previous")
        post_form(d, "form.compile", "button.submit")
        check("7b no refusal", not d.find_elements(By.CSS_SELECTOR, ".refusal"), text_of(d, ".refusal"))
        listed = " ".join(li.text for li in d.find_elements(By.CSS_SELECTOR, ".receipt li"))
        check("7b the receipt lists summary.changes.docx", "summary.changes.docx" in listed, listed)
        links = self.downloads()
        check("7b the current build links summary.changes.docx", "summary.changes.docx" in links, str(sorted(links)))
        self.shot("summary-changes")
        if "summary.changes.docx" not in links:
            return
        url, shown = links["summary.changes.docx"]
        status, headers, body = fetch(url, cookie=self.cookie(d))
        check("7b the changes document downloads: 200, the page's SHA-256", status == 200 and hashlib.sha256(body).hexdigest() == shown,
              str(status))
        try:
            with zipfile.ZipFile(io.BytesIO(body)) as archive:
                document = archive.read("word/document.xml").decode("utf-8")
            inserted = re.findall(r"<w:ins [^>]*>(?:(?!</w:ins>).)*</w:ins>", document)
            check("7b the added sentence is a tracked insertion", any(added in part for part in inserted), str(len(inserted)))
        except (zipfile.BadZipFile, KeyError) as error:
            check("7b the changes document is a Word document", False, str(error))

    def builds_so_far(self):
        """The final builds' entries, as /api/builds lists them."""
        builds = (api(self.base, "/api/builds", self.office["token"]) or {}).get("builds") or []
        return [build["entry"] for build in builds if not build.get("draft")]

    # 8. Every open deliverable marked distributed, one by one: the forum turns OK.
    def distribute(self):
        d = self.driver
        click_nav(d, "Forum")
        status = self.status() or {"deliverables": []}
        open_items = [item["id"] for item in status["deliverables"] if not item["done"]]
        print(f"   not done: {', '.join(open_items) or 'none'}; status {status.get('status')}: {status.get('message')}", flush=True)
        check("8 pga-summaries is among the deliverables not done", "pga-summaries" in open_items, str(open_items))
        state = text_of(d, "#deliverable-pga-summaries td.state")
        check("8 the forum shows the compile: pga-summaries compiled", state == "compiled", state)
        check("8 and, due in May, overdue", "overdue-row" in classes_of(d, "#deliverable-pga-summaries"),
              str(classes_of(d, "#deliverable-pga-summaries")))
        for number, item in enumerate(open_items, start=1):
            form = "form[action='/office/distributions']"
            if not d.find_elements(By.CSS_SELECTOR, form):
                check(f"8 the form is there to mark {item}", False)
                break
            Select(d.find_element(By.CSS_SELECTOR, f"{form} select[name=deliverable]")).select_by_value(item)
            reference = f"A/81/{100 + number}"
            type_into(d.find_element(By.CSS_SELECTOR, f"{form} input[name=reference]"), reference)
            post_form(d, form)
            done = text_of(d, "p.done")
            check(f"8 {item} marked distributed", done.startswith(f"Marked distributed: {item}, reference {reference}"),
                  done or text_of(d, ".refusal"))
            state = text_of(d, f"#deliverable-{item} td.state")
            check(f"8 {item}'s row says distributed", state == "distributed", state)
            self.distributed.append(item)
            self.distribution_entries += 1
            if number == 1 and len(open_items) > 1:
                self.shot("forum-marked")
        line = text_of(d, "#forum-live p.status")
        check("8 the forum's status line turns OK", "status-ok" in classes_of(d, "#forum-live p.status") and line.startswith("OK - "),
              line or "no status line")
        after = self.status() or {}
        check("8 /api/status says OK", after.get("status") == "OK", f"{after.get('status')}: {after.get('message')}")
        check("8 no overdue row left", not d.find_elements(By.CSS_SELECTOR, "tr.overdue-row"))
        check("8 the form's list no longer offers them",
              not set(self.distributed) & {o.get_attribute("value")
                                           for o in d.find_elements(By.CSS_SELECTOR, "select[name=deliverable] option")})
        self.shot("forum-ok")

    # 8b. Corrections: a distribution undone (and marked again), a note
    # withdrawn, a note moved to another session; each form's answer says
    # what was done and its ledger entry; a refusal in words.
    def corrections(self):
        d = self.driver
        item = "pga-summaries"
        go(d, self.base + "/")
        undo = f"#deliverable-{item} + tr.row-actions form[action='/office/distributions/undo']"
        check(f"8b the distributed {item} has an Undo distribution form", len(d.find_elements(By.CSS_SELECTOR, undo)) == 1)
        self.shot("forum-undo-forms")
        if d.find_elements(By.CSS_SELECTOR, undo):
            type_into(d.find_element(By.CSS_SELECTOR, f"{undo} input[name=reason]"), "marked the wrong one")
            post_form(d, undo)
            done = text_of(d, "p.done")
            check(f"8b {item} undone: the page says so with the ledger entry",
                  done.startswith(f"No longer marked distributed: {item} (marked the wrong one)") and "ledger entry" in done, done)
            state = text_of(d, f"#deliverable-{item} td.state")
            check(f"8b {item}'s state is back (not distributed)", state not in ("", "distributed"), state)
            self.distribution_entries += 1
            offered = [o.get_attribute("value") for o in d.find_elements(By.CSS_SELECTOR, "form[action='/office/distributions'] option")]
            check(f"8b the mark form offers {item} again", item in offered, str(offered))
            # Marked again, so that the forum is done as before.
            form = "form[action='/office/distributions']"
            Select(d.find_element(By.CSS_SELECTOR, f"{form} select[name=deliverable]")).select_by_value(item)
            post_form(d, form)
            check(f"8b {item} marked distributed again", text_of(d, f"#deliverable-{item} td.state") == "distributed")
            self.distribution_entries += 1
        # Undoing what is not distributed any more: a refusal in words, 422.
        status, body = intake.http("POST", self.base + "/api/distributions/undo", token=self.office["token"],
                                   body=json.dumps({"deliverable": "hearing-summary", "reason": "x"}).encode(),
                                   content_type="application/json")
        check("8b undoing what is not distributed: 422 in words",
              status == 422 and "is not marked distributed: there is nothing to undo" in body, f"{status} {body[:200]}")

        click_nav(d, "Notes")
        withdraw = "#notes-round-table-4 form[action='/office/withdrawals']"
        move = "#notes-round-table-1 form[action='/office/moves']"
        check("8b each note has a Withdraw and a Move form",
              len(d.find_elements(By.CSS_SELECTOR, "#notes-live form[action='/office/withdrawals']")) == 7
              and len(d.find_elements(By.CSS_SELECTOR, "#notes-live form[action='/office/moves']")) == 7)
        check("8b the Withdraw form's reason is required",
              d.find_element(By.CSS_SELECTOR, f"{withdraw} input[name=reason]").get_attribute("required") is not None)
        options = [o.get_attribute("value") for o in d.find_elements(By.CSS_SELECTOR, f"{move} select[name=session] option")]
        check("8b the Move form offers the six other sessions", len(options) == 6 and "round-table-1" not in options, str(options))
        self.shot("notes-correction-forms")
        # Without a reason the browser does not send the form (required); the server says so too.
        status, body = intake.http("POST", self.base + "/api/withdrawals", token=self.office["token"],
                                   body=json.dumps({"note": "round-table-4.md", "reason": " "}).encode(), content_type="application/json")
        check("8b a withdrawal without a reason: 422 in words", status == 422 and "say why the note is withdrawn" in body,
              f"{status} {body[:200]}")
        type_into(d.find_element(By.CSS_SELECTOR, f"{withdraw} input[name=reason]"), "sent for the wrong forum")
        post_form(d, withdraw)
        done = text_of(d, "p.done")
        check("8b withdrawn: the page says so with the ledger entry",
              done.startswith("Withdrawn: notes/round-table-4.md (Round table 4)") and "ledger entry" in done, done)
        check("8b the note has left the list", "round-table-4.md" not in text_of(d, "#notes-round-table-4"), text_of(d, "#notes-round-table-4"))
        check("8b its session is now flagged without a note", "missing" in classes_of(d, "#notes-round-table-4")
              and "No note yet." in text_of(d, "#notes-round-table-4"), str(classes_of(d, "#notes-round-table-4")))
        check("8b the summary line counts it", "1 session without a note." in text_of(d, "p.summary-line"), text_of(d, "p.summary-line"))
        check("8b the file is gone from notes/", not os.path.exists(os.path.join(self.workspace, "notes", "round-table-4.md")))
        rows = {item["id"]: item for item in (self.status() or {}).get("deliverables", [])}
        tables = rows.get("round-table-summaries", {})
        check("8b the status follows: the round tables' summaries wait for round table 4 again",
              tables.get("state") == "pending" and "round-table-4" in (tables.get("detail") or ""), str(tables)[:300])
        self.shot("notes-withdrawn")
        Select(d.find_element(By.CSS_SELECTOR, f"{move} select[name=session]")).select_by_value("hearing")
        post_form(d, move)
        done = text_of(d, "p.done")
        check("8b moved: the page says where, with the ledger entries",
              done.startswith("Moved: notes/round-table-1.md is now notes/hearing--") and "the old note withdrawn (ledger entry" in done, done)
        check("8b the note shows under the hearing", "hearing--round-table-rapporteur-sample.md" in text_of(d, "#notes-hearing"),
              text_of(d, "#notes-hearing")[:300])
        check("8b and no longer under round table 1", "missing" in classes_of(d, "#notes-round-table-1"), text_of(d, "#notes-round-table-1")[:300])
        self.shot("notes-moved")
        problems = console_problems(d)
        check("8b no console errors on the corrections", not problems, str(problems))

    # 9. The rapporteur is refused the office's pages and API.
    def rapporteur_refused(self):
        r = self.rapporteur_driver
        if not r or not self.rapporteur:
            check("9 the rapporteur signed in", False, "step 4 did not run")
            return
        cookie = self.cookie(r)
        check("9 the rapporteur's browser holds a session cookie", cookie is not None)
        for path in ("/office/notes", "/api/status", "/office/summary", "/api/summary/summary.docx", "/api/log"):
            status, _, _ = fetch(self.base + path, cookie=cookie)
            check(f"9 {path} with the rapporteur's cookie: 403", status == 403, str(status))
        status, _, _ = fetch(self.base + "/api/status", token=self.rapporteur["token"])
        check("9 /api/status with the rapporteur's token: 403", status == 403, str(status))
        before = len(api(self.base, "/api/log", self.office["token"]) or [])
        for path, body in (("/api/compile", {"formats": ["md"]}), ("/api/distributions", {"deliverable": "hearing-summary"}),
                           ("/api/invitations", {"name": "Mallory", "role": "office"})):
            status, _ = intake.http("POST", self.base + path, token=self.rapporteur["token"], body=json.dumps(body).encode(),
                                    content_type="application/json")
            check(f"9 POST {path} with the rapporteur's token: 403", status == 403, str(status))
        after = len(api(self.base, "/api/log", self.office["token"]) or [])
        check("9 nothing recorded for the rapporteur's refused posts", after == before, f"{before} -> {after} entries")
        go(r, self.base + "/office/notes")
        check("9 the rapporteur's browser on /office/notes: a clear refusal", heading(r) == "This is for the office only", heading(r))
        self.shot("rapporteur-refused", driver=r)
        status, _, body = fetch(self.base + "/", cookie=cookie)
        check("9 the rapporteur's / is their own page",
              status == 200 and b"session-hearing" in body and b"nav class=\"office\"" not in body,
              str(status))

    # The invitations page: the last sign-in, and a revocation by the office.
    def revoke(self):
        d = self.driver
        if not self.rapporteur:
            return
        click_nav(d, "Invitations")
        row = f"#invitation-{self.rapporteur['id']}"
        check("9 the invitation's last sign-in is shown", "never" not in text_of(d, f"{row} td:nth-child(4)")
              and "New York" in text_of(d, f"{row} td:nth-child(4)"), text_of(d, row))
        post_form(d, f"{row} form[action$='/revoke']")
        check("9 the office revokes the rapporteur", "revoked" in text_of(d, "p.done"), text_of(d, "main")[:300])
        check("9 listed as revoked", text_of(d, f"{row} td:nth-child(3)").startswith("revoked"), text_of(d, row))
        status, _, _ = fetch(self.base + "/", token=self.rapporteur["token"])
        check("9 the revoked rapporteur's token: 401", status == 401, str(status))
        self.shot("invitation-revoked")

    # 10. The ledger: the office's actions with "by", newest first; the filter.
    def ledger(self):
        d = self.driver
        click_nav(d, "Ledger")
        check("10 the ledger page", heading(d) == "The ledger", heading(d))
        rows = [cells for _, cells in rows_of(d, "table.ledger tbody tr")]
        numbers = [int(r[0]) for r in rows if r and r[0].isdigit()]
        check("10 newest first", numbers and numbers == sorted(numbers, reverse=True), str(numbers[:12]))
        by = f"; by {OFFICE}"
        kinds = [r[2] for r in rows if len(r) == 4 and r[3].endswith(by)]
        check("10 the office's compile, by name", "compile" in kinds, str(kinds))
        check("10 the office's invitation, by name", any(r[2] == "invitation" and RAPPORTEUR in r[3] and r[3].endswith(by) for r in rows))
        check("10 the office's distributions and the undo, by name", kinds.count("distribution") == self.distribution_entries > 0,
              f"{kinds.count('distribution')} vs {self.distribution_entries}")
        check("10 the office's withdrawals (one a move), by name", kinds.count("withdrawal") == 2, str(kinds))
        check("10 the office's revocation, by name", "revocation" in kinds, str(kinds))
        check("10 the rapporteur's submission", any(r[2] == "submission" and RAPPORTEUR in r[3] for r in rows))
        if rows:
            check("10 the newest entry is the revocation", rows[0][2] == "revocation", str(rows[0]))
        check("10 times in New York's offset",
              all(re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d -0[45]:00", r[1]) for r in rows if len(r) == 4),
              str([r[1] for r in rows[:3]]))
        self.shot("ledger")
        marker = mark_page(d)
        d.find_element(By.CSS_SELECTOR, "p.filters").find_element(By.LINK_TEXT, "distribution").click()
        wait_loaded(d, marker)
        check("10 the filter's URL", d.current_url == self.base + "/office/ledger?kind=distribution", d.current_url)
        rows = [cells for _, cells in rows_of(d, "table.ledger tbody tr")]
        check("10 ?kind=distribution shows only distributions, all of them",
              rows and all(r[2] == "distribution" for r in rows) and len(rows) == self.distribution_entries, str([r[2] for r in rows]))
        check("10 the filter link is marked current",
              d.find_element(By.CSS_SELECTOR, "p.filters a[aria-current]").text == "distribution")
        check("10 the live element refreshes the filtered list",
              d.find_element(By.ID, "ledger-live").get_attribute("data-live") == "/office/ledger?kind=distribution")
        self.shot("ledger-distributions")
        status, _, body = fetch(self.base + "/api/log?kind=distribution", token=self.office["token"])
        entries = json.loads(body) if status == 200 else []
        check("10 /api/log?kind=distribution: the same entries", len(entries) == self.distribution_entries, f"{status} {body[:200]!r}")

    # 11. Every page at phone width, no horizontal scrolling; printed without the forms.
    def narrow(self):
        d = self.driver
        pages = [("forum", "/"), ("notes", "/office/notes"), ("note-preview", "/office/notes/hearing--rafael-ortiz.md"),
                 ("summary", "/office/summary"), ("invitations", "/office/invitations"), ("ledger", "/office/ledger")]
        d.set_window_size(NARROW, 1000)
        width = d.execute_script("return document.documentElement.clientWidth")
        try:
            for name, path in pages:
                go(d, self.base + path)
                wait_for(d, "the local times", lambda _: not d.find_elements(By.CSS_SELECTOR, "span.local-time")
                         or local_times_filled(d, "body"))
                over = horizontal_overflow(d)
                check(f"11 {name} at {NARROW} px: no horizontal scrolling", over <= 4, f"{over} px too wide (window {width}): {widest(d)}")
                self.shot(f"narrow-{name}")
                pdf = d.execute_cdp_cmd("Page.printToPDF", {"printBackground": False})
                check(f"11 {name} prints to a PDF", base64.b64decode(pdf.get("data", ""))[:5] == b"%PDF-")
                d.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
                hidden = d.execute_script(
                    "return Array.from(document.querySelectorAll('nav.office, form')).every(function (e) {"
                    " return getComputedStyle(e).display === 'none'; })")
                check(f"11 {name} in print: no nav, no forms", hidden)
                if name in ("forum", "summary"):
                    self.shot(f"print-{name}")
                d.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
            # The one-time link at phone width: the field and its Copy button fit.
            go(d, self.base + "/office/invitations")
            form = "form[action='/office/invitations']"
            type_into(d.find_element(By.CSS_SELECTOR, f"{form} input[name=name]"), "Sofia Lind")
            d.find_element(By.CSS_SELECTOR, f"{form} input[name=sessions][value=round-table-3]").click()
            post_form(d, form)
            over = horizontal_overflow(d)
            check(f"11 a new invitation at {NARROW} px: no horizontal scrolling", over <= 4, f"{over} px too wide: {widest(d)}")
            fits = d.execute_script(
                "var w = document.documentElement.clientWidth, f = document.getElementById('new-link'),"
                " b = document.querySelector('button[data-copy]');"
                "return !!f && !!b && f.getBoundingClientRect().right <= w && b.getBoundingClientRect().right <= w")
            check(f"11 the new link and its Copy button fit in {NARROW} px", fits)
            self.shot("narrow-invitation-created")
            problems = console_problems(d)
            check("11 no console errors since the forum page (4xx answers aside)", not problems, str(problems))
        finally:
            d.set_window_size(1280, 1600)

    def run(self):
        steps = [self.sign_in, self.notes_missing, self.invite, self.rapporteur_submits, self.compile, self.compile_refused,
                 self.compile_with_changes,
                 self.distribute, self.corrections, self.rapporteur_refused, self.revoke, self.ledger, self.narrow]
        self.driver = make_driver()
        try:
            for step in steps:
                try:
                    step()
                except Exception as error:  # a step that cannot go on: the next ones still run
                    check(f"step {step.__name__} ran to its end", False, f"{type(error).__name__}: {error}")
                    traceback.print_exc()
                    try:
                        self.shot(f"failed-{step.__name__}")
                    except Exception:
                        pass
        finally:
            self.driver.quit()
            if self.rapporteur_driver:
                self.rapporteur_driver.quit()


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--base", required=True, help="the server's base URL")
    parser.add_argument("--workspace", required=True)
    parser.add_argument("--imrf", required=True, help="the built imrf")
    parser.add_argument("--invites", required=True, help="the folder holding office.json (imrf invite --role office --json)")
    arguments = parser.parse_args()
    start = time.monotonic()
    OfficeScenario(arguments).run()
    print(f"office browser test: {intake.failures} failure(s) in {time.monotonic() - start:.0f} s", flush=True)
    sys.exit(1 if intake.failures else 0)


if __name__ == "__main__":
    main()
