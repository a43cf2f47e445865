"""Stage 8: standing facts — offices, membership, non-membership, leadership, classes.

Reads tagged sentences and resolved mentions; writes :class:`~kg.extract.model.Fact`.

* Office: a title at a name ("Russlands Präsident X", "der armenische Ministerpräsident
  X", "Präsident X in Aserbaidschan", "US-Außenminister X"; "Präsident X" alone for a
  known person whose dictionary country the article names, or whose capital it names); a
  colleague takes the office of the person named before in the sentence ("sein armenischer
  Amtskollege X", "seine Kollegen X und Y"); "X führt als Ministerpräsident die
  Regierung"; "Ihr Anführer X" after an organisation is its leader. A former office
  ("früherer Präsident") is not a current position.
* Membership: "X ist Mitglied der Y", "X gehört Y an"; a body of an organisation
  ("die Minsk-Gruppe der OSZE").
* Non-membership: a negated membership ("X ist nicht Mitglied", "kein Mitglied"), and
  "B und C sind es nicht" after a membership statement.
* Leadership: "den Vorsitz (der Y) teilen sich A, B und C", "X führt den Vorsitz",
  "einem von X geführten Bündnis" as an apposition to an organisation.
* Class: an apposition noun states the class of an organisation ("einem … Militärbündnis").
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping, Sequence, Set

from kg.dictionary import ActorDictionary, Entry, class_is
from kg.extract.dates import MONTH_NAMES
from kg.extract.depparse import dateline_length
from kg.extract.lexicon import Lexicon
from kg.extract.membership import parse_chairs, parse_leadership, parse_memberships
from kg.extract.model import EntityMention, Fact, FactKind, MentionKind, TaggedSentence, Token
from kg.extract.morphology import Morphology
from kg.extract.syntax import clause_bounds
from kg.extract.tokens import bracketed
from kg.vocabulary import ActorClass, PlaceClass

__all__ = ["derive_facts"]


def _orgish(d: ActorDictionary, m: EntityMention) -> bool:
    return bool(m.keys) and (
        d.is_a(m.keys[0], ActorClass.ORGANIZATION) or class_is(m.cls, ActorClass.ORGANIZATION)
    )


def _dateline_mentions(
    sentences: Sequence[TaggedSentence], mentions: Sequence[EntityMention]
) -> list[EntityMention]:
    """The mentions of the article's dateline ("Kabul –", "Berlin (dena/Reuter) –"),
    without its agency's."""
    if not sentences:
        return []
    first = sentences[0]
    k = dateline_length(first.tokens)
    agency = bracketed([t.text for t in first.tokens[:k]])
    return [
        m
        for m in mentions
        if m.sentence == first.sentence.index and m.last <= k and m.keys and m.first not in agency
    ]


def _dateline_state(
    sentences: Sequence[TaggedSentence], mentions: Sequence[EntityMention], d: ActorDictionary
) -> str | None:
    """The state of the article's dateline ("Kabul –"), when it names one city."""
    if not sentences:
        return None
    first = sentences[0]
    k = dateline_length(first.tokens)
    # (a town of the dateline no dictionary lists tells no state)
    places = [m.keys[0] for m in _dateline_mentions(sentences, mentions) if m.keys[0] in d]
    if len(places) != 1:
        return None
    entry = d.get(places[0])
    country = entry.rel("country") if entry is not None else ()
    state = d.capital_of(places[0]) or (country[0] if country else None)
    # the venue of talks abroad ("New York –") is no home: the state must be named too
    named = {
        key
        for m in mentions
        if not (m.sentence == first.sentence.index and m.last <= k)
        for key in m.keys
    }
    return state if state in named else None


def _dateline_town(
    sentences: Sequence[TaggedSentence], mentions: Sequence[EntityMention], d: ActorDictionary
) -> str | None:
    """The town of a dateline that names one place ("Berlin (dena/Reuter) –"), listed or
    not; None for a state, a region or a dateline of several."""
    places = _dateline_mentions(sentences, mentions)
    if len(places) != 1:
        return None
    key = places[0].keys[0]
    cls = d[key].cls if key in d else places[0].cls
    return key if cls and class_is(cls, PlaceClass.CITY) else None


def _adverbials_only(between: Sequence[Token], morph: Morphology) -> bool:
    """Only a copula, adverbs, negation and time phrases between a member and "Mitglied"
    ("Finnland ist seit April 2023 Mitglied der Nato")."""
    if len(between) > 7:
        return False
    return all(
        t.pos.startswith(("VA", "ADV", "APPR", "CARD", "PTKNEG", "PIAT", "ADJD"))
        or (t.pos == "NN" and (morph.is_time_noun(t.lemma) or t.text.lower() in MONTH_NAMES))
        for t in between
    )


