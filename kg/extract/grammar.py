"""Rules of German grammar over a dependency parse (UD v2 relations), in place.

The parser (:mod:`kg.extract.depparse`) learnt from a small treebank; these rules hold
whatever the treebank says. Each is one function ``rule(tokens, heads, deps, morph)``,
and :data:`RULES` runs them in order; the word lists they read are in
``kg/data/grammar/morphology.yaml`` (:mod:`kg.extract.morphology`). ``heads[i]`` is the
governor of token ``i`` (a root is its own head), ``deps[i]`` its relation.

>>> toks = [Token(i, 0, 0, w, l, p) for i, (w, l, p) in enumerate(
...     [("Er", "er", "PPER"), ("wurde", "werden", "VA(FIN)"), ("von", "von", "APPR"),
...      ("X", "X", "NE"), ("gewählt", "wählen", "VV(PP)")])]
>>> heads, deps = [4, 4, 3, 4, 4], ["nsubj", "aux", "case", "obl", "root"]
>>> mend(toks, heads, deps); deps[0], deps[3]
('nsubj:pass', 'obl:agent')
>>> [r.__name__ for r in RULES][:3]
['articles_are_determiners', 'nouns_are_no_determiners', 'extended_attributes']
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Sequence

from kg.extract.model import Token
from kg.extract.morphology import Morphology, load_morphology
from kg.extract.quotes import OPENING
from kg.extract.syntax import is_zu_infinitive

__all__ = ["RULES", "mend"]

Rule = Callable[[Sequence[Token], list[int], list[str], Morphology], None]


def _children(heads: Sequence[int]) -> dict[int, list[int]]:
    out: dict[int, list[int]] = {}
    for i, h in enumerate(heads):
        if h != i:
            out.setdefault(h, []).append(i)
    return out


def _is_passive(
    tokens: Sequence[Token], kids: Sequence[int], deps: Sequence[str], v: int, morph: Morphology
) -> bool:
    """A participle with a form of the passive auxiliary among its auxiliaries."""
    return tokens[v].pos.endswith("(PP)") and any(
        deps[c].startswith("aux") and morph.is_passive_auxiliary(tokens[c].lemma) for c in kids
    )


def _case(
    tokens: Sequence[Token], kids: Sequence[int], deps: Sequence[str], i: int, morph: Morphology
) -> str | None:
    """The case the phrase headed by ``i`` shows: its own form (a pronoun) or that of its
    determiner."""
    own = (
        morph.case_of(tokens[i].text) if tokens[i].pos.startswith(("PPER", "PDS", "PIS")) else None
    )
    if own:
        return own
    for c in kids:
        if deps[c] in ("det", "det:poss"):
            return morph.case_of(tokens[c].text)
    return None


def articles_are_determiners(
    tokens: Sequence[Token], heads: list[int], deps: list[str], morph: Morphology
) -> None:
    """An article (or a demonstrative) before the noun or name it belongs to is its
    determiner, whatever label the parse gave it: "Dem Sudan warf die Regierung des Tschad
    vor" shows its dative by "Dem", "Diesen Angriff nannte Moskau eine Erfindung" its
    accusative by "Diesen", only when the rules read it as the phrase's determiner."""
    for i, t in enumerate(tokens):
        h = heads[i]
        if (
            t.pos in ("ART", "PDAT")
            and deps[i] == "dep"
            and h > i
            and tokens[h].pos in ("NN", "NE")
        ):
            deps[i] = "det"


def nouns_are_no_determiners(
    tokens: Sequence[Token], heads: list[int], deps: list[str], morph: Morphology
) -> None:
    """A noun or name with a preposition of its own is an adverbial of the clause, never
    the determiner of the noun after it: "bei Gorom eritreische Truppen" reads "bei
    Gorom" as where, and "eritreische Truppen" as a phrase of its own."""
    kids = _children(heads)
    for i, t in enumerate(tokens):
        if deps[i] != "det" or t.pos not in ("NN", "NE"):
            continue
        if not any(deps[c] == "case" and c < i for c in kids.get(i, ())):
            continue
        up = _governing_verb(tokens, heads, i)
        heads[i], deps[i] = (up if up is not None else _path_to_root(heads, i)[-1]), "obl"


def _attribute_head(tokens: Sequence[Token], i: int, reach: int = 12) -> tuple[int, int] | None:
    """The noun an article ``i`` belongs to across an extended attribute, and the first
    adjective of the attribute's close: "der 1975 ins Leben gerufenen Ecowas" → (Ecowas,
    gerufenen). The attribute opens with a preposition, a number or an adverb; the phrases
    of its prepositions are passed over ("seit Juni in Doha verhandelnden")."""
    n = len(tokens)
    if i + 1 >= n or tokens[i + 1].pos not in ("APPR", "APPRART", "CARD", "ADV"):
        return None
    in_phrase, adjective = False, None
    for j in range(i + 1, min(n, i + 1 + reach)):
        pos = tokens[j].pos
        if pos in ("APPR", "APPRART"):
            in_phrase, adjective = True, None
        elif pos in ("NN", "NE"):
            if not in_phrase and adjective is not None:
                return j, adjective
            if not in_phrase and tokens[j - 1].pos not in ("NN", "NE"):
                return None  # (a name of two words closes a phrase: "in Addis Abeba")
            in_phrase = False
        elif pos == "ADJ(A)":
            if not in_phrase and adjective is None:
                adjective = j
        elif pos in ("ART", "CARD", "ADV", "ADJ(D)", "PIAT", "PPOSAT", "KON", "PTKNEG"):
            if pos == "ADV" and adjective is not None:
                return None
        else:
            return None  # a verb, a pronoun or punctuation: no attribute of this article
    return None


def extended_attributes(
    tokens: Sequence[Token], heads: list[int], deps: list[str], morph: Morphology
) -> None:
    """An article before an extended attribute belongs to the noun after it: "ist
    Gründungsmitglied der 1975 ins Leben gerufenen Ecowas", "mit den seit Juni in Doha
    verhandelnden Delegationen". The parse hung the article on a word inside the attribute
    and the noun on the attribute's last phrase; the noun takes the place of the phrase,
    and the attribute's words hang on its adjective."""
    for i, t in enumerate(tokens):
        if t.pos != "ART" or heads[i] == i:
            continue
        found = _attribute_head(tokens, i)
        if found is None:
            continue
        noun, adj = found
        if heads[i] == noun:
            continue  # read right already
        span = range(i, noun + 1)
        top, steps = i, 0
        while heads[top] in span and heads[top] != top and steps < len(span):
            top, steps = heads[top], steps + 1  # (bounded: a mended parse may hold a cycle)
        if top == noun:
            continue
        outside, rel = heads[top], deps[top]
        if outside in span or outside == top:
            outside, rel = noun, "root"
        for k in range(i + 1, noun):
            if heads[k] not in span or heads[k] == noun or k == top:
                if k >= adj and tokens[k].pos == "ADJ(A)":
                    heads[k], deps[k] = noun, "amod"
                elif tokens[k].pos in ("NN", "NE", "CARD"):
                    heads[k], deps[k] = adj, "obl"
                elif tokens[k].pos == "ADV":
                    heads[k], deps[k] = adj, "advmod"
        for k in range(adj, noun):
            if tokens[k].pos == "ADJ(A)":
                heads[k], deps[k] = noun, "amod"
        for k, h in enumerate(heads):
            if k not in span and h in span and h != noun:
                heads[k] = noun  # the phrase's preposition or genitive is the noun's
        heads[i], deps[i] = noun, "det"
        heads[noun], deps[noun] = (noun, "root") if rel == "root" else (outside, rel)


def auxiliaries_take_no_arguments(
    tokens: Sequence[Token], heads: list[int], deps: list[str], morph: Morphology
) -> None:
    """Arguments belong to the content verb, not to its auxiliary (UD v2): a subject or
    object the parse hangs on "haben", "werden" or a modal ("Sie haben … ein Paradies
    gebaut") moves to the verb the auxiliary serves."""
    for i, dep in enumerate(deps):
        h = heads[i]
        if (
            h != i
            and deps[h] in ("aux", "aux:pass", "cop")
            and heads[h] != h
            and dep.split(":")[0] in ("nsubj", "obj", "iobj", "obl", "expl", "advmod")
        ):
            heads[i] = heads[h]


def adverbs_bear_no_argument(
    tokens: Sequence[Token], heads: list[int], deps: list[str], morph: Morphology
) -> None:
    """An adverb is no subject or object: "Anschließend telefonierte Macron mit X" (the
    parse made "Anschließend" the subject and Macron the object; the rule that a finite
    clause has a subject then finds Macron). A word whose lemma is capitalised may be a
    name the tagger misread, and keeps its function."""
    for i, t in enumerate(tokens):
        if (
            t.pos in ("ADJ(D)", "ADV", "PROAV", "PTKNEG")
            and deps[i] in ("nsubj", "nsubj:pass", "obj", "iobj")
            and t.lemma[:1].islower()
        ):
            deps[i] = "advmod"


def no_prepositional_subjects(
    tokens: Sequence[Token], heads: list[int], deps: list[str], morph: Morphology
) -> None:
    """A subject has no preposition: a "subject" whose phrase opens with one ("Nach zwei
    Jahrzehnten Krieg haben die Regierung und die Rebellen …") or ends with a postposition
    ("Berichten zufolge") is an adverbial, and
    :func:`finite_clause_has_subject` finds the subject."""
    kids = _children(heads)
    for i, dep in enumerate(deps):
        if not dep.startswith("nsubj"):
            continue
        first = min(_span(kids, i))
        inner_companion = (
            heads[first] != i and tokens[first].text.lower() in morph.companion_prepositions
        )  # "neben dem Sudan und Kenia auch Uganda": a phrase inside the subject
        # a postposition as much as a preposition ("Medienberichten zufolge trafen sich …")
        postposed = any(tokens[c].pos == "APPO" and c > i for c in kids.get(i, ()))
        if (
            tokens[first].pos in ("APPR", "APPRART")
            and deps[first] == "case"
            and not inner_companion
        ) or postposed:
            deps[i] = "obl"


def prefield_genitives(
    tokens: Sequence[Token], heads: list[int], deps: list[str], morph: Morphology
) -> None:
    """Before the finite verb of a main clause stands one phrase: a name in the genitive
    right after the noun of a prepositional phrase there is that noun's attribute, not the
    clause's subject or object ("Unter Vermittlung Katars einigten sich Israel und die
    Hamas …": Qatar mediated; Israel and Hamas agreed)."""
    for i in range(2, len(tokens) - 1):
        noun, v = i - 1, heads[i]
        if (
            tokens[i].pos != "NE"
            or not tokens[i].text.endswith("s")
            or deps[i] not in ("nsubj", "obj", "iobj")
            or tokens[noun].pos != "NN"
            or heads[noun] != v
            or not tokens[i + 1].pos.endswith("(FIN)")
            or not (heads[v] == v or deps[v] in ("conj", "parataxis"))
        ):
            continue
        # the prepositional phrase opens the clause: nothing before it but its own words
        opens = any(heads[c] == noun and deps[c] == "case" for c in range(noun)) and all(
            heads[c] == noun or heads[heads[c]] == noun for c in range(noun)
        )
        if opens and (i + 1 == v or heads[i + 1] == v):
            heads[i], deps[i] = noun, "nmod"


