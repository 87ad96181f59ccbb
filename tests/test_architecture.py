"""The house rules, checked: every module imports alone, imports point one way (no cycle,
lazy imports counted), no module reaches into another's private names, the docstrings'
examples run, and the public surface (``warta.__all__``, ``KnowledgeBase``'s queries) is
explicit.

The import graph is read from the source (every ``import`` and ``from … import`` of a
``warta`` module, at any depth of a module: function-level imports count; those under ``if
TYPE_CHECKING:`` never run and do not).  Importing a submodule also runs its package's
``__init__``; that implicit edge is not counted, or every package would be a cycle.
"""

from __future__ import annotations

import ast
import doctest
import importlib
import inspect
import json
import os
import subprocess
import sys
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src"
PACKAGE = SRC / "warta"
#: importing it runs the command (``python -m warta``)
NOT_IMPORTABLE = {"warta.__main__"}


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


@cache
def modules() -> dict[str, Path]:
    """Every module of the package: dotted name → file."""
    return {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _is_package(name: str) -> bool:
    return modules()[name].name == "__init__.py"


@dataclass(frozen=True)
class Import:
    importer: str
    target: str           # the warta module imported
    names: tuple[str, ...]  # the names taken from it (``from target import a, b``)
    line: int
    lazy: bool            # inside a function


def _type_checking_lines(tree: ast.Module) -> set[int]:
    lines: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            for child in node.body:
                lines.update(range(child.lineno, (child.end_lineno or child.lineno) + 1))
    return lines


def _base(importer: str, level: int) -> str:
    parts = importer.split(".")
    if not _is_package(importer):
        parts.pop()
    return ".".join(parts[:len(parts) - (level - 1)])


def _function_lines(tree: ast.Module) -> set[int]:
    lines: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            lines.update(range(node.lineno, (node.end_lineno or node.lineno) + 1))
    return lines


@cache
def _tree(name: str) -> ast.Module:
    path = modules()[name]
    return ast.parse(path.read_text(encoding="utf-8"), str(path))


@cache
def imports() -> tuple[Import, ...]:
    """Every import of a warta module by a warta module."""
    known = modules()
    out: list[Import] = []
    for name in known:
        tree = _tree(name)
        skip, lazy = _type_checking_lines(tree), _function_lines(tree)
        for node in ast.walk(tree):
            if not isinstance(node, (ast.Import, ast.ImportFrom)) or node.lineno in skip:
                continue
            if isinstance(node, ast.Import):
                for alias in node.names:
                    if alias.name in known:
                        out.append(Import(name, alias.name, (), node.lineno, node.lineno in lazy))
                continue
            source = (_base(name, node.level) + ("." + node.module if node.module else "")
                      if node.level else node.module or "")
            if source not in known:
                continue
            plain = []
            for alias in node.names:
                sub = f"{source}.{alias.name}"
                if sub in known:  # ``from . import roles``: the submodule
                    out.append(Import(name, sub, (), node.lineno, node.lineno in lazy))
                else:
                    plain.append(alias.name)
            if plain:
                out.append(Import(name, source, tuple(plain), node.lineno, node.lineno in lazy))
    return tuple(out)


def graph() -> dict[str, set[str]]:
    edges: dict[str, set[str]] = {name: set() for name in modules()}
    for imp in imports():
        if imp.target != imp.importer:
            edges[imp.importer].add(imp.target)
    return edges


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """One cycle (as a path a → … → a) per strongly connected component of more than one
    module (Tarjan's algorithm, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    components: list[set[str]] = []
    for root in sorted(edges):
        if root in index:
            continue
        work = [(root, iter(sorted(edges[root])))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(edges[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = set()
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.add(member)
                    if member == node:
                        break
                if len(component) > 1:
                    components.append(component)
    return [_cycle_in(c, edges) for c in components]


def _cycle_in(component: set[str], edges: dict[str, set[str]]) -> list[str]:
    """A shortest cycle through the component's first module (breadth-first)."""
    start = min(component)
    paths = {start: [start]}
    queue = [start]
    while queue:
        node = queue.pop(0)
        for child in sorted(edges[node] & component):
            if child == start:
                return paths[node] + [start]
            if child not in paths:
                paths[child] = paths[node] + [child]
                queue.append(child)
    raise AssertionError(f"no cycle in {component}")


def _describe(cycle: list[str]) -> str:
    members = sorted(_component_of(cycle[0]))
    steps = [f"{len(members)} modules import each other: {', '.join(members)}; for example"]
    for a, b in zip(cycle, cycle[1:]):
        where = [f"{'lazy ' if i.lazy else ''}line {i.line}" for i in imports()
                 if i.importer == a and i.target == b]
        steps.append(f"{a} → {b} ({', '.join(where)})")
    return "\n  ".join(steps)


def _component_of(name: str) -> set[str]:
    edges = graph()

    def reach(start: str, step) -> set[str]:
        seen, todo = {start}, [start]
        while todo:
            for nxt in step(todo.pop()):
                if nxt not in seen:
                    seen.add(nxt)
                    todo.append(nxt)
        return seen

    forward = reach(name, lambda n: edges[n])
    return forward & reach(name, lambda n: {m for m, ts in edges.items() if n in ts})


# --- imports point one way ---------------------------------------------------------------

def test_the_graph_finds_a_cycle_and_names_its_imports():
    edges = {"a": {"b"}, "b": {"c"}, "c": {"a", "d"}, "d": set(), "e": {"e"}}
    assert cycles(edges) == [["a", "b", "c", "a"]]
    assert cycles({"a": {"b"}, "b": set()}) == []


def test_no_import_cycle_counting_lazy_imports():
    found = cycles(graph())
    assert not found, "import cycles:\n  " + "\n\n  ".join(map(_describe, found))


def test_the_graph_sees_lazy_and_relative_imports():
    found = {(i.importer, i.target, i.lazy) for i in imports()}
    assert ("warta.cli.ner", "warta.training.ner", True) in found  # lazy, ``from ..training.ner``
    assert ("warta.nlp.heads", "warta.nlp.evaluate", False) in found
    assert ("warta.nlp.gazetteer", "warta.lang", False) in found     # ``from .. import lang``


def test_nlp_evaluation_points_one_way():
    """``heads`` builds on ``evaluate``; evaluation and CoNLL reading know no training code."""
    edges = graph()
    assert "warta.nlp.evaluate" in edges["warta.nlp.heads"]
    assert "warta.nlp.heads" not in edges["warta.nlp.evaluate"]
    for name in ("warta.nlp.evaluate", "warta.nlp.conll", "warta.nlp.heads"):
        assert not {t for t in edges[name] if t.startswith("warta.training")}, name


def test_training_code_is_imported_by_the_train_command_only():
    """The package's modules never import ``warta.training`` (an installed wheel's pipeline
    runs without it); the CLI does, lazily, when ``warta train-ner`` runs."""
    users = {(i.importer, i.lazy) for i in imports() if i.target.startswith("warta.training")
             and not i.importer.startswith("warta.training")}
    assert users and all(importer.startswith("warta.cli.") and lazy for importer, lazy in users)


def test_no_module_imports_another_modules_private_name():
    """``from .x import _y`` and ``x._y`` across modules are refused; a package's private
    modules (``from . import _people``) are for that package's own modules."""
    offenders = []
    for imp in imports():
        for name in imp.names:
            if name.startswith("_") and not name.startswith("__"):
                offenders.append(f"{imp.importer}:{imp.line}: from {imp.target} import {name}")
        leaf = imp.target.rsplit(".", 1)[-1]
        if not imp.names and leaf.startswith("_") and not leaf.startswith("__"):
            owner = imp.target.rsplit(".", 1)[0]
            if not (imp.importer == owner or imp.importer.startswith(owner + ".")):
                offenders.append(f"{imp.importer}:{imp.line}: imports {imp.target}, private to {owner}")
    offenders += _private_attributes()
    assert not offenders, "private names used across modules:\n" + "\n".join(offenders)


def _private_attributes() -> list[str]:
    """``mod._name`` where ``mod`` is bound to another warta module by an import."""
    known = modules()
    out = []
    for name in known:
        tree = _tree(name)
        bound: dict[str, str] = {}
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom):
                source = (_base(name, node.level) + ("." + node.module if node.module else "")
                          if node.level else node.module or "")
                for alias in node.names:
                    if f"{source}.{alias.name}" in known:
                        bound[alias.asname or alias.name] = f"{source}.{alias.name}"
            elif isinstance(node, ast.Import):
                for alias in node.names:
                    if alias.asname and alias.name in known:
                        bound[alias.asname] = alias.name
        for node in ast.walk(tree):
            if (isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name)
                    and node.value.id in bound and node.attr.startswith("_")
                    and not node.attr.startswith("__") and bound[node.value.id] != name):
                out.append(f"{name}:{node.lineno}: {bound[node.value.id]}.{node.attr}")
    return out


