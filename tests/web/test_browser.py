"""End to end in a real headless browser (Debian's chromium driven by Playwright): log in,
filter, open an incident, see the highlighted evidence, correct a figure, see the audit
entry, export; in Arabic and English at desktop and phone widths: filter by an Arabic
governorate name, pick a period on the timeline, follow a map popup, work through the review
queue with the keyboard, and run axe-core (0 serious or critical violations). Screenshots go
to artifacts/screenshots/."""

import os
import re
import shutil
import socket
import threading
import time
from pathlib import Path

import pytest
import uvicorn

from marsad import review
from marsad.ingest import ingest_paths
from marsad.store import Store
from marsad.web import create_app

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
SHOTS = Path(__file__).resolve().parents[2] / "artifacts" / "screenshots"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture
def server(tmp_path, samples):
    if not CHROMIUM:
        if os.environ.get("MARSAD_REQUIRE_BROWSER") == "1":
            pytest.fail("chromium is required (scripts/ensure_browser.sh installs it)")
        pytest.skip("no chromium on this machine")
    store = Store(f"sqlite:///{tmp_path / 'e2e.db'}")
    ingest_paths([samples], store)
    review.add_user(store, "amal", "correct horse battery")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    srv = uvicorn.Server(uvicorn.Config(create_app(store), host="127.0.0.1", port=port,
                                        log_level="error"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    for _ in range(100):
        if srv.started:
            break
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)


def test_review_flow_in_a_browser(server, tmp_path):
    from playwright.sync_api import expect, sync_playwright

    SHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        page = browser.new_page(viewport={"width": 1280, "height": 1000}, accept_downloads=True)
        page.goto(f"{server}/")
        expect(page).to_have_url(f"{server}/login?next=/")
        page.fill("#username", "amal")
        page.fill("#password", "correct horse battery")
        page.click("#login-submit")
        expect(page.locator("#incidents")).to_be_visible()

        page.fill("input[name=country]", "SY")
        page.fill("input[name=min_civilians]", "5")
        page.click("#apply-filters")
        expect(page.locator("#counts")).to_contain_text("2")
        expect(page.locator(".leaflet-interactive").first).to_be_attached(timeout=10_000)
        page.screenshot(path=str(SHOTS / "incident-list.png"), full_page=True)

        with page.expect_download() as dl:
            page.click("#export-csv")
        csv_path = tmp_path / "export.csv"
        dl.value.save_as(csv_path)
        assert csv_path.read_text(encoding="utf-8").startswith("event_id_cnty,event_date")

        page.click("a.incident-link:has-text('غارة جوية') >> nth=0")
        expect(page.locator("#incident-title")).to_contain_text("سراقب")
        marks = page.locator("mark")
        assert marks.count() >= 6
        page.click("#figures a.evidence-link >> nth=0")
        assert page.evaluate("document.querySelector(':target').tagName") == "MARK"
        page.screenshot(path=str(SHOTS / "incident.png"), full_page=True)

        page.select_option("#correct-field", "killed_min")
        page.fill("#correct-value", "6")
        page.click("#correct-submit")
        expect(page.locator("#fig-killed_min")).to_have_text("6–7")
        expect(page.locator("#audit")).to_contain_text("القتلى: 5 → 6")
        expect(page.locator("#review-status")).to_have_attribute("data-value", "corrected")
        page.screenshot(path=str(SHOTS / "incident-corrected.png"), full_page=True)
        browser.close()


AXE = Path(__file__).resolve().parent / "vendor" / "axe-4.14.1.min.js"
SERIOUS = """axe.run(document, {resultTypes: ['violations']}).then(r => r.violations
  .filter(v => v.impact === 'serious' || v.impact === 'critical')
  .map(v => v.id + ': ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | ')))"""


def _axe(page) -> list[str]:
    page.add_script_tag(path=str(AXE))
    return page.evaluate(SERIOUS)


@pytest.mark.parametrize("lang", ["ar", "en"])
@pytest.mark.parametrize("width", [1366, 390])
def test_an_analysts_day_in_both_languages_at_desktop_and_phone_width(server, lang, width):
    from playwright.sync_api import expect, sync_playwright

    SHOTS.mkdir(parents=True, exist_ok=True)
    shot = f"{lang}-{width}"
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        # axe is injected as a script, which the app's CSP (rightly) forbids
        page = browser.new_context(viewport={"width": width, "height": 900},
                                   bypass_csp=True).new_page()
        page.goto(f"{server}/login?lang={lang}")
        assert not _axe(page), "login page"
        page.fill("#username", "amal")
        page.fill("#password", "correct horse battery")
        page.click("#login-submit")
        expect(page.locator("#incidents")).to_be_visible()
        assert page.locator("html").get_attribute("lang") == lang

        # a governorate typed in Arabic, whatever the interface language
        page.fill("input[name=admin1]", "إدلب")
        page.click("#apply-filters")
        expect(page.locator("#counts strong").first).to_have_text("2")
        expect(page.locator("path.leaflet-interactive").first).to_be_attached(timeout=10_000)
        assert page.evaluate("document.documentElement.scrollWidth") <= width + 1
        assert not _axe(page), "list page"
        page.screenshot(path=str(SHOTS / f"{shot}-list.png"), full_page=True)

        # a period picked on the timeline becomes the date filter, other filters kept
        page.locator("#timeline a.bin").first.click()
        expect(page).to_have_url(re.compile(r"date_from=2019-05-07.*admin1="))
        expect(page.locator("#counts strong").first).to_have_text("1")

        # the map's popup leads to the incident, in the same language
        marker = page.locator("path.leaflet-interactive").first
        expect(marker).to_be_attached(timeout=10_000)
        marker.dispatch_event("click")
        popup = page.locator(".leaflet-popup-content a.popup-link")
        expect(popup).to_be_visible()
        popup.click()
        expect(page).to_have_url(re.compile(rf"/incidents/I[0-9a-f]+\?lang={lang}"))
        expect(page.locator("#legend")).to_be_visible()
        assert page.evaluate("document.documentElement.scrollWidth") <= width + 1
        assert not _axe(page), "incident page"
        page.screenshot(path=str(SHOTS / f"{shot}-incident.png"), full_page=True)

        # three incidents of the review queue, by keyboard only
        page.goto(f"{server}/review/next?lang={lang}")
        left = int(page.locator("#queue-left").inner_text())
        seen = []
        for k in range(3):
            seen.append(page.url.split("?")[0])
            page.locator("body").press("c")
            expect(page.locator("#review-status")).to_have_attribute("data-value",
                                                                      "confirmed")
            expect(page.locator("#queue-left")).to_have_text(str(left - k - 1))
            before = page.url
            page.locator("body").press("n")
            expect(page).not_to_have_url(before)
        assert len(set(seen)) == 3
        page.locator("body").press("e")
        assert page.evaluate("document.activeElement.id") == "correct-field"
        page.screenshot(path=str(SHOTS / f"{shot}-queue.png"), full_page=True)
        browser.close()


def test_a_javascript_url_in_a_report_never_runs_in_the_browser(tmp_path):
    """Stored XSS through report URLs: a report stored with a javascript: URL (as an older
    version or another tool could have stored it) shows no link, and nothing runs on click."""
    if not CHROMIUM:
        if os.environ.get("MARSAD_REQUIRE_BROWSER") == "1":
            pytest.fail("chromium is required (scripts/ensure_browser.sh installs it)")
        pytest.skip("no chromium on this machine")
    from playwright.sync_api import sync_playwright
    from sqlalchemy import text

    from marsad.ingest import ingest_reports
    from marsad.records import Report
    from marsad.web import Settings

    store = Store(f"sqlite:///{tmp_path / 'xss.db'}")
    ingest_reports([Report("x", "قتل مدنيان في قصف مدفعي على مدينة سراقب اليوم.", "2019-05-07",
                           "مرصد", "https://example.org/ok")], store)
    with store.engine.begin() as conn:  # forged past the reader's own check
        conn.execute(text("UPDATE reports SET url = 'javascript:alert(document.cookie)'"))
        (iid,) = conn.execute(text("SELECT id FROM incidents")).one()
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    srv = uvicorn.Server(uvicorn.Config(create_app(store, Settings(public_read=True)),
                                        host="127.0.0.1", port=port, log_level="error"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    while not srv.started:
        time.sleep(0.05)
    dialogs = []
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
            page = browser.new_page()
            page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
            page.goto(f"http://127.0.0.1:{port}/incidents/{iid}")
            hrefs = page.eval_on_selector_all("a[href]", "els => els.map(e => e.href)")
            assert hrefs and not [h for h in hrefs if h.lower().startswith("javascript:")]
            for a in page.locator("article a").all():  # every link in the report's header
                a.click(no_wait_after=True)
            page.wait_for_timeout(300)
            browser.close()
    finally:
        srv.should_exit = True
        thread.join(timeout=10)
    assert dialogs == []
