"""Fixtures of the conformance suite: live sandboxes with the sample seed, and lookups into them."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from sample_seed import SampleSeed  # noqa: E402
from sandbox import start_sandbox  # noqa: E402


@pytest.fixture(scope="session")
def sample_sandbox():
    """One sandbox for the read-only tests (`sandbox serve --memory --port 0`, sample seed)."""
    running = start_sandbox(["--seed", "sample"])
    yield running
    running.stop()


@pytest.fixture(scope="session")
def seed(sample_sandbox) -> SampleSeed:
    return SampleSeed(sample_sandbox)


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
    """Web API 2021.1.0.14 deployed to Staging, waiting on its Web Admins intervention."""
    return SampleSeed(workflow_sandbox).deploy_until_intervention()
