"""Numbers written in words, French, Dutch and English: the words, their values, RE2 for them.

Not a recognizer: the shared vocabulary of the recognizers that read numbers people spell out
(``SpelledPhoneRecognizer``: "zéro six douze ..."; the date patterns: "le trois mars",
"the twelfth of June nineteen eighty", "geboren op drie maart negentienhonderdvijfentachtig").

Forms are kept folded (lower case, no accents, one space between words); ``fold`` folds a text
the same way before a lookup, and ``words_regex`` turns forms back into an RE2 alternation that
accepts what people type between the words (a space, a hyphen: "vingt-deux", "vingt deux") and
the accents ("zéro", "één", "tweeëntwintig").
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable

LANGUAGES = ("fr", "nl", "en")

#: Number words from zero to nineteen (French to sixteen), per language (folded keys, accents kept
#: and stripped). French has the Belgian and Swiss tens too ("septante", "nonante").
UNITS: dict[str, dict[str, int]] = {
    "fr": {
        "zéro": 0, "zero": 0, "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6,
        "sept": 7, "huit": 8, "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "treize": 13, "quatorze": 14,
        "quinze": 15, "seize": 16,
    },
    "nl": {
        "nul": 0, "een": 1, "één": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6, "zeven": 7,
        "acht": 8, "negen": 9, "tien": 10, "elf": 11, "twaalf": 12, "dertien": 13, "veertien": 14,
        "vijftien": 15, "zestien": 16, "zeventien": 17, "achttien": 18, "negentien": 19,
    },
    "en": {
        "zero": 0, "oh": 0, "o": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
        "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
        "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    },
}  # fmt: skip
TENS: dict[str, dict[str, int]] = {
    "fr": {
        "vingt": 20, "vingts": 20, "trente": 30, "quarante": 40, "cinquante": 50, "soixante": 60,
        "septante": 70, "huitante": 80, "octante": 80, "nonante": 90,
    },
    "nl": {
        "twintig": 20, "dertig": 30, "veertig": 40, "vijftig": 50, "zestig": 60, "zeventig": 70,
        "tachtig": 80, "negentig": 90,
    },
    "en": {
        "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
        "ninety": 90,
    },
}  # fmt: skip

#: English ordinals below twenty, and of the tens ("twentieth"); "twenty-first" is built.
_EN_ORDINALS = [
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh",
    "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth",
]  # fmt: skip
_EN_TENS_ORDINALS = {20: "twentieth", 30: "thirtieth", 40: "fortieth", 50: "fiftieth", 60: "sixtieth",
                     70: "seventieth", 80: "eightieth", 90: "ninetieth"}  # fmt: skip
#: Dutch ordinals below twenty that are not the number and "de" ("eerste", "derde", "achtste").
_NL_IRREGULAR_ORDINALS = {1: "eerste", 3: "derde", 8: "achtste"}

#: What people type between the words of one number: spaces, a hyphen with or without spaces.
WORD_GAP = r"(?:[ \t]*-[ \t]*|[ \t]+)"

#: Accented letters of the number words, and what people also type for them ("zero", "tweeentwintig").
_ACCENT_CLASSES = {"é": "[ée]", "ë": "[ëe]", "è": "[èe]"}


def fold(text: str) -> str:
    """``text`` in lower case, without accents, hyphens read as spaces, spaces collapsed."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(bare.replace("-", " ").split())


def _fold_map(forms: Iterable[tuple[str, int]]) -> dict[str, int]:
    return {fold(form): value for form, value in forms}


def _french(n: int) -> list[str]:
    """French spellings of ``n`` (0-99), France's and Belgium's/Switzerland's tens."""
    units = {v: k for k, v in UNITS["fr"].items() if k not in ("zero", "une")}
    if n <= 16:
        return [units[n]]
    if n < 20:
        return ["dix " + units[n - 10]]
    tens, unit = divmod(n, 10)
    base = {2: "vingt", 3: "trente", 4: "quarante", 5: "cinquante", 6: "soixante"}
    if tens in base:
        if unit == 0:
            return [base[tens]]
        return [f"{base[tens]} et un"] if unit == 1 else [f"{base[tens]} {units[unit]}"]
    forms: list[str] = []
    if tens == 7:
        forms += ["soixante et onze"] if unit == 1 else [f"soixante {f}" for f in _french(n - 60)]
    elif tens == 8:
        forms += ["quatre vingts", "quatre vingt"] if unit == 0 else [f"quatre vingt {units[unit]}"]
    else:
        forms += [f"quatre vingt {f}" for f in _french(n - 80)]
    belgian = {7: "septante", 8: "huitante", 9: "nonante"}[tens]
    forms += [belgian] if unit == 0 else [f"{belgian} et un" if unit == 1 else f"{belgian} {units[unit]}"]
    if tens == 8:
        forms += ["octante"] if unit == 0 else ["octante et un" if unit == 1 else f"octante {units[unit]}"]
    return forms


