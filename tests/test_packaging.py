"""The wheel carries what an installed service needs: the policy, the scenario coverage, the docs
assets, and the command above both packages."""

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> zipfile.ZipFile:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(ROOT)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    [built] = out.glob("readiness-*.whl")
    return zipfile.ZipFile(built)


def test_the_wheel_carries_the_policy_the_coverage_and_the_docs_assets(
    wheel: zipfile.ZipFile,
) -> None:
    names = set(wheel.namelist())

    assert "readiness/_rules/policy.yaml" in names
    assert "api/_data/coverage.json" in names
    assert wheel.read("api/_data/coverage.json") == (ROOT / "features/coverage.json").read_bytes()
    assert "api/docs_static/swagger-init.js" in names
    assert "readiness_cli/main.py" in names
    assert not any(name.startswith(("features/", "tests/")) for name in names)


def test_the_command_is_the_cli_above_library_and_service(wheel: zipfile.ZipFile) -> None:
    [entry_points] = [n for n in wheel.namelist() if n.endswith("entry_points.txt")]

    assert "readiness = readiness_cli.main:main" in wheel.read(entry_points).decode()
