"""The report in a real headless Chromium (Debian's chromium + chromium-driver, via selenium).

Skipped when no Chromium is installed, except on CI (CI=true), where that fails.
Saves a screenshot to test-artifacts/report.png for people to look at.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
ARTIFACTS = REPO / "test-artifacts"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--window-size=1100,1600",
)


def _require_browser() -> None:
    missing = [p for p in (CHROMIUM, CHROMEDRIVER) if not Path(p).exists()]
    if not missing:
        return
    message = f"{', '.join(missing)} missing: apt-get install -y chromium chromium-driver"
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture
def browser(tmp_path: Path) -> Iterator[Callable[[bool], object]]:
    """A factory of Chromium sessions (JavaScript on or off), each with a fresh profile."""
    _require_browser()
    webdriver = pytest.importorskip("selenium.webdriver")
    from selenium.webdriver.chrome.service import Service

    drivers = []

    def start(javascript: bool = True) -> object:
        options = webdriver.ChromeOptions()
        options.binary_location = CHROMIUM
        for flag in FLAGS:
            options.add_argument(flag)
        options.add_argument(f"--user-data-dir={tmp_path / f'profile-{len(drivers)}'}")
        options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
        if not javascript:
            options.add_experimental_option(
                "prefs", {"profile.managed_default_content_settings.javascript": 2}
            )
        driver = webdriver.Chrome(options=options, service=Service(CHROMEDRIVER))
        drivers.append(driver)
        return driver

    yield start
    for driver in drivers:
        driver.quit()


def _save_screenshot(driver, path: Path) -> None:
    height = driver.execute_script("return document.documentElement.scrollHeight")
    driver.set_window_size(1100, min(int(height), 2600))
    path.parent.mkdir(parents=True, exist_ok=True)
    driver.save_screenshot(str(path))


def test_report_browser_renders_filters_and_logs_no_errors(
    browser: Callable[[bool], object], sample_report: Path
) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    driver = browser(True)
    driver.get(sample_report.as_uri())
    sections = driver.find_elements(By.CSS_SELECTOR, "section.key")
    charts = driver.find_elements(By.CSS_SELECTOR, "section.key svg.chart")
    assert len(sections) >= 5 and len(charts) >= len(sections) - 1
    big = driver.find_elements(By.CSS_SELECTOR, "section.key:not(.small) svg.chart")
    assert big[0].size["width"] > 600 and big[0].size["height"] > 100
    severe = [entry for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]
    assert severe == []
    _save_screenshot(driver, ARTIFACTS / "report.png")

    assert driver.find_element(By.ID, "filters").is_displayed()
    subject = sections[0].get_attribute("data-subject")
    Select(driver.find_element(By.ID, "f-subject")).select_by_value(subject)
    shown = [s for s in sections if s.is_displayed()]
    assert shown and len(shown) < len(sections)
    assert {s.get_attribute("data-subject") for s in shown} == {subject}
    Select(driver.find_element(By.ID, "f-subject")).select_by_value("")
    assert all(s.is_displayed() for s in sections)


def test_report_browser_lays_out_conflicts_first_and_few_point_keys_small(
    browser: Callable[[bool], object], sample_report: Path
) -> None:
    from selenium.webdriver.common.by import By

    driver = browser(True)
    driver.get(sample_report.as_uri())
    conflicts = driver.find_element(By.ID, "conflicts")
    first_key = driver.find_element(By.CSS_SELECTOR, "section.key")
    assert conflicts.location["y"] < first_key.location["y"]
    small = driver.find_elements(By.CSS_SELECTOR, ".smalls section.key.small")
    big = driver.find_element(By.CSS_SELECTOR, "section.key:not(.small)")
    assert len(small) >= 3
    rows = {}
    for section in small[:6]:
        rows.setdefault(section.location["y"], []).append(section)
    assert max(len(row) for row in rows.values()) >= 2  # side by side, not one per screen
    assert small[0].size["width"] < big.size["width"] / 2
    assert small[0].size["height"] < big.size["height"]
    metric = driver.find_element(By.CSS_SELECTOR, "section.key h3 abbr")
    assert metric.get_attribute("title").isascii() and not metric.text.isascii()


def test_report_browser_shows_charts_with_javascript_off(
    browser: Callable[[bool], object], sample_report: Path
) -> None:
    from selenium.webdriver.common.by import By

    driver = browser(False)
    driver.get(sample_report.as_uri())
    charts = driver.find_elements(By.CSS_SELECTOR, "section.key svg.chart")
    assert charts and all(c.is_displayed() for c in charts[:3])
    assert all(s.is_displayed() for s in driver.find_elements(By.CSS_SELECTOR, "section.key"))
    assert not driver.find_element(By.ID, "filters").is_displayed()  # the script never ran
    assert driver.find_element(By.ID, "f-count").text == ""