# --- every module imports alone ----------------------------------------------------------

#: run in a fresh interpreter: a forked probe imports every module once and lists the other
#: (third-party) modules they brought; those are imported here, once, so that each module's
#: own check costs only warta's imports; then each module is tried in a forked child (a
#: process where no warta module has been imported yet; two at a time), and the failures
#: are printed as {module: traceback}.  Third-party modules imported early cannot hide an
#: import-order bug between warta's own modules.
_ALONE = r"""
import importlib, json, os, sys, tempfile, traceback


def is_warta(name):
    return name == "warta" or name.startswith("warta.")


todo, running, failures = json.loads(sys.argv[1]), {}, {}
width = max(1, min(2, os.cpu_count() or 1))
with tempfile.TemporaryDirectory() as tmp:
    probe = os.path.join(tmp, "probe")
    if os.fork() == 0:
        for module in todo:
            try:
                importlib.import_module(module)
            except BaseException:
                pass
        with open(probe, "w") as fh:
            json.dump([m for m in list(sys.modules) if not is_warta(m)], fh)
        os._exit(0)
    os.wait()
    for dep in json.load(open(probe)) if os.path.exists(probe) else ():
        try:
            importlib.import_module(dep)
        except BaseException:
            pass
    early = sorted(m for m in sys.modules if is_warta(m))
    assert not early, f"imported with the third-party modules: {early}"
    sys.stdout.flush()
    while todo or running:
        while todo and len(running) < width:
            module = todo.pop(0)
            report = os.path.join(tmp, module)
            pid = os.fork()
            if pid == 0:
                code = 0
                try:
                    importlib.import_module(module)
                except BaseException:
                    code = 1
                    with open(report, "w") as fh:
                        fh.write(traceback.format_exc())
                os._exit(code)
            running[pid] = (module, report)
        pid, status = os.wait()
        module, report = running.pop(pid)
        if status:
            failures[module] = (open(report).read() if os.path.exists(report)
                                else f"exit status {status}")
print("\n" + json.dumps(dict(sorted(failures.items()))))
"""


