"""Belgian postcode followed by its town ("9000 Gent", "B-1000 Bruxelles")."""

from __future__ import annotations

from recognizers.base import Re2Pattern
from recognizers.be.towns import BELGIAN_TOWNS
from recognizers.entities import ADDRESS
from recognizers.nl.common import NUMBER_START, TOWN, strip_accents, word_set
from recognizers.scored_re2 import ScoredRe2Recognizer

#: Capitalised words that follow a 4-digit number without being a town ("2000 Euro", "1998 Ik").
NOT_TOWNS: frozenset[str] = word_set(
    """
    euro euros eur ik je jij hij zij we wij het de een en maar dus ok oke oké ja nee dank bedankt
    hallo hoi goedemorgen je tu il elle on nous vous ils le la les un une et mais donc oui non
    merci bonjour salut i you he she we they the a and but yes no thanks hello hi
    januari februari maart april mei juni juli augustus september oktober november december
    janvier fevrier mars avril mai juin juillet aout septembre octobre novembre decembre
    maandag dinsdag woensdag donderdag vrijdag zaterdag zondag
    lundi mardi mercredi jeudi vendredi samedi dimanche
    km kg gb mb stuks pieces jaar ans fois keer
    """
)


class BePostcodeRecognizer(ScoredRe2Recognizer):
    """Belgian postcode (4 digits, 1000-9999) followed by a town: "9000 Gent", "B-1000 Bruxelles".

    Source: bpost, "Postcodes" (the national postcode list): 4 digits whose first digit is the
    province area (1 Brussels/Brabant … 9 East Flanders), written before the town, optionally
    prefixed "B-". A bare 4-digit number is a year, an amount or a quantity far more often, so a
    postcode counts only with a town after it: 0.6 for a known town in any case ("9000 gent"),
    0.4 for another capitalised word (needs context: adres, adresse, postcode, code postal …).
    A postcode and town is a municipality, not a home: the full address is
    ``BeAddressRecognizer``'s.
    """

    validated_score = 0.0
    reject_number_chains = True
    ENTITY = ADDRESS
    PATTERNS = (Re2Pattern("be_postcode_town", rf"{NUMBER_START}(?P<pii>(?:B-?)?[1-9][0-9]{{3}}[ ]+{TOWN})", 0.4),)
    CONTEXT = (
        "adres",
        "postcode",
        "woon",
        "wonen",
        "woonplaats",
        "gemeente",
        "adresse",
        "postal",
        "habite",
        "domicile",
        "domicilié",
        "commune",
        "livraison",
    )

    def refine(self, text: str, start: int, end: int, score: float) -> tuple[int, int, float] | None:
        """Keep known towns (0.6) and other capitalised words (0.4); drop a chat word after the town."""
        if super().refine(text, start, end, score) is None:
            return None
        town = text[start:end].partition(" ")[2].lstrip(" ")
        town_words = town.split(" ")
        first = strip_accents(town_words[0])
        if first in NOT_TOWNS:
            return None
        if len(town_words) == 2 and strip_accents(town_words[1]) in NOT_TOWNS:
            end -= len(town_words[1]) + 1
            town_words = town_words[:1]
        known = first in BELGIAN_TOWNS or strip_accents("-".join(town_words)) in BELGIAN_TOWNS
        if not known and not town[0].isupper():
            return None
        return start, end, 0.6 if known else score
