"""Conductor against the step template's request sequence, side by side (issue 10), for `make bench`.

Both run against the same `large` sandbox in the same run, in turn (template, conductor, template, conductor, ...),
so a drift in the machine's speed affects both alike; the ratio is taken pair by pair. Conductor runs as the real
command (`conductor promote --what-if`, a whole process, start-up included); the template's sequence is replayed in
this process (`template_replay.py`). Requests are counted by the sandbox itself (`GET /api/sandbox/stats`).

Cases: the sample's 4 children (Test -> Staging); 50 generated children with long histories, all already current
(Staging -> Production); 50 that all deploy (a new release each, deployed to Development and Test first; Test ->
Staging); and the worst case, one child whose 1,000 deployments in the source hold no release that may go on.
Every loop is bounded; all traffic goes to the loopback sandbox the caller started.
"""

from __future__ import annotations

import http.client
import json
import statistics
import subprocess
import time
import urllib.parse
from dataclasses import dataclass

from template_replay import TemplateReplay

SPACE = "Spaces-1"
PARENT = "Release Orchestration"
SAMPLE_CHILDREN = ["Database", "Web API", "Scheduling Service", "Web UI"]
GENERATED = [f"Generated Service {n}" for n in range(1, 51)]
WORST = ["Unpromotable Service"]
NEW_VERSION = "2099.1.0.0"


@dataclass
class Case:
    name: str
    children: list[str]
    destination: str


CASES_BEFORE_SETUP = [
    Case("4 children, what-if", SAMPLE_CHILDREN, "Staging"),
    Case("50 children, long histories, what-if", GENERATED, "Production"),
    Case("worst case: 1 child, 1,000 deployments, none promotable", WORST, "Staging"),
]
CASE_ALL_DEPLOY = Case("50 children that all deploy, what-if", GENERATED, "Staging")


class Api:
    """JSON over one keep-alive connection, opened again when it has been idle long enough for the sandbox to
    close it (its idle timeout is 30 s; a case's runs leave this connection unused for longer)."""

    IDLE_LIMIT_S = 20.0

    def __init__(self, url: str, api_key: str) -> None:
        parsed = urllib.parse.urlparse(url)
        self.host, self.port = parsed.hostname, parsed.port
        self.connection = http.client.HTTPConnection(self.host, self.port, timeout=120)
        self.last_used = time.monotonic()
        self.headers = {"X-Octopus-ApiKey": api_key, "Accept": "application/json", "Content-Type": "application/json"}

    def call(self, method: str, path: str, body=None):
        if time.monotonic() - self.last_used > self.IDLE_LIMIT_S:
            self.reconnect()
        try:
            response, data = self.send(method, path, body)
        except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
            if method != "GET":
                raise  # a write may have been applied: never send it twice
            self.reconnect()
            response, data = self.send(method, path, body)
        if response.status >= 300:
            raise SystemExit(f"{method} {path} -> {response.status}: {data[:300]!r}")
        return json.loads(data) if data else None

    def send(self, method: str, path: str, body):
        self.connection.request(method, path, body=None if body is None else json.dumps(body), headers=self.headers)
        response = self.connection.getresponse()
        data = response.read()
        self.last_used = time.monotonic()
        return response, data

    def reconnect(self) -> None:
        self.connection.close()
        self.connection = http.client.HTTPConnection(self.host, self.port, timeout=120)

    def served(self) -> int:
        stats = self.call("GET", "/api/sandbox/stats")
        return int(stats.get("Total", stats.get("total", 0)))


