"""Dutch bodies, parties and firms named by a capitalised head noun, and ministers' portfolios.

"de Europese Commissie", "de Vlaamse Gemeenschapscommissie", "Fortis Bank", "de Koninklijke
Nederlandse Voetbalbond", "de Veiligheidsraad", "minister van Binnenlandse Zaken" (ORGANIZATION).
"""

from __future__ import annotations

from collections.abc import Sequence

from presidio_analyzer import RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from recognizers.base import make_result
from recognizers.entities import ORGANIZATION
from recognizers.names.lexicons import Token, sentence_initial, tokenize
from recognizers.nl.organization_base import DutchOrganizationRecognizer

#: Nouns that end the name of a body: alone ("de Raad van State": "Raad"), or as the last part of
#: a compound ("Veiligheidsraad", "Voetbalbond", "Inlichtingendienst", "Rabobank"). Not
#: "ziekenhuis" or "kliniek" (``care_institution`` reads those, and a hospital is also a place),
#: nor "hof", "centrum", "huis" (a court, but also a farm, a town centre, a house in place names).
BODY_HEADS = (
    "commissie", "raad", "dienst", "partij", "bond", "federatie", "instituut", "ministerie",
    "agentschap", "comité", "vereniging", "stichting", "universiteit", "hogeschool", "maatschappij",
    "bank", "fonds", "omroep", "unie", "parlement", "senaat", "rechtbank", "regering", "politie",
    "inspectie", "krant", "dagblad", "weekblad", "front", "organisatie", "beweging", "academie",
    "orkest", "gemeenschap", "groep", "centrale", "kamer",
)  # fmt: skip
#: Heads that name a body alone, capitalised after "de" or "het" inside a sentence ("de Commissie
#: besliste", "de Kamer stemde"); the others need a word before them ("de Nationale Bank").
LONE_HEADS = frozenset({"commissie", "raad", "kamer", "senaat", "parlement", "regering", "unie", "vereniging"})
#: Lower-case words that may sit between the capitalised words of a name ("Hoge Raad der
#: Nederlanden", "Commissie voor de Bescherming van de Persoonlijke Levenssfeer"); not "en", which
#: joins two names as often ("Fortis Bank en de Nationale Bank").
INNER_WORDS = frozenset({"van", "voor", "de", "der", "het", "op", "in"})
#: Offices followed by "van" or "voor" and their portfolio ("minister van Financiën").
OFFICES = frozenset(
    {
        "minister", "ministers", "ministerie", "staatssecretaris", "departement", "schepen", "gedeputeerde",
        "commissaris", "eurocommissaris", "minister-president", "vice-premier", "vicepremier",
    }
)  # fmt: skip
#: What the offices' words hold, for the screen ("minist" for "minister", "ministerie", "ministers").
SCREENED_OFFICES = ("minist", "staatssecretaris", "departement", "schepen", "gedeputeerde", "commissaris", "premier")
OFFICE_LINKS = frozenset({"van", "voor"})
ARTICLES = frozenset({"de", "het"})
MAX_WORDS = 12  # tokens of a name, inner words included
MIN_COMPOUND_STEM = 4  # letters before the head in a compound: "Voetbalbond", "Rabobank", not "Verbond"


