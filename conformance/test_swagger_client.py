"""A real third-party client against the sandbox: the swagger-generated Python client
(PyPI `octopus-deploy-swagger-client==1.1.0`, generated from Octopus 2019.6.7).

It deserialises strictly (octopus-api.md §3.1): enum values outside its allow-lists and nulls in
required fields raise. Each test lists one kind of resource through the client and checks the
values against the sample seed (the application of the blog post), not only that nothing raised.
"""

from __future__ import annotations

import pytest
from octopus_deploy_swagger_client import (
    ActionTemplatesApi,
    ApiClient,
    ChannelsApi,
    Configuration,
    DeploymentsApi,
    EnvironmentsApi,
    FeedsApi,
    InterruptionsApi,
    LibraryVariableSetsApi,
    LifecyclesApi,
    ProjectsApi,
    ReleasesApi,
    SpacesApi,
    TasksApi,
    TeamsApi,
)

SPACE_ID = "Spaces-1"
CHILDREN = ["Database", "Scheduling Service", "Web API", "Web UI"]


def make_client(sandbox) -> ApiClient:
    configuration = Configuration()
    configuration.host = sandbox.url  # the generated paths begin with /api
    configuration.api_key["X-Octopus-ApiKey"] = sandbox.api_key
    return ApiClient(configuration)


@pytest.fixture(scope="module")
def client(sample_sandbox) -> ApiClient:
    return make_client(sample_sandbox)


@pytest.fixture(scope="module")
def projects(client) -> dict:
    """Project name → ProjectResource, read through the client."""
    listed = ProjectsApi(client).list_all_response_descriptor_projects_project_project_resource_spaces(SPACE_ID)
    return {project.name: project for project in listed}


@pytest.fixture(scope="module")
def environments(client) -> dict:
    """Environment id → EnvironmentResource."""
    listed = EnvironmentsApi(client).list_all_response_descriptor_environments_deployment_environment_environment_resource_spaces(SPACE_ID)
    return {environment.id: environment for environment in listed}


@pytest.fixture(scope="module")
def releases(client) -> list:
    api = ReleasesApi(client)
    return api.index_response_descriptor_projects_release_release_resource_spaces(SPACE_ID, take=2147483647).items


@pytest.fixture(scope="module")
def deployments(client) -> list:
    api = DeploymentsApi(client)
    return api.custom_query_response_descriptor_octopus_server_web_api_actions_deployments_query_responder_spaces(SPACE_ID).items


def environment_name(environments: dict, environment_id: str) -> str:
    return environments[environment_id].name


def test_lists_spaces(client):
    spaces = SpacesApi(client).index_response_descriptor_spaces_space_space_resource().items
    default = [space for space in spaces if space.id == SPACE_ID]
    assert default, f"no {SPACE_ID} among {[s.id for s in spaces]}"
    assert default[0].is_default is True
    assert default[0].name


def test_lists_projects(projects):
    assert set(CHILDREN + ["Release Orchestration"]) <= set(projects)
    groups = {projects[name].project_group_id for name in CHILDREN}
    assert len(groups) == 1, "the four children share the 'Sample Application' group"
    assert projects["Release Orchestration"].project_group_id not in groups
    for name in CHILDREN:
        assert projects[name].deployment_process_id == f"deploymentprocess-{projects[name].id}"


def test_lists_environments_in_order(environments):
    ordered = sorted(environments.values(), key=lambda environment: environment.sort_order)
    assert [environment.name for environment in ordered] == ["Development", "Test", "Staging", "Prod Approval", "Production"]


def test_lists_lifecycles(client, environments, projects):
    lifecycles = LifecyclesApi(client).list_all_response_descriptor_lifecycles_lifecycle_lifecycle_resource_spaces(SPACE_ID)
    by_id = {lifecycle.id: lifecycle for lifecycle in lifecycles}

    def phase_environments(lifecycle) -> list[str]:
        return [environment_name(environments, environment_id)
                for phase in lifecycle.phases or []
                for environment_id in (phase.automatic_deployment_targets or []) + (phase.optional_deployment_targets or [])]

    default = [lifecycle for lifecycle in lifecycles if lifecycle.name == "Default Lifecycle"]
    assert default and not default[0].phases, "the Default Lifecycle has no phases"
    component = by_id[projects["Web API"].lifecycle_id]
    assert phase_environments(component) == ["Development", "Test", "Staging", "Production"]
    orchestration = by_id[projects["Release Orchestration"].lifecycle_id]
    assert phase_environments(orchestration) == ["Staging", "Prod Approval", "Production"]


def test_lists_channels(client, projects):
    channels = ChannelsApi(client).list_all_response_descriptor_projects_channel_channel_resource_spaces(SPACE_ID)
    for name, project in projects.items():
        own = [channel for channel in channels if channel.project_id == project.id]
        assert own, f"project {name} has no channel"
        assert sum(1 for channel in own if channel.is_default) == 1, f"project {name} has one default channel"


def test_lists_releases(releases, projects):
    web_api = {release.version for release in releases if release.project_id == projects["Web API"].id}
    assert {"2021.1.0.14", "2021.1.0.15"} <= web_api
    for name in CHILDREN:
        versions = [release.version for release in releases if release.project_id == projects[name].id]
        assert versions and all(version.startswith("2021.1.0.") for version in versions), name
    assert all(release.release_notes for release in releases if release.project_id == projects["Web API"].id)