def deploy_new_releases(api: Api, timeout: float = 600) -> None:
    """Gives every generated project a new release, deployed to Development then Test (so each would deploy to
    Staging); waits for the tasks (the sandbox runs fast for the setup)."""
    projects = {p["Name"]: p for p in api.call("GET", f"/api/{SPACE}/projects/all")}
    environments = {e["Name"]: e["Id"] for e in api.call("GET", f"/api/{SPACE}/environments/all")}
    releases = [api.call("POST", f"/api/{SPACE}/releases", {"ProjectId": projects[name]["Id"], "Version": NEW_VERSION})
                for name in GENERATED]
    for environment in ["Development", "Test"]:
        tasks = [api.call("POST", f"/api/{SPACE}/deployments",
                          {"ReleaseId": release["Id"], "EnvironmentId": environments[environment]})["TaskId"]
                 for release in releases]
        deadline = time.monotonic() + timeout
        while True:
            listed = api.call("GET", f"/api/tasks?ids={','.join(tasks)}&take={len(tasks)}")["Items"]
            states = [task["State"] for task in listed]
            if all(state == "Success" for state in states) and len(states) == len(tasks):
                break
            if any(state in ("Failed", "Canceled", "TimedOut") for state in states):
                raise SystemExit(f"bench setup: a deployment to {environment} ended {states}")
            if time.monotonic() > deadline:
                raise SystemExit(f"bench setup: deployments to {environment} still running after {timeout:.0f} s")
            time.sleep(0.2)


def conductor_command(binary: str, url: str, api_key: str, case: Case) -> list[str]:
    return [binary, "promote", "--projects", ", ".join(case.children), "--to", case.destination, "--what-if",
            "--server", url, "--api-key", api_key, "--space", SPACE, "-o", "json"]


def run_conductor(command: list[str]) -> float:
    started = time.perf_counter()
    finished = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL, timeout=600)
    elapsed = time.perf_counter() - started
    if finished.returncode != 0:
        raise SystemExit(f"conductor exited {finished.returncode}: {finished.stderr.decode()[-600:]}")
    return elapsed


def run_template(url: str, api_key: str, case: Case) -> tuple[float, int]:
    replay = TemplateReplay(url, api_key, SPACE)
    started = time.perf_counter()
    replay.application(case.children, case.destination, PARENT)
    elapsed = time.perf_counter() - started
    replay.close()
    return elapsed, replay.requests


def measure(binary: str, url: str, api_key: str, case: Case, runs: int, latency: int) -> dict:
    """Alternating runs (one warm-up each); medians and the median of the pair-by-pair ratios."""
    api = Api(url, api_key)
    command = conductor_command(binary, url, api_key, case)
    run_template(url, api_key, case)
    run_conductor(command)
    template_times, conductor_times, ratios = [], [], []
    template_requests = conductor_requests = 0
    for _ in range(runs):
        before = api.served()
        elapsed, _ = run_template(url, api_key, case)
        template_requests = api.served() - before - 1  # the stats call itself counts once
        template_times.append(elapsed)
        before = api.served()
        conductor_times.append(run_conductor(command))
        conductor_requests = api.served() - before - 1
        ratios.append(template_times[-1] / conductor_times[-1])
    return {
        "case": case.name, "latency_ms": latency, "runs": runs,
        "template_requests": template_requests, "template_median_s": round(statistics.median(template_times), 3),
        "conductor_requests": conductor_requests, "conductor_median_s": round(statistics.median(conductor_times), 3),
        "ratio_median": round(statistics.median(ratios), 1),
        "ratio_min": round(min(ratios), 1), "ratio_max": round(max(ratios), 1),
    }


def print_rows(rows: list[dict]) -> None:
    print(f"\n{'case':58} {'ms':>3} | {'template req':>12} {'median s':>9} | {'conductor req':>13} {'median s':>9} | "
          f"{'ratio (min-max)':>16}")
    for row in rows:
        print(f"{row['case']:58} {row['latency_ms']:>3} | {row['template_requests']:>12} {row['template_median_s']:>9.3f} | "
              f"{row['conductor_requests']:>13} {row['conductor_median_s']:>9.3f} | "
              f"{row['ratio_median']:>6.1f}x ({row['ratio_min']}-{row['ratio_max']})")
