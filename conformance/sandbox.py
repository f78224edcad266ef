"""Start and stop a live `conductor sandbox serve` for the conformance suite and the benchmarks.

The sandbox prints its URL and the seeded API keys on start-up; this module reads them from the
process's standard output, waits until `GET /api` answers, and never prints a key.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
SWAGGER_PATH = REPO_ROOT.parent / "shared" / "octopus-api" / "swagger-2021.2.4488.json"

_URL_PATTERN = re.compile(r"https?://(?:127\.0\.0\.1|localhost|\[::1\]):\d+")
_KEY_PATTERN = re.compile(r"\bAPI-[A-Z0-9]{16,}\b")


class SandboxError(RuntimeError):
    """The sandbox could not be located, started or reached; the message says what to do."""


def swagger_path() -> Path:
    """The official API description, which CI lays beside the clone as `../shared/`."""
    if not SWAGGER_PATH.is_file():
        raise SandboxError(
            f"The Octopus API description is missing: expected {SWAGGER_PATH} "
            "(the repository's sibling folder `shared/`, which CI provides). "
            "Place shared/ beside the clone and run again."
        )
    return SWAGGER_PATH


def conductor_binary() -> Path:
    """The built `conductor` executable: $CONDUCTOR_BIN, else the debug build folder."""
    explicit = os.environ.get("CONDUCTOR_BIN")
    candidates = [Path(explicit)] if explicit else []
    if not explicit:
        for scratch in (".build", ".build-ci"):
            candidates.append(REPO_ROOT / scratch / "debug" / "conductor")
    for candidate in candidates:
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return candidate
    tried = ", ".join(str(c) for c in candidates)
    raise SandboxError(
        f"No built `conductor` binary (tried {tried}). Run `make build` first, "
        "or set CONDUCTOR_BIN to the executable."
    )


@dataclass
class Sandbox:
    """A running sandbox process: its base URL (without `/api`) and the API keys it printed."""

    process: subprocess.Popen
    url: str
    api_keys: list[str]
    output: list[str] = field(default_factory=list)

    @property
    def api_key(self) -> str:
        """The first seeded key: the sandbox lists the administrator's key first."""
        return self.api_keys[0]

    def get(self, path: str, key: str | None = None, timeout: float = 30.0):
        """GET a path of the API (e.g. `/api/projects`) and decode its JSON body."""
        request = urllib.request.Request(self.url + path)
        request.add_header("X-Octopus-ApiKey", key or self.api_key)
        request.add_header("Accept", "application/json")
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return json.loads(response.read().decode("utf-8"))

    def stop(self) -> None:
        """Terminate the process and wait for it (kill after a grace period)."""
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)

    def __enter__(self) -> "Sandbox":
        return self

    def __exit__(self, *exc) -> None:
        self.stop()


def start_sandbox(extra_args: list[str] | None = None, startup_timeout: float = 600.0, memory: bool = True) -> Sandbox:
    """Start `conductor sandbox serve --memory --port 0 [extra]` and wait until `/api` answers.

    The timeout is generous because the `large` seed builds a big database before it listens. With `memory=False`
    the extra arguments name the data file (`--data`), so one seeded database can serve several runs.
    """
    binary = conductor_binary()
    command = [str(binary), "sandbox", "serve", *(["--memory"] if memory else []), "--port", "0", *(extra_args or [])]
    process = subprocess.Popen(
        command,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        stdin=subprocess.DEVNULL,
        text=True,
        bufsize=1,
    )
    lines: list[str] = []
    found: dict[str, object] = {"url": None, "keys": []}
    ready = threading.Event()

    def read_output() -> None:
        assert process.stdout is not None
        for line in process.stdout:
            lines.append(line.rstrip("\n"))
            if found["url"] is None:
                match = _URL_PATTERN.search(line)
                if match:
                    found["url"] = match.group(0).rstrip("/")
            for key in _KEY_PATTERN.findall(line):
                if key not in found["keys"]:
                    found["keys"].append(key)
            if found["url"] and found["keys"]:
                ready.set()
        ready.set()

    threading.Thread(target=read_output, daemon=True).start()
    deadline = time.monotonic() + startup_timeout
    while not ready.wait(timeout=0.2):
        if time.monotonic() > deadline:
            process.kill()
            raise SandboxError(f"`{' '.join(command)}` printed no URL and API key within {startup_timeout:.0f} s.")
    # Keys may be printed on lines after the URL: give the reader a moment to collect them all.
    time.sleep(0.3)
    if not found["url"] or not found["keys"]:
        process.kill()
        shown = "\n".join(_redact(line) for line in lines[-20:])
        raise SandboxError(
            f"`{' '.join(command)}` exited (status {process.poll()}) before printing its URL and an API key. "
            f"Its output:\n{shown}"
        )
    sandbox = Sandbox(process=process, url=str(found["url"]), api_keys=list(found["keys"]), output=lines)
    _wait_until_ready(sandbox, deadline)
    return sandbox


def _wait_until_ready(sandbox: Sandbox, deadline: float) -> None:
    while True:
        try:
            with urllib.request.urlopen(sandbox.url + "/api", timeout=5) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        if sandbox.process.poll() is not None or time.monotonic() > deadline:
            sandbox.stop()
            raise SandboxError(f"The sandbox at {sandbox.url} never answered GET /api.")
        time.sleep(0.1)


def _redact(line: str) -> str:
    return _KEY_PATTERN.sub("API-********", line)


if __name__ == "__main__":
    # Manual check: start a sample sandbox, print its URL (never a key), stop on Enter or Ctrl-C.
    with start_sandbox(sys.argv[1:]) as running:
        print(f"sandbox ready at {running.url} ({len(running.api_keys)} API keys)")
        try:
            input()
        except (EOFError, KeyboardInterrupt):
            pass
