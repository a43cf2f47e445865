"""The README stays honest: its commands exist and its Python example runs."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from test_cli import command_names

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def blocks(lang: str) -> list[str]:
    return re.findall(rf"```{lang}\n(.*?)```", README, flags=re.S)


def test_every_ckg_command_in_the_readme_exists() -> None:
    named = {m for b in blocks("sh") for m in re.findall(r"^ckg (\w+)", b, flags=re.M)}
    assert named, "the README shows no ckg command"
    assert named <= set(command_names()), named - set(command_names())


def test_the_two_setup_commands_are_scripts_that_exist() -> None:
    first = blocks("sh")[0]
    scripts = re.findall(r"^\./(\S+)", first, flags=re.M)
    assert scripts == ["scripts/demo.sh", "scripts/test.sh"]
    for s in scripts:
        assert os.access(ROOT / s, os.X_OK), s
    assert (ROOT / ".ci" / "run").read_text().strip().endswith("exec ./scripts/test.sh")


def test_python_example_runs(tmp_path: Path) -> None:
    (tmp_path / "examples").symlink_to(ROOT / "examples")
    code = blocks("python")[0] + "\nassert result.rows, 'no members found'\n"
    res = subprocess.run(
        [sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, timeout=300
    )
    assert res.returncode == 0, res.stderr[-2000:]
