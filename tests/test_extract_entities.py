"""Entity recognition on self-written sentences about several conflicts."""

import pytest

from kg.dictionary import load_dictionary
from kg.extract.entities import EntityRecognizer
from kg.extract.lexicon import load_lexicon
from kg.extract.model import MentionKind
from kg.extract.sentences import split_sentences
from kg.extract.tokens import Tagger


@pytest.fixture(scope="module")
def run():
    rec = EntityRecognizer(load_dictionary(), load_lexicon())
    tagger = Tagger()

    def _run(text):
        return rec.recognise([tagger.tag(s) for s in split_sentences(text)])

    return _run


def test_title_adjective_and_genitive_give_offices(run):
    r = run(
        "Der ukrainische Präsident Wolodymyr Selenskyj traf Frankreichs Präsident Emmanuel Macron."
    )
    offices = {m.keys[0]: m.offices for m in r.mentions if m.keys}
    assert offices["volodymyr-zelenskyy"] == (("president", "ukraine", False),)
    assert offices["emmanuel-macron"] == (("president", "france", False),)
    # the state inside the title phrase is not a separate actor mention
    assert "france" not in {k for m in r.mentions for k in m.keys}


def test_former_office_and_compound_prefix(run):
    r = run("Kenias früherer Präsident Uhuru Kenyatta sprach mit US-Außenminister Antony Blinken.")
    by_key = {m.keys[0]: m for m in r.mentions if m.keys}
    assert by_key["uhuru-kenyatta"].offices == (("president", "kenya", False + True),)
    assert by_key[next(k for k in by_key if "blinken" in k)].offices[0][:2] == (
        "foreign-minister",
        "united-states",
    )


def test_surnames_genitive_and_transliteration(run):
    r = run(
        "Sergej Lawrow empfing Zohrab Mnatsakanyan. Nach Lawrows Angaben sprach Mnazakanjan lange."
    )
    keys = [m.keys[0] for m in r.mentions if m.keys]
    assert keys.count("sergey-lavrov") == 2
    assert keys.count("zohrab-mnatsakanyan") == 2


def test_group_references_and_abbreviations(run):
    r = run(
        "Die Vereinigte Befreiungsfront Kordofans (VBK) und die Armee kämpfen. Beide Seiten beschuldigen die VBK."  # noqa: E501 (German test sentence)
    )
    kinds = [(m.kind, m.group) for m in r.mentions]
    assert (MentionKind.GROUP, "sides") in kinds
    rsf = [m for m in r.mentions if m.text in ("VBK", "Vereinigte Befreiungsfront Kordofans")]
    assert len({m.keys[0] for m in rsf}) == 1 and len(rsf) == 3
    assert any(cls == "Organization" for _k, cls, _l in r.new_entities)
