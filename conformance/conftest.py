"""Fixtures of the conformance suite: a live sandbox with the sample seed, and lookups into it."""

from __future__ import annotations

import json
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from sandbox import Sandbox, start_sandbox  # noqa: E402

SPACE = "/api/Spaces-1"


@pytest.fixture(scope="session")
def sample_sandbox():
    """One sandbox for the read-only tests (`sandbox serve --memory --port 0`, sample seed)."""
    running = start_sandbox(["--seed", "sample"])
    yield running
    running.stop()


class SampleSeed:
    """Lookups of the sample seed by the names the blog post uses."""

    def __init__(self, sandbox: Sandbox) -> None:
        self.sandbox = sandbox

    def items(self, path: str) -> list[dict]:
        separator = "&" if "?" in path else "?"
        return self.sandbox.get(f"{path}{separator}take=2147483647")["Items"]

    def project_id(self, name: str) -> str:
        matches = [p for p in self.items(f"{SPACE}/projects") if p["Name"] == name]
        assert matches, f"the sample seed has no project named {name!r}"
        return matches[0]["Id"]

    def environment_id(self, name: str) -> str:
        matches = [e for e in self.items(f"{SPACE}/environments") if e["Name"] == name]
        assert matches, f"the sample seed has no environment named {name!r}"
        return matches[0]["Id"]

    def release(self, project: str, version: str) -> dict:
        return self.sandbox.get(f"{SPACE}/projects/{self.project_id(project)}/releases/{version}")

    def deployments(self, query: str = "") -> list[dict]:
        return self.items(f"{SPACE}/deployments{query}")


@pytest.fixture(scope="session")
def seed(sample_sandbox) -> SampleSeed:
    return SampleSeed(sample_sandbox)


def send(sandbox: Sandbox, method: str, path: str, body: object | None = None) -> dict:
    """A JSON request with the sandbox's first key; raises AssertionError with the body on failure."""
    data = None if body is None else json.dumps(body).encode("utf-8")
    request = urllib.request.Request(sandbox.url + path, data=data, method=method)
    request.add_header("X-Octopus-ApiKey", sandbox.api_key)
    request.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            text = response.read().decode("utf-8")
            return json.loads(text) if text else {}
    except urllib.error.HTTPError as error:
        raise AssertionError(f"{method} {path} -> {error.code}: {error.read().decode('utf-8', 'replace')}") from None


@pytest.fixture(scope="session")
def workflow_sandbox():
    """A second sample sandbox for tests that deploy, so the read-only tests see the seed as it is.

    `--speed 1000` runs simulated steps a thousand times faster than real time.
    """
    running = start_sandbox(["--seed", "sample", "--speed", "1000"])
    yield running
    running.stop()


@pytest.fixture(scope="session")
def pending_interruption(workflow_sandbox) -> dict:
    """Deploy Web API 2021.1.0.14 to Staging and poll (bounded) until its Web Admins intervention waits.

    The sample seed's Web API process has a manual intervention for Web Admins in Staging, and
    2021.1.0.14 was last deployed successfully to Test, so the lifecycle allows Staging.
    """
    seed = SampleSeed(workflow_sandbox)
    release = seed.release("Web API", "2021.1.0.14")
    deployment = send(workflow_sandbox, "POST", f"{SPACE}/deployments",
                      {"ReleaseId": release["Id"], "EnvironmentId": seed.environment_id("Staging")})
    regarding = f"{SPACE}/interruptions?regarding={deployment['Id']}&pendingOnly=true"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        found = workflow_sandbox.get(regarding)["Items"]
        if found:
            return found[0]
        time.sleep(0.05)
    raise AssertionError(f"no pending interruption for {deployment['Id']} within 60 s at --speed 1000")
