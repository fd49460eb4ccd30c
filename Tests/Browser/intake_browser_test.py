#!/usr/bin/env python3
"""The web intake (`imrf serve`) in headless Chromium, driven by Selenium.

Run by Tests/Browser/run.sh, which makes the workspace, invites the people
and starts the server. Every step is asserted from what the browser shows
(the DOM), and where a status code matters also with urllib. One line per
check; exit 1 if any failed. Screenshots of every page state go to
IMRF_BROWSER_SHOTS (default .build/browser-shots).
"""

import argparse
import base64
import datetime
import hashlib
import json
import os
import re
import subprocess
import sys
import time
import traceback
import urllib.error
import urllib.request
import uuid
import zoneinfo

from selenium import webdriver
from selenium.common.exceptions import NoAlertPresentException, TimeoutException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

BROWSER_ZONE = "Asia/Tokyo"
WAIT = 20  # seconds, for anything the page does by itself

failures = 0


def check(name, condition, detail=""):
    global failures
    if condition:
        print(f"ok: {name}", flush=True)
    else:
        failures += 1
        print(f"FAIL: {name}" + (f": {detail}" if detail else ""), flush=True)
    return condition


# MARK: The browser


def make_driver(javascript=True):
    options = webdriver.ChromeOptions()
    options.binary_location = os.environ.get("IMRF_CHROMIUM", "/usr/bin/chromium")
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                     "--window-size=1280,1600", "--lang=en-US", "--no-first-run"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    if not javascript:
        options.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    # The browser in another zone than the server's New York, to see the
    # script's local times.
    service = Service(executable_path=os.environ.get("IMRF_CHROMEDRIVER", "/usr/bin/chromedriver"),
                      env=dict(os.environ, TZ=BROWSER_ZONE))
    driver = webdriver.Chrome(service=service, options=options)
    driver.set_page_load_timeout(30)
    return driver


class Shots:
    def __init__(self, folder):
        self.folder = folder
        self.count = 0
        os.makedirs(folder, exist_ok=True)
        for name in os.listdir(folder):
            if name.endswith(".png"):
                os.remove(os.path.join(folder, name))

    def take(self, driver, name, whole=True):
        """The whole page, or only what the window shows (whole=False)."""
        self.count += 1
        path = os.path.join(self.folder, f"{self.count:02d}-{name}.png")
        if not whole:
            driver.save_screenshot(path)
            print(f"   screenshot {path}", flush=True)
            return path
        try:
            metrics = driver.execute_cdp_cmd("Page.getLayoutMetrics", {})
            size = metrics.get("cssContentSize") or metrics["contentSize"]
            clip = {"x": 0, "y": 0, "width": max(1, size["width"]), "height": min(max(1, size["height"]), 8000), "scale": 1}
            data = driver.execute_cdp_cmd("Page.captureScreenshot",
                                          {"format": "png", "captureBeyondViewport": True, "clip": clip})
            with open(path, "wb") as file:
                file.write(base64.b64decode(data["data"]))
        except Exception:  # an older driver: the window only
            driver.save_screenshot(path)
        print(f"   screenshot {path}", flush=True)
        return path


def wait_for(driver, what, condition, timeout=WAIT):
    try:
        return WebDriverWait(driver, timeout, poll_frequency=0.1).until(lambda d: condition(d))
    except TimeoutException:
        raise AssertionError(f"waited {timeout} s for {what}") from None


def text_of(driver, selector):
    """The rendered text of the first element `selector` finds, "" if none:
    read in one script call, so the live check replacing the element
    in between cannot make it stale."""
    return driver.execute_script("var e = document.querySelector(arguments[0]); return e ? e.innerText : ''", selector)


def heading(driver):
    return text_of(driver, "h1")


def wait_loaded(driver, marker=None):
    """After a click that posts the form: the new page is there (the old
    one's marker gone) and complete."""
    if marker is not None:
        wait_for(driver, "the new page", lambda d: d.execute_script("return window.__imrfMarker === undefined"))
    wait_for(driver, "the page to load", lambda d: d.execute_script("return document.readyState") == "complete")


def mark_page(driver):
    """Marks the page in the window, to tell a new page from this one."""
    token = uuid.uuid4().hex
    driver.execute_script("window.__imrfMarker = arguments[0]", token)
    return token