def genitives_coordinate(
    tokens: Sequence[Token], heads: list[int], deps: list[str], morph: Morphology
) -> None:
    """A genitive phrase after "und" that follows a genitive name is coordinated with it,
    not an argument of the verb ("haben Vertreter Israels und der Hamas verhandelt": the
    representatives of both negotiated; "der Hamas" is no subject)."""
    kids = _children(heads)
    for j, t in enumerate(tokens[1:-2], start=1):
        if t.text not in ("und", "sowie"):
            continue
        left, det = j - 1, j + 1
        if not (
            tokens[left].pos == "NE"
            and tokens[left].text == tokens[left].lemma + "s"
            and deps[left] in ("nmod", "flat", "appos")
            and tokens[heads[left]].pos == "NN"
            and tokens[det].text in ("der", "des")
        ):
            continue
        r = heads[det]
        if (
            r > det
            and deps[r] in ("nsubj", "obj", "iobj")
            and tokens[heads[r]].pos.startswith("V")
            and not any(deps[c] == "case" for c in kids.get(r, ()))
        ):
            heads[r], deps[r] = left, "conj"
            heads[j], deps[j] = r, "cc"


def inclusions_are_appositions(
    tokens: Sequence[Token], heads: list[int], deps: list[str], morph: Morphology
) -> None:
    """ "Mehrere Staaten, darunter Deutschland und Frankreich, begrüßten …": the phrase
    after "darunter" names members of the noun phrase before the comma (or the dash of an
    aside: "Die zwölf Staaten – darunter Belgien und Dänemark – unterzeichneten"), in
    apposition to it, not an argument of the verb."""
    for j in range(2, len(tokens) - 1):
        if tokens[j].text.lower() not in morph.inclusion_adverbs or tokens[j - 1].text not in (
            ",",
            "–",
            "—",
        ):
            continue
        # the noun phrase ends at the comma ("acht Länder an, darunter …" ends a clause)
        noun, first = j - 2, j + 1
        if tokens[noun].pos not in ("NN", "NE") or tokens[first].pos not in ("NE", "NN", "ART"):
            continue
        head = first if tokens[first].pos != "ART" else heads[first]
        if head <= j or tokens[head].pos not in ("NE", "NN") or head in _path_to_root(heads, noun):
            continue
        heads[head], deps[head] = noun, "appos"
        heads[j], deps[j] = head, "advmod"


def voice_case_and_agent(
    tokens: Sequence[Token], heads: list[int], deps: list[str], morph: Morphology
) -> None:
    """Voice: a subject is ``nsubj:pass`` exactly when its verb is a participle with the
    passive auxiliary ("wurde … gewählt"), else ``nsubj`` ("hat … gewählt"). Case: a
    "subject" whose article or form is only dative ("dem Präsidenten", "ihm") is the
    dative object; one that cannot be nominative ("einen Plan", "den Vertrag", "ihn") the
    object; an "object" whose form is only dative is the dative object, a nominative-only
    pronoun as object the subject. Agent: a "von"/"durch"
    phrase on a passive participle is ``obl:agent``, also where the parse hangs it on an
    adverbial ("wurde am Freitag von Tschad beschuldigt")."""
    kids = _children(heads)
    for i, dep in enumerate(deps):
        h = heads[i]
        if dep in ("nsubj", "nsubj:pass"):
            passive = _is_passive(tokens, kids.get(h, ()), deps, h, morph)
            deps[i] = "nsubj:pass" if passive else "nsubj"
            case = _case(tokens, kids.get(i, ()), deps, i, morph)
            if case == "dat":
                deps[i] = "iobj"
            elif case in ("acc", "obl"):
                deps[i] = "obj"
        elif dep == "obj":
            case = _case(tokens, kids.get(i, ()), deps, i, morph)
            if case == "dat":
                deps[i] = "iobj"  # "hat dem Gericht die Gefolgschaft verweigert"
            elif case == "nom" and not any(deps[c].startswith("nsubj") for c in kids.get(h, ())):
                deps[i] = "nsubj"
        elif dep in ("nmod", "obl") and _agent_phrase(tokens, kids.get(i, ()), deps, morph):
            v = heads[h] if dep == "nmod" and deps[h] == "obl" and heads[h] != h else h
            if dep == "nmod" and deps[h] == "nsubj:pass" and _participle_first(tokens, heads, h):
                # "Unterzeichnet wurde das Abkommen von X": with the participle put first,
                # the "von" phrase after the subject is who did it
                v = heads[h]
            if dep == "nmod" and v == h:
                continue  # a "von" attribute of a noun that is no adverbial
            if dep == "nmod" and any(
                deps[c] == "case" and tokens[c].text.lower() == "nach" for c in kids.get(h, ())
            ):
                continue  # "nach Angaben von X", "nach dem Abzug von X": the phrase's own
            if _is_passive(tokens, kids.get(v, ()), deps, v, morph) and not (
                dep == "nmod" and any(deps[c] == "obl:agent" for c in kids.get(v, ()))
            ):
                heads[i], deps[i] = v, "obl:agent"


def _participle_first(tokens: Sequence[Token], heads: Sequence[int], n: int) -> bool:
    """Whether the clause of ``n`` opens with its verb's participle, the finite auxiliary
    right after it ("Unterzeichnet wurde das Abkommen …")."""
    v = heads[n]
    return (
        v < n
        and tokens[v].pos == "VV(PP)"
        and v + 1 < len(tokens)
        and tokens[v + 1].pos == "VA(FIN)"
        and (v == 0 or tokens[v - 1].text in (",", ";", ":", "–") or tokens[v - 1].pos == "$(")
    )


def _agent_phrase(
    tokens: Sequence[Token], kids: Sequence[int], deps: Sequence[str], morph: Morphology
) -> bool:
    cases = [c for c in kids if deps[c] == "case"]
    return bool(cases) and morph.is_agent_preposition(tokens[cases[0]].text)


def shared_subject(
    tokens: Sequence[Token], heads: list[int], deps: list[str], morph: Morphology
) -> None:
    """A participle or infinitive coordinated under one auxiliary shares its subject
    ("hat X aufgefordert und die Vermittlung angeboten"): a second "subject" of it is its
    object."""
    kids = _children(heads)
    for v, dep in enumerate(deps):
        if dep != "conj" or not tokens[v].pos.endswith(("(PP)", "(INF)")):
            continue
        own = kids.get(v, ())
        if any(deps[c].startswith("aux") or deps[c] == "cop" for c in own):
            continue
        if not any(deps[c].startswith("nsubj") for c in kids.get(heads[v], ())):
            continue
        for c in own:
            if deps[c] == "nsubj":
                deps[c] = "obj"


_OPENING_QUOTES = OPENING  # every German quotation mark (kg.extract.quotes)


def quotes_are_complements(
    tokens: Sequence[Token], heads: list[int], deps: list[str], morph: Morphology
) -> None:
    """A quotation is what is said, never the sayer: a clause in quotation marks that the
    parse makes a clausal subject ("„Die Gewalt muss aufhören“, hatte X gesagt") is the
    verb's complement (``ccomp``)."""
    kids = _children(heads)
    for i, dep in enumerate(deps):
        if dep.startswith("csubj") and tokens[min(_span(kids, i))].text in _OPENING_QUOTES:
            deps[i] = "ccomp"


def finite_clause_has_subject(
    tokens: Sequence[Token], heads: list[int], deps: list[str], morph: Morphology
) -> None:
    """A finite active clause has a subject: where the parse gives it none but an object
    whose form does not show the accusative, that object is the subject ("kamen am
    Samstag Vertreter der Armee zusammen"), unless the verb shares the subject of a verb
    it is coordinated with by "und"/"oder" ("kam und traf Vertreter"); a finite verb after a
    mere comma is a clause of its own ("…, teilte Außenminister X mit")."""
    kids = _children(heads)
    for v in range(len(tokens)):
        own = kids.get(v, ())
        objs = [c for c in own if deps[c] == "obj"]
        if not objs or any(deps[c].startswith(("nsubj", "csubj", "expl")) for c in own):
            continue
        finite = tokens[v].pos.endswith("(FIN)") or any(
            deps[c].startswith("aux") and tokens[c].pos.endswith("(FIN)") for c in own
        )
        shares = deps[v] == "conj" and any(deps[c] == "cc" for c in own)
        if not finite or _is_passive(tokens, own, deps, v, morph) or shares:
            continue
        # a bare name the parse left without a function is the subject before an object
        # with an article ("hatte Medwedew das Ende … verkündet")
        bare = [
            c
            for c in own
            if deps[c] in ("obl:arg", "dep")
            and tokens[c].pos == "NE"
            and not any(deps[k] in ("case", "det") for k in kids.get(c, ()))
        ]
        if bare:
            deps[bare[0]] = "nsubj"
            continue
        for c in objs:
            if _case(tokens, kids.get(c, ()), deps, c, morph) is None and tokens[c].pos != "PRF":
                deps[c] = "nsubj"
                break


def reporting_clause_after_a_comma(
    tokens: Sequence[Token], heads: list[int], deps: list[str], morph: Morphology
) -> None:
    """ "Sie habe ihm Völkerrechtsbruch vorgeworfen, teilte Regierungssprecher X mit": a
    finite verb right after the last comma, with its subject after it and nothing joining
    it by "und", closes the sentence as its main clause; what stands before the comma is
    its complement, not a clause it is coordinated with."""
    kids = _children(heads)
    for v, t in enumerate(tokens):
        own = kids.get(v, ())
        if not (
            deps[v] == "conj"
            and t.pos.endswith("(FIN)")
            and v > 1
            and tokens[v - 1].text == ","
            and not any(deps[c] == "cc" for c in own)
            and any(deps[c].startswith("nsubj") and c > v for c in own)
            and all(
                x in _span(kids, v) or tokens[x].pos.startswith("$") for x in range(v, len(tokens))
            )
        ):
            continue
        root = next((i for i in range(len(tokens)) if heads[i] == i), None)
        if root is None or root >= v:
            continue
        heads[v], deps[v] = v, "root"
        heads[root], deps[root] = v, "ccomp"
        for x in range(v + 1, len(tokens)):
            if heads[x] == root:
                heads[x] = v  # the closing punctuation
        kids = _children(heads)


def reported_clause_before_its_verb(
    tokens: Sequence[Token], heads: list[int], deps: list[str], morph: Morphology
) -> None:
    """ "Die Lage sei unter Kontrolle, teilte Marokko mit": the parse hung the words of the
    reported clause on the verb after the comma, its subject too, and took the name after
    that verb for the object. A root verb right after the only comma, with a subject before
    the comma and a finite verb of its own there: the finite verb before the comma heads
    the reported clause and takes its words; the phrase right after the verb is the
    subject (unless its article is accusative)."""
    commas = [i for i, t in enumerate(tokens) if t.text == ","]
    if len(commas) != 1:
        return
    v = commas[0] + 1
    if not (v + 1 < len(tokens) and heads[v] == v and tokens[v].pos.endswith("(FIN)")):
        return
    kids = _children(heads)
    before = [c for c in kids.get(v, ()) if c < v - 1]
    finite = [c for c in range(v - 1) if tokens[c].pos.endswith("(FIN)")]
    subjects = [c for c in before if deps[c].startswith("nsubj")]
    after = _next_nominal(tokens, v + 1)
    if not (
        after is not None
        and len(finite) == 1
        and subjects
        and morph.case_of(tokens[v + 1].text) in (None, "nom")  # not "den": an object
        and heads[after] == v
        and deps[after] == "obj"
        and not any(deps[c].startswith("nsubj") for c in kids.get(v, ()) if c > v)
    ):
        return
    f = finite[0]
    for c in before:
        if c != f:
            heads[c] = f
    heads[f], deps[f] = v, "ccomp"
    deps[after] = "nsubj"


def _next_nominal(tokens: Sequence[Token], k: int) -> int | None:
    while k < len(tokens) and tokens[k].pos in ("ART", "ADJ(A)", "PPOSAT", "PIAT", "CARD"):
        k += 1
    return k if k < len(tokens) and tokens[k].pos in ("NN", "NE", "PPER", "PDS") else None