def _dutch(n: int) -> list[str]:
    """Dutch spellings of ``n`` (0-99): "vierendertig", "tweeëntwintig"."""
    units = {v: k for k, v in UNITS["nl"].items() if k != "één"}
    if n < 20:
        return [units[n]]
    tens, unit = divmod(n, 10)
    ten = {v: k for k, v in TENS["nl"].items()}[tens * 10]
    if unit == 0:
        return [ten]
    word = units[unit]
    return [f"{word}ën{ten}" if word.endswith("e") else f"{word}en{ten}"]


def _english(n: int) -> list[str]:
    """English spellings of ``n`` (0-99): "thirty-four" is kept as "thirty four"."""
    units = {v: k for k, v in UNITS["en"].items() if k not in ("oh", "o")}
    if n < 20:
        return [units[n]]
    tens, unit = divmod(n, 10)
    ten = {v: k for k, v in TENS["en"].items()}[tens * 10]
    return [ten] if unit == 0 else [f"{ten} {units[unit]}"]


_SPELLERS = {"fr": _french, "nl": _dutch, "en": _english}


def cardinal_forms(language: str, low: int = 0, high: int = 99) -> list[tuple[str, int]]:
    """Spellings (words separated by spaces, accents kept) of the numbers ``low``..``high`` (at most 99)."""
    return [(form, n) for n in range(low, high + 1) for form in _SPELLERS[language](n)]


@functools.cache
def cardinals(language: str, low: int = 0, high: int = 99) -> dict[str, int]:
    """Folded spellings of the numbers ``low``..``high`` (at most 99), to their values."""
    return _fold_map(cardinal_forms(language, low, high))


def ordinal_forms(language: str, low: int = 1, high: int = 31) -> list[tuple[str, int]]:
    """Ordinals ``low``..``high``: English "twelfth", "twenty-first"; Dutch "twaalfde",
    "eenentwintigste". French dates use cardinals ("le trois mars"), "premier" aside: it has only that."""
    forms: list[tuple[str, int]] = []
    for n in range(low, high + 1):
        if language == "en":
            tens, unit = divmod(n, 10)
            if n < 20:
                forms.append((_EN_ORDINALS[n - 1], n))
            elif unit == 0:
                forms.append((_EN_TENS_ORDINALS[n], n))
            else:
                ten = {v: k for k, v in TENS["en"].items()}[tens * 10]
                forms.append((f"{ten} {_EN_ORDINALS[unit - 1]}", n))
        elif language == "nl":
            if n in _NL_IRREGULAR_ORDINALS:
                forms.append((_NL_IRREGULAR_ORDINALS[n], n))
            else:
                suffix = "de" if n < 20 else "ste"
                forms += [(form + suffix, n) for form in _dutch(n)]
        elif n == 1:
            forms += [("premier", 1), ("première", 1)]
    return forms


@functools.cache
def ordinals(language: str, low: int = 1, high: int = 31) -> dict[str, int]:
    """Folded ``ordinal_forms``, to their values."""
    return _fold_map(ordinal_forms(language, low, high))


def words_regex(forms: Iterable[str]) -> str:
    """RE2 alternation of ``forms`` (words separated by spaces; longest first): a space between two
    words may be typed as a hyphen, an accented letter with or without its accent ("zéro",
    "tweeëntwintig", "tweeentwintig")."""
    alternatives = []
    for form in sorted(set(forms), key=lambda f: (-len(f), f)):
        words = ["".join(_ACCENT_CLASSES.get(ch, re.escape(ch)) for ch in word) for word in form.split(" ")]
        alternatives.append(WORD_GAP.join(words))
    return "(?:" + "|".join(alternatives) + ")"


# --- years ------------------------------------------------------------------------------------

