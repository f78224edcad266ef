"""Benchmarks: sandbox start and request latency, and conductor against the step template side by side.

Run with `make bench` (a release build). It starts `conductor sandbox serve --port 0`:
1. with the sample seed, several times, timing from process start until `GET /api` answers;
2. with the `large` seed (50 projects x 2,000 releases x 10,000 deployments per project, and the
   worst case's Unpromotable Service) in a data file, at 0 ms latency: each list, dashboard and
   progression request a fixed number of times over one keep-alive connection (median, 90th
   percentile); then conductor and the template's replayed request sequence in turn
   (`side_by_side.py`) for each case;
3. the same data file again at 20 ms latency per request: the side-by-side cases again.
Then `conductor shell` start to prompt, when the binary has a shell.

Targets: list requests under 20 ms median, dashboard and progression under 10 ms, sample seed
start under 1 s (issue 2, 10); the 50-child what-if at 20 ms under 0.5 s and 25x the template.
Every loop is bounded; all traffic goes to the loopback sandboxes this script started.
"""

from __future__ import annotations

import argparse
import http.client
import platform
import pty
import select
import shutil
import tempfile
import json
import os
import socket
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "conformance"))

from sandbox import Sandbox, SandboxError, conductor_binary, start_sandbox  # noqa: E402

import side_by_side  # noqa: E402

SPACE = "/api/Spaces-1"
LARGE_ARGS = ["--seed", "large", "--large-unpromotable", "1000"]
LIST_TARGET_MS = 20.0
DASHBOARD_TARGET_MS = 10.0
START_TARGET_S = 1.0