def correlative_coordination(
    tokens: Sequence[Token], heads: list[int], deps: list[str], morph: Morphology
) -> None:
    """ "weder A noch B", "sowohl A als auch B" is one coordination: B a conjunct of A, the
    first word its preconjunct (the pairs are ``correlative_conjunctions`` of the data)."""
    for i, t in enumerate(tokens):
        second = morph.correlative_conjunctions.get(t.text.lower())
        a = _next_nominal(tokens, i + 1) if second else None
        if a is None:
            continue
        j = next((k for k in range(i + 1, len(tokens)) if tokens[k].text.lower() == second), None)
        if j is None:
            continue
        k = j + 1
        while k < len(tokens) and tokens[k].pos == "ADV":
            k += 1  # "als auch"
        b = _next_nominal(tokens, k)
        if b is None or b == a or heads[a] == b:
            continue
        heads[b], deps[b] = a, "conj"
        heads[j], deps[j] = b, "cc"
        for m in range(j + 1, k):
            heads[m], deps[m] = j, "fixed"
        heads[i], deps[i] = a, "cc:preconj"


def one_subject(
    tokens: Sequence[Token], heads: list[int], deps: list[str], morph: Morphology
) -> None:
    """Of two subjects left on one verb, a later one whose article can be dative is the
    dative ("Moldau gehört weder der EU noch …")."""
    kids = _children(heads)
    for own in kids.values():
        subj = [c for c in own if deps[c] == "nsubj"]
        for extra in subj[1:]:
            # only where its article can be dative ("gehört weder der EU noch …"): other
            # second subjects are as often the real one as not
            dets = [k for k in kids.get(extra, ()) if tokens[k].pos == "ART"]
            if dets and morph.may_be_dative(tokens[dets[0]].text):
                deps[extra] = "iobj"
            elif _case(tokens, kids.get(extra, ()), deps, extra, morph) != "nom" and (
                _finite_between(tokens, kids, deps, subj[0], extra, morph)
            ):
                # "Die Richter haben … die Gefolgschaft verweigert": the phrase before the
                # finite verb is the subject, the one after it the object, unless its form
                # is a nominative ("Was will man mehr?")
                deps[extra] = "obj"


def _finite_between(
    tokens: Sequence[Token],
    kids: dict[int, list[int]],
    deps: Sequence[str],
    a: int,
    b: int,
    morph: Morphology,
) -> bool:
    """A finite verb stands between tokens ``a`` and ``b`` and neither shows its case."""
    if any(_case(tokens, kids.get(x, ()), deps, x, morph) for x in (a, b)):
        return False
    return any(tokens[k].pos.endswith("(FIN)") for k in range(a + 1, b))


def no_dative_genitives(
    tokens: Sequence[Token], heads: list[int], deps: list[str], morph: Morphology
) -> None:
    """A noun attribute without preposition is a genitive: one whose article shows the
    dative or the accusative ("trat Somalia dem Abkommen bei", "gratulierte auf Twitter
    dem Präsidenten") is an object of the verb, not an attribute."""
    kids = _children(heads)
    for i, dep in enumerate(deps):
        if dep != "nmod" or any(deps[c] == "case" for c in kids.get(i, ())):
            continue
        case = _case(tokens, kids.get(i, ()), deps, i, morph)
        if case not in ("dat", "acc"):
            continue
        v = _governing_verb(tokens, heads, i)
        if v is not None:
            heads[i], deps[i] = v, "iobj" if case == "dat" else "obj"


def _governing_verb(tokens: Sequence[Token], heads: Sequence[int], i: int) -> int | None:
    """The nearest verb above token ``i``, or ``None``."""
    v, seen = heads[i], {i}
    while v not in seen and not tokens[v].pos.startswith(("VV", "VA", "VM")) and heads[v] != v:
        seen.add(v)
        v = heads[v]
    return v if tokens[v].pos.startswith(("VV", "VA", "VM")) else None


def particles_belong_to_the_verb(
    tokens: Sequence[Token], heads: list[int], deps: list[str], morph: Morphology
) -> None:
    """A verb's separable particle is never the preposition of the phrase after it:
    "Kolumbien und Venezuela gehören der Unasur ebenso an wie Ecuador" ("wie Ecuador" is
    the comparison, "an" belongs to "gehören")."""
    for i, t in enumerate(tokens):
        if t.pos != "PTKVZ" or deps[i] != "case":
            continue
        v = _governing_verb(tokens, heads, i)
        if v is not None and v < i:
            heads[i], deps[i] = v, "compound:prt"


def names_take_no_article_genitive(
    tokens: Sequence[Token], heads: list[int], deps: list[str], morph: Morphology
) -> None:
    """A proper name takes no genitive with an article after it (the treebanks hold three
    in 4,000 sentences): "der SOZ" after a name is the verb's dative ("gehören wie Russland
    und Pakistan der SOZ an", "das wie Jordanien der Arabischen Liga angehört"). A common
    noun keeps its genitive ("die Mitglieder der SOZ")."""
    kids = _children(heads)
    for i, dep in enumerate(deps):
        h = heads[i]
        if dep != "nmod" or h > i or tokens[h].pos != "NE":
            continue
        own = kids.get(i, ())
        dets = [c for c in own if deps[c] == "det"]
        if any(deps[c] == "case" for c in own) or not dets:
            continue
        if not morph.may_be_dative(tokens[dets[0]].text):
            continue
        v = _governing_verb(tokens, heads, i)
        if v is not None:
            heads[i], deps[i] = v, "iobj"


def prenominal_genitives_end_in_s(
    tokens: Sequence[Token], heads: list[int], deps: list[str], morph: Morphology
) -> None:
    """A name before a noun is its genitive only in the genitive form ("Frankreichs
    Soldaten", ``nmod`` also where the parse leaves it ``dep``): a bare name the parse
    hangs on the next noun ("in dem Frankreich Soldaten
    stationiert hatte") is the clause's subject, or its object where it has a subject."""
    kids = _children(heads)
    for i, dep in enumerate(deps):
        h = heads[i]
        if (
            dep == "dep"
            and h == i + 1
            and tokens[i].pos == "NE"
            and tokens[h].pos == "NN"
            and tokens[i].text.endswith("s")
        ):
            deps[i] = "nmod"  # "Kenias Regierung": the genitive the parse left unnamed
            continue
        if dep not in ("nmod", "nmod:poss") or h <= i or tokens[i].pos != "NE":
            continue
        if tokens[h].pos != "NN":
            continue
        if tokens[i].text[-1:] in ("s", "'", "ß", "x", "z") or kids.get(i):
            continue
        v = _governing_verb(tokens, heads, i)
        if v is None:
            continue
        if deps[h] == "nsubj" and heads[h] == v and dep == "nmod:poss":
            # "sagte Macron weitere Hilfe zu": the name before the noun the parse made the
            # subject is the subject, the noun the object
            heads[i], deps[i], deps[h] = v, "nsubj", "obj"
        else:
            has_subject = any(deps[c].startswith("nsubj") for c in kids.get(v, ()))
            heads[i], deps[i] = v, "obj" if has_subject else "nsubj"
        kids = _children(heads)


def genitive_names_modify_the_noun(
    tokens: Sequence[Token], heads: list[int], deps: list[str], morph: Morphology
) -> None:
    """A name in the genitive before a noun ("Raisis politischer Berater X schrieb") is
    that noun's attribute: where the parse makes the name the phrase's head and the noun
    its dependent, the noun takes the name's place in the clause."""
    for i, t in enumerate(tokens):
        if t.pos != "NE" or not t.text.endswith("s") or len(t.text) < 4:
            continue
        n = i + 1
        while n < len(tokens) and tokens[n].pos.startswith("ADJ"):
            n += 1
        if n >= len(tokens) or tokens[n].pos != "NN" or heads[n] != i:
            continue
        if deps[n] not in ("nmod", "appos", "dep", "flat") or heads[i] == i:
            continue
        if deps[i] not in ("nsubj", "nsubj:pass", "obj", "iobj"):
            continue  # inside a list or phrase the parse's reading stands
        heads[n], deps[n] = heads[i], deps[i]
        heads[i], deps[i] = n, "nmod"
        for c in range(i + 1, n):  # the adjectives are the noun's
            if heads[c] == i:
                heads[c] = n


def postnominal_genitive_names(
    tokens: Sequence[Token], heads: list[int], deps: list[str], morph: Morphology
) -> None:
    """A name in its genitive form right after a noun with an article is that noun's
    attribute ("erklärte die Regierung Kenias": Kenya's government spoke), not a second
    argument of the verb; the form tells: "Kenias" is "Kenia" + s, "Tunis" is its lemma."""
    kids = _children(heads)
    for i in range(1, len(tokens)):
        t, noun = tokens[i], i - 1
        if (
            t.pos == "NE"
            and t.text == t.lemma + "s"
            and deps[i] in ("nsubj", "obj", "iobj")
            and tokens[noun].pos == "NN"
            and heads[noun] == heads[i]
            and any(tokens[c].pos in ("ART", "PPOSAT") for c in kids.get(noun, ()))
        ):
            heads[i], deps[i] = noun, "nmod"


def coordination_leaves_a_closed_relative_clause(
    tokens: Sequence[Token], heads: list[int], deps: list[str], morph: Morphology
) -> None:
    """A finite verb after ", und" that the parse coordinated with the verb of a relative
    clause, with no subject of its own, continues the clause the relative clause is
    embedded in: the comma closed the relative clause ("X sprach von einem Vorgang, der
    wie ein Staatsstreich aussehe, und verlangte die Rückkehr …": X demands)."""
    kids = _children(heads)
    for v, dep in enumerate(deps):
        h = heads[v]
        if dep != "conj" or deps[h] != "acl:relcl" or not tokens[v].pos.endswith("(FIN)"):
            continue
        if any(deps[c].startswith(("nsubj", "expl")) for c in kids.get(v, ())):
            continue
        cc = [c for c in kids.get(v, ()) if deps[c] == "cc" and c < v]
        if not cc or cc[0] == 0 or tokens[cc[0] - 1].text != ",":
            continue
        target = _governing_verb(tokens, heads, h)
        if target is not None and target != v:
            heads[v] = target


def closed_relative_clauses_keep_their_words(
    tokens: Sequence[Token], heads: list[int], deps: list[str], morph: Morphology
) -> None:
    """A relative clause ends at the comma after its verb: an adverbial the parse hangs on
    that verb from beyond the comma is the verb's of the clause around it ("berieten die
    Außenminister der Liga, der beide Länder angehören, am Freitag über die Krise")."""
    kids = _children(heads)
    for v, dep in enumerate(deps):
        if dep != "acl:relcl" or not tokens[v].pos.startswith("V"):
            continue
        # the clause's last words are its verb and the verb's cluster, then a comma
        cluster = {v, *(c for c in kids.get(v, ()) if deps[c] in ("aux", "aux:pass", "cop"))}
        end = max(cluster)
        if end + 1 >= len(tokens) or tokens[end + 1].text != ",":
            continue
        target = _governing_verb(tokens, heads, heads[v])
        if target is None:
            continue
        for c in kids.get(v, ()):
            if c > end + 1 and deps[c] in ("obl", "advmod"):
                heads[c] = target


