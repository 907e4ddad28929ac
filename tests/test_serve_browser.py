"""The web app's main flows in a real browser: headless Chromium from the distribution
(`chromium`, `chromium-driver`, installed by .ci/run) driven by Selenium with the system
driver, against the real server (`cadretrack serve` in a subprocess). Screenshots at 1366x768
and 390 px wide go to $CADRETRACK_SCREENSHOTS (default: a folder under the system's temporary
folder, never the repository)."""

from __future__ import annotations

import os
import shutil
import signal
import tempfile
from pathlib import Path

import pytest

from test_serve import AS_OF, province, start  # noqa: F401  (province: the fixture)

DRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
BROWSER = shutil.which("chromium") or shutil.which("chromium-browser")
if not (BROWSER and os.path.exists(DRIVER)):
    if os.environ.get("CI"):
        raise RuntimeError("chromium and chromium-driver must be installed (.ci/run installs them)")
    pytest.skip("chromium and chromium-driver are not installed (.ci/run installs them)", allow_module_level=True)

from selenium import webdriver  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.common.exceptions import WebDriverException  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support import expected_conditions as EC  # noqa: E402
from selenium.webdriver.support.ui import Select, WebDriverWait  # noqa: E402

SHOTS = Path(os.environ.get("CADRETRACK_SCREENSHOTS") or Path(tempfile.gettempdir()) / "cadretrack-screenshots")


@pytest.fixture(scope="module")
def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = BROWSER
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1366,768", "--lang=vi"):
        options.add_argument(arg)
    driver = webdriver.Chrome(service=Service(DRIVER), options=options)
    driver.set_page_load_timeout(60)
    yield driver
    driver.quit()


@pytest.fixture
def server(province, tmp_path):
    db = tmp_path / "ledger.db"
    shutil.copy(province, db)
    proc, url, port = start(db)
    yield url, port, db
    proc.send_signal(signal.SIGINT)
    proc.communicate(timeout=30)
    assert proc.returncode == 0


def shoot(driver, name: str) -> None:
    """The page at 1366x768 and at 390 px wide (a phone), then back to the desktop size."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    driver.set_window_size(1366, 768)
    driver.save_screenshot(str(SHOTS / f"{name}-1366.png"))
    driver.set_window_size(390, 844)
    driver.save_screenshot(str(SHOTS / f"{name}-390.png"))
    driver.set_window_size(1366, 768)


def wait(driver, how, what, timeout: float = 30):
    return WebDriverWait(driver, timeout).until(EC.presence_of_element_located((how, what)))


def click_and_load(driver, element, timeout: float = 30) -> None:
    """Click what sends a form or follows a link, and wait until the page it leaves is gone and
    the next one loaded: the next page has elements of the same ids (a summary, a table), and a
    wait for them alone may find the old page's (the race that once read "Chạy thử" after
    confirming).

    The old page is marked in its own window object, which a new document does not inherit.
    Not `staleness_of(<html>)`: asked about a node of a document being replaced, chromedriver
    answers "Node with given id does not belong to the document" (an unknown error, not a stale
    element), which WebDriverWait does not ignore; that failed one run in a few under load.
    While the page changes, a script may fail to run: such errors are retried until it has."""
    driver.execute_script("window.__cadretrackLeaving = true;")
    element.click()
    WebDriverWait(driver, timeout, ignored_exceptions=(WebDriverException,)).until(
        lambda d: d.execute_script("return window.__cadretrackLeaving !== true && document.readyState === 'complete';"))


def no_console_errors(driver) -> None:
    """Nothing the CSP blocked, no script error (the page is all 'self'); an answer's status
    (a form sent back with its mistakes is a 400) is the network's, not an error of the page."""
    try:
        logs = driver.get_log("browser")
    except Exception:  # a driver without the log endpoint
        return
    assert [e for e in logs if e["level"] == "SEVERE" and e.get("source") != "network"] == []


def test_dashboard_then_a_number_then_the_filtered_list(browser, server):
    url, port, _ = server
    browser.get(url.replace("/?", "/?year=2024&as_of=31/12/2024&"))
    wait(browser, By.ID, "overview")
    assert "token=" not in browser.current_url  # taken out of the address, kept as a cookie
    total = browser.find_element(By.CSS_SELECTOR, '#total a[data-status="overdue"]')
    overdue = int(total.get_attribute("data-count"))
    assert overdue > 0
    shoot(browser, "1-tong-quan")
    click_and_load(browser, total)
    wait(browser, By.ID, "items")
    assert len(browser.find_elements(By.CSS_SELECTOR, "#items tbody tr")) == overdue
    Select(browser.find_element(By.NAME, "kind")).select_by_value("report")
    click_and_load(browser, browser.find_element(By.ID, "apply"))
    wait(browser, By.ID, "items")
    rows = browser.find_elements(By.CSS_SELECTOR, "#items tbody tr")
    assert rows and all(r.get_attribute("data-kind") == "report" and r.get_attribute("data-status") == "overdue"
                        for r in rows)
    assert "kind=" not in browser.current_url and "Thịnh" not in browser.current_url
    shoot(browser, "2-danh-sach")
    no_console_errors(browser)


