"""The typed records every stage shares.

Offsets: mentions found by the extraction stages carry ``start``/``end`` into the *cleaned* text
(:class:`CleanText`); :meth:`Doc.evidence` maps them back to the original article text, so every
:class:`Evidence` quote is a verbatim slice of ``Article.text``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import IntEnum, StrEnum
from typing import Any, Literal


class EventType(StrEnum):
    """ACLED's six event types."""

    BATTLES = "Battles"
    EXPLOSIONS = "Explosions/Remote violence"
    VIOLENCE_AGAINST_CIVILIANS = "Violence against civilians"
    PROTESTS = "Protests"
    RIOTS = "Riots"
    STRATEGIC = "Strategic developments"


class SubEventType(StrEnum):
    """ACLED's 25 sub-event types."""

    ARMED_CLASH = "Armed clash"
    GOVERNMENT_REGAINS_TERRITORY = "Government regains territory"
    NON_STATE_OVERTAKES_TERRITORY = "Non-state actor overtakes territory"
    CHEMICAL_WEAPON = "Chemical weapon"
    AIR_DRONE_STRIKE = "Air/drone strike"
    SUICIDE_BOMB = "Suicide bomb"
    SHELLING = "Shelling/artillery/missile attack"
    REMOTE_EXPLOSIVE = "Remote explosive/landmine/IED"
    GRENADE = "Grenade"
    SEXUAL_VIOLENCE = "Sexual violence"
    ATTACK = "Attack"
    ABDUCTION = "Abduction/forced disappearance"
    PEACEFUL_PROTEST = "Peaceful protest"
    PROTEST_WITH_INTERVENTION = "Protest with intervention"
    EXCESSIVE_FORCE = "Excessive force against protesters"
    VIOLENT_DEMONSTRATION = "Violent demonstration"
    MOB_VIOLENCE = "Mob violence"
    AGREEMENT = "Agreement"
    ARRESTS = "Arrests"
    CHANGE_TO_GROUP = "Change to group/activity"
    DISRUPTED_WEAPONS_USE = "Disrupted weapons use"
    HEADQUARTERS_ESTABLISHED = "Headquarters or base established"
    LOOTING = "Looting/property destruction"
    NON_VIOLENT_TRANSFER = "Non-violent transfer of territory"
    OTHER = "Other"


EVENT_TYPE_OF: Mapping[SubEventType, EventType] = {
    **dict.fromkeys(
        [
            SubEventType.ARMED_CLASH,
            SubEventType.GOVERNMENT_REGAINS_TERRITORY,
            SubEventType.NON_STATE_OVERTAKES_TERRITORY,
        ],
        EventType.BATTLES,
    ),
    **dict.fromkeys(
        [
            SubEventType.CHEMICAL_WEAPON,
            SubEventType.AIR_DRONE_STRIKE,
            SubEventType.SUICIDE_BOMB,
            SubEventType.SHELLING,
            SubEventType.REMOTE_EXPLOSIVE,
            SubEventType.GRENADE,
        ],
        EventType.EXPLOSIONS,
    ),
    **dict.fromkeys(
        [SubEventType.SEXUAL_VIOLENCE, SubEventType.ATTACK, SubEventType.ABDUCTION],
        EventType.VIOLENCE_AGAINST_CIVILIANS,
    ),
    **dict.fromkeys(
        [
            SubEventType.PEACEFUL_PROTEST,
            SubEventType.PROTEST_WITH_INTERVENTION,
            SubEventType.EXCESSIVE_FORCE,
        ],
        EventType.PROTESTS,
    ),
    **dict.fromkeys([SubEventType.VIOLENT_DEMONSTRATION, SubEventType.MOB_VIOLENCE], EventType.RIOTS),
    **dict.fromkeys(
        [
            SubEventType.AGREEMENT,
            SubEventType.ARRESTS,
            SubEventType.CHANGE_TO_GROUP,
            SubEventType.DISRUPTED_WEAPONS_USE,
            SubEventType.HEADQUARTERS_ESTABLISHED,
            SubEventType.LOOTING,
            SubEventType.NON_VIOLENT_TRANSFER,
            SubEventType.OTHER,
        ],
        EventType.STRATEGIC,
    ),
}


#: Sub-event types whose actor 2 is always the victims (codebook: violence against civilians).
VICTIM_SUB_TYPES = frozenset({SubEventType.ATTACK, SubEventType.ABDUCTION, SubEventType.SEXUAL_VIOLENCE})


class TimePrecision(IntEnum):
    """ACLED time_precision: 1 day known, 2 week known (middle day coded), 3 month known."""

    DAY = 1
    WEEK = 2
    MONTH = 3


class GeoPrecision(IntEnum):
    """ACLED geo_precision: 1 the place itself, 2 near it / part of a region, 3 a larger region."""

    PLACE = 1
    NEAR = 2
    REGION = 3


