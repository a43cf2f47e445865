"""The dependency analysis (kg.extract.depparse) on sentences written for these tests.

Each phenomenon the grammar issue names has several sentences, in other words than the
corpus; each asserts the UD relations a reader of German sees (dependent, relation,
governor). The figures on a real treebank are in ``bench/bench_syntax.py`` and the README.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from kg.extract.conllu import read_conllu
from kg.extract.depparse import MAX_PARSE_TOKENS, DependencyParser, dateline_length
from kg.extract.functions import clause_subject
from kg.extract.model import Sentence, TaggedSentence
from kg.extract.morphology import load_morphology
from kg.extract.tokens import Tagger

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))


@pytest.fixture(scope="module")
def tp():
    return Tagger(), DependencyParser()


def parse(tp, text: str) -> TaggedSentence:
    tagger, parser = tp
    return parser.parse(tagger.tag(Sentence(0, 0, len(text), text)))


def relations(ts: TaggedSentence) -> set[tuple[str, str, str]]:
    p = ts.parse
    assert p is not None
    return {(t.text, p.deps[i], ts.tokens[p.heads[i]].text) for i, t in enumerate(ts.tokens)}


CASES = {
    "passive with agent": [
        ("Der Konvoi wurde von Milizen beschossen.", [("Konvoi", "nsubj:pass", "beschossen"), ("Milizen", "obl:agent", "beschossen")]),  # noqa: E501
        ("Die Brücke ist von der Armee gesprengt worden.", [("Brücke", "nsubj:pass", "gesprengt"), ("Armee", "obl:agent", "gesprengt")]),  # noqa: E501
        ("Das Dorf wurde in der Nacht durch Drohnen angegriffen.", [("Dorf", "nsubj:pass", "angegriffen"), ("Drohnen", "obl:agent", "angegriffen")]),  # noqa: E501
    ],
    "passive without agent": [
        ("Ein Frachter wurde im Roten Meer versenkt.", [("Frachter", "nsubj:pass", "versenkt")]),
        ("Mehrere Soldaten sind getötet worden.", [("Soldaten", "nsubj:pass", "getötet")]),
        ("Die Gespräche wurden am Abend unterbrochen.", [("Gespräche", "nsubj:pass", "unterbrochen")]),  # noqa: E501
    ],
    "perfect active is no passive": [
        ("Die Regierung hat die Rebellen angegriffen.", [("Regierung", "nsubj", "angegriffen"), ("Rebellen", "obj", "angegriffen")]),  # noqa: E501
        ("Der Minister hatte den Botschafter einbestellt.", [("Minister", "nsubj", "einbestellt"), ("Botschafter", "obj", "einbestellt")]),  # noqa: E501
    ],
    "case decides against word order": [
        ("Dem Präsidenten dankte der Gesandte.", [("Gesandte", "nsubj", "dankte")]),
        ("Den Vertrag unterzeichnete der Außenminister.", [("Außenminister", "nsubj", "unterzeichnete"), ("Vertrag", "obj", "unterzeichnete")]),  # noqa: E501
        ("Einen Plan legte die Kommission vor.", [("Kommission", "nsubj", "legte"), ("Plan", "obj", "legte")]),  # noqa: E501
    ],
    "object first, agreement decides": [
        ("Das bestätigten Ankara und Bagdad.", [("Ankara", "nsubj", "bestätigten")]),
        ("Dies meldeten Kairo und Amman am Abend.", [("Kairo", "nsubj", "meldeten")]),
        ("Das Abkommen unterzeichneten Kenia und Äthiopien in Nairobi.", [("Kenia", "nsubj", "unterzeichneten"), ("Abkommen", "obj", "unterzeichneten")]),  # noqa: E501
        ("Der Zeremonie wohnten die Präsidenten Perus und Chiles bei.", [("Präsidenten", "nsubj", "wohnten"), ("Zeremonie", "iobj", "wohnten")]),  # noqa: E501
        ("Das Protokoll billigten die Präsidenten beider Staaten am Abend.", [("Präsidenten", "nsubj", "billigten"), ("Protokoll", "obj", "billigten")]),  # noqa: E501
    ],
    "coordination lists": [
        ("Kenia, Uganda und Tansania schickten Soldaten.", [("Uganda", "conj", "Kenia"), ("Tansania", "conj", "Kenia")]),  # noqa: E501
        ("Vertreter Chiles, Perus sowie Boliviens nahmen teil.", [("Perus", "conj", "Chiles"), ("Boliviens", "conj", "Chiles")]),  # noqa: E501
        ("Die Armee, die Polizei und die Miliz zogen ab.", [("Polizei", "conj", "Armee"), ("Miliz", "conj", "Armee")]),  # noqa: E501
    ],
    "a bare year is an adverbial": [
        ("Finnland trat 2023 der Nato bei.", [("2023", "obl", "trat"), ("Nato", "iobj", "trat")]),
    ],
    "coordinated prepositional phrases": [
        ("Unterzeichnet wurde das Abkommen am Samstag in der Stadt Juba vom Innenminister Ruhakana Rugunda, der die Delegation leitet, und vom Delegationschef der Rebellen, Martin Ojul.", [("Delegationschef", "conj", "Innenminister")]),  # noqa: E501
    ],
    "coordinated verbs share the subject": [
        ("Der Präsident hat die Parteien zur Ruhe aufgerufen und seine Vermittlung angeboten.", [("Präsident", "nsubj", "aufgerufen"), ("Vermittlung", "obj", "angeboten")]),  # noqa: E501
        ("Die Delegation traf in Genf ein und begann sofort die Gespräche.", [("Delegation", "nsubj", "traf")]),  # noqa: E501
    ],
    "relative and subordinate clauses": [
        ("Die Gespräche, die der Gesandte vermittelt hatte, scheiterten.", [("Gesandte", "nsubj", "vermittelt"), ("die", "obj", "vermittelt")]),  # noqa: E501
        ("Der Gesandte, der die Gespräche geleitet hatte, trat zurück.", [("Gesandte", "nsubj", "trat")]),  # noqa: E501
        ("Die Miliz, die den Norden kontrolliert, lehnte ab.", [("Miliz", "nsubj", "lehnte")]),
        ("Nachdem die Armee die Stadt eingenommen hatte, flohen die Bewohner.", [("Armee", "nsubj", "eingenommen"), ("Stadt", "obj", "eingenommen"), ("Bewohner", "nsubj", "flohen")]),  # noqa: E501
        ("Weil der Konvoi beschossen wurde, brach die Regierung die Gespräche ab.", [("Konvoi", "nsubj:pass", "beschossen"), ("Regierung", "nsubj", "brach")]),  # noqa: E501
    ],
    "reported speech after a comma is no relative clause": [
        ("Das Ministerium erklärte, die Rebellen hätten eingelenkt.", [("Rebellen", "nsubj", "eingelenkt"), ("hätten", "aux", "eingelenkt"), ("eingelenkt", "ccomp", "erklärte")]),  # noqa: E501
        ("Am Montag erklärte das Außenministerium, die Milizen hätten eingelenkt.", [("Milizen", "nsubj", "eingelenkt"), ("eingelenkt", "ccomp", "erklärte")]),  # noqa: E501
    ],
    "a reporting clause after the last comma is the main clause": [
        ("Sie habe ihm vorgehalten, gegen das Völkerrecht zu verstoßen, teilte Regierungssprecher Paul Mba mit.", [("teilte", "root", "teilte"), ("vorgehalten", "ccomp", "teilte")]),  # noqa: E501
    ],
    "a name with a preposition is no determiner": [
        ("Am 10. Juni waren bei Gorom eritreische und sudanesische Truppen aneinandergeraten.", [("Gorom", "obl", "aneinandergeraten"), ("Truppen", "nsubj", "aneinandergeraten")]),  # noqa: E501
    ],
    "an adverb opening the clause is no subject": [
        ("Anschließend telefonierte auch Macron mit Scholz.", [("Macron", "nsubj", "telefonierte"), ("Anschließend", "advmod", "telefonierte")]),  # noqa: E501
        ("Daraufhin telefonierte Ruto mit Museveni.", [("Ruto", "nsubj", "telefonierte")]),
    ],
    "a zu-infinitive has no subject of its own": [
        ("Die Armee warf der Miliz vor, Soldaten angegriffen zu haben.", [("Soldaten", "obj", "angegriffen")]),  # noqa: E501
    ],
    "a von phrase inside a phrase of nach is that phrase's": [
        ("Die Stadt wurde nach Angaben von Minister Paul Mba bombardiert.", [("Minister", "nmod", "Angaben")]),  # noqa: E501
    ],
    "an article before an extended attribute belongs to the noun after it": [
        ("Tansania ist Gründungsmitglied der 1967 in Arusha gegründeten Gemeinschaft.", [("der", "det", "Gemeinschaft"), ("Gemeinschaft", "nmod", "Gründungsmitglied"), ("gegründeten", "amod", "Gemeinschaft")]),  # noqa: E501
        ("Er sprach mit den seit März in Genf verhandelnden Diplomaten.", [("den", "det", "Diplomaten"), ("Diplomaten", "obl", "sprach"), ("mit", "case", "Diplomaten")]),  # noqa: E501
    ],
    "a separable particle is the verb's, not a preposition": [
        ("Ruanda und Burundi gehören der EAC ebenso an wie Tansania.", [("an", "compound:prt", "gehören")]),  # noqa: E501
    ],
    "a nominative form stays the subject after the finite verb": [
        ("Viel Überzeugungsarbeit musste man in Genf nicht mehr leisten.", [("man", "nsubj", "leisten")]),  # noqa: E501
        ("Mehr Geduld kann man von den Vermittlern nicht verlangen.", [("man", "nsubj", "verlangen")]),  # noqa: E501
    ],
    "a demonstrative shows the case of its phrase": [
        ("Diesen Bericht nannte Kiew eine glatte Lüge.", [("Diesen", "det", "Bericht"), ("Kiew", "nsubj", "nannte")]),  # noqa: E501
    ],
    "an auxiliary before the clause's participle is no copula": [
        ("Gestern sind die Minister Chinas und Indiens zusammengekommen.", [("sind", "aux", "zusammengekommen"), ("Minister", "nsubj", "zusammengekommen"), ("Chinas", "nmod", "Minister")]),  # noqa: E501
    ],
    "a closed relative clause keeps its words": [
        ("In Quito berieten die Minister der Andengemeinschaft, der beide Staaten angehören, am Montag über den Streit.", [("Montag", "obl", "berieten"), ("Streit", "obl", "berieten")]),  # noqa: E501
    ],
}  # fmt: skip


@pytest.mark.parametrize(
    ("text", "expected"),
    [case for cases in CASES.values() for case in cases],
    ids=[f"{k}-{n}" for k, cases in CASES.items() for n in range(len(cases))],
)
def test_phenomenon(tp, text, expected):
    got = relations(parse(tp, text))
    assert set(expected) <= got, sorted(got)


def test_a_weekday_takes_no_phrase_of_the_verb():
    from kg.extract.grammar import days_take_no_phrases
    from kg.extract.model import Token

    words = [("berieten", "beraten", "VV(FIN)"), ("am", "an", "APPRART"),
             ("Samstag", "Samstag", "NN"), ("über", "über", "APPR"), ("die", "der", "ART"),
             ("Krise", "Krise", "NN")]  # fmt: skip
    toks = [Token(i, 0, 0, w, lemma, pos) for i, (w, lemma, pos) in enumerate(words)]
    heads, deps = [0, 2, 0, 5, 5, 2], ["root", "case", "obl", "case", "det", "nmod"]
    days_take_no_phrases(toks, heads, deps, load_morphology())
    assert (heads[5], deps[5]) == (0, "obl")
    # a phrase of a noun that is no day stays the noun's
    toks[2] = Token(2, 0, 0, "Gipfel", "Gipfel", "NN")
    heads, deps = [0, 2, 0, 5, 5, 2], ["root", "case", "obl", "case", "det", "nmod"]
    days_take_no_phrases(toks, heads, deps, load_morphology())
    assert (heads[5], deps[5]) == (2, "nmod")


def test_relative_pronoun_subject_is_the_antecedent(tp):
    ts = parse(tp, "Der Gesandte, der die Gespräche geleitet hatte, trat zurück.")
    verb = next(i for i, t in enumerate(ts.tokens) if t.text == "geleitet")
    subj = clause_subject(ts, verb, morph=load_morphology())
    assert subj is not None and ts.tokens[subj[0]].text == "Gesandte"


def test_object_controls_the_infinitive(tp):
    ts = parse(tp, "Die Regierung forderte die Rebellen auf, die Waffen niederzulegen.")
    verb = next(i for i, t in enumerate(ts.tokens) if t.text == "niederzulegen")
    subj = clause_subject(ts, verb, morph=load_morphology())
    assert subj is not None and ts.tokens[subj[0]].text == "Rebellen"


def test_subject_controls_the_infinitive_of_versprechen(tp):
    ts = parse(tp, "Der Präsident versprach den Bürgern, die Armee abzuziehen.")
    verb = next(i for i, t in enumerate(ts.tokens) if t.text == "abzuziehen")
    subj = clause_subject(ts, verb, morph=load_morphology())
    assert subj is not None and ts.tokens[subj[0]].text == "Präsident"


def test_dateline_stands_outside_the_sentence(tp):
    ts = parse(tp, "Kairo – Die Armee griff an.")
    assert dateline_length(ts.tokens) == 2
    assert ("Armee", "nsubj", "griff") in relations(ts)
    assert ts.parse is not None and ts.parse.heads[0] == 0


def test_multiword_name_is_parsed_as_one_proper_noun(tp):
    tagger, parser = tp
    text = "Der Afrikanischen Union gehören Kenia und Uganda an."
    ts = tagger.tag(Sentence(0, 0, len(text), text))
    (parsed,) = parser.parse_many([ts], names=[[(1, 3)]])
    rel = relations(parsed)
    assert ("Afrikanischen", "flat", "Union") in rel
    assert ("Kenia", "nsubj", "gehören") in rel


def test_without_rules_the_parser_is_left_alone():
    tagger = Tagger()
    text = "Der Konvoi wurde von Milizen beschossen."
    raw = DependencyParser(rules=False).parse(tagger.tag(Sentence(0, 0, len(text), text)))
    assert ("Milizen", "obl:agent", "beschossen") not in relations(raw)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "„Nein.“",
        "<p><b>Kairo</b></p>",
        ", ".join(f"Land{n}" for n in range(60)) + ".",
        " ".join(["und dann"] * 400),
    ],
    ids=["empty", "only a quote", "markup", "60 names", "800 words without a verb"],
)
def test_bad_input_never_crashes_and_every_token_has_a_governor(tp, text):
    ts = parse(tp, text)
    assert ts.parse is not None
    assert len(ts.parse.heads) == len(ts.tokens)
    assert all(0 <= h < len(ts.tokens) for h in ts.parse.heads)


def test_overlong_sentence_is_left_flat(tp):
    # Flat, so its cost is linear; ``bench/bench_syntax.py --stress`` times long inputs.
    text = " ".join(["Die Armee griff die Stellungen der Miliz an,"] * 60)
    ts = parse(tp, text)
    assert len(ts.tokens) > MAX_PARSE_TOKENS
    assert ts.parse is not None and set(ts.parse.deps) == {"dep"}


TREEBANK = """# sent_id = t1
# text = Die Stadt wurde von den Rebellen eingenommen.
1\tDie\tder\tDET\tART\tCase=Nom\t2\tdet\t_\t_
2\tStadt\tStadt\tNOUN\tNN\tCase=Nom\t7\tnsubj:pass\t_\t_
3\twurde\twerden\tAUX\tVAFIN\t_\t7\taux:pass\t_\t_
4\tvon\tvon\tADP\tAPPR\t_\t6\tcase\t_\t_
5\tden\tder\tDET\tART\tCase=Dat\t6\tdet\t_\t_
6\tRebellen\tRebell\tNOUN\tNN\tCase=Dat\t7\tobl:agent\t_\t_
7\teingenommen\teinnehmen\tVERB\tVVPP\t_\t0\troot\t_\tSpaceAfter=No
8\t.\t.\tPUNCT\t$.\t_\t7\tpunct\t_\t_

