"""The library never reaches up: nothing in `readiness/` imports the service, the CLI or SQL."""

import ast
from pathlib import Path

import pytest

LIBRARY = Path(__file__).resolve().parent.parent / "readiness"
FORBIDDEN = ("api", "readiness_cli", "fastapi", "starlette", "sqlalchemy", "jinja2", "features")


def _imports(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module.split(".")[0])
    return found


@pytest.mark.parametrize("path", sorted(LIBRARY.rglob("*.py")), ids=lambda p: p.name)
def test_a_library_module_imports_nothing_above_it(path: Path) -> None:
    assert _imports(path).isdisjoint(FORBIDDEN)


def test_the_library_reads_no_environment() -> None:
    sources = "\n".join(p.read_text(encoding="utf-8") for p in LIBRARY.rglob("*.py"))

    assert "os.environ" not in sources
    assert "getenv" not in sources
