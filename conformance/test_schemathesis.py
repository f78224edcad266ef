"""Schemathesis against a fresh sandbox: zero server errors, zero response-schema violations.

The run itself lives in `run_schemathesis.py` (also runnable by hand); this test gives it a
sandbox of its own, because schemathesis creates deployments and cancels tasks as it goes.
"""

from __future__ import annotations

import os

from run_schemathesis import DEFAULT_MAX_EXAMPLES, SANDBOX_ARGS, run
from sandbox import start_sandbox


def test_schemathesis_finds_no_server_errors_and_no_schema_violations(tmp_path):
    max_examples = int(os.environ.get("CONFORMANCE_MAX_EXAMPLES", DEFAULT_MAX_EXAMPLES))
    with start_sandbox(SANDBOX_ARGS) as sandbox:
        result = run(sandbox, max_examples=max_examples, workdir=tmp_path)
    summary = "\n".join(result.stdout.splitlines()[-60:])
    assert result.returncode == 0, f"schemathesis reported failures (exit {result.returncode}):\n{result.stdout}\n{result.stderr}"
    assert "No issues found" in result.stdout or "passed" in result.stdout, summary
