"""Prepare Octopus's Swagger 2.0 description for the schemathesis run against the sandbox.

Two changes, and one correction of the description:
1. keep only the operations the sandbox implements (listed in `operations.txt`);
2. add `x-nullable: true` to every property of every schema — named ones (`properties`) and the
   members of dictionaries (`additionalProperties`, e.g. an interruption's `Form.Values`, which real
   servers send as `{"Notes": null, ...}`) — because Swagger 2.0 cannot say "nullable" while the
   real server returns `null` for unset fields;
3. `DESCRIPTION_ERRORS`: where the description contradicts what real servers send, the
   definition also accepts the real form. Each entry names its evidence.

Usage: python prepare_spec.py SWAGGER.json OUT.json
"""

from __future__ import annotations

import copy
import json
import sys
from pathlib import Path

OPERATIONS_FILE = Path(__file__).resolve().parent / "operations.txt"
HTTP_METHODS = {"get", "put", "post", "delete", "options", "head", "patch"}


# Definitions the description gets wrong, with what real servers send instead.
# PropertyValueResource: real servers write a non-sensitive property value as a plain JSON string
# ({"Octopus.Action.TargetRoles": "web-api"}, octopus-api.md §2.15 and §6 item 10; Octopus's own
# api-client tests and documentation samples of deployment processes); the description models
# only the object form ({"Value": ..., "IsSensitive": ...}) that sensitive values use.
DESCRIPTION_ERRORS = {
    "PropertyValueResource": ["string", "object"],
    # VariableType: real servers write a variable's Type as a plain string ("String", "Sensitive",
    # ...; the generated 2019 client's Variable.Type allow-list, octopus-api.md §3.1); the
    # description models it as an object with a read-only `Value`.
    "VariableType": ["string", "object"],
}


class SpecError(ValueError):
    """The operations list names something the API description does not have."""


def read_operations(path: Path = OPERATIONS_FILE) -> list[tuple[str, str]]:
    """`(method, path)` pairs from the operations file; blank lines and `#` comments are skipped."""
    operations: list[tuple[str, str]] = []
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        method, _, route = line.partition(" ")
        if method.lower() not in HTTP_METHODS or not route.startswith("/"):
            raise SpecError(f"{path.name}:{number}: expected 'METHOD /path', got {raw!r}")
        operations.append((method.lower(), route.strip()))
    return operations


def keep_operations(spec: dict, operations: list[tuple[str, str]]) -> dict:
    """A copy of `spec` whose `paths` hold exactly `operations` (path-level parameters kept)."""
    wanted: dict[str, set[str]] = {}
    for method, route in operations:
        item = spec.get("paths", {}).get(route)
        if item is None or method not in item:
            raise SpecError(
                f"'{method.upper()} {route}' is not an operation of the API description; "
                "fix operations.txt to use the description's own path."
            )
        wanted.setdefault(route, set()).add(method)
    result = copy.deepcopy(spec)
    paths: dict[str, dict] = {}
    for route, item in spec["paths"].items():
        if route not in wanted:
            continue
        kept = {key: copy.deepcopy(value) for key, value in item.items()
                if key.lower() not in HTTP_METHODS or key.lower() in wanted[route]}
        paths[route] = kept
    result["paths"] = paths
    return result


def mark_properties_nullable(node: object) -> int:
    """Add `x-nullable: true` to every property schema below `node` (named properties and
    dictionary members); returns how many were marked."""
    marked = 0
    if isinstance(node, dict):
        properties = node.get("properties")
        if isinstance(properties, dict) and _is_schema_properties(node):
            for schema in properties.values():
                if isinstance(schema, dict):
                    schema["x-nullable"] = True
                    marked += 1
        members = node.get("additionalProperties")
        if isinstance(members, dict) and node.get("type") == "object":
            members["x-nullable"] = True
            marked += 1
        for value in node.values():
            marked += mark_properties_nullable(value)
    elif isinstance(node, list):
        for value in node:
            marked += mark_properties_nullable(value)
    return marked


def _is_schema_properties(node: dict) -> bool:
    # A schema's `properties` maps names to schemas; guard against a property *named* "properties".
    return all(isinstance(value, dict) for value in node["properties"].values())


def prepare(spec: dict, operations: list[tuple[str, str]]) -> dict:
    """The description the conformance run uses: implemented operations only, properties nullable."""
    prepared = keep_operations(spec, operations)
    for name, types in DESCRIPTION_ERRORS.items():
        prepared["definitions"][name]["type"] = types
    mark_properties_nullable(prepared.get("definitions", {}))
    mark_properties_nullable(prepared["paths"])
    return prepared


def main(argv: list[str]) -> int:
    if len(argv) != 3:
        print("usage: prepare_spec.py SWAGGER.json OUT.json", file=sys.stderr)
        return 2
    source, target = Path(argv[1]), Path(argv[2])
    if not source.is_file():
        print(f"API description not found: {source}", file=sys.stderr)
        return 1
    spec = json.loads(source.read_text(encoding="utf-8"))
    prepared = prepare(spec, read_operations())
    target.write_text(json.dumps(prepared, indent=1), encoding="utf-8")
    print(f"kept {sum(len([m for m in i if m in HTTP_METHODS]) for i in prepared['paths'].values())} operations -> {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