class Inter(IntEnum):
    """ACLED inter codes."""

    STATE_FORCES = 1
    REBEL_GROUPS = 2
    POLITICAL_MILITIAS = 3
    IDENTITY_MILITIAS = 4
    RIOTERS = 5
    PROTESTERS = 6
    CIVILIANS = 7
    EXTERNAL_FORCES = 8


PlaceKind = Literal["country", "admin1", "admin2", "admin3", "city", "district", "other"]
PlaceRole = Literal["event", "organisation_base", "destination", "venue", "speaker", "other"]
CasualtyKind = Literal["killed", "wounded"]


#: ``Article.extra`` key: how many bytes of the record its reader could not decode (each became
#: U+FFFD; see :mod:`frontlines.ingest.decode`); absent when there were none.
INVALID_BYTES = "invalid_bytes"


@dataclass(frozen=True, slots=True)
class Article:
    """One news report as read: ``text`` is the original text every evidence offset points into."""

    article_id: str
    text: str
    origin: str
    title: str | None = None
    published: dt.date | None = None
    source: str | None = None
    url: str | None = None
    language: str | None = None
    extra: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class CleanText:
    """Cleaned text plus, for each of its characters, the index of that character in the original.

    ``index`` has ``len(text) + 1`` entries; the last is the original position just after the
    cleaned text's final character. Inserted characters (a repaired space) map to the original
    position of the character that follows them.
    """

    text: str
    index: Sequence[int]

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a half-open span of the cleaned text to the smallest original span covering it."""
        if not 0 <= start < end <= len(self.text):
            raise ValueError(f"span {start}:{end} outside cleaned text of length {len(self.text)}")
        return self.index[start], self.index[end - 1] + 1


@dataclass(frozen=True, slots=True)
class Evidence:
    """A verbatim quote backing one field: ``quote == article.text[start:end]``."""

    article_id: str
    field: str
    quote: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Place:
    """A gazetteer entry. ``place_id`` is stable within a gazetteer (e.g. ``geonames:170654``)."""

    place_id: str
    name: str
    country_code: str
    latitude: float
    longitude: float
    kind: PlaceKind = "city"
    population: int = 0
    admin1: str | None = None
    admin2: str | None = None
    admin3: str | None = None
    geonameid: int | None = None


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """A toponym in the cleaned text with its gazetteer candidates (best first once resolved)."""

    start: int
    end: int
    text: str
    candidates: tuple[Place, ...]
    role: PlaceRole = "other"
    near: bool = False

    @property
    def place(self) -> Place | None:
        return self.candidates[0] if self.candidates else None


@dataclass(frozen=True, slots=True)
class Actor:
    """A canonical actor in ACLED's naming, with its inter code."""

    name: str
    inter: Inter
    country: str | None = None
    #: A generic reference ("rebels", "Islamist Rebels") that a named group of its kind can stand for.
    generic: bool = False
    #: A political party or its youth wing: an author only when named as the one who acted.
    political: bool = False


@dataclass(frozen=True, slots=True)
class ActorRef:
    """What an actor mention names before it is resolved for an event's country and day.

    ``kind`` is ``"role"`` (a generic reference: "the army", "rebels", "civilians"; ``key`` is the
    role), ``"actor"`` (a named group; ``key`` is its canonical name) or ``"shared"`` (an acronym two
    actors share, "SNA"; ``key`` is the acronym, the event's country decides). ``country`` binds a role
    to one country ("Russian jets") or gives a named actor's home country.
    """

    kind: Literal["role", "actor", "shared"]
    key: str
    country: str | None = None


@dataclass(frozen=True, slots=True)
class ActorMention:
    start: int
    end: int
    text: str
    ref: ActorRef
    #: A party named as such ("Russia and Ukraine signed", "Druze elders agreed"): a side of an
    #: agreement only (``mentions.parties``).
    party: bool = False


@dataclass(frozen=True, slots=True)
class TimeMention:
    """A temporal expression resolved to a day (the middle day for week/month precision)."""

    start: int
    end: int
    text: str
    date: dt.date
    precision: TimePrecision
    relative: bool


@dataclass(frozen=True, slots=True)
class CasualtyMention:
    """A count of people killed or wounded. ``cumulative`` marks war-long or statistical totals;
    ``alternative`` a second source's figure for the count just before it ("SOHR counted 7 dead and
    SANA 4": 4 is the alternative), which conflicts with it rather than adding to it."""

    start: int
    end: int
    text: str
    count: int
    kind: CasualtyKind
    cumulative: bool = False
    alternative: bool = False


@dataclass(frozen=True, slots=True)
class Trigger:
    """A word or phrase that signals an event of one ACLED sub-event type."""

    start: int
    end: int
    text: str
    sub_event_type: SubEventType

    @property
    def event_type(self) -> EventType:
        return EVENT_TYPE_OF[self.sub_event_type]