def derive_facts(
    sentences: Sequence[TaggedSentence],
    mentions: Sequence[EntityMention],
    dictionary: ActorDictionary,
    lex: Lexicon,
    *,
    morph: Morphology,
    home: str | None = None,
) -> tuple[Fact, ...]:
    """The standing facts of an article: offices, memberships (by position and from the
    parse, the parse winning), bodies of organisations, chairs and leadership, and the
    class an apposition gives an organisation. ``morph``: the grammar word lists, loaded
    once by the caller."""
    d = dictionary
    facts: list[Fact] = []
    dateline_state = _dateline_state(sentences, mentions, d)
    # the headline's state first: a story is datelined where the talks are held abroad
    home = home or dateline_state
    town = _dateline_town(sentences, mentions, d)
    members = _PositionalMemberships(d, lex, morph)
    # what the article has named up to each sentence, gathered once as the sentences go by
    in_order = sorted(mentions, key=lambda m: m.sentence)
    taken = 0
    named_so_far: set[str] = set()
    armed: set[str] = set()
    # the armed groups of the whole article, for a rebel leader named before his group
    # ("Rebellenführer Foday Sankoh …; die RUF …")
    armed_in_article = {
        k
        for m in mentions
        if m.kind == MentionKind.NAME
        for k in m.keys
        if d.is_a(k, ActorClass.ARMED_GROUP) or m.cls == ActorClass.ARMED_GROUP
    } or {
        # with no armed group named, the one the article refers to by its noun ("Die
        # Separatisten … Separatistenführer X")
        k
        for m in mentions
        if m.kind == MentionKind.GROUP and m.cls == ActorClass.ARMED_GROUP
        for k in m.keys
    }
    for ts in sentences:
        idx = ts.sentence.index
        # a dateline ("Brüssel – Als Mitglied der Nato …") is no part of the sentence
        opening = dateline_length(ts.tokens) if ts is sentences[0] else 0
        ms = sorted(
            (m for m in mentions if m.sentence == idx and m.keys and m.first >= opening),
            key=lambda m: m.first,
        )
        while taken < len(in_order) and in_order[taken].sentence <= idx:
            m = in_order[taken]
            named_so_far |= _states_named(m.keys, d)
            if m.kind == MentionKind.NAME:
                armed.update(
                    k
                    for k in m.keys
                    if d.is_a(k, ActorClass.ARMED_GROUP) or m.cls == ActorClass.ARMED_GROUP
                )
            taken += 1
        prior_orgs = [
            (m.sentence, m.first, m.keys[0])
            for m in mentions
            if m.sentence in (idx - 1, idx) and m.kind == MentionKind.NAME and _orgish(d, m)
        ]
        prior_actors = [
            (m.sentence, m.first, m.keys[0])
            for m in mentions
            if m.sentence in (idx - 1, idx)
            and m.kind == MentionKind.NAME
            and (_orgish(d, m) or d.is_a(m.keys[0], ActorClass.STATE))
        ]
        facts += _offices(
            ts,
            ms,
            named_so_far,
            d,
            lex,
            home,
            armed or armed_in_article,
            prior_orgs,
            prior_actors,
            town=town,
        )
        facts += _predicative_offices(ts, [m for m in mentions if m.sentence == idx], lex)
        titles = [m for m in mentions if m.sentence == idx and m.kind == MentionKind.TITLE]
        facts += _als_offices(ts, ms, d, lex, named_so_far, home, titles=titles)
        facts += _appointed_offices(ts, ms, d, lex, named_so_far, home)
        facts += members.sentence(ts, ms)
        facts += _bodies(ts, ms, d)
        facts += _chairs(ts, ms, d, lex)
        facts += _appositions(ts, ms, d, lex)
    # membership read from the parse wins over the positional reading of the same pair
    parsed = parse_memberships(sentences, mentions, dictionary, lex, morph=morph)
    facts += parse_leadership(sentences, mentions, dictionary, lex, morph=morph)
    facts += parse_chairs(sentences, mentions, dictionary, lex, morph=morph)
    decided = {(f.subject, f.object, f.sentence) for f in parsed}
    facts = [
        f
        for f in facts
        if f.kind not in (FactKind.MEMBER, FactKind.NOT_MEMBER)
        or (f.subject, f.object, f.sentence) not in decided
    ] + parsed
    facts = _contrasted(sentences, mentions, facts, lex)
    facts += _leading_members(facts, d, {k: m.cls for m in mentions for k in m.keys[:1]})
    seen: dict[tuple, Fact] = {}
    for f in facts:
        seen.setdefault((f.kind.value, f.subject, f.object, f.role), f)
    return tuple(seen.values())


def _leading_members(
    facts: Sequence[Fact], d: ActorDictionary, minted: Mapping[str, str]
) -> list[Fact]:
    """A state that leads or chairs a body of states is a member of it ("die von Russland
    angeführte OVKS", "Die Philippinen haben den Vorsitz der Asean inne"), unless the
    article says it is not."""
    denied = {(f.subject, f.object) for f in facts if f.kind == FactKind.NOT_MEMBER}
    return [
        Fact(FactKind.MEMBER, f.subject, f.object, f.sentence)
        for f in facts
        if f.kind == FactKind.LEADS
        and d.is_a(f.subject, ActorClass.STATE)
        and (f.subject, f.object) not in denied
        and class_is(
            d[f.object].cls if f.object in d else minted.get(f.object, ""),
            ActorClass.INTERNATIONAL_ORGANIZATION,
            ActorClass.MILITARY_ALLIANCE,
        )
    ]


def _contrasted(
    sentences: Sequence[TaggedSentence],
    mentions: Sequence[EntityMention],
    facts: Sequence[Fact],
    lex: Lexicon,
) -> list[Fact]:
    """Memberships with a name set against them ("Anders als Griechenland ist die Türkei
    kein Mitglied der EU", "Die Türkei ist im Gegensatz zu Griechenland kein Mitglied der
    EU"): the contrasted name has the opposite standing in the same organisation, and
    whatever the sentence's other rules said of it is dropped.

    >>> from kg.extract.pipeline import default_extractor
    >>> from kg.articles import parse_article_text
    >>> art = parse_article_text("date 2024-01-01 T\\nDie Türkei ist anders als Griechenland "
    ...     "kein Mitglied der EU.\\n", identifier="t.txt", origin="t.txt")
    >>> a = default_extractor().analyse(art)
    >>> sorted((f.kind.value, f.subject) for f in a.facts)
    [('member', 'greece'), ('not-member', 'turkey')]
    """
    phrases = [p.split() for p in sorted(lex.cue("contrast_phrases"), key=len, reverse=True)]
    by_index = {ts.sentence.index: ts for ts in sentences}
    contrasted: dict[int, set[str]] = {}
    for m in mentions:
        ts = by_index.get(m.sentence)
        if ts is None or not m.keys or m.kind != MentionKind.NAME:
            continue
        before = [t.text.lower() for t in ts.tokens[max(0, m.first - 4) : m.first]]
        if any(before[-len(words) :] == words for words in phrases):
            contrasted.setdefault(m.sentence, set()).update(m.keys)
    if not contrasted:
        return list(facts)
    kinds = (FactKind.MEMBER, FactKind.NOT_MEMBER)
    out = [
        f for f in facts if not (f.kind in kinds and f.subject in contrasted.get(f.sentence, ()))
    ]
    for f in facts:
        if f.kind not in kinds or f.subject in contrasted.get(f.sentence, ()):
            continue
        flipped = FactKind.NOT_MEMBER if f.kind == FactKind.MEMBER else FactKind.MEMBER
        out += [
            Fact(flipped, k, f.object, f.sentence)
            for k in sorted(contrasted.get(f.sentence, ()))
            if k != f.object
        ]
    return out


