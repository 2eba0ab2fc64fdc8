"""`make package` ships chalicelib/ with unchecked-hash bytecode (devtools/package.py `add_bytecode`): the
Lambda's code directory is read-only, so sources alone are compiled on every cold start, and timestamp
`.pyc` would be judged stale there (the zip keeps mtimes to 2 s). Every packaged module gets its `.pyc`,
compiled by this interpreter from the zip's own source, hash-based and unchecked; nothing stale stays."""

from __future__ import annotations

import importlib.util
import sys
import zipfile
from pathlib import Path

import pytest

from devtools.package import add_bytecode

TAG = sys.implementation.cache_tag  # chalice packages for the runtime of this interpreter


def _pyc_name(source: str) -> str:
    folder, _, file = source.rpartition("/")
    return f"{folder}/__pycache__/{file[:-3]}.{TAG}.pyc"


def _assert_unchecked_hash_pyc(data: bytes, source: bytes) -> None:
    assert data[:4] == importlib.util.MAGIC_NUMBER  # this interpreter's (= the Lambda runtime's) bytecode
    flags = int.from_bytes(data[4:8], "little")
    assert flags == 0b01  # hash-based (bit 0), not checked against the source (bit 1 clear)
    assert data[8:16] == importlib.util.source_hash(source)


def _check(names: list[str], read: dict[str, bytes]) -> None:
    sources = [n for n in names if n.startswith("chalicelib/") and n.endswith(".py")]
    pycs = [n for n in names if n.startswith("chalicelib/") and (n.endswith(".pyc") or "/__pycache__/" in n)]
    assert sources
    assert sorted(pycs) == sorted(_pyc_name(s) for s in sources)  # one each, nothing else
    for source in sources:
        _assert_unchecked_hash_pyc(read[_pyc_name(source)], read[source])


def test_add_bytecode_replaces_stale_pyc(tmp_path: Path) -> None:
    zip_path = tmp_path / "deployment.zip"
    with zipfile.ZipFile(zip_path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("app.py", "from chalicelib import a\n")
        z.writestr("chalicelib/__init__.py", "")
        z.writestr("chalicelib/a.py", "X = 1\n")
        z.writestr("chalicelib/sub/b.py", "def f():\n    return 2\n")
        z.writestr("chalicelib/__pycache__/a.cpython-39.pyc", b"stale")  # another interpreter's
        z.writestr("chalicelib/__pycache__/gone.cpython-311.pyc", b"stale")  # a deleted module's
        z.writestr("chalicelib/data.json", "{}")
        z.writestr("jwt/__init__.py", "")  # a wheel: left as chalice ships it
    added = add_bytecode(zip_path)
    assert added == sorted(
        _pyc_name(s) for s in ("chalicelib/__init__.py", "chalicelib/a.py", "chalicelib/sub/b.py")
    )
    with zipfile.ZipFile(zip_path) as z:
        names = z.namelist()
        read = {n: z.read(n) for n in names}
    _check(names, read)
    assert {"app.py", "chalicelib/data.json", "jwt/__init__.py"} <= set(names)
    assert not [n for n in names if n.startswith("jwt/") and n.endswith(".pyc")]
    assert len(names) == len(set(names))  # no duplicate entries


def test_the_pyc_is_what_python_loads(tmp_path: Path) -> None:
    """Extracted (mtimes off, as on Lambda), the module is loaded from its unchecked-hash .pyc: the
    bytecode stands even when the source beside it says otherwise."""
    zip_path = tmp_path / "deployment.zip"
    with zipfile.ZipFile(zip_path, "w") as z:
        z.writestr("chalicelib/__init__.py", "")
        z.writestr("chalicelib/probe.py", "ANSWER = 'from the pyc'\n")
    add_bytecode(zip_path)
    task = tmp_path / "task"
    with zipfile.ZipFile(zip_path) as z:
        z.extractall(task)
    (task / "chalicelib" / "probe.py").write_text("ANSWER = 'from the source'\n", encoding="utf-8")
    import subprocess

    found = subprocess.run(
        [sys.executable, "-B", "-c", "import chalicelib.probe as p; print(p.ANSWER)"],
        cwd=task,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    assert found == "from the pyc"


@pytest.mark.deploy
def test_the_package_ships_unchecked_hash_bytecode(package_dir: Path) -> None:
    with zipfile.ZipFile(package_dir / "deployment.zip") as z:
        names = z.namelist()
        read = {n: z.read(n) for n in names if n.startswith("chalicelib/")}
    _check(names, read)
    assert _pyc_name("chalicelib/runtime/pipeline.py") in names
    assert len(names) == len(set(names))
