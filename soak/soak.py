"""Soak and chaos runs of `conductor promote` against live sandboxes with injected faults (issue 7).

Every trial starts its own `conductor sandbox serve --memory --port 0` with the sample application,
`--fail-rate`/`--reset-rate` faults and its own `--fault-seed`, and a fresh state directory
(`XDG_STATE_HOME`, where the ledger lives), then checks the server afterwards:

* full runs: the application goes Test -> Staging -> Production; each `promote` must exit 0
  (a run that stops with 75 — faults past the budget — is resumed by running it again, and
  counted);
* kill runs: a `promote` is killed with SIGKILL at a chosen point (after the n-th created
  deployment, after stage 2 starts, after an approval, or after a delay), then run again until it
  finishes;
* concurrent runs: 2 and 4 `promote` processes started together on one sandbox and one state
  directory.

After each trial: duplicates = deployments beyond the first per (project, environment, tenant)
created during the trial; orphans = deployments created during the trial whose task has not
finished. Prints runs, completed, duplicates, orphans, faults injected and the seed; exits 1 when
any duplicate or orphan was found or a run did not complete. Replay a failing trial with
`--seed` (trial i uses seed + i).

    python3 soak/soak.py                       # make soak: 100 full runs, 10 kill points, 2 and 4 concurrent
    python3 soak/soak.py --runs 2 --kills 3 --concurrent 2 --seed 7    # the short version make test runs
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "conformance"))

from sandbox import Sandbox, conductor_binary, start_sandbox  # noqa: E402

APP = "Database then Web API, Scheduling Service then Web UI"
LEGS = [("Test", "Staging"), ("Staging", "Production")]
# SIGKILL points: ("created", n) after the n-th created deployment line, ("line", text) after a line containing
# text, ("delay", seconds) after a delay.
KILL_POINTS = [
    ("created", 1), ("created", 2), ("created", 3), ("created", 4), ("line", "Stage 2"),
    ("line", "approved"), ("delay", 0.3), ("delay", 1.0), ("delay", 2.5), ("line", "Executing"),
]
RESUMABLE = 75


class Totals:
    def __init__(self) -> None:
        self.runs = 0
        self.completed = 0
        self.resumed = 0
        self.duplicates = 0
        self.orphans = 0
        self.faults = 0
        self.failures: list[str] = []


def api(sandbox: Sandbox, path: str, attempts: int = 20):
    """GET with retries: the sandbox injects faults into the checker's requests too."""
    for attempt in range(attempts):
        try:
            return sandbox.get(path, timeout=30)
        except (urllib.error.URLError, ConnectionError, TimeoutError, json.JSONDecodeError):
            time.sleep(min(0.05 * 2 ** attempt, 1.0))
    raise SystemExit(f"soak: GET {path} kept failing")


def deployment_ids(sandbox: Sandbox) -> set[str]:
    return {d["Id"] for d in api(sandbox, "/api/Spaces-1/deployments?take=100000")["Items"]}


def check(sandbox: Sandbox, before: set[str], totals: Totals, label: str) -> None:
    """Counts duplicates and unfinished tasks among the deployments created since `before`."""
    items = [d for d in api(sandbox, "/api/Spaces-1/deployments?take=100000")["Items"] if d["Id"] not in before]
    groups: dict[tuple, list[dict]] = {}
    for item in items:
        groups.setdefault((item["ProjectId"], item["EnvironmentId"], item.get("TenantId")), []).append(item)
    duplicates = sum(len(group) - 1 for group in groups.values())
    task_ids = ",".join(item["TaskId"] for item in items if item.get("TaskId"))
    tasks = api(sandbox, f"/api/tasks?ids={task_ids}&take=1000")["Items"] if task_ids else []
    orphans = [task["Id"] for task in tasks if not task["IsCompleted"]]
    totals.duplicates += duplicates
    totals.orphans += len(orphans)
    if duplicates or orphans:
        detail = {f"{k[0]}/{k[1]}": [d["Id"] for d in v] for k, v in groups.items() if len(v) > 1}
        totals.failures.append(f"{label}: {duplicates} duplicate(s) {detail}, unfinished tasks {orphans}")
    stats = api(sandbox, "/api/sandbox/stats")
    totals.faults += stats.get("Faults", 0)


def promote_command(source: str, destination: str, timeout: str) -> list[str]:
    # The sample's Web API and Web UI wait on 'Web Admin Approval': the service account answers it (Release Management).
    return [str(conductor_binary()), "promote", "--projects", APP, "--from", source, "--to", destination,
            "--timeout", timeout, "--approve-as-me"]


def environment(sandbox: Sandbox, state: str) -> dict[str, str]:
    variables = dict(os.environ)
    variables.update({"OCTOPUS_URL": sandbox.url, "OCTOPUS_API_KEY": sandbox.api_key, "XDG_STATE_HOME": state})
    variables.pop("OCTOPUS_SPACE", None)
    return variables