def _rebel_title(m: EntityMention, lex: Lexicon) -> bool:
    """Whether the title of a person's mention names a leader of rebels ("Rebellenführer",
    "Milizenchef", "Guerillakommandeur"): a word of it opens with an armed group's noun."""
    return any(lex.opens_with_armed_group(w) for w in m.text.split()[:3])


def _government_title(m: EntityMention, lex: Lexicon) -> bool:
    """Whether the title of a person's mention names a state's government body
    ("Außenamtssprecherin", "Sprecher des Verteidigungsministeriums"; references.yaml
    ``government_title_words``)."""
    words = lex.ref("government_title_words")
    return any(w in t for t in m.text.lower().split()[:4] for w in words)


def _states_named(keys: Iterable[str], d: ActorDictionary) -> set[str]:
    """The actors an article has named, with the state of each capital named ("Scharfe
    Kritik kam aus Moskau. Präsident Boris Jelzin …": the article speaks of Russia)."""
    named = set(keys)
    for k in list(named):
        entry = d.get(k)
        if entry is not None:
            named.update(entry.rel("capital_of"))
    return named


def _own_state(entry: Entry | None, named: Set[str], home: str | None) -> str | None:
    """The state a known person held office in, among those the article named (the
    story's own first, for a person who held office in two)."""
    countries = [
        c for c in (entry.rel("country") if entry is not None else ()) if c in named or c == home
    ]
    return home if home in countries else (countries[0] if countries else None)


def _sole_state(entry: Entry, role: str, lex: Lexicon) -> str | None:
    """The one state a known person ever held office in, for a government title with no
    state named ("Premierminister John Vorster" in a story that only names Soweto), else
    None: a person of two states needs the article to say which."""
    countries = entry.rel("country")
    return countries[0] if len(countries) == 1 and role in lex.national else None


def _offices(
    ts: TaggedSentence,
    ms: Sequence[EntityMention],
    named_so_far: set[str],
    d: ActorDictionary,
    lex: Lexicon,
    home: str | None,
    armed: Set[str] = frozenset(),
    orgs: Sequence[tuple[int, int, str]] = (),
    actors: Sequence[tuple[int, int, str]] = (),
    *,
    town: str | None = None,
) -> list[Fact]:
    """Offices of the people of a sentence, and of colleagues ("sein Amtskollege X", "seine
    Kollegen X und Y"); ``orgs``: the organisations named in this sentence and the one
    before, in order, which a possessive before a title refers to ("Die Séléka … Ihr
    Anführer Michel Djotodia"); ``actors``: the states and organisations named there, whose
    spokesperson a bare title names where they are one; ``town``: the dateline's one town,
    whose mayor a bare title names."""
    idx = ts.sentence.index
    facts: list[Fact] = []
    last_office: str | None = None
    colleagues = _colleagues(ts, ms)
    for m in ms:
        entry = d.get(m.keys[0])
        for role, of, former in m.offices:
            if of and entry is not None and d.is_a(of, ActorClass.STATE):
                # a known person's office of a state they never served: the list or group
                # it was read from was misread; the dictionary's state the article names wins
                own = _own_state(entry, named_so_far, home)
                if own and of not in entry.rel("country"):
                    of = own
            # (an office of a state's government is not an organisation's: "ihr Außenminister")
            owner = (
                _possessive_owner(ts, m, orgs)
                if role and not of and role not in lex.national
                else None
            ) or (_relative_owner(ts, m, ms, d, lex) if role and not of else None)
            if owner is None and role == "spokesperson" and not of:
                owner = _spoken_for(m, actors, lex)
            people_before = [
                p for p in ms if p.cls == ActorClass.PERSON and p.last <= m.first and p.keys
            ]
            if (
                owner is None
                and role
                and not of
                and facts
                and people_before
                and facts[-1].subject == people_before[-1].keys[0]
                and _possessive_before(ts, m)
            ):
                # "Präsident Putin schickte seinen Sondergesandten X": the office is of
                # the state of the office holder named just before in the sentence
                owner = facts[-1].object
            if owner is not None:
                of = owner
            elif role and not of and len(armed) == 1 and _rebel_title(m, lex):
                # "Rebellenführer Foday Sankoh": of the one armed group named so far
                of = next(iter(armed))
            elif (
                role
                and not of
                and entry is not None
                and entry.rel("country")
                # a rebel leader leads no state ("Rebellenführer Foday Sankoh")
                and not _rebel_title(m, lex)
            ):
                # "Präsident Félix Tshisekedi" in an article that names his country: the
                # dictionary's country of a known person, once the article names it; of a
                # person who held offices in two states, the story's where it is one of them
                of = _own_state(entry, named_so_far, home) or _sole_state(entry, role, lex)
            elif role and not of and town and role in lex.town_roles:
                of = town  # "Berlin – … Oberbürgermeister Ernst Reuter"
            elif (
                role
                and not of
                and not (entry and entry.rel("country"))
                and (role in lex.national or _government_title(m, lex))
            ):
                # "Kabul – … Präsident Aschraf Ghani", "Sprecher des Außenministeriums X": a
                # government office with no state named is one of the state the story is
                # about (headline, else dateline)
                of = home
            if role and of and not former and m.cls == ActorClass.PERSON:
                facts.append(Fact(FactKind.POSITION, m.keys[0], of, idx, role))
                last_office = role
        if m in colleagues and last_office and m.cls == ActorClass.PERSON:
            states = [of for _r, of, former in m.offices if of and not former]
            if not states and not m.offices:
                # "seine Kollegen Georgios Mavros und Turan Günes": known people's own state
                states = [s for s in [_own_state(entry, named_so_far, None)] if s]
            for of in states:
                facts.append(Fact(FactKind.POSITION, m.keys[0], of, idx, last_office))
    return facts


