"""The README stays honest: its commands exist and its Python example runs."""

from __future__ import annotations

import json
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


def _rewrite(rules: list[tuple[str, str]], path: str) -> str | None:
    """Where the first matching RewriteRule sends ``path`` (as mod_rewrite in a .htaccess
    does: the pattern sees the path below the file's directory, ``$N`` are its groups)."""
    for pattern, target in rules:
        match = re.search(pattern, path)
        if match:  # $N -> \g<N>; a group that took part in no match gives ""
            return match.expand(re.sub(r"\$(\d)", r"\\g<\1>", target))
    return None


def test_w3id_redirect_rules_send_every_kind_of_iri_to_its_page() -> None:
    from kg.server.iri_paths import BASE, path_for_iri
    from kg.server.vocabulary import vocabulary

    (htaccess,) = blocks("apache")
    rules = re.findall(r"^RewriteRule\s+(\S+)\s+(\S+)\s+\[R=30[23],L\]$", htaccess, flags=re.M)
    assert rules, "the README shows no redirect rules"
    host = "https://kg.example.org"
    iris = [
        BASE + "id/entity/armenia",
        BASE + "id/event/2020-10-moskau-verhandlungen/c00c245d607e",
        BASE + "id/article/2020-10-moskau-verhandlungen",
        BASE + "id/position/4c840c98caab",
        BASE + "ontology#Meeting",
        vocabulary().version_iri or BASE + "ontology",
        BASE + "cameo",
        BASE + "cameo/046",
        BASE + "plover/CONSULT",
    ]
    for iri in iris:
        document = iri.split("#")[0]  # a client never sends the fragment
        local = path_for_iri(document)
        assert local is not None, iri
        assert _rewrite(rules, document[len(BASE) :]) == host + local, iri


def _section(title: str) -> str:
    start = README.index(f"\n### {title}\n")
    return README[start : README.index("\n#", start + 1)]


def test_the_input_format_section_is_what_the_reader_accepts() -> None:
    from kg.articles import Article, parse_article_text, parse_json_record

    section = _section("Input")
    assert "date YYYY-MM[-DD] headline" in section
    (text,) = re.findall(r"```text\n(.*?)```", section, flags=re.S)
    article = parse_article_text(text, identifier="x.txt", origin="README")
    assert isinstance(article, Article), article
    first = text.splitlines()[0].split(maxsplit=2)
    assert (article.date, article.title) == (first[1], first[2])
    (jsonl,) = re.findall(r"```jsonl\n(.*?)```", section, flags=re.S)
    records = jsonl.strip().splitlines()
    assert len(records) >= 2
    for n, line in enumerate(records, start=1):
        assert isinstance(parse_json_record(line, origin=f"README:{n}"), Article), line
    # the fields it calls required are: without any of them a record is refused
    required = re.search(r"`id`,\s+`date` \(.*?\) and `text` are required", section, flags=re.S)
    assert required, "the README no longer says which fields are required"
    minimal = {"id": "a", "date": "2020-10", "text": "Die OSZE vermittelte."}
    assert isinstance(parse_json_record(json.dumps(minimal), origin="m"), Article)
    for field in minimal:
        rest = {k: v for k, v in minimal.items() if k != field}
        assert not isinstance(parse_json_record(json.dumps(rest), origin="m"), Article), field


def test_extract_and_ingest_help_show_the_input_format() -> None:
    ckg = str(Path(sys.executable).parent / "ckg")
    for command in ("extract", "ingest"):
        res = subprocess.run([ckg, command, "--help"], capture_output=True, text=True, timeout=60)
        assert res.returncode == 0, res.stderr
        assert "'date YYYY-MM[-DD] headline'" in res.stdout, command
        assert "JSON Lines" in res.stdout and '"id"' in res.stdout, command
        assert max(len(line) for line in res.stdout.splitlines()) <= 100, command


def test_the_lexicon_coverage_table_in_the_readme_is_the_data():
    from kg.extract.coverage import coverage_table
    from kg.extract.lexicon import load_lexicon

    text = (ROOT / "README.md").read_text(encoding="utf-8")
    shown = text.split("<!-- coverage:start -->\n")[1].split("\n<!-- coverage:end -->")[0]
    assert shown == coverage_table(load_lexicon())
