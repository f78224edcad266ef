"""Schemathesis against a live sandbox, on every operation the sandbox implements.

Prepares the API description (`prepare_spec.py`), starts `conductor sandbox serve --memory --port 0`,
arranges a pending intervention and an artifact, fills path parameters with ids of the seeded
data so that the operations answer with real resources, and runs schemathesis with two checks:
no server errors and responses that match the description. The API key travels in the
`X-Octopus-ApiKey` header through schemathesis's config file, which reads it from the environment,
so it never appears on a command line or in the output.

Usage: python run_schemathesis.py [--max-examples N] [--seed N] [--keep FOLDER]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from prepare_spec import prepare, read_operations  # noqa: E402
from sample_seed import SampleSeed  # noqa: E402
from sandbox import Sandbox, SandboxError, start_sandbox, swagger_path  # noqa: E402

CHECKS = "not_a_server_error,response_schema_conformance"
PHASES = "examples,coverage,fuzzing"
DEFAULT_MAX_EXAMPLES = 15
# A fixed seed keeps CI runs reproducible; pass --seed to explore further by hand.
DEFAULT_SEED = 20212
SPACE_ID = "Spaces-1"
KEY_VARIABLE = "CONDUCTOR_CONFORMANCE_API_KEY"
# Fast task simulation, so the arranged deployment reaches its intervention at once.
SANDBOX_ARGS = ["--seed", "sample", "--speed", "1000"]


def first_id(sandbox: Sandbox, path: str, fallback: str) -> dict:
    """The first item of a collection (or bare array), or a stand-in with `fallback` as its Id."""
    body = sandbox.get(path)
    items = body.get("Items", []) if isinstance(body, dict) else body
    return items[0] if items else {"Id": fallback}


def seeded_path_values(sandbox: Sandbox) -> list[tuple[str, dict[str, str]]]:
    """Path-parameter values per route pattern, taken from the running sandbox's own data.

    First it arranges what the sample seed lacks — a pending manual intervention and an
    artifact — so that those operations answer with real resources too.
    """
    space = f"/api/{SPACE_ID}"
    seed = SampleSeed(sandbox)
    interruption = seed.deploy_until_intervention()
    artifact = seed.create_artifact()
    project = first_id(sandbox, f"{space}/projects?take=1", "Projects-0")
    release = first_id(sandbox, f"{space}/releases?take=1", "Releases-0")
    environment = first_id(sandbox, f"{space}/environments?take=1", "Environments-0")
    values = {
        "project": project["Id"],
        "projectgroup": first_id(sandbox, f"{space}/projectgroups?take=1", "ProjectGroups-0")["Id"],
        "channel": first_id(sandbox, f"{space}/channels?take=1", "Channels-0")["Id"],
        "lifecycle": first_id(sandbox, f"{space}/lifecycles?take=1", "Lifecycles-0")["Id"],
        "environment": environment["Id"],
        "machine": first_id(sandbox, f"{space}/machines?take=1", "Machines-0")["Id"],
        "release": release["Id"],
        "releaseProject": release.get("ProjectId", project["Id"]),
        "version": release.get("Version", "0.0.0"),
        "deployment": first_id(sandbox, f"{space}/deployments?take=1", "Deployments-0")["Id"],
        "task": first_id(sandbox, "/api/tasks?take=1", "ServerTasks-0")["Id"],
        "interruption": interruption["Id"],
        "event": first_id(sandbox, f"{space}/events?take=1", "Events-0")["Id"],
        "artifact": artifact["Id"],
        "team": first_id(sandbox, "/api/teams?take=1", "Teams-0")["Id"],
        "tenant": first_id(sandbox, f"{space}/tenants?take=1", "Tenants-0")["Id"],
        "user": sandbox.get("/api/users/me").get("Id", "Users-0"),
        "process": project.get("DeploymentProcessId", "deploymentprocess-Projects-0"),
        "variables": project.get("VariableSetId", "variableset-Projects-0"),
        "feed": first_id(sandbox, f"{space}/feeds?take=1", "Feeds-0")["Id"],
        "package": first_id(sandbox, f"{space}/packages?take=1", "packages-none")["Id"],
        "buildInformation": first_id(sandbox, f"{space}/build-information?take=1", "BuildInformation-0")["Id"],
        "actionTemplate": first_id(sandbox, f"{space}/actiontemplates?take=1", "ActionTemplates-0")["Id"],
        "tagSet": first_id(sandbox, f"{space}/tagsets?take=1", "TagSets-0")["Id"],
        "workerPool": first_id(sandbox, f"{space}/workerpools?take=1", "WorkerPools-0")["Id"],
        "machinePolicy": first_id(sandbox, f"{space}/machinepolicies?take=1", "MachinePolicies-0")["Id"],
        "libraryVariableSet": first_id(sandbox, f"{space}/libraryvariablesets?take=1", "LibraryVariableSets-0")["Id"],
    }
    # Longest, most specific patterns first: schemathesis applies the first matching block.
    by_route = [
        (r"/projects/\{id\}/releases/\{version\}$", {"id": values["releaseProject"], "version": values["version"]}),
        (r"/releases/\{id\}/deployments/preview/\{environment\}",
         {"id": values["release"], "environment": values["environment"], "tenant": values["tenant"]}),
        (r"/projects/\{id\}/logo", {"id": values["project"]}),
        (r"/projects/\{projectId\}", {"projectId": values["project"]}),
        (r"/users/\{userId\}", {"userId": values["user"]}),
        (r"/feeds/\{id\}", {"id": values["feed"]}),
        (r"/packages/\{id\}", {"id": values["package"]}),
        (r"/build-information/\{id\}", {"id": values["buildInformation"]}),
        (r"/actiontemplates/\{id\}", {"id": values["actionTemplate"]}),
        (r"/tagsets/\{id\}", {"id": values["tagSet"]}),
        (r"/workerpools/\{id\}", {"id": values["workerPool"]}),
        (r"/machinepolicies/\{id\}", {"id": values["machinePolicy"]}),
        (r"/libraryvariablesets/\{id\}", {"id": values["libraryVariableSet"]}),
        (r"/projectgroups/\{id\}", {"id": values["projectgroup"]}),
        (r"/channels/\{id\}", {"id": values["channel"]}),
        (r"/lifecycles/\{id\}", {"id": values["lifecycle"]}),
        (r"/environments/\{id\}", {"id": values["environment"]}),
        (r"/machines/\{id\}", {"id": values["machine"]}),
        (r"/deploymentprocesses/\{id\}", {"id": values["process"]}),
        (r"/variables/\{id\}", {"id": values["variables"]}),
        (r"/releases/\{id\}", {"id": values["release"]}),
        (r"/progression/\{id\}", {"id": values["project"]}),
        (r"/deployments/\{id\}", {"id": values["deployment"]}),
        (r"/tasks/\{id\}", {"id": values["task"]}),
        (r"/interruptions/\{id\}", {"id": values["interruption"]}),
        (r"/events/\{id\}", {"id": values["event"]}),
        (r"/artifacts/\{id\}", {"id": values["artifact"]}),
        (r"/teams/\{id\}", {"id": values["team"]}),
        (r"/tenants/\{id\}", {"id": values["tenant"]}),
        (r"/users/\{id\}", {"id": values["user"]}),
        (r"/spaces/\{id\}", {"id": SPACE_ID}),
    ]
    return by_route


def config_toml(base_url: str, max_examples: int, by_route: list[tuple[str, dict[str, str]]]) -> str:
    """schemathesis.toml for the run; the key is read from the environment by schemathesis."""
    lines = [
        f"base-url = {json.dumps(base_url)}",
        "workers = 2",
        "request-timeout = 30.0",
        f'headers = {{ "X-Octopus-ApiKey" = "${{{KEY_VARIABLE}}}" }}',
        "",
        "[generation]",
        f"max-examples = {max_examples}",
        "",
        "[parameters]",
        f'"path.baseSpaceId" = "{SPACE_ID}"',
        f'"path.spaceId" = "{SPACE_ID}"',
    ]
    for pattern, params in by_route:
        lines += ["", "[[operations]]", f"include-path-regex = {json.dumps(pattern)}", "[operations.parameters]"]
        lines += [f'"path.{name}" = {json.dumps(value)}' for name, value in params.items()]
    return "\n".join(lines) + "\n"


def run(sandbox: Sandbox, max_examples: int = DEFAULT_MAX_EXAMPLES, workdir: Path | None = None,
        seed: int = DEFAULT_SEED) -> subprocess.CompletedProcess:
    """Run schemathesis against `sandbox`; returns the finished process (its output captured)."""
    spec = json.loads(swagger_path().read_text(encoding="utf-8"))
    prepared = prepare(spec, read_operations())
    directory = Path(workdir or tempfile.mkdtemp(prefix="conductor-conformance-"))
    spec_file = directory / "swagger-sandbox.json"
    spec_file.write_text(json.dumps(prepared), encoding="utf-8")
    config_file = directory / "schemathesis.toml"
    config_file.write_text(config_toml(sandbox.url + "/api", max_examples, seeded_path_values(sandbox)), encoding="utf-8")
    schemathesis = Path(sys.executable).parent / "schemathesis"
    command = [
        str(schemathesis), "--config-file", str(config_file), "run", str(spec_file),
        "--checks", CHECKS, "--phases", PHASES, "--seed", str(seed), "--no-color",
        "--suppress-health-check", "all",
    ]
    environment = dict(os.environ, **{KEY_VARIABLE: sandbox.api_key})
    return subprocess.run(command, env=environment, cwd=directory, capture_output=True, text=True, timeout=3000)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--max-examples", type=int, default=DEFAULT_MAX_EXAMPLES)
    parser.add_argument("--keep", type=Path, help="folder for the prepared description and config")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="schemathesis's random seed")
    options = parser.parse_args()
    try:
        with start_sandbox(SANDBOX_ARGS) as sandbox:
            print(f"sandbox: {sandbox.url}", flush=True)
            result = run(sandbox, options.max_examples, options.keep, options.seed)
    except SandboxError as error:
        print(f"conformance: {error}", file=sys.stderr)
        return 1
    print(result.stdout)
    print(result.stderr, file=sys.stderr)
    return result.returncode


if __name__ == "__main__":
    sys.exit(main())