def _possessive_owner(
    ts: TaggedSentence, m: EntityMention, orgs: Sequence[tuple[int, int, str]]
) -> str | None:
    """The organisation a possessive before a person's title refers to: the last one
    named before the person ("Die Rebellen der UÇK stimmten zu. Ihr politischer Führer
    Ali Ahmeti …"), or None. (Recognition resolves a possessive first where the gender
    agrees and no person is named; this is the fallback where a person is.)"""
    if not _possessive_before(ts, m):
        return None
    before = [k for s, first, k in orgs if s < m.sentence or first < m.first]
    return before[-1] if before else None


def _relative_owner(
    ts: TaggedSentence,
    m: EntityMention,
    ms: Sequence[EntityMention],
    d: ActorDictionary,
    lex: Lexicon,
) -> str | None:
    """The organisation a relative possessive right after its name refers to, whatever
    the office ("das IKRK, dessen Präsidentin X": the ICRC's president, not a state's),
    or None."""
    toks = ts.tokens
    j = m.first - 1
    while j >= 0 and toks[j].pos == "ADJ(A)":
        j -= 1
    relatives = lex.ref("relative_possessives_sein") | lex.ref("relative_possessives_ihr")
    if not (j >= 2 and toks[j].text.lower() in relatives and toks[j - 1].text == ","):
        return None
    end = j - 1
    while end > 0 and toks[end - 1].pos.startswith("V"):
        end -= 1  # "soll das IKRK abwickeln, dessen …": the clause moved past the verb
    if end > 0 and toks[end - 1].text == ")":
        end -= 1  # "das Komitee vom Roten Kreuz (IKRK), dessen …": its short name
    before = next((x for x in ms if x.last == end), None)
    return before.keys[0] if before is not None and _orgish(d, before) else None


def _possessive_before(ts: TaggedSentence, m: EntityMention) -> bool:
    """A possessive stands before the person's title ("seinen Sondergesandten X", "Ihr
    Anführer X", "deren Generalsekretär X")."""
    toks = ts.tokens
    j = m.first - 1
    while j >= 0 and toks[j].pos == "ADJ(A)":
        j -= 1
    return j >= 0 and (
        (toks[j].pos == "PPOSAT" and toks[j].text.lower().startswith(("ihr", "sein")))
        # (HanTa tags a sentence's opening "Deren" a demonstrative)
        or (
            toks[j].pos in ("PRELAT", "PDS", "PDAT") and toks[j].text.lower() in ("deren", "dessen")
        )
    )


def _spoken_for(
    m: EntityMention, actors: Sequence[tuple[int, int, str]], lex: Lexicon
) -> str | None:
    """Whom a bare "Sprecher" speaks for: the one state or organisation named before the
    person, in the sentence or the one before ("Das Außenministerium in Baku wies die
    Vorwürfe zurück. …, erklärte Sprecherin X"), or None where none or several are (a
    compound such as "Armeesprecher" names its body itself)."""
    if lex.titles.get(m.text.split()[0].lower()) != "spokesperson":
        return None
    before = {k for s, first, k in actors if s < m.sentence or first < m.first}
    return next(iter(before)) if len(before) == 1 else None


def _colleagues(ts: TaggedSentence, ms: Sequence[EntityMention]) -> list[EntityMention]:
    """The colleagues of a sentence: those a colleague noun names, and the names listed
    right after one ("seine Kollegen X und Y")."""
    toks = ts.tokens
    out: list[EntityMention] = []
    for m in ms:
        prev = out[-1] if out else None
        listed = (
            prev is not None
            and m.first == prev.last + 1
            and toks[prev.last].text in ("und", ",")
            and m.kind == MentionKind.NAME
            and not m.offices
        )
        if m.colleague or listed:
            out.append(m)
    return out


def _predicative_offices(
    ts: TaggedSentence, ms: Sequence[EntityMention], lex: Lexicon
) -> list[Fact]:
    """Offices stated by a present copula: a person and a title that names its state in one
    clause ("Ruto ist seit 2022 Präsident Kenias", "Der Präsident Kenias ist William
    Ruto"), or a relative clause on the person ("Ruto, der Präsident Kenias ist, …")."""
    toks = ts.tokens
    copulas, negation = lex.cue("present_copulas"), lex.cue("negation")
    facts: list[Fact] = []
    for j, t in enumerate(toks):
        if t.pos != "VA(FIN)" or t.text.lower() not in copulas:
            continue
        a, b = clause_bounds(toks, j)
        if any(x.text.lower() in negation for x in toks[a:b]):
            continue
        inside = [m for m in ms if a <= m.first and m.last <= b]
        # a title not resolved to a person (an organisation's stands for it till then)
        titles = [
            m
            for m in inside
            if m.kind == MentionKind.TITLE and m.offices and m.cls != ActorClass.PERSON
        ]
        # (a person's pronoun as much as a name: "Er ist seit Juli Sondergesandter der UN")
        persons = [
            m
            for m in inside
            if m.keys
            and (
                m.cls == ActorClass.PERSON
                or (m.kind == MentionKind.PRONOUN and m.group == "person")
            )
            and m.kind != MentionKind.TITLE
        ]
        # one with no office of its own first; else one with a rank ("Kommandeur der
        # Unamir ist der kanadische General X")
        people = [m for m in persons if not m.offices] or persons
        if not people and a >= 2 and toks[a - 1].text == "," and toks[a].pos == "PRELS":
            people = [m for m in ms if m.keys and m.cls == ActorClass.PERSON and m.last == a - 1]
        if len(titles) != 1 or len(people) != 1:
            continue
        for role, of, former in titles[0].offices:
            if role and of and not former:
                facts.append(
                    Fact(FactKind.POSITION, people[0].keys[0], of, ts.sentence.index, role)
                )
    return facts


