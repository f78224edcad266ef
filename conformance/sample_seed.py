"""Lookups into the sample seed (the blog post's application) and the workflows tests arrange on it."""

from __future__ import annotations

import json
import time
import urllib.error
import urllib.request

from sandbox import Sandbox

SPACE = "/api/Spaces-1"


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

    def deploy_until_intervention(self, project: str = "Web API", version: str = "2021.1.0.14",
                                  environment: str = "Staging", timeout: float = 60.0) -> dict:
        """Deploy a release and poll (bounded) until its manual intervention waits; returns the interruption.

        The sample seed's Web API process has a Web Admins intervention in Staging, and 2021.1.0.14
        was last deployed successfully to Test, so the lifecycle allows Staging. The sandbox should
        run with a high `--speed` so the steps before the intervention pass quickly.
        """
        release = self.release(project, version)
        deployment = send(self.sandbox, "POST", f"{SPACE}/deployments",
                          {"ReleaseId": release["Id"], "EnvironmentId": self.environment_id(environment)})
        regarding = f"{SPACE}/interruptions?regarding={deployment['Id']}&pendingOnly=true"
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            found = self.sandbox.get(regarding)["Items"]
            if found:
                return found[0]
            time.sleep(0.05)
        raise AssertionError(f"no pending interruption for {deployment['Id']} within {timeout:.0f} s")

    def create_artifact(self, filename: str = "release-notes.md") -> dict:
        """An artifact attached to the newest deployment's task, as the step template's notes are."""
        task = self.deployments("?take=1")[0]["TaskId"] if self.deployments() else None
        return send(self.sandbox, "POST", f"{SPACE}/artifacts", {"Filename": filename, "ServerTaskId": task})
