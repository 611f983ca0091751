"""Building blocks shared by the Dutch (``nl``) and Belgian (``be``) recognizers.

Their base class, ``ScoredRe2Recognizer``, lives in ``recognizers/scored_re2.py``.

* Regex fragments (RE2 syntax) for digit groups, street names, house numbers and postcodes.
* ``phone_is_valid``: the ``phonenumbers`` check used by both phone recognizers.
* Small word lists (units, function words) that tell an address or a postcode from ordinary chat.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

import phonenumbers
import re2

from recognizers.base import LATIN_CAPITALS, digits_only

# --- Digit groups -------------------------------------------------------------------------------

#: Where a number may start: not inside a run of digits, nor right after "<digit><separator>".
#: Without it RE2 could start a candidate in the middle of "2024 0612345678" and swallow the
#: real number's first digits. Two characters at most are consumed, never part of ``pii``.
NUMBER_START = r"(?:^|^[./\-]|[^0-9./\-]|[^0-9][./\-])"

#: One separator typed between digit groups: a space, or "-", ".", "/" with optional spaces around.
DIGIT_SEPARATOR = r"(?:[ \x{00A0}]?[./\-][ \x{00A0}]?|[ \x{00A0}])"

#: After an address: the candidate must not be glued to a letter or digit (lets RE2 drop an
#: optional addition such as " i" in "Kerkstraat 12 is" instead of failing the whole address).
END = r"(?:[^A-Za-z0-9\x{C0}-\x{17F}]|$)"

#: dd-mm-yy(yy) as three groups exactly: "06-12-2024 10" is a date, "06.12.34.56.78" a phone.
_DATE_SHAPE = re2.compile(
    r"(?:^|[^0-9./\-])[0-3]?[0-9][./\-][01]?[0-9][./\-](?:19|20)?[0-9]{2}(?:$|[^0-9./\-]|[./\-](?:$|[^0-9]))"
)


def looks_like_date(candidate: str) -> bool:
    """True when the candidate contains a dd-mm-yyyy / dd.mm.yy shape (a date, not an identifier)."""
    return _DATE_SHAPE.search(candidate) is not None


def is_date_digits(digits: str) -> bool:
    """True when 8 digits read as a plausible ddmmyyyy or yyyymmdd date (1900-2099)."""
    if len(digits) != 8 or not digits.isdecimal():
        return False

    def plausible(day: int, month: int, year: int) -> bool:
        return 1 <= day <= 31 and 1 <= month <= 12 and 1900 <= year <= 2099

    ddmmyyyy = plausible(int(digits[:2]), int(digits[2:4]), int(digits[4:]))
    yyyymmdd = plausible(int(digits[6:]), int(digits[4:6]), int(digits[:4]))
    return ddmmyyyy or yyyymmdd


def elfproef(digits: str) -> bool:
    """The Dutch "11-test" on 9 digits: 9×d1 + 8×d2 + … + 2×d8 − 1×d9 ≡ 0 (mod 11).

    Used by the BSN, the RSIN and the btw-nummers issued before 2020.
    """
    if len(digits) != 9 or not digits.isdecimal() or int(digits) == 0:
        return False
    total = sum(weight * int(digit) for weight, digit in zip(range(9, 1, -1), digits[:8], strict=True))
    return (total - int(digits[8])) % 11 == 0


def strip_accents(word: str) -> str:
    """Lower-case ``word`` without diacritics ("Liège" -> "liege"), for list look-ups."""
    decomposed = unicodedata.normalize("NFKD", word.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


# --- Phones ------------------------------------------------------------------------------------

#: Bare digits scored as a phone (``nl_phone_bare``, ``be_phone_bare``): a valid number in no other
#: shape, more often a phone than anything else, unless a document's label comes right before it.
BARE_PHONE_SCORE = 0.55

#: Labels that make the bare number after them an order's, invoice's or parcel's ("bestelling
#: 0201234567", "factuur 025123456", "facture 025123456"), in Dutch, French and English.
_DOCUMENT_LABEL = re2.compile(
    r"(?i)\b(?:bestel(?:ling|nummer)|order(?:nummer)?|factuur(?:nummer)?|facture|commande|referentie|r[eé]f[eé]rence"
    r"|ref|réf|pakket|colis|zending|ticket|artikel|article|dossier|klantnummer|invoice|parcel)[ \t:#.°n]{0,4}$"
)


def after_document_label(text: str, start: int) -> bool:
    """An order, invoice or parcel label right before ``start`` (a few characters of punctuation apart)."""
    return _DOCUMENT_LABEL.search(text[max(0, start - 24) : start]) is not None


def is_labelled_bare_phone(score: float, text: str, start: int) -> bool:
    """A bare-digits phone candidate right after a document's label: that document's number.
    Dropped, not scored down: context words are matched inside words, and "nummer" would lift
    "ordernummer 0201234567" back."""
    return score == BARE_PHONE_SCORE and after_document_label(text, start)


def phone_is_valid(candidate: str, region: str) -> bool:
    """True when ``candidate`` is a valid number of ``region`` (libphonenumber metadata).

    Accepts the typed forms "+31(0)6 …", "0031 6 …", "+31 06 …" (a redundant trunk 0 after the
    country code) and national ones; the country code, when given, must be the region's own.
    """
    country_code = phonenumbers.country_code_for_region(region)
    text = candidate.replace("(0)", " ")
    digits = digits_only(text)
    international = text.lstrip().startswith("+") or digits.startswith("00")
    if international:
        digits = digits[2:] if digits.startswith("00") else digits
        prefix = str(country_code)
        if not digits.startswith(prefix):
            return False
        national = digits[len(prefix) :].removeprefix("0")
        number = f"+{prefix}{national}"
    else:
        number = digits
    try:
        parsed = phonenumbers.parse(number, region)
    except phonenumbers.NumberParseException:
        return False
    return parsed.country_code == country_code and phonenumbers.is_valid_number(parsed)


# --- Words -------------------------------------------------------------------------------------


def word_set(text: str) -> frozenset[str]:
    """The whitespace-separated words of ``text`` (word lists are kept as readable paragraphs)."""
    return frozenset(text.split())


#: Words that, right after "<street> <number>" or "<postcode>", show a quantity, not an address
#: ("onderweg 10 min", "place Flagey 3 fois", "1500 km").
UNIT_WORDS: frozenset[str] = word_set(
    """
    min mins minuut minuten minute minutes sec seconden secondes u uur uren h heure heures hour hours
    dag dagen jour jours day days week weken semaine semaines weeks maand maanden mois month months
    jaar jaren an ans year years keer keren fois times x maal
    euro euros eur € cent centen ct dollar pond procent pct pourcent percent %
    km m cm mm kg g gr mg l ml cl liter litre litres gb mb kb tb
    stuk stuks st pièces pieces pièce items item artikelen articles article pakket pakketten colis
    personen persoon mensen personnes people kinderen enfants kids
    """
)

#: Function words and chat verbs that do not occur inside a street name: a "street" whose
#: name contains one is a sentence ("la rue est fermée 2 …", "onderweg ik ben 3 …").
#: Prepositions before an address that are street particles too ("Laan op Zuid", "Kade aan de Maas").
_ADDRESS_PREPOSITIONS = frozenset({"op", "aan", "te"})

NON_NAME_WORDS: frozenset[str] = word_set(
    """
    bezorgen bezorg bezorgd leveren lever levering afleveren sturen stuur opsturen verzenden adres
    ik je jij u hij zij ze we wij jullie is was ben bent heb hebt heeft had hadden niet geen wel maar
    dus want om naar met bij uit als dan ook nog al er hier daar dit dat die deze wat wie hoe waar
    wanneer sinds tot tijdens zijn mijn jouw uw onze hun kan kun kunt wil wilt moet zal zou graag
    aub alstublieft bedankt dank nu even al ooit vaak soms staat stond ligt lag woon woont gaat ga
    je tu il elle on nous vous ils elles est sont suis es ai as a avons avez ont était été étais pas
    ne n' que qui quoi mais donc car ni depuis pendant pour avec sans dans sur sous chez par vers
    entre mon ma mes ton ta tes son sa ses notre votre leur leurs ce cette ces cet ça y merci svp stp
    aussi encore déjà très plus moins bien fermée fermé bloquée bloqué ouvert ouverte habite habité
    i you he she they is are was were have has had not for with since my your our their it this
    that at on in to from
    """
)

#: Particles that may stand inside a street name but never right before the house number.
PARTICLES: frozenset[str] = word_set(
    "van de der den het 't ter ten te op aan in voor bij du des la le les d' l' d’ l’ à au aux et"
)

# --- Streets and house numbers -----------------------------------------------------------------

# Latin letters (ASCII, Latin-1, Latin Extended-A) rather than \p{L}: street and town names here
# are Latin, and RE2's automaton for \p{L} is ~150 times larger, which made the address patterns
# fall off the DFA (hundreds of µs per message instead of a few).
_LETTERS = r"A-Za-z\x{C0}-\x{D6}\x{D8}-\x{F6}\x{F8}-\x{17F}"
LETTER = rf"[{_LETTERS}]"
UPPER = rf"[{LATIN_CAPITALS}]"
_NAME_CHARS = rf"[{_LETTERS}'\x{{2019}}\-]"
#: A capitalised word of a street name ("Burgemeester", "Dr.", "Oost-Indië").
CAPITALISED_WORD = rf"{UPPER}[{_LETTERS}'\x{{2019}}.\-]*"
#: Any word of a street name, lower-case included (chat).
NAME_WORD = rf"{LETTER}[{_LETTERS}'\x{{2019}}.\-]*"
DUTCH_PARTICLE = r"(?:van|de|der|den|het|'t|ter|ten|te|op|aan|in|voor|bij|Sint|St\.)"

#: Dutch street-name suffixes. "Strong" ones name streets almost only; "weak" ones are also
#: ordinary nouns (supermarkt, fietspad, kerkhof, loopbaan) and score lower without a postcode.
STRONG_STREET_SUFFIXES: tuple[str, ...] = (
    "straat", "str.", "laan", "weg", "plein", "gracht", "kade", "singel", "dijk", "steeg", "dreef",
    "boulevard", "plantsoen", "burgwal", "wal", "kaai", "lei", "vest", "dwarsweg", "bolwerk",
    "dyk", "strjitte",  # Frisian: "Seedyk", "Tsjerkestrjitte"
    "straße", "strasse", "gasse",  # German (Belgium's German-speaking east, addresses abroad): "Hauptstraße 5"
)  # fmt: skip
WEAK_STREET_SUFFIXES: tuple[str, ...] = ("pad", "hof", "park", "baan", "markt", "haven", "erf", "ring")
#: Abbreviated suffixes, as address files and forms shorten long street names (NEN 5825 allows 24
#: characters: "Burg. de Vlugtln") and people copy them: "Julianaln 5", "Kerkstr 12", "Marktpln 2".
#: Strong or weak like the words they stand for; never a street on their own ("Oude Gr").
STRONG_STREET_ABBREVIATIONS: tuple[str, ...] = ("str", "ln", "pln", "plnts", "sngl", "stg", "drf")
WEAK_STREET_ABBREVIATIONS: tuple[str, ...] = ("wg", "gr", "pd", "hf", "prk", "mrkt")

#: Words ending in a street suffix that are ordinary Dutch nouns or adverbs.
NOT_STREETS: frozenset[str] = word_set(
    """
    onderweg halfweg snelweg omweg uitweg zijweg spoorweg waterweg rijweg fietsweg
    supermarkt jaarmarkt weekmarkt kerstmarkt vlooienmarkt rommelmarkt arbeidsmarkt woningmarkt
    huizenmarkt beurs loopbaan ijsbaan renbaan startbaan landingsbaan kerkhof binnenhof gerechtshof
    fietspad wandelpad voetpad zebrapad pretpark attractiepark dierenpark vakantiepark
    luchthaven zeehaven jachthaven erf
    """
)


def alternation(options: Iterable[str]) -> str:
    """A case-insensitive RE2 alternation of literal ``options``, longest first."""
    return "(?i:" + "|".join(re2.escape(option) for option in sorted(set(options), key=len, reverse=True)) + ")"


STREET_SUFFIX = alternation(
    STRONG_STREET_SUFFIXES + WEAK_STREET_SUFFIXES + STRONG_STREET_ABBREVIATIONS + WEAK_STREET_ABBREVIATIONS
)

#: "Kerkstraat", "Van Baerlestraat", "Burgemeester de Vlugtlaan", "'s-Gravendijkwal", "St.-Jansstraat", "kerkstr.":
#: optional capitalised leading words (particles allowed after the first), then one word ending in
#: a street suffix with at least two letters before it; or capitalised words then a capitalised
#: bare suffix ("Grote Markt", "Oude Gracht").
_LEADING_WORDS = rf"{CAPITALISED_WORD}[ ]+(?:(?:{CAPITALISED_WORD}|{DUTCH_PARTICLE})[ ]+){{0,3}}"
#: A capitalised suffix standing alone after capitalised words: "Grote Markt", "Oude Gracht".
_BARE_SUFFIX = (
    "(?:" + "|".join(s.capitalize() for s in STRONG_STREET_SUFFIXES + WEAK_STREET_SUFFIXES if "." not in s) + ")"
)
SUFFIX_STREET = (
    rf"(?:(?:{_LEADING_WORDS})?(?:'s-|St\.-)?{LETTER}{_NAME_CHARS}+{STREET_SUFFIX}"
    rf"|{_LEADING_WORDS}{_BARE_SUFFIX})"
)

#: "Laan van Meerdervoort", "plein van de republiek", "Steenweg op Gent": a street type word
#: first, then particles and one to three name words.
PREFIX_STREET = (
    r"(?i:laan|plein|kade|singel|dreef|gracht|boulevard|burgwal|steenweg)"
    r"[ ]+(?:(?i:van|de|der|den|het|'t|ter|ten|op|aan|in|voor)[ ]+){1,3}"
    rf"{NAME_WORD}(?:[ ]+{NAME_WORD}){{0,2}}"
)

#: "nr 12", "nummer 12", or just the number (1-99999, no leading zero).
HOUSE_NUMBER = r"(?:(?i:nr|no|nummer|n°)\.?[ ]?)?[1-9][0-9]{0,4}"

#: Dutch additions: "12a", "12A-3", "101-3", "12-hs", "12-2hg", "12-2hoog", "12 bis", "12 II", "54/3".
HOUSE_ADDITION = (
    r"(?:[a-zA-Z](?:[ ]?-[ ]?[0-9]{1,3})?"
    r"|[ ]?[-/][ ]?(?:[0-9]{1,4}(?:hoog|[a-zA-Z]{0,3})|[a-zA-Z]{1,4})"
    r"|[ ](?i:bis|ter|hs|huis|bg|bel|iii|ii|i|iv|zw|rd))"
)

#: Belgian letter-box: "bte 3", "boîte 12", "bus 4", "b3", "bt. 2".
BELGIAN_BOX = r"(?:[ ]?,?[ ]?(?i:bte|boîte|boite|bt|bus|b)\.?[ ]?[0-9]{1,4}[a-zA-Z]?)"

#: A town after a postcode: one word (any case: chat), an optional second capitalised word.
TOWN = rf"(?:'s[- ])?{LETTER}{_NAME_CHARS}*(?:[ ]{UPPER}{_NAME_CHARS}*)?"

#: A Dutch postcode, any case, optional space ("1234 AB", "1234ab").
NL_POSTCODE = r"[1-9][0-9]{3}[ ]?[A-Za-z]{2}"

#: ", 1234 AB Amsterdam" after a Dutch street and number.
NL_ADDRESS_TAIL = rf"(?:,?[ ]+{NL_POSTCODE}(?:,?[ ]+{TOWN})?)"

#: ", 9000 Gent" / " B-1000 Bruxelles" after a Belgian street and number; a comma typed after the
#: postcode too when a capitalised town follows (", 9990, Maldegem", as forms join their fields).
BE_ADDRESS_TAIL = rf"(?:,?[ ]+(?:B-?)?[1-9][0-9]{{3}}(?:[ ]+{TOWN}|,[ ]+{UPPER}{_NAME_CHARS}*))"

_WORD = re2.compile(r"[\p{L}\p{N}'\x{2019}%€]+")
_DIGIT_RUN = re2.compile(r"[0-9]+")
_NUMBER_WORDS = frozenset({"nr", "no", "nummer", "n"})


def words(text: str) -> list[str]:
    """The words of ``text``, lower-cased."""
    return [match.group(0).lower() for match in _WORD.finditer(text)]


def next_word(text: str, end: int) -> str:
    """The lower-cased word right after ``end`` (punctuation skipped), or ""."""
    match = _WORD.search(text[end : end + 40])
    return match.group(0).lower() if match else ""


def has_postcode_tail(candidate: str) -> bool:
    """True when an address candidate goes on past its house number with a 4-digit postcode."""
    runs = [match.group(0) for match in _DIGIT_RUN.finditer(candidate)]
    return any(len(run) == 4 for run in runs[1:])


def leading_non_name_length(candidate: str) -> int:
    """How many characters of leading chat words ("Naar ", "Mijn ", "Bezorgen op ") precede the
    street name. A preposition that is also a street particle ("op", "aan") goes only after such a
    word: "Bezorgen op Kerkstraat 2", but "Laan op Zuid 2" keeps it."""
    offset = 0
    trimmed = False
    for match in _WORD.finditer(candidate):
        word = match.group(0).lower()
        if (word in NON_NAME_WORDS and word not in PARTICLES) or (trimmed and word in _ADDRESS_PREPOSITIONS):
            offset = match.end()
            trimmed = True
            while offset < len(candidate) and candidate[offset] == " ":
                offset += 1
            continue
        break
    return offset


def plausible_street_name(candidate: str) -> bool:
    """False for a "street" whose name holds a chat word ("rue est fermée 2") or ends in a particle."""
    for index, char in enumerate(candidate):
        if char.isdigit():
            candidate = candidate[:index]
            break
    name = words(candidate)
    while name and name[-1] in _NUMBER_WORDS:
        name.pop()
    if not name or name[-1] in PARTICLES:
        return False
    return not any(word in NON_NAME_WORDS and word not in PARTICLES for word in name)