def _als_offices(
    ts: TaggedSentence,
    ms: Sequence[EntityMention],
    d: ActorDictionary,
    lex: Lexicon,
    named: Set[str],
    home: str | None,
    *,
    titles: Sequence[EntityMention] = (),
) -> list[Fact]:
    """Offices a person acts in, stated by "als" and a bare title in the person's clause
    ("Karamanlis führt seither als Ministerpräsident die Regierung", "…, der als
    russischer Außenminister …"): of the state the phrase names, else the known person's
    own, else (a government office) the story's."""
    toks, n = ts.tokens, len(ts.tokens)
    facts: list[Fact] = []
    by_first = {m.first: m for m in ms}
    for j, t in enumerate(toks[:-1]):
        if t.text.lower() != "als":
            continue
        k = j + 1
        adjective = None
        # "als erster nordkoreanischer Machthaber": the adjectives, a state's among them
        while k < n - 1 and toks[k].pos == "ADJ(A)":
            adjective = by_first.get(k, adjective)
            k += 1
        role = lex.title_role(toks[k].text) if k < n and toks[k].pos == "NN" else None
        if not role or any(x.text.lower().startswith(tuple(lex.former)) for x in toks[j + 1 : k]):
            continue
        a, b = clause_bounds(toks, j)
        if any(x.text.lower() in lex.cue("negation") for x in toks[a:b]):
            continue
        people = [m for m in ms if m.cls == ActorClass.PERSON and a <= m.first and m.last <= j]
        if not people and a >= 2 and toks[a - 1].text == "," and toks[a].pos == "PRELS":
            people = [m for m in ms if m.cls == ActorClass.PERSON and m.last == a - 1]
        if not people and j == a:
            # "Als erster nordkoreanischer Machthaber … hat Kim Jong Un …": the phrase opens
            # the clause, and its subject follows the finite verb
            people = [
                m
                for m in ms
                if m.cls == ActorClass.PERSON
                and k < m.first < b
                and toks[m.first - 1].pos.endswith("(FIN)")
            ][:1]
        if len(people) != 1 or people[0].offices:
            continue
        person, entry = people[0], d.get(people[0].keys[0])
        genitive = by_first.get(
            k + 2 if k + 1 < n and toks[k + 1].text in ("des", "der") else k + 1
        )
        if genitive is not None and (
            genitive.kind != MentionKind.NAME
            or (genitive.first == k + 1 and not genitive.text.endswith("s"))
        ):
            # a state's genitive ("als Präsident Kenias", "… der Türkei"), not "die Regierung"
            genitive = None
        # the title read with its state ("nordkoreanischer Machthaber")
        titled = next(
            (
                of
                for m in titles
                if m.first <= k < m.last
                for _r, of, former in m.offices
                if of and not former and d.is_a(of, ActorClass.STATE)
            ),
            None,
        )
        of = (
            titled
            or next(
                (
                    m.keys[0]
                    for m in (adjective, genitive)
                    if m is not None and m.keys and d.is_a(m.keys[0], ActorClass.STATE)
                ),
                None,
            )
            or _own_state(entry, named, home)
        )
        if of is None and entry is None and role in lex.national:
            of = home
        if of:
            facts.append(Fact(FactKind.POSITION, person.keys[0], of, ts.sentence.index, role))
    return facts


def _appointed_offices(
    ts: TaggedSentence,
    ms: Sequence[EntityMention],
    d: ActorDictionary,
    lex: Lexicon,
    named: Set[str],
    home: str | None,
) -> list[Fact]:
    """Offices a person was put in by a verb of appointing and "zum"/"zur" with a title
    ("Das Parlament wählte X zum Präsidenten Afghanistans", "X, der im September zum
    Präsidenten gewählt worden war"): the title's state, else the known person's own, else
    (a government office) the story's. An appointment only planned, wished or denied ("soll
    X zum Staatsoberhaupt wählen", "könnte zum Regierungschef ernannt werden") is none.

    >>> from kg.extract.pipeline import default_extractor
    >>> from kg.articles import parse_article_text
    >>> art = parse_article_text("date 2024-01-01 T\\nDas Parlament wählte Hamid Karsai zum "
    ...     "Präsidenten Afghanistans.\\n", identifier="t.txt", origin="t.txt")
    >>> a = default_extractor().analyse(art)
    >>> sorted((f.subject, f.role, f.object) for f in a.facts if f.kind.value == "position")
    [('hamid-karzai', 'president', 'afghanistan')]
    """
    toks, n = ts.tokens, len(ts.tokens)
    verbs, idx = lex.cue("appointment_verbs"), ts.sentence.index
    unreal = (
        lex.cue("irrealis")
        | lex.cue("irrealis_modals")
        | lex.cue("negation")
        | lex.future_auxiliaries  # "soll X zum Staatsoberhaupt wählen"
    )
    by_first = {m.first: m for m in ms}
    facts: list[Fact] = []
    for j, t in enumerate(toks[:-2]):
        if t.text.lower() not in ("zum", "zur"):
            continue
        k = j + 1
        adjectives = []
        while k < n - 1 and toks[k].pos == "ADJ(A)":
            adjectives.append(by_first.get(k))
            k += 1
        role = lex.title_role(toks[k].text) if toks[k].pos == "NN" else None
        a, b = clause_bounds(toks, j)
        clause = toks[a:b]
        verb = next((x for x in clause if _appointing(x, clause, verbs)), None)
        if (
            not role
            or verb is None
            or any(x.text.lower().startswith(tuple(lex.former)) for x in toks[j + 1 : k])
        ):
            continue
        if any(
            x.text.lower() in unreal
            or x.lemma.lower() in unreal
            or x.pos in ("VV(INF)", "VA(INF)", "PTKZU")
            for x in clause
        ):
            continue  # planned, wished, denied, or to be done
        holder = _appointee(ts, ms, a, b, j, verb)
        if holder is None or any(r == role and o for r, o, _f in holder.offices):
            continue
        genitive = by_first.get(
            k + 2 if k + 1 < n and toks[k + 1].text in ("des", "der", "von") else k + 1
        )
        states = [
            m.keys[0]
            for m in (*adjectives, genitive)
            if m is not None and m.keys and m.kind in (MentionKind.NAME, MentionKind.ADJECTIVE)
        ]
        of = next((s for s in states if d.is_a(s, ActorClass.STATE)), None)
        if of is None and genitive is not None and _orgish(d, genitive):
            of = genitive.keys[0]  # "zum Generalsekretär der Partei"
        if of is None:
            of = _appointers_state(ts, ms, d, verb, holder, role, lex)
        entry = d.get(holder.keys[0])
        of = of or _own_state(entry, named, home)
        if of is None and entry is None and role in lex.national:
            of = home
        if of:
            facts.append(Fact(FactKind.POSITION, holder.keys[0], of, idx, role))
    return facts