def als_opens_a_clause(
    tokens: Sequence[Token], heads: list[int], deps: list[str], morph: Morphology
) -> None:
    """ "…, als georgische Truppen die Hauptstadt angriffen": "als" after a comma, or
    opening the sentence ("Als äthiopische Truppen einmarschierten, …"), with a finite verb
    closing the clause is a conjunction, not a preposition; the phrase after it is the
    clause's subject, and a "subject" after that its object."""
    kids = _children(heads)
    for a, t in enumerate(tokens[:-2]):
        if t.text.lower() != "als" or (a > 0 and tokens[a - 1].text not in (",", "–", "—")):
            continue
        v = _verb_final(tokens, a)
        n = heads[a]
        if v is None or deps[a] != "case" or n == a or n > v or heads[n] != v:
            continue
        deps[a], heads[a] = "mark", v
        others = [c for c in kids.get(v, ()) if deps[c] == "nsubj" and c != n and c > n]
        deps[n] = "nsubj"
        for c in others:
            deps[c] = "obj"
        kids = _children(heads)


def adverbial_phrases_are_adverbs(
    tokens: Sequence[Token], heads: list[int], deps: list[str], morph: Morphology
) -> None:
    """A fixed adverbial phrase ("unter anderem", "vor allem") modifies the phrase after
    it, which keeps the function of the clause ("der unter anderem Polen und Estland
    angehören": Polen is an argument of "angehören", not of "anderem")."""
    for i in range(len(tokens) - 2):
        if not morph.is_adverbial_phrase(tokens[i].text, tokens[i + 1].text):
            continue
        x = next(
            (k for k in range(i + 2, min(len(tokens), i + 6)) if tokens[k].pos in ("NN", "NE")),
            None,
        )
        if x is None:
            continue
        v = next(
            (
                k
                for k in range(x + 1, len(tokens))
                if tokens[k].pos.startswith(("VV", "VA", "VM")) or tokens[k].text in (".", ";")
            ),
            None,
        )
        verb = v is not None and tokens[v].pos.startswith("V")
        # the parse hung the phrase on the adverb, or on a pronoun before it ("der unter
        # anderem Polen …": on "der"): it is an argument of the clause's verb
        misplaced = heads[x] in (i, i + 1) or (
            heads[x] < x and tokens[heads[x]].pos in ("PRELS", "PIS")
        )
        if v is not None and verb and misplaced:
            heads[x], deps[x] = v, "obj"
        heads[i], deps[i] = x, "advmod"
        heads[i + 1], deps[i + 1] = i, "fixed"


def floating_quantifiers(
    tokens: Sequence[Token], heads: list[int], deps: list[str], morph: Morphology
) -> None:
    """A quantifier right after the finite verb of a clause that has its subject already
    ("Kenia und Uganda gehören beide der EAC an"), or right after the subject of a clause
    that ends in its verb ("…, die beide der Asean angehören"), floats off that subject:
    it is no argument, and the phrase the parse hung on it is the verb's."""
    kids = _children(heads)
    for i in range(1, len(tokens) - 1):
        v = heads[i]
        if not (
            tokens[i].pos == "PIS"
            and morph.is_floating_quantifier(tokens[i].text)
            and v != i
            and tokens[v].pos.startswith("V")
            and any(deps[c] == "nsubj" for c in kids.get(v, ()) if c != i)
            and (
                (v == i - 1 and tokens[v].pos.endswith("(FIN)"))
                or (v > i and deps[i - 1] == "nsubj" and heads[i - 1] == v)
            )
        ):
            continue
        for n in kids.get(i, ()):
            if deps[n] in ("nmod", "obl", "obj", "iobj"):
                particle = "".join(
                    tokens[c].text.lower() for c in kids.get(v, ()) if deps[c] == "compound:prt"
                )
                dative = morph.takes_dative(particle + tokens[v].lemma.lower())
                heads[n], deps[n] = v, "iobj" if dative else "obj"
        deps[i] = "advmod"


def prepositions_read_as_conjunctions(
    tokens: Sequence[Token], heads: list[int], deps: list[str], morph: Morphology
) -> None:
    """ "Während der Gespräche hatte die Delegation X vorgeworfen, …": a word that is a
    preposition or a conjunction (``morph.conjunction_prepositions``) before an article
    and a noun phrase that the finite verb of a main clause follows (the verb-second
    position, with more of the clause after it) opens a phrase, not a clause; the verb the
    parse subordinated to a later one is the main clause's."""
    for j, t in enumerate(tokens):
        if t.text.lower() not in morph.conjunction_prepositions or deps[j] != "mark":
            continue
        if j + 1 >= len(tokens) or tokens[j + 1].pos != "ART":
            continue
        f = j + 1
        while f < len(tokens) and tokens[f].pos in ("ART", "ADJ(A)", "PPOSAT", "PIAT", "CARD"):
            f += 1
        if f >= len(tokens) or tokens[f].pos not in ("NN", "NE"):
            continue
        n, f = f, f + 1
        if f + 1 >= len(tokens) or not tokens[f].pos.endswith("(FIN)"):
            continue
        if tokens[f + 1].pos.startswith("$"):
            continue  # "während der Präsident sprach," closes a clause at its verb
        v = heads[j]
        heads[j], deps[j] = n, "case"
        heads[n], deps[n] = v, "obl"
        r = heads[v]
        if deps[v] == "advcl" and r > v:
            # the clause the parse put first is the main one: what followed the comma is
            # its complement ("…, seine Truppen hätten die Waffenruhe gebrochen")
            heads[v], deps[v] = v, "root"
            heads[r], deps[r] = v, "ccomp"
            for x in range(r + 1, len(tokens)):
                if heads[x] == r and tokens[x].pos.startswith("$"):
                    heads[x] = v


def perfect_is_one_predicate(
    tokens: Sequence[Token], heads: list[int], deps: list[str], morph: Morphology
) -> None:
    """ "haben A und B … verhandelt" is one predicate with a coordinated subject, not two
    clauses "haben A" and "B verhandelt": a participle or infinitive the parse makes a
    conjunct of the auxiliary before it (no verb or comma between them) is the head, the
    auxiliary its ``aux``, and the phrase after "und" a conjunct of the subject."""
    for p, t in enumerate(tokens):
        h = heads[p]
        if deps[p] != "conj" or h >= p or not t.pos.endswith(("(PP)", "(INF)")):
            continue
        if not tokens[h].pos.startswith(("VA", "VM")) or not tokens[h].pos.endswith("(FIN)"):
            continue
        if any(x.pos.startswith("V") or x.text == "," for x in tokens[h + 1 : p]):
            continue
        kids = _children(heads)
        heads[p], deps[p] = (p, "root") if heads[h] == h else (heads[h], deps[h])
        passive = t.pos.endswith("(PP)") and morph.is_passive_auxiliary(tokens[h].lemma)
        heads[h], deps[h] = p, "aux:pass" if passive else "aux"
        for c in kids.get(h, ()):
            if c != p:
                heads[c] = p
        subj = next((c for c in kids.get(h, ()) if deps[c].startswith("nsubj")), None)
        for u in kids.get(p, ()):
            if deps[u] != "cc" or subj is None or not subj < u < p:
                continue
            n = min(
                (c for c in kids.get(p, ()) if c > u and deps[c] in ("obj", "nsubj")), default=None
            )
            if n is not None:
                heads[n], deps[n] = subj, "conj"
                heads[u] = n


def auxiliaries_before_a_participle_are_no_copulas(
    tokens: Sequence[Token], heads: list[int], deps: list[str], morph: Morphology
) -> None:
    """ "Erstmals sind die Präsidenten Chinas und Taiwans zusammengekommen": a finite "sein"
    or "haben" the parse made the copula of a noun, with the clause's participle after that
    noun, is the participle's auxiliary; the noun's subject is the participle's, and a
    genitive name right after that subject is its attribute."""
    kids = _children(heads)
    for c, t in enumerate(tokens):
        h = heads[c]
        if deps[c] != "cop" or t.pos != "VA(FIN)" or h <= c or tokens[h].pos not in ("NN", "NE"):
            continue
        p = next(
            (
                k
                for k in range(h + 1, len(tokens))
                if tokens[k].pos == "VV(PP)"
                or tokens[k].pos.endswith("(FIN)")
                or tokens[k].text == ","
            ),
            None,
        )
        if p is None or tokens[p].pos != "VV(PP)" or heads[h] != p:
            continue
        if any(deps[k] == "aux:pass" for k in kids.get(p, ())):
            continue  # "war … vereinbart worden": the passive's own reading stands
        heads[c], deps[c] = p, "aux"
        for k in kids.get(h, ()):
            if k < c and deps[k] in ("advmod", "obl"):
                heads[k] = p  # "Erstmals sind …": the clause's adverbial
        subj = next((k for k in kids.get(h, ()) if deps[k] == "nsubj"), None)
        if subj is None:
            continue
        heads[subj] = p
        if (
            subj < h
            and tokens[h].text.endswith("s")
            and all(heads[k] == subj or heads[k] == h for k in range(subj + 1, h))
        ):
            heads[h], deps[h] = subj, "nmod"  # "die Präsidenten Chinas …"
        else:
            heads[h], deps[h] = p, "obl"


def verbs_coordinate_with_verbs(
    tokens: Sequence[Token], heads: list[int], deps: list[str], morph: Morphology
) -> None:
    """ "X nannte Y im Sender Z einen Verbrecher und warf ihm vor, …": a finite verb after
    "und" that the parse coordinated with a noun is coordinated with the finite verb
    before it in the sentence (and so shares its subject)."""
    for v, t in enumerate(tokens):
        if not (t.pos.endswith("(FIN)") and t.pos.startswith("V") and deps[v] == "conj"):
            continue
        h = heads[v]
        if h == v or tokens[h].pos.startswith("V") or h > v:
            continue
        if not (v > 0 and tokens[v - 1].text.lower() in _COORDINATORS):
            continue
        before = [
            j
            for j in range(v - 1, -1, -1)
            if tokens[j].pos.startswith(("VV", "VA", "VM")) and tokens[j].pos.endswith("(FIN)")
        ]
        if not before:
            continue
        f = before[0]
        # the content verb of the finite auxiliary's clause, if any
        while deps[f].startswith("aux") and heads[f] != f:
            f = heads[f]
        if f < v:
            heads[v] = f


def was_is_no_subject_beside_a_name(
    tokens: Sequence[Token], heads: list[int], deps: list[str], morph: Morphology
) -> None:
    """ "…, was Damaskus bestreitet": a relative "was" the parse makes the subject, with a
    name hung on it, is the object; the name is the subject.

    >>> toks = [Token(i, 0, 0, w, l, p) for i, (w, l, p) in enumerate(
    ...     [("was", "wer", "PRELS"), ("Damaskus", "Damaskus", "NE"),
    ...      ("bestreitet", "bestreiten", "VV(FIN)")])]
    >>> heads, deps = [2, 0, 2], ["nsubj", "compound", "root"]
    >>> was_is_no_subject_beside_a_name(toks, heads, deps, load_morphology())
    >>> heads, deps
    ([2, 2, 2], ['obj', 'nsubj', 'root'])
    """
    kids = _children(heads)
    for w, t in enumerate(tokens):
        if t.text.lower() != "was" or not deps[w].startswith("nsubj"):
            continue
        names = [
            c
            for c in kids.get(w, ())
            if c == w + 1 and tokens[c].pos == "NE" and deps[c] in ("compound", "flat", "nmod")
        ]
        if names:
            v = heads[w]
            heads[names[0]], deps[names[0]] = v, "nsubj"
            deps[w] = "obj"