def console_problems(driver):
    """Console entries of SEVERE level, less the expected ones (a 4xx
    page is logged as a failed resource load)."""
    try:
        entries = driver.get_log("browser")
    except Exception:
        return []
    return [e["message"] for e in entries
            if e.get("level") == "SEVERE" and "Failed to load resource" not in e["message"]]


def no_alert(driver):
    try:
        alert = driver.switch_to.alert
        text = alert.text
        alert.dismiss()
        return False, text
    except NoAlertPresentException:
        return True, ""


def press(driver, section, action):
    """Clicks a form button (check, preview or submit) and waits for the page it posts to."""
    marker = mark_page(driver)
    section.find_element(By.CSS_SELECTOR, f"button[value='{action}']").click()
    wait_loaded(driver, marker)


def outcome_in_view(driver, session):
    """Whether the answer to a form post opened at the session's outcome
    (the form's action ends in #outcome-SESSION), not at the page's top."""
    return driver.execute_script(
        "var e = document.getElementById('outcome-' + arguments[0]); if (!e) return false;"
        "var r = e.getBoundingClientRect(); return r.top >= 0 && r.top < window.innerHeight", session)


def type_into(element, text):
    element.clear()
    element.send_keys(text)


def section_of(driver, session):
    return driver.find_element(By.ID, f"session-{session}")


# MARK: HTTP without the browser


def http(method, url, token=None, body=None, content_type=None, cookie=None, origin=None):
    request = urllib.request.Request(url, data=body, method=method)
    if token:
        request.add_header("Authorization", f"Bearer {token}")
    if content_type:
        request.add_header("Content-Type", content_type)
    if cookie:
        request.add_header("Cookie", cookie)
    if origin:
        request.add_header("Origin", origin)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8", "replace")


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def http_no_redirect(url):
    opener = urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(url, timeout=30) as response:
            return response.status, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8", "replace")


def multipart(fields):
    boundary = "imrfBrowserTest" + uuid.uuid4().hex
    parts = []
    for name, value in fields:
        parts.append(f"--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n")
    body = ("".join(parts) + f"--{boundary}--\r\n").encode("utf-8")
    return body, f"multipart/form-data; boundary={boundary}"


def sha256_of(path):
    with open(path, "rb") as file:
        return hashlib.sha256(file.read()).hexdigest()


# MARK: The scenario


