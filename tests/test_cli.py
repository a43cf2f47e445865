"""Every console command answers --help, and user errors are one line without traceback."""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kg.cli import COMMAND_MODULES, build_parser

CKG = shutil.which("ckg", path=str(Path(sys.executable).parent)) or "ckg"


def command_names() -> list[str]:
    parser = build_parser()
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return sorted(action.choices)
    return []


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([CKG, *args], capture_output=True, text=True, timeout=120)


def test_registry_lists_modules_with_register() -> None:
    assert COMMAND_MODULES, "no command modules registered"
    for module in COMMAND_MODULES:
        assert callable(module.register), module.__name__


def test_top_level_help_lists_every_command() -> None:
    res = run("--help")
    assert res.returncode == 0
    for name in command_names():
        assert name in res.stdout


@pytest.mark.parametrize("name", command_names())
def test_every_command_has_help(name: str) -> None:
    res = run(name, "--help")
    assert res.returncode == 0, res.stderr
    assert res.stdout.startswith(f"usage: ckg {name}")
    assert "Traceback" not in res.stderr


def test_unknown_command_is_a_one_line_error() -> None:
    res = run("frobnicate")
    assert res.returncode == 2
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 1
    assert "frobnicate" in lines[0] and "ckg --help" in lines[0]
    assert "Traceback" not in res.stderr


def test_no_command_prints_help_and_fails() -> None:
    res = run()
    assert res.returncode == 2
    assert "usage: ckg" in res.stderr


def test_version() -> None:
    res = run("--version")
    assert res.returncode == 0
    assert res.stdout.startswith("conflict-kg ")
