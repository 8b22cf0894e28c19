"""Fixtures shared by the browser tests."""

from __future__ import annotations

import pytest

from tests.browser.cdp import find_chromium


@pytest.fixture(scope="module")
def chromium() -> str:
    """The headless Chromium to drive, or a skip saying how to install one."""
    found = find_chromium()
    if found is None:
        pytest.skip("headless Chromium not found (install Debian's 'chromium' package: 'make browser' as root)")
    return found
