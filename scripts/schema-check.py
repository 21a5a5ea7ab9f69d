#!/usr/bin/env python3
"""Validates azspec YAML files against azspec.schema.json.

    schema-check.py --schema azspec.schema.json [--def NAME] FILE...

Prints `ok FILE` or `invalid FILE: <path>: <message>` (one line per error) for each file; exits 0 when every file
is valid, 1 when any is invalid, 2 on a usage or I/O error. `--def project` checks azspec.yaml files,
`--def emulatorConfiguration` emulator configurations; without it the schema's own root (a spec file) is used.

YAML is read the way azspec reads it (Sources/AzspecCore/YAML/YAMLReader.swift), not with YAML 1.1's rules: only
plain scalars are typed, under YAML 1.2's core schema (`yes`, `on` and `2021-04-01` stay strings; `true`, `3`,
`1.5`, `null`, `~` are typed), and a mapping key is its scalar's text. The composition uses PyYAML's safe loader
(yaml.SafeLoader, as yaml.safe_load does); only the scalar typing is azspec's. What azspec refuses before looking at
keys is reported too: anchors and aliases, duplicate keys, keys that are not scalars, an empty file.
"""
import argparse
import json
import math
import re
import sys

try:
    import yaml
    from jsonschema import Draft202012Validator
except ImportError as error:  # pragma: no cover
    print(f"schema-check: {error} (pip install jsonschema PyYAML)", file=sys.stderr)
    sys.exit(2)

_NUMBER = re.compile(r"^[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$")


def plain_scalar(text):
    """A plain scalar's value under azspec's YAML 1.2 core schema (Node.Scalar.resolvedJSON)."""
    if text in ("", "~", "null", "Null", "NULL"):
        return None
    if text in ("true", "True", "TRUE"):
        return True
    if text in ("false", "False", "FALSE"):
        return False
    if text in (".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF"):
        return math.inf
    if text in ("-.inf", "-.Inf", "-.INF"):
        return -math.inf
    for prefix, base in (("0x", 16), ("0o", 8)):
        if text.startswith(prefix):
            try:
                return int(text[2:], base)
            except ValueError:
                pass
    if _NUMBER.match(text):
        if re.fullmatch(r"[+-]?[0-9]+", text):
            return int(text)
        return float(text)
    return text


class Problems(Exception):
    pass


def to_value(node, problems, path):
    if isinstance(node, yaml.ScalarNode):
        return plain_scalar(node.value) if node.style is None else node.value  # tags are ignored, as by azspec
    if isinstance(node, yaml.SequenceNode):
        return [to_value(item, problems, f"{path}/{index}") for index, item in enumerate(node.value)]
    if isinstance(node, yaml.MappingNode):
        result = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                problems.append(f"{path or '/'}: keys must be plain names (line {key_node.start_mark.line + 1})")
                continue
            key = key_node.value
            if key in result:
                problems.append(f"{path or '/'}: duplicate key '{key}' (line {key_node.start_mark.line + 1})")
                continue
            result[key] = to_value(value_node, problems, f"{path}/{escape(key)}")
        return result
    raise Problems(f"unexpected YAML node {node!r}")


def escape(key):
    return key.replace("~", "~0").replace("/", "~1")


def load(text):
    """The document as azspec sees it, and the problems azspec finds before reading keys."""
    problems = []
    for event in yaml.parse(text, Loader=yaml.SafeLoader):
        anchor = getattr(event, "anchor", None)
        if anchor is not None:
            kind = "aliases" if isinstance(event, yaml.AliasEvent) else "anchors"
            problems.append(f"/: YAML {kind} are not supported ({'*' if kind == 'aliases' else '&'}{anchor}, line {event.start_mark.line + 1})")
    if problems:
        return None, problems
    node = yaml.compose(text, Loader=yaml.SafeLoader)
    if node is None:
        return None, ["/: the file is empty"]
    value = to_value(node, problems, "")
    return value, problems


def pointer(error):
    parts = [escape(str(part)) for part in error.absolute_path]
    return "/" + "/".join(parts)