def _appointers_state(
    ts: TaggedSentence,
    ms: Sequence[EntityMention],
    d: ActorDictionary,
    verb: Token,
    holder: EntityMention,
    role: str,
    lex: Lexicon,
) -> str | None:
    """The state whose national office an appointment fills, by who appoints: the state or
    its body as the verb's subject ("Das Parlament Kenias wählte X zum Präsidenten") or a
    person in a national office of one ("Kenias Präsident Y ernannte X zum
    Außenminister"); None for a passive or another subject (an organisation's choice of a
    "Präsident" may be its own or a state's: measured, it named the wrong body)."""
    p = ts.parse
    if p is None or any(ts.tokens[c].lemma == "werden" for c in p.dependents(verb.i, "aux")):
        return None
    # (the subject's phrase: "Das Parlament Kenias", the state in its genitive)
    span = {x for c in p.dependents(verb.i, "nsubj") for x in p.subtree(c)}
    subject = next((m for m in ms if m.first in span and m.keys and m is not holder), None)
    if subject is None or role not in lex.national:
        return None
    if d.is_a(subject.keys[0], ActorClass.STATE):
        return subject.keys[0]
    return next(
        (
            of
            for role, of, former in subject.offices
            if of and not former and role in lex.national and d.is_a(of, ActorClass.STATE)
        ),
        None,
    )


def _appointing(tok: Token, clause: Sequence[Token], verbs: Set[str]) -> bool:
    """A verb of appointing, its particle apart or not ("rief X zum Präsidenten aus")."""
    if not tok.pos.startswith("VV"):
        return False
    lemma = tok.lemma.lower()
    particles = [x.text.lower() for x in clause if x.pos == "PTKVZ"]
    return lemma in verbs or any(p + lemma in verbs for p in particles)


def _appointee(
    ts: TaggedSentence, ms: Sequence[EntityMention], a: int, b: int, j: int, verb: Token
) -> EntityMention | None:
    """Who an appointment in the clause [a, b) puts in office: the parse's object of an
    active verb or subject of a passive one; a relative pronoun's named antecedent; else
    the one person named in the clause outside the title's phrase and any agent phrase."""
    toks = ts.tokens
    people = [
        m
        for m in ms
        if m.cls == ActorClass.PERSON
        and m.keys
        and a <= m.first
        and m.last <= b
        and m.first != j + 1
    ]
    p = ts.parse
    if toks[a].pos == "PRELS" and a >= 2 and toks[a - 1].text == ",":
        # the antecedent: the name before the comma, or the one the parse hangs the
        # clause on ("wird von X geführt, der … ernannt worden war")
        v = verb.i
        on = p.heads[v] if p is not None and p.deps[v] == "acl:relcl" else a - 1
        before = next(
            (
                m
                for m in ms
                if m.cls == ActorClass.PERSON
                and m.keys
                and (m.last == a - 1 or m.first <= on < m.last)
            ),
            None,
        )
        passive = any(x.lemma == "werden" for x in toks[a:b])
        if before is not None and (
            passive or (toks[a].text.lower() in ("den", "die") and not people)
        ):
            return before
    if p is not None:
        v = verb.i
        passive = any(toks[c].lemma == "werden" for c in p.dependents(v, "aux:pass", "aux"))
        heads = p.dependents(v, "nsubj:pass", "nsubj") if passive else p.dependents(v, "obj")
        found = [m for m in people if any(m.first <= h < m.last for h in heads)]
        if len(found) == 1:
            return found[0]
    agents = {
        m.first
        for m in people
        if m.first > 0 and toks[m.first - 1].text.lower() in ("von", "vom", "durch")
    }
    rest = [m for m in people if m.first not in agents]
    return rest[0] if len(rest) == 1 else None


