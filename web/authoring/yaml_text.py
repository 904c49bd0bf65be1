"""Small edits to YAML text that keep the author's comments and layout.

Each edit is made on the text, then checked by parsing the result: if the parsed data is not
exactly what the edit means (an unusual layout, flow style), the whole document is dumped again
instead — correct first, pretty when possible.
"""

from __future__ import annotations

import copy
import json
import re
from typing import Any

import yaml

from simulator.yamlsource import MAX_BYTES, PathKey, Source, parse

_PLAIN_KEY = re.compile(r"^[A-Za-z_][A-Za-z0-9_.-]*$")


def _scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    return json.dumps(
        value, ensure_ascii=False
    )  # a JSON string is a valid double-quoted YAML scalar


def _key(key: str) -> str:
    return key if _PLAIN_KEY.match(key) else json.dumps(key, ensure_ascii=False)


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def dump(data: Any) -> str:
    """YAML text for data (block style, keys in their order, accents kept)."""
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=110)


def _checked(new_text: str | None, expected: Any, limit: int) -> str:
    if new_text is not None:
        try:
            if parse(new_text, limit).data == expected:
                return new_text
        except Exception:  # noqa: BLE001 - any failure means: fall back to a clean dump
            pass
    return dump(expected)


def set_top_level(text: str, key: str, value: Any, limit: int = MAX_BYTES) -> str:
    """The text with a top-level scalar key (`id`, `version`) set to value."""
    source = parse(text, limit)
    expected = copy.deepcopy(source.data)
    expected[key] = value
    pattern = re.compile(rf"^{re.escape(key)}[ \t]*:[^\n]*$", re.MULTILINE)
    new_text, count = pattern.subn(f"{key}: {_scalar(value)}", text, count=1)
    return _checked(new_text if count else None, expected, limit)


def _end_of_block(lines: list[str], start: int, indent: int) -> int:
    """Index just after the block that starts at line index `start` and is indented `indent`."""
    j = start + 1
    while j < len(lines):
        line = lines[j]
        if line.strip() and (
            _indent(line) < indent
            or (_indent(line) == indent and not line.lstrip().startswith("-"))
        ):
            break
        j += 1
    while j > start + 1 and not lines[j - 1].strip():
        j -= 1
    return j


def _nested_block(keys: tuple, value: Any, indent: int) -> list[str]:
    out = []
    for depth, key in enumerate(keys):
        out.append(" " * (indent + 2 * depth) + f"{_key(str(key))}:\n")
    out.append(" " * (indent + 2 * len(keys)) + f"- {_scalar(value)}\n")
    return out


def _textual_append(text: str, source: Source, path: PathKey, value: Any) -> str | None:
    lines = text.splitlines(keepends=True)
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    node, depth = source.data, 0
    while depth < len(path) and isinstance(node, dict) and path[depth] in node:
        node, depth = node[path[depth]], depth + 1
    if depth == len(path):
        if not isinstance(node, list) or not node:
            return None
        last = source.lines.get((*path, len(node) - 1))
        if last is None or not lines[last - 1].lstrip().startswith("- "):
            return None
        indent = _indent(lines[last - 1])
        end = _end_of_block(lines, last - 1, indent)
        lines.insert(end, " " * indent + f"- {_scalar(value)}\n")
        return "".join(lines)
    if not isinstance(node, dict):
        return None
    if depth == 0:
        return "".join(lines + _nested_block(path, value, 0))
    if not node:
        return None
    children = list(node)
    first, last = (
        source.lines.get((*path[:depth], children[0])),
        source.lines.get((*path[:depth], children[-1])),
    )
    if first is None or last is None:
        return None
    indent = _indent(lines[first - 1])
    if lines[first - 1].lstrip().startswith(("{", "-")):
        return None
    end = _end_of_block(lines, last - 1, indent)
    lines[end:end] = _nested_block(path[depth:], value, indent)
    return "".join(lines)


def append_to_list(text: str, path: PathKey, value: Any, limit: int = MAX_BYTES) -> str:
    """The text with value appended to the list at path (mappings and the list made if missing)."""
    source = parse(text, limit)
    expected = copy.deepcopy(source.data)
    node = expected
    for key in path[:-1]:
        if not isinstance(node.get(key), dict):
            node[key] = {}
        node = node[key]
    if not isinstance(node.get(path[-1]), list):
        node[path[-1]] = []
    node[path[-1]].append(value)
    return _checked(_textual_append(text, source, path, value), expected, limit)
