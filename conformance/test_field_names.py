"""The sandbox's JSON has the field names of real Octopus servers (octopus-api.md §4).

Each key set below was recorded from a public sample of a real server's response:
- ROOT: OctopusDeploy/OctopusClients
  clients/dotnet/source/Octopus.Client.Tests/CannedResponses/2019.7.12/api.GET.json (2019.7.12) and
  OctopusDeploy/go-octopusdeploy pkg/constants/constants_api_replies.go (2020.4.0);
- PROJECT, RELEASE, DEPLOYMENT: port-labs/port-docs
  docs/build-your-software-catalog/sync-data-to-catalog/cicd/octopus-deploy/octopus-deploy.md (2024.3);
- TASK: OctopusDeploy/OctopusClients
  clients/dotnet/source/Octopus.Client.Tests/CannedResponses/machines/Machines-1/tasks.skip=0.GET.json (2017);
- INTERRUPTION: OctopusDeploy/go-octopusdeploy test/e2e/interruption_test.go (a captured 2018 response).

The rule: every sample key that the 2021.2.4488 API description also defines must be present (a
sample from a newer server may carry fields the sandbox's API version does not have), except keys
whose sample value is `null` (the sandbox omits an unset optional where the real server writes
`null`; clients read both alike), and every key the sandbox emits must appear in the sample, in
that definition, or among the newer fields octopus-api.md §2 documents for the resource (no
invented or misspelt names). Link names follow the same rule against the samples' link names.
"""

from __future__ import annotations

import json

import pytest

from sandbox import swagger_path

ROOT_KEYS = {"Application", "Version", "ApiVersion", "InstallationId", "Links"}
ROOT_LINKS_2019 = {
    "Self", "Accounts", "ActionTemplateLogo", "ActionTemplates", "ActionTemplatesCategories", "ActionTemplatesSearch",
    "ActionTemplateVersionedLogo", "Artifacts", "Authenticate_Google Apps", "Authentication", "BuiltInFeedStats",
    "CertificateConfiguration", "Certificates", "Channels", "CloudTemplate", "CommunityActionTemplates",
    "Configuration", "CurrentLicense", "CurrentLicenseStatus", "CurrentUser", "Dashboard", "DashboardConfiguration",
    "DashboardDynamic", "DeploymentProcesses", "Deployments", "DiscoverMachine", "DiscoverWorker", "Environments",
    "EnvironmentSortOrder", "EnvironmentsSummary", "EventAgents", "EventCategories", "EventDocumentTypes",
    "EventGroups", "Events", "ExtensionStats", "ExternalSecurityGroupProviders", "ExternalUserSearch",
    "FeaturesConfiguration", "Feeds", "IntegratedAuthenticationChallenge", "Interruptions", "Invitations",
    "IssueTrackers", "LetsEncryptConfiguration", "LibraryVariables", "Lifecycles", "LoginInitiated",
    "MachinePolicies", "MachinePolicyTemplate", "MachineRoles", "Machines", "MaintenanceConfiguration",
    "MigrationsImport", "MigrationsPartialExport", "OctopusServerClusterSummary", "OctopusServerNodes",
    "PackageDeltaSignature", "PackageDeltaUpload", "PackageMetadata", "PackageNotesList", "Packages",
    "PackagesBulk", "PackageUpload", "PerformanceConfiguration", "PermissionDescriptions", "ProjectGroups",
    "ProjectPulse", "Projects", "ProjectTriggers", "Proxies", "Register", "Releases",
    "Reporting/DeploymentsCountedByWeek", "ScheduledProjectTriggers", "Scheduler", "ScopedUserRoles",
    "ServerConfiguration", "ServerConfigurationSettings", "ServerHealthStatus", "ServerStatus", "SignIn", "SignOut",
    "SmtpConfiguration", "SmtpIsConfigured", "SpaceHome", "Spaces", "Subscriptions", "TagSets", "TagSetSortOrder",
    "Tasks", "TaskTypes", "Teams", "Tenants", "TenantsMissingVariables", "TenantsStatus", "TenantTagTest",
    "TenantVariables", "Timezones", "UpgradeConfiguration", "UserAuthentication", "UserIdentityMetadata",
    "UserOnboarding", "UserRoles", "Users", "VariableNames", "VariablePreview", "Variables",
    "VariablesNonPrintableChars", "VersionRuleTest", "Web", "WorkerPools", "WorkerPoolsDynamicWorkerTypes",
    "WorkerPoolsSortOrder", "WorkerPoolsSummary", "WorkerPoolsSupportedTypes", "Workers",
}
# Added by the 2020.4.0 sample (go-octopusdeploy), beside HasLongTermSupport at the top level.
ROOT_LINKS_2020_ADDED = {
    "Authenticate_Octopus ID", "AzureDevOpsConnectivityCheck", "AzureEnvironments", "BuildInformation",
    "BuildInformationBulk", "DynamicExtensionsFeaturesMetadata", "DynamicExtensionsFeaturesValues",
    "DynamicExtensionsScripts", "JiraConnectAppCredentialsTest", "JiraCredentialsTest", "MachineOperatingSystems",
    "MachineShells", "ProjectsExperimentalSummaries", "RunbookProcesses", "RunbookRuns", "Runbooks",
    "RunbookSnapshots", "TeamMembership", "TeamMembershipPreviewTeam", "VersionControlClearCache",
    "WorkerOperatingSystems", "WorkerShells", "WorkerToolsLatestImages",
}
# The root links every route family the sandbox serves needs (present in both samples but TeamMembership).
ROOT_LINKS_REQUIRED = {
    "Self", "Artifacts", "Channels", "CurrentUser", "Dashboard", "DeploymentProcesses", "Deployments",
    "Environments", "Events", "Interruptions", "Lifecycles", "Machines", "ProjectGroups", "Projects", "Releases",
    "SpaceHome", "Spaces", "Tasks", "TeamMembership", "Teams", "Users", "Web",
}

