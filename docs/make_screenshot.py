"""Render an HTML report to a PNG with headless Chromium, for the docs' gallery.

    derivcheck check derivations/ --format html -o report.html
    python docs/make_screenshot.py report.html -o docs/images/derivations-report.png

Needs Debian's Chromium (`apt-get install -y chromium`). Chromium runs with a fresh
profile and no network: the report is self-contained and needs none.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run",
    "--disable-extensions", "--hide-scrollbars", "--host-resolver-rules=MAP * ~NOTFOUND",
]


def screenshot(report: Path, png: Path, width: int, height: int, chromium: str) -> None:
    """Write a `width` x `height` PNG of the top of `report`."""
    png.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="derivcheck-chromium-") as profile:
        done = subprocess.run(
            [chromium, *FLAGS, f"--user-data-dir={profile}", f"--window-size={width},{height}",
             f"--screenshot={png.resolve()}", report.resolve().as_uri()],
            capture_output=True, text=True, timeout=180,
        )
    if done.returncode != 0 or not png.exists():
        raise SystemExit(f"chromium could not take the screenshot (exit {done.returncode}):\n"
                         f"{done.stderr[-2000:]}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("report", type=Path, help="the report.html to render")
    parser.add_argument("-o", "--output", type=Path,
                        default=Path(__file__).parent / "images" / "seeds-report.png")
    parser.add_argument("--width", type=int, default=1280)
    parser.add_argument("--height", type=int, default=1600)
    parser.add_argument("--chromium", default=shutil.which("chromium") or "/usr/bin/chromium")
    args = parser.parse_args(argv)
    if not args.report.is_file():
        parser.error(f"no such report: {args.report}")
    if not Path(args.chromium).exists():
        parser.error(f"no Chromium at {args.chromium}: install it with "
                     "`apt-get install -y chromium`, or pass --chromium PATH")
    screenshot(args.report, args.output, args.width, args.height, args.chromium)
    print(f"wrote {args.output}")


if __name__ == "__main__":
    sys.exit(main())