def test_lists_deployments(deployments, releases, projects, environments):
    version_of = {release.id: release.version for release in releases}
    for name in CHILDREN:
        reached = {environment_name(environments, d.environment_id) for d in deployments if d.project_id == projects[name].id}
        assert {"Development", "Test"} <= reached, f"{name} was deployed to Development and Test"
    web_api_test = [version_of[d.release_id] for d in deployments
                    if d.project_id == projects["Web API"].id and environment_name(environments, d.environment_id) == "Test"]
    # Newest first: the rollback (2021.1.0.14 redeployed) comes before the 2021.1.0.15 it replaced.
    assert web_api_test[:2] == ["2021.1.0.14", "2021.1.0.15"]


def test_lists_tasks(client, deployments):
    tasks = TasksApi(client).custom_query_response_descriptor_octopus_server_web_api_actions_list_tasks_responder().items
    by_id = {task.id: task for task in tasks}
    for deployment in deployments:
        task = by_id.get(deployment.task_id)
        assert task is not None, f"the task {deployment.task_id} of {deployment.id} is listed"
        assert task.state == "Success" and task.is_completed and task.finished_successfully
        assert task.name == "Deploy"


def test_lists_interruptions(workflow_sandbox, pending_interruption):
    client = make_client(workflow_sandbox)
    api = InterruptionsApi(client)
    listed = api.custom_query_response_descriptor_octopus_server_web_api_actions_list_interruptions_responder_spaces(SPACE_ID).items
    matches = [interruption for interruption in listed if interruption.id == pending_interruption["Id"]]
    assert matches, "the pending intervention is listed"
    interruption = matches[0]
    assert interruption.is_pending is True
    teams = TeamsApi(client).index_response_descriptor_users_team_team_resource(take=2147483647).items
    team_names = {team.id: team.name for team in teams}
    assert "Web Admins" in {team_names.get(team_id) for team_id in interruption.responsible_team_ids}
    assert interruption.task_id == pending_interruption["TaskId"]
    assert [element.name for element in interruption.form.elements][-1] == "Result"


def test_lists_the_built_in_feed(client):
    feeds = FeedsApi(client).octopus_server_web_api_feeds_feed_list_descriptor_spaces(SPACE_ID)
    assert [(feed.id, feed.feed_type) for feed in feeds] == [("feeds-builtin", "BuiltIn")]
    feed = FeedsApi(client).octopus_server_web_api_feeds_feed_load_response_descriptor_spaces(SPACE_ID, "feeds-builtin")
    assert feed.name == "Octopus Server (built-in)"


def test_lists_package_versions_of_the_releases(client, releases, projects):
    # The 2019 client's operation has no packageId parameter, so the query goes through its own
    # request machinery, which still deserialises into its PackageVersionResource model.
    page = client.call_api(
        "/api/{baseSpaceId}/feeds/{id}/packages/versions", "GET",
        path_params={"baseSpaceId": SPACE_ID, "id": "feeds-builtin"},
        query_params=[("packageId", "SampleApp.WebAPI")],
        header_params={"Accept": "application/json"},
        response_type="ResourceCollectionPackageVersionResource",
        auth_settings=["APIKeyHeader"], _return_http_data_only=True)
    versions = [item.version for item in page.items]
    released = sorted((release.version for release in releases if release.project_id == projects["Web API"].id),
                      key=lambda version: [int(part) for part in version.split(".")], reverse=True)
    assert versions == released == ["2021.1.0.15", "2021.1.0.14", "2021.1.0.13"]
    assert all(item.feed_id == "feeds-builtin" and item.package_id == "SampleApp.WebAPI" for item in page.items)


def test_lists_library_variable_sets_the_projects_include(client, projects):
    api = LibraryVariableSetsApi(client)
    listed = api.list_all_response_descriptor_variables_library_variable_set_library_variable_set_resource_spaces(SPACE_ID)
    included = {set_id for project in projects.values() for set_id in project.included_library_variable_set_ids or []}
    # The sample's projects include no library variable set, so there is none to list.
    assert {variable_set.id for variable_set in listed} == included == set()
    page = api.index_response_descriptor_variables_library_variable_set_library_variable_set_resource_spaces(SPACE_ID, take=2147483647)
    assert page.total_results == 0 and page.items == []


def test_serves_the_step_template_the_parent_uses(client, projects):
    api = ActionTemplatesApi(client)
    templates = api.list_all_response_descriptor_projects_action_template_action_template_resource_spaces(SPACE_ID)
    assert [template.name for template in templates] == ["Deploy Child Octopus Deploy Project"]
    template = api.load_response_descriptor_projects_action_template_action_template_resource_spaces(SPACE_ID, "ActionTemplates-1")
    assert template.action_type == "Octopus.Script"
    names = [parameter.name for parameter in template.parameters]
    assert len(names) == 24 and names[0] == "ChildProject.Web.ServerUrl"
    assert {"ChildProject.Project.Name", "ChildProject.Release.Number", "ChildProject.RefreshVariableSnapShots.Option"} <= set(names)
    api_key = [parameter for parameter in template.parameters if parameter.name == "ChildProject.Api.Key"][0]
    assert api_key.display_settings == {"Octopus.ControlType": "Sensitive"}