def test_record_with_a_mistake_then_correctly_then_undo(browser, server):
    url, port, db = server
    browser.get(url)
    wait(browser, By.ID, "overview")
    browser.get(f"http://127.0.0.1:{port}/record")
    form = wait(browser, By.ID, "record")
    Select(form.find_element(By.NAME, "kind")).select_by_value("program")
    year = form.find_element(By.NAME, "year")
    year.clear()
    year.send_keys("2024")
    form.find_element(By.NAME, "date").send_keys("31/02/2024")
    form.find_element(By.NAME, "commune").send_keys("Thịnh Lang")
    click_and_load(browser, form.find_element(By.ID, "submit"))
    error = wait(browser, By.ID, "error-date")
    assert "31/02/2024" in error.text
    shoot(browser, "3-ghi-nhan-loi")
    date = browser.find_element(By.NAME, "date")
    date.clear()
    date.send_keys("01/03/2024")
    assert browser.find_element(By.NAME, "commune").get_attribute("value") == "Thịnh Lang"
    click_and_load(browser, browser.find_element(By.ID, "submit"))
    done = wait(browser, By.ID, "done")
    assert "Đã ghi nhận" in done.text and "Thịnh Lang" in done.text
    shoot(browser, "4-ghi-nhan")
    browser.get(f"http://127.0.0.1:{port}/history")
    wait(browser, By.ID, "history")
    assert "cadretrack record program --year 2024 --date 01/03/2024" in browser.page_source
    click_and_load(browser, browser.find_element(By.ID, "undo-link"))
    confirm = wait(browser, By.ID, "confirm")
    assert "record program" in confirm.text
    shoot(browser, "5-hoan-tac")
    click_and_load(browser, browser.find_element(By.ID, "undo-yes"))
    assert "Đã hoàn tác" in wait(browser, By.ID, "done").text
    no_console_errors(browser)


def test_a_change_from_the_command_line_offers_a_reload(browser, server):
    import subprocess
    import sys

    url, port, db = server
    browser.get(url)
    wait(browser, By.ID, "overview")
    subprocess.run([sys.executable, "-m", "cadretrack", "--db", str(db), "record", "program", "--year", "2024",
                    "--date", "01/03/2024", "--commune", "Thịnh Lang"], check=True, capture_output=True)
    link = wait(browser, By.ID, "reload", timeout=30)  # htmx asks every few seconds
    shoot(browser, "6-thay-doi")
    click_and_load(browser, link)
    wait(browser, By.ID, "overview")
    no_console_errors(browser)


@pytest.fixture
def fresh_server(tmp_path):
    """A ledger of the sample assignments only: the register not imported yet."""
    import subprocess
    import sys

    from test_serve import ASSIGNMENTS

    db = tmp_path / "ledger.db"
    for args in (["init"], ["import", "assignments", str(ASSIGNMENTS), "--effective", "14/12/2022"]):
        subprocess.run([sys.executable, "-m", "cadretrack", "--db", str(db), *args], check=True, capture_output=True)
    proc, url, port = start(db)
    yield url, port, db
    proc.send_signal(signal.SIGINT)
    proc.communicate(timeout=30)
    assert proc.returncode == 0


def test_upload_a_register_confirm_and_answer_a_review_row(browser, fresh_server):
    from test_serve import REGISTER

    url, port, db = fresh_server
    browser.get(url)
    wait(browser, By.ID, "overview")
    browser.get(f"http://127.0.0.1:{port}/register")
    wait(browser, By.ID, "f-file").send_keys(str(REGISTER))
    click_and_load(browser, browser.find_element(By.ID, "upload-submit"))
    assert "Chạy thử" in wait(browser, By.ID, "summary").text
    shoot(browser, "7-so-den-doc-thu")
    click_and_load(browser, browser.find_element(By.ID, "confirm-submit"))
    assert "Đã nhập sổ" in wait(browser, By.ID, "summary").text
    Select(wait(browser, By.ID, "action-0")).select_by_value("unrelated")
    shoot(browser, "8-so-den-tra-loi")
    click_and_load(browser, browser.find_element(By.ID, "answers-submit"))
    click_and_load(browser, wait(browser, By.ID, "confirm-submit"))
    wait(browser, By.ID, "summary")
    browser.get(f"http://127.0.0.1:{port}/history")
    assert "so-den-can-xem-lai.xlsx" in wait(browser, By.ID, "history").text
    no_console_errors(browser)
