"""Names that chat phrasing announces: introductions, greetings, sign-offs, signatures."""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import re2
from presidio_analyzer import LocalRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from recognizers.base import make_result
from recognizers.entities import PERSON
from recognizers.names.lexicons import NameLexicon, Token, include_titles, load_lexicon, tokenize

STRONG, WEAK, START, GREETING, SIGN_OFF, TITLE = "strong", "weak", "start", "greeting", "sign_off", "title"
SHORT_TITLE = 2  # "M.", "Dr", "Me": a cue only when capitalised or followed by a dot
TITLE_PUNCT = "."
SKIPPABLE_PUNCT = frozenset(",:;-–—")


def _phrase_regex(phrase: str) -> str:
    """RE2 for a cue phrase: any run of spaces between words, either apostrophe."""
    parts = []
    for word in phrase.split():
        parts.append("".join("['’]" if ch in "'’" else re2.escape(ch) for ch in word))
    return r"\s+".join(parts)


@dataclass(frozen=True, slots=True)
class _Cue:
    kind: str
    start: int
    end: int


class ChatNamePatternRecognizer(LocalRecognizer):  # type: ignore[misc]
    """PERSON names announced by the way people write in chat, lower-case names included.

    Cues come from ``config/lexicons/names.yaml`` (per language) and are compiled into one RE2
    alternation per kind:

    * ``intros`` ("je m'appelle", "mijn naam is", "my name is"): the next one to three words are a
      name whatever their case, unless they are chat words ("je m'appelle pas", "my name is on");
    * ``weak_intros`` ("ik ben", "I'm", "je suis"), ``greetings`` at the start of a line
      ("Bonjour Marie", "Hi John", "Dear Mrs Smith"), ``sign_offs`` ("Cordialement, Marie",
      "groetjes Sophie", "regards,\\nEmma") and ``start_intros`` at the start of a line ("Met Jan de
      Vries", "ici Paul"): the words must look like a name, capitalised and not a common word, or
      in a first-name/surname list ("hi john" but not "hi there", "ik ben blij");
    * a short last line that looks like a signature after a multi-line message;
    * a transcript speaker label: a name-like word opening a line before a colon ("Nicole: ...").

    Titles after the cue are skipped to find the name, then put back in front of it, as by every
    name recognizer (``lexicons.title_start``): "Bonjour Madame Durand" reports "Madame Durand".
    Name particles are kept inside a name ("Jan van der Berg"), initials too ("J. de Vries").
    """

    STRONG_SCORE = 0.85
    STRONG_UNKNOWN_LOWER_SCORE = 0.7
    WEAK_KNOWN_SCORE = 0.85
    WEAK_CAPITALISED_SCORE = 0.75
    WEAK_LOWER_KNOWN_SCORE = 0.65
    SIGNATURE_SCORE = 0.6
    SPEAKER_SCORE = 0.6
    MAX_NAME_WORDS = 3

    def __init__(self, supported_language: str, lexicon_dir: Path) -> None:
        self.lexicon: NameLexicon = load_lexicon(lexicon_dir, supported_language)
        lex = self.lexicon
        groups = []
        for kind, phrases in (
            (STRONG, lex.intros),
            (WEAK, lex.weak_intros),
            (START, lex.start_intros),
            (GREETING, tuple(sorted(lex.greetings, key=lambda p: (-len(p), p)))),
            (SIGN_OFF, lex.sign_offs),
            (TITLE, tuple(sorted(lex.titles, key=lambda p: (-len(p), p)))),
        ):
            if phrases:
                groups.append(f"(?P<{kind}>{'|'.join(_phrase_regex(p) for p in phrases)})")
        self._cues = re2.compile("(?i)" + "|".join(groups)) if groups else None
        super().__init__(
            supported_entities=[PERSON],
            supported_language=supported_language,
            name="ChatNamePatternRecognizer",
        )

    def load(self) -> None:
        """Cues are compiled in ``__init__``."""

    def analyze(
        self,
        text: str,
        entities: list[str],
        nlp_artifacts: NlpArtifacts | None = None,
    ) -> list[RecognizerResult]:
        """Names after chat cues, and a signature on the last line."""
        if entities and PERSON not in entities:
            return []
        cues = self._find_cues(text)
        multiline = "\n" in text.strip()
        if not cues and not multiline and ":" not in text:
            return []
        tokens = tokenize(text)
        starts = [t.start for t in tokens]
        results: list[RecognizerResult] = []
        for cue in cues:
            found = self._name_after(text, tokens, bisect.bisect_left(starts, cue.end), cue.kind)
            if found is not None:
                start, end, score = found
                results.append(self._result(start, end, score, f"{cue.kind} cue"))
        if multiline:
            signature = self._signature(text, tokens)
            if signature is not None:
                results.append(self._result(*signature, "signature line"))
        if ":" in text:
            for start, end in self._speakers(text, tokens):
                results.append(self._result(start, end, self.SPEAKER_SCORE, "speaker label"))
        best: dict[tuple[int, int], RecognizerResult] = {}
        for result in results:  # two cues may announce the same name: "Bonjour Madame Durand"
            key = (result.start, result.end)
            if key not in best or result.score > best[key].score:
                best[key] = result
        kept = list(best.values())
        include_titles(text, kept, self.lexicon.titles)
        return sorted(kept, key=lambda r: r.start)

    def _speakers(self, text: str, tokens: Sequence[Token]) -> list[tuple[int, int]]:
        """Transcript speaker labels: one to three name-like words opening a line, then a colon
        ("Nicole: thanks!", "mika: who are you?"), one of them a known name and none a common word
        ("Bot:", "Date:", "PS:")."""
        found = []
        for index, token in enumerate(tokens):
            if not token.is_word or not _line_start(text, token.start):
                continue
            end = index
            while end < len(tokens) and end - index < self.MAX_NAME_WORDS and tokens[end].is_word:
                end += 1
            if end == index or end >= len(tokens) or tokens[end].text != ":":
                continue
            words = tokens[index:end]
            if "\n" in text[words[0].start : tokens[end].start]:
                continue
            lex = self.lexicon
            if all(self._accept(w, WEAK) and not lex.is_common(w.key) for w in words) and any(
                lex.is_known_name(w.key) for w in words
            ):
                found.append((words[0].start, words[-1].end))
        return found

    # ----------------------------------------------------------------------------------------

    def _find_cues(self, text: str) -> list[_Cue]:
        if self._cues is None:
            return []
        cues = []
        for match in self._cues.finditer(text):
            start, end = match.span()
            if (start > 0 and text[start - 1].isalnum()) or (end < len(text) and text[end].isalnum()):
                continue  # glued to a word: "bonjours", "himself"
            kind = next((k for k, v in match.groupdict().items() if v is not None), None)
            if kind is None:
                continue
            if kind in (START, GREETING) and not _line_start(text, start):
                continue
            if kind == TITLE:
                word = text[start:end].rstrip(".")
                dotted = (end < len(text) and text[end] == ".") or text[end - 1] == "."
                if len(word) <= SHORT_TITLE and not word[0].isupper() and not dotted:
                    continue  # "me", "m" in lower case are pronouns and letters, not titles
                kind = WEAK
            cues.append(_Cue(kind, start, end))
        return cues

    def _accept(self, token: Token, kind: str) -> bool:
        """Whether ``token`` may be a name word after a cue of ``kind``."""
        lex = self.lexicon
        key = token.key
        if not token.is_word or key in lex.stop_words or key in lex.allow or key in lex.greetings:
            return False
        known = lex.is_known_name(key)
        common = lex.is_common(key)
        if kind == STRONG:
            return not common or known or token.is_capitalised
        if not known and lex.in_dictionary(key):
            return False  # "Bonne", "Pouvez": a word of the language, in no name list
        if token.is_capitalised:
            return not common or (known and not token.is_upper)
        return known and not common

    def _name_after(self, text: str, tokens: Sequence[Token], index: int, kind: str) -> tuple[int, int, float] | None:
        lex = self.lexicon
        newline_ok = kind == SIGN_OFF
        previous_end = tokens[index - 1].end if index > 0 else 0
        # skip separators and titles between the cue and the name
        while index < len(tokens):
            token = tokens[index]
            gap = text[previous_end : token.start]
            if "\n" in gap and not newline_ok:
                return None
            if token.text in SKIPPABLE_PUNCT:
                pass
            elif token.key in lex.titles or f"{token.key}." in lex.titles:
                if kind != STRONG:
                    kind = WEAK  # a title makes any following capitalised word a name
            elif token.text == TITLE_PUNCT and index > 0 and tokens[index - 1].key in lex.titles:
                pass
            else:
                break
            previous_end = token.end
            index += 1
        words: list[Token] = []
        pending: list[Token] = []  # particles waiting for a name word after them
        end_index = index
        while end_index < len(tokens) and len(words) < self.MAX_NAME_WORDS:
            token = tokens[end_index]
            before = tokens[end_index - 1].end if end_index > 0 else 0
            if end_index > index and text[before : token.start].strip():
                break
            if "\n" in text[before : token.start] and (words or pending):
                break
            if (words or pending) and token.key in lex.particles and token.text.islower():
                pending.append(token)
                end_index += 1
                continue
            if _is_initial(token, tokens, end_index, self.lexicon.particles):
                words.extend(pending)
                pending = []
                words.extend((token, tokens[end_index + 1]))  # the letter and its dot
                end_index += 2
                continue
            if not self._accept(token, kind):
                break
            words.extend(pending)
            pending = []
            words.append(token)
            end_index += 1
        real = [w for w in words if w.is_word]
        if not real or not any(w.text[0].isalpha() and len(w.text) > 1 for w in real):
            return None
        start = tokens[index].start
        end = words[-1].end
        score = self._score(real, kind)
        return start, end, score

    def _score(self, words: Sequence[Token], kind: str) -> float:
        lex = self.lexicon
        known = any(lex.is_known_name(w.key) for w in words)
        capitalised = any(w.is_capitalised and len(w.text) > 1 for w in words)
        if kind == STRONG:
            return self.STRONG_SCORE if known or capitalised else self.STRONG_UNKNOWN_LOWER_SCORE
        if capitalised:
            return self.WEAK_KNOWN_SCORE if known else self.WEAK_CAPITALISED_SCORE
        return self.WEAK_LOWER_KNOWN_SCORE

    def _signature(self, text: str, tokens: Sequence[Token]) -> tuple[int, int, float] | None:
        """A last line of one to three name-like words, at least one of them a known name."""
        body = text.rstrip()
        line_start = body.rfind("\n") + 1
        line = [t for t in tokens if t.start >= line_start and t.end <= len(body)]
        while line and line[0].text in SKIPPABLE_PUNCT:
            line = line[1:]
        words = [t for t in line if t.is_word]
        if not words or len(words) > self.MAX_NAME_WORDS + 1 or len(words) != len(line):
            return None
        lex = self.lexicon
        names = [w for w in words if w.key not in lex.particles]
        if not names or len(names) > self.MAX_NAME_WORDS:
            return None
        if not all(self._accept(w, WEAK) for w in names):
            return None
        if not any(lex.is_known_name(w.key) for w in names):
            return None
        return words[0].start, words[-1].end, self.SIGNATURE_SCORE

    def _result(self, start: int, end: int, score: float, why: str) -> RecognizerResult:
        return make_result(self, PERSON, start, end, score, why)


def _line_start(text: str, start: int) -> bool:
    """Only spaces or punctuation between the start of the line and ``start``."""
    line_start = text.rfind("\n", 0, start) + 1
    return not any(ch.isalnum() for ch in text[line_start:start])


def _is_initial(token: Token, tokens: Sequence[Token], index: int, particles: frozenset[str]) -> bool:
    """A capital letter (or two, "Th") directly followed by a dot, then a name or a particle:
    "J." in "J. de Vries"."""
    if not (token.is_word and token.is_capitalised and len(token.text) <= 2 and index + 2 < len(tokens)):
        return False
    dot, after = tokens[index + 1], tokens[index + 2]
    return (
        dot.text == "."
        and dot.start == token.end
        and after.is_word
        and (after.is_capitalised or after.key in particles)
    )