# sent_id = t2
# text = Kenia und Uganda schickten Soldaten.
1\tKenia\tKenia\tPROPN\tNE\t_\t4\tnsubj\t_\t_
2\tund\tund\tCCONJ\tKON\t_\t3\tcc\t_\t_
3\tUganda\tUganda\tPROPN\tNE\t_\t1\tconj\t_\t_
4\tschickten\tschicken\tVERB\tVVFIN\t_\t0\troot\t_\t_
5\tSoldaten\tSoldat\tNOUN\tNN\t_\t4\tobj\t_\tSpaceAfter=No
6\t.\t.\tPUNCT\t$.\t_\t4\tpunct\t_\t_
"""


def test_bench_scores_a_treebank_by_relation(tp):
    from bench_syntax import evaluate

    tagger, parser = tp
    table, n = evaluate(read_conllu(TREEBANK.splitlines()), tagger, parser)
    assert n == 2
    assert table["subject"]["gold"] == 2 and table["subject"]["recall"] == 1.0
    assert table["agent"] == {"gold": 1, "predicted": 1, "precision": 1.0, "recall": 1.0, "f1": 1.0}
    assert table["object"]["gold"] == 1 and table["coordination"]["gold"] == 1


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sie haben in Genf ein Abkommen unterzeichnet.", [("Sie", "nsubj", "unterzeichnet")]),
        (
            "Die Richter haben damit dem Gericht die Gefolgschaft verweigert.",
            [("Richter", "nsubj", "verweigert"), ("Gericht", "iobj", "verweigert")],
        ),
    ],
)
def test_arguments_belong_to_the_content_verb_not_the_auxiliary(tp, text, expected):
    assert set(expected) <= relations(parse(tp, text))