class Connection:
    """One keep-alive HTTP connection to the sandbox, so each figure is the server's, not TCP set-up."""

    def __init__(self, sandbox: Sandbox) -> None:
        parsed = urllib.parse.urlparse(sandbox.url)
        self.connection = http.client.HTTPConnection(parsed.hostname, parsed.port, timeout=120)
        self.headers = {"X-Octopus-ApiKey": sandbox.api_key, "Accept": "application/json"}

    def get(self, path: str) -> tuple[int, bytes, float]:
        started = time.perf_counter()
        self.connection.request("GET", path, headers=self.headers)
        response = self.connection.getresponse()
        body = response.read()
        return response.status, body, (time.perf_counter() - started) * 1000.0

    def json(self, path: str):
        status, body, _ = self.get(path)
        if status != 200:
            raise SystemExit(f"GET {path} -> {status}: {body[:300]!r}")
        return json.loads(body)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def sample_start_times(runs: int) -> list[float]:
    """Seconds from spawning `sandbox serve --seed sample` on a known port until GET /api answers
    (polled every 5 ms, at most 30 s per start)."""
    times = []
    for _ in range(runs):
        port = free_port()
        started = time.perf_counter()
        process = subprocess.Popen([str(conductor_binary()), "sandbox", "serve", "--memory", "--seed", "sample",
                                    "--port", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            while time.perf_counter() - started < 30:
                try:
                    with urllib.request.urlopen(f"http://127.0.0.1:{port}/api", timeout=1) as response:
                        if response.status == 200:
                            times.append(time.perf_counter() - started)
                            break
                except (urllib.error.URLError, ConnectionError):
                    time.sleep(0.005)
            else:
                raise SystemExit(f"the sample sandbox did not answer on port {port} within 30 s")
        finally:
            process.terminate()
            process.wait(timeout=10)
    return times


def list_requests(connection: Connection) -> list[tuple[str, str]]:
    """(label, path) of the list requests measured, built from the seeded data itself."""
    projects = connection.json(f"{SPACE}/projects/all")
    children = [p for p in projects if p.get("Name") != "Release Orchestration"] or projects
    project = children[len(children) // 2]
    environments = connection.json(f"{SPACE}/environments/all")
    environment = environments[min(1, len(environments) - 1)]
    channels = connection.json(f"{SPACE}/projects/{project['Id']}/channels")["Items"]
    releases = connection.json(f"{SPACE}/projects/{project['Id']}/releases?take=1")
    newest = releases["Items"][0]["Version"] if releases["Items"] else "1"
    prefix = newest.rsplit(".", 1)[0]
    p, e = project["Id"], environment["Id"]
    requests = [
        ("projects: first page", f"{SPACE}/projects"),
        ("projects: partialName", f"{SPACE}/projects?partialName={urllib.parse.quote(project['Name'][:4])}"),
        ("projects: name", f"{SPACE}/projects?name={urllib.parse.quote(project['Name'])}"),
        ("projects: page 2 (skip=30)", f"{SPACE}/projects?skip=30&take=30"),
        ("releases: project, first page", f"{SPACE}/projects/{p}/releases"),
        ("releases: project, skip=1000", f"{SPACE}/projects/{p}/releases?skip=1000&take=30"),
        ("releases: project, by version", f"{SPACE}/projects/{p}/releases/{urllib.parse.quote(newest)}"),
        ("deployments: first page", f"{SPACE}/deployments"),
        ("deployments: project", f"{SPACE}/deployments?projects={p}"),
        ("deployments: project+environment, take=1", f"{SPACE}/deployments?projects={p}&environments={e}&take=1"),
        ("deployments: taskState=Success", f"{SPACE}/deployments?projects={p}&taskState=Success"),
        ("deployments: skip=250000", f"{SPACE}/deployments?skip=250000&take=30"),
        ("tasks: first page", "/api/tasks"),
        ("tasks: project", f"/api/tasks?project={p}"),
        ("tasks: project+environment+states", f"/api/tasks?project={p}&environment={e}&states=Success"),
        ("tasks: skip=250000", "/api/tasks?skip=250000&take=30"),
        ("dashboard", f"{SPACE}/dashboard"),
        ("dashboard: dynamic, includePrevious", f"{SPACE}/dashboard/dynamic?includePrevious=true"),
        ("progression: project", f"{SPACE}/progression/{p}"),
        ("progression: project, releaseHistoryCount=100", f"{SPACE}/progression/{p}?releaseHistoryCount=100"),
    ]
    if channels:
        requests.insert(7, ("releases: channel, searchByVersion",
                            f"{SPACE}/channels/{channels[0]['Id']}/releases?searchByVersion={urllib.parse.quote(prefix)}"))
    return requests


def measure(connection: Connection, path: str, repeats: int) -> tuple[float, float, int]:
    """Median and 90th-percentile milliseconds over `repeats` requests (after one warm-up)."""
    status, body, _ = connection.get(path)
    if status != 200:
        raise SystemExit(f"GET {path} -> {status}: {body[:300]!r}")
    timings = []
    for _ in range(repeats):
        _, _, elapsed = connection.get(path)
        timings.append(elapsed)
    timings.sort()
    return statistics.median(timings), timings[int(len(timings) * 0.9) - 1], len(body)


def shell_start_to_prompt(runs: int) -> str:
    """`conductor shell` from spawn to its first prompt, on a pseudo-terminal (on a pipe the shell reads commands
    without prompting), with fresh state folders each run so no saved plan or history changes what it does first."""
    help_text = subprocess.run([str(conductor_binary()), "--help"], capture_output=True, text=True).stdout
    if " shell" not in help_text:
        return "not measured: this conductor has no shell yet"
    times = []
    for _ in range(runs):
        with tempfile.TemporaryDirectory(prefix="conductor-bench-shell-") as home:
            environment = {**os.environ, "TERM": "xterm", "NO_COLOR": "1"}
            for variable in ("XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME"):
                environment[variable] = os.path.join(home, variable.lower())
            elapsed = time_to_prompt(environment)
            if elapsed is not None:
                times.append(elapsed)
    if not times:
        return "not measured: no prompt seen within 30 s"
    return f"{statistics.median(times) * 1000:.0f} ms median of {len(times)}"


def time_to_prompt(environment: dict[str, str], limit_s: float = 30.0) -> float | None:
    """Seconds from spawning `conductor shell` on a pseudo-terminal until a prompt (a line ending in `>`) shows;
    None when none shows within `limit_s`. Every read waits at most until the deadline."""
    controller, terminal = pty.openpty()
    started = time.perf_counter()
    process = subprocess.Popen([str(conductor_binary()), "shell"], stdin=terminal, stdout=terminal, stderr=terminal,
                               env=environment, start_new_session=True)
    os.close(terminal)
    seen = b""
    try:
        while (remaining := limit_s - (time.perf_counter() - started)) > 0:
            ready, _, _ = select.select([controller], [], [], remaining)
            if not ready:
                break
            try:
                chunk = os.read(controller, 4096)
            except OSError:  # the shell exited: the terminal is gone
                break
            if not chunk:
                break
            seen += chunk
            if seen.rstrip().endswith(b">"):
                return time.perf_counter() - started
        return None
    finally:
        process.kill()
        process.wait(timeout=10)
        os.close(controller)


def main() -> int:
    parser = argparse.ArgumentParser(description="Benchmarks (make bench).")
    parser.add_argument("--repeats", type=int, default=50, help="requests per list query")
    parser.add_argument("--start-runs", type=int, default=5, help="sample-seed starts to time")
    parser.add_argument("--runs", type=int, default=5, help="alternating runs of each side-by-side case")
    parser.add_argument("--large-args", default=" ".join(LARGE_ARGS), help="sandbox flags of the large seed")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    options = parser.parse_args()
    binary = str(conductor_binary())
    workdir = Path(tempfile.mkdtemp(prefix="conductor-bench-"))
    data = workdir / "large.sqlite"
    side_rows: list[dict] = []
    try:
        print(f"binary: {binary}; {platform.node()}, {os.cpu_count()} cores; "
              f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}; {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}")
        starts = sample_start_times(options.start_runs)
        start_median = statistics.median(starts)
        print(f"sample seed start (spawn -> GET /api answers), median of {len(starts)}: {start_median * 1000:.0f} ms "
              f"(target < {START_TARGET_S * 1000:.0f} ms)")
        seeded = time.perf_counter()
        large = options.large_args.split() + ["--data", str(data), "--speed", "500"]
        with start_sandbox(large, startup_timeout=3600, memory=False) as sandbox:
            seeding = time.perf_counter() - seeded
            print(f"large seed ready in {seeding:.1f} s")
            connection = Connection(sandbox)
            deployments = connection.json(f"{SPACE}/deployments?take=1")["TotalResults"]
            projects = len(connection.json(f"{SPACE}/projects/all"))
            print(f"large seed: {projects} projects, {deployments} deployments")
            rows = []
            print(f"\n{'request':48} {'median ms':>10} {'p90 ms':>8} {'bytes':>8}")
            for label, path in list_requests(connection):
                median, p90, size = measure(connection, path, options.repeats)
                rows.append({"request": label, "path": path, "median_ms": round(median, 2), "p90_ms": round(p90, 2), "bytes": size})
                target = DASHBOARD_TARGET_MS if label.startswith(("dashboard", "progression")) else LIST_TARGET_MS
                flag = "" if median < target else "  << over target"
                print(f"{label:48} {median:10.2f} {p90:8.2f} {size:8d}{flag}")
            for case in side_by_side.CASES_BEFORE_SETUP:
                side_rows.append(side_by_side.measure(binary, sandbox.url, sandbox.api_key, case, options.runs, 0))
                side_by_side.print_rows(side_rows[-1:])
            side_by_side.deploy_new_releases(side_by_side.Api(sandbox.url, sandbox.api_key))
            side_rows.append(side_by_side.measure(binary, sandbox.url, sandbox.api_key, side_by_side.CASE_ALL_DEPLOY, options.runs, 0))
            side_by_side.print_rows(side_rows[-1:])
        with start_sandbox(["--data", str(data), "--latency", "20"], startup_timeout=600, memory=False) as sandbox:
            for case in side_by_side.CASES_BEFORE_SETUP + [side_by_side.CASE_ALL_DEPLOY]:
                side_rows.append(side_by_side.measure(binary, sandbox.url, sandbox.api_key, case, options.runs, 20))
                side_by_side.print_rows(side_rows[-1:])
        shell = shell_start_to_prompt(options.start_runs)
    except SandboxError as error:
        print(f"bench: {error}", file=sys.stderr)
        return 1
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    worst = max(row["median_ms"] for row in rows if not row["request"].startswith(("dashboard", "progression")))
    print(f"\nslowest list median: {worst:.2f} ms (target < {LIST_TARGET_MS:.0f} ms); "
          f"sample start {start_median * 1000:.0f} ms (target < {START_TARGET_S * 1000:.0f} ms)")
    print("\nconductor against the step template's request sequence (same sandbox, alternating; ratio = template / conductor):")
    side_by_side.print_rows(side_rows)
    print(f"\nshell start to prompt: {shell}")
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    if options.json:
        options.json.parent.mkdir(parents=True, exist_ok=True)
        options.json.write_text(json.dumps({"sample_start_ms": round(start_median * 1000, 1),
                                            "large_seed_seconds": round(seeding, 1), "deployments": deployments,
                                            "requests": rows, "side_by_side": side_rows, "shell": shell}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