def run_to_completion(command: list[str], env: dict[str, str], totals: Totals, label: str, tries: int = 4) -> bool:
    """Runs `command`; a 75 (stopped by faults, resumable) is run again. True when it exits 0."""
    for attempt in range(tries):
        result = subprocess.run(command, env=env, stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=900)
        if result.returncode == 0:
            return True
        if result.returncode != RESUMABLE:
            totals.failures.append(f"{label}: exit {result.returncode}: {result.stderr.strip().splitlines()[-3:]}")
            return False
        totals.resumed += 1
    totals.failures.append(f"{label}: still stopped by faults after {tries} runs")
    return False


def killed_run(command: list[str], env: dict[str, str], point: tuple) -> None:
    """Starts `command` and kills it with SIGKILL at `point` (or lets it end if the point never comes)."""
    process = subprocess.Popen(command, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE, text=True, bufsize=1)
    kind, value = point
    created = 0
    if kind == "delay":
        threading.Timer(value, lambda: process.poll() is None and process.send_signal(signal.SIGKILL)).start()
    assert process.stderr is not None
    for line in process.stderr:
        if kind == "created" and "created deployment" in line:
            created += 1
            if created >= value:
                process.send_signal(signal.SIGKILL)
                break
        if kind == "line" and value in line:
            process.send_signal(signal.SIGKILL)
            break
    process.wait(timeout=900)
    process.stderr.close()


def sandbox_args(args, seed: int) -> list[str]:
    return ["--speed", str(args.speed), "--fail-rate", str(args.fail_rate), "--reset-rate", str(args.reset_rate),
            "--fault-seed", str(seed)]


def full_run(args, seed: int, totals: Totals) -> None:
    with start_sandbox(sandbox_args(args, seed)) as sandbox, tempfile.TemporaryDirectory() as state:
        before = deployment_ids(sandbox)
        totals.runs += 1
        ok = all(run_to_completion(promote_command(s, d, args.timeout), environment(sandbox, state), totals,
                                   f"full run seed {seed} {s}->{d}") for s, d in LEGS)
        totals.completed += ok
        check(sandbox, before, totals, f"full run seed {seed}")


def kill_run(args, seed: int, point: tuple, totals: Totals) -> None:
    with start_sandbox(sandbox_args(args, seed)) as sandbox, tempfile.TemporaryDirectory() as state:
        before = deployment_ids(sandbox)
        totals.runs += 1
        command = promote_command("Test", "Staging", args.timeout)
        killed_run(command, environment(sandbox, state), point)
        ok = run_to_completion(command, environment(sandbox, state), totals, f"kill {point} seed {seed}")
        totals.completed += ok
        check(sandbox, before, totals, f"kill {point} seed {seed}")


def concurrent_run(args, seed: int, count: int, totals: Totals) -> None:
    with start_sandbox(sandbox_args(args, seed)) as sandbox, tempfile.TemporaryDirectory() as state:
        before = deployment_ids(sandbox)
        totals.runs += 1
        command = promote_command("Test", "Staging", args.timeout)
        results: list[bool] = []
        threads = [threading.Thread(target=lambda: results.append(
            run_to_completion(command, environment(sandbox, state), totals, f"{count} concurrent seed {seed}")))
            for _ in range(count)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        totals.completed += all(results) and len(results) == count
        check(sandbox, before, totals, f"{count} concurrent seed {seed}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=100, help="full Test -> Staging -> Production runs")
    parser.add_argument("--kills", type=int, default=len(KILL_POINTS), help=f"kill points (at most {len(KILL_POINTS)})")
    parser.add_argument("--concurrent", type=int, nargs="*", default=[2, 4], help="concurrent promotions per trial")
    parser.add_argument("--seed", type=int, default=None, help="first fault seed (default random); trial i uses seed + i")
    parser.add_argument("--fail-rate", type=float, default=0.05)
    parser.add_argument("--reset-rate", type=float, default=0.02)
    parser.add_argument("--speed", type=float, default=50)
    parser.add_argument("--timeout", default="600", help="promote --timeout")
    args = parser.parse_args()
    seed = args.seed if args.seed is not None else random.randrange(1, 2**31)
    print(f"soak: seed {seed}, fail rate {args.fail_rate}, reset rate {args.reset_rate}, speed {args.speed}", flush=True)
    totals = Totals()
    started = time.monotonic()
    trial = 0
    for _ in range(args.runs):
        full_run(args, seed + trial, totals)
        trial += 1
    for point in KILL_POINTS[: max(0, args.kills)]:
        kill_run(args, seed + trial, point, totals)
        trial += 1
    for count in args.concurrent:
        concurrent_run(args, seed + trial, count, totals)
        trial += 1
    print(f"runs {totals.runs}, completed {totals.completed}, duplicates {totals.duplicates}, orphans {totals.orphans}, "
          f"faults injected {totals.faults}, resumed after exit 75 {totals.resumed}, seed {seed}, "
          f"{time.monotonic() - started:.0f} s")
    for failure in totals.failures:
        print(f"  {failure}")
    ok = totals.duplicates == 0 and totals.orphans == 0 and totals.completed == totals.runs
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