def time_phrases_are_adverbials(
    tokens: Sequence[Token], heads: list[int], deps: list[str], morph: Morphology
) -> None:
    """ "Eine Woche nach dem Abgang von X haben A und B …": a phrase of a unit of time is
    when, not who (``obl``), and no subject or object; the clause's subject is elsewhere;
    so is a month or weekday ("Ende September eroberten …").
    So is the bare noun that fills the time ("nach sieben Jahren Bürgerkrieg")."""
    kids = _children(heads)
    for i, dep in enumerate(deps):
        if dep == "nsubj" and tokens[i].lemma.lower() in morph.calendar_nouns:
            deps[i] = "obl"  # "Ende September eroberten …": a month says when
            continue
        if (
            dep in ("nsubj", "obj")
            and tokens[i].lemma.lower() in morph.period_part_nouns
            and any(
                deps[c] == "nmod" and morph.is_time_noun(tokens[c].lemma) for c in kids.get(i, ())
            )
        ):
            deps[i] = "obl"  # "Mitte des Monats nahmen …": part of a time says when
            continue
        if dep not in ("nsubj", "obj") or not morph.is_time_noun(tokens[i].lemma):
            continue
        if any(
            deps[c] in ("det", "nummod", "amod") or tokens[c].pos in ("PIAT", "CARD")
            for c in kids.get(i, ())
        ):
            deps[i] = "obl"  # "Wenige Stunden vor dem Treffen …"
    for i in range(1, len(tokens)):
        # "Nach sieben Jahren Bürgerkrieg haben A und B …": the bare noun after a unit of
        # time in a prepositional phrase is what filled the time, no argument of the verb
        t, unit = tokens[i], i - 1
        if (
            t.pos == "NN"
            and deps[i] in ("nsubj", "obj", "iobj")
            and tokens[unit].pos == "NN"
            and morph.is_time_noun(tokens[unit].lemma)
            and any(deps[c] == "case" for c in kids.get(unit, ()))
            and not any(deps[c] in ("det", "case", "det:poss") for c in kids.get(i, ()))
            and i not in _path_to_root(heads, unit)
        ):
            heads[i], deps[i] = unit, "nmod"
    for i, t in enumerate(tokens):
        # a bare year ("trat 2023 der Nato bei") is when; a phrase the parse hangs on it
        # is the verb's ("der Nato": its dative where the verb takes one)
        if t.pos == "CARD" and _YEAR.fullmatch(t.text) and deps[i] == "case":
            _year_before_an_article(tokens, heads, deps, morph, i)
            kids = _children(heads)
            continue
        if (
            t.pos != "CARD"
            or not _YEAR.fullmatch(t.text)
            or deps[i] not in ("nsubj", "obj", "iobj")
        ):
            continue
        v = heads[i]
        deps[i] = "obl"
        if not tokens[v].pos.startswith("V"):
            continue
        particle = "".join(
            tokens[c].text.lower() for c in kids.get(v, ()) if deps[c] == "compound:prt"
        )
        dative = morph.takes_dative(particle + tokens[v].lemma.lower())
        for c in kids.get(i, ()):
            if deps[c] == "nmod" and not any(deps[k] == "case" for k in kids.get(c, ())):
                heads[c], deps[c] = v, "iobj" if dative else "obj"


_YEAR = re.compile(r"1[89]\d\d|20\d\d")


def _year_before_an_article(
    tokens: Sequence[Token], heads: list[int], deps: list[str], morph: Morphology, i: int
) -> None:
    """A bare year the parse made the "preposition" of the phrase after it ("ist 2017 der
    Nato beigetreten"): the year is the verb's adverbial, and the phrase, an article's
    and with no preposition left, the verb's object (its dative where it takes one)."""
    h = heads[i]
    kids = _children(heads)
    if h <= i + 1 or tokens[i + 1].pos != "ART" or deps[h] != "obl":
        return
    if any(deps[c] == "case" and c != i for c in kids.get(h, ())):
        return
    v = heads[h]
    if not tokens[v].pos.startswith("V"):
        return
    heads[i], deps[i] = v, "obl"
    particle = "".join(tokens[c].text.lower() for c in kids.get(v, ()) if deps[c] == "compound:prt")
    lemma = tokens[v].lemma.lower()
    deps[h] = "iobj" if morph.takes_dative(particle + lemma) or morph.takes_dative(lemma) else "obj"


def days_take_no_phrases(
    tokens: Sequence[Token], heads: list[int], deps: list[str], morph: Morphology
) -> None:
    """ "berieten am Freitag über die Krise": a prepositional phrase the parse hangs on a
    weekday or month that says when the verb happens is the verb's (``obl``)."""
    kids = _children(heads)
    for d, t in enumerate(tokens):
        v = heads[d]
        if (
            t.lemma.lower() not in morph.calendar_nouns
            or deps[d] != "obl"
            or v == d
            or not tokens[v].pos.startswith("V")
        ):
            continue
        for c in kids.get(d, ()):
            if c > d and deps[c] == "nmod" and any(deps[k] == "case" for k in kids.get(c, ())):
                heads[c], deps[c] = v, "obl"


def names_after_time_phrases(
    tokens: Sequence[Token], heads: list[int], deps: list[str], morph: Morphology
) -> None:
    """ "der erst Ende vergangenen Jahres der GUS beigetreten ist": a unit of time has no
    name for its genitive; the name after it is the verb's (its dative where the verb
    takes one), and the phrase of time ("Ende … Jahres") says when."""
    kids = _children(heads)
    for i, t in enumerate(tokens):
        if t.pos != "NN" or not morph.is_time_noun(t.lemma):
            continue
        for c in kids.get(i, ()):
            if (
                c < i
                or deps[c] != "nmod"
                or tokens[c].pos != "NE"
                or any(deps[k] == "case" for k in kids.get(c, ()))
            ):
                continue
            top = i
            while deps[top] == "nmod" and heads[top] != top:
                top = heads[top]  # "Ende" of "Ende vergangenen Jahres"
            v = heads[top]
            if not tokens[v].pos.startswith("V"):
                continue
            particle = "".join(
                tokens[k].text.lower() for k in kids.get(v, ()) if deps[k] == "compound:prt"
            )
            dative = morph.takes_dative(particle + tokens[v].lemma.lower())
            heads[c], deps[c] = v, "iobj" if dative else "obj"
            if deps[top] in ("nsubj", "obj", "iobj"):
                deps[top] = "obl"


def _path_to_root(heads: Sequence[int], i: int) -> list[int]:
    """``i`` and its governors up to the root (a node may not be attached beneath itself)."""
    out = [i]
    while heads[out[-1]] != out[-1] and len(out) <= len(heads):
        out.append(heads[out[-1]])
    return out


def relative_clauses_attach_left(
    tokens: Sequence[Token], heads: list[int], deps: list[str], morph: Morphology
) -> None:
    """A clause opened by a relative pronoun after a comma ("…, der beide Länder
    angehören", "…, mit dem X verhandelt hatte") is a relative clause (``acl:relcl``) of
    the noun right before the comma, never a conjunct, a clause of the main verb or of a
    noun further back, unless that noun cannot agree with the pronoun. The tagger
    reads "der" in "…, der Burundi angehört" as an article: a verb-final clause opened by
    such a form is a relative clause all the same, the form its own phrase."""
    kids = _children(heads)
    for r, t in enumerate(tokens):
        k = r - 1
        if k > 0 and tokens[k].pos in ("APPR", "APPRART"):
            k -= 1  # "…, mit dem"
        if k < 1 or tokens[k].text != ",":
            continue
        if t.pos == "PRELS":
            v = _governing_verb(tokens, heads, r)
            if v is not None and deps[r] == "det":  # "der Marokko … beigetreten ist"
                _relative_article(tokens, heads, deps, morph, r, v)
            elif v is not None:
                _relative_dative(tokens, heads, deps, morph, r, v)
        elif t.pos == "ART" and morph.is_relative_form(t.text) and k == r - 1:
            v = _verb_final(tokens, r)
            if (
                v is not None
                and tokens[v].pos == "VV(PP)"
                and tokens[heads[v]].pos.startswith(("VA", "VM"))
            ):
                # a participle the parse gives an auxiliary ("hatten die Rebellen, …, die
                # Stadt erobert"): the main clause's, closing its bracket
                v = None
            if v is not None:
                _relative_article(tokens, heads, deps, morph, r, v)
        else:
            continue
        if v is not None and v > r and deps[v] == "root":
            # a root relative verb: the main clause before the comma is the root instead
            # ("Vermittelt hatte die Igad, der X angehören"); with none, leave it whole
            main = _main_verb_before(tokens, heads, v, k)
            if main is not None:
                heads[main], deps[main] = main, "root"
                heads[v], deps[v] = main, "dep"  # attached to its antecedent below
        if v is None or v < r or deps[v] == "root":
            continue
        _pronoun_takes_no_nominal(tokens, heads, deps, r, v)
        n = _antecedent(tokens, heads, deps, k - 1)
        if n is None:
            continue
        # what stands before the comma belongs to the clause above ("statt" of "fand …
        # statt, der …", the subject of "Die X (OAU), der Y angehört, begrüßte …")
        for c in kids.get(v, ()):
            if c < k and c not in _span(kids, r):
                heads[c] = heads[v]
        kids = _children(heads)
        if n in _span(kids, v):
            continue
        heads[v], deps[v] = n, "acl:relcl"
        _agreeing_antecedent(tokens, heads, deps, morph, r, v)
        kids = _children(heads)


def second_verbs_open_no_relative_clause(
    tokens: Sequence[Token], heads: list[int], deps: list[str], morph: Morphology
) -> None:
    """A relative clause puts its finite verb last: "…, die Rebellen hätten eingelenkt"
    with the auxiliary right after the first phrase and the participle after it is a
    clause of its own (reported speech), not "die" as a relative pronoun. The auxiliary
    serves the participle, "die" is the noun's determiner and the noun the subject."""
    for v, t in enumerate(tokens):
        if (
            deps[v] != "acl:relcl"
            or not t.pos.startswith(("VA", "VM"))
            or not t.pos.endswith("(FIN)")
        ):
            continue
        n = v - 1
        a = n - 1
        while a > 0 and tokens[a].pos.startswith("ADJ"):
            a -= 1
        if not (
            tokens[n].pos in ("NN", "NE")
            and a >= 1
            and tokens[a].text.lower() in ("die", "der", "das")
            and tokens[a - 1].text == ","
        ):
            continue
        kids = _children(heads)
        p = next(
            (
                x
                for x in range(v + 1, len(tokens))
                if tokens[x].pos.startswith("V") and not tokens[x].pos.endswith("(FIN)")
            ),
            None,
        )
        if (
            p is None
            or p in _span(kids, v)
            or any(
                tokens[x].text in (",", ";") or tokens[x].pos.startswith("$.")
                for x in range(v + 1, p)
            )
        ):
            continue
        passive = tokens[p].pos.endswith("(PP)") and morph.is_passive_auxiliary(t.lemma)
        for c in kids.get(v, ()):
            heads[c] = p
        heads[v], deps[v] = p, "aux:pass" if passive else "aux"
        heads[a], deps[a] = n, "det"
        heads[n], deps[n] = p, "nsubj:pass" if passive else "nsubj"
        if deps[p].startswith("acl"):
            # a clause of its own is no attribute of the noun before the comma: it
            # complements the verb above ("erklärte das Ministerium, die Rebellen …")
            up = _governing_verb(tokens, heads, p)
            if up is not None:
                heads[p], deps[p] = up, "ccomp"


def _pronoun_takes_no_nominal(
    tokens: Sequence[Token], heads: list[int], deps: list[str], r: int, v: int
) -> None:
    """A relative pronoun heads no noun phrase: a name or noun the parse hangs on it ("der
    … auch Uganda, Äthiopien … angehören") is an argument of the clause's verb, its
    subject where the verb has none."""
    for c in range(len(tokens)):
        if heads[c] != r or deps[c] not in ("nmod", "appos") or tokens[c].pos not in ("NE", "NN"):
            continue
        has_subject = any(heads[x] == v and deps[x].startswith("nsubj") for x in range(len(tokens)))
        heads[c], deps[c] = v, ("obj" if has_subject else "nsubj")


