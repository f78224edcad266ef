"""Every link the sandbox advertises answers.

Walks the `Links` of the root document, the space root, and one resource of every kind the
sandbox serves (the first item of each collection the roots link, plus the current user, a
pending interruption and an artifact), GETs each link with its URI template expanded without
parameters, and expects neither a 404 nor a server error. Links into the web portal (`/app`) are
not API routes and are skipped; a link that only accepts another method may answer 405, as
Octopus does.
"""

from __future__ import annotations

import re
import urllib.error
import urllib.request

from sample_seed import SampleSeed, send

# RFC 6570 expressions: with no variables defined, each expands to nothing.
_EXPRESSION = re.compile(r"\{[^}]*\}")


def expand(template: str) -> str:
    """The template with every expression left undefined (`/api/Spaces-1/projects{/id}{?skip}` → `/api/Spaces-1/projects`)."""
    return _EXPRESSION.sub("", template)


def status_of(sandbox, path: str) -> int:
    request = urllib.request.Request(sandbox.url + path)
    request.add_header("X-Octopus-ApiKey", sandbox.api_key)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            response.read()
            return response.status
    except urllib.error.HTTPError as error:
        error.read()
        return error.code


def api_links(document: dict) -> dict[str, str]:
    links = document.get("Links") or {}
    return {name: value for name, value in links.items() if isinstance(value, str) and value.startswith("/api")}


def walk(sandbox, documents: dict[str, dict]) -> tuple[int, list[str]]:
    """GET every API link of every document; returns how many were walked and the failures."""
    walked = 0
    failures: list[str] = []
    seen: set[str] = set()
    for owner, document in documents.items():
        for name, template in sorted(api_links(document).items()):
            path = expand(template)
            if path in seen:
                continue
            seen.add(path)
            walked += 1
            status = status_of(sandbox, path)
            if status == 404 or status >= 500:
                failures.append(f"{owner} Links.{name} = {template} -> GET {path} answered {status}")
    return walked, failures


def resources_of_every_kind(sandbox) -> dict[str, dict]:
    """The roots, and the first item of every collection they link to."""
    root = sandbox.get("/api")
    space_root = sandbox.get("/api/Spaces-1")
    documents = {"root": root, "space root": space_root, "current user": sandbox.get("/api/users/me")}
    for source in (root, space_root):
        for name, template in api_links(source).items():
            path = expand(template)
            if name in documents or path.rstrip("/") in ("/api", "/api/Spaces-1"):
                continue
            try:
                body = sandbox.get(path)
            except (urllib.error.HTTPError, ValueError):
                continue  # not a JSON document (an action's link, an image): walked below, not a kind
            items = body.get("Items") if isinstance(body, dict) else body
            if isinstance(body, dict) and "Items" not in body and "Links" in body:
                documents[name] = body
            elif isinstance(items, list) and items and isinstance(items[0], dict) and "Links" in items[0]:
                documents[name] = items[0]
    return documents


def test_every_link_of_the_roots_and_of_one_resource_of_every_kind_answers(sample_sandbox):
    documents = resources_of_every_kind(sample_sandbox)
    # Kinds the sample certainly has: each must have been found and walked.
    for kind in ("Projects", "Releases", "Deployments", "Environments", "Machines", "Tenants", "Tasks", "Teams",
                 "Feeds", "BuildInformation", "Packages", "ActionTemplates", "TagSets", "WorkerPools",
                 "MachinePolicies", "Channels", "Lifecycles", "ProjectGroups", "Events", "Spaces", "Users",
                 "DeploymentProcesses", "DashboardConfiguration"):
        assert kind in documents, f"no {kind} resource to walk; found {sorted(documents)}"
    walked, failures = walk(sample_sandbox, documents)
    assert walked > 150, f"only {walked} links walked"
    assert not failures, "\n".join(failures)


def test_links_of_an_interruption_and_an_artifact_answer(workflow_sandbox, pending_interruption):
    # `Responsible` names the user who took the interruption (Octopus has none to show before), so
    # the Release Conductor takes it first; the interruption stays pending.
    send(workflow_sandbox, "PUT", pending_interruption["Links"]["Responsible"])
    artifact = SampleSeed(workflow_sandbox).create_artifact()
    walked, failures = walk(workflow_sandbox, {"interruption": pending_interruption, "artifact": artifact})
    assert walked >= 3
    assert not failures, "\n".join(failures)


def test_an_unserved_route_says_so_and_a_missing_id_says_that(sample_sandbox):
    unserved = _error(sample_sandbox, "/api/serverstatus")
    assert unserved[0] == 404 and "does not implement '/api/serverstatus'" in unserved[1]
    missing = _error(sample_sandbox, "/api/tasks/ServerTasks-999999")
    assert missing[0] == 404 and "The ServerTask 'ServerTasks-999999' was not found" in missing[1]


def _error(sandbox, path: str) -> tuple[int, str]:
    request = urllib.request.Request(sandbox.url + path)
    request.add_header("X-Octopus-ApiKey", sandbox.api_key)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8")
