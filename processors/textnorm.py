"""Text normalisation before detection, with a map back to the original offsets.

Invisible characters (zero-width spaces and joiners, soft hyphens, BOMs, bidi controls) can split an
e-mail or a number so that no pattern sees it, while a reader still does. NFKC folds look-alike forms
(full-width digits, ligatures) onto the plain ones patterns expect. A Unicode hyphen or dash between
two letters or digits ("111‑222‑333" with non-breaking hyphens, "4111–1111–1111–1111" with en
dashes, as word processors and phone keyboards type them) becomes "-", the separator the patterns
and spaCy's tokenizers know; dashes with a space beside them, in prose, stay. Decimal digits of
other scripts (Arabic-Indic "٠٦ ١٢ ٣٤", as an Arabic keyboard types a phone number) become ASCII
digits, which the patterns and checksums read.

The pipeline detects on and publishes the normalised text; ``piiflow detect`` and ``eval`` map
spans back to the input's offsets.
Normalisation works cluster by cluster (a base character and its combining marks), so every
normalised character knows which original characters it came from.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

_INVISIBLE = frozenset(
    {0x00AD, 0x180E, 0xFEFF, *range(0x200B, 0x2010), *range(0x202A, 0x202F), *range(0x2060, 0x2065)}
    | set(range(0x2066, 0x206A))
)
_ASCII_RUN = re.compile(r"[\x20-\x7e\t\n]+")  # characters normalisation leaves as they are
# hyphen, non-breaking hyphen (NFKC makes it a hyphen), figure dash, en and em dash, horizontal bar,
# minus sign, between two letters or digits: replaced by "-" one for one, so offsets stay
_DASH = re.compile(r"[\u2010-\u2015\u2212]")  # a plain class: scanned in C, 0.5 us a message
_DASH_IN_WORD = re.compile(r"(?<=[^\W_])[\u2010-\u2015\u2212](?=[^\W_])")  # 2 us: only after _DASH
# a decimal digit of another script: a digit (\d, what str.isdecimal holds) that is not 0-9, as a
# plain class (0.85 us on a 100-character message; a lookahead form took 2.1)
_OTHER_DIGIT = re.compile(r"[^\D0-9]")


@dataclass(frozen=True)
class NormalizedText:
    """The normalised text and, per normalised character, the original span it came from."""

    text: str
    starts: tuple[int, ...]  # empty when ``identity``
    ends: tuple[int, ...]
    original_length: int
    identity: bool = False  # the text needed no change: offsets map onto themselves

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of the normalised text back onto the original text."""
        if self.identity or end <= start or not self.text:
            return start, end
        return self.starts[start], self.ends[end - 1]


def _clean_cluster(cluster: str) -> str:
    out = unicodedata.normalize("NFKC", cluster)
    chars = []
    for ch in out:
        if ord(ch) in _INVISIBLE:
            continue
        if ch.isdecimal() and not ch.isascii():
            chars.append(str(unicodedata.decimal(ch)))  # "٦" -> "6": one character for one
            continue
        chars.append(ch if ch.isprintable() or ch in "\n\t" else " ")
    return "".join(chars)


def needs_no_change(text: str) -> bool:
    """True when normalisation would return ``text`` unchanged (most chat messages), checked in C.

    NFKC-normal text is normal cluster by cluster too, and every character normalisation drops or
    replaces (the invisible ones, controls) is non-printable; tab and newline are kept as they are.
    Dashes inside words and digits of other scripts are the printable exceptions.
    """
    if text.isascii():
        return text.isprintable() or text.replace("\n", "").replace("\t", "").isprintable()
    if not unicodedata.is_normalized("NFKC", text) or _OTHER_DIGIT.search(text):
        return False
    if _DASH.search(text) and _DASH_IN_WORD.search(text):
        return False
    return text.isprintable() or text.replace("\n", "").replace("\t", "").isprintable()


def normalize_with_offsets(text: str) -> NormalizedText:
    """Normalise ``text`` and keep the offset map (see module docstring)."""
    if needs_no_change(text):
        return NormalizedText(text, (), (), len(text), identity=True)
    return normalize_clusters(text)


def normalize_clusters(text: str) -> NormalizedText:
    """The cluster-by-cluster normalisation with its offset map (no fast path for the whole text).

    Runs of printable ASCII, tab and newline map onto themselves and are copied whole; only the
    characters between them go through the cluster loop. A run gives up its last character when a
    combining mark follows it, since that character is the base of the mark's cluster. Why: one
    no-break space sent every character of a text through the Python loop: 5.2 ms for a
    10,000-character text, 0.45 ms now; 31 µs for a 53-character French message with a narrow
    no-break space before its "!", as French typography has it, 9.6 µs now (timeit, 2026-12-04).
    """
    pieces: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    length = len(text)
    index = 0
    for run in _ASCII_RUN.finditer(text):
        run_start, run_end = run.span()
        if run_end < length and unicodedata.combining(text[run_end]):
            run_end -= 1
        _clean_span(text, index, run_start, pieces, starts, ends)
        if run_start < run_end:
            pieces.append(text[run_start:run_end])
            starts.extend(range(run_start, run_end))
            ends.extend(range(run_start + 1, run_end + 1))
        index = run_end  # _clean_span stopped exactly at run_start
    _clean_span(text, index, length, pieces, starts, ends)
    normalized = "".join(pieces)
    if _DASH.search(normalized):
        normalized = _DASH_IN_WORD.sub("-", normalized)  # one character for one: the map holds
    return NormalizedText(normalized, tuple(starts), tuple(ends), length)


def _clean_span(text: str, index: int, stop: int, pieces: list[str], starts: list[int], ends: list[int]) -> None:
    """Cluster by cluster over ``text[index:stop]``. No cluster crosses ``stop``: it is the end of
    the text or the start of an ASCII run, and combining marks are not ASCII."""
    length = len(text)
    while index < stop:
        end = index + 1
        while end < length and unicodedata.combining(text[end]):
            end += 1
        cleaned = _clean_cluster(text[index:end])
        pieces.append(cleaned)
        starts.extend([index] * len(cleaned))
        ends.extend([end] * len(cleaned))
        index = end


def normalize_text(text: str) -> str:
    """The normalised text alone (fast path when nothing needs changing)."""
    return normalize_with_offsets(text).text