def _main_verb_before(tokens: Sequence[Token], heads: Sequence[int], v: int, k: int) -> int | None:
    """The verb of a main clause before the comma at ``k`` whose words the parse hung on
    the relative verb ``v``: a finite verb there, the content verb first ("Vermittelt
    hatte …"); ``None`` when no finite verb stands before the comma or one opens a
    subordinate clause."""
    before = [j for j in range(k) if tokens[j].pos.startswith("V")]
    if not any(tokens[j].pos.endswith("(FIN)") for j in before):
        return None
    if any(t.pos in ("KOUS", "PRELS", "PWS", "PWAV") for t in tokens[:k]):
        return None
    content = [j for j in before if tokens[j].pos.startswith("VV")] or before
    m = content[0]
    return m if heads[m] == v else None


def _agreeing_antecedent(
    tokens: Sequence[Token],
    heads: list[int],
    deps: list[str],
    morph: Morphology,
    r: int,
    v: int,
) -> None:
    """A bare place name is neuter ("das Guatemala"): a relative pronoun that cannot be
    neuter ("der", "die") refers past it to the noun before ("den Bürgerkrieg in
    Guatemala beenden, der seit 1960 …")."""
    n = heads[v]
    if tokens[n].pos != "NE" or any(deps[c] == "det" for c in range(len(tokens)) if heads[c] == n):
        return
    if not morph.is_never_neuter(tokens[r].text):
        return
    for j in range(n - 1, -1, -1):
        if tokens[j].pos.startswith("V") or tokens[j].text in (",", ";", ":"):
            return
        if tokens[j].pos == "NN":
            heads[v] = j
            return


def _relative_dative(
    tokens: Sequence[Token],
    heads: list[int],
    deps: list[str],
    morph: Morphology,
    r: int,
    v: int,
) -> None:
    """With a verb that takes a dative, a relative pronoun that can be dative is it when
    the clause has another argument to be the subject ("der beide Länder angehören")."""
    if deps[r] not in ("nsubj", "obj") or heads[r] != v:
        return
    if not (morph.may_be_dative(tokens[r].text) and morph.takes_dative(tokens[v].lemma)):
        return
    # the other argument: a subject or object, or a phrase with no preposition the parse
    # calls oblique ("der außer den Philippinen auch Vietnam … angehören")
    others = [
        c
        for c in range(len(tokens))
        if heads[c] == v
        and c != r
        and (
            deps[c] in ("nsubj", "obj")
            or (
                deps[c] in ("obl", "nmod")
                and not any(heads[k] == c and deps[k] == "case" for k in range(len(tokens)))
            )
        )
    ]
    if others:
        deps[r] = "iobj"
        deps[others[0]] = "nsubj"


def _verb_final(tokens: Sequence[Token], r: int) -> int | None:
    """The finite verb that closes the clause opened at ``r`` ("der Burundi angehört ,"),
    when no verb comes before it in the clause; else ``None``."""
    k = r + 1
    while k < len(tokens) and not tokens[k].pos.startswith(("$", "V", "KOUS")):
        k += 1
    if k >= len(tokens) or not tokens[k].pos.startswith("V"):
        return None
    end = k
    while end + 1 < len(tokens) and tokens[end + 1].pos.startswith("V"):
        end += 1  # "beigetreten ist"
    if end + 1 < len(tokens) and not tokens[end + 1].pos.startswith("$"):
        return None
    # finite, or an infinitive form without "zu" (the tagger's reading of "angehören"), or
    # a participle in "-t" with no auxiliary after it (the tagger's reading of "angehört",
    # the same form as the present: a participle alone closes no clause)
    finite = (
        any(tokens[j].pos.endswith("(FIN)") for j in range(k, end + 1))
        or (tokens[end].pos.endswith("(INF)") and tokens[k - 1].pos != "PTKZU")
        or (end == k and tokens[k].pos == "VV(PP)" and tokens[k].text.endswith("t"))
    )
    return k if finite and k > r + 1 else None


def _relative_article(
    tokens: Sequence[Token],
    heads: list[int],
    deps: list[str],
    morph: Morphology,
    r: int,
    v: int,
) -> None:
    """Make the relative pronoun ``r``, read as an article, a phrase of its own under
    ``v``: the dative of a verb that takes one ("der Burundi angehört"), else the
    subject ("der Putin empfangen hatte"); the noun it was read with takes the other
    function."""
    n = heads[r]
    head = v
    while deps[head] in ("aux", "aux:pass", "cop") and heads[head] != head:
        head = heads[head]
    if tokens[r - 1].pos in ("APPR", "APPRART"):  # "in dem Frankreich … stationiert hat"
        heads[r], deps[r] = head, "obl"
        heads[r - 1], deps[r - 1] = r, "case"
        return
    lemma = tokens[head].lemma
    if morph.may_be_dative(tokens[r].text) and morph.takes_dative(lemma):
        heads[r], deps[r] = head, "iobj"
        own = "nsubj"
    else:
        heads[r], deps[r] = head, "nsubj"
        own = "obj"
    if n != r and n != head and deps[n] in ("nsubj", "obj", "iobj", "obl", "conj", "nmod"):
        heads[n], deps[n] = head, own


def _antecedent(
    tokens: Sequence[Token], heads: Sequence[int], deps: Sequence[str], k: int
) -> int | None:
    """The nominal head of the phrase that ends at token ``k`` (a closing parenthesis and
    the abbreviation in it skipped: "der Organisation … (OIC), der"), or, for a relative
    clause after the verb's closing particle or participle ("fand am Rande der Y statt,
    der …"), before them."""
    end = k
    while k >= 0 and tokens[k].pos.startswith(("PTKVZ", "VV", "VA", "VM")):
        k -= 1
    if k < end:
        # and the adverbs before them ("durch die OAS stets zurückgewiesen, der …")
        while k >= 0 and tokens[k].pos in ("ADV", "PTKNEG"):
            k -= 1
    if k >= 0 and tokens[k].text == ")":
        while k >= 0 and tokens[k].text != "(":
            k -= 1
        k -= 1
    if k < 0 or not tokens[k].pos.startswith(("NN", "NE")):
        return None
    seen = {k}
    while (
        deps[k] in ("flat", "appos", "flat:name", "compound")
        and heads[k] not in seen
        # (not across a semicolon: "… Außenministerin X; Schweden, das …" is Sweden's)
        and not any(tokens[j].pos == "$." for j in range(min(k, heads[k]), max(k, heads[k])))
    ):
        k = heads[k]
        seen.add(k)
    return k if tokens[k].pos.startswith(("NN", "NE")) else None


def dative_verbs_take_their_dative(
    tokens: Sequence[Token], heads: list[int], deps: list[str], morph: Morphology
) -> None:
    """A verb that takes a dative and has none finds it in a "der" phrase the parse hangs
    on its subject as a genitive ("warfen die Juntas der Staatengemeinschaft vor": the
    community is accused, not the juntas' owner)."""
    kids = _children(heads)
    for v, t in enumerate(tokens):
        if not t.pos.startswith("VV"):
            continue
        own = kids.get(v, ())
        particle = "".join(tokens[c].text.lower() for c in own if deps[c] == "compound:prt")
        if not morph.takes_dative(particle + t.lemma.lower()):
            continue
        if any(deps[c] in ("iobj", "obl:arg") for c in own):
            continue
        for s in (c for c in own if deps[c] == "nsubj"):
            for n in kids.get(s, ()):
                dets = [c for c in kids.get(n, ()) if deps[c] == "det"]
                if (
                    deps[n] == "nmod"
                    and n > s
                    and dets
                    and tokens[dets[0]].text.lower() == "der"
                    and not any(deps[c] == "case" for c in kids.get(n, ()))
                ):
                    heads[n], deps[n] = v, "iobj"
                    break


def comma_subjects(
    tokens: Sequence[Token], heads: list[int], deps: list[str], morph: Morphology
) -> None:
    """A list stays one phrase: a second "subject" right after a comma continues the first
    ("Die Armee, die Polizei und die Miliz zogen ab"), and so does any phrase of the same
    function right after a comma that goes on with "und"/"oder" ("daß Kirchen,
    Arbeitgeber und Staat Daten austauschen"), or a dative that continues a prepositional
    phrase ("mit Blair, dem Regierungschef X und Präsident Y")."""
    kids = _children(heads)
    for own in kids.values():
        for rel in ("nsubj", "obj", "iobj", "obl", "nmod"):
            same = [c for c in own if deps[c].split(":")[0] == rel]
            for a, b in itertools.pairwise(same):
                # (where the phrase begins: the comma the parse hangs on it is not its word)
                start = min(x for x in _span(kids, b) if deps[x] != "punct")
                if start == 0 or tokens[start - 1].text != "," or max(_span(kids, a)) != start - 2:
                    continue
                if rel == "nsubj" or any(deps[k] == "conj" for k in kids.get(b, ())):
                    heads[b], deps[b] = a, "conj"
        # "mit Blair, dem Regierungschef X und Präsident Y": a dative after the comma that
        # goes on with "und" continues the prepositional phrase before it
        for a in (c for c in own if deps[c].startswith("obl")):
            if not any(deps[k] == "case" for k in kids.get(a, ())):
                continue
            for b in (c for c in own if deps[c] in ("iobj", "obj") and c > a):
                start = min(_span(kids, b))
                if (
                    start > 0
                    and tokens[start - 1].text == ","
                    and max(_span(kids, a)) == start - 2
                    and any(deps[k] == "conj" for k in kids.get(b, ()))
                ):
                    heads[b], deps[b] = a, "conj"


def _span(kids: dict[int, list[int]], i: int) -> list[int]:
    """The tokens of the phrase headed by ``i`` (its subtree)."""
    out, todo = [i], [i]
    while todo:
        for c in kids.get(todo.pop(), ()):
            out.append(c)
            todo.append(c)
    return out


def _plural_phrase(
    tokens: Sequence[Token],
    kids: dict[int, list[int]],
    deps: Sequence[str],
    c: int,
    morph: Morphology,
    *,
    bare: bool = False,
) -> bool:
    """A coordination, or a noun whose form is not its lemma after a plural article or
    quantifier ("die Regierungschefs", "beide Minister"; "die Regierung" stays singular),
    or with ``bare`` one without an article ("zwei Jahre Gespräche")."""
    if any(deps[k] == "conj" for k in kids.get(c, ())):
        return True
    dets = [k for k in kids.get(c, ()) if k < c and tokens[k].pos in ("ART", "PIAT")]
    if (
        bare
        and not dets
        and tokens[c].pos == "NN"
        and not any(tokens[k].pos == "PPOSAT" for k in kids.get(c, ()))
    ):
        # a bare noun in an inflected form, not a genitive in -s: "zwei Jahre Gespräche"
        return _inflected(tokens[c]) and not tokens[c].text.endswith("s")
    return (
        bool(dets)
        and tokens[c].pos == "NN"
        and _inflected(tokens[c])
        and morph.is_plural_determiner(tokens[dets[-1]].text)
    )


def _inflected(tok: Token) -> bool:
    """The noun's form is not its lemma ("Regierungschefs"); letter case aside: HanTa
    writes "Un-generalversammlung" for "UN-Generalversammlung"."""
    return tok.text.lower() != tok.lemma.lower()


