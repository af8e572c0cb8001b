"""Screenshot pages in headless Chromium, both languages, for a human to look at.

    python scripts/screenshots.py                      # every page -> screenshots/
    python scripts/screenshots.py gradients --out /tmp/shots --query "a1=1&v1=0.7"

Streamlit scrolls inside its own container, so the viewport is made tall
enough to hold the whole page.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from playwright.sync_api import sync_playwright  # noqa: E402

from components.ui.pages import LESSONS  # noqa: E402
from tests.support import launch_chromium, start_server, wait_idle  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pages", nargs="*", help="page slugs (default: all, home included)")
    parser.add_argument("--out", default="screenshots")
    parser.add_argument("--query", default="", help="extra query string, without '?'")
    parser.add_argument("--langs", default="ko,en")
    parser.add_argument("--width", type=int, default=1400)
    parser.add_argument("--height", type=int, default=0, help="0: fit the whole page")
    args = parser.parse_args()
    slugs = args.pages or ["home"] + [slug for slug, _ in LESSONS]
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    proc, url = start_server()
    try:
        with sync_playwright() as playwright:
            browser = launch_chromium(playwright)
            for slug in slugs:
                for lang in args.langs.split(","):
                    page = browser.new_page(viewport={"width": args.width, "height": 1000})
                    path = "" if slug == "home" else slug
                    query = f"lang={lang}" + (f"&{args.query}" if args.query else "")
                    page.goto(f"{url}/{path}?{query}")
                    page.wait_for_selector("h1", timeout=120_000)
                    wait_idle(page, timeout=120_000)
                    page.wait_for_timeout(1500)  # let plotly finish drawing
                    height = args.height or page.evaluate(
                        "() => document.querySelector('[data-testid=\"stMain\"]')"
                        "?.scrollHeight || document.body.scrollHeight") + 40
                    page.set_viewport_size({"width": args.width, "height": min(height, 16000)})
                    page.wait_for_timeout(800)
                    target = out / f"{slug}_{lang}.png"
                    page.screenshot(path=str(target))
                    print(target)
                    page.close()
            browser.close()
    finally:
        proc.terminate()


if __name__ == "__main__":
    main()