class _PositionalMemberships:
    """Memberships read off word positions ("X (ist) Mitglied der Y", "X gehört der Y
    an"), negated ones as non-memberships; remembers the organisation of the last one
    across sentences ("…, Venezuela ist kein Mitglied.")."""

    def __init__(self, d: ActorDictionary, lex: Lexicon, morph: Morphology) -> None:
        self.d = d
        self.morph = morph
        self.neg_words = lex.cue("negation")
        self.member_nouns = lex.cue("member_nouns")
        self.member_verbs = lex.cue("member_verbs") - {"beitreten"}  # joining: not yet
        self.last_org: EntityMention | None = None

    def sentence(self, ts: TaggedSentence, ms: Sequence[EntityMention]) -> list[Fact]:
        facts: list[Fact] = []
        member_of: str | None = None
        for j, t in enumerate(ts.tokens):
            found: list[Fact] | None = None
            if t.lemma.lower() in self.member_nouns and t.pos == "NN":
                found = self._by_noun(ts, ms, j)
            elif t.lemma.lower() in self.member_verbs and t.pos.startswith("V"):
                found = self._by_verb(ts, ms, j)
            if found is not None:
                facts += found
                assert self.last_org is not None
                member_of = self.last_org.keys[0]
        if member_of:
            facts += self._elided(ts, ms, member_of)
        return facts

    def _by_noun(
        self, ts: TaggedSentence, ms: Sequence[EntityMention], j: int
    ) -> list[Fact] | None:
        d, toks, idx = self.d, ts.tokens, ts.sentence.index
        org = next((m for m in ms if m.first in (j + 1, j + 2) and _orgish(d, m)), None)
        if (
            org is None
            and self.last_org is not None
            and (j + 1 >= len(toks) or toks[j + 1].pos.startswith("$"))
        ):
            # "..., Venezuela ist kein Mitglied.": the organisation named before
            org = self.last_org
        subj = next(
            (
                m
                for m in reversed(ms)
                if m.last <= j
                and (m.last >= j - 3 or _adverbials_only(toks[m.last : j], self.morph))
                and not _orgish(d, m)
                # a full verb between makes the phrase its argument ("Soldaten schicken
                # die Mitgliedstaaten der OVKS"), "bleiben" as a copula aside
                and not any(
                    x.pos.startswith(("VV", "VM")) and x.lemma.lower() != "bleiben"
                    for x in toks[m.last : j]
                )
            ),
            None,
        )
        listed = _listed_after(toks, ms, org, d) if org is not None else []
        if org is not None and listed:
            # "die Mitgliedstaaten der OVKS, Belarus und Armenien": the states in apposition
            self.last_org = org
            return [Fact(FactKind.MEMBER, m.keys[0], org.keys[0], idx) for m in listed]
        if org is None or subj is None:
            return None
        neg = any(x.text.lower() in self.neg_words for x in toks[subj.last : j])
        kind = FactKind.NOT_MEMBER if neg else FactKind.MEMBER
        members = _coordinated_before(toks, ms, subj, d)
        orgs = _coordinated_orgs(toks, ms, org, d)
        facts = []
        for o in orgs:
            for member in reversed(members):
                # a group reference ("Beide Länder sind Mitglieder") stands for all
                is_group = member.kind == MentionKind.GROUP
                for key in member.keys if is_group else member.keys[:1]:
                    facts.append(Fact(kind, key, o.keys[0], idx))
        self.last_org = org
        return facts

    def _by_verb(
        self, ts: TaggedSentence, ms: Sequence[EntityMention], j: int
    ) -> list[Fact] | None:
        """ "X gehört der Y an", "X gehört zu Y"; "nicht"/"kein" in the clause negates."""
        d, toks, t = self.d, ts.tokens, ts.tokens[j]
        clause_end = next(
            (k for k in range(j + 1, len(toks)) if toks[k].pos.startswith("$")),
            len(toks),
        )
        after = [m for m in ms if j < m.first < clause_end]
        org = next((m for m in after if _orgish(d, m)), None)
        subj = next(
            (m for m in reversed(ms) if j - 3 <= m.last <= j and not _orgish(d, m)),
            None,
        )
        particle = toks[clause_end - 1].text.lower() if clause_end > j + 1 else ""
        zu = org is not None and toks[org.first - 1].lemma.lower() in ("zu", "zum", "zur")
        if (
            org is None
            or subj is None
            or any(m.first < org.first and not _orgish(d, m) for m in after)
            or not (particle == "an" or zu or t.lemma.lower() == "angehören")
        ):
            return None
        neg = any(x.text.lower() in self.neg_words for x in toks[j:clause_end])
        kind = FactKind.NOT_MEMBER if neg else FactKind.MEMBER
        is_group = subj.kind == MentionKind.GROUP
        self.last_org = org
        return [
            Fact(kind, key, org.keys[0], ts.sentence.index)
            for key in (subj.keys if is_group else subj.keys[:1])
        ]

    def _elided(
        self, ts: TaggedSentence, ms: Sequence[EntityMention], member_of: str
    ) -> list[Fact]:
        """ "B und C sind es nicht" after a membership in the same sentence."""
        toks, facts = ts.tokens, []
        for j in range(1, len(toks) - 1):
            if (
                toks[j].text == "es"
                and toks[j - 1].lemma.lower() == "sein"
                and toks[j + 1].text.lower() == "nicht"
            ):
                group = []
                k = j - 2
                for m in reversed(ms):
                    if m.last <= j - 1 and m.last >= k and not _orgish(self.d, m):
                        group.append(m)
                        k = m.first - 2
                for m in group:
                    facts.append(Fact(FactKind.NOT_MEMBER, m.keys[0], member_of, ts.sentence.index))
        return facts


def _coordinated_before(
    toks: Sequence[Token], ms: Sequence[EntityMention], subj: EntityMention, d: ActorDictionary
) -> list[EntityMention]:
    """The subject and the phrases coordinated before it ("Saudi-Arabien und der Oman sind
    Mitglieder"), nearest first."""
    members = [subj]
    while True:
        head = members[-1]
        prev = next(
            (
                m
                for m in reversed(ms)
                if m.last < head.first and m.last >= head.first - 3 and not _orgish(d, m)
            ),
            None,
        )
        between = [x.text.lower() for x in toks[prev.last : head.first]] if prev else []
        if prev is None or not between or between[0] not in ("und", ",", "sowie"):
            break
        if any(x.pos not in ("ART", "KON", "$,") for x in toks[prev.last : head.first]):
            break
        members.append(prev)
    return members