PROJECT_KEYS = {
    "Id", "SpaceId", "VariableSetId", "DeploymentProcessId", "ClonedFromProjectId", "DiscreteChannelRelease",
    "IncludedLibraryVariableSetIds", "DefaultToSkipIfAlreadyInstalled", "TenantedDeploymentMode",
    "DefaultGuidedFailureMode", "VersioningStrategy", "ReleaseCreationStrategy", "Templates",
    "AutoDeployReleaseOverrides", "ReleaseNotesTemplate", "DeploymentChangesTemplate", "ForcePackageDownload", "Icon",
    "AllowIgnoreChannelRules", "ExecuteDeploymentsOnResilientPipeline", "ExtensionSettings", "Name", "Slug",
    "Description", "IsDisabled", "ProjectGroupId", "LifecycleId", "AutoCreateRelease", "IsVersionControlled",
    "PersistenceSettings", "ProjectConnectivityPolicy", "Links",
}
# Keys whose value is null in the sample.
PROJECT_NULL_KEYS = {"ClonedFromProjectId", "ReleaseNotesTemplate", "DeploymentChangesTemplate", "ExecuteDeploymentsOnResilientPipeline"}
PROJECT_LINKS = {
    "Self", "Variables", "Releases", "Channels", "Triggers", "ScheduledTriggers", "OrderChannels", "Progression",
    "RunbookTaskRunDashboardItemsTemplate", "DeploymentProcess", "DeploymentSettings", "Web", "Logo", "Metadata",
    "Runbooks", "RunbookSnapshots", "Summary", "GitConnectionTest", "InsightsMetrics", "GitCompatibilityReport",
    "ConvertToGit", "ConvertToVcs",
}
# What clients follow (octopus-api.md §1.9: .NET client and pypus).
PROJECT_LINKS_REQUIRED = {"Self", "Releases", "Channels", "Progression", "DeploymentProcess", "Variables", "Triggers", "Web"}

