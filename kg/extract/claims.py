"""Stage 9: claims, reported speech, quotes and negation.

Reads events, tagged sentences and resolved mentions; writes the events that survive,
with ``quote`` and ``claimed_by`` set.

* Negation: an event whose clause is negated ("nicht", "kein", "keine der beiden Seiten
  … unterstützt") is dropped: no positive fact.
* Quotes: a Statement whose sentence holds a quotation (in any quotation marks: „…“,
  »…«, «…», ‚…‘, "…") keeps the quoted words verbatim, and so does the praise, blame,
  rejection, demand, apology or offer of the one actor who acts so in it; a
  speech verb with reported speech ("…, sagte X, dies sei …") keeps the reported clause.
  A sentence that is only a quote, right after a Statement, is a Statement by the same
  speaker. "…, so X." is a Statement by X. "nach Angaben X" is X's account (a Statement,
  events.yaml ``say-account``) and "laut X" only attributes: X claims the hostile events
  of the sentence.
* Denials and refusals: what a rejection has as its zu-infinitive ("bestritt, den
  Nachbarn angegriffen zu haben", "weigerte sich, zu verhandeln") is dropped: it did not
  happen, as far as the sentence tells.
* Claims: the events an accusation describes ("werfen sich vor, die Waffenruhe gebrochen
  zu haben") carry ``claimed_by`` the accusers. Reported speech that announces something
  (an agreement, a meeting, a deployment) is coded as an event without ``claimed_by``:
  the speaker is the source, not someone whose allegation it is; reported attacks,
  violations and other hostile acts in reported speech carry ``claimed_by`` the speaker,
  and so does a mediation reported in Konjunktiv I ("…, die von den USA vermittelt worden
  seien"): who mediated is then the speaker's claim.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from kg.extract.lexicon import Lexicon
from kg.extract.model import (
    EntityMention,
    Event,
    MentionKind,
    TaggedSentence,
    Token,
    Trigger,
)
from kg.extract.morphology import load_morphology
from kg.extract.quotes import quote_spans
from kg.extract.syntax import is_subjunctive, is_zu_infinitive
from kg.vocabulary import ActorClass, EventClass, PlaceClass, RoleProperty

__all__ = ["apply_claims"]

_HOSTILE = {EventClass.MILITARY_ACTION, EventClass.ACCUSATION, EventClass.PROTEST}
_SPEECH = EventClass.STATEMENT


_Parts = list[tuple[int, int, str]]


def _quote(parts: _Parts, n: int, before: str = "") -> str | None:
    """The words of a sentence of ``n`` tokens whose quotations are ``parts``, in any
    quotation marks (all of them joined by ' … '); of a quotation that goes on in the next
    sentence, the part in this one. A quotation that began in the sentences before and
    closes here starts with ``before``, its words there ("„Wir haben gesiegt. Wir haben …
    gebracht“, sagte X": both)."""
    words = [p for p in parts if p[2].strip()]
    if before and words and words[0][0] < 0 and words[0][1] < n:
        words[0] = (words[0][0], words[0][1], f"{before} {words[0][2]}")
    return " … ".join(p for _a, _b, p in words) or None


def _quoted_parts(ts: TaggedSentence) -> _Parts:
    """The sentence's quotations as (opening mark, closing mark, words), as
    :func:`kg.extract.quotes.quote_spans` numbers the marks."""
    text, base, toks = ts.sentence.text, ts.sentence.start, ts.tokens
    if not toks:
        return []
    spans = quote_spans(text, [(t.text, t.start - base, t.end - base) for t in toks])
    return [
        (
            a,
            b,
            text[
                (toks[a].end if a >= 0 else toks[0].start) - base : (
                    toks[b].start if b < len(toks) else _end_of_words(toks)
                )
                - base
            ],
        )
        for a, b in spans
    ]


def _open_quotations(
    sentences: Sequence[TaggedSentence], parts_of: dict[int, _Parts]
) -> dict[int, str]:
    """For each sentence, the words of a quotation still open when it begins, as said in
    the sentences before it."""
    carried, out = "", {}
    for ts in sentences:
        parts = parts_of[ts.sentence.index]
        out[ts.sentence.index] = carried
        if _goes_on(parts, len(ts.tokens)):
            a = parts[-1][0]
            base, toks = ts.sentence.start, ts.tokens
            # up to the sentence's end, its full stop included
            words = ts.sentence.text[(toks[a].end - base if a >= 0 else 0) :].strip()
            carried = f"{carried} {words}".strip() if a < 0 else words
        else:
            carried = ""
    return out


#: How many sentences a quotation may run on after the one that opens it.
_QUOTE_REACH = 6


def _continued_quotations(
    sentences: Sequence[TaggedSentence], parts_of: dict[int, _Parts]
) -> dict[int, str]:
    """For each sentence whose last quotation goes on, its words in the sentences after
    it, up to where it closes ("sagte X: „A. B. C.“": "B. C."); a sentence with no mark
    at all in between is quoted whole."""
    out: dict[int, str] = {}
    for i, ts in enumerate(sentences):
        if not _goes_on(parts_of[ts.sentence.index], len(ts.tokens)):
            continue
        words: list[str] = []
        for nxt in sentences[i + 1 : i + 1 + _QUOTE_REACH]:
            parts = parts_of[nxt.sentence.index]
            if not parts:
                words.append(nxt.sentence.text.strip())
                continue
            if parts[0][0] >= 0:
                break  # a quotation of its own opens here
            words.append(parts[0][2].strip())
            if not _goes_on(parts[:1], len(nxt.tokens)):
                break
        out[ts.sentence.index] = " ".join(w for w in words if w)
    return out


def _run_on(ts: TaggedSentence, quote: str | None, after: str) -> str | None:
    """A sentence's ``quote`` with the words ``after`` it that the quotation runs on to
    ("sagte X: „A. B. C.“": "A. B. C."), the sentence's own stop ending its part.

    >>> from kg.extract.model import Sentence
    >>> ts = TaggedSentence(Sentence(0, 0, 15, "X sagte: „A b."), ())
    >>> _run_on(ts, "A b", "C d.")
    'A b. C d.'
    """
    if not quote or not after:
        return quote
    stop = ts.sentence.text.rstrip()[-1:]
    head = quote if quote.endswith((".", "!", "?")) or stop not in (".", "!", "?") else quote + stop
    return f"{head} {after}"


def _attributed_at_close(
    toks: Sequence[Token], parts: _Parts, speech_verbs: frozenset[str]
) -> bool:
    """The sentence closes a quotation begun before it and names its speaker right after
    the closing mark ("… gebracht“, sagte Oberst X")."""
    if not parts or parts[0][0] >= 0:
        return False
    b = parts[0][1]
    return any(t.lemma.lower() in speech_verbs for t in toks[b + 1 : b + 3])


def _goes_on(parts: _Parts, n: int) -> bool:
    """A quotation of a sentence of ``n`` tokens goes on in the next one."""
    return bool(parts) and parts[-1][1] >= n


#: Events whose actor's own words a quotation in their sentence gives ("würdigte die
#: Einigung als „historischen Durchbruch“", "drohte den »verbrecherischen Feinden«").
_QUOTING = {
    EventClass.ENDORSEMENT,
    EventClass.ACCUSATION,
    EventClass.REJECTION,
    EventClass.DEMAND,
    EventClass.CEASEFIRE_DEMAND,
    EventClass.APOLOGY,
    EventClass.MEDIATION_OFFER,
}


def _words(ts: TaggedSentence, quote: str | None) -> bool:
    """A quotation of someone's words: two words or more, one of them in lower case, and
    not a name in apposition to a noun ("die Operation »Sturm der Entschlossenheit«", "der
    Zerstörer „Sheffield“")."""
    if quote is None or len(quote.split()) < 2 or not any(w[:1].islower() for w in quote.split()):
        return False
    toks, base = ts.tokens, ts.sentence.start
    spans = quote_spans(ts.sentence.text, [(t.text, t.start - base, t.end - base) for t in toks])
    return not all(
        a > 1 and toks[a - 1].pos == "NN" and toks[a - 2].pos == "ART" for a, _b in spans
    )


def _quoting_clause(
    ts: TaggedSentence, quote: str | None, mentions: Sequence[EntityMention]
) -> list[Event]:
    """ "Chamenei drohte den »verbrecherischen Feinden« mit einer harten Antwort": a
    sentence of no event whose main clause has an actor as its subject and quotes words
    outside the verb is that actor's statement of them."""
    parse = ts.parse
    if parse is None or quote is None:
        return []
    root = next((i for i, h in enumerate(parse.heads) if h == i), None)
    if root is None or not ts.tokens[root].pos.startswith("V") or ts.tokens[root].quoted:
        return []
    subject = next(iter(parse.dependents(root, "nsubj")), None)
    m = next((m for m in mentions if subject is not None and m.first <= subject < m.last), None)
    if (
        m is None
        or m.kind == MentionKind.ADJECTIVE
        or m.cls in (PlaceClass.REGION, PlaceClass.CITY)
    ):
        return []
    idx = ts.sentence.index
    trig = Trigger(idx, root, root + 1, "quoted-clause", _SPEECH, "010", (), True)
    agents = tuple((RoleProperty.AGENT, k) for k in m.keys)
    return [Event(idx, trig, _SPEECH, agents, quote=quote, confidence=0.55)]


def _quoted_words(idx: int, quote: str | None, events: Sequence[Event]) -> list[Event]:
    """A Statement of the quoted words (``quote``: None unless :func:`_words`), by the one
    agent of the praise, blame, rejection, demand, apology or offer of a sentence that has
    no Statement: what was said in so many words."""
    if quote is None or any(e.event_class == _SPEECH for e in events):
        return []
    quoting = [e for e in events if e.event_class in _QUOTING and e.actors(RoleProperty.AGENT)]
    if not quoting or len({e.actors(RoleProperty.AGENT) for e in quoting}) != 1:
        return []  # none, or several speakers: whose words they are is not told
    ev = quoting[0]
    agents = tuple((RoleProperty.AGENT, k) for k in ev.actors(RoleProperty.AGENT))
    trig = replace(ev.trigger, pattern="quoted-words", event_class=_SPEECH, cameo="010")
    return [Event(idx, trig, _SPEECH, agents, quote=quote, confidence=0.6)]


def _with_their_words(quote: str | None, events: Sequence[Event]) -> list[Event]:
    """The praise, blame, rejection, demand, apology or offer of the one actor who acts so
    in a sentence, with the words the sentence quotes ("begrüßte die Einigung als »Chance
    für den Frieden«"): its ``quote`` (by the ontology's domain of ``ckg:quote`` it is a
    statement too, in so many words)."""
    quoting = [e for e in events if e.event_class in _QUOTING and e.actors(RoleProperty.AGENT)]
    if quote is None or len({e.actors(RoleProperty.AGENT) for e in quoting}) != 1:
        return list(events)
    return [replace(e, quote=quote) if e in quoting and e.quote is None else e for e in events]


def _end_of_words(toks: Sequence[Token]) -> int:
    """Where the words of a sentence end (before its final punctuation)."""
    return toks[-1].start if toks[-1].pos == "$." and len(toks) > 1 else toks[-1].end


def _opens_with_quote(ts: TaggedSentence) -> bool:
    """The sentence starts with a quotation ("„Wir …“", "»Wir …«"), or with the rest of
    one begun in the sentence before."""
    toks = ts.tokens
    base = ts.sentence.start
    spans = quote_spans(ts.sentence.text, [(t.text, t.start - base, t.end - base) for t in toks])
    return bool(spans) and spans[0][0] <= 0


def _reported_speech(ts: TaggedSentence) -> bool:
    """The sentence's first finite verb is Konjunktiv I ("seien", "habe"), or the
    Konjunktiv II that stands for it where the first equals the indicative ("hätten"):
    reported speech going on from the sentence before."""
    toks = ts.tokens
    first = next((j for j, t in enumerate(toks) if t.pos.endswith("(FIN)")), None)
    morph = load_morphology()
    forms = morph.subjunctive_forms | morph.reporting_subjunctives
    return first is not None and is_subjunctive(toks[first : first + 1], 0, forms=forms)


def _reported(ts: TaggedSentence, i: int) -> str | None:
    """The reported clause around the speech verb at ``i``: after "sagte X, " or before
    ", teilte X mit"."""
    toks = ts.tokens
    text = ts.sentence.text
    base = ts.sentence.start
    commas = [j for j, t in enumerate(toks) if t.text == ","]
    after = [j for j in commas if j > i]
    before = [j for j in commas if j < i]
    if after:
        j = after[0]
        end = toks[-1].start if toks[-1].pos == "$." else toks[-1].end
        span = text[toks[j + 1].start - base : end - base] if j + 1 < len(toks) else ""
        if len(span.split()) >= 3:
            return span
    if before and before[-1] > 2:
        j = before[-1]
        return text[toks[0].start - base : toks[j].start - base]
    return None


_BODY_NOUNS = ("regierung", "behörde", "ministerium", "armee", "militär", "verwaltung")


def _seat_of_body(
    toks: Sequence[Token], j: int, mentions: Sequence[EntityMention]
) -> EntityMention | None:
    """The place in "Angaben der Regierung/des Gesundheitsministeriums in X" (j: "Angaben")."""
    k = j + 1
    while k < len(toks) and k < j + 5 and toks[k].pos in ("ART", "ADJ(A)"):
        k += 1
    if not (
        k + 2 < len(toks)
        and toks[k].pos == "NN"
        and toks[k].lemma.lower().endswith(_BODY_NOUNS)
        and toks[k + 1].text == "in"
    ):
        return None
    return next((m for m in mentions if m.first == k + 2), None)


def _by_the_speaker(spoken: Sequence[Event], sevents: Sequence[Event]) -> list[Event]:
    """The first-person speech acts of a quotation ("„Wir verurteilen den Angriff“, sagte
    X") with the one who speaks it as agent: the agent of the sentence's Statement (or of
    the Statement a quote-only sentence continues). Without a speaker they are dropped."""
    speakers = next(
        (
            e.actors(RoleProperty.AGENT)
            for e in sevents
            if e.event_class == _SPEECH and e.actors(RoleProperty.AGENT)
        ),
        (),
    )
    if not speakers:
        return []
    out = []
    for e in spoken:
        others = tuple(r for r in e.roles if r[1] not in speakers)
        out.append(replace(e, roles=tuple((RoleProperty.AGENT, k) for k in speakers) + others))
    return out


def _reporting_clause(toks: Sequence[Token], i: int) -> bool:
    """The finite verb at ``i`` opens a clause after the comma that ends what it reports
    ("Die Taliban missbrauchten Zivilisten als Schutzschilde, warf Ghani ihnen vor")."""
    return i > 1 and toks[i - 1].text == "," and toks[i].pos.endswith("(FIN)")


def _accused_before(toks: Sequence[Token], sevents: list[Event]) -> list[Event]:
    """An accusation in a reporting clause after what it alleges, naming no one accused
    ("…, warf Ghani ihnen vor", "…, kritisierte X"): the accused are those who act in the
    clause before."""
    acc = next((e for e in sevents if e.event_class == EventClass.ACCUSATION), None)
    if acc is None or acc.actors(RoleProperty.ADDRESSEE):
        return sevents
    if not _reporting_clause(toks, acc.trigger.first):
        return sevents
    accusers = set(acc.actors(RoleProperty.AGENT))
    accused = tuple(
        dict.fromkeys(
            k
            for e in sevents
            if e.trigger.first < acc.trigger.first and e.event_class != EventClass.ACCUSATION
            for k in e.actors(RoleProperty.AGENT)
            if k not in accusers
        )
    )
    if not accused:
        return sevents
    told = replace(acc, roles=acc.roles + tuple((RoleProperty.ADDRESSEE, k) for k in accused))
    return [told if e is acc else e for e in sevents]


def _claimed_by_agent(e: Event) -> Event:
    """A hostile event the speaker tells of their own side is claimed by that speaker, as
    when the quotation and the verb of saying share a sentence."""
    if e.event_class in _HOSTILE and e.event_class != EventClass.ACCUSATION:
        return replace(e, claimed_by=e.actors(RoleProperty.AGENT))
    return e


def _coordinated_main_verb(toks: Sequence[Token], i: int) -> bool:
    """The finite verb at ``i`` opens a main clause coordinated with the one before ("warf
    der Nato einen Angriff vor und rief die Bevölkerung zur Verteidigung auf"): what it
    tells is the subject's own act, not part of what that clause reports or alleges."""
    return i > 0 and toks[i].pos == "VV(FIN)" and toks[i - 1].pos == "KON"


def apply_claims(
    events: Sequence[Event],
    sentences: Sequence[TaggedSentence],
    mentions: Sequence[EntityMention],
    lex: Lexicon,
) -> tuple[Event, ...]:
    """Drop negated events, add quotes, speakers and claimants."""
    by_sent = {ts.sentence.index: ts for ts in sentences}
    out: list[Event] = []
    source_nouns = lex.cue("source_nouns")
    parts_of = {ts.sentence.index: _quoted_parts(ts) for ts in sentences}
    opened = _open_quotations(sentences, parts_of)
    continued = _continued_quotations(sentences, parts_of)
    speech_verbs = lex.speech_verbs
    last_statement: Event | None = None
    for ts in sentences:
        idx = ts.sentence.index
        sevents = [e for e in events if e.sentence == idx and not e.trigger.negated]
        smentions = [m for m in mentions if m.sentence == idx and m.keys]
        toks = ts.tokens
        parts = parts_of[idx]
        nxt = by_sent.get(idx + 1)
        # a quotation attributed where it closes is that speaker's: "„A. B“, sagte X"
        closed_by_next = (
            _goes_on(parts, len(toks))
            and nxt is not None
            and _attributed_at_close(nxt.tokens, parts_of[idx + 1], speech_verbs)
        )
        attributed = _attributed_at_close(toks, parts, speech_verbs)
        quote = _quote(parts, len(toks), opened[idx] if attributed else "")
        if not closed_by_next:
            quote = _run_on(ts, quote, continued.get(idx, ""))
        seats: list[str] = []
        # "nach Angaben der UN" / "laut X" attributes what the sentence reports to X; it is
        # not a Statement event of its own (X is only the claimant of hostile events)
        sources: list[str] = []
        # "nach eigenen Angaben": the actors of the hostile event are its only source
        own_account = False
        # "..., so Putin."  and  "nach Angaben X" / "laut X"
        for j, t in enumerate(toks):
            if (
                t.lemma.lower() in source_nouns
                and j > 1
                and toks[j - 1].text.lower() == "eigenen"
                and toks[j - 2].text.lower() == "nach"
            ):
                own_account = True
            if t.text == "so" and j > 0 and toks[j - 1].text == ",":
                speaker = next(
                    (m for m in smentions if m.first == j + 1 and m.cls == ActorClass.PERSON), None
                )
                if speaker is not None:
                    trig = Trigger(idx, j, j + 1, "so-speaker", _SPEECH, "010", (), True)
                    sevents.append(
                        Event(
                            idx,
                            trig,
                            _SPEECH,
                            ((RoleProperty.AGENT, speaker.keys[0]),),
                            quote=ts.sentence.text[: toks[j - 1].start - ts.sentence.start],
                            confidence=0.8,
                        )
                    )
            if t.lemma.lower() in source_nouns and j > 1 and toks[j - 2].text.lower() == "nach":
                # "nach kirgisischen Angaben": the state of the adjective is the source
                adj = next(
                    (
                        m
                        for m in smentions
                        if m.first == j - 1 and m.last == j and m.kind == MentionKind.ADJECTIVE
                    ),
                    None,
                )
                if adj is not None:
                    sources.append(adj.keys[0])
            if (
                t.lemma.lower() in source_nouns and j > 0 and toks[j - 1].text.lower() == "nach"
            ) or (t.text.lower() in lex.cue("source_preps") and t.pos.startswith("APP")):
                src = next(
                    (
                        m
                        for m in smentions
                        if m.first in (j + 1, j + 2, j - 1)
                        and m.kind != MentionKind.ADJECTIVE
                        and m.cls not in (PlaceClass.REGION, PlaceClass.CITY)
                    ),
                    None,
                )
                if src is None and toks[j - 1].text.lower() == "nach":
                    # "nach Angaben der Regierung in Aden": the body's seat stands for it as
                    # the claimant (no Statement of its own: the seat did not speak)
                    seat = _seat_of_body(toks, j, smentions)
                    if seat is not None:
                        seats.append(seat.keys[0])
                if src is not None:
                    sources.append(src.keys[0])
        spoken = [e for e in sevents if e.trigger.speaker]
        sevents = [e for e in sevents if not e.trigger.speaker]
        if (
            not sevents
            and quote
            and last_statement is not None
            and (_opens_with_quote(ts) or _reported_speech(ts))
            and not closed_by_next
        ):
            # a sentence that is only a quote, or reported speech with no verb of saying
            # ("Die Beweise seien „direkt, präzise und unwiderlegbar“"), continues the
            # previous speaker
            speakers = last_statement.actors(RoleProperty.AGENT)
            if speakers and last_statement.sentence == idx - 1:
                trig = Trigger(idx, 0, 1, "quote-continued", _SPEECH, "010", (), True)
                sevents.append(
                    Event(
                        idx,
                        trig,
                        _SPEECH,
                        ((RoleProperty.AGENT, speakers[0]),),
                        quote=quote,
                        confidence=0.7,
                    )
                )
        if closed_by_next and not sevents:
            # "„Heute haben unsere Streitkräfte Kidal eingenommen. Unsere Mission ist
            # nicht beendet“, sagte X": the first person of a quotation that closes in
            # the next sentence is the speaker named there, who also claims it
            told = [e for e in events if e.sentence == idx + 1 and e.event_class == _SPEECH]
            sevents += [_claimed_by_agent(e) for e in _by_the_speaker(spoken, told)]
        else:
            sevents += _by_the_speaker(spoken, sevents)
        words = quote if _words(ts, quote) else None
        sevents += _quoted_words(idx, words, sevents)
        sevents = _with_their_words(words, sevents)
        if not sevents and words:
            sevents += _quoting_clause(ts, words, smentions)
        speech = [e for e in sevents if e.event_class == _SPEECH]
        rejections = [e.trigger.first for e in sevents if e.event_class == EventClass.REJECTION]
        if rejections:
            # what a denial or refusal has as its zu-infinitive did not happen: "Eritrea
            # bestritt, den Nachbarn angegriffen zu haben", "lehnte es ab, zu verhandeln"
            sevents = [
                e
                for e in sevents
                if e.event_class == EventClass.REJECTION
                or not (
                    e.trigger.first > min(rejections) and is_zu_infinitive(toks, e.trigger.first)
                )
            ]
        sevents = _accused_before(toks, sevents)
        accusers: tuple[str, ...] = ()
        accused: tuple[str, ...] = ()
        for e in sevents:
            if e.event_class == EventClass.ACCUSATION:
                accusers = e.actors(RoleProperty.AGENT)
                accused = e.actors(RoleProperty.ADDRESSEE)
        accusation_at = next(
            (x.trigger.first for x in sevents if x.event_class == EventClass.ACCUSATION), -1
        )
        for e in sevents:
            ev = e
            if ev.event_class == _SPEECH and ev.quote is None:
                q = quote or _reported(ts, ev.trigger.first)
                ev = replace(ev, quote=q)
            elif (
                accusers
                and ev.event_class != EventClass.ACCUSATION
                # (the accusers' own words, quoted with the accusation, are theirs: "Kuba
                # verurteilte den Putsch als „faschistisches Verbrechen“")
                and ev.trigger.first != accusation_at
                and (ev.trigger.first > accusation_at or _reporting_clause(toks, accusation_at))
                and not _coordinated_main_verb(toks, ev.trigger.first)
                # what the accusers did before the accusation, told in the indicative ("die
                # per Videokonferenz berieten, verurteilten den Angriff"), they do not allege
                and not (
                    ev.trigger.first < accusation_at
                    and (ev.trigger.framing or not is_subjunctive(toks, ev.trigger.first))
                )
            ):
                if ev.event_class == EventClass.ENDORSEMENT:
                    # "werfen Ruanda vor, die M23 zu unterstützen": support an accusation
                    # alleges is armed help, no endorsement; the accusation tells it
                    continue
                ev = replace(ev, claimed_by=accusers)
                if accused and set(ev.actors(RoleProperty.AGENT)) <= set(accusers):
                    # "X beschuldigt Y, Z zu unterstützen": the accused is who acts
                    kept = tuple(
                        r
                        for r in ev.roles
                        if r[0] != RoleProperty.AGENT
                        and not (r[0] == RoleProperty.ADDRESSEE and r[1] in accused)
                    )
                    ev = replace(ev, roles=tuple((RoleProperty.AGENT, k) for k in accused) + kept)
            elif speech and ev.event_class in _HOSTILE and ev.event_class != EventClass.ACCUSATION:
                sp = speech[0]
                if sp.trigger.first != ev.trigger.first and sp.actors(RoleProperty.AGENT):
                    ev = replace(ev, claimed_by=sp.actors(RoleProperty.AGENT))
            elif (
                speech
                and ev.event_class == EventClass.MEDIATION
                and is_subjunctive(toks, ev.trigger.first)
                and speech[0].actors(RoleProperty.AGENT)
            ):
                # "X sprach von Gesprächen, die von Y vermittelt worden seien": X's claim
                ev = replace(ev, claimed_by=speech[0].actors(RoleProperty.AGENT))
            elif (
                (sources or seats)
                and ev.event_class in _HOSTILE
                and ev.event_class != EventClass.ACCUSATION
            ):
                ev = replace(ev, claimed_by=tuple(dict.fromkeys(sources + seats)))
            elif (
                own_account
                and ev.event_class in _HOSTILE
                and ev.event_class != EventClass.ACCUSATION
                and ev.actors(RoleProperty.AGENT)
            ):
                ev = replace(ev, claimed_by=ev.actors(RoleProperty.AGENT))
            out.append(ev)
            if ev.event_class == _SPEECH:
                last_statement = ev
        _ = by_sent
    return tuple(out)