@dataclass(frozen=True, slots=True)
class Event:
    """One ACLED event: one day, one location, one pair of actors, one type (per article here)."""

    event_id: str
    event_date: dt.date
    time_precision: TimePrecision
    event_type: EventType
    sub_event_type: SubEventType
    actor1: str
    inter1: int
    actor2: str | None
    inter2: int | None
    country: str
    iso3: str
    location: str
    latitude: float
    longitude: float
    geo_precision: GeoPrecision
    fatalities: int
    source: str
    notes: str
    article_ids: tuple[str, ...]
    evidence: tuple[Evidence, ...]
    assoc_actor_1: str | None = None
    assoc_actor_2: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    admin3: str | None = None
    #: The outlet says it could not independently verify what it reports.
    unverified: bool = False
    #: The event rests on a party's claim ("rebels claimed full control of the town").
    claim: bool = False
    #: Which role rule (``events/role_rules.py``) set a field: (field, rule id) pairs, for ``--explain``.
    #: A trace, not a coded value: not compared, not stored.
    role_rules: tuple[tuple[str, str], ...] = field(default=(), compare=False)

    @property
    def interaction(self) -> int:
        """ACLED interaction code: both inter codes, lowest first; ``10 * inter1`` when one-sided."""
        if self.inter2 is None:
            return self.inter1 * 10
        low, high = sorted((self.inter1, self.inter2))
        return low * 10 + high


@dataclass(frozen=True, slots=True)
class ReportKey:
    """The fields of a stored report that decide whether it can match another (no text, no
    evidence): what the incremental merge reads to find a report's neighbourhood."""

    event_id: str
    event_date: dt.date
    time_precision: TimePrecision
    event_type: EventType
    sub_event_type: SubEventType
    actor1: str
    inter1: int
    actor2: str | None
    inter2: int | None
    iso3: str
    admin1: str | None
    latitude: float
    longitude: float
    geo_precision: GeoPrecision


@dataclass(frozen=True, slots=True)
class Contradiction:
    """Reports of one event that disagree on ``field`` (``fatalities`` or ``territory``)."""

    field: str
    detail: str
    report_ids: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class CanonicalEvent:
    """One real-world event: the reconciled ``event`` (its ``event_id`` is the canonical id, its
    ``article_ids``/``evidence`` the union of the reports'), and how it is corroborated."""

    event: Event
    report_ids: tuple[str, ...]
    outlets: tuple[str, ...]
    sources_count: int
    independent_sources: int
    fatalities_min: int
    fatalities_max: int
    contradictions: tuple[Contradiction, ...] = ()

    @property
    def canonical_id(self) -> str:
        """The canonical event's id (a content hash of its report ids)."""
        return self.event.event_id


@dataclass(frozen=True, slots=True)
class Rejection:
    """An article (or record) a stage could not use, and why. Stored and counted, never silent."""

    origin: str
    stage: str
    code: str
    detail: str
    article_id: str | None = None


@dataclass(frozen=True, slots=True)
class TraceStep:
    """One decision on one sentence: which step of the cascade or which rule kept or dropped it."""

    start: int
    end: int
    step: str
    detail: str


@dataclass(slots=True)
class Doc:
    """The state one article accumulates as it passes through the pipeline's stages."""

    article: Article
    clean: CleanText | None = None
    sentences: list[tuple[int, int]] = field(default_factory=list)
    places: list[PlaceMention] = field(default_factory=list)
    actors: list[ActorMention] = field(default_factory=list)
    times: list[TimeMention] = field(default_factory=list)
    #: Relative time expressions left unresolved because the article has no publication date.
    unresolved_times: list[tuple[int, int]] = field(default_factory=list)
    casualties: list[CasualtyMention] = field(default_factory=list)
    triggers: list[Trigger] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    focus_country: str | None = None
    warnings: list[str] = field(default_factory=list)
    undated: int = 0
    #: Every coding decision taken on the article's sentences, in text order (``--explain``).
    trace: list[TraceStep] = field(default_factory=list)

    @property
    def text(self) -> str:
        """The cleaned text every mention offset points into."""
        if self.clean is None:
            raise RuntimeError("[E900] Doc.text used before the cleaning stage ran")
        return self.clean.text

    def date_spans(self) -> list[tuple[int, int]]:
        """The spans of the text's date expressions, resolved or not (a name inside one is no place)."""
        return [(t.start, t.end) for t in self.times] + list(self.unresolved_times)

    def evidence(self, field_name: str, start: int, end: int) -> Evidence:
        """Evidence for a cleaned-text span, quoted verbatim from the original article text."""
        if self.clean is None:
            raise RuntimeError("[E900] Doc.evidence used before the cleaning stage ran")
        o_start, o_end = self.clean.to_original(start, end)
        return Evidence(
            article_id=self.article.article_id,
            field=field_name,
            quote=self.article.text[o_start:o_end],
            start=o_start,
            end=o_end,
        )