RELEASE_KEYS = {
    "Id", "SpaceId", "ProjectId", "Version", "ChannelId", "ReleaseNotes", "ProjectDeploymentProcessSnapshotId",
    "IgnoreChannelRules", "BuildInformation", "Assembled", "LibraryVariableSetSnapshotIds", "SelectedPackages",
    "SelectedGitResources", "ProjectVariableSetSnapshotId", "VersionControlReference", "Links",
}
RELEASE_NULL_KEYS = {"ReleaseNotes", "VersionControlReference"}
RELEASE_LINKS = {
    "Self", "Project", "Channel", "Progression", "Deployments", "DeploymentTemplate", "Artifacts",
    "ProjectVariableSnapshot", "ProjectDeploymentProcessSnapshot", "Web", "SnapshotVariables", "Defects",
    "ReportDefect", "ResolveDefect", "DeploymentPreviews", "Variables",
}
RELEASE_LINKS_REQUIRED = {"Self", "Project", "Channel", "Deployments", "DeploymentTemplate", "Artifacts", "Progression", "SnapshotVariables"}

DEPLOYMENT_KEYS = {
    "Id", "SpaceId", "ReleaseId", "ChannelId", "DeploymentProcessId", "Changes", "ChangesMarkdown", "EnvironmentId",
    "TenantId", "ForcePackageDownload", "ForcePackageRedeployment", "Priority", "SkipActions", "SpecificMachineIds",
    "ExcludedMachineIds", "ManifestVariableSetId", "TaskId", "ProjectId", "UseGuidedFailure", "Comments",
    "FormValues", "QueueTime", "QueueTimeExpiry", "Name", "Created", "TentacleRetentionPeriod",
    "ChangeRequestSettings", "DeployedBy", "DeployedById", "FailureEncountered", "DeployedToMachineIds",
    "ExecutionPlanLogContext", "Links",
}
DEPLOYMENT_NULL_KEYS = {
    "ChangesMarkdown", "TenantId", "ManifestVariableSetId", "Comments", "QueueTime", "QueueTimeExpiry",
    "TentacleRetentionPeriod", "ChangeRequestSettings", "DeployedById",
}
DEPLOYMENT_LINKS = {
    "Self", "Release", "Environment", "Project", "Task", "Web", "Artifacts", "Interruptions", "DeploymentProcess",
}
DEPLOYMENT_LINKS_REQUIRED = {"Self", "Release", "Environment", "Project", "Task", "Artifacts", "Interruptions"}

TASK_KEYS = {
    "Id", "Name", "Description", "Arguments", "State", "Completed", "QueueTime", "QueueTimeExpiry", "StartTime",
    "LastUpdatedTime", "CompletedTime", "ServerNode", "Duration", "ErrorMessage", "HasBeenPickedUpByProcessor",
    "IsCompleted", "FinishedSuccessfully", "HasPendingInterruptions", "CanRerun", "HasWarningsOrErrors", "Links",
}
TASK_NULL_KEYS = {"QueueTimeExpiry"}
# 2024+ task fields (octopus-api.md §2.10; the .NET client reads PendingInterruptionTypes).
TASK_NEWER_KEYS = {"ProjectId", "EstimatedRemainingQueueDurationSeconds", "PendingInterruptionTypes", "PendingPreconditionTypes"}
TASK_LINKS = {"Self", "Web", "Raw", "Rerun", "Cancel", "QueuedBehind", "Details", "Artifacts", "Interruptions"}
TASK_LINKS_REQUIRED = {"Self", "Details", "Cancel", "Raw", "Interruptions"}

INTERRUPTION_KEYS = {
    "Id", "Title", "Created", "IsPending", "Form", "RelatedDocumentIds", "ResponsibleTeamIds", "ResponsibleUserId",
    "CanTakeResponsibility", "HasResponsibility", "TaskId", "CorrelationId", "IsLinkedToOtherInterruption", "Links",
}
INTERRUPTION_NULL_KEYS = {"ResponsibleUserId"}
# 2022+ interruption fields (octopus-api.md §2.11; OctopusDeploy/mcp-server findInterruptions tests).
INTERRUPTION_NEWER_KEYS = {"Type", "PullRequests"}
INTERRUPTION_LINKS = {"Self", "Submit", "Responsible"}
INTERRUPTION_FORM_KEYS = {"Values", "Elements"}


