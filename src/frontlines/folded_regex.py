"""Case-insensitive patterns answered on ASCII-lowered text: the same answers, three to four times faster.

Python's ``re`` compiles a case-insensitive letter into an opcode that its branch and prefix
optimisations do not look into, so a pattern of many alternatives (``\\b(?:earthquakes?|floods?|...)\\b``
with ``re.IGNORECASE``) tries every alternative at every word. Lower-cased, the same pattern matched
case-sensitively against text whose ASCII capitals are lowered (:data:`LOWER`, which keeps every
offset) skips the alternatives whose first letter differs. The trigger rules scan that way too
(``events.triggers._any_rule``).

The two give the same answer at every position when

* the pattern is ASCII, has no escape that lowering changes or that can spell a capital (``\\S``,
  ``\\W``, ``\\D``, ``\\B``, ``\\A``, ``\\Z``, ``\\x41``, ``\\101``...), no inline flags, named groups or
  comments (``(?i)``, ``(?-i:...)``, ``(?P<...>``), and no character range that holds letters of both
  cases or letters and other characters (``[A-z]``): :func:`foldable` checks this; and
* the text holds none of the non-ASCII characters that ``re.IGNORECASE`` takes for an ASCII letter
  (:data:`ASCII_KIN`: dotted and dotless i, long s, the Kelvin sign): :func:`lowered` returns None
  for such a text, and the pattern itself answers.

Under these conditions an ASCII letter of the pattern meets the text's letter in either case in
both forms, a non-ASCII text character meets only classes (``\\w``, ``\\s``, ``[^...]``), which
lowering leaves alone, and word boundaries, lengths and offsets are unchanged.
"""

from __future__ import annotations

import re
import string
from re import _constants, _parser  # type: ignore[attr-defined]
from typing import Any

#: ASCII capitals to small letters; every other character kept (offsets do not move).
LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)
#: The characters beyond ASCII that ``re.IGNORECASE`` matches with an ASCII letter (U+0130 İ,
#: U+0131 ı, U+017F ſ, U+212A Kelvin sign); a test checks the list against ``re`` over all of Unicode.
ASCII_KIN = re.compile("[\u0130\u0131\u017f\u212a]")
#: Escapes that lowering would change, or that may spell a capital letter.
_UNSAFE_ESCAPE = re.compile(r"[A-Z0-9xuN]")
#: ``(?`` constructs without letters: groups and lookarounds.
_PLAIN_GROUP = re.compile(r"\(\?(?![:=!]|<[=!])")
_LETTERS = (("a", "z"), ("A", "Z"))


#: :data:`LOWER` on UTF-8 bytes: an ASCII byte is never part of another character's encoding.
_LOWER_BYTES = bytes.maketrans(string.ascii_uppercase.encode(), string.ascii_lowercase.encode())


def ascii_lower(text: str) -> str:
    """``text.translate(LOWER)``, ten times faster: ``str.lower`` for ASCII text, else a byte table
    over its UTF-8 (``str.translate`` looks each character up in a dict once the text is not ASCII)."""
    if text.isascii():
        return text.lower()
    return text.encode("utf-8", "surrogatepass").translate(_LOWER_BYTES).decode("utf-8", "surrogatepass")


def lowered(text: str) -> str | None:
    """``text`` with its ASCII capitals lowered, or None when a :data:`ASCII_KIN` character is in it
    (the pattern itself must then answer)."""
    if not text.isascii() and ASCII_KIN.search(text):
        return None
    return ascii_lower(text)


def _ranges(node: Any) -> list[tuple[int, int]]:
    """Every character range in a parsed pattern."""
    found: list[tuple[int, int]] = []
    stack = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, _parser.SubPattern):
            stack.extend(item.data)
        elif isinstance(item, tuple) and len(item) == 2 and item[0] is _constants.RANGE:
            found.append(item[1])
        elif isinstance(item, list | tuple):
            stack.extend(item)
    return found


def _safe_range(low: int, high: int) -> bool:
    """A range holding no letters, or letters of one case only."""
    spans = [(ord(a), ord(b)) for a, b in _LETTERS]
    if any(a <= low and high <= b for a, b in spans):
        return True
    return not any(low <= b and a <= high for a, b in spans)


def foldable(pattern: re.Pattern[str]) -> bool:
    """Whether ``pattern`` gives the same answers lowered, on lowered text (module docs)."""
    source = pattern.pattern
    if not isinstance(source, str) or not source.isascii():
        return False
    if not pattern.flags & re.IGNORECASE or pattern.flags & re.VERBOSE:
        return False
    if any(_UNSAFE_ESCAPE.match(esc) for esc in re.findall(r"\\(.)", source, re.DOTALL)):
        return False
    if _PLAIN_GROUP.search(source):
        return False
    try:
        parsed = _parser.parse(source, pattern.flags)
    except re.error:  # pragma: no cover - the pattern compiled, so it parses
        return False
    return all(_safe_range(low, high) for low, high in _ranges(parsed))


