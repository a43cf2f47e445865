"""Membership, non-membership and leadership read off the dependency parse.

Reads parsed sentences, their resolved mentions, the dictionary and the lexicon's cue
lists (``member_verbs``, ``member_nouns``, ``negation``); writes
:class:`~kg.extract.model.Fact` records (``MEMBER`` / ``NOT_MEMBER``). The positional
rules of :mod:`kg.extract.facts` stay beside these; the facts are merged there.

* Verb: "X gehört Y an", "Y gehören X, Z sowie W an", "Dem Pakt gehören neben X auch Y an"
  (the subject and its conjuncts, and the "neben" phrase, are the members; the dative, or
  "zu Y", the organisation).
* Noun: "X ist Mitglied der Y" (the predicate nominal's subject), "X, das als
  Mitgliedstaat der Y …" (the subject of the clause the "als" phrase stands in),
  "das Y-Mitglied X" is left to the positional rules.
* Negation: "nicht"/"kein" on the verb or the noun makes every such fact a
  non-membership ("X ist kein Mitglied der Y").

>>> from kg.extract.pipeline import default_extractor
>>> from kg.articles import parse_article_text
>>> art = parse_article_text("date 2024-01-01 T\\nDer Nato gehören neben Polen auch Estland "
...     "und Lettland an.\\n", identifier="t.txt", origin="t.txt")
>>> a = default_extractor().analyse(art)
>>> sorted(f.subject for f in a.facts if f.kind.value == "member")
['estonia', 'latvia', 'poland']
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import replace

from kg.dictionary import ActorDictionary, class_is
from kg.extract.functions import clause_subject, mention_head, preposition
from kg.extract.lexicon import Lexicon
from kg.extract.model import (
    EntityMention,
    Fact,
    FactKind,
    MentionKind,
    Parse,
    TaggedSentence,
    Token,
)
from kg.extract.morphology import Morphology
from kg.extract.syntax import clause_bounds, negates
from kg.vocabulary import ActorClass

__all__ = ["parse_chairs", "parse_leadership", "parse_memberships"]


# What one is allied "in": an alliance or an international organisation, not a palace
_ALLIANCES = (ActorClass.MILITARY_ALLIANCE, ActorClass.INTERNATIONAL_ORGANIZATION)


def _done(t: Token, clause: Sequence[Token], forms: frozenset[str]) -> bool:
    """Whether the verb ``t`` tells a change as done: a past form of ``forms`` ("trat
    aus", "nahm auf"), or a participle with a finite auxiliary other than a present
    passive's, which is under way or to come ("wird ausgeschlossen")."""
    return t.text.lower() in forms or (
        t.pos.endswith("(PP)")
        and any(x.pos == "VA(FIN)" and x.text.lower() not in ("wird", "werden") for x in clause)
    )


def _mention_at(ms: Sequence[EntityMention], i: int) -> EntityMention | None:
    return next((m for m in ms if m.first <= i < m.last), None)


def _with_conjuncts(parse: Parse, i: int) -> list[int]:
    # the parse may hang the next conjunct on an abbreviation in parentheses ("die X
    # (MNDAA) und die Arakan Army")
    abbreviated = [c for a in parse.dependents(i, "appos") for c in parse.dependents(a, "conj")]
    return [i, *parse.dependents(i, "conj"), *abbreviated]


class _Reader:
    def __init__(
        self,
        ts: TaggedSentence,
        ms: Sequence[EntityMention],
        d: ActorDictionary,
        lex: Lexicon,
        morph: Morphology,
        previous: Sequence[EntityMention] = (),
    ) -> None:
        assert ts.parse is not None
        self.ts, self.toks, self.parse, self.ms, self.d = ts, ts.tokens, ts.parse, ms, d
        # the mentions of the three sentences before, which a pronoun (of the one right
        # before) or a bare member noun refers to
        self.previous = previous
        self.neg = lex.cue("negation")
        self.companions = lex.cue("member_companions")
        self.examples = lex.cue("member_examples")
        self.joined = lex.cue("joined_forms")
        self.modals = lex.cue("irrealis_modals")
        self.planned = lex.future_auxiliaries  # "soll von X geführt werden"
        self.governments = lex.ref("government_nouns")
        self.forces = lex.ref("unnamed_force_nouns")
        self.person_nouns = lex.ref("person_nouns")
        self.morph = morph

    def verb_lemma(self, v: int) -> str:
        """The verb's lemma with its separated particle ("führt … an": "anführen")."""
        particle = "".join(
            self.toks[c].text.lower() for c in self.parse.dependents(v, "compound:prt")
        )
        return particle + self.toks[v].lemma.lower()

    def led_in_clause(self, v: int) -> tuple[list[EntityMention], list[int]]:
        """The organisations a finite verb of leading governs (coordinated ones too: "der
        die Anyanya und die SSLM anführt") and the phrases of their leaders: "X führt die
        Y an" (subject, object), "Angeführt wird die Y von X" (the passive's subject, its
        agent), "…, der die Y anführt" (the relative pronoun's antecedent); none where the
        clause is negated or modal."""
        p, toks = self.parse, self.toks
        if self._unreal(v):
            return [], []
        passive = any(toks[c].lemma == "werden" for c in p.dependents(v, "aux:pass", "aux"))
        antecedent = _mention_at(self.ms, p.heads[v]) if p.deps[v] == "acl:relcl" else None
        if passive and toks[v].pos.endswith("(PP)"):
            # "die UN-Truppe, die von General X befehligt wird": the pronoun's antecedent
            led = tuple(self._antecedent(v, c) for c in p.dependents(v, "nsubj:pass", "nsubj"))
            agents = [
                c
                for c in p.dependents(v, "obl")
                if (prep := preposition(toks, p, c, morph=self.morph))
                and self.morph.is_agent_preposition(prep)
            ]
        else:
            # (a dative for the verb that takes one: "…, der der Amal-Bewegung vorsteht")
            led = p.dependents(v, "obj", "iobj")
            agents = [self._antecedent(v, c) for c in p.dependents(v, "nsubj")]
            if self._person_relative(antecedent, led):
                # "Nabih Berri, der der Amal-Bewegung vorsteht": the parse took the
                # organisation for the subject; a person is led by no organisation, and
                # "der"/"die" may be the nominative, so the person leads it
                led, agents = p.dependents(v, "nsubj"), [p.heads[v]]
            else:
                # "die Amal-Bewegung, der Nabih Berri vorsteht": the pronoun's antecedent
                led = tuple(self._antecedent(v, c) for c in led)
        orgs = [
            m
            for c in led
            for x in _with_conjuncts(p, c)
            if (m := self.named_at(x)) is not None and self.orgish(m)
        ]
        people = [c for c in led if (m := self.named_at(c)) and m.cls == ActorClass.PERSON]
        if not orgs and people and self.orgish(antecedent):
            # "die Afrikanische Union, der Alpha Condé vorsitzt": the parse took the
            # pronoun for the subject; an organisation leads no person
            assert antecedent is not None
            return [antecedent], people
        return list(dict.fromkeys(orgs)), agents

    def led_part(self, v: int, parts: dict[str, str], role: str) -> tuple[list[EntityMention], str]:
        """The organisation whose part a verb of leading governs ("die Delegation der
        Rebellen", "die Truppen der AU"; a dative for the verb that takes one: "dem
        Kontingent der Ecowas steht X vor"), with the office its leader holds in it: the
        part's ("head-of-delegation", "commander"), or the verb's if that is not a
        leader's."""
        p, toks = self.parse, self.toks
        passive = any(toks[c].lemma == "werden" for c in p.dependents(v, "aux:pass", "aux"))
        objects = (
            p.dependents(v, "nsubj:pass", "nsubj") if passive else p.dependents(v, "obj", "iobj")
        )
        for c in objects:
            noun = toks[c].lemma.lower()
            part = next((r for k, r in parts.items() if noun.endswith(k)), None)
            if toks[c].pos != "NN" or part is None or _mention_at(self.ms, c) is not None:
                continue
            for g in p.dependents(c, "nmod"):
                m = _mention_at(self.ms, g)
                if m is not None and m.keys and (self.orgish(m) or m.cls == ActorClass.ARMED_GROUP):
                    return [m], part if role == "leader" else role
        return [], role

    def under_whom(self, i: int, lex: Lexicon) -> tuple[str, EntityMention | None, bool]:
        """The person "unter" at ``i`` introduces, past titles ("unter Oberst X") or a
        noun of leadership and its "von" ("unter der Führung von X", "unter dem Kommando
        des Generals X"); the office that noun names ("leader" without one); whether
        there was one."""
        toks, k, role = self.toks, i + 1, "leader"
        state = next((m for m in self.ms if m.first == k and m.group == "government"), None)
        if (
            state is not None
            and state.keys
            and lex.holder_role(toks[state.last - 1].text) is not None
            and self.d.is_a(state.keys[0], ActorClass.STATE)
        ):
            # "die Koalition unter saudischer Führung": the state of the adjective leads
            return "leader", state, True
        if k < len(toks) and toks[k].pos == "ART":
            k += 1
        held = lex.holder_role(toks[k].text) if k < len(toks) and toks[k].pos == "NN" else None
        if held is not None:
            role, k = held, k + 1
            while k < len(toks) and toks[k].text.lower() in ("von", "vom", "des", "der", "dem"):
                k += 1
        leader = next((m for m in self.ms if m.first >= k), None)
        # (after a noun of leadership a state or organisation leads too: "unter Führung
        # der USA"; right after "unter" only a person: "unter Oberst X")
        acting = leader is not None and (
            leader.cls == ActorClass.PERSON
            or (
                held is not None
                and leader.kind == MentionKind.NAME
                and bool(leader.keys)
                and self.d.is_a(leader.keys[0], ActorClass.STATE, ActorClass.ORGANIZATION)
            )
        )
        if (
            leader is None
            or not acting
            # titles between (a rank the tagger takes for a name: "unter Kommodore X")
            or not all(
                toks[x].pos == "NN" or toks[x].text.lower() in self.person_nouns
                for x in range(k, leader.first)
            )
        ):
            return role, None, held is not None
        return role, leader, held is not None

    def state_body(self, m: EntityMention | None) -> str | None:
        """The noun of the state's government or forces a mention of a state stands for
        ("die Militärregierung in Addis Abeba": "militärregierung"; "die Armee Fidschis":
        "armee"), or None."""
        if m is None or not m.keys or not self.d.is_a(m.keys[0], ActorClass.STATE):
            return None
        if m.group == "government":
            return self.toks[m.first].lemma.lower()
        j = m.first - 1
        if j >= 0 and self.toks[j].pos == "NN" and self.toks[j].lemma.lower() in self.forces:
            return self.toks[j].lemma.lower()
        return None

    def clause_subject_of(self, i: int) -> EntityMention | None:
        """The named subject of the verb the phrase at ``i`` belongs to ("Die Unita steht
        unter der Führung von X")."""
        p = self.parse
        h = p.heads[i]
        while p.deps[h] not in ("root", "acl:relcl", "conj", "advcl", "ccomp") and p.heads[h] != h:
            if self.toks[h].pos.startswith("V"):
                break
            h = p.heads[h]
        if not self.toks[h].pos.startswith("V") or self._unreal(h):
            return None
        return next((m for c in p.dependents(h, "nsubj") if (m := _mention_at(self.ms, c))), None)

    def at_top(self, i: int) -> bool:
        """Whether the top noun at ``i`` stands in "an der" ("an der Spitze")."""
        return i >= 2 and self.toks[i - 2].text.lower() == "an" and self.toks[i - 1].text == "der"

    def top_of(self, i: int) -> tuple[list[EntityMention], list[int]]:
        """The organisation in the genitive of "an der Spitze" and the subject of the verb
        the phrase belongs to, which stands at its top."""
        p = self.parse
        org = next(
            (m for g in p.dependents(i, "nmod") if (m := _mention_at(self.ms, g)) is not None),
            None,
        )
        v = p.heads[i]
        if (
            org is None
            or not self.orgish(org)
            or not self.toks[v].pos.startswith("V")
            or self._unreal(v)
        ):
            return [], []
        return [org], list(p.dependents(v, "nsubj"))

    def _wanted(self, v: int) -> bool:
        """Whether the clause of ``v`` has a modal or an auxiliary of what is to come
        ("will", "könnte", "soll", "wird")."""
        a, b = clause_bounds(self.toks, v)
        return any(
            x.lemma.lower() in self.modals
            or x.lemma.lower() in self.planned
            or (x.lemma == "werden" and x.pos == "VA(FIN)")
            for x in self.toks[a:b]
        )

    def _unreal(self, v: int) -> bool:
        """Whether the clause of ``v`` is negated, modal or told as to come ("soll von X
        geführt werden")."""
        a, b = clause_bounds(self.toks, v)
        return any(
            x.text.lower() in self.neg
            or x.lemma.lower() in self.modals
            or x.lemma.lower() in self.planned
            or (x.lemma == "werden" and x.pos == "VA(INF)")
            for x in self.toks[a:b]
        )

    def person_after(self, c: int) -> EntityMention | None:
        """A person named right after a common noun at ``c`` ("von dem Ghanaer Kofi
        Mensah", which the parse splits)."""
        m = self._name_after(c)
        return m if m is not None and m.cls == ActorClass.PERSON else None

    def _person_relative(self, antecedent: EntityMention | None, objects: Sequence[int]) -> bool:
        """A relative clause on a person (its ``antecedent``) whose pronoun, in a form that
        may be the nominative ("der", "die"), the parse took for an object."""
        toks = self.toks
        return (
            antecedent is not None
            and antecedent.cls == ActorClass.PERSON
            and any(toks[c].pos == "PRELS" and toks[c].text in ("der", "die") for c in objects)
        )

    def named_at(self, c: int) -> EntityMention | None:
        """The mention headed at ``c``, or the name a class noun there introduces ("das
        Bandenbündnis Viv Ansanm", "der Polizist Jimmy Chérizier")."""
        return _mention_at(self.ms, c) or self._named_by(c)

    def orgish(self, m: EntityMention | None) -> bool:
        return (
            m is not None
            and bool(m.keys)
            and (
                self.d.is_a(m.keys[0], ActorClass.ORGANIZATION)
                or class_is(m.cls, ActorClass.ORGANIZATION)
            )
        )

    def joins(self, m: EntityMention) -> bool:
        """Whether a mention names an actor that joins organisations: not an organisation,
        or an armed group or party ("Der Bruderschaftsallianz gehören die TNLA und die
        Arakan Army an"), unlike an alliance, a body of states or a state's own body."""
        if not self.orgish(m):
            return True
        cls = e.cls if (e := self.d.get(m.keys[0])) is not None else m.cls
        return cls in (ActorClass.ARMED_GROUP, ActorClass.ORGANIZATION)

    def actors(self, tokens: Sequence[int]) -> list[EntityMention]:
        """The mentions of actors that join organisations headed at the tokens (and
        their conjuncts)."""
        out: list[EntityMention] = []
        for t in tokens:
            for c in _with_conjuncts(self.parse, t):
                m = _mention_at(self.ms, c)
                if m is not None and m.keys and self.joins(m) and m not in out:
                    out.append(m)
        return out

    def negated(self, *heads: int, skip: frozenset[int] = frozenset()) -> bool:
        """A negation word on a head or on one of its conjuncts ("nicht", "kein",
        "weder … noch"), other than those in ``skip``."""
        for h in heads:
            for x in self.parse.conjuncts(h):  # "weder der EU noch der Nato": both
                if x != h and self.toks[x].pos.startswith("V"):
                    continue  # a clause joined by "aber" has its own negation
                for c in self.parse.children(x):
                    if (
                        c not in skip
                        and negates(self.toks, c, self.neg)
                        and self.parse.deps[c] in ("advmod", "det", "cc", "cc:preconj", "dep")
                    ):
                        return True
        return False

    def _elliptical(self, v: int, after: int) -> tuple[list[EntityMention], int] | None:
        """ "…, Eritrea nicht", "…, Eritrea, das dort Beobachter ist, dagegen nicht", "…,
        die Schweiz dagegen nicht": a mention after a comma (and an article) past
        ``after``, with a negation closing the sentence behind it, is a non-member of its
        own; returns it and the negation token."""
        toks = self.toks
        last = len(toks) - 1
        while last > 0 and toks[last].pos.startswith("$"):
            last -= 1
        if toks[last].text.lower() not in self.neg:
            return self._contrasted(after)
        for c in range(after + 1, last):
            if toks[c].text != ",":
                continue
            rest = [m for m in self.ms if c < m.first and m.last <= last and not self.orgish(m)]
            # (the tagger may take the article after a comma for a relative pronoun)
            start = c + 2 if toks[c + 1].pos in ("ART", "PRELS") else c + 1
            if rest and rest[0].first == start:
                return rest[:1], last
            return None
        return None

    def _contrasted(self, after: int) -> tuple[list[EntityMention], int] | None:
        """ "…, nicht aber Ruanda und Uganda", "…, aber nicht Ruanda": the mentions after a
        comma and a negation joined with "aber" or "jedoch", past ``after``, are
        non-members of their own; returns them and the negation token."""
        toks = self.toks
        for c in range(after + 1, len(toks) - 2):
            pair = {toks[c + 1].text.lower(), toks[c + 2].text.lower()}
            if toks[c].text != "," or not (pair & self.neg and pair & {"aber", "jedoch"}):
                continue
            neg = c + 1 if toks[c + 1].text.lower() in self.neg else c + 2
            listed = [_mention_at(self.ms, x) for x in self._names_listed(c + 3)]
            rest = [m for m in listed if m is not None and not self.orgish(m)]
            return (rest, neg) if rest else None
        return None

    def compounds(self, heads: frozenset[str]) -> list[Fact]:
        """ "das Nato-Mitglied Türkei", "die EU-Staaten Polen und Litauen", "fünf
        EU-Staaten, darunter Spanien und Griechenland": an organisation's member compound
        before the names of its members (or of some of them)."""
        out: list[Fact] = []
        for org in self.ms:
            if not self.orgish(org) or org.last - org.first != 1:
                continue
            tok = self.toks[org.first]
            prefix = tok.text[: org.end - tok.start] if org.end < tok.end else None
            rest = tok.text[len(prefix) :].lstrip("-").lower() if prefix else ""
            if not any(rest == h + e for h in heads for e in ("", "s", "es", "en", "er", "ern")):
                continue
            start = org.last
            if (
                start + 1 < len(self.toks)
                and self.toks[start].text == ","
                and self.toks[start + 1].text.lower() in self.examples
            ):
                start += 2
            members: list[EntityMention] = []
            for m in self.ms:
                state = bool(m.keys) and self.d.is_a(m.keys[0], ActorClass.STATE)
                if m.first == (members[-1].last + 1 if members else start) and state:
                    if members and self.toks[m.first - 1].text not in ("und", ",", "sowie"):
                        break
                    members.append(m)
                elif members and m.first > members[-1].last + 1:
                    break
            if members and self.ms and members[0].first == start:
                out += self._emit(members, org, False)
        return out

    def facts(self, member_verbs: frozenset[str], member_nouns: frozenset[str]) -> list[Fact]:
        out: list[Fact] = []
        for i, t in enumerate(self.toks):
            # with its separated particle: "trat … bei" is "beitreten"
            lemma = t.lemma.lower()
            if t.pos.startswith("V") and self.verb_lemma(i) in member_verbs:
                lemma = self.verb_lemma(i)
            if t.pos.startswith("V") and lemma in member_verbs and self._done(i, lemma):
                out += self._by_verb(i)
            elif t.pos == "NN" and lemma in member_nouns:
                out += self._by_noun(i)
            elif t.pos == "NN" and lemma.rpartition("-")[2] in member_nouns:
                # "Georgien ist kein Nato-Mitglied": the organisation the compound names
                org = _mention_at(self.ms, i)
                if org is not None and self.orgish(org):
                    out += self._by_noun(i, named=org)
        return out

    def left(self, verbs: frozenset[str], forms: frozenset[str]) -> list[Fact]:
        """ "Gambia war 2013 aus dem Commonwealth ausgetreten", "Frankreich verließ 1966 die
        Nato": who left an organisation is no member of it, once the leaving is done (a
        past form, or a participle with an auxiliary; not "tritt aus" or "will
        austreten"). Read off the clause: the organisation after "aus" (or, for
        "verlassen", without a preposition), the members the other bare names."""
        out: list[Fact] = []
        for v, t, a, b, clause in self._verbs_of(verbs):
            if not _done(t, clause, forms) or any(x.lemma.lower() in self.modals for x in clause):
                continue
            if self.negated(v) or any(x.text.lower() in self.neg for x in clause):
                continue
            inside = [m for m in self.ms if a <= m.first < b and m.keys]
            # the organisation itself, not one whose part was left ("verließ die Sitzung
            # des Sicherheitsrats", "die Kommandostruktur der Nato")
            orgs = [
                m
                for m in inside
                if self.orgish(m)
                and (self._word_before(m.first, "aus") or self._bare(m))
                and not self._genitive(m)
            ]
            members = [m for m in inside if m not in orgs and self._bare(m) and not self.orgish(m)]
            out += [f for org in orgs[:1] for f in self._emit(members, org, True)]
        return out

    def _verbs_of(
        self, verbs: frozenset[str]
    ) -> Iterator[tuple[int, Token, int, int, Sequence[Token]]]:
        """Each verb of ``verbs`` in the sentence (its particle joined), with the bounds
        and tokens of its clause."""
        for v, t in enumerate(self.toks):
            if t.pos.startswith("V") and self.verb_lemma(v) in verbs:
                a, b = clause_bounds(self.toks, v)
                yield v, t, a, b, self.toks[a:b]

    def admitted(self, verbs: frozenset[str], forms: frozenset[str]) -> list[Fact]:
        """ "Ghana wurde 1957 in die Vereinten Nationen aufgenommen", "Die Nato nahm
        Montenegro auf": who an organisation admitted is a member of it, once the
        admission is done (a past form of ``forms``, or a participle with a past auxiliary;
        not "nimmt auf", "wird aufgenommen", "soll aufnehmen"). The passive's subject joins
        the organisation after "in"; the active's object joins its subject."""
        toks, p = self.toks, self.parse
        out: list[Fact] = []
        for v, t, a, b, clause in self._verbs_of(verbs):
            passive = any(toks[c].lemma == "werden" for c in p.dependents(v, "aux:pass"))
            if not _done(t, clause, forms) or self._unreal(v):
                continue
            if passive:
                joined = p.dependents(v, "nsubj:pass", "nsubj")
                orgs = [
                    m
                    for m in self.ms
                    if a <= m.first < b and self.orgish(m) and self._word_before(m.first, "in")
                ]
            else:
                joined = p.dependents(v, "obj")
                orgs = [m for c in p.dependents(v, "nsubj") if (m := self.named_at(c))]
            members = [m for m in self.actors(list(joined)) if not self.orgish(m)]
            if len(orgs) == 1 and self.orgish(orgs[0]) and members:
                out += self._emit(members, orgs[0], False)
        return out

    def _genitive(self, m: EntityMention) -> bool:
        """The mention is the genitive attribute of a noun before it ("der Nato")."""
        j = self._before_article(m.first)
        return j >= 0 and self.toks[j].pos in ("NN", "NE") and self.toks[m.first - 1].pos == "ART"

    def _bare(self, m: EntityMention) -> bool:
        """No preposition before the mention (past its article)."""
        j = self._before_article(m.first)
        return j < 0 or not self.toks[j].pos.startswith("APPR")

    def allied(self, words: frozenset[str]) -> list[Fact]:
        """ "Belarus ist mit Russland in der OVKS verbündet", "die USA, mit denen Pakistan
        in der SEATO verbündet ist": the subject and who it is allied with are members of
        the organisation "in" which (read off the clause: the parse hangs the phrases on
        one another)."""
        p, toks = self.parse, self.toks
        out: list[Fact] = []
        for v, t in enumerate(toks):
            if t.lemma.lower() not in words and t.text.lower() not in words:
                continue
            a, b = clause_bounds(toks, v)
            orgs = [
                m
                for m in self.ms
                if a <= m.first < b
                and m.keys
                and self._after(m, "in")
                and (
                    self.d.is_a(m.keys[0], *_ALLIANCES)
                    or any(class_is(m.cls, c) for c in _ALLIANCES)
                )
            ]
            heads = [self._antecedent(v, c) for c in p.dependents(v, "nsubj")]
            if not heads:
                # the parse found no subject: the bare names of the clause
                heads = [
                    m.first for m in self.ms if a <= m.first < b and m not in orgs and self._bare(m)
                ]
            # "mit denen": the relative clause's antecedent
            heads += [
                p.heads[v] if toks[m].pos == "PRELS" and p.deps[v] == "acl:relcl" else m
                for m in range(a, b)
                if toks[m].pos in ("PRELS", "NE", "NN") and self._word_before(m, "mit")
            ]
            members = [m for m in self.actors(heads) if m not in orgs]
            if orgs and members:
                neg = self.negated(v, *heads)
                out += [f for org in orgs[:1] for f in self._emit(members, org, neg)]
        return out

    def _before_article(self, i: int) -> int:
        """The position before ``i`` and its article, if any (may be -1)."""
        j = i - 1
        return j - 1 if j >= 0 and self.toks[j].pos == "ART" else j

    def _word_before(self, i: int, word: str) -> bool:
        """The word before ``i``, past an article, is ``word``."""
        j = self._before_article(i)
        return j >= 0 and self.toks[j].text.lower() == word

    def _after(self, m: EntityMention, word: str) -> bool:
        return self._word_before(m.first, word) or (
            m.first > 0 and self.toks[m.first - 1].text.lower() == "im" and word == "in"
        )

    def _done(self, v: int, lemma: str) -> bool:
        """Joining is membership once done: "der X beigetreten ist" / "beigetreten war",
        "trat … bei", not "tritt … bei" or "will … beitreten"."""
        if lemma != "beitreten":
            # "der die Ukraine angehören will", "… angehören könnte": no membership yet
            return not (self.toks[v].pos.endswith("(INF)") and self._wanted(v))
        if self.toks[v].text.lower() in self.joined:
            return True  # "Finnland trat 2023 der Nato bei"
        return self.toks[v].pos.endswith("(PP)") and any(
            self.toks[c].lemma == "sein" for c in self.parse.dependents(v, "aux")
        )

    def _emit(self, members: list[EntityMention], org: EntityMention, neg: bool) -> list[Fact]:
        kind = FactKind.NOT_MEMBER if neg else FactKind.MEMBER
        idx = self.ts.sentence.index
        out = []
        for m in members:
            keys = m.keys if m.kind == MentionKind.GROUP else m.keys[:1]
            out += [Fact(kind, k, org.keys[0], idx) for k in keys if k != org.keys[0]]
        return out

    def _by_verb(self, v: int) -> list[Fact]:
        p, toks = self.parse, self.toks
        # the parse may hang the particle elsewhere ("gehören der Unasur ebenso an wie X")
        _a, b = clause_bounds(toks, v)
        particle = any(
            toks[c].text.lower() == "an" for c in p.dependents(v, "compound:prt")
        ) or any(t.pos == "PTKVZ" and t.text.lower() == "an" for t in toks[v + 1 : b])
        orgs: list[EntityMention] = []
        for c in p.children(v):
            dep, prep = p.deps[c], preposition(toks, p, c, morph=self.morph)
            # "angehören" takes no accusative: an "object" of it is its dative
            # "Dem 1981 gegründeten Staatenbund gehören X und Y an": a subject the parse
            # gives the verb that opens with "dem" is its dative
            dative_subject = dep == "nsubj" and self._dative_opening(v, c)
            # "die sich in der Gruppe G5 Sahel zusammengeschlossen haben"
            joined_in = prep == "in" and toks[v].lemma.lower() == "zusammenschließen"
            if (dep in ("iobj", "obj", "obl:arg", "obl") or dative_subject) and (
                prep in (None, "zu") or joined_in
            ):
                for x in _with_conjuncts(p, self._antecedent(v, c)):  # "weder der EU noch …"
                    cand = (
                        _mention_at(self.ms, x)
                        or self._named_by(x)
                        or self._name_after(x)
                        or self._organisation_beside(v, c, x)
                        or self._pronoun_organisation(x)
                    )
                    if (
                        cand is not None
                        and self.orgish(cand)
                        # "gehören" alone is possession: "gehört zu", "gehört … an"
                        and (prep == "zu" or particle or toks[v].lemma.lower() != "gehören")
                        and cand not in orgs
                    ):
                        orgs.append(cand)
        datives = [
            m
            for m in orgs
            if p.deps[mention_head(p, m)].startswith("nsubj") and self._dative_opening(v, m.first)
        ]
        if datives:
            # the subject the parse found is the dative: its "object" is the member
            orgs = datives
        if not orgs:
            orgs = self._swapped_relative(v, particle)
        if not orgs:
            return []
        return [f for org in orgs for f in self._for_org(v, org)]

    def _dative_opening(self, v: int, c: int) -> bool:
        """The phrase at ``c`` is a dative by its article: "dem", or "der" where the verb
        is plural and the phrase no coordination ("Der sogenannten Bruderschaftsallianz
        gehören X und Y an": a subject "der X" would take a singular verb)."""
        if self.toks[c].pos == "PPER" and self.toks[c].text.lower() in ("ihm", "ihr"):
            # "Ihr gehören Angola und Namibia an": a third person's dative ("ihr gehört"
            # of the second person takes no object)
            return True
        m = _mention_at(self.ms, c)
        if m is None:
            return False
        j = m.first
        if self.toks[j].pos != "ART":  # the article before the name and its adjectives
            j -= 1
            while j >= 0 and self.toks[j].pos.startswith("ADJ"):
                j -= 1
        article = self.toks[j].text.lower() if j >= 0 and self.toks[j].pos == "ART" else ""
        head = mention_head(self.parse, m)
        return article == "dem" or (
            article == "der"
            and self.parse.deps[head].startswith("nsubj")
            and self._plural_clause(v)
            and not self.parse.dependents(head, "conj")
        )

    def _swapped_relative(self, v: int, particle: bool) -> list[EntityMention]:
        """ "der Frankophonie, der Nigeria nicht angehört": the parse may take the relative
        pronoun (the dative) for the subject and the name for the object. An organisation
        is no member of a state, so with a state as the only other argument the pronoun's
        antecedent is the organisation."""
        p, toks = self.parse, self.toks
        if p.deps[v] != "acl:relcl" or (toks[v].lemma.lower() == "gehören" and not particle):
            return []
        subjects = [c for c in p.dependents(v, "nsubj") if toks[c].pos == "PRELS"]
        org = _mention_at(self.ms, p.heads[v])
        if not subjects or not self.orgish(org):
            return []
        others = self.actors(self._second_objects(v))
        if not others or not all(self.d.is_a(m.keys[0], ActorClass.STATE) for m in others):
            return []
        assert org is not None
        return [org]

    def _second_objects(self, v: int) -> list[int]:
        """The objects of ``v`` without a preposition, which are no relative pronoun, and
        the conjuncts the parse hangs on the verb after a parenthesis ("gehören Guinea-Bissau
        (seit 1975) und Kap Verde an": "Kap Verde" an "obl" with its "und")."""
        p = self.parse
        objects = [
            c
            for c in p.dependents(v, "obj", "iobj", "obl:arg")
            if preposition(self.toks, p, c, morph=self.morph) is None
            and self._antecedent(v, c) == c
        ]
        stray = [
            c
            for c in p.dependents(v, "obl")
            if objects
            and c > objects[0]
            and p.dependents(c, "cc")
            and preposition(self.toks, p, c, morph=self.morph) is None
        ]
        return objects + stray

    def _pronoun_organisation(self, x: int) -> EntityMention | None:
        """The organisation a personal pronoun refers back to: the last one named before
        it in the sentence ("Armenien ist Mitglied der OVKS, Aserbaidschan gehört ihm nicht
        an"), else the last of the sentence before ("… im Auftrag der SADC. Ihr gehören
        Angola und Namibia an")."""
        if self.toks[x].pos != "PPER":
            return None
        org = self._last_organisation(x)
        if org is not None and org.sentence != self.ts.sentence.index:
            # the sentence before's organisation, mentioned here by the pronoun
            return replace(org, sentence=self.ts.sentence.index, first=x, last=x + 1)
        return org

    def _last_organisation(self, x: int, *, back: int = 1) -> EntityMention | None:
        """The last organisation named before token ``x``, in this sentence or else in
        the ``back`` sentences before, or None."""
        here = self.ts.sentence.index
        before = [m for m in self.ms if m.last <= x and self.orgish(m)]
        before = before or [
            m for m in self.previous if m.sentence >= here - back and self.orgish(m)
        ]
        return before[-1] if before else None

    def _organisation_beside(self, v: int, c: int, x: int) -> EntityMention | None:
        """The one organisation among the arguments of the verb whose object the relative
        clause hangs on, where that object names no one ("verfolgt die Nato die Krise, der
        Griechenland und die Türkei angehören": a crisis has no members)."""
        p = self.parse
        if x == c or p.deps[v] != "acl:relcl" or p.heads[v] != x or self.toks[x].pos != "NN":
            return None
        verb = p.heads[x]
        if verb == x or not self.toks[verb].pos.startswith("V"):
            return None
        orgs = [
            m
            for m in (_mention_at(self.ms, a) for a in p.children(verb) if a != x)
            if m is not None and self.orgish(m)
        ]
        return orgs[0] if len(orgs) == 1 else None

    def _named_by(self, x: int) -> EntityMention | None:
        """The name right after a class noun ("die Regionalorganisation Igad"), which the
        parse hangs on it."""
        for c in self.parse.children(x):
            if c == x + 1 and self.parse.deps[c] in ("nmod", "appos", "flat", "flat:name"):
                return _mention_at(self.ms, c)
        return None

    def _name_after(self, x: int) -> EntityMention | None:
        """The name right after a common noun the parse does not hang on it ("in der
        Gruppe G5 Sahel": the name taken for the verb's complement)."""
        if self.toks[x].pos != "NN":
            return None
        return next((m for m in self.ms if m.first == x + 1), None)

    def _antecedent(self, v: int, c: int) -> int:
        """A relative pronoun's antecedent ("der OIC, der beide Länder angehören"), else
        ``c``."""
        t = self.toks[c]
        relative = t.pos == "PRELS" or (
            self.morph.is_relative_form(t.text) and not self.parse.children(c)
        )
        if relative and self.parse.deps[v] == "acl:relcl":
            h = self.parse.heads[v]
            if self.parse.deps[h] == "conj" and self.parse.heads[h] < h and self._plural_clause(v):
                # "Thailand, Malaysia und Singapur, die der Asean angehören": a plural
                # relative clause on the last conjunct is on the whole coordination
                return self.parse.heads[h]
            g = self._government_of(h)
            named = _mention_at(self.ms, g)
            # (a body's prefix names no antecedent: "die UN-Truppe UNOSOM II, die …")
            k = (
                self._name_before_comma(c)
                if named is None or _prefix_only(named, self.toks[g])
                else None
            )
            if k is None:
                return g
            # the parse hung the clause on a noun that names no one ("zu Kämpfen zwischen
            # Thailand und Kambodscha, die beide der Asean angehören"): the name before
            # its comma, with the names coordinated with it for a plural clause
            p = self.parse
            plural = self._plural_clause(v) and p.deps[k] == "conj" and p.heads[k] < k
            return p.heads[k] if plural else k
        if relative:
            # the parse hung the relative clause elsewhere: the name before its comma
            k = self._name_before_comma(c)
            if k is not None:
                return k
        return c

    def _name_before_comma(self, c: int) -> int | None:
        """The last word of the name right before the comma that opens the relative
        clause of the pronoun at ``c``, past a participle's aside ("Jimmy Chérizier,
        genannt »Barbecue«, der …"), or None."""
        if c >= 3 and self.toks[c - 1].pos == "APPR" and self.toks[c - 2].text == ",":
            c -= 1  # ", zu der Kenia gehört": the preposition opens the clause
        if c < 2 or self.toks[c - 1].text != ",":
            return None
        k = c - 2
        if k > 0 and self.toks[k].text == ")":
            k -= 1  # "die UN-Truppe im Libanon (UNIFIL), die …": the short name
        aside = next((j for j in range(k, max(-1, k - 6), -1) if self.toks[j].text == ","), None)
        if aside is not None and self.toks[aside + 1].pos == "VV(PP)":
            k = aside - 1
        m = _mention_at(self.ms, k)
        return k if m is not None and m.last == k + 1 else None

    def _government_of(self, h: int) -> int:
        """A state's government stands for the state: "Die Regierung Portugals, die der
        Nato angehört" (the state's genitive under the government noun), else ``h``."""
        if _mention_at(self.ms, h) is not None or self.toks[h].pos != "NN":
            return h
        if self.toks[h].lemma.lower() not in self.governments:
            return h
        for c in self.parse.dependents(h, "nmod"):
            m = _mention_at(self.ms, c)
            if m is not None and m.keys and self.d.is_a(m.keys[0], ActorClass.STATE):
                return c
        return h

    def _plural_clause(self, v: int) -> bool:
        """The finite verb of the clause headed by ``v`` is plural."""
        finite = [v, *self.parse.dependents(v, "aux", "aux:pass", "cop")]
        forms = [self.toks[x].text for x in finite if self.toks[x].pos.endswith("(FIN)")]
        if not forms and len(finite) == 1 and self.toks[v].pos == "VV(INF)":
            # a relative clause has a finite verb: one the tagger read as an infinitive is
            # the plural of the same form ("Togo und Benin, die der Ecowas angehören")
            return True
        return bool(forms) and all(self.morph.is_plural_verb(f) for f in forms)

    def _member_heads(self, v: int, org: EntityMention) -> list[int]:
        """The phrases naming members: the subject (a relative pronoun's antecedent), the
        companions ("neben X", "wie X", "außer X"), and, with no subject, a second object
        ("der beide Länder angehören": the parse may take either for the subject)."""
        p, toks = self.parse, self.toks
        subjects = [self._antecedent(v, c) for c in p.dependents(v, "nsubj")]
        # a relative pronoun taken for the subject that stands for the organisation
        # (see _swapped_relative): the members are the objects
        swapped = [h for h in subjects if org.first <= h < org.last]
        heads = [h for h in subjects if h not in swapped]
        if swapped:
            # (a bare "obl" where the parse found no object: ", zu der Kenia gehört"; the
            # names the parse hangs on "unter anderem": "Der X gehören unter anderem A und B
            # an")
            after = self._examples_at(v + 1)
            heads += self._names_listed(after) if after is not None else []
            heads += self._second_objects(v) or [
                c
                for c in p.dependents(v, "obl")
                if preposition(toks, p, c, morph=self.morph) is None
            ]
        heads += [
            c
            for c in p.dependents(v, "obl")
            if preposition(toks, p, c, morph=self.morph) in self.companions
        ]
        # "auch Uganda" with "neben dem Sudan" hung on it: the companions of a member too
        heads += [
            c
            for h in list(heads)
            for c in p.dependents(h, "nmod")
            if preposition(toks, p, c, morph=self.morph) in self.companions
        ]
        # "Dem Bündnis gehören acht Länder an, darunter Mali und Senegal": the examples;
        # "…, der acht Länder angehören, darunter Mali": right after a relative clause's
        # verb too, where the parse may hang them on the main clause
        heads += [
            c
            for c in range(v + 1, len(toks))
            if (p.heads[c] == v or self._right_after(v, c - 1))
            and c > 0
            # ("darunter die Türkei": past an article)
            and (
                toks[c - 1].text.lower() in self.examples
                or (
                    c > 1 and toks[c - 1].pos == "ART" and toks[c - 2].text.lower() in self.examples
                )
            )
            and not (org.first <= c < org.last)
        ]
        if not p.dependents(v, "nsubj"):
            # (or a bare "obl:arg" or "obl": "des Bündnisses, dem Israel nicht angehört",
            # ", zu der Kenia gehört")
            heads += [
                c
                for c in p.dependents(v, "obj", "iobj", "obl:arg", "obl")
                if self._antecedent(v, c) == c
                and not (org.first <= c < org.last)
                and preposition(toks, p, c, morph=self.morph) is None
            ]
        return heads

    def _right_after(self, v: int, k: int) -> bool:
        """Token ``k`` follows the verb ``v`` with nothing but punctuation between."""
        return k > v and all(self.toks[x].pos.startswith("$") for x in range(v + 1, k))

    def _for_org(self, v: int, org: EntityMention) -> list[Fact]:
        heads = self._member_heads(v, org)
        ellipsis = self._elliptical(v, max(org.last, v))
        skip = frozenset({ellipsis[1]}) if ellipsis else frozenset()
        elided = ellipsis[0] if ellipsis else []
        members = [m for m in self.actors(heads) if m not in elided]
        org_head = mention_head(self.parse, org)
        neg = self.negated(v, *heads, org_head, skip=skip)
        out = self._emit(members, org, neg) if members else []
        return out + (self._emit(elided, org, True) if elided else [])

    def relative_members(self, relatives: frozenset[str], nouns: frozenset[str]) -> list[Fact]:
        """Members in a relative clause right after an organisation's name, read off the
        words ("die Organisation Amerikanischer Staaten (OAS), der Haiti angehört", "…,
        der Kuba nicht mehr angehört"): the names between the dative pronoun and a form
        of "angehören" closing the clause; or between a member noun of "deren" and the
        copula (", deren größtes Mitglied Russland ist")."""
        toks, out = self.toks, []
        for org in self.ms:
            j = org.last
            if j < len(toks) and toks[j].text == "(":
                j = next(
                    (x + 1 for x in range(j, min(len(toks), j + 12)) if toks[x].text == ")"), j
                )
            if not (self.orgish(org) and j + 2 < len(toks) and toks[j].text == ","):
                continue
            if toks[j + 1].text.lower() == "deren":
                out += self._whose_members(org, j + 2, nouns)
                continue
            if toks[j + 1].text.lower() not in relatives:
                continue
            end = self._closing_verb(j + 2, 14)
            if end is None or toks[end].lemma.lower() != "angehören" or self._wanted(end):
                continue  # a modal or another verb closes the clause: no membership told
            members = [m for m in self.ms if j + 1 < m.first and m.last <= end and self.joins(m)]
            neg = any(negates(toks, x, self.neg) for x in range(j + 2, end))
            out += self._emit(members, org, neg)
        return out

    def _whose_members(self, org: EntityMention, k: int, nouns: frozenset[str]) -> list[Fact]:
        """ "…, deren Mitglied Chile ist", "…, deren größtes Mitglied Russland ist": the
        names between the member noun at ``k`` (past adjectives) and the copula."""
        toks = self.toks
        while k < len(toks) and toks[k].pos.startswith("ADJ"):
            k += 1
        if not (k < len(toks) and toks[k].pos == "NN" and toks[k].lemma.lower() in nouns):
            return []
        end = self._closing_verb(k + 1, 11)
        if end is None or toks[end].lemma != "sein":
            return []
        members = [m for m in self.ms if k < m.first and m.last <= end and self.joins(m)]
        neg = any(negates(toks, x, self.neg) for x in range(k, end))
        return self._emit(members, org, neg)

    def _closing_verb(self, start: int, reach: int) -> int | None:
        """The verb that closes a relative clause whose words start at ``start``: the
        first verb within ``reach`` tokens, right before a comma, a full stop or a
        bracket; None where a punctuation mark or another verb comes first."""
        toks = self.toks
        end = next(
            (
                x
                for x in range(start, min(len(toks), start + reach))
                if toks[x].pos.startswith(("V", "$.", "$("))
            ),
            None,
        )
        if end is None or not toks[end].pos.startswith("V") or end + 1 >= len(toks):
            return None
        return end if toks[end + 1].text in (",", ".", ")") else None

    def _plural_member_noun(self, n: int) -> bool:
        """A member noun in the plural ("Mitgliedstaaten", "Mitglieder"): its form is no
        lemma."""
        return self.toks[n].text.lower() != self.toks[n].lemma.lower()

    def _examples_after(self, k: int, n: int) -> list[int]:
        """The names listed after a comma and an adverb of examples at ``k`` (",
        darunter X und Y", ", unter ihnen X"), for the plural member noun at ``n``."""
        toks = self.toks
        if not (self._plural_member_noun(n) and k < len(toks) and toks[k].text == ","):
            return []
        start = self._examples_at(k + 1)
        return self._names_listed(start) if start is not None else []

    def _examples_at(self, k: int) -> int | None:
        """Where the names start after an adverb of examples at ``k`` ("darunter", "unter
        ihnen", "unter anderem"), or None."""
        return next(
            (
                k + len(words)
                for words in (e.split() for e in self.examples)
                if [t.text.lower() for t in self.toks[k : k + len(words)]] == words
            ),
            None,
        )

    def _names_listed(self, start: int) -> list[int]:
        """The first token of each name in the list that starts at ``start`` ("der Kongo,
        Ruanda und Tansania")."""
        toks = self.toks
        heads: list[int] = []
        for x in range(start, len(toks)):
            if toks[x].pos.startswith("$") and toks[x].text != ",":
                break
            m = _mention_at(self.ms, x)
            if m is not None and m.first == x:
                heads.append(x)
            elif m is None and toks[x].pos not in ("KON", "$,", "ART", "ADJ(A)"):
                break
        return heads

    def _by_noun(self, n: int, *, named: EntityMention | None = None) -> list[Fact]:
        """The memberships a member noun states; ``named``: the organisation a compound
        of the noun names ("Nato-Mitglied")."""
        p, toks = self.parse, self.toks
        orgs = (
            [named]
            if named is not None
            else [
                m
                # ("Mitglied der Nato", "von", or "im Sicherheitsrat"; "der südostasiatischen
                # Staatengemeinschaft Asean": the name its class noun introduces)
                for c in p.dependents(n, "nmod")
                if preposition(toks, p, c, morph=self.morph) in (None, "von", "in")
                # (and its conjuncts: "Mitglied der Bündnisse Seato und Cento")
                for x in _with_conjuncts(p, c)
                for m in [self.named_at(x)]
                if m is not None and self.orgish(m)
            ]
        )
        if not orgs and preposition(toks, p, n, morph=self.morph) == "als":
            # "…, das als ständiges Mitglied im Sicherheitsrat sitzt": the body hangs on
            # the verb
            orgs = [
                m
                for c in p.dependents(p.heads[n], "obl")
                if preposition(toks, p, c, morph=self.morph) == "in"
                for m in [_mention_at(self.ms, c)]
                if m is not None and self.orgish(m)
            ]
        listed: list[int] = []
        if not orgs and self._plural_member_noun(n) and _mention_at(self.ms, n + 1):
            # "die übrigen Mitgliedstaaten Belarus, Armenien und Kirgistan": of the
            # organisation the sentence or the one before named last
            org = self._last_organisation(n, back=3)
            orgs, listed = ([org], self._names_listed(n + 1)) if org is not None else ([], [])
        if not orgs:
            return []
        subj = listed or list(p.dependents(n, "nsubj"))
        if not subj and preposition(toks, p, n, morph=self.morph) == "als":
            shared = clause_subject(self.ts, p.heads[n], morph=self.morph)
            if shared is not None:
                subj = [shared[0]]
        h = p.heads[n]
        if not subj and p.deps[n] in ("conj", "parataxis") and p.dependents(n, "cop"):
            # "Georgien strebt in die Nato, ist aber kein Mitglied": the shared subject
            subj = list(p.dependents(h, "nsubj"))
        if not subj and p.deps[n] == "nsubj" and p.dependents(h, "cop"):
            subj = [h]  # "Mitglied der EU ist das Land nicht": the parse inverts the copula
        if (
            not subj
            and p.deps[n].startswith("obl")
            and preposition(toks, p, n, morph=self.morph) == "zu"
            and toks[h].lemma.lower() in ("zählen", "gehören")
        ):
            # "Zu den Gründungsmitgliedern der AU zählen Ghana und Nigeria": the verb's subject
            subj = list(p.dependents(h, "nsubj"))
        if not subj:
            # "die 15 Mitgliedstaaten der Ecowas, darunter Nigeria und Ghana": the examples
            subj = self._examples_after(max(m.last for m in orgs), n)
        # "ist wie sein Nachbar Mitglied der X": the companion is a member too
        subj += [
            c
            for c in p.dependents(n, "nmod", "obl")
            if preposition(toks, p, c, morph=self.morph) in self.companions
        ]
        out: list[Fact] = []
        for org in orgs:
            # "X ist Mitglied der Y, Z dagegen nicht": Z alone is no member
            ellipsis = self._elliptical(n, org.last - 1)
            skip = frozenset({ellipsis[1]}) if ellipsis else frozenset()
            elided = ellipsis[0] if ellipsis else []
            members = [m for m in self.actors(subj) if m not in elided]
            # a copula of its own makes "Mitglied" a clause: the negation of the clause the
            # parse hangs it on is another's ("X ist Mitglied der Nato, die Schweiz gehört
            # dem Bündnis nicht an": X is a member)
            own_clause = any(toks[c].pos.endswith("(FIN)") for c in p.dependents(n, "cop"))
            above = [p.heads[n]] if p.heads[n] != n and not own_clause else []
            # (on the subject too: "Weder Israel noch Iran sind Mitglieder der Liga")
            neg = self.negated(n, *above, *p.dependents(n, "nsubj"), skip=skip)
            out += self._emit(members, org, neg) + (self._emit(elided, org, True) if elided else [])
        return out


def _readers(
    sentences: Sequence[TaggedSentence],
    mentions: Sequence[EntityMention],
    dictionary: ActorDictionary,
    lex: Lexicon,
    morph: Morphology,
) -> Iterator[_Reader]:
    """A reader for each parsed sentence, over its mentions that name something."""
    by_sentence: dict[int, list[EntityMention]] = {}
    for m in mentions:
        if m.keys:
            by_sentence.setdefault(m.sentence, []).append(m)
    for ts in sentences:
        if ts.parse is not None:
            idx = ts.sentence.index
            # (the three sentences before, as far back as a reference reaches)
            before = [m for i in range(idx - 3, idx) for m in by_sentence.get(i, ())]
            yield _Reader(ts, by_sentence.get(idx, []), dictionary, lex, morph, before)


def parse_leadership(
    sentences: Sequence[TaggedSentence],
    mentions: Sequence[EntityMention],
    dictionary: ActorDictionary,
    lex: Lexicon,
    *,
    morph: Morphology,
) -> list[Fact]:
    """Leadership from a verb of leading on an organisation's name: its participle
    attribute ("der von Russland geführten OVKS", "die von Saudi-Arabien angeführte
    Koalition") or its clause ("Russland führt die OVKS an", "Ansar Dine wird von X
    angeführt", "X, der das Bündnis Y anführt"); or from a person after the organisation
    and a preposition of leadership ("die Junta unter Oberst X"). A state or organisation
    leads; a person holds the position of the organisation's leader.

    >>> from kg.extract.pipeline import default_extractor
    >>> from kg.articles import parse_article_text
    >>> art = parse_article_text("date 2024-01-01 T\\nArmenien ist Mitglied der von "
    ...     "Russland geführten OVKS.\\n", identifier="t.txt", origin="t.txt")
    >>> a = default_extractor().analyse(art)
    >>> sorted((f.subject, f.object) for f in a.facts if f.kind.value == "leads")
    [('russia', 'csto')]
    """
    offices = {str(k): str(v) for k, v in dict(lex.cues.get("office_verbs") or {}).items()}
    verbs = lex.cue("leadership_verbs") | set(offices)
    under = lex.cue("leadership_prepositions")
    tops = lex.cue("top_nouns")
    parts = {str(k): str(v) for k, v in dict(lex.cues.get("led_parts") or {}).items()}
    out: list[Fact] = []
    for reader in _readers(sentences, mentions, dictionary, lex, morph):
        ts, p, ms = reader.ts, reader.parse, reader.ms
        for i, t in enumerate(ts.tokens):
            if t.verb in verbs and p.deps[i] in ("amod", "acl"):
                role = offices.get(t.verb, "leader")
                head = _mention_at(ms, p.heads[i])
                if head is None and p.heads[i] + 1 < len(ts.tokens):
                    # "die von Russland geführte Militärallianz OVKS": the class noun's name
                    head = next((m for m in ms if m.first == p.heads[i] + 1), None)
                led = [head] if head is not None and reader.orgish(head) else []
                agents = [
                    c
                    for c in p.children(i)
                    if (prep := preposition(ts.tokens, p, c, morph=morph))
                    and morph.is_agent_preposition(prep)
                ]
            elif t.pos.startswith("V") and (lemma := reader.verb_lemma(i)) in verbs:
                role = offices.get(lemma, "leader")
                led, agents = reader.led_in_clause(i)
                if not led and agents:
                    # "X, der die Delegation der Rebellen leitet": a part of the body
                    led, role = reader.led_part(i, parts, role)
            elif t.pos == "APPR" and t.text.lower() in under:
                # "die Junta unter Oberst X": the organisation named right before is led by
                # the person named right after (titles between); "die Unita steht unter
                # der Führung von X": the clause's subject, led in the noun's office
                role, leader, by_noun = reader.under_whom(i, lex)
                end = i - 1 if ts.tokens[i - 1].text == ")" else i  # "der HCUA (…) unter X"
                org = next((m for m in ms if m.last == end and m.keys), None)
                if org is None and by_noun:
                    org = reader.clause_subject_of(i)
                led = [org] if org is not None and reader.orgish(org) else []
                state_body = reader.state_body(org)
                if not led and state_body is not None and leader is not None:
                    # "die Militärregierung in Addis Abeba unter Oberstleutnant X", "die
                    # Armee Fidschis unter Kommodore X": a person leads the state's
                    # government, or commands its forces
                    assert org is not None
                    led = [org]
                    role = "commander" if state_body in reader.forces else role
                agents = [leader.first] if leader is not None else []
            elif t.pos == "NN" and t.lemma.lower() in tops and reader.at_top(i):
                # "An der Spitze der Unita steht X", "X steht an der Spitze der Unita"
                role = "leader"
                led, agents = reader.top_of(i)
            else:
                continue
            for org in led:
                for c in agents:
                    leader = reader.named_at(c) or reader.person_after(c)
                    if leader is not None and leader is not org:
                        out += _leaders(leader, org, ts.sentence.index, dictionary, role)
    return out


def _prefix_only(m: EntityMention, tok: Token) -> bool:
    """A mention of the first part of a compound only ("UN" of "UN-Truppe")."""
    return tok.text.startswith(m.text + "-")


def _leaders(
    leader: EntityMention, led: EntityMention, idx: int, d: ActorDictionary, role: str = "leader"
) -> list[Fact]:
    """A state or organisation leads (``ckg:leads``); a person holds the office of its
    leader (a position: "die von Paul Kagame angeführte RPF"), named in full or by the
    surname alone ("Lagu, der die SSLM anführt"), or of its chair (``role``)."""
    if (
        leader.cls == ActorClass.PERSON
        or leader.kind == MentionKind.SURNAME
        or d.is_a(leader.keys[0], ActorClass.PERSON)
    ):
        return [Fact(FactKind.POSITION, leader.keys[0], led.keys[0], idx, role)]
    return [Fact(FactKind.LEADS, k, led.keys[0], idx) for k in leader.keys]


def parse_chairs(
    sentences: Sequence[TaggedSentence],
    mentions: Sequence[EntityMention],
    dictionary: ActorDictionary,
    lex: Lexicon,
    *,
    morph: Morphology,
) -> list[Fact]:
    """Leadership held as a noun: "X hat den Vorsitz der Y inne", "X führt den OSZE-Vorsitz"
    (the subject of a holding verb whose object is a leadership noun of an organisation).

    >>> from kg.extract.pipeline import default_extractor
    >>> from kg.articles import parse_article_text
    >>> art = parse_article_text("date 2024-01-01 T\\nDeutschland hat derzeit den Vorsitz "
    ...     "der OSZE inne.\\n", identifier="t.txt", origin="t.txt")
    >>> a = default_extractor().analyse(art)
    >>> sorted((f.subject, f.object) for f in a.facts if f.kind.value == "leads")
    [('germany', 'osce')]
    """
    nouns = tuple(lex.cue("leadership_nouns"))
    verbs = lex.cue("leadership_holding_verbs")
    out: list[Fact] = []
    for reader in _readers(sentences, mentions, dictionary, lex, morph):
        ts, p, ms, toks = reader.ts, reader.parse, reader.ms, reader.toks
        out += _led_under(reader, nouns, dictionary, morph)
        for n, t in enumerate(toks):
            # "deren Vorsitz Senegal innehat": the parse may take either for the subject
            whose = any(toks[c].pos == "PRELAT" for c in p.children(n))
            if (
                t.pos != "NN"
                or not t.lemma.lower().endswith(nouns)
                or p.deps[n] not in (("obj", "nsubj") if whose else ("obj",))
            ):
                continue
            v = p.heads[n]
            lemma = toks[v].lemma.lower()
            particles = [toks[c].text.lower() for c in p.dependents(v, "compound:prt")]
            if (particles[0] + lemma if particles else lemma) not in verbs:
                continue
            # "OSZE-Vorsitz", "den Vorsitz der OSZE"
            orgs = _orgish_at(reader, ms, [n, *p.dependents(n, "nmod")])
            if not orgs:
                # "der den Vorsitz im Sicherheitsrat führt": the parse hangs the body on
                # the verb
                orgs = _orgish_at(
                    reader,
                    ms,
                    [
                        c
                        for c in p.dependents(v, "obl")
                        if preposition(toks, p, c, morph=morph) == "in"
                    ],
                )
            if not orgs:
                # "den Vorsitz der Wirtschaftsgemeinschaft Westafrikanischer Staaten
                # (Ecowas)": a long name the dictionary lacks, its abbreviation inside
                span = {x for c in p.dependents(n, "nmod") for x in p.subtree(c)}
                orgs = [m for m in ms if m.first in span and reader.orgish(m)][:1]
            shared = clause_subject(ts, v, morph=morph)
            holder = shared[0] if shared is not None else None
            if whose:
                # the holder is the clause's other argument
                holder = next((c for c in p.dependents(v, "nsubj", "obj") if c != n), None)
            if holder is None:
                continue
            subject = reader._antecedent(v, holder)  # "Compaoré, der den Vorsitz … innehat"
            if not orgs and p.deps[v] == "acl:relcl" and subject == holder:
                # "die AU, deren Vorsitz Senegal innehat", "der Sicherheitsrat, in dem
                # Brasilien den Vorsitz führt": the antecedent is the organisation
                antecedent = _mention_at(ms, p.heads[v])
                orgs = [antecedent] if antecedent is not None and reader.orgish(antecedent) else []
            if not orgs or reader.negated(v, n):
                continue
            role = lex.holder_role(t.lemma)
            for leader in reader.actors([subject]):
                keys = leader.keys if leader.kind == MentionKind.GROUP else leader.keys[:1]
                for org in orgs:
                    for k in keys:
                        if leader.cls == ActorClass.PERSON and role:
                            # a person holds the chair as an office of the organisation;
                            # a head of state holds it for the state ("Togos Staatschef X,
                            # der den Vorsitz der Ecowas innehat": Togo chairs it)
                            out.append(
                                Fact(FactKind.POSITION, k, org.keys[0], ts.sentence.index, role)
                            )
                            out += [
                                Fact(FactKind.LEADS, of, org.keys[0], ts.sentence.index)
                                for office, of, former in leader.offices
                                if of
                                and not former
                                and office in lex.national
                                and dictionary.is_a(of, ActorClass.STATE)
                            ]
                        else:
                            out.append(Fact(FactKind.LEADS, k, org.keys[0], ts.sentence.index))
    return out


def _led_under(
    reader: _Reader, nouns: tuple[str, ...], dictionary: ActorDictionary, morph: Morphology
) -> list[Fact]:
    """Leadership in a phrase "unter" a leadership noun on the body led: "eine
    Beobachtermission unter norwegischer Leitung, die Sri Lanka Monitoring Mission" (the
    state of the adjective or genitive leads the body the phrase hangs on, or the body
    named in apposition to it)."""
    ts, p, ms, toks = reader.ts, reader.parse, reader.ms, reader.toks
    out: list[Fact] = []
    for n, t in enumerate(toks):
        if (
            t.pos != "NN"
            or not t.lemma.lower().endswith(nouns)
            or preposition(toks, p, n, morph=morph) != "unter"
            or p.heads[n] == n
        ):
            continue
        leaders = [
            m
            for c in (*p.dependents(n, "amod"), *p.dependents(n, "nmod"))
            for m in [_mention_at(ms, c)]
            if m is not None and m.keys and dictionary.is_a(m.keys[0], ActorClass.STATE)
        ]
        h = p.heads[n]
        orgs = _orgish_at(reader, ms, [*p.dependents(h, "appos"), *p.dependents(n, "appos")])
        named = _mention_at(ms, h)
        if not orgs and named is not None and named.kind == MentionKind.NAME:
            orgs = [named] if reader.orgish(named) else []
        for leader in leaders[:1]:
            out += [
                Fact(FactKind.LEADS, leader.keys[0], org.keys[0], ts.sentence.index)
                for org in orgs[:1]
                if org.keys and org.keys[0] != leader.keys[0]
            ]
    return out


def _orgish_at(
    reader: _Reader, ms: Sequence[EntityMention], tokens: Sequence[int]
) -> list[EntityMention]:
    """The mentions of states or organisations at ``tokens``, in their order."""
    return [m for j in tokens for m in [_mention_at(ms, j)] if m is not None and reader.orgish(m)]


def parse_memberships(
    sentences: Sequence[TaggedSentence],
    mentions: Sequence[EntityMention],
    dictionary: ActorDictionary,
    lex: Lexicon,
    *,
    morph: Morphology,
) -> list[Fact]:
    """Membership facts of every parsed sentence."""
    member_verbs = lex.cue("member_verbs")
    member_nouns = lex.cue("member_nouns")
    out: list[Fact] = []
    compound_heads = lex.cue("member_compound_heads")
    allied = lex.cue("alliance_words")
    leave_verbs, leave_forms = lex.cue("leave_verbs"), lex.cue("leave_forms")
    admission_verbs, admission_forms = lex.cue("admission_verbs"), lex.cue("admission_forms")
    relatives = lex.cue("member_relatives")
    for reader in _readers(sentences, mentions, dictionary, lex, morph):
        # the words' reading of a relative clause after an organisation's name, where the
        # parse often loses the clause, wins for the pairs it reads
        read = reader.relative_members(relatives, member_nouns)
        pairs = {(f.subject, f.object) for f in read}
        found = reader.facts(member_verbs, member_nouns)
        out += [f for f in found if (f.subject, f.object) not in pairs] + read
        out += reader.allied(allied)
        out += reader.left(leave_verbs, leave_forms)
        out += reader.admitted(admission_verbs, admission_forms)
        out += reader.compounds(compound_heads)
    return out
