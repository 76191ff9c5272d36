#!/usr/bin/env python3
"""Drives `briefing watch --serve` as an author does, in a real browser (Debian's chromium,
headless, through chromedriver and selenium): opens the page, scrolls into it, appends a
sentence to a section file and waits for it to appear in the open page; breaks the data file
and waits for the located error over the page; restores it and waits for the error to go.
Prints one JSON object of what it saw; exit status 1 when a step did not happen in time.

    live-preview.py URL SECTION_FILE DATA_FILE
"""
import json
import sys
import time
from pathlib import Path

import chromium

url, section, data = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
driver = chromium.driver(1280, 900)
report = {}


def until(condition, seconds):
    """Seconds until `condition()` held, or None when it did not within `seconds`."""
    start = time.monotonic()
    while time.monotonic() - start < seconds:
        if condition():
            return round(time.monotonic() - start, 3)
        time.sleep(0.02)
    return None


try:
    driver.get(url)
    # Wait for the event stream to deliver the current build, then mark this page: a reload
    # would lose the mark.
    time.sleep(0.5)
    driver.execute_script("window.__notReloaded = true; window.scrollTo(0, 1500);")
    scrolled = driver.execute_script("return window.scrollY")
    sentence = "A sentence the author just wrote, seen live."
    section.write_text(section.read_text(encoding="utf-8") + "\n" + sentence + "\n", encoding="utf-8")
    report["sentenceSeconds"] = until(lambda: sentence in driver.execute_script("return document.body.innerText"), 2.0)
    report["notReloaded"] = driver.execute_script("return window.__notReloaded === true")
    report["scrollKept"] = abs(driver.execute_script("return window.scrollY") - scrolled) < 5

    good = data.read_text(encoding="utf-8")
    data.write_text(good + "\nfigures: [\n", encoding="utf-8")

    def error_text():
        return driver.execute_script("var e = document.getElementById('briefing-build-error'); return e ? e.textContent : ''")

    report["errorSeconds"] = until(lambda: "data.yaml:" in error_text(), 5.0)
    report["error"] = error_text()[:300]
    report["contentKept"] = sentence in driver.execute_script("return document.body.innerText")
    data.write_text(good, encoding="utf-8")
    report["fixedSeconds"] = until(lambda: error_text() == "", 5.0)
    report["stillNotReloaded"] = driver.execute_script("return window.__notReloaded === true")
finally:
    driver.quit()
print(json.dumps(report, indent=2))
ok = (report.get("sentenceSeconds") is not None and report.get("notReloaded") and report.get("scrollKept")
      and report.get("errorSeconds") is not None and report.get("contentKept") and report.get("fixedSeconds") is not None
      and report.get("stillNotReloaded"))
sys.exit(0 if ok else 1)
