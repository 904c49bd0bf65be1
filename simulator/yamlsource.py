"""Safe YAML loading that remembers where every value stands, so errors can name their line."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from simulator.validate_messages import render

MAX_BYTES = 256 * 1024
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when available: 10x faster
PathKey = tuple[str | int, ...]


class SourceError(Exception):
    """A YAML source could not be read at all (too big, not YAML, not a mapping).

    `message` is English; `code` and `params` render it in any locale
    (`simulator.validate_messages`).
    """

    def __init__(self, code: str, line: int | None = None, **params: object):
        self.code = code
        self.params = {name: str(value) for name, value in params.items()}
        self.message = render(code, self.params)
        self.line = line
        super().__init__(self.message)


@dataclass(frozen=True)
class Source:
    """Parsed YAML data with the line of each path (1-based)."""

    data: object
    lines: dict[PathKey, int]

    def line_of(self, path: PathKey) -> int | None:
        """The line of `path`, or of its nearest parent that has one."""
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.lines.get((), None)


def _collect_lines(node: yaml.Node, path: PathKey, lines: dict[PathKey, int]) -> None:
    lines.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else str(key_node)
            lines[(*path, key)] = key_node.start_mark.line + 1
            _collect_lines(value_node, (*path, key), lines)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _collect_lines(item, (*path, index), lines)


def _refuse_aliases(text: str) -> None:
    """Refuse anchors and aliases before anything is built: one event pass, linear in the text.

    An alias repeats a node without repeating its text, so nine lines of `&a`/`*a` can stand for a
    billion values (the "billion laughs"); building or walking them would exhaust the server.
    Scenarios never need them: they are refused with the line of the first one.
    """
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise SourceError("yaml_alias", event.start_mark.line + 1)


def parse(text: str, limit: int = MAX_BYTES) -> Source:
    """Parse YAML text with the safe loader; raise SourceError with a line if it is malformed."""
    if len(text.encode("utf-8")) > limit:
        raise SourceError("file_too_large", kib=limit // 1024)
    loader = _Loader(text)
    try:
        _refuse_aliases(text)
        node = loader.get_single_node()
        if node is None:
            raise SourceError("file_empty", 1)
        data = loader.construct_document(node)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or str(exc)
        raise SourceError(
            "malformed_yaml", mark.line + 1 if mark else None, detail=problem
        ) from exc
    finally:
        loader.dispose()
    lines: dict[PathKey, int] = {}
    _collect_lines(node, (), lines)
    return Source(data=data, lines=lines)


def read(path: Path, limit: int = MAX_BYTES) -> Source:
    """Read and parse a YAML file, refusing files over the size limit before reading them."""
    if path.stat().st_size > limit:
        raise SourceError("file_too_large", kib=limit // 1024)
    return parse(path.read_text(encoding="utf-8"), limit)


def format_path(path: PathKey) -> str:
    """`('probes', 3, 'intent')` → `probes[3].intent`."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out
