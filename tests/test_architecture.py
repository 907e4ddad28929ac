"""The layers hold: SQL only in the store, no import cycles, the CLI never reaches the
store, the domain opens no file. Read from the source with `ast`, as a newcomer would."""

from __future__ import annotations

import ast
import re
from pathlib import Path

SRC = Path(__file__).resolve().parent.parent / "src" / "cadretrack"
MODULES = {
    ".".join(("cadretrack", *p.relative_to(SRC).with_suffix("").parts)).removesuffix(".__init__"): p
    for p in SRC.rglob("*.py")
}
SQL = re.compile(r"\b(SELECT\s.+\sFROM|INSERT\s+(OR\s+\w+\s+)?INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM|PRAGMA\s+\w+|"
                 r"CREATE\s+(TABLE|INDEX|VIEW)|BEGIN\s+IMMEDIATE)\b", re.IGNORECASE | re.DOTALL)


def imports(module: str) -> set[str]:
    """Every cadretrack module this one imports, at module level or inside functions."""
    tree = ast.parse(MODULES[module].read_text("utf-8"))
    found: set[str] = set()
    package = module if MODULES[module].name == "__init__.py" else module.rsplit(".", 1)[0]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(package.split(".")[: len(package.split(".")) - node.level + 1] + ([base] if base else []))
            names = [f"{base}.{a.name}" if f"{base}.{a.name}" in MODULES else base for a in node.names]
        else:
            continue
        found.update(n for n in names if n in MODULES and n != module)
    return found


GRAPH = {m: imports(m) for m in MODULES}


def test_no_import_cycle():
    """Tarjan's strongly connected components: every one must be a single module."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    cycles: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in GRAPH[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                cycles.append(sorted(component))

    for v in GRAPH:
        if v not in index:
            visit(v)
    assert cycles == []


def test_sql_only_in_the_store():
    outside = []
    for module, path in MODULES.items():
        if module.startswith("cadretrack.store"):
            continue
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and SQL.search(node.value):
                outside.append(f"{module}:{node.lineno}")
            if isinstance(node, ast.Attribute) and node.attr in ("execute", "executemany", "conn"):
                outside.append(f"{module}:{node.lineno} .{node.attr}")
    assert outside == []


def test_cli_imports_nothing_from_the_store():
    reaching = sorted(f"{m} -> {i}" for m in GRAPH if m.startswith("cadretrack.cli")
                      for i in GRAPH[m] if i.startswith("cadretrack.store"))
    assert reaching == []


def test_web_reaches_the_ledger_only_through_ops():
    """The web app parses, calls the same ops as the CLI, renders: no store, no reader."""
    reaching = sorted(f"{m} -> {i}" for m in GRAPH if m.startswith("cadretrack.web")
                      for i in GRAPH[m] if i.startswith(("cadretrack.store", "cadretrack.readers")))
    assert reaching == []
    assert any(m.startswith("cadretrack.web") for m in GRAPH)


def test_domain_does_no_io():
    """No open(), no file reading, no package resources, no clock in the domain."""
    forbidden = {"open", "read_text", "read_bytes", "write_text", "write_bytes", "resources", "today", "now"}
    found = []
    for module, path in MODULES.items():
        if not module.startswith("cadretrack.domain"):
            continue
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            name = node.id if isinstance(node, ast.Name) else node.attr if isinstance(node, ast.Attribute) else None
            if name in forbidden:
                found.append(f"{module}:{node.lineno} {name}")
            if isinstance(node, ast.ImportFrom) and node.module == "importlib":
                found.append(f"{module}:{node.lineno} importlib")
    assert found == []


def test_the_check_itself_sees_a_cycle_and_sql(tmp_path):
    """The detectors are not blind: they find what they look for in the known shapes."""
    assert SQL.search('"SELECT id FROM cadres WHERE x = ?"')
    assert SQL.search("UPDATE filings SET superseded_by = ?")
    assert not SQL.search("Chọn (select) một dòng từ danh sách")
    assert "cadretrack.store.ledger" in GRAPH["cadretrack.store.backup"] | GRAPH["cadretrack.store.ledger"] | {
        i for m in GRAPH if m.startswith("cadretrack.ops") for i in GRAPH[m]}
