"""Debian's Chromium, driven by Playwright, for the tests that look at pages as a person
would (no browser download: the system's executable)."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = Path("/usr/bin/chromium")


@contextmanager
def chromium_context(args: list[str], **options: Any) -> Iterator[Any]:
    """A headless Chromium context with a throwaway profile, closed and removed after."""
    if not CHROMIUM.exists():
        pytest.skip("Debian's chromium is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    profile = tempfile.mkdtemp(prefix="ckg-chromium-")
    try:
        with sync_playwright() as p:
            ctx = p.chromium.launch_persistent_context(
                profile, executable_path=str(CHROMIUM), headless=True, args=args, **options
            )
            yield ctx
            ctx.close()
    finally:
        shutil.rmtree(profile, ignore_errors=True)