def relative_pronouns_agree(
    tokens: Sequence[Token], heads: list[int], deps: list[str], morph: Morphology
) -> None:
    """A relative pronoun of a plural antecedent is no subject of a singular verb: in
    "Gespräche, die der Diplomat X vermittelt hatte" the pronoun is the object and "der
    Diplomat" the subject."""
    kids = _children(heads)
    for r, t in enumerate(tokens):
        if t.pos != "PRELS" or deps[r] != "nsubj":
            continue
        v = heads[r]
        if deps[v] != "acl:relcl" or not _plural_phrase(
            tokens, kids, deps, heads[v], morph, bare=True
        ):
            continue
        fin = [v] if tokens[v].pos.endswith("(FIN)") else []
        fin += [c for c in kids.get(v, ()) if deps[c].startswith("aux") and c > r]
        if not fin or morph.is_plural_verb(tokens[fin[-1]].text):
            continue
        other = [
            c
            for c in kids.get(v, ())
            if deps[c] in ("obj", "iobj", "obl:arg")
            and c > r
            and not any(deps[k] == "case" for k in kids.get(c, ()))
        ]
        if other and not _plural_phrase(tokens, kids, deps, other[0], morph):
            deps[r], deps[other[0]] = "obj", "nsubj"
    _singular_relatives_agree(tokens, heads, deps, morph)


def _singular_relatives_agree(
    tokens: Sequence[Token], heads: list[int], deps: list[str], morph: Morphology
) -> None:
    """The mirror case: a relative pronoun of a singular antecedent is no subject of a
    plural verb ("Die Vereinbarung, die Kenia und Somalia unterzeichnet hatten": the
    pronoun is the object, the coordination the subject)."""
    kids = _children(heads)
    for r, t in enumerate(tokens):
        if t.pos != "PRELS" or deps[r] != "nsubj":
            continue
        v = heads[r]
        antecedent = heads[v]
        if deps[v] != "acl:relcl" or tokens[antecedent].pos != "NN":
            continue
        if tokens[antecedent].text.lower() != tokens[antecedent].lemma.lower():
            continue  # a noun in its lemma's form is singular ("Vereinbarung")
        fin = [v] if tokens[v].pos.endswith("(FIN)") else []
        fin += [c for c in kids.get(v, ()) if deps[c].startswith("aux") and c > r]
        if not fin or not morph.is_plural_verb(tokens[fin[-1]].text):
            continue
        other = [
            c
            for c in kids.get(v, ())
            if deps[c] == "obj" and c > r and any(deps[k] == "conj" for k in kids.get(c, ()))
        ]
        if other:
            deps[r], deps[other[0]] = "obj", "nsubj"


def agreement(
    tokens: Sequence[Token], heads: list[int], deps: list[str], morph: Morphology
) -> None:
    """A plural finite verb does not agree with a singular pronoun, a single name or a
    noun with a singular article ("Das bestätigten Ankara und Bagdad", "Der Nato gehören
    Estland und Lettland an", "Das Abkommen unterzeichneten Kenia und Äthiopien"): where
    the parse makes that the subject and a coordination the object, the coordination is
    the subject (the other the object, or the dative where its article can be dative). A
    plural noun phrase counts as a coordination does ("Das Abkommen paraphierten die
    Regierungschefs beider Seiten")."""
    kids = _children(heads)
    for v in range(len(tokens)):
        own = kids.get(v, ())
        fin = [v] if tokens[v].pos.endswith("(FIN)") else []
        fin += [c for c in own if deps[c].startswith("aux") and tokens[c].pos.endswith("(FIN)")]
        if not fin or not morph.is_plural_verb(tokens[fin[0]].text):
            continue

        def coordinated(c: int) -> bool:
            return any(deps[k] == "conj" for k in kids.get(c, ()))

        def singular(c: int) -> bool:
            if coordinated(c):
                return False
            if morph.is_singular_pronoun(tokens[c].text):
                return True
            if tokens[c].pos == "NE":  # a name, unless its form is inflected ("Truppen")
                return tokens[c].text == tokens[c].lemma
            dets = [k for k in kids.get(c, ()) if tokens[k].pos == "ART"]
            if dets and tokens[dets[0]].text.lower() == "der" and tokens[c].pos == "NN":
                # "der" before a noun in its lemma's form is singular ("Der Unterzeichnung
                # wohnten … bei"); only a genitive plural has "der" and is not
                return tokens[c].text == tokens[c].lemma
            if dets and _feminine_singular(tokens, dets[0], c, morph):
                return True
            return bool(dets) and morph.is_singular_determiner(tokens[dets[0]].text)

        subj = [c for c in own if deps[c] == "nsubj" and singular(c)]
        # a coordinated second "subject" counts only across the finite verb from the first
        # ("Der Nato gehören weder Serbien noch Bosnien an"), not beside it in one list
        coord = [
            c
            for c in own
            if _plural_phrase(tokens, kids, deps, c, morph, bare=True)
            and c not in subj
            and (
                deps[c] in ("obj", "iobj")
                or (deps[c] == "nsubj" and subj and (c < fin[0]) != (subj[0] < fin[0]))
            )
        ]
        if not subj and coord and not any(deps[c] == "nsubj" for c in own):
            # no subject at all, a plural phrase and a singular one as objects ("eroberten
            # abchasische Verbände die Regionalhauptstadt"): the plural one is the subject
            if any(deps[c] == "obj" and singular(c) and c not in coord for c in own):
                deps[coord[0]] = "nsubj"
            continue
        if subj and coord:
            dets = [tokens[k].text for k in kids.get(subj[0], ()) if tokens[k].pos == "ART"]
            deps[subj[0]] = "iobj" if dets and morph.may_be_dative(dets[0]) else "obj"
            deps[coord[0]] = "nsubj"


def _feminine_singular(tokens: Sequence[Token], det: int, c: int, morph: Morphology) -> bool:
    """ "die Stadt", "die Waffenruhe": "die" before a noun in its lemma's form with a
    feminine ending is a feminine singular ("die Taliban", "die Lehrer" are plurals)."""
    return (
        tokens[det].text.lower() == "die"
        and tokens[c].pos == "NN"
        and tokens[c].text == tokens[c].lemma
        and tokens[c].lemma.lower().endswith(tuple(morph.feminine_endings))
    )


def _nominative_singular(
    tokens: Sequence[Token], kids: dict[int, list[int]], deps: Sequence[str], c: int
) -> bool:
    """A noun phrase that can be a singular subject by its form: a name, or "der"/"ein"
    before a noun in its lemma's form ("der Sondergesandte"), with no preposition."""
    own = kids.get(c, ())
    if any(deps[k] in ("case", "conj") for k in own):
        return False
    lemma_form = tokens[c].text.lower() == tokens[c].lemma.lower()
    if tokens[c].pos == "NE":
        return lemma_form
    dets = [k for k in own if k < c and tokens[k].pos == "ART"]
    return (
        tokens[c].pos == "NN"
        and lemma_form
        and bool(dets)
        and tokens[dets[0]].text.lower() in ("der", "ein")
    )


def singular_verbs_agree(
    tokens: Sequence[Token], heads: list[int], deps: list[str], morph: Morphology
) -> None:
    """A singular finite verb does not agree with a plural noun phrase: where the parse
    makes one its subject, the singular phrase beside it, or the one it took for that
    phrase's genitive, is the subject ("Vermittelt hatte die Gespräche der
    UN-Sondergesandte": "der UN-Sondergesandte" vermittelte)."""
    kids = _children(heads)
    for v in range(len(tokens)):
        own = kids.get(v, ())
        fin = [v] if tokens[v].pos.endswith("(FIN)") else []
        fin += [c for c in own if deps[c].startswith("aux") and tokens[c].pos.endswith("(FIN)")]
        if not fin or morph.is_plural_verb(tokens[fin[0]].text):
            continue
        subj = [
            c
            for c in own
            if deps[c] == "nsubj"
            and tokens[c].pos == "NN"
            and not any(deps[k] == "conj" for k in kids.get(c, ()))
            and _plural_phrase(tokens, kids, deps, c, morph)
        ]
        if not subj:
            continue
        s = subj[0]
        beside = [
            c for c in own if deps[c] == "obj" and _nominative_singular(tokens, kids, deps, c)
        ]
        genitive = [
            c
            for c in kids.get(s, ())
            if deps[c] == "nmod" and c > s and _nominative_singular(tokens, kids, deps, c)
        ]
        if not beside and not genitive:
            continue
        other = (beside or genitive)[0]
        heads[other], deps[other], deps[s] = v, "nsubj", "obj"


def feminine_der_is_no_subject(
    tokens: Sequence[Token], heads: list[int], deps: list[str], morph: Morphology
) -> None:
    """ "Der Regierung Israels hatte Khartum vorgeworfen, …": "der" before a singular noun
    that only a feminine can be (``morph.feminine_only_endings``) is a dative or genitive,
    never the subject; where the parse makes it one, the verb's object with no case shown is
    the subject, and the phrase its dative."""
    kids = _children(heads)
    for c, dep in enumerate(deps):
        # (a phrase the recogniser named, "der Führung in Nairobi", reaches the rules as a
        # proper noun)
        if dep != "nsubj" or tokens[c].pos not in ("NN", "NE"):
            continue
        if tokens[c].text != tokens[c].lemma:
            continue
        if not tokens[c].lemma.lower().endswith(tuple(morph.feminine_only_endings)):
            continue
        own = kids.get(c, ())
        if not any(deps[k] == "det" and tokens[k].text.lower() == "der" for k in own):
            continue
        v = heads[c]
        # (the parse may have read the subject as the dative the phrase is)
        objs = [
            o
            for o in kids.get(v, ())
            if deps[o] in ("obj", "iobj", "obl:arg")
            and not any(deps[k] == "case" for k in kids.get(o, ()))
            and _case(tokens, kids.get(o, ()), deps, o, morph) is None
        ]
        if objs:
            deps[objs[0]], deps[c] = "nsubj", "iobj"


def prefield_subject(
    tokens: Sequence[Token], heads: list[int], deps: list[str], morph: Morphology
) -> None:
    """The one phrase before the finite verb of a main clause, a bare noun phrase the parse
    left without a function ("obl:arg", "dep", "parataxis"), is the subject where the
    clause's "subject" follows the verb and does not show its case: in "Hisbollah-
    Generalsekretär X nannte den Beschluss eine Kriegserklärung" the title and name spoke."""
    kids = _children(heads)
    for v in range(len(tokens)):
        if not tokens[v].pos.endswith("(FIN)") or heads[v] != v:
            continue
        before = [c for c in kids.get(v, ()) if c < v and deps[c] != "punct"]
        if len(before) != 1:
            continue
        h = before[0]
        own = kids.get(h, ())
        if (
            deps[h] not in ("obl:arg", "dep", "parataxis")
            or tokens[h].pos not in ("NN", "NE")
            or any(deps[c] == "case" for c in own)
            or _case(tokens, own, deps, h, morph) is not None
        ):
            continue
        after = [c for c in kids.get(v, ()) if c > v and deps[c] == "nsubj"]
        if len(after) != 1 or _case(tokens, kids.get(after[0], ()), deps, after[0], morph):
            continue
        deps[h], deps[after[0]] = "nsubj", "obj"


