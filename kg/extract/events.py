"""Stage 5: detect event expressions with the pattern lexicon.

Reads a :class:`~kg.extract.model.TaggedSentence`, its entity mentions and the
:class:`~kg.extract.lexicon.Lexicon`; writes :class:`~kg.extract.model.Trigger` records.

A verb matches a pattern by its lemma (separable particles joined: "bot … an" →
``anbieten``) and the pattern's conditions in its clause (reflexive "sich", an object noun
of a concept as in "Vermittlung anbieten", a phrase "zur Waffenruhe auffordern", "um
Hilfe bitten"). A noun matches when a light verb of the pattern governs it ("Gespräche
führen", "seine Forderung nach einem Waffenstillstand wiederholen"), or when talks are
the frame of a clause ("nach Verhandlungen in Pretoria"). Words inside quotation marks
trigger nothing: a quote is coded as the speaker's Statement. The most specific matching
pattern wins.

>>> from kg.extract.lexicon import load_lexicon
>>> from kg.extract.model import Sentence
>>> from kg.extract.morphology import load_morphology
>>> from kg.extract.tokens import Tagger
>>> ts = Tagger().tag(Sentence(0, 0, 44, "Die EU rief beide Seiten zur Waffenruhe auf."))
>>> found = detect_triggers(ts, (), load_lexicon(), morph=load_morphology())
>>> [(t.event_class, t.pattern) for t in found]
[('CeasefireDemand', 'demand-ceasefire-call')]
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from kg.extract.lexicon import Lexicon, Pattern
from kg.extract.model import EntityMention, TaggedSentence, Token, Trigger
from kg.extract.morphology import Morphology
from kg.extract.quotes import OPENING
from kg.extract.syntax import (
    clause_bounds,
    full_lemma,
    is_boundary,
    is_negated,
    is_passive,
    is_zu_infinitive,
    weak_past_infinitive,
)
from kg.vocabulary import EventClass

__all__ = ["detect_triggers"]

# nouns, with the kinds HanTa tags apart: nominalised infinitives ("das Bedauern") and
# adjectives ("die Verletzten", at times "Drohnen")
_NOUN = ("NN", "NNI", "NNA")


def _pp(ts: TaggedSentence, a: int, b: int, preps: str, concept: str, lex: Lexicon) -> bool:
    """A phrase of the clause with one of ``preps`` on a noun of ``concept``; a relative
    pronoun stands for the noun its clause is on ("eine Konferenz …, an der X teilnahm")."""
    tokens = ts.tokens
    wanted = set(preps.split("|"))
    lemmas = [t.lemma for t in tokens]
    for j in range(a, b):
        if tokens[j].text.lower() in wanted or (
            tokens[j].lemma.lower() in wanted and tokens[j].pos.startswith("APPR")
        ):
            for k in range(j + 1, min(b, j + 6)):
                if tokens[k].pos in _NOUN and lex.concept_at(lemmas, k, concept):
                    return True
                if tokens[k].pos == "PRELS" and _antecedent_is(ts, k, concept, lex):
                    return True
                if tokens[k].pos in ("APPR", "APPRART", "$,", "KON") or tokens[k].pos.startswith(
                    "V"
                ):
                    break
    return False


def _infinitive_clause(tokens: Sequence[Token], i: int, b: int) -> int:
    """Where a zu-infinitive clause after the verb at ``i`` begins (a comma after ``i``
    whose stretch up to the next comma or ``b`` ends in a zu-infinitive), else ``b``."""
    for c in range(i + 1, b):
        if tokens[c].text != ",":
            continue
        stop = next((x for x in range(c + 1, b) if tokens[x].text == ","), b)
        if any(is_zu_infinitive(tokens, x, perfect=False) for x in range(c + 1, stop)):
            return c
    return b


def _on_verb(ts: TaggedSentence, prep: int, verb: int) -> bool:
    """The phrase of the preposition at ``prep`` belongs to the verb at ``verb`` (not to a
    noun: "sagte nach einem Treffen mit X" has no "mit X" of "sagen"); without a parse,
    any phrase of the clause counts."""
    parse = ts.parse
    if parse is None:
        return True
    noun = parse.heads[prep]
    if parse.heads[noun] == verb:
        return True
    # "schickte Kampfflugzeuge gegen die Rebellen": a phrase right after the verb's object
    # the parse hangs on the object; whether it is the object's or the verb's, the parse
    # cannot tell, and a noun of people or things takes no "gegen" of its own
    if (
        parse.deps[noun] == "nmod"
        and parse.deps[parse.heads[noun]] == "obj"
        and parse.heads[parse.heads[noun]] == verb
        and prep == parse.heads[noun] + 1
    ):
        return True
    # "gegen die Hutu-Miliz FDLR": the parse hangs the class noun on the name after it
    name = parse.heads[noun]
    if (
        name == noun + 1
        and parse.deps[noun] in ("nmod", "flat", "appos")
        and (parse.heads[name] == verb)
    ):
        return True
    # "berieten in Accra über Mali": a proper name takes no phrase of its own; one the
    # parse hangs on the verb's place name is the verb's
    return (
        parse.deps[noun] == "nmod"
        and ts.tokens[name].pos == "NE"
        and parse.deps[name] == "obl"
        and parse.heads[name] == verb
    )


def _particle_verb(ts: TaggedSentence, i: int) -> str | None:
    """The verb with its separated particle as the parse attaches it ("teilte, … der
    Diplomat X, am Abend mit" → "mitteilen", however far apart), None without one."""
    parse = ts.parse
    if parse is None:
        return None
    prt = [
        c
        for c in parse.dependents(i, "compound:prt")
        if ts.tokens[c].pos == "PTKVZ" and not _nearer_finite(ts.tokens, i, c)
    ]
    if not prt:
        return None  # "sagte danach": an adverb the parse calls a particle is none
    return ts.tokens[prt[0]].text.lower() + ts.tokens[i].lemma.lower()


def _nearer_finite(toks: Sequence[Token], i: int, c: int) -> bool:
    """Another finite verb stands between the verb at ``i`` and the particle at ``c`` after
    it, with no comma between it and the particle: the particle is that verb's ("sagte,
    der Krieg sei nun vorbei"; not "teilte, wie X sagte, am Abend mit")."""
    for k in range(c - 1, i, -1):
        if toks[k].text == ",":
            return False
        if toks[k].pos.endswith("(FIN)"):
            return True
    return False


def _under_intent(tokens: Sequence[Token], j: int, lex: Lexicon) -> bool:
    """A zu-infinitive governed by a verb of intent or offer before it ("bot an, ...
    zu vermitteln"), or by a verb that asks or announces ("forderte X auf, der Waffenruhe
    zuzustimmen", "kündigte an, Truppen zu entsenden"), or right after it at a clause's
    end ("…, wo die Rebellen die Stadt einzukesseln drohen"): what it names has not
    happened."""
    if not is_zu_infinitive(tokens, j, perfect=False):
        return False
    # (and one feared or expected: "fürchteten, in einen Hinterhalt zu geraten")
    intent = lex.cue("intent_verbs") | lex.unrealised_verbs | lex.cue("expectation_verbs")
    around = (*range(j), *((j + 1,) if j + 1 < len(tokens) else ()))
    return any(tokens[k].pos.startswith("V") and full_lemma(tokens, k) in intent for k in around)


def _asked_for(ts: TaggedSentence, i: int, lex: Lexicon) -> bool:
    """The event noun at ``i`` is what a demand asks for ("Forderungen nach Gesprächen",
    "der Ruf nach einer Waffenruhe"), by the parse: it frames no clause."""
    toks = ts.tokens
    lemmas = [t.lemma for t in toks]
    parse = ts.parse
    if parse is not None and parse.deps[i] == "nmod":
        return lex.concept_at(lemmas, parse.heads[i], "demand")
    # where the parse hangs it on the verb: a demand noun before its preposition with no
    # verb between ("Forderungen aus dem Ausland nach Gesprächen nannte er Unsinn")
    k = i - 1
    while k >= 0 and toks[k].pos not in ("APPR", "APPRART"):
        k -= 1
    if k < 0 or toks[k].lemma.lower() not in ("nach", "zu"):
        return False
    for j in range(k - 1, -1, -1):
        if toks[j].pos.startswith("V") or is_boundary(toks, j):
            return False
        if toks[j].pos == "NN" and lex.concept_at(lemmas, j, "demand"):
            return True
    return False


def _expected(ts: TaggedSentence, i: int, lex: Lexicon) -> bool:
    """The event noun at ``i`` is what a verb of expectation or threat governs ("rechnen
    mit einer Offensive", "warnte vor einem Angriff", "drohte mit Luftangriffen"), by the
    parse: it has not happened.

    >>> from kg.extract.pipeline import default_extractor
    >>> from kg.articles import parse_article_text
    >>> art = parse_article_text("date 2024-01-01 T\\nDiplomaten rechnen mit einer "
    ...     "Offensive der Hamas auf Aschkelon.\\n", identifier="t.txt", origin="t.txt")
    >>> [e.event_class for e in default_extractor().analyse(art).events]
    []
    """
    parse = ts.parse
    if parse is None or parse.deps[i] not in ("obl", "obj"):
        return False
    v = parse.heads[i]
    return ts.tokens[v].pos.startswith("V") and full_lemma(ts.tokens, v) in lex.cue(
        "expectation_verbs"
    )


def _planned(ts: TaggedSentence, j: int, lex: Lexicon) -> bool:
    """A bare infinitive with a future or planning auxiliary ("werden am Montag
    verhandeln", "sollen abziehen"): not happened yet. By the parse, else a finite form
    of such an auxiliary in the clause."""
    toks = ts.tokens
    if toks[j].pos != "VV(INF)":
        return False
    if ts.parse is not None:
        aux = [toks[c] for c in ts.parse.dependents(j, "aux")]
    else:
        a, b = clause_bounds(toks, j)
        aux = [t for t in toks[a:b] if t.pos.endswith("(FIN)")]
    return any(t.lemma.lower() in lex.future_auxiliaries for t in aux)


def _first_person(ts: TaggedSentence, i: int, lex: Lexicon) -> bool:
    """The verb at ``i`` has a first-person subject ("wir", "ich"): by the parse, else a
    first-person pronoun in its clause."""
    toks = ts.tokens
    if ts.parse is not None:
        subjects = ts.parse.dependents(i, "nsubj")
        # "unsere Streitkräfte": a subject with a first-person possessive
        owned = any(
            toks[d].text.lower() in lex.speaker_possessives
            for j in subjects
            for d in ts.parse.dependents(j, "det", "det:poss", "nmod:poss")
        )
    else:
        a, b = clause_bounds(toks, i)
        subjects = tuple(j for j in range(a, b) if toks[j].pos == "PPER")
        owned = False
    return owned or any(toks[j].text.lower() in lex.speaker_pronouns for j in subjects)


def _negated(p: Pattern, toks: Sequence[Token], i: int, lex: Lexicon) -> bool:
    """Whether the event is negated, hence no event: not when the negation is what the
    pattern means ("erkennt die Wahl nicht an" is a rejection)."""
    if dict(p.with_).get("negated"):
        return False
    # a negation inside a zu-infinitive after the trigger is what is asked or said, not
    # the trigger's ("mahnte die USA, Gewalt nicht zu missbrauchen" is a demand)
    _a, b = clause_bounds(toks, i)
    end = _infinitive_clause(toks, i, b)
    return is_negated(toks[:end] if end < b else toks, i, lex.cue("negation"))


def _wants(p: Pattern, prep: str) -> bool:
    """The pattern asks for a phrase with this preposition ("unter Beschuss nehmen")."""
    return any(k == "pp" and prep in str(v[0]).split("|") for k, v in p.with_)


def _framing_prep(ts: TaggedSentence, i: int, morph: Morphology) -> str | None:
    """The preposition heading the noun phrase of ``i`` ("in einem kurzen Telefonat",
    "nach mehr als zehnstündigen Verhandlungen": quantities and their words too; "nach
    mehrtägigen, vom Scheitern bedrohten Verhandlungen" by the parse)."""
    tokens = ts.tokens
    quantity = morph.quantity_words
    j = i - 1
    while j >= 0 and (
        tokens[j].pos in ("ART", "ADJ(A)", "PIAT", "PPOSAT", "CARD")
        or tokens[j].text.lower() in quantity
    ):
        j -= 1
    if j >= 0 and tokens[j].pos in ("APPR", "APPRART"):
        return tokens[j].text.lower()
    if (
        j >= 0
        and tokens[j].text.lower() in morph.conjunction_prepositions
        and tokens[j + 1].text.lower() in morph.genitive_determiners
    ):
        # HanTa tags "während" as the conjunction; before a genitive it is the preposition
        # ("Während eines Treffens mit X kündigte Y an")
        return tokens[j].text.lower()
    return _attribute_prep(tokens, i, j)


_ATTRIBUTE_INNER = ("ADJ(A)", "ADJ(D)", "ADV", "NN", "NNI", "ART", "APPR", "APPRART", "$,", "CARD")


def _attribute_prep(tokens: Sequence[Token], i: int, j: int) -> str | None:
    """The preposition before an extended attribute of the noun at ``i`` ("nach
    mehrtägigen, mehrfach vom Scheitern bedrohten Verhandlungen"), where the plain walk
    stopped at ``j``: a participle stands right before the noun, and the stretch back to
    the preposition holds only the attribute's words."""
    if i < 1 or tokens[i - 1].pos != "ADJ(A)" or j < 0 or tokens[j].pos not in _ATTRIBUTE_INNER:
        return None
    k = j
    while k > 0 and i - k < 10 and tokens[k - 1].pos in _ATTRIBUTE_INNER:
        k -= 1
    if tokens[k].pos in ("APPR", "APPRART") and tokens[k + 1].pos in ("ADJ(A)", "ART", "CARD"):
        return tokens[k].text.lower()
    return None


def _clause_verbs(ts: TaggedSentence, i: int) -> list[int]:
    """The content verb the noun at ``i`` hangs on, climbing the parse (and that verb's
    own conjuncts' heads: "haben sich … geeinigt und … unterzeichnet")."""
    parse = ts.parse
    if parse is None:
        return []
    j = i
    for _ in range(8):
        h = parse.heads[j]
        if h == j:
            break
        j = h
        if ts.tokens[j].pos.startswith("VV"):
            return [j, *parse.dependents(j, "conj")]
    return []


def _condition(
    key: str,
    value,
    ts: TaggedSentence,
    i: int,
    a: int,
    b: int,
    mentions: Sequence[EntityMention],
    lex: Lexicon,
) -> bool:
    toks = ts.tokens
    lemmas = [t.lemma for t in toks]
    if key == "reflexive":
        return any(t.pos == "PRF" or t.text.lower() == "sich" for t in toks[a:b]) == bool(value)
    if key == "object":
        if value == "actor":
            return any(a <= m.first < b and m.first != i for m in mentions)
        if toks[i].verb is not None:
            # a participle attribute's object is the noun it qualifies ("die angenommene
            # Erklärung"), not any noun of the clause around it
            head = _attribute_head(toks, i)
            return head is not None and lex.concept_at(lemmas, head, str(value))
        # (not the object of a zu-infinitive after a comma: "kündigte an, die Waffenruhe
        # zu respektieren" declares no ceasefire)
        end = _infinitive_clause(toks, i, b) if toks[i].pos.startswith("V") else b
        return any(
            toks[j].pos in _NOUN and lex.concept_at(lemmas, j, str(value)) for j in range(a, end)
        ) or _relative_antecedent_is(ts, i, str(value), lex)
    if key == "pp":
        preps, concept = value
        return _pp(ts, a, b, preps, concept, lex)
    if key == "prep":
        preps = str(value).split("|")
        parse = ts.parse
        return any(
            t.text.lower() in preps
            and t.pos.startswith("APPR")
            # in the clause, or beyond a relative clause when the parse hangs it on the verb
            # ("berieten die Minister der Liga, der beide angehören, über die Krise")
            and (
                _on_verb(ts, j, i)
                if a <= j < b
                else parse is not None and parse.heads[parse.heads[j]] == i and j > i
            )
            for j, t in enumerate(toks)
        )
    if key == "content":
        # what the demand asks for, after the verb: "forderte X auf, die Kämpfe einzustellen"
        return any(
            toks[j].pos in _NOUN and lex.concept_at(lemmas, j, str(value))
            for j in range(i + 1, len(toks))
        )
    if key == "quote":
        return any(t.quoted for t in toks) == bool(value)
    if key == "colon-quote":
        # "X gab sich zuversichtlich: „…“": the clause ends in a colon before a quotation
        opens = b + 1 < len(toks) and toks[b].text == ":" and toks[b + 1].text in OPENING
        return opens == bool(value)
    if key == "predicative":
        # "zeigte sich besorgt", "gab sich zuversichtlich": an adjective predicated of the
        # subject after the verb in its clause, or a participle ("zeigte sich alarmiert")
        return any(t.pos in ("ADJ(D)", "VV(PP)") for t in toks[i + 1 : b]) == bool(value)
    if key == "clause-verb":
        # the verb of the clause a framing noun stands in ("Nach schweren Kämpfen haben X
        # und Y eine Waffenruhe vereinbart"), by the parse, past auxiliaries
        wanted = set(str(value).split("|"))
        return any(full_lemma(toks, v) in wanted for v in _clause_verbs(ts, i))
    if key == "infinitive":
        wanted = set(str(value).split("|"))
        return any(
            is_zu_infinitive(toks, j, perfect=False) and full_lemma(toks, j) in wanted
            for j in range(i + 1, len(toks))
        )
    if key == "subject":
        # the verb's subject is a noun of the concept ("Kämpfe toben", "eine Rakete traf"):
        # by the parse where it gives the verb a subject, else any such noun of the clause
        subjects = _subjects(ts, i)
        if subjects is not None:
            return any(
                toks[j].pos in _NOUN and lex.concept_at(lemmas, j, str(value)) for j in subjects
            )
        return any(
            toks[j].pos in _NOUN and lex.concept_at(lemmas, j, str(value)) for j in range(a, b)
        )
    if key == "word":
        # a word that tells the verb's sense: "griff die Regierung scharf an" is criticism
        wanted = set(str(value).lower().split("|"))
        return any(t.text.lower() in wanted for t in toks[a:b])
    if key == "toll":
        return _toll(ts, i, lex.cue("large_counts")) == bool(value)
    if key == "negated":
        return is_negated(toks, i, lex.cue("negation")) == bool(value)
    if key == "attribute":
        # a participle attribute ("der nicht anerkannte Präsident"): a description
        return (toks[i].verb is not None and toks[i].pos.startswith("ADJ")) == bool(value)
    return False


def _antecedent_is(ts: TaggedSentence, k: int, concept: str, lex: Lexicon) -> bool:
    """The relative pronoun at ``k`` stands for a noun of the concept, by the parse: the
    noun the clause of the pronoun's verb is on."""
    parse = ts.parse
    if parse is None:
        return False
    return _relative_antecedent_is(ts, parse.heads[k], concept, lex)


def _relative_antecedent_is(ts: TaggedSentence, i: int, concept: str, lex: Lexicon) -> bool:
    """The verb at ``i`` heads a relative clause on a noun of the concept: "Verhandlungen …,
    die die Gemeinschaft Sant'Egidio ausgerichtet hatte" (the pronoun is the object)."""
    parse = ts.parse
    if parse is None or parse.deps[i] != "acl:relcl":
        return False
    lemmas = [t.lemma for t in ts.tokens]
    n = parse.heads[i]
    # the parse may hang the clause on the last name of the noun's attribute ("Soldaten
    # aus Großbritannien, Australien und Neuseeland, die … verlegt worden waren")
    for _step in range(4):
        if ts.tokens[n].pos in _NOUN and lex.concept_at(lemmas, n, concept):
            return True
        if parse.deps[n] not in ("conj", "nmod", "flat", "appos") or parse.heads[n] == n:
            return False
        n = parse.heads[n]
    return False


def _toll(ts: TaggedSentence, i: int, large: frozenset[str]) -> bool:
    """The passive verb at ``i`` has no agent and a subject that counts a thousand or more
    ("Mehr als 60.000 Menschen", "Hunderttausende Menschen", "220 000 Menschen")."""
    parse = ts.parse
    if parse is None:
        return False
    for agent in parse.dependents(i, "obl:agent"):
        # an agent is "von"/"durch" someone ("seit 1964" is no agent, however parsed)
        if any(ts.tokens[c].text.lower() in ("von", "vom", "durch") for c in parse.children(agent)):
            return False
    for subj in parse.dependents(i, "nsubj:pass", "nsubj"):
        span, todo = set(), [subj]
        while todo:
            j = todo.pop()
            span.add(j)
            todo += [c for c in parse.children(j) if c not in span and c != i]
        toks = [ts.tokens[j] for j in sorted(span)]
        digits = "".join(t.text for t in toks if t.pos == "CARD").replace(".", "").replace(" ", "")
        if any(t.text.lower() in large for t in toks) or (digits.isdigit() and int(digits) >= 1000):
            return True
    return False


def _attribute_head(toks: Sequence[Token], i: int) -> int | None:
    """The noun the participle attribute at ``i`` qualifies ("ausgehandelte Abkommen")."""
    for j in range(i + 1, min(len(toks), i + 4)):
        if toks[j].pos in _NOUN:
            return j
        if not toks[j].pos.startswith(("ADJ", "ADV")):
            return None
    return None


def _subjects(ts: TaggedSentence, i: int) -> tuple[int, ...] | None:
    """The heads of the phrases that act in the clause of the verb at ``i``: its active
    subject or its passive agent ("wurde von Demonstranten gestürmt"), with their
    conjuncts ("Kämpfe und Gefechte"), or those of the verb it is coordinated with; None
    where the parse gives neither."""
    parse = ts.parse
    if parse is None:
        return None
    heads = [c for c in parse.children(i) if parse.deps[c] in ("nsubj", "obl:agent")]
    if not heads and parse.deps[i] == "conj" and parse.heads[i] != i:
        # a verb coordinated with one before it shares its subject ("Irland beantragte
        # eine Sitzung und forderte ein Ende der Kämpfe": the Kämpfe demand nothing)
        return _subjects(ts, parse.heads[i])
    if not heads:
        return None
    return tuple(c for h in heads for c in parse.conjuncts(h))


def _matches(
    p: Pattern,
    ts: TaggedSentence,
    i: int,
    a: int,
    b: int,
    mentions: Sequence[EntityMention],
    lex: Lexicon,
) -> bool:
    if not all(_condition(k, v, ts, i, a, b, mentions, lex) for k, v in p.with_):
        return False
    return not any(_condition(k, v, ts, i, a, b, mentions, lex) for k, v in p.without)


def _phrase_start(toks: Sequence[Token], i: int, a: int) -> int:
    """The first token of the noun phrase that ends in the noun at ``i`` (its article and
    attributes: "einem kurzen telefonischen Gespräch"), not before the clause's start ``a``."""
    j = i
    while j > a and toks[j - 1].pos in ("ART", "ADJ(A)", "ADJ(D)", "ADV", "CARD", "PPOSAT", "PIAT"):
        j -= 1
    return j


#: Relations of a clause of its own below a verb, of what it is coordinated with, and
#: punctuation: none of them is a phrase of the verb.
_CLAUSAL = frozenset({"advcl", "ccomp", "xcomp", "csubj", "parataxis", "conj", "acl", "punct"})


def _argument_tokens(ts: TaggedSentence, verb: int) -> tuple[int, ...]:
    """The tokens of the verb's phrases, by the parse, with what they hold beyond a comma
    ("Die Protokolle, darunter eines über einen Waffenstillstand, unterzeichneten …"), but
    not its clauses nor relative clauses, which tell events of their own."""
    parse = ts.parse
    if parse is None:
        return ()
    out: set[int] = set()
    todo = [j for j in parse.children(verb) if parse.deps[j].split(":")[0] not in _CLAUSAL]
    while todo:
        j = todo.pop()
        out.add(j)
        todo.extend(c for c in parse.children(j) if parse.deps[c] != "acl:relcl")
    return tuple(sorted(out))


def _upgrade(
    p: Pattern,
    ts: TaggedSentence,
    a: int,
    b: int,
    lex: Lexicon,
    *,
    verb: int | None = None,
) -> tuple[str, str]:
    """The class and CAMEO code of a match: the pattern's, or a more specific class when
    the clause names its concept ("vereinbarten eine Waffenruhe": a ceasefire agreement),
    with that class's code (the code of its first pattern in the lexicon). For a ``verb``,
    its arguments beyond the clause and the noun its relative clause stands on count too
    ("eine Waffenruhe, auf die sich X und Y geeinigt hatten")."""
    if not p.upgrade:
        return p.event_class, p.cameo  # (most patterns: no parse walk for them)
    lemmas = [t.lemma for t in ts.tokens]
    reach = (*range(a, b), *(_argument_tokens(ts, verb) if verb is not None else ()))
    for concept, cls in p.upgrade:
        if any(
            ts.tokens[j].pos in (*_NOUN, "ADJ(D)", "ADJ(A)")
            and lex.concept_at(lemmas, j, concept, form=ts.tokens[j].text)
            for j in reach
        ) or (verb is not None and _relative_antecedent_is(ts, verb, concept, lex)):
            code = next((q.cameo for q in lex.patterns if q.event_class == cls), p.cameo)
            return cls, code
    return p.event_class, p.cameo


def detect_triggers(
    ts: TaggedSentence, mentions: Sequence[EntityMention], lex: Lexicon, *, morph: Morphology
) -> tuple[Trigger, ...]:
    """Event triggers of one sentence, in token order; ``morph`` is the grammar word
    lists, loaded once by the caller."""
    toks = ts.tokens
    out: list[Trigger] = []
    verb_patterns = lex.verb_patterns
    for i, tok in enumerate(toks):
        # inside a quotation only a speech act in the first person counts: "„Wir rufen
        # beide Seiten auf“, sagte X" is X's call (the claims stage names the speaker)
        speaker = tok.quoted and _first_person(ts, i, lex)
        if tok.quoted and (not speaker or is_passive(toks, i)):
            continue
        a, b = clause_bounds(toks, i)
        if (
            tok.pos.startswith(("VV", "VA", "VM"))
            or (tok.pos == "ADJ(D)" and tok.text.endswith("t"))
            or tok.verb is not None
        ):
            # a participle attribute is its verb in the passive: "das von Norwegen
            # vermittelte Abkommen" is a mediation by Norway
            lemma = tok.verb or _particle_verb(ts, i) or full_lemma(toks, i)
            if lemma not in verb_patterns and tok.lemma.lower() == tok.text.lower():
                # a past form the tagger left unlemmatised ("umzingelten"): its infinitive
                # where that is an event verb
                guess = weak_past_infinitive(tok.text)
                lemma = guess if guess is not None and guess in verb_patterns else lemma
            if _under_intent(toks, i, lex) or _planned(ts, i, lex):
                continue
            cands = [
                p
                for p in (*verb_patterns.get(lemma, ()), *verb_patterns.get("*", ()))
                if (not speaker or p.event_class in lex.speaker_classes)
                # a deed the speaker claims is one done ("haben … eingenommen"), not one
                # announced ("Wir werden Kidal einnehmen")
                and not (
                    speaker and p.event_class == EventClass.MILITARY_ACTION and tok.pos != "VV(PP)"
                )
                and _matches(p, ts, i, a, b, mentions, lex)
            ]
            if not cands:
                continue
            best = max(cands, key=lambda p: (p.specificity, -lex.patterns.index(p)))
            out.append(
                Trigger(
                    ts.sentence.index,
                    i,
                    i + 1,
                    best.id,
                    *_upgrade(best, ts, a, b, lex, verb=i),
                    # "wir" is no actor: the speaker takes the subject's role
                    tuple(f for f in best.frame if f[0] != "subj") if speaker else best.frame,
                    True,
                    passive=is_passive(toks, i),
                    negated=_negated(best, toks, i, lex),
                    speaker=speaker,
                )
            )
        elif tok.pos in _NOUN and not speaker:
            low = tok.lemma.lower()
            text = tok.text.lower()  # HanTa misses some compounds' lemma ("Hilfeersuche")
            for p in lex.noun_patterns:
                if not any(low.endswith(n) or text.endswith(n) for n in p.nouns):
                    continue
                light = [
                    j
                    for j in range(a, b)
                    if toks[j].pos.startswith("V") and full_lemma(toks, j) in p.light
                ]
                frame = p.frame
                attribute = _light_attribute(toks, i, p.light) if not light else None
                if attribute is not None:
                    # "die in Ohrid geführten Gespräche": held, by whom the noun's own
                    # phrases say, not the clause's subject
                    light = [attribute]
                    frame = tuple((slot, r) for slot, r in p.frame if slot not in ("subj", "obj"))
                if (
                    not light
                    and p.inside
                    and _framing_prep(ts, i, morph) in p.inside
                    and not _asked_for(ts, i, lex)
                    and not _expected(ts, i, lex)
                ):
                    # "rief in einem Telefonat mit X ... auf": the clause's subject is the
                    # agent of the call, whatever the clause's own verb
                    light = [i]
                    frame = tuple(
                        ("clause-subj", r) if slot == "subj" else (slot, r) for slot, r in p.frame
                    )
                if (
                    _framing_prep(ts, i, morph) == "unter"
                    and not _wants(p, "unter")
                    and "unter" not in p.inside
                ):
                    # "unter Vermittlung der X ... aufnehmen": a role, not the event (but
                    # "unter Beschuss nehmen" is one)
                    continue
                if not light or not _matches(p, ts, light[0], a, b, mentions, lex):
                    continue
                if light[0] != i and (
                    _under_intent(toks, light[0], lex) or _planned(ts, light[0], lex)
                ):
                    break  # "rief sie auf, Gespräche aufzunehmen": not held (yet)
                out.append(
                    Trigger(
                        ts.sentence.index,
                        i,
                        i + 1,
                        p.id,
                        # (a framing noun is upgraded by its own phrase: "bei einem Treffen
                        # im Kreml zu Gesprächen gedrängt" is a meeting, not negotiations)
                        *_upgrade(
                            p,
                            ts,
                            *((_phrase_start(toks, i, a), i + 1) if light[0] == i else (a, b)),
                            lex,
                        ),
                        frame,
                        True,
                        nominal=True,
                        framing=light[0] == i,
                        negated=_negated(p, toks, i, lex),
                        # (a light verb whose own event stands beside: not taken)
                        light=light[0] if light[0] != i and not p.beside else None,
                    )
                )
                break
    return tuple(_dedupe(out))


def _light_attribute(toks: Sequence[Token], i: int, light: Collection[str]) -> int | None:
    """The participle attribute of a light verb before the noun at ``i`` ("die seit Juli
    in Ohrid geführten Gespräche": "geführten"), with only adjectives in between, or None.

    >>> ts = [Token(0, 0, 0, "geführten", "geführt", "ADJ(A)", verb="führen"),
    ...       Token(1, 0, 0, "Gespräche", "Gespräch", "NN")]
    >>> _light_attribute(ts, 1, {"führen"}), _light_attribute(ts, 1, {"abhalten"})
    (0, None)
    """
    j = i - 1
    while j >= 0 and toks[j].pos.startswith("ADJ") and toks[j].verb is None:
        j -= 1
    return j if j >= 0 and toks[j].verb is not None and toks[j].verb in light else None


def _dedupe(triggers: list[Trigger]) -> list[Trigger]:
    """A light verb that licensed a nominal trigger does not also count on its own (other
    verbs of the sentence do: "verübte einen Anschlag … und beschoss einen Konvoi"); an
    event noun that only frames the clause ("bei Beratungen in Kairo einigten sich ...")
    does not count beside an event of its class that the clause itself tells, unless the
    noun names its agent and the clause is a passive without one ("bei einem Anschlag der
    X wurden zehn Menschen getötet")."""
    told = {(t.sentence, t.event_class) for t in triggers if not t.framing}
    told_active = {(t.sentence, t.event_class) for t in triggers if not t.framing and not t.passive}
    kept = [
        t
        for t in triggers
        if not t.framing
        or (t.sentence, t.event_class) not in told
        or (
            # the noun names its sides ("bei Zusammenstößen zwischen X und Y wurden drei
            # Menschen getötet"): the clause's passive tells the outcome
            any(slot in ("gen", "zwischen") for slot, _r in t.frame)
            and (t.sentence, t.event_class) not in told_active
        )
    ]
    # one light verb holds one event of a class ("Gespräche … wurden nach einer Sitzung
    # abgebrochen": the talks, not the session as well)
    first_noun: dict[tuple[int, int, str], Trigger] = {}
    for t in kept:
        if t.light is not None:
            first_noun.setdefault((t.sentence, t.light, t.event_class), t)
    kept = [
        t for t in kept if t.light is None or first_noun[(t.sentence, t.light, t.event_class)] is t
    ]
    lights = {(t.sentence, t.light) for t in kept if t.light is not None}
    # a passive beside an event noun of its class tells its outcome ("brachten X unter
    # ihre Kontrolle; bei den Gefechten wurden 60 Menschen getötet"), not another event
    nominal_classes = {(t.sentence, t.event_class) for t in kept if t.nominal and not t.framing}
    return [
        t
        for t in kept
        if t.nominal
        or (
            (t.sentence, t.first) not in lights
            and not (t.passive and (t.sentence, t.event_class) in nominal_classes)
        )
    ]
