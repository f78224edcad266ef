"""Dashboard and project progression latency (issue 10) of one or more conductor builds on one `large` data file.

    python3 benchmarks/dashboard.py --data /tmp/large.sqlite [--repeats 50] BINARY [BINARY ...]

`make bench-dashboard` runs it on the release build. Each binary in turn serves the same data file
(`sandbox serve --data FILE`; the first seeds it with the large seed if the file is new, which takes
a minute on a release build) and answers each request `repeats` times after one warm-up over one
keep-alive connection: median and 90th percentile in ms. Given two binaries (say, before and after a
change) it also checks that they answer every request with the same JSON, compared with sorted keys
(the encoder's key order varies from one response to the next). Target: under 10 ms median.
Every loop is bounded; all traffic goes to the loopback sandboxes this script started.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "conformance"))

from sandbox import SandboxError, start_sandbox  # noqa: E402

from bench import DASHBOARD_TARGET_MS, LARGE_ARGS, SPACE, Connection, measure  # noqa: E402


def requests(connection: Connection) -> list[tuple[str, str]]:
    """(label, path) of the dashboard and the progression of a generated project in the middle of the list."""
    projects = connection.json(f"{SPACE}/projects/all")
    generated = sorted((p for p in projects if p["Name"].startswith("Generated Service")), key=lambda p: p["Name"])
    project = (generated or projects)[len(generated or projects) // 2]["Id"]
    return [
        ("dashboard", f"{SPACE}/dashboard"),
        ("dashboard: dynamic, includePrevious", f"{SPACE}/dashboard/dynamic?includePrevious=true"),
        ("progression: project", f"{SPACE}/progression/{project}"),
        ("progression: project, releaseHistoryCount=100", f"{SPACE}/progression/{project}?releaseHistoryCount=100"),
    ]


def run(binary: str, data: Path, repeats: int) -> tuple[list[dict], dict[str, str]]:
    """Figures and the canonical answers of one binary."""
    os.environ["CONDUCTOR_BIN"] = binary
    started = time.perf_counter()
    with start_sandbox(LARGE_ARGS + ["--data", str(data)], startup_timeout=3600, memory=False) as sandbox:
        print(f"{binary}: serving after {time.perf_counter() - started:.1f} s")
        connection = Connection(sandbox)
        rows, answers = [], {}
        for label, path in requests(connection):
            answers[path] = json.dumps(connection.json(path), sort_keys=True)
            median, p90, size = measure(connection, path, repeats)
            rows.append({"request": label, "path": path, "median_ms": round(median, 2), "p90_ms": round(p90, 2), "bytes": size})
            flag = "" if median < DASHBOARD_TARGET_MS else "  << over target"
            print(f"  {label:48} {median:9.2f} {p90:9.2f} {size:9d}{flag}")
    return rows, answers


def main() -> int:
    parser = argparse.ArgumentParser(description="Dashboard and progression latency (make bench-dashboard).")
    parser.add_argument("--data", type=Path, required=True, help="the large seed's data file (created if missing)")
    parser.add_argument("--repeats", type=int, default=50, help="requests per measure")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    parser.add_argument("binaries", nargs="+", help="conductor executables, measured in turn")
    options = parser.parse_args()
    print(f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}; {os.cpu_count()} cores; "
          f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}; {options.repeats} repeats after one warm-up")
    print(f"  {'request':48} {'median ms':>9} {'p90 ms':>9} {'bytes':>9}")
    figures, first = {}, None
    same = True
    try:
        for binary in options.binaries:
            rows, answers = run(binary, options.data, options.repeats)
            figures[binary] = rows
            if first is None:
                first = answers
            for path, answer in answers.items():
                if answer != first.get(path):
                    same = False
                    print(f"  DIFFERENT answer from {binary}: {path}")
    except SandboxError as error:
        print(f"bench-dashboard: {error}", file=sys.stderr)
        return 1
    if len(options.binaries) > 1:
        print("every binary gave the same answers" if same else "the answers differ (see above)")
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    if options.json:
        options.json.write_text(json.dumps({"figures": figures, "same_answers": same}, indent=1))
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
