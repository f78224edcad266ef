"""The step template's request sequence, replayed: what "Deploy Child Octopus Deploy Project" (v29) sends for a
What If promotion of one child, in the order of ../shared/docs/step-template.md §7.1, so `make bench` can time it
against conductor on the same sandbox.

Scope: Promote mode, untenanted, no source environment, no specific machines, no release pattern, What If (so it
stops before approvals and the deployment POST) — the cases the benchmark runs. Each child is its own step, as in the
template: GET responses are cached by URL for that child only (§8), and the children run one after another.

Only the requests and the decisions that choose the next request are replayed; nothing is printed.
"""

from __future__ import annotations

import http.client
import json
import urllib.parse


class TemplateReplay:
    """Replays the template's calls over one keep-alive connection and counts them."""

    def __init__(self, url: str, api_key: str, space: str = "Spaces-1") -> None:
        parsed = urllib.parse.urlparse(url)
        self.host, self.port = parsed.hostname, parsed.port
        self.headers = {"X-Octopus-ApiKey": api_key, "Accept": "application/json"}
        self.space = space
        self.requests = 0
        self.connection = http.client.HTTPConnection(self.host, self.port, timeout=120)
        self.cache: dict[str, object] = {}

    def close(self) -> None:
        self.connection.close()

    def get(self, path: str, cached: bool = True):
        """One GET (§8: served from the step's cache when the same URL was read before)."""
        if cached and path in self.cache:
            return self.cache[path]
        self.requests += 1
        self.connection.request("GET", path, headers=self.headers)
        response = self.connection.getresponse()
        body = response.read()
        if response.status != 200:
            raise RuntimeError(f"template replay: GET {path} -> {response.status}: {body[:200]!r}")
        value = json.loads(body)
        self.cache[path] = value
        return value

    def s(self, rest: str) -> str:
        return f"/api/{self.space}/{rest}"

    def named(self, collection: str, name: str):
        """§5.8: partialName, first 100, exact (trimmed, case-insensitive) match."""
        page = self.get(self.s(f"{collection}?partialName={urllib.parse.quote(name)}&skip=0&take=100"))
        wanted = name.strip().lower()
        return next((item for item in page["Items"] if item["Name"].strip().lower() == wanted), None)

    def tasks(self, project: str, environment: str, take: int):
        return self.get(
            f"/api/tasks?skip=0&take={take}&spaces={self.space}&includeSystem=false&project={project}"
            f"&name=Deploy&states=Success&environment={environment}")["Items"]

    def child(self, project_name: str, destination_name: str, parent_project: str) -> str:
        """One child step (What If); returns what it decided: the version, 'current', or 'none'."""
        self.cache = {}  # each child is its own step
        project = self.named("projects", project_name)                      # 3
        self.named("projects", parent_project)                              # 4
        destination = self.named("environments", destination_name)          # 6
        if project is None or destination is None:
            raise RuntimeError(f"template replay: {project_name} or {destination_name} not found")
        channels = self.get(self.s(f"projects/{project['Id']}/channels?skip=0&take=1000"))["Items"]   # 8
        channel = next(c for c in channels if c.get("IsDefault"))
        lifecycle_id = channel.get("LifecycleId") or project["LifecycleId"]
        phases = self.get(self.s(f"lifecycles/{lifecycle_id}/preview"))["Phases"]                   # 9
        target = destination["Id"]

        def contains(phase, env):
            return env in phase.get("AutomaticDeploymentTargets", []) or env in phase.get("OptionalDeploymentTargets", [])

        index = next((i for i, phase in enumerate(phases) if contains(phase, target)), None)
        if index is None:
            raise RuntimeError(f"template replay: {destination_name} is not in the lifecycle of {project_name}")
        sources, required, first_phase = [], False, index == 0
        for phase in reversed(phases[:index]):
            sources += phase.get("AutomaticDeploymentTargets", []) + phase.get("OptionalDeploymentTargets", [])
            if not phase.get("IsOptionalPhase"):
                required = True
                break

        def promotable(release_id: str) -> bool:
            template = self.get(self.s(f"releases/{release_id}/deployments/template"))               # 13
            return any(p["Id"] == target for p in template.get("PromoteTo", []))

        release = None
        if not first_phase:
            found = []
            for env in sources:                                                                     # 10
                found += self.tasks(project["Id"], env, 100)
            found.sort(key=lambda task: task.get("StartTime") or "", reverse=True)
            for task in found:
                deployment = self.get(self.s(f"deployments/{task['Arguments']['DeploymentId']}"))    # 11
                if deployment["ChannelId"] != channel["Id"]:
                    continue
                candidate = self.get(self.s(f"releases/{deployment['ReleaseId']}"))                  # 12
                if promotable(candidate["Id"]):
                    release = candidate
                    break
        if release is None and (first_phase or not required):
            for candidate in self.get(self.s(f"channels/{channel['Id']}/releases?skip=0&take=100"))["Items"]:  # 14
                if promotable(candidate["Id"]):
                    release = candidate
                    break
        self.get(self.s("environments?skip=0&take=1000"))                                          # 15
        if release is None:
            return "none"
        self.get(self.s(f"releases/{release['Id']}/deployments"))                                  # 16
        current = self.tasks(release["ProjectId"], target, 1)                                      # 17
        is_current = False
        if current:
            deployment = self.get(self.s(f"deployments/{current[0]['Arguments']['DeploymentId']}"))  # 18
            is_current = deployment["ReleaseId"] == release["Id"]
        self.get(self.s(f"releases/{release['Id']}/deployments/preview/{target}?includeDisabledSteps=true"))  # 19a
        snapshot = release.get("ProjectDeploymentProcessSnapshotId")
        if not release.get("BuildInformation") and snapshot:  # generated releases carry no snapshot
            self.get(self.s(f"deploymentprocesses/{snapshot}/template?channel={channel['Id']}&releaseId={release['Id']}"))  # 20
        return "current" if is_current else release["Version"]

    def application(self, children: list[str], destination: str, parent_project: str) -> list[str]:
        """The parent's steps, one child after another."""
        return [self.child(name, destination, parent_project) for name in children]
