"""The code's layers hold: no import circle, no upward import, no two modules sharing a file name.

Read from the source files with `ast` (nothing is imported), so a circle that Python happens to
survive today, or an import hidden in a function or under `if TYPE_CHECKING:`, is still seen.

The layers, from the bottom: simulator → grading → storage → web → app.py. Each imports only
from its own layer and the ones below; nothing below web imports Flask or web.
"""

from __future__ import annotations

import ast
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("simulator", "grading", "storage", "web")
EXCLUDED_FROM_NAME_CHECK = (
    "tests",
    "bench",
    "scripts",
)  # test and tool scripts, not part of the app


# What each layer may import of ours (besides itself); web may import anything but app.
ALLOWED = {
    "simulator": {"simulator"},
    "grading": {"grading", "simulator"},
    "storage": {"storage", "simulator", "grading"},
    "web": {"simulator", "grading", "storage", "web"},
    "app": {"simulator", "grading", "storage", "web"},
}


def _modules() -> dict[str, Path]:
    """Every module of ours by dotted name (a package by its own name: its __init__.py)."""
    found = {"app": ROOT / "app.py"}
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            parts = list(path.relative_to(ROOT).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts.pop()
            found[".".join(parts)] = path
    return found


MODULES = _modules()


def _is_package(name: str) -> bool:
    return MODULES[name].name == "__init__.py"


def _ours(name: str) -> str | None:
    """The module of ours that importing `name` runs last (its longest known prefix), if any."""
    parts = name.split(".")
    while parts:
        candidate = ".".join(parts)
        if candidate in MODULES:
            return candidate
        parts.pop()
    return None


def _imports(module: str) -> list[tuple[str, int]]:
    """(imported name, line) for every import in the module, at any depth: top level, functions,
    `if TYPE_CHECKING:`. `from X import Y` names X.Y when Y is a submodule, else X."""
    path = MODULES[module]
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    here = module if _is_package(module) else module.rpartition(".")[0]
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.extend((alias.name, node.lineno) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = here.split(".")[: len(here.split(".")) - (node.level - 1)]
                base = ".".join([*anchor, base] if base else anchor)
            for alias in node.names:
                full = f"{base}.{alias.name}"
                found.append((full if full in MODULES else base, node.lineno))
    return found


def _graph() -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {name: set() for name in MODULES}
    for module in MODULES:
        for name, _line in _imports(module):
            target = _ours(name)
            if target is not None and target != module:
                graph[module].add(target)
    return graph


def _circles(graph: dict[str, set[str]]) -> list[frozenset[str]]:
    """The strongly connected groups of more than one module (Tarjan), each one import circle."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[frozenset[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(graph[node]):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = set()
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.add(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.append(frozenset(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return groups


def _describe(group: frozenset[str], graph: dict[str, set[str]]) -> str:
    edges = sorted(f"{a} → {b}" for a in group for b in graph[a] if b in group)
    return "{" + ", ".join(sorted(group)) + "}: " + "; ".join(edges)


def test_the_walk_sees_the_modules_and_their_imports():
    """The graph is not trivially empty: it knows the app, the layers and a few certain edges."""
    graph = _graph()
    assert {"app", "simulator", "grading", "storage", "web", "web.shared.runtime"} <= set(MODULES)
    assert "web.shared.database" in graph["web.shared.runtime"]
    assert (
        "grading" in graph["web.shared.runtime"]
    )  # `from grading import grade`: the package itself
    assert "web.cli" in graph["app"]


def test_no_import_circle():
    graph = _graph()
    circles = _circles(graph)
    assert not circles, "import circles:\n" + "\n".join(_describe(g, graph) for g in circles)


def _layer(module: str) -> str:
    return module.split(".")[0]


def test_no_upward_import():
    wrong = []
    for module in MODULES:
        layer = _layer(module)
        for name, line in _imports(module):
            top = name.split(".")[0]
            where = f"{MODULES[module].relative_to(ROOT)}:{line} imports {name}"
            target = _ours(name)
            if target is not None and _layer(target) not in ALLOWED[layer] | {layer}:
                wrong.append(where)
            elif layer in ("simulator", "grading", "storage") and (
                top == "flask" or top.startswith("flask_")
            ):
                wrong.append(where + " (Flask belongs to web/)")
    assert not wrong, "upward imports:\n" + "\n".join(wrong)


def test_no_two_modules_share_a_file_name():
    tops = [
        p
        for p in ROOT.iterdir()
        if not p.name.startswith(".") and p.name not in EXCLUDED_FROM_NAME_CHECK
    ]
    files = [p for top in tops for p in ([top] if top.is_file() else top.rglob("*.py"))]
    paths = [p for p in files if p.suffix == ".py" and p.name != "__init__.py"]
    counts = Counter(p.name for p in paths)
    shared = {
        name: {str(p.relative_to(ROOT)) for p in paths if p.name == name}
        for name, n in counts.items()
        if n > 1
    }
    unexpected = shared
    assert not unexpected, "modules sharing a file name:\n" + "\n".join(
        f"{name}: {', '.join(sorted(where))}" for name, where in sorted(unexpected.items())
    )


FEATURES = (
    "web.calls",
    "web.api",
    "web.authoring",
    "web.cohorts",
    "web.admin",
    "web.notices",
    "web.trainer_home",
    "web.shifts",
)  # one blueprint each


def test_a_feature_package_init_never_imports_its_children():
    """A route module imports `bp` from its package's __init__; the other way round is a circle."""
    graph = _graph()
    wrong = [
        f"{feature} → {target}"
        for feature in FEATURES
        for target in sorted(graph[feature])
        if target.startswith(feature + ".")
    ]
    assert not wrong, "\n".join(wrong)


def test_shared_helpers_never_import_a_feature():
    graph = _graph()
    wrong = [
        f"{module} → {target}"
        for module in sorted(graph)
        if module.startswith("web.shared")
        for target in sorted(graph[module])
        if target == "web.auth"
        or target == "web.cli"
        or target.startswith("web.cli.")
        or any(target == f or target.startswith(f + ".") for f in FEATURES)
    ]
    assert not wrong, "\n".join(wrong)


def test_every_feature_package_is_known_here():
    """A new package under web/ joins FEATURES (or is shared/cli), so the checks above cover it."""
    packages = {
        name
        for name in MODULES
        if name.count(".") == 1 and name.startswith("web.") and _is_package(name)
    }
    assert packages == {*FEATURES, "web.shared", "web.cli"}
