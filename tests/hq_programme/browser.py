"""A real headless Chromium (Debian's `chromium` + `chromium-driver`) driven by selenium."""
from __future__ import annotations

import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path

CHROME_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1366,900", "--lang=en-US")


def chromium_available() -> bool:
    return bool(shutil.which("chromium") and shutil.which("chromedriver"))


@contextmanager
def browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    with tempfile.TemporaryDirectory(prefix="sva-chromium-") as profile:
        options = webdriver.ChromeOptions()
        options.binary_location = shutil.which("chromium")
        for flag in CHROME_FLAGS:
            options.add_argument(flag)
        options.add_argument(f"--user-data-dir={profile}")
        driver = webdriver.Chrome(service=Service(shutil.which("chromedriver")), options=options)
        try:
            driver.set_page_load_timeout(30)
            yield driver
        finally:
            driver.quit()


def login(driver, base: str, name: str, password: str) -> None:
    from selenium.webdriver.common.by import By
    driver.get(base + "/dashboard/login")
    driver.find_element(By.NAME, "name").send_keys(name)
    driver.find_element(By.NAME, "password").send_keys(password)
    driver.find_element(By.CSS_SELECTOR, "button[type=submit].primary").click()
    # Wait for the login's redirect to land: a driver.get() issued while it is in flight
    # can be overtaken by it (the page then shows the default year, not the one asked for).
    from selenium.webdriver.support.ui import WebDriverWait
    WebDriverWait(driver, 20).until(lambda d: "/login" not in d.current_url
                                    and d.execute_script("return document.readyState")
                                    == "complete")


def full_page_shot(driver, path: Path) -> None:
    """Resize the window to the page height so the screenshot shows the whole page."""
    height = driver.execute_script("return document.documentElement.scrollHeight")
    chrome = driver.execute_script("return window.outerHeight - window.innerHeight") or 0
    driver.set_window_size(1366, min(max(int(height) + int(chrome) + 20, 700), 4000))
    driver.execute_script("window.scrollTo(0, 0)")      # a focused field may have scrolled
    path.parent.mkdir(parents=True, exist_ok=True)
    driver.save_screenshot(str(path))
    driver.set_window_size(1366, 900)
