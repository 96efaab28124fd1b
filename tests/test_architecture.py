"""The house: imports flow one way through the pipeline's layers, with no cycles, and a
function-level import exists only to keep start-up fast (and says so in a comment)."""

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "drafter"

# Lower layers never import higher ones. A module belongs to the layer of its longest prefix.
LAYERS = [
    ("base", ("drafter", "drafter.errors", "drafter.files", "drafter.safeyaml", "drafter.schema",
              "drafter.resources", "drafter.numbering", "drafter.workspace", "drafter.convert", "drafter.unit", "drafter.levels",
              "drafter.workers",
              )),
    ("outline", ("drafter.outline",)),
    ("render", ("drafter.render",)),
    ("documents", ("drafter.documents",)),
    ("check", ("drafter.check",)),
    ("importer", ("drafter.importer",)),
    ("compare", ("drafter.compare",)),
    ("tasks", ("drafter.tasks",)),
    ("serve", ("drafter.serve",)),
    ("cli", ("drafter.cli", "drafter.__main__")),
]


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def layer(module: str) -> int:
    best, found = -1, None
    for index, (_, prefixes) in enumerate(LAYERS):
        for prefix in prefixes:
            if (module == prefix or module.startswith(prefix + ".")) and len(prefix) > best:
                best, found = len(prefix), index
    if found is None:
        raise AssertionError(f"{module} is in no layer: add it to LAYERS in {__file__}")
    return found


def imports(module: str) -> list[tuple[str, int, bool]]:
    """(imported drafter module, line, inside a function) for every import in ``module``."""
    path = MODULES[module]
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    tree = ast.parse(path.read_text(encoding="utf-8"))
    inside: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            inside.update(id(sub) for sub in ast.walk(node) if sub is not node)
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            # `from pkg import mod` imports the module; `from pkg import name` the package itself
            subs = [f"{target}.{a.name}" for a in node.names]
            names = [n for n in subs if n in MODULES]
            if len(names) < len(subs):
                names.append(target)
        else:
            continue
        for name in names:
            if name == "drafter" or name.startswith("drafter."):
                out.append((name, node.lineno, id(node) in inside))
    return out


GRAPH = {m: sorted({name for name, _, _ in imports(m) if name in MODULES and name != m}) for m in MODULES}


@pytest.mark.parametrize("module", sorted(MODULES))
def test_imports_flow_down_the_pipeline(module):
    mine = layer(module)
    upward = [(name, line) for name, line, _ in imports(module) if layer(name) > mine]
    assert not upward, f"{module} ({LAYERS[mine][0]}) imports a later stage: {upward}"


def test_no_import_cycles():
    index, low, stack, on_stack, cycles = {}, {}, [], set(), []

    def visit(v):  # Tarjan's strongly connected components
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
    assert not cycles, f"import cycles: {cycles}"


def test_function_level_imports_say_why():
    """Every import inside a function keeps start-up fast, and a comment says so: on the import's
    line or on the line before the first import of its group."""
    silent = []
    for module, path in MODULES.items():
        lines = path.read_text(encoding="utf-8").splitlines()
        tree = ast.parse("\n".join(lines))
        for func in (n for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))):
            body_imports = [n for n in ast.walk(func) if isinstance(n, (ast.Import, ast.ImportFrom))]
            for node in body_imports:
                first = node.lineno
                while first - 2 >= 0 and lines[first - 2].lstrip().startswith(("import ", "from ")):
                    first -= 1
                group = lines[first - 1:node.end_lineno]
                before = lines[first - 2].strip() if first >= 2 else ""
                if not (any("#" in line for line in group) or before.startswith("#")):
                    silent.append(f"{module}:{node.lineno}: {lines[node.lineno - 1].strip()}")
    assert not silent, "function-level imports without a reason:\n" + "\n".join(silent)