class DutchPublicBodyRecognizer(DutchOrganizationRecognizer):
    """Bodies named by their head noun, and portfolios after an office (``ORGANIZATION``), Dutch only.

    Format, two shapes:

    * a run of capitalised words on one line, lower-case "van", "voor", "en", "de" allowed between
      them, whose last word is a body's head noun (``BODY_HEADS``) or a compound ending in one
      ("de Europese Commissie", "Raad van State" stops at "Raad": the run must end on the head,
      "Fortis Bank", "de Vlaamse Gemeenschapscommissie", "het Internationaal Olympisch Comité");
      a run of one word only inside a sentence, and only a compound ("Veiligheidsraad") or, after
      "de" or "het", one of the ``LONE_HEADS`` ("de Commissie", "de Kamer");
    * after an office and "van" or "voor" ("minister van", "ministerie voor", "schepen van"), the
      capitalised words of the language that follow, joined by "en": the portfolio ("minister van
      Binnenlandse Zaken", "minister voor Volksgezondheid Magda Aelvoet": not the name after it).

    Why: Dutch has no named-entity model here (README, models); Dutch capitalises a common noun
    only in a name, so a capitalised head noun inside a sentence names a body. Over
    nl_conll2002_testa, 61 of the 66 runs of the first shape were organisations (the others a
    network, a news desk, a party named by its people), and every portfolio after an office.

    Not: a run opened by a title or a listed first name and made of two words whose last is a
    listed surname ("meneer De Raad", "Jan Kamer": people), a head after a hyphen ("VRT-nieuwsdienst"
    is one compound noun), a single word at a sentence's start ("Commissie besluit").

    Score: 0.65, as the acronym recognizer: above the name rules' guesses for unknown capitalised
    words (0.5), below a person found by a cue.
    """

    def screen_regexes(self) -> list[str]:
        """A head noun or an office somewhere: a message without one names no body this reports."""
        return [rf"(?i)(?:{'|'.join((*BODY_HEADS, *SCREENED_OFFICES))})"]

    def find(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None) -> list[RecognizerResult]:
        """The bodies and portfolios named in ``text``."""
        tokens = tokenize(text)
        results: list[RecognizerResult] = []
        for start, end, why in (*self._portfolios(text, tokens), *self._bodies(text, tokens)):
            results.append(make_result(self, ORGANIZATION, tokens[start].start, tokens[end - 1].end, self.SCORE, why))
        return results

    def _bodies(self, text: str, tokens: Sequence[Token]) -> list[tuple[int, int, str]]:
        found = []
        resume = 0
        for index, token in enumerate(tokens):
            if index < resume or not (token.is_word and token.is_capitalised and _head_of(token) is not None):
                continue
            first = self._run_start(text, tokens, index, resume)
            if first == index and not self._lone_body(text, tokens, index):
                continue
            if self._person(tokens, first, index):
                continue
            end = self._of_what(text, tokens, index + 1)
            found.append((first, end, "capitalised body name"))
            resume = end
        return found

    def _run_start(self, text: str, tokens: Sequence[Token], head: int, floor: int) -> int:
        """The first token of the capitalised run ending at ``tokens[head]``, on its line, without
        an article or a sentence's first function word ("De Europese Commissie" is "Europese
        Commissie"; "Ook Fortis Bank" is "Fortis Bank"), not before ``floor`` (the end of the
        name found before it)."""
        first = head
        index = head - 1
        while index >= floor and head - index < MAX_WORDS:
            token = tokens[index]
            if text[token.end : tokens[index + 1].start] != " ":
                break
            if token.is_word and token.is_capitalised and not self._title(token):
                first = index
            elif not (token.text.islower() and token.key in INNER_WORDS):
                break
            index -= 1
        lex = self.lexicon
        while first < head and (
            tokens[first].key in ARTICLES
            or (
                sentence_initial(text, tokens[first].start)
                and (tokens[first].key in lex.function_words or tokens[first].key in lex.stop_words)
            )
        ):
            first += 1
            while first < head and not tokens[first].is_capitalised:
                first += 1  # an inner word left at the start
        return first

    def _of_what(self, text: str, tokens: Sequence[Token], end: int) -> int:
        """The end of the name past its head: "van" or "voor", maybe an article, then capitalised
        words of the language ("Raad van State", "Commissie voor Onrechtmatige Bedingen"); not a
        name after it ("de Raad van Bestuur van Sabena" ends at "Bestuur")."""
        index = end
        if index >= len(tokens) or tokens[index].key not in OFFICE_LINKS or not tokens[index].text.islower():
            return end
        index += 1
        if index < len(tokens) and tokens[index].key in ARTICLES and tokens[index].text.islower():
            index += 1
        stop = self._portfolio_end(text, tokens, index)
        return stop if stop > index else end

    def _lone_body(self, text: str, tokens: Sequence[Token], index: int) -> bool:
        """One capitalised word: a compound ending in a head, or a lone head after an article,
        inside a sentence."""
        token = tokens[index]
        if sentence_initial(text, token.start):
            return False
        key = token.key
        if key in LONE_HEADS:  # after "de", or "De" opening the sentence ("De Raad van State")
            if index == 0 or tokens[index - 1].key not in ARTICLES:
                return False
            article = tokens[index - 1]
            return article.text.islower() or sentence_initial(text, article.start)
        lex = self.lexicon
        return key not in BODY_HEADS and not lex.is_known_name(key) and key not in lex.places

    def _person(self, tokens: Sequence[Token], first: int, head: int) -> bool:
        """A title before the run, or a listed first name and then a particle ("Jan de Raad") or a
        listed surname ("Piet Bond"): a person."""
        lex = self.lexicon
        if first > 0 and self._title(tokens[first - 1]):
            return True
        if tokens[first].key not in lex.first_names:
            return False
        if first + 1 < head and tokens[first + 1].text.islower() and tokens[first + 1].key in lex.particles:
            return True
        words = [t for t in tokens[first : head + 1] if t.is_capitalised]
        return len(words) == 2 and lex.is_known_name(words[1].key)

    def _title(self, token: Token) -> bool:
        return token.key.rstrip(".") in self.lexicon.bare_titles

    def _portfolios(self, text: str, tokens: Sequence[Token]) -> list[tuple[int, int, str]]:
        found = []
        for index in range(len(tokens) - 2):
            if tokens[index].key not in OFFICES or tokens[index + 1].key not in OFFICE_LINKS:
                continue
            end = self._portfolio_end(text, tokens, index + 2)
            if end > index + 2:
                found.append((index + 2, end, "portfolio after an office"))
        return found

    def _portfolio_end(self, text: str, tokens: Sequence[Token], first: int) -> int:
        """The end of the capitalised words of the language from ``first`` on ("Binnenlandse
        Zaken", "Arbeid en Sociale Zaken"), before a name ("Cultuur Bert Anciaux")."""
        end = first
        index = first
        while index < len(tokens):
            token = tokens[index]
            if index > first and text[tokens[index - 1].end : token.start] != " ":
                break
            if text[token.end : token.end + 1] == "-":
                break  # the first part of "Bank- en Financiewezen": not a word of its own
            if token.is_word and token.is_capitalised and self._portfolio_word(token.key):
                index += 1
                end = index
            elif end > first and token.key == "en" and token.text.islower():
                index += 1
            else:
                break
        return end

    def _portfolio_word(self, key: str) -> bool:
        lex = self.lexicon
        if key in lex.first_names:
            return False
        return lex.is_word_form(key) or lex.is_common(key) or lex.is_adjective(key)


def _head_of(token: Token) -> str | None:
    """The head noun ``token`` is or ends with, as a compound of letters only."""
    key = token.key
    if not key.endswith(BODY_HEADS) or not key.isalpha():
        return None  # most capitalised words: one C-level test
    for head in BODY_HEADS:
        if key == head or (key.endswith(head) and len(key) - len(head) >= MIN_COMPOUND_STEM):
            return head
    return None
