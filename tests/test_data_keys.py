"""The rule data files refuse keys they do not know and lists they lack, naming the file."""

from __future__ import annotations

import shutil

import pytest
import yaml

from kg.errors import InputError
from kg.extract.lexicon import CUE_KEYS, REF_KEYS, load_lexicon
from kg.extract.morphology import KEYS, load_morphology
from kg.resources import data_dir


def test_grammar_file_with_an_unknown_key_is_refused(tmp_path):
    raw = yaml.safe_load((data_dir() / "grammar" / "morphology.yaml").read_text(encoding="utf-8"))
    raw["accusative_onyl"] = ["den"]
    path = tmp_path / "morphology.yaml"
    path.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    with pytest.raises(InputError, match=r"morphology\.yaml: unknown keys \['accusative_onyl'\]"):
        load_morphology(path)


def test_grammar_file_without_a_list_is_refused(tmp_path):
    raw = yaml.safe_load((data_dir() / "grammar" / "morphology.yaml").read_text(encoding="utf-8"))
    del raw["dative_only"]
    path = tmp_path / "morphology.yaml"
    path.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    with pytest.raises(InputError, match=r"missing keys \['dative_only'\]"):
        load_morphology(path)


@pytest.mark.parametrize("name", ["cues.yaml", "references.yaml", "roles.yaml", "events.yaml"])
def test_pattern_file_with_an_unknown_key_is_refused(tmp_path, name):
    patterns = tmp_path / "patterns"
    shutil.copytree(data_dir() / "patterns", patterns)
    raw = yaml.safe_load((patterns / name).read_text(encoding="utf-8"))
    raw["negatoin"] = ["nicht"]
    (patterns / name).write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    with pytest.raises(InputError, match=rf"{name}: unknown keys \['negatoin'\]"):
        load_lexicon(patterns)


def test_every_registered_list_is_in_the_shipped_files():
    lex = load_lexicon()
    assert set(lex.cues) == set(CUE_KEYS)
    assert set(lex.refs) == set(REF_KEYS)
    assert set(KEYS) == {f for f in load_morphology().__dataclass_fields__}


def test_asking_for_an_unregistered_list_is_a_programming_error():
    with pytest.raises(KeyError):
        load_lexicon().cue("speech_verbs")


def test_event_pattern_with_an_unknown_condition_is_refused(tmp_path):
    patterns = tmp_path / "patterns"
    shutil.copytree(data_dir() / "patterns", patterns)
    raw = yaml.safe_load((patterns / "events.yaml").read_text(encoding="utf-8"))
    raw["patterns"][0]["with"] = {"reflexiv": True}
    (patterns / "events.yaml").write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    with pytest.raises(InputError, match=r"unknown condition \['reflexiv'\] in 'with'"):
        load_lexicon(patterns)


@pytest.mark.parametrize(("slot", "condition"), [("obj-gen", "object"), ("subj-gen", "subject")])
def test_a_genitive_slot_without_its_nouns_condition_is_refused(tmp_path, slot, condition):
    patterns = tmp_path / "patterns"
    shutil.copytree(data_dir() / "patterns", patterns)
    raw = yaml.safe_load((patterns / "events.yaml").read_text(encoding="utf-8"))
    verbal = next(
        p for p in raw["patterns"] if p.get("verb") and condition not in (p.get("with") or {})
    )
    verbal["frame"] = {**verbal["frame"], slot: "addressee"}
    (patterns / "events.yaml").write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    with pytest.raises(InputError, match=rf"the slot '{slot}' needs 'with: {condition}'"):
        load_lexicon(patterns)


def test_an_office_list_naming_an_unknown_office_is_refused(tmp_path):
    patterns = tmp_path / "patterns"
    shutil.copytree(data_dir() / "patterns", patterns)
    raw = yaml.safe_load((patterns / "roles.yaml").read_text(encoding="utf-8"))
    raw["posting_roles"] = ["ambassador", "ambasador"]
    (patterns / "roles.yaml").write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    with pytest.raises(
        InputError, match=r"roles\.yaml: posting_roles: unknown offices \['ambasador'\]"
    ):
        load_lexicon(patterns)