class Scenario:
    def __init__(self, arguments):
        self.base = arguments.base.rstrip("/")
        self.workspace = arguments.workspace
        self.imrf = arguments.imrf
        self.people = {}
        for name in os.listdir(arguments.invites):
            with open(os.path.join(arguments.invites, name), encoding="utf-8") as file:
                invitation = json.load(file)
            invitation["token"] = invitation["url"].rsplit("/", 1)[1]
            self.people[name.removesuffix(".json")] = invitation
        self.shots = Shots(os.environ.get("IMRF_BROWSER_SHOTS", ".build/browser-shots"))
        self.driver = None
        self.version_url = None

    def log(self):
        return subprocess.run([self.imrf, "log", "-w", self.workspace], capture_output=True, text=True, timeout=60)

    # 1. The link signs A in; the session and its deadline in New York and in the browser's zone.
    def sign_in(self):
        d = self.driver
        a = self.people["a"]
        d.get(a["url"])
        wait_loaded(d)
        check("1 the link lands on the rapporteur's page", d.current_url == self.base + "/", d.current_url)
        check("1 the page says who is signed in", f"Signed in as {a['name']}" in text_of(d, "header"), text_of(d, "header"))
        sessions = [s.get_attribute("id") for s in d.find_elements(By.CSS_SELECTOR, "section.session")]
        check("1 one session shown, round-table-2", sessions == ["session-round-table-2"], str(sessions))
        section = section_of(d, "round-table-2")
        check("1 the session's title is shown", "Round table 2" in section.find_element(By.TAG_NAME, "h2").text,
              section.find_element(By.TAG_NAME, "h2").text)
        deadline = section.find_element(By.CSS_SELECTOR, ".deadline")
        check("1 the deadline is shown in New York time", " New York" in deadline.text and "due" in deadline.text, deadline.text)
        wait_for(d, "the script's zone note", lambda _: BROWSER_ZONE in text_of(d, ".zone-note"))
        check("1 the browser's zone note is filled in by the script", BROWSER_ZONE in text_of(d, ".zone-note"), text_of(d, ".zone-note"))
        local = deadline.find_element(By.CSS_SELECTOR, ".local-time")
        instant = datetime.datetime.fromisoformat(local.get_attribute("data-for").replace("Z", "+00:00"))
        tokyo = instant.astimezone(zoneinfo.ZoneInfo(BROWSER_ZONE))
        hour = tokyo.hour % 12 or 12
        expected = [tokyo.strftime("%b ") + f"{tokyo.day}, {tokyo.year}", f"{hour}:{tokyo.minute:02d}", BROWSER_ZONE]
        check("1 the deadline in the browser's time (Tokyo) appears beside it",
              all(part in local.text for part in expected), f"{local.text!r}, expected {expected}")
        ny = instant.astimezone(zoneinfo.ZoneInfo("America/New_York"))
        check("1 the New York deadline text is the same instant",
              f"{ny.hour:02d}:{ny.minute:02d}" in deadline.text or "end of day" in deadline.text, deadline.text)
        check("1 no console errors", not console_problems(d), str(console_problems(d)))
        self.shots.take(d, "a-signed-in")

    # 2. A mistake: the live check shows it with its line, then the Check button too.
    BROKEN_BODY = ("Delegates discussed legal identity for all migrants.\n\n"
                   "![Chart of registrations](figures/missing-chart.png)\n\n"
                   "They asked for documents in a language people read.\n")

    def mistake(self):
        d = self.driver
        section = section_of(d, "round-table-2")
        type_into(section.find_element(By.NAME, "title"), "Round table 2: legal identity")
        for box in section.find_elements(By.CSS_SELECTOR, "input[name=objectives]"):
            if box.get_attribute("value") in ("4", "8") and not box.is_selected():
                box.click()
        marker = mark_page(d)
        type_into(section.find_element(By.NAME, "body"), self.BROKEN_BODY)
        # The whole name: a check of the text half typed may come first.
        wait_for(d, "the live check's error",
                 lambda _: "'figures/missing-chart.png'" in text_of(d, "#session-round-table-2 .outcome li.error"))
        error = text_of(d, "#session-round-table-2 .outcome li.error")
        check("2 the live check shows the error without a button pressed",
              d.execute_script("return window.__imrfMarker") == marker, "the page was reloaded")
        check("2 the live check names the body line (3) of the mistake", "body line 3" in error, error)
        check("2 the live check says the picture is not found", "image 'figures/missing-chart.png' not found" in error, error)
        check("2 the live check's heading says to fix it", "fix these first" in text_of(d, "#session-round-table-2 .outcome h3"))
        self.shots.take(d, "a-live-check-error")
        press(d, section_of(d, "round-table-2"), "check")
        section = section_of(d, "round-table-2")
        error_after = text_of(d, "#session-round-table-2 .outcome li.error")
        check("2 Check (the form post) shows the same error at body line 3", "body line 3" in error_after, error_after)
        check("2 the answer opens at the outcome", outcome_in_view(d, "round-table-2"))
        check("2 after Check the form keeps the body", section.find_element(By.NAME, "body").get_attribute("value").strip()
              == self.BROKEN_BODY.strip())
        check("2 after Check the form keeps the title", section.find_element(By.NAME, "title").get_attribute("value")
              == "Round table 2: legal identity")
        checked = sorted(b.get_attribute("value") for b in section.find_elements(By.CSS_SELECTOR, "input[name=objectives]")
                         if b.is_selected())
        check("2 after Check the objectives stay ticked", checked == ["4", "8"], str(checked))
        self.shots.take(d, "a-check-error")

    # 3. Fixed, with a table and a footnote: the preview shows both.
    GOOD_BODY = ("Delegates discussed legal identity for all migrants.[^1]\n\n"
                 "| Country group | Registrations |\n"
                 "|---|---|\n"
                 "| Origin | 1,200 |\n"
                 "| Destination | 3,400 |\n\n"
                 "They asked for documents in a language people read.\n\n"
                 "[^1]: Figures given by the delegation of the co-chair.\n")

    def preview(self):
        d = self.driver
        section = section_of(d, "round-table-2")
        type_into(section.find_element(By.NAME, "body"), self.GOOD_BODY)
        wait_for(d, "the live check to clear", lambda _: "ready to submit" in text_of(d, "#session-round-table-2 .outcome h3"))
        check("3 the live check says the fixed note is ready", "ready to submit" in text_of(d, "#session-round-table-2 .outcome h3"))
        press(d, section_of(d, "round-table-2"), "preview")
        tables = d.find_elements(By.CSS_SELECTOR, "#session-round-table-2 .preview table")
        check("3 the preview shows a table", len(tables) == 1)
        if tables:
            cells = [c.text for c in tables[0].find_elements(By.CSS_SELECTOR, "th, td")]
            check("3 the table has its cells", cells == ["Country group", "Registrations", "Origin", "1,200", "Destination", "3,400"],
                  str(cells))
        footnote = text_of(d, "#session-round-table-2 .preview .footnotes li")
        check("3 the preview shows the footnote", "Figures given by the delegation" in footnote, footnote)
        check("3 the footnote's mark is in the text", len(d.find_elements(By.CSS_SELECTOR, "#session-round-table-2 .preview sup, "
                                                                           "#session-round-table-2 .preview a[href='#fn1']")) >= 1)
        check("3 the footnote's mark and back-link lead to each other",
              d.execute_script("return !!document.querySelector('.preview a[href=\"#fn1\"]') && !!document.getElementById('fn1')"
                               " && !!document.querySelector('.preview a[href=\"#fnref1\"]') && !!document.getElementById('fnref1')"))
        self.shots.take(d, "a-preview")

    # 4. Submit: the receipt; the file in notes/ with that SHA-256; the ledger lists it.
    def submit(self):
        d = self.driver
        a = self.people["a"]
        press(d, section_of(d, "round-table-2"), "submit")
        receipt = d.find_elements(By.CSS_SELECTOR, "#session-round-table-2 .receipt")
        check("4 a receipt is on the page", len(receipt) == 1)
        check("4 the answer opens at the receipt", outcome_in_view(d, "round-table-2"))
        if not receipt:
            return
        receipt = receipt[0]
        codes = [c.text for c in receipt.find_elements(By.CSS_SELECTOR, "dd code")]
        check("4 the receipt says version 1", "Submitted: version 1" in receipt.find_element(By.TAG_NAME, "h3").text)
        path, sha = (codes + ["", ""])[:2]
        check("4 the receipt names the stored file", path == "notes/round-table-2--amina-diallo.md", path)
        check("4 the receipt has a SHA-256", re.fullmatch(r"[0-9a-f]{64}", sha) is not None, sha)
        wait_for(d, "the receipt's local time", lambda _: BROWSER_ZONE in receipt.find_element(By.CSS_SELECTOR, ".local-time").text)
        time_text = receipt.find_element(By.CSS_SELECTOR, "dd time").text
        check("4 the receipt has the time in New York and the browser's zone",
              "New York" in time_text and BROWSER_ZONE in receipt.find_element(By.CSS_SELECTOR, ".local-time").text, time_text)
        stored = os.path.join(self.workspace, path)
        check("4 the file is in the workspace's notes/", os.path.isfile(stored), stored)
        if os.path.isfile(stored):
            check("4 the file's SHA-256 is the receipt's", sha256_of(stored) == sha)
            with open(stored, encoding="utf-8") as file:
                text = file.read()
            check("4 the file holds the author and the body", f'author: "{a["name"]}"' in text and "| Origin | 1,200 |" in text)
        log = self.log()
        line = f"submission  round-table-2 by {a['name']}: {path}"
        check("4 imrf log lists the submission", log.returncode == 0 and line in log.stdout, log.stdout[-800:] + log.stderr)
        versions = d.find_elements(By.CSS_SELECTOR, "#session-round-table-2 ol.versions a")
        check("4 the versions list shows version 1", [v.text for v in versions] == ["Version 1"], str([v.text for v in versions]))
        self.shots.take(d, "a-receipt")
        if versions:
            self.version_url = versions[0].get_attribute("href")
            versions[0].click()
            wait_for(d, "the version page", lambda _: "version 1" in heading(d))
            check("4 the version page shows the submitted text", "| Origin | 1,200 |" in text_of(d, "pre.source"))
            check("4 the version page names the session as people read it", heading(d) == "Round table 2, version 1", heading(d))
            check("4 the version page shows the SHA-256", sha in d.find_element(By.TAG_NAME, "main").text)
            wait_for(d, "the version's local time", lambda _: BROWSER_ZONE in text_of(d, "main .local-time"))
            self.shots.take(d, "a-version-1")
            d.find_element(By.LINK_TEXT, "Back to your page").click()
            wait_for(d, "A's page again", lambda _: d.find_elements(By.ID, "session-round-table-2"))

    # 5. A hostile note previews inert.
    HOSTILE_TITLE = '"><script>window.__pwned=1</script>'
    HOSTILE_BODY = ("Hostile text.\n\n"
                    "<script>window.__pwned=1</script>\n\n"
                    "<img src=x onerror=\"window.__pwned=1\">\n\n"
                    "A link: [x](javascript:window.__pwned=1)\n\n"
                    "A safe link: [UN](https://www.un.org/)\n")

    def hostile(self):
        d = self.driver
        d.get_log("browser")  # drop what came before
        section = section_of(d, "round-table-2")
        type_into(section.find_element(By.NAME, "title"), self.HOSTILE_TITLE)
        type_into(section.find_element(By.NAME, "body"), self.HOSTILE_BODY)
        press(d, section_of(d, "round-table-2"), "preview")
        preview = d.find_elements(By.CSS_SELECTOR, "#session-round-table-2 .preview")
        check("5 the hostile note is previewed", len(preview) == 1 and "Hostile text." in preview[0].text)
        self.shots.take(d, "a-hostile-preview")
        check("5 window.__pwned is undefined after the preview", d.execute_script("return typeof window.__pwned") == "undefined")
        scripts = d.execute_script("return Array.from(document.scripts).map(s => s.src)")
        check("5 the only script on the page is the intake's own", scripts == [self.base + "/static/intake.js"], str(scripts))
        check("5 no element with an event handler attribute",
              d.execute_script("return document.querySelectorAll('[onerror],[onload],[onclick]').length") == 0)
        check("5 no picture from the note", not d.find_elements(By.CSS_SELECTOR, "#session-round-table-2 .preview img"))
        links = [a for a in d.find_elements(By.CSS_SELECTOR, "#session-round-table-2 .preview a") if a.text == "x"]
        hrefs = [a.get_attribute("href") for a in links]
        check("5 no javascript: link in the preview", not any(h and h.lower().startswith("javascript:") for h in hrefs), str(hrefs))
        safe = [a.get_attribute("href") for a in d.find_elements(By.CSS_SELECTOR, "#session-round-table-2 .preview a") if a.text == "UN"]
        check("5 an https link in the same note stays a link", safe == ["https://www.un.org/"], str(safe))
        url = d.current_url
        for link in links:
            link.click()
        if links:
            print("   clicked the preview's link 'x'", flush=True)
        else:
            print("   the preview has no link 'x' (the renderer dropped the javascript: link)", flush=True)
        clean, alert = no_alert(d)
        check("5 no alert after clicking the link", clean, alert)
        check("5 window.__pwned still undefined after the click", d.execute_script("return typeof window.__pwned") == "undefined")
        check("5 the click went nowhere", d.current_url.split("#")[0] == url.split("#")[0], d.current_url)
        section = section_of(d, "round-table-2")
        check("5 the hostile title is kept as text in its field",
              section.find_element(By.NAME, "title").get_attribute("value") == self.HOSTILE_TITLE)
        check("5 the hostile body is kept as text in the text area",
              section.find_element(By.NAME, "body").get_attribute("value").strip() == self.HOSTILE_BODY.strip())
        csp = [m for m in console_problems(d)]
        check("5 no console errors (no script blocked by the CSP: none reached the page)", not csp, str(csp))

    # 6. B sees only their session; A's session and A's version are refused.
    def other_rapporteur(self):
        d = self.driver
        a, b = self.people["a"], self.people["b"]
        d.get(b["url"])
        wait_loaded(d)
        sessions = [s.get_attribute("id") for s in d.find_elements(By.CSS_SELECTOR, "section.session")]
        check("6 B's page shows B's session only", sessions == ["session-round-table-3"], str(sessions))
        check("6 B's page does not show A's session", not d.find_elements(By.ID, "session-round-table-2"))
        check("6 B's page does not list A's versions", not d.find_elements(By.CSS_SELECTOR, "ol.versions a"))
        self.shots.take(d, "b-page")
        # B edits the hidden session field to A's session and presses Check.
        d.execute_script("document.querySelector('#session-round-table-3 input[name=session]').value = 'round-table-2'")
        section = section_of(d, "round-table-3")
        type_into(section.find_element(By.NAME, "title"), "Not my session")
        d.execute_script("document.querySelector('#session-round-table-3 textarea').value = arguments[0]", "A note for A's session.")
        press(d, section, "check")
        check("6 B's form for A's session gives the refusal page",
              heading(d) == "You were not invited for the session 'round-table-2'", heading(d))
        check("6 the refusal page names B's own session", "Your sessions: Round table 3." in text_of(d, "main"), text_of(d, "main"))
        check("6 the refusal page leads back", d.find_elements(By.LINK_TEXT, "Back to your page"))
        self.shots.take(d, "b-forbidden-session")
        body, content_type = multipart([("session", "round-table-2"), ("title", "x"), ("body", "A note."), ("action", "submit")])
        status, _ = http("POST", self.base + "/note", token=b["token"], body=body, content_type=content_type)
        check("6 the same form post with B's token: 403", status == 403, str(status))
        note = (f"---\nsession: round-table-2\ntitle: Not mine\nauthor: {b['name']}\nobjectives: [4]\n---\nA note.\n").encode()
        status, answer = http("POST", self.base + "/api/notes", token=b["token"], body=note, content_type="text/markdown")
        check("6 the API refuses B's note for A's session: 403", status == 403 and "not invited" in answer, f"{status} {answer}")
        check("6 nothing stored for B in A's session",
              not os.path.exists(os.path.join(self.workspace, "notes", "round-table-2--bruno-costa.md")))
        if self.version_url:
            d.get(self.version_url)
            wait_loaded(d)
            check("6 A's version opened by B: not found", heading(d) == "No such version of your notes", heading(d))
            check("6 A's version text is not shown to B", "1,200" not in d.find_element(By.TAG_NAME, "body").text)
            self.shots.take(d, "b-a-version-refused")
            status, _ = http("GET", self.version_url, token=b["token"])
            check("6 A's version with B's token: 404", status == 404, str(status))
            status, page = http("GET", self.version_url, token=a["token"])
            check("6 A's version with A's token: 200", status == 200 and "1,200" in page, str(status))
        else:
            check("6 A's version URL known", False, "step 4 did not list a version")
        status, answer = http("GET", self.base + "/api/notes", token=b["token"])
        check("6 B's /api/notes does not list A's note", status == 200 and "amina" not in answer.lower(), answer[:300])

    # 7. Revoked, expired and unknown links: a clear page, 401.
    def refused_links(self):
        d = self.driver
        dana, eva = self.people["d"], self.people["e"]
        d.get(dana["url"])
        wait_loaded(d)
        check("7 D signs in", d.find_elements(By.ID, "session-hearing"))
        revoke = subprocess.run([self.imrf, "invite", "-w", self.workspace, "--revoke", dana["id"]], capture_output=True, text=True,
                                timeout=60)
        check("7 imrf invite --revoke", revoke.returncode == 0, revoke.stderr)
        d.refresh()
        wait_loaded(d)
        check("7 a revoked invitation ends the open session: clear heading", heading(d) == "This link has been withdrawn", heading(d))
        check("7 the page says what to do", "Ask the office for a new link" in d.find_element(By.TAG_NAME, "main").text)
        self.shots.take(d, "d-revoked-session")
        d.get(dana["url"])
        wait_loaded(d)
        check("7 the revoked link itself: clear heading", heading(d) == "This link has been withdrawn", heading(d))
        status, page = http_no_redirect(dana["url"])
        check("7 the revoked link: 401", status == 401 and "This link has been withdrawn" in page, str(status))
        status, _ = http("GET", self.base + "/", cookie=f"imrf_session={dana['token']}")
        check("7 the revoked session cookie: 401", status == 401, str(status))

        expires = datetime.datetime.fromisoformat(eva["expires"].replace("Z", "+00:00"))
        wait_for(d, "the expiry of E's link", lambda _: datetime.datetime.now(datetime.timezone.utc) > expires, timeout=60)
        d.get(eva["url"])
        wait_loaded(d)
        check("7 an expired link: clear heading", heading(d) == "This link has expired", heading(d))
        self.shots.take(d, "e-expired")
        status, page = http_no_redirect(eva["url"])
        check("7 the expired link: 401", status == 401 and "This link has expired" in page, str(status))

        d.get(self.base + "/i/not-a-real-token")
        wait_loaded(d)
        check("7 an unknown link: clear heading", heading(d) == "This link is not valid", heading(d))
        status, _ = http_no_redirect(self.base + "/i/not-a-real-token")
        check("7 the unknown link: 401", status == 401, str(status))
        d.delete_all_cookies()
        d.get(self.base + "/")
        wait_loaded(d)
        check("7 the page without a link: clear heading", heading(d) == "Sign in with your personal link", heading(d))
        check("7 the page without a link speaks to a person (no HTTP header)", "Bearer" not in text_of(d, "main")
              and "ask the office for a new one" in text_of(d, "main"), text_of(d, "main"))
        self.shots.take(d, "not-signed-in")

    # 8. Without JavaScript: check and submit by the form posts alone.
    def without_javascript(self):
        c = self.people["c"]
        d = make_driver(javascript=False)
        try:
            d.get(c["url"])
            wait_loaded(d)
            section = section_of(d, "plenary")
            check("8 no script runs (the zone note stays empty)", text_of(d, ".zone-note") == "")
            check("8 the deadline is still shown in New York time", "New York" in text_of(d, "#session-plenary .deadline"))
            self.shots.take(d, "c-no-js-page")
            type_into(section.find_element(By.NAME, "title"), "Plenary: closing")
            type_into(section.find_element(By.NAME, "language"), "English (UK)")
            type_into(section.find_element(By.NAME, "body"), "The President closed the forum.\n")
            press(d, section, "check")
            error = text_of(d, "#session-plenary .outcome li.error")
            check("8 Check without script lists the field's error", "'English (UK)' is a language's name, not its code" in error, error)
            check("8 the error is placed at its field", "at the Language field:" in error, error)
            check("8 the answer opens at the outcome", outcome_in_view(d, "plenary"))
            self.shots.take(d, "c-no-js-check")
            # Submit by uploading a .md file: its front matter fills the fields.
            upload = os.path.join(self.workspace, "..", "chen-plenary.md")
            with open(upload, "w", encoding="utf-8") as file:
                file.write(f"---\nsession: plenary\ntitle: Plenary, closing segment\nauthor: {c['name']}\nlanguage: fr\n"
                           "segment: closing\n---\nLe Président a clos le forum.\n")
            section = section_of(d, "plenary")
            section.find_element(By.CSS_SELECTOR, "input[type=file]").send_keys(os.path.abspath(upload))
            press(d, section, "submit")
            receipt = text_of(d, "#session-plenary .receipt")
            check("8 Submit without script shows the receipt", "Submitted: version 1" in receipt, receipt[:200])
            check("8 the answer opens at the receipt", outcome_in_view(d, "plenary"))
            codes = [e.text for e in d.find_elements(By.CSS_SELECTOR, "#session-plenary .receipt dd code")]
            stored = os.path.join(self.workspace, codes[0]) if codes else ""
            check("8 the uploaded file is stored byte for byte",
                  codes and os.path.isfile(stored) and sha256_of(stored) == sha256_of(upload) == codes[1], str(codes))
            section = section_of(d, "plenary")
            check("8 the upload's front matter fills the fields",
                  section.find_element(By.NAME, "title").get_attribute("value") == "Plenary, closing segment"
                  and section.find_element(By.NAME, "language").get_attribute("value") == "fr", "")
            self.shots.take(d, "c-no-js-receipt")
            self.shots.take(d, "c-no-js-receipt-window", whole=False)
        finally:
            d.quit()

    def run(self):
        steps = [self.sign_in, self.mistake, self.preview, self.submit, self.hostile, self.other_rapporteur, self.refused_links,
                 self.without_javascript]
        self.driver = make_driver()
        try:
            for step in steps:
                try:
                    step()
                except Exception as error:  # a step that cannot go on: the next ones still run
                    check(f"step {step.__name__} ran to its end", False, f"{type(error).__name__}: {error}")
                    traceback.print_exc()
                    try:
                        self.shots.take(self.driver, f"failed-{step.__name__}")
                    except Exception:
                        pass
        finally:
            self.driver.quit()


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--base", required=True, help="the server's base URL")
    parser.add_argument("--workspace", required=True)
    parser.add_argument("--imrf", required=True, help="the built imrf")
    parser.add_argument("--invites", required=True, help="the folder of invitations, one JSON per person (a.json ...)")
    arguments = parser.parse_args()
    start = time.monotonic()
    Scenario(arguments).run()
    print(f"browser test: {failures} failure(s) in {time.monotonic() - start:.0f} s", flush=True)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