def _import_alone(names: list[str]) -> dict[str, str]:
    """{module: traceback} of the ``names`` that fail to import in a fresh interpreter."""
    if hasattr(os, "fork"):
        proc = subprocess.run([sys.executable, "-c", _ALONE, json.dumps(names)],
                              capture_output=True, text=True, timeout=600, cwd=SRC.parent)
        assert proc.returncode == 0, proc.stderr
        return json.loads(proc.stdout.strip().splitlines()[-1])
    failures = {}
    for name in names:  # no fork (Windows): one interpreter per module
        proc = subprocess.run([sys.executable, "-c", f"import {name}"], capture_output=True,
                              text=True, timeout=300, cwd=SRC.parent)
        if proc.returncode:
            failures[name] = proc.stderr
    return failures


def test_every_module_imports_alone_in_a_fresh_interpreter():
    names = sorted(set(modules()) - NOT_IMPORTABLE)
    failures = _import_alone(names)
    report = "\n".join(f"--- {name}\n{tb.strip().splitlines()[-1]}" for name, tb in failures.items())
    assert not failures, f"{len(failures)} of {len(names)} modules fail to import alone:\n{report}"


def test_a_module_that_cannot_import_alone_is_reported():
    failures = _import_alone(["warta.errors", "warta.no_such_module"])
    assert list(failures) == ["warta.no_such_module"]
    assert "ModuleNotFoundError" in failures["warta.no_such_module"]


# --- the docstrings' examples run --------------------------------------------------------

@pytest.mark.parametrize("name", sorted(set(modules()) - NOT_IMPORTABLE))
def test_doctests(name):
    """The examples in every module's docstrings pass (``# doctest: +SKIP`` for those that
    need data outside the repository or a trained model)."""
    module = importlib.import_module(name)
    finder = doctest.DocTestFinder(exclude_empty=True)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    failed = []
    for test in finder.find(module, name):
        runner.run(test, out=failed.append)
    assert not failed, "".join(failed)


# --- the public surface ------------------------------------------------------------------

def test_the_public_names_are_sorted_and_importable():
    import warta

    assert warta.__all__ == sorted(warta.__all__)
    assert "KnowledgeBase" in warta.__all__
    for name in warta.__all__:
        assert getattr(warta, name) is not None, name
    namespace: dict = {}
    exec("from warta import *", namespace)
    assert set(warta.__all__) <= set(namespace)


@pytest.mark.parametrize("name", [n for n in sorted(modules()) if n != "warta"
                                  and "__all__" in modules()[n].read_text(encoding="utf-8")])
def test_a_modules_all_is_sorted_and_importable(name):
    module = importlib.import_module(name)
    assert list(module.__all__) == sorted(module.__all__), name
    missing = [n for n in module.__all__ if not hasattr(module, n)]
    assert not missing, f"{name}.__all__ names what it does not have: {missing}"


def test_the_knowledge_base_has_the_queries_it_lists_and_nothing_else(tmp_path):
    from warta import kb
    from warta.kb import queries

    public = sorted(n for n, fn in vars(queries).items()
                    if inspect.isfunction(fn) and fn.__module__ == queries.__name__
                    and not n.startswith("_")
                    and next(iter(inspect.signature(fn).parameters), None) == "engine")
    assert list(kb.QUERIES) == public, "kb.QUERIES and the queries of kb.queries differ"
    base = kb.KnowledgeBase(str(tmp_path / "kb.db"))
    for name in kb.QUERIES:
        assert callable(getattr(base, name)), name
    for name in ("select", "ArticleRow", "Engine", "Session", "_iso"):
        assert not hasattr(base, name), f"kb.{name} looks like a query"
    assert base.counts() == queries.counts(base.engine)
    base.engine.dispose()
