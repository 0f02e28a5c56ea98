"""An installed wheel works like the checkout: knowledge files, settings, schema and model ship
inside the package (pyproject.toml's package data), so a built wheel, installed on its own, gives
the same rows as the checkout."""
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAGE = ROOT / "data" / "raw" / "000_223767d5c64caf43.txt"


def test_a_built_wheel_installed_alone_gives_the_same_rows(tmp_path):
    source = tmp_path / "src"
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, source / name)
    for name in ("pipeline", "schemas", "models"):  # links inside pipeline/data stay links
        shutil.copytree(ROOT / name, source / name, symlinks=True,
                        ignore=shutil.ignore_patterns("__pycache__"))
    wheels = tmp_path / "wheels"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
                    "--disable-pip-version-check", "-w", str(wheels), str(source)], check=True)
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps",
                    "--disable-pip-version-check", "--target", str(target), *map(str, wheels.glob("*.whl"))],
                   check=True)
    assert not (target / "pipeline" / "data" / "tables.toml").is_symlink()
    env = {"PYTHONPATH": str(target), "PATH": "/usr/bin:/bin"}
    where = subprocess.run([sys.executable, "-c", "import pipeline; print(pipeline.__file__)"], cwd=tmp_path,
                           env=env, capture_output=True, text=True, check=True).stdout
    assert where.startswith(str(target))
    installed = subprocess.run([sys.executable, "-m", "pipeline", "extract", str(PAGE)], cwd=tmp_path, env=env,
                               capture_output=True, text=True, check=True).stdout
    checkout = subprocess.run([sys.executable, "-m", "pipeline", "extract", str(PAGE)], cwd=ROOT,
                              capture_output=True, text=True, check=True).stdout
    assert installed == checkout and installed.count("\n") > 50