class FoldedPattern:
    """A case-insensitive pattern that answers :meth:`search` on lowered text when it may."""

    __slots__ = ("folded", "pattern")

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        #: The lowered, case-sensitive pattern (None: the pattern is not :func:`foldable`).
        self.folded = (
            re.compile(pattern.pattern.translate(LOWER), pattern.flags & ~re.IGNORECASE)
            if foldable(pattern)
            else None
        )

    def found(self, text: str, low: str | None) -> bool:
        """Whether the pattern matches anywhere in ``text``; ``low`` is :func:`lowered` ``(text)``."""
        if low is not None and self.folded is not None:
            return self.folded.search(low) is not None
        return self.pattern.search(text) is not None


#: Zero-width items a first character looks past (a superset: the assertion may still fail).
_ZERO_WIDTH = (_constants.ASSERT, _constants.ASSERT_NOT, _constants.AT)
_REPEATS = (_constants.MAX_REPEAT, _constants.MIN_REPEAT, _constants.POSSESSIVE_REPEAT)


def _charset(items: list[tuple[Any, Any]]) -> set[str] | None:
    """The characters of a ``[...]`` class of literals and ranges (None for a category or negation)."""
    found: set[str] = set()
    for op, av in items:
        if op is _constants.LITERAL:
            found.add(chr(av))
        elif op is _constants.RANGE:
            found.update(chr(c) for c in range(av[0], av[1] + 1))
        else:
            return None
    return found


def _firsts(items: Any) -> tuple[set[str], bool] | None:
    """The characters a parsed sequence can start with and whether it can match the empty string;
    None when some item's first character is not a known literal (``.``, ``\\w``, a back-reference)."""
    found: set[str] = set()
    for op, av in items:
        if op in _ZERO_WIDTH:
            continue
        if op is _constants.LITERAL:
            return found | {chr(av)}, False
        if op is _constants.IN:
            chars = _charset(av)
            return None if chars is None else (found | chars, False)
        part = _item_firsts(op, av)
        if part is None:
            return None
        found |= part[0]
        if not part[1]:
            return found, False
    return found, True


def _item_firsts(op: Any, av: Any) -> tuple[set[str], bool] | None:
    """:func:`_firsts` of a group, an alternation or a repeat."""
    if op is _constants.SUBPATTERN:
        return None if av[1] & re.IGNORECASE else _firsts(av[3])
    if op in _REPEATS:
        inner = _firsts(av[2])
        return None if inner is None else (inner[0], inner[1] or av[0] == 0)
    if op is _constants.BRANCH:
        found: set[str] = set()
        empty = False
        for alternative in av[1]:
            part = _firsts(alternative)
            if part is None:
                return None
            found |= part[0]
            empty |= part[1]
        return found, empty
    return None


def first_chars(source: str) -> frozenset[str] | None:
    """Every character a case-sensitive pattern's match can start with, or None when that is not
    known (a class such as ``\\w`` or ``.`` may start it, or it may match the empty string)."""
    found = _firsts(_parser.parse(source).data)
    return None if found is None or found[1] else frozenset(found[0])


def by_first_char(bodies: list[str]) -> str:
    """The alternation of ``bodies``, grouped by the character a match starts with
    (:func:`first_chars`): one alternative per character, which opens with it, then steps
    back over it in a look-behind and looks for the bodies that can start with it
    ("s(?<=(?=(?:seiz...|shell...))(?s:.))"). The regex engine skips an alternative whose first
    character differs without entering it, so a position tries only the bodies that can start
    with its character, not all of them. Bodies whose first characters are not known are tried
    everywhere. The same positions match as with the plain alternation."""
    firsts = [first_chars(body) for body in bodies]
    groups = []
    for ch in sorted(set().union(*(chars for chars in firsts if chars))):
        starting = "|".join(body for body, chars in zip(bodies, firsts, strict=True) if chars and ch in chars)
        groups.append(rf"{re.escape(ch)}(?<=(?=(?:{starting}))(?s:.))")
    anywhere = [body for body, chars in zip(bodies, firsts, strict=True) if chars is None]
    return "|".join(groups + anywhere)


def top_level_alternatives(source: str) -> list[str]:
    """The alternatives of a pattern's outermost alternation ("a|(?:b|c)|[|]" -> "a", "(?:b|c)",
    "[|]"): the bars outside groups, classes and escapes."""
    parts: list[str] = []
    depth, in_class, begin, i = 0, False, 0, 0
    while i < len(source):
        ch = source[i]
        if ch == "\\":
            i += 1  # the escaped character is no bar, bracket or parenthesis
        elif in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
            i += source.startswith("^", i + 1)
            i += source.startswith("]", i + 1)  # "[]...]", "[^]...]": a first "]" is a member
        elif ch in "()":
            depth += 1 if ch == "(" else -1
        elif ch == "|" and depth == 0:
            parts.append(source[begin:i])
            begin = i + 1
        i += 1
    return [*parts, source[begin:]]
