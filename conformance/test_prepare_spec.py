"""The prepared API description keeps exactly the listed operations and relaxes nothing but null."""

from __future__ import annotations

import json

import pytest

from prepare_spec import DESCRIPTION_ERRORS, HTTP_METHODS, SpecError, keep_operations, prepare, read_operations
from sandbox import swagger_path


@pytest.fixture(scope="module")
def original() -> dict:
    return json.loads(swagger_path().read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def prepared(original) -> dict:
    return prepare(original, read_operations())


def without_nullable(node):
    if isinstance(node, dict):
        return {key: without_nullable(value) for key, value in node.items() if key != "x-nullable"}
    if isinstance(node, list):
        return [without_nullable(value) for value in node]
    return node


def test_keeps_exactly_the_listed_operations(prepared):
    kept = {(method, route) for route, item in prepared["paths"].items() for method in item if method in HTTP_METHODS}
    assert kept == set(read_operations())


def test_every_property_accepts_null(prepared):
    for name, definition in prepared["definitions"].items():
        for field, schema in definition.get("properties", {}).items():
            assert schema.get("x-nullable") is True, f"{name}.{field}"
            members = schema.get("additionalProperties")
            if isinstance(members, dict):
                assert members.get("x-nullable") is True, f"members of {name}.{field}"


def test_nothing_else_changes(original, prepared):
    definitions = without_nullable(prepared["definitions"])
    for name, types in DESCRIPTION_ERRORS.items():
        assert definitions[name].pop("type") == types
        original_type = original["definitions"][name].get("type")
        assert original_type in (None, "object"), "a correction only widens an object definition"
        definitions[name]["type"] = original_type
        if original_type is None:
            del definitions[name]["type"]
    assert definitions == original["definitions"]
    for route, item in prepared["paths"].items():
        for method, operation in item.items():
            assert without_nullable(operation) == original["paths"][route][method]


def test_an_unknown_operation_is_refused(original):
    with pytest.raises(SpecError, match="GET /nonexistent"):
        keep_operations(original, [("get", "/nonexistent")])
