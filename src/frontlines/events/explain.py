"""Why an article's events are what they are: per event, which step of the cascade named its type,
which words set each field and which role rule (``events/role_rules.py``) chose each actor; per dropped
sentence, the rule that dropped it (``extract --explain``)."""

from __future__ import annotations

from frontlines.model import Doc, Event, TraceStep

#: The fields explained, in order, with the words that name what set them.
FIELDS = ("event_type", "event_date", "location", "actor1", "actor2", "fatalities")
_QUOTE = 90
#: The fields a role rule sets, whose rule id is shown beside them.
ROLE_FIELDS = frozenset({"actor1", "actor2"})


def _short(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= _QUOTE else flat[: _QUOTE - 1] + "…"


def _original(doc: Doc, step: TraceStep) -> tuple[int, int]:
    assert doc.clean is not None
    return doc.clean.to_original(step.start, step.end)


def _setter(doc: Doc, event: Event) -> str:
    """The cascade step that kept the sentence the event was read from."""
    sentences = [(e.start, e.end) for e in event.evidence if e.field == "event"]
    for step in doc.trace:
        if step.step.startswith("drop"):
            continue
        start, end = _original(doc, step)
        if any(start <= s < end or s <= start < e for s, e in sentences):
            return f"{step.step} ({step.detail})"
    return "rule"


def _field_line(event: Event, name: str) -> str:
    quotes = [e.quote for e in event.evidence if e.field == name]
    value = getattr(event, name)
    value = getattr(value, "value", value)
    rule = dict(event.role_rules).get(name) if name in ROLE_FIELDS else None
    by = f", set by rule {rule}" if rule else ""
    if quotes:
        return f'    {name:<11} {value!s:<40} from "{_short(quotes[0])}"{by}'
    return f"    {name:<11} {value!s:<40} inferred (no words name it: the codebook's default){by}"


def explain(doc: Doc) -> list[str]:
    """Lines telling, for each event of ``doc``, what set each field, then each dropped sentence."""
    lines = [f"article {doc.article.article_id}: {len(doc.events)} event(s)"]
    for number, event in enumerate(doc.events, 1):
        lines.append(f"  event {number}: {event.sub_event_type.value}, set by {_setter(doc, event)}")
        lines += [_field_line(event, name) for name in FIELDS]
    for step in doc.trace:
        # a sentence whose event words the model overruled is a dropped candidate too
        if step.step.startswith("drop") or step.step in ("place-unknown", "model-vetoes"):
            start, end = _original(doc, step)
            lines.append(f'  {step.step}: {step.detail}: "{_short(doc.article.text[start:end])}"')
    return lines