@pytest.fixture(scope="module")
def definitions() -> dict:
    return json.loads(swagger_path().read_text(encoding="utf-8"))["definitions"]


def check_keys(document: dict, sample: set[str], definition: dict, what: str,
               null_in_sample: frozenset[str] = frozenset(), newer: frozenset[str] = frozenset()) -> None:
    """Sample keys the 2021.2 definition has must be present (unless null in the sample); emitted
    keys must be known names."""
    defined = set(definition["properties"])
    missing = (sample & defined) - set(null_in_sample) - set(document)
    unknown = set(document) - (sample | defined | set(newer))
    assert not missing, f"{what} lacks fields of the public sample: {sorted(missing)}"
    assert not unknown, f"{what} has fields neither the sample nor the API description knows: {sorted(unknown)}"


def check_links(document: dict, known: set[str], required: set[str], what: str) -> None:
    links = set(document.get("Links") or {})
    assert required <= links, f"{what} Links lack {sorted(required - links)}"
    assert links <= known, f"{what} Links have names no sample shows: {sorted(links - known)}"


def test_root_document(sample_sandbox, definitions):
    root = sample_sandbox.get("/api")
    check_keys(root, ROOT_KEYS | {"HasLongTermSupport"}, definitions["RootResource"], "GET /api")
    assert ROOT_KEYS <= set(root), "the 2019.7.12 root keys are all present"
    check_links(root, ROOT_LINKS_2019 | ROOT_LINKS_2020_ADDED, ROOT_LINKS_REQUIRED, "GET /api")
    assert root["ApiVersion"] == "3.0.0"
    assert root["Application"] == "Octopus Deploy"


def test_project(sample_sandbox, definitions, seed):
    project = sample_sandbox.get(f"/api/Spaces-1/projects/{seed.project_id('Web API')}")
    check_keys(project, PROJECT_KEYS, definitions["ProjectResource"], "project", frozenset(PROJECT_NULL_KEYS))
    check_links(project, PROJECT_LINKS, PROJECT_LINKS_REQUIRED, "project")
    assert project["Name"] == "Web API"


def test_release(sample_sandbox, definitions, seed):
    release = seed.release("Web API", "2021.1.0.14")
    check_keys(release, RELEASE_KEYS, definitions["ReleaseResource"], "release", frozenset(RELEASE_NULL_KEYS))
    check_links(release, RELEASE_LINKS, RELEASE_LINKS_REQUIRED, "release")


def test_deployment(sample_sandbox, definitions, seed):
    deployment = seed.deployments()[0]
    check_keys(deployment, DEPLOYMENT_KEYS, definitions["DeploymentResource"], "deployment", frozenset(DEPLOYMENT_NULL_KEYS))
    check_links(deployment, DEPLOYMENT_LINKS, DEPLOYMENT_LINKS_REQUIRED, "deployment")


def test_task(sample_sandbox, definitions, seed):
    task = sample_sandbox.get(f"/api/tasks/{seed.deployments()[0]['TaskId']}")
    check_keys(task, TASK_KEYS, definitions["TaskResource"], "task", frozenset(TASK_NULL_KEYS), frozenset(TASK_NEWER_KEYS))
    check_links(task, TASK_LINKS, TASK_LINKS_REQUIRED, "task")


def test_interruption(definitions, pending_interruption):
    interruption = pending_interruption
    check_keys(interruption, INTERRUPTION_KEYS, definitions["InterruptionResource"], "interruption",
               frozenset(INTERRUPTION_NULL_KEYS), frozenset(INTERRUPTION_NEWER_KEYS))
    check_links(interruption, INTERRUPTION_LINKS, INTERRUPTION_LINKS, "interruption")
    assert set(interruption["Form"]) == INTERRUPTION_FORM_KEYS