def _listed_after(
    toks: Sequence[Token], ms: Sequence[EntityMention], org: EntityMention, d: ActorDictionary
) -> list[EntityMention]:
    """The states listed in apposition after an organisation's genitive, up to the end of
    the apposition ("Mitgliedstaaten der OVKS, Belarus und Armenien,"): a comma, then
    states separated by commas and one "und"/"sowie"; none where anything else stands."""
    k = org.last
    if k >= len(toks) or toks[k].text != ",":
        return []
    listed: list[EntityMention] = []
    while k < len(toks) and toks[k].text.lower() in (",", "und", "sowie"):
        nxt = next((m for m in ms if m.first in (k + 1, k + 2)), None)
        if (
            nxt is None
            or not nxt.keys
            or not d.is_a(nxt.keys[0], ActorClass.STATE)
            or any(x.pos != "ART" for x in toks[k + 1 : nxt.first])
        ):
            break
        listed.append(nxt)
        k = nxt.last
    ends = k >= len(toks) or toks[k].pos.startswith("$") or toks[k].pos.startswith("V")
    return listed if len(listed) >= 2 and ends else []


def _coordinated_orgs(
    toks: Sequence[Token], ms: Sequence[EntityMention], org: EntityMention, d: ActorDictionary
) -> list[EntityMention]:
    """The organisation and those coordinated after it: "Mitglied der EU und der Nato",
    "weder Mitglied der UN noch der Nato" (the negation covers both)."""
    orgs = [org]
    while True:
        k = orgs[-1].last
        if k >= len(toks) or toks[k].text.lower() not in ("und", "noch", "sowie"):
            break
        nxt = next((m for m in ms if m.first in (k + 1, k + 2) and _orgish(d, m)), None)
        if nxt is None or any(x.pos != "ART" for x in toks[k + 1 : nxt.first]):
            break
        orgs.append(nxt)
    return orgs


def _bodies(ts: TaggedSentence, ms: Sequence[EntityMention], d: ActorDictionary) -> list[Fact]:
    """Bodies of organisations: "die Minsk-Gruppe der OSZE"."""
    toks = ts.tokens
    return [
        Fact(FactKind.MEMBER, m1.keys[0], m2.keys[0], ts.sentence.index)
        for m1, m2 in itertools.pairwise(ms)
        if _orgish(d, m1)
        and _orgish(d, m2)
        and m2.first == m1.last + 1
        and toks[m1.last].text in ("der", "des")
        and m1.keys[0] != m2.keys[0]
    ]


def _chairs(
    ts: TaggedSentence, ms: Sequence[EntityMention], d: ActorDictionary, lex: Lexicon
) -> list[Fact]:
    """Leadership: "den Vorsitz der Y teilen sich A, B und C"."""
    toks, facts = ts.tokens, []
    neg_words, lead_nouns = lex.cue("negation"), lex.cue("leadership_nouns")
    for j, t in enumerate(toks):
        if (
            t.lemma.lower() in lead_nouns
            and t.pos == "NN"
            and not any(x.text.lower() in neg_words for x in toks)
        ):
            org = next((m for m in ms if m.first in (j + 2, j + 1) and _orgish(d, m)), None)
            if org is None:
                continue
            for m in ms:
                if (
                    m is not org
                    and m.first > org.last
                    and (d.is_a(m.keys[0], ActorClass.STATE, ActorClass.ORGANIZATION))
                    and m.kind == MentionKind.NAME
                ):
                    facts.append(Fact(FactKind.LEADS, m.keys[0], org.keys[0], ts.sentence.index))
    return facts


def _appositions(
    ts: TaggedSentence, ms: Sequence[EntityMention], d: ActorDictionary, lex: Lexicon
) -> list[Fact]:
    """An apposition "ORG, einem von X geführten <class noun>": the class, and the leader."""
    toks, idx, facts = ts.tokens, ts.sentence.index, []
    lead_verbs = lex.cue("leadership_verbs")
    class_nouns = {str(k).lower(): str(v) for k, v in lex.cues.get("class_nouns", {}).items()}
    for m in ms:
        if not _orgish(d, m):
            continue
        k = m.last
        while k < len(toks) and (
            toks[k].text in (")", "(")
            or (toks[k].lemma.lower() == "sein" and toks[k].pos.startswith("VA"))
        ):
            k += 1  # "der CSTO (ist), einem ... Bündnis"
        if k >= len(toks) or toks[k].text != ",":
            continue
        for n in range(k + 1, min(len(toks), k + 9)):
            noun = toks[n]
            if noun.pos.startswith(("VV", "VA", "VM")) and noun.pos.endswith("(FIN)"):
                break  # a new clause, not an apposition ("EAC, Somalia trat dem Bündnis bei")
            if noun.pos != "NN":
                continue
            cls = next((c for w, c in class_nouns.items() if noun.lemma.lower().endswith(w)), None)
            if cls:
                facts.append(Fact(FactKind.INSTANCE, m.keys[0], cls, idx))
                for x in range(k + 1, n):
                    lemma = toks[x].lemma.lower()
                    if lemma in lead_verbs or lemma.startswith("geführt"):
                        leader = next(
                            (
                                mm
                                for mm in ms
                                if k < mm.first < x and toks[mm.first - 1].text.lower() == "von"
                            ),
                            None,
                        )
                        if leader is not None:
                            facts.append(Fact(FactKind.LEADS, leader.keys[0], m.keys[0], idx))
            break
    return facts
