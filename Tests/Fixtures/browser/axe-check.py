#!/usr/bin/env python3
"""Opens HTML files in a real browser (Debian's chromium, headless, through chromedriver and
selenium) and runs axe-core on each (the copy PyPI's axe-selenium-python ships). Prints one
JSON object: for each file its violations (rule id, impact, help, the offending nodes),
whether the page scrolls sideways at 390 px, the internal links whose target the page lacks,
and the SVG drawings that are not images with a name (`role="img"` and an `aria-label`).
Exit status 1 if any file has any of these, 0 otherwise.

    axe-check.py FILE.html [FILE.html ...]
"""
import json
import sys
from pathlib import Path

from axe_selenium_python import Axe

import chromium

driver = chromium.driver(390, 844)
report = {}
failed = False
try:
    for name in sys.argv[1:]:
        driver.get(Path(name).resolve().as_uri())
        axe = Axe(driver)
        axe.inject()
        results = axe.run()
        violations = [
            {"id": v["id"], "impact": v["impact"], "help": v["help"], "nodes": [n["html"][:200] for n in v["nodes"]]}
            for v in results["violations"]
        ]
        sideways = driver.execute_script("return document.documentElement.scrollWidth > window.innerWidth")
        broken = driver.execute_script(
            """return [...document.querySelectorAll('a[href^="#"]')].map(a => a.getAttribute('href').slice(1))
                 .filter(id => !document.getElementById(decodeURIComponent(id)))""")
        unnamed = driver.execute_script(
            """return [...document.querySelectorAll('svg')].filter(s => !s.closest('svg svg') && s.parentElement.closest('svg') === null)
                 .filter(s => s.getAttribute('role') !== 'img' || !(s.getAttribute('aria-label') || '').trim()).length""")
        charts = driver.execute_script("return document.querySelectorAll('svg[role=img]').length")
        report[name] = {
            "violations": violations, "scrollsSideways": sideways, "brokenLinks": broken, "unnamedDrawings": unnamed,
            "charts": charts, "passes": len(results["passes"]),
        }
        failed = failed or bool(violations) or sideways or bool(broken) or unnamed > 0
finally:
    driver.quit()
print(json.dumps(report, indent=2))
sys.exit(1 if failed else 0)