def subject_first(
    tokens: Sequence[Token], heads: list[int], deps: list[str], morph: Morphology
) -> None:
    """Where neither phrase shows its case, the phrase before the finite verb of a main
    clause is the subject and the one after it the object (German news puts the subject
    first unless the form says otherwise): "Die Vereinten Nationen riefen Israel … auf"."""
    kids = _children(heads)
    for v in range(len(tokens)):
        if heads[v] != v and deps[v] != "conj":
            continue  # main clauses only (a root, or a main clause coordinated with one)
        own = kids.get(v, ())
        fin = (
            v
            if tokens[v].pos.endswith("(FIN)")
            else next(
                (c for c in own if deps[c].startswith("aux") and tokens[c].pos.endswith("(FIN)")),
                None,
            )
        )
        if fin is None:
            continue
        subj = [c for c in own if deps[c] == "nsubj" and c > fin]
        obj = [c for c in own if deps[c] == "obj" and c < fin]
        if not subj or not obj:
            continue
        s, o = subj[0], obj[0]
        if any(_case(tokens, kids.get(x, ()), deps, x, morph) for x in (s, o)):
            continue
        if tokens[s].pos.startswith(("PPER", "PDS", "PRF")) or tokens[o].pos.startswith(
            ("PPER", "PDS", "PRF", "PRELS", "PWS")
        ):
            continue  # pronouns: "Das bestätigten …" is the agreement rule's, "sich" no subject
        plural = morph.is_plural_verb(tokens[fin].text)
        if not plural and _plural_phrase(tokens, kids, deps, o, morph, bare=True):
            # a singular verb does not agree with a coordination or a plural phrase:
            # "Die Berichte wies der Minister zurück"
            continue
        dets = [k for k in kids.get(o, ()) if tokens[k].pos == "ART"]
        if (
            plural
            and dets
            and (
                morph.is_singular_determiner(tokens[dets[0]].text)
                or _feminine_singular(tokens, dets[0], o, morph)
            )
        ):
            continue  # "Ein Abkommen unterzeichneten …": a singular phrase is no plural's subject
        deps[s], deps[o] = "obj", "nsubj"


_COORDINATORS = {"und", "oder", "sowie", "bzw.", "beziehungsweise"}


def ud_coordination(
    tokens: Sequence[Token], heads: list[int], deps: list[str], morph: Morphology
) -> None:
    """Coordination as UD v2 has it: every conjunct depends on the first ("A, B und C": B
    and C on A), never on the conjunct before it; a truncated word heads its coordination
    ("Rohstoff- und Energiekosten": "Energiekosten" is a conjunct of "Rohstoff-")."""
    for i, t in enumerate(tokens[:-2]):
        if t.pos != "TRUNC" or tokens[i + 1].text.lower() not in _COORDINATORS:
            continue
        j = i + 2  # the completing word, possibly after adjectives
        while j < len(tokens) - 1 and tokens[j].pos.startswith("ADJ"):
            j += 1
        if heads[i] != j or not tokens[j].pos.startswith("N"):
            continue
        heads[i], deps[i] = heads[j], deps[j]
        if heads[i] == j:
            heads[i], deps[i] = i, "root"
        for k, h in enumerate(heads):
            if h == j and k != i:
                heads[k] = i
        heads[j], deps[j] = i, "conj"
        heads[i + 1] = j
    for i, dep in enumerate(deps):
        if dep != "conj":
            continue
        first, seen = heads[i], {i}
        while deps[first] == "conj" and heads[first] != first and first not in seen:
            seen.add(first)
            first = heads[first]
        heads[i] = first


def conjuncts_share_their_preposition(
    tokens: Sequence[Token], heads: list[int], deps: list[str], morph: Morphology
) -> None:
    """A conjunct with a preposition of its own coordinates with a phrase of that
    preposition, not with a bare noun ("Unterzeichnet wurde das Abkommen vom Minister X,
    der …, und vom Delegationschef Y": Y is coordinated with X, not with "Abkommen")."""
    kids = _children(heads)

    def prep(n: int) -> str | None:
        case = [k for k in kids.get(n, ()) if deps[k] == "case" and k < n]
        return morph.preposition(tokens[case[0]].text) if case else None

    for c in range(len(tokens)):
        p = prep(c)
        if deps[c] != "conj" or p is None or prep(heads[c]) == p:
            continue
        cands = [h for h in range(c) if prep(h) == p and deps[h] != "conj" and h != heads[c]]
        if cands:
            heads[c] = cands[-1]


def partners_attach_to_the_verb(
    tokens: Sequence[Token], heads: list[int], deps: list[str], morph: Morphology
) -> None:
    """ "traf auf dem Pekinger Flughafen mit dem Ministerpräsidenten X zusammen": a person
    with "mit" after the phrase of a place or time is the verb's partner, not the place's
    (a name, or a noun with a name in apposition)."""
    kids = _children(heads)
    for c, t in enumerate(tokens):
        if deps[c] != "case" or t.text.lower() not in morph.partner_prepositions:
            continue
        n = heads[c]
        h = heads[n]
        if deps[n] != "nmod" or h == n or not deps[h].startswith("obl"):
            continue
        named = tokens[n].pos == "NE" or any(
            deps[k].startswith("flat") and tokens[k].pos == "NE" for k in kids.get(n, ())
        )
        place = any(
            deps[k] == "case" and tokens[k].text.lower() in morph.place_prepositions
            for k in kids.get(h, ())
        )
        verb = heads[h]
        if named and place and tokens[verb].pos.startswith("V"):
            heads[n], deps[n] = verb, "obl"


def companions_leave_the_subject(
    tokens: Sequence[Token], heads: list[int], deps: list[str], morph: Morphology
) -> None:
    """ "Zu den Unterzeichnern zählen neben den fünf ständigen Mitgliedern auch Vietnam,
    Laos und Japan": the phrase after "auch" is the subject the "neben" phrase stands
    beside, not that phrase's attribute, where the verb has no subject."""
    kids = _children(heads)
    for a, t in enumerate(tokens):
        if t.text.lower() != "auch" or deps[a] != "advmod":
            continue
        x = heads[a]

        def companion(n: int, kids: dict[int, list[int]] = kids) -> bool:
            return deps[n].startswith("obl") and any(
                deps[k] == "case" and tokens[k].text.lower() in morph.companion_prepositions
                for k in kids.get(n, ())
            )

        if deps[x] == "nmod" and heads[x] != x and companion(heads[x]):
            verb = heads[heads[x]]  # hung on the "neben" phrase
        elif deps[x] in ("obl", "obj") and not any(deps[k] == "case" for k in kids.get(x, ())):
            verb = heads[x]  # beside it on the verb
            if not any(companion(k) for k in kids.get(verb, ())):
                continue
        else:
            continue
        if not any(deps[k].startswith("nsubj") for k in kids.get(verb, ())):
            heads[x], deps[x] = verb, "nsubj"
            kids = _children(heads)


def fronted_comparisons_are_no_subject(
    tokens: Sequence[Token], heads: list[int], deps: list[str], morph: Morphology
) -> None:
    """ "Wie Kenia gehört auch Uganda der Gemeinschaft an": a phrase of comparison that
    opens the sentence before the finite verb is no subject but a companion of it (its
    "wie" the marker); the object after the verb, where the verb is left without a subject,
    is the subject.

    >>> toks = [Token(i, 0, 0, w, l, p) for i, (w, l, p) in enumerate(
    ...     [("Wie", "wie", "PWAV"), ("Kenia", "Kenia", "NE"), ("gehört", "gehören", "VV(FIN)"),
    ...      ("auch", "auch", "ADV"), ("Uganda", "Uganda", "NE"), ("der", "der", "ART"),
    ...      ("EAC", "EAC", "NE"), ("an", "an", "PTKVZ")])]
    >>> heads = [1, 2, 2, 2, 2, 6, 2, 2]
    >>> deps = ["advmod", "nsubj", "root", "advmod", "obj", "det", "iobj", "compound:prt"]
    >>> fronted_comparisons_are_no_subject(toks, heads, deps, load_morphology())
    >>> deps[:5], heads[0]
    (['case', 'obl', 'root', 'advmod', 'nsubj'], 1)
    """
    if len(tokens) < 4 or tokens[0].text != "Wie" or tokens[0].pos not in ("PWAV", "KOKOM"):
        return
    x = next((i for i in range(1, min(len(tokens), 6)) if deps[i].startswith("nsubj")), None)
    if x is None or tokens[x].pos not in ("NE", "NN"):
        return
    v = heads[x]
    if not (x < v and tokens[v].pos.endswith("(FIN)")) and not any(
        tokens[k].pos.endswith("(FIN)") for k in range(x + 1, min(len(tokens), x + 2))
    ):
        return
    if any(tokens[k].pos.endswith("(FIN)") for k in range(1, x)):
        return
    f = next((k for k in range(x + 1, len(tokens)) if tokens[k].pos.endswith("(FIN)")), None)
    if f is None or (f + 1 < len(tokens) and tokens[f + 1].text == ","):
        return  # "Wie Kenia mitteilte, …": a clause of its own, its verb last
    deps[x] = "obl"
    heads[0], deps[0] = x, "case"
    objects = [
        c
        for c, h in enumerate(heads)
        if h == v and c > v and deps[c] == "obj" and tokens[c].pos in ("NE", "NN")
    ]
    if objects and not any(deps[c].startswith("nsubj") for c, h in enumerate(heads) if h == v):
        deps[objects[0]] = "nsubj"


def infinitives_have_no_subject(
    tokens: Sequence[Token], heads: list[int], deps: list[str], morph: Morphology
) -> None:
    """A zu-infinitive has no subject of its own: a "subject" the parse gives one is its
    object where it has none ("warf der Miliz vor, Soldaten angegriffen zu haben": the
    soldiers were attacked; whom the accusation names did it)."""
    kids = _children(heads)
    for i, dep in enumerate(deps):
        h = heads[i]
        if dep != "nsubj" or h == i or not is_zu_infinitive(tokens, h):
            continue
        v = heads[h]
        if i < h and "," in (t.text for t in tokens[i:h]) and v != h:
            # before the comma that opens the infinitive: the governing verb's object
            # ("beschuldigte Algerien, Stellungen bombardiert zu haben")
            heads[i], deps[i] = v, "obj"
        elif not any(deps[c] == "obj" for c in kids.get(h, ())):
            deps[i] = "obj"


#: The rules in the order :func:`mend` runs them.
RULES: tuple[Rule, ...] = (
    articles_are_determiners,
    nouns_are_no_determiners,
    extended_attributes,
    particles_belong_to_the_verb,
    adverbial_phrases_are_adverbs,
    floating_quantifiers,
    prepositions_read_as_conjunctions,
    perfect_is_one_predicate,
    auxiliaries_before_a_participle_are_no_copulas,
    verbs_coordinate_with_verbs,
    was_is_no_subject_beside_a_name,
    time_phrases_are_adverbials,
    days_take_no_phrases,
    names_after_time_phrases,
    auxiliaries_take_no_arguments,
    adverbs_bear_no_argument,
    relative_clauses_attach_left,
    second_verbs_open_no_relative_clause,
    coordination_leaves_a_closed_relative_clause,
    closed_relative_clauses_keep_their_words,
    als_opens_a_clause,
    no_prepositional_subjects,
    prefield_genitives,
    genitives_coordinate,
    inclusions_are_appositions,
    voice_case_and_agent,
    shared_subject,
    quotes_are_complements,
    finite_clause_has_subject,
    reporting_clause_after_a_comma,
    reported_clause_before_its_verb,
    comma_subjects,
    no_dative_genitives,
    dative_verbs_take_their_dative,
    names_take_no_article_genitive,
    prenominal_genitives_end_in_s,
    genitive_names_modify_the_noun,
    postnominal_genitive_names,
    correlative_coordination,
    partners_attach_to_the_verb,
    companions_leave_the_subject,
    fronted_comparisons_are_no_subject,
    agreement,
    singular_verbs_agree,
    feminine_der_is_no_subject,
    one_subject,
    prefield_subject,
    subject_first,
    relative_pronouns_agree,
    conjuncts_share_their_preposition,
    infinitives_have_no_subject,
    ud_coordination,
)


def mend(
    tokens: Sequence[Token],
    heads: list[int],
    deps: list[str],
    morph: Morphology | None = None,
) -> None:
    """Run every rule of :data:`RULES` over the parse, in place."""
    morph = morph or load_morphology()
    for rule in RULES:
        rule(tokens, heads, deps, morph)
