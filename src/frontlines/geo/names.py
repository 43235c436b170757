"""Place-name hygiene: the folding key used for lookups, the alternate-name filter, spelling variants.

``fold`` is applied to every stored name and to every lookup, so two spellings that fold alike find
the same places: "Deir ez-Zor", "Deir el-Zour", "Deir Ezzor" and "Dayr al-Zor"... all fold to
``"deir zur"``/``"dayr zur"``. It is deliberately coarse (a lookup key, never shown to anyone);
lookups rank exact spellings first (see ``SqliteGazetteer.lookup``).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache

from frontlines.geo.wordlists import COMMON_WORDS, DEMONYMS

#: Names shorter than this are initials, codes or junk ("Al", "Gb").
MIN_NAME_CHARS = 3
#: A bare name made by dropping an Arabic article ("Al-Bab" -> "Bab") must be at least this long.
MIN_BARE_CHARS = 4

#: Letters NFKD does not decompose.
_LETTERS = str.maketrans(
    {"ı": "i", "ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ß": "ss", "æ": "ae", "œ": "oe", "ħ": "h"}
)
#: Apostrophes and the marks transliterations use for ayn and hamza: dropped.
_MARKS = re.compile(r"['’‘`´ʿʾʻʼ\"]")
_NON_WORD = re.compile(r"[^0-9a-z]+")
#: The Arabic article as transliterations write it, assimilated or not (al, el, ad, ash, ez ...).
ARTICLES = frozenset(
    "al el il ul ad ed an en ar er as es ash esh at et ath az ez adh ed dh".split()  # noqa: SIM905 - a word list reads best as words
)
_SUN_LETTERS = "tdrzsnl"
#: A glued, assimilated article inside a name: "Ezzor", "Arraqqa", "Assuwayda".
_GLUED = re.compile(rf"^[ae]([{_SUN_LETTERS}])\1(.{{2,}})$")
#: Article prefixes that make a spelling variant ("Al-Bab", "al Bab", "El-Bab", "Ash-Shaddadi").
_LEADING_ARTICLE = re.compile(
    r"^(?:[AaEe][ln]|[AaEe][dtrzsn]|[AaEe]sh|[AaEe]th|[AaEe]dh)-(?=[A-Z])|^(?:Al|Ad|Ar|Az) (?=[A-Z])"
)
_INNER_ARTICLE = re.compile(r"^(?P<head>.+?) (?:[ae][ln]|[ae][dtrzsn]|[ae]sh)[- ](?P<tail>[A-Z][\w'’-]+)$")


def strip_marks(text: str) -> str:
    """``text`` without diacritics (NFKD, combining marks dropped, ø/ł/ß... spelled out)."""
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text.translate(_LETTERS))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).translate(_LETTERS)


@lru_cache(maxsize=1 << 16)
def fold(name: str) -> str:
    """The lookup key of a name: case, diacritics, punctuation, Arabic articles, doubled letters,
    ou/o/u and a final h after a vowel do not count. ``fold("Deir el-Zour") == fold("Deir Ezzor")``."""
    text = _MARKS.sub("", strip_marks(name).lower())
    tokens = _NON_WORD.sub(" ", text).split()
    kept: list[str] = []
    for i, token in enumerate(tokens):
        if token in ARTICLES and i < len(tokens) - 1:
            continue
        glued = _GLUED.match(token) if i > 0 else None
        kept.append(glued.group(1) + glued.group(2) if glued else token)
    key = " ".join(kept)
    key = re.sub(r"(.)\1+", r"\1", key)
    key = key.replace("ou", "u").replace("o", "u")
    return re.sub(r"([aeiu])h\b", r"\1", key)


def is_latin(name: str) -> bool:
    """True when the first letter of ``name`` is a Latin letter (a name for an English matcher)."""
    if name[:1].isascii() and name[:1].isalpha():
        return True
    for ch in name:
        if ch.isalpha():
            return "LATIN" in unicodedata.name(ch, "")
    return False


def is_common_word(name: str) -> bool:
    """True for names that are ordinary English words when lower-cased ("Reading", "Of")."""
    return name.lower() in COMMON_WORDS


def is_demonym(name: str) -> bool:
    """True for nationality/ethnic adjectives ("Syrian"), which never name a place."""
    return name in DEMONYMS


def keep_alternate(name: str) -> bool:
    """Whether an alternate name looks like a proper name worth matching: starts upper-case (or is not
    Latin script), is not all capitals ("THE", IATA codes), not shorter than 3 letters, not a common
    English word and not a demonym."""
    name = name.strip()
    if len(name) < MIN_NAME_CHARS or not any(ch.isalpha() for ch in name):
        return False
    if not is_latin(name):
        return True
    if not name[0].isupper() or name.isupper():
        return False
    return not is_common_word(name) and not is_demonym(name)


#: An ayn or hamza mark as transliterations write it: at the start of a word ("‘Āmūdā", "‘Ayn") or
#: before a small letter or the end of a word ("Ra’s", "Ma‘arrat", "Māri‘"). An apostrophe between a
#: letter and a capital is an elision ("O'Brien", "L'Aquila") and stays.
_AYN_HAMZA = re.compile(r"(?:(?<![^\s-])['’‘`´ʿʾʻʼ]+|['’‘`´ʿʾʻʼ]+(?=[a-z]|[^\w]|$))")
#: A consonant written twice ("qq", "ss", "kk"), for the single-letter spelling variant.
_DOUBLED_CONSONANT = re.compile(r"([b-df-hj-np-tv-z])\1")
#: Names shorter than this get no single-letter variant (too many accidental matches).
MIN_SINGLED_CHARS = 4


def spelling_variants(name: str) -> Iterator[str]:
    """Cheap, safe spellings of ``name`` for the matcher (the name itself excluded).

    "Al-Bab" -> "al-Bab", "Al Bab", "El-Bab", "Bab"... (the bare form only when it is not a common word);
    "Al-Bukamal" -> "Albukamal" (the article written into a bare name of four letters or more);
    "Deir ez-Zor" -> "Deir al-Zor", "Deir el-Zor", "Deir ez Zor", "Deir Ezzor"...; "Ţarţūs" -> "Tartus";
    the ayn and hamza marks news leaves out: "‘Āmūdā" -> "Amuda", "Ra’s al ‘Ayn" -> "Ras al-Ayn".
    """
    seen = {name}
    out: list[str] = []

    def add(variant: str) -> None:
        if variant not in seen:
            seen.add(variant)
            out.append(variant)

    plain = strip_marks(name)
    if is_latin(name):
        plain = _AYN_HAMZA.sub("", plain)
    if plain != name and is_latin(name):
        add(plain)
    # "Raqqa" is also written "Raqa", "Hassakeh" "Hasakeh": a doubled consonant written once.
    single = _DOUBLED_CONSONANT.sub(r"\1", plain)
    if single != plain and is_latin(name) and len(single) >= MIN_SINGLED_CHARS and not is_common_word(single):
        add(single)
    for base in (name, plain):
        lead = _LEADING_ARTICLE.match(base)  # hyphenated, or an unmistakably Arabic article
        if lead:
            bare = base[lead.end() :]
            for article in ("Al-", "al-", "Al ", "El-", "el-"):
                add(article + bare)
            # the article written into the name, as monitors spell it: "Albukamal", "Alrastan"
            if len(bare) >= MIN_BARE_CHARS and " " not in bare and "-" not in bare:
                add("Al" + bare.lower())
            if len(bare) >= MIN_BARE_CHARS and not is_common_word(bare) and not is_demonym(bare):
                add(bare)
        inner = _INNER_ARTICLE.match(base)
        if inner and not lead:
            head, tail = inner.group("head"), inner.group("tail")
            for article in ("al-", "el-", "al ", "el "):
                add(f"{head} {article}{tail}")
            add(f"{head} {tail}")
            if tail[0].lower() in _SUN_LETTERS:
                add(f"{head} E{tail[0].lower()}{tail.lower()}")
    yield from out


#: Countries whose place names reach English text transliterated from Arabic, Persian, Pashto or
#: Urdu script, where one name has many Latin spellings ("Kafr Sousa", "Kfar Souseh", "Kafarsouseh").
TRANSLITERATED_COUNTRIES = frozenset(
    "SY IQ LB JO PS YE SA EG LY SD SS TN DZ MA MR EH KW QA BH AE OM IR AF PK SO TD ER DJ KM".split()  # noqa: SIM905
)
#: Countries with many places named in Arabic: those whose names are transliterated, and Israel
#: (Umm al-Fahm, Kafr Qasim).
ARABIC_NAMED_COUNTRIES = TRANSLITERATED_COUNTRIES | frozenset({"IL"})
#: A consonant followed by an "h" that only marks its sound (sh, kh, gh, th, dh, ch, zh).
_DIGRAPH_H = re.compile(r"([bcdfgjkpstvxz])h")
#: "w", "y" and "h" after a vowel are glides or lengthening in transliteration ("Jowbar", "Shaykh",
#: "Salah"/"Sala").
_GLIDE = re.compile(r"(?<=[aeiu])[wyh]")
_VOWELS = re.compile(r"[aeiouy]")


# Cached like ``fold``: a pure function of the name, asked again for every capitalised run a
# story repeats (the resolver's rule 6 asks for each run of each article).
@lru_cache(maxsize=1 << 16)
def skeleton(name: str) -> str:
    """The consonant skeleton of a transliterated name: the folded name without spaces, vowels,
    glides, digraph h's and doubled letters, q written k. Spellings of one Arabic name share it:
    "Kafr Sousa", "Kfar Souseh" and "Kafar Soussa" are all ``"kfrss"``; "Salaheddine", "Salah
    ad-Din" and "Salahuddin" ``"slhdn"``; "Qaboun" and "Kaboun" ``"kbn"``; "Jobar" and "Jowbar"
    ``"jbr"``. Far too coarse for a lookup on its own: the resolver uses it only to find candidate
    spellings inside one country."""
    key = fold(name).replace(" ", "").replace("q", "k")
    key = _DIGRAPH_H.sub(r"\1", key)
    key = _GLIDE.sub("", key)
    key = _VOWELS.sub("", key)
    return re.sub(r"(.)\1+", r"\1", key)