#: How a year is said before its last two digits, per language (folded), and the century it
#: gives: "nineteen eighty-five", "mille neuf cent quatre-vingt-cinq", "negentienhonderdvijfentachtig",
#: "two thousand and three", "deux mille trois", "tweeduizenddrie". ``True``: the last two digits
#: may be left out ("nineteen hundred", "deux mille"); Dutch glues them ("negentienhonderdvijf").
_YEAR_HEADS: dict[str, tuple[tuple[str, int, bool], ...]] = {
    "en": (
        ("nineteen hundred and", 1900, False), ("nineteen hundred", 1900, True), ("nineteen oh", 1900, False),
        ("eighteen hundred and", 1800, False), ("eighteen hundred", 1800, True), ("eighteen oh", 1800, False),
        ("two thousand and", 2000, False), ("two thousand", 2000, True),
        ("nineteen", 1900, False), ("eighteen", 1800, False), ("twenty", 2000, False),
    ),
    "fr": (
        ("mille neuf cents", 1900, True), ("mille neuf cent", 1900, True), ("mil neuf cent", 1900, True),
        ("dix neuf cents", 1900, True), ("dix neuf cent", 1900, True),
        ("mille huit cents", 1800, True), ("mille huit cent", 1800, True), ("dix huit cent", 1800, True),
        ("deux mille", 2000, True),
    ),
    "nl": (
        ("negentienhonderd", 1900, True), ("achttienhonderd", 1800, True), ("tweeduizend", 2000, True),
        ("negentien", 1900, False),
    ),
}  # fmt: skip
#: The languages whose years said in words ``year_words_regex`` and ``year_value`` read.
SPOKEN_YEAR_LANGUAGES = frozenset(_YEAR_HEADS)
#: Heads after which only 10-99 follow ("nineteen eighty", "twenty twenty-three"; "nineteen five" is no year).
_TENS_ONLY_HEADS = frozenset({"nineteen", "eighteen", "twenty", "negentien"})
#: Heads after which only a digit follows ("nineteen oh five").
_DIGIT_ONLY_HEADS = frozenset({"nineteen oh", "eighteen oh"})


def _tail_low(head: str) -> int:
    return 10 if head in _TENS_ONLY_HEADS else 1


def _tail_high(head: str) -> int:
    return 9 if head in _DIGIT_ONLY_HEADS else 99


@functools.cache
def year_words_regex(language: str) -> str:
    """RE2 for a year from 1800 to 2099 said in words in ``language`` (no flags, no boundaries).

    Heads that take the same last two digits share one alternation of them: the French one alone
    is about 140 spellings, and repeated for each head it made an automaton RE2 ran out of memory on."""
    groups: dict[tuple[int, int, bool, str], list[str]] = {}
    for head, _, alone in _YEAR_HEADS[language]:
        # Dutch glues the tail ("negentienhonderdvijfentachtig", "negentienvijfentachtig") or not
        # ("negentien vijfentachtig")
        if language == "nl":
            gap = r"(?:[ \t]*-[ \t]*|[ \t]*)" if head == "negentien" else r"[ \t]*(?:en[ \t]*)?"
        else:
            gap = WORD_GAP
        groups.setdefault((_tail_low(head), _tail_high(head), alone, gap), []).append(head)
    alternatives = []
    for (low, high, alone, gap), heads in groups.items():
        tail = words_regex(form for form, _ in cardinal_forms(language, low, high))
        alternatives.append(f"{words_regex(heads)}(?:{gap}{tail}){'?' if alone else ''}")
    return "(?:" + "|".join(alternatives) + ")"


def year_value(text: str, language: str) -> int | None:
    """The year said in ``text`` (its words from the start), or None: "nineteen eighty five" 1985."""
    folded = fold(text)
    for head, century, alone in _YEAR_HEADS[language]:
        folded_head = fold(head)
        if not folded.startswith(folded_head):
            continue
        rest = folded[len(folded_head) :].strip()
        if language == "nl" and rest.startswith("en") and rest not in cardinals(language):
            rest = rest[2:].strip()  # "tweeduizend en drie"
        if not rest:
            if alone:
                return century
            continue
        value = cardinals(language, _tail_low(head), _tail_high(head)).get(rest)
        if value is not None:
            return century + value
    return None


def day_forms(language: str) -> list[tuple[str, int]]:
    """Day numbers (1-31) as a date writes them in words: French cardinals ("trois", "vingt et
    un") and "premier"; Dutch cardinals and ordinals ("drie", "derde"); English ordinals ("third",
    "twenty-first"). One is left out as a cardinal: "un"/"een" are articles too."""
    if language == "en":
        return ordinal_forms("en")
    return cardinal_forms(language, 2, 31) + ordinal_forms(language)


@functools.cache
def day_words(language: str) -> dict[str, int]:
    """Folded ``day_forms``, to their values."""
    return _fold_map(day_forms(language))


def day_words_regex(language: str) -> str:
    """RE2 alternation of ``day_forms`` (no flags, no boundaries)."""
    return words_regex(form for form, _ in day_forms(language))


_FOLDED_WORD = re.compile(r"[a-z]+")


def day_in(text: str, language: str) -> int | None:
    """The first day number said in words anywhere in ``text``, or None: "le vingt et un mars" 21."""
    words = _FOLDED_WORD.findall(fold(text))
    lookup = day_words(language)
    for index in range(len(words)):
        for width in (3, 2, 1):  # the longest reading first: "vingt et un", "twenty first"
            value = lookup.get(" ".join(words[index : index + width]))
            if value is not None:
                return value
    return None
