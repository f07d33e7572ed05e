"""The house as the design card draws it: its top level, imports that run one way, no page
class patched at start-up but the one routing replacement."""

import ast
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(settings.BASE_DIR)
CONTENT_APPS = {"pages", "timeline", "partners", "institutional"}
PACKAGES = {"masis", *CONTENT_APPS}
TOP_LEVEL = {
    "manage.py",
    "pyproject.toml",
    "README.md",
    "tasks.py",
    "gunicorn.conf.py",
    ".ci",
    "masis",
    "pages",
    "timeline",
    "partners",
    "institutional",
    "locale",
    "templates",
    "static",
    "tests",
    "docs",
    "deploy",
    "bench",
}
# What every checkout or run leaves beside the tracked files (.gitignore).
UNTRACKED = {".git", ".gitignore", ".gitattributes", ".venv", "db.sqlite3", "media", "staticfiles"}
UNTRACKED |= {"var", "build", ".pytest_cache", ".ruff_cache", ".hypothesis", "test-artifacts"}
UNTRACKED |= {"__pycache__"}


def module_name(path):
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def app_modules():
    """{module name: path} of the project's code (migrations included, tests and bench not)."""
    return {
        module_name(path): path
        for package in sorted(PACKAGES)
        for path in (ROOT / package).rglob("*.py")
    }


def imported_modules(name, path, known):
    """The project modules that ``name`` imports, anywhere in it (inside functions too)."""
    tree = ast.parse(path.read_text(), filename=str(path))
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")
                anchor = anchor[: len(anchor) - (node.level - 1)]
                base = ".".join([*anchor, *([base] if base else [])])
            # "from x import y" may import the module x.y or a name of x.
            targets = [f"{base}.{alias.name}" for alias in node.names] + [base]
        else:
            continue
        for target in targets:
            # The longest known module the target names (a name inside it imports it).
            while target and target not in known:
                target = target.rpartition(".")[0]
            if target and target != name:
                found.add(target)
    return found


@pytest.fixture(scope="module")
def graph():
    modules = app_modules()
    return {name: imported_modules(name, path, modules.keys()) for name, path in modules.items()}


def top(name):
    return name.split(".")[0]


def test_the_top_level_is_the_design_card():
    present = {path.name for path in ROOT.iterdir()} - UNTRACKED
    present = {name for name in present if not name.endswith(".egg-info")}
    assert present <= TOP_LEVEL, f"not on the design card: {sorted(present - TOP_LEVEL)}"
    assert {"masis", "pages", "timeline", "partners", "institutional", "tests"} <= present


def test_masis_imports_no_content_app_but_in_its_urls(graph):
    wrong = {
        (name, target)
        for name, targets in graph.items()
        if top(name) == "masis" and name != "masis.urls"
        for target in targets
        if top(target) in CONTENT_APPS
    }
    assert not wrong


@pytest.mark.parametrize("app", ["timeline", "partners", "institutional"])
def test_content_apps_import_masis_only(graph, app):
    wrong = {
        (name, target)
        for name, targets in graph.items()
        if top(name) == app
        for target in targets
        if top(target) != app and top(target) in PACKAGES - {"masis"}
    }
    assert not wrong


def test_no_two_modules_import_each_other(graph):
    pairs = {
        tuple(sorted((name, target)))
        for name, targets in graph.items()
        for target in targets
        if name in graph.get(target, ())
    }
    assert not pairs


def test_the_module_graph_has_no_cycle(graph):
    visiting, done, cycles = set(), set(), []

    def visit(name, trail):
        if name in done:
            return
        if name in visiting:
            cycles.append(trail[trail.index(name) :])
            return
        visiting.add(name)
        for target in sorted(graph.get(name, ())):
            visit(target, [*trail, target])
        visiting.discard(name)
        done.add(name)

    for name in sorted(graph):
        visit(name, [name])
    assert not cycles


def assigned_class_attributes(path):
    """``SomePage.attribute = …`` statements of a module (assignments onto page classes)."""
    tree = ast.parse(path.read_text())
    found = []
    for node in ast.walk(tree):
        targets = node.targets if isinstance(node, ast.Assign) else []
        targets += [node.target] if isinstance(node, ast.AnnAssign | ast.AugAssign) else []
        for target in targets:
            if isinstance(target, ast.Attribute):
                owner = ast.unparse(target.value)
                if owner == "Page" or owner.endswith("Page") or owner == "model":
                    found.append(ast.unparse(target))
    return found


def test_no_page_class_is_patched_at_start_up_but_the_routing():
    patches = {
        module_name(path): assigned
        for path in (ROOT / "masis").rglob("*.py")
        if (assigned := assigned_class_attributes(path))
    } | {
        module_name(path): assigned
        for app in CONTENT_APPS
        for path in (ROOT / app).rglob("*.py")
        if (assigned := assigned_class_attributes(path))
    }
    assert patches == {"masis.multilingual.routing": ["model.route"]}


def test_every_page_type_inherits_the_base_page():
    from wagtail.models import Page, get_page_models

    from masis.core.models import BasePage

    page_types = [model for model in get_page_models() if model is not Page]
    assert page_types
    assert [model for model in page_types if not issubclass(model, BasePage)] == []


def test_no_test_module_is_imported_by_another_module():
    """Shared test code lives in tests/conftest.py, helpers.py and factories.py."""
    tests = ROOT / "tests"
    importers = []
    for path in tests.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or "", *(alias.name for alias in node.names)]
            if any(name.rpartition(".")[2].startswith("test_") for name in names):
                importers.append(str(path.relative_to(ROOT)))
    assert importers == []
