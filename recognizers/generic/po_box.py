"""Post office boxes in French, Dutch and Belgian addresses ("Postbus 1234", "BP 123", "CS 70001")."""

from __future__ import annotations

from recognizers.base import LATIN_CAPITALS, LATIN_LETTERS, Re2Pattern
from recognizers.entities import ADDRESS
from recognizers.generic.gated import GatedRecognizer

# Dutch and Belgian "Postbus", Dutch freepost "Antwoordnummer"; French "boîte postale" (written
# out in any case); "BP", "CS" (courrier spécial) and "TSA" only in capitals, since in lower case
# they are other things ("bp" a brand, "cs" a game).
_WRITTEN = r"(?i:postbus|antwoordnummer|bo[iî]te postale|bus postale)"
_ABBREVIATED = r"(?:B\.? ?P\.?|CS|TSA)"
_NUMBER_LABEL = r"(?:[ \t]*(?i:n[°º.o]|nr\.?|no\.?))?"
# The postcode and town that usually follow: "1234 AB Utrecht", "1000 Brussel", "75001 Paris".
# Latin letters, not ``\p{L}``: Unicode classes make RE2's automaton far larger (``recognizers.base``).
_CAPITAL = LATIN_CAPITALS
_LETTER = LATIN_LETTERS
_TOWN_WORD = rf"(?:[dl]['’])?[{_CAPITAL}][{_LETTER}'’\-]*"  # "Lyon", "d'Ascq"
_TOWN_LINK = r"(?:[ \t](?:sur|sous|de|du|des|la|le|les|en|aan|den|op|bij))?"  # "Bergen op Zoom"
_POSTCODE_TOWN = (
    rf"(?:[ \t]*[,\-–][ \t]*|[ \t]+)(?:[1-9][0-9]{{3}}[ \t]?[A-Z]{{2}}|[0-9]{{4,5}})"
    rf"(?:[ \t]+{_TOWN_WORD}(?:{_TOWN_LINK}[ \t\-]{_TOWN_WORD}){{0,2}})?"
)
_BOX = rf"(?:{_WRITTEN}|{_ABBREVIATED}){_NUMBER_LABEL}[ \t]*[0-9]{{1,6}}"
_BEFORE, _AFTER = rf"(?:^|[^{_LETTER}0-9])", rf"(?:$|[^{_LETTER}0-9])"


class PoBoxRecognizer(GatedRecognizer):
    """Post office boxes (``ADDRESS``), every language.

    Format: Dutch and Belgian "Postbus 1234" (also "Antwoordnummer 12345", Dutch freepost),
    French "BP 123", "B.P. 45", "boîte postale 12", "CS 70001", "TSA 12345", with an optional
    "n°" and the postcode and town that follow ("Postbus 123, 3500 AA Utrecht", "BP 123 75001
    Paris"). English "PO Box" is ``StreetAddressRecognizer``'s.
    Official sources: PostNL, "Postbus", https://www.postnl.nl/zakelijke-oplossingen/postbus/;
    La Poste, NF Z 10-011 (mentions spéciales de distribution: BP, CS, TSA).

    Scores: 0.75 with a postcode after it, 0.6 without (a box number is an address at which mail
    reaches the person or business); context words ("adres", "adresse", "envoyer", "sturen") lift
    them.
    """

    min_digits = 1

    CONTEXT = ("adres", "adresse", "address", "envoyer", "envoyez", "sturen", "opsturen", "post", "courrier")

    def __init__(self, supported_language: str = "en") -> None:
        super().__init__(
            supported_entity=ADDRESS,
            patterns=[
                Re2Pattern("post office box, postcode", rf"{_BEFORE}(?P<pii>{_BOX}{_POSTCODE_TOWN}){_AFTER}", 0.75),
                Re2Pattern("post office box", rf"{_BEFORE}(?P<pii>{_BOX}){_AFTER}", 0.6),
            ],
            context=self.CONTEXT,
            supported_language=supported_language,
        )