def main(argv):
    parser = argparse.ArgumentParser(description="Validate azspec YAML files against azspec.schema.json.")
    parser.add_argument("--schema", required=True, help="path of azspec.schema.json")
    parser.add_argument("--def", dest="definition", help="a $defs entry to validate against (project, emulatorConfiguration, spec)")
    parser.add_argument("files", nargs="+", metavar="FILE")
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit:
        return 2 if exit.code else 0
    try:
        with open(args.schema, encoding="utf-8") as handle:
            schema = json.load(handle)
    except (OSError, ValueError) as error:
        print(f"schema-check: cannot read schema {args.schema}: {error}", file=sys.stderr)
        return 2
    try:
        Draft202012Validator.check_schema(schema)
    except Exception as error:  # jsonschema.SchemaError
        print(f"schema-check: {args.schema} is not a valid draft 2020-12 schema: {error}", file=sys.stderr)
        return 2
    if args.definition:
        if args.definition not in schema.get("$defs", {}):
            print(f"schema-check: no $defs/{args.definition} in {args.schema}", file=sys.stderr)
            return 2
        schema = {"$schema": schema["$schema"], "$id": schema.get("$id"), "$ref": f"#/$defs/{args.definition}", "$defs": schema["$defs"]}
    validator = Draft202012Validator(schema)
    status = 0
    io_error = False
    for path in args.files:
        try:
            with open(path, encoding="utf-8") as handle:
                text = handle.read()
        except (OSError, UnicodeDecodeError) as error:
            print(f"schema-check: cannot read {path}: {error}", file=sys.stderr)
            io_error = True
            continue
        try:
            value, problems = load(text)
        except yaml.YAMLError as error:
            mark = getattr(error, "problem_mark", None)
            where = f" (line {mark.line + 1}, column {mark.column + 1})" if mark else ""
            print(f"invalid {path}: /: invalid YAML: {getattr(error, 'problem', None) or error}{where}")
            status = 1
            continue
        messages = list(problems)
        if value is not None or not problems:
            errors = sorted(validator.iter_errors(value), key=lambda e: (list(map(str, e.absolute_path)), e.message))
            messages += [f"{pointer(error)}: {best_message(error)}" for error in errors]
        if messages:
            status = 1
            for message in messages:
                print(f"invalid {path}: {message}")
        else:
            print(f"ok {path}")
    return 2 if io_error else status


def best_message(error):
    """A short message. For anyOf/oneOf: the errors of the branch whose type fits the value (the others' type
    mismatches say nothing), else what the value should have been."""
    if error.context and error.validator in ("anyOf", "oneOf"):
        branches = {}
        for inner in error.context:
            branches.setdefault(inner.schema_path[0], []).append(inner)
        fitting = [errors for errors in branches.values() if not any(type_mismatch(inner) for inner in errors)]
        if len(fitting) == 1:
            inner = fitting[0][0]
            where = "/".join(escape(str(p)) for p in inner.relative_path)
            return (f"{where}: " if where else "") + best_message(inner)
        if not fitting:
            schema = error.schema if isinstance(error.schema, dict) else {}
            reason = schema.get("description") or "it has none of the allowed forms"
            return f"{error.instance!r} is not valid: {reason}"
    return short_message(error)


def type_mismatch(error):
    """Whether the error says only that the value has the wrong type (directly, or in every branch of an anyOf)."""
    if error.relative_path:
        return False
    if error.validator == "type":
        return True
    return error.validator in ("anyOf", "oneOf") and bool(error.context) and all(type_mismatch(e) for e in error.context)


def short_message(error):
    schema = error.schema if isinstance(error.schema, dict) else {}
    if error.validator == "not" and error.validator_value == {}:
        return "not allowed here" + (f": {schema['description']}" if schema.get("description") else "")
    if error.validator == "pattern" and schema.get("patternErrorMessage"):
        return f"{error.instance!r} is not valid: {schema['patternErrorMessage']}"
    if error.validator in ("pattern", "not") and len(repr(error.validator_value)) > 100:
        reason = schema.get("patternErrorMessage") or schema.get("description") or "it does not have the form azspec expects"
        return f"{error.instance!r} is not valid: {reason}"
    return error.message


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
