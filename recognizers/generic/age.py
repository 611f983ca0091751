"""Ages: "j'ai 34 ans", "34 jaar oud", "I'm 34", "ben 70", "Bonjour 61 ans"; the span is the number."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, ClassVar

import re2
from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from recognizers.base import LATIN_LETTERS, Re2Pattern, bare_reply, make_result
from recognizers.entities import AGE
from recognizers.generic.gated import GatedRecognizer
from recognizers.generic.number_words import cardinal_forms, cardinals, fold, words_regex
from recognizers.re2_spans import Spans, finditer_spans

# The reported span is the number only, and "34ans", "34yo" are common: the boundaries are written
# into the patterns (the character before and after is consumed) instead of ``require_boundaries``.
# Latin letters, not ``\p{L}``/``\p{N}``: Unicode classes make RE2's automaton far larger, and every
# fresh message builds states anew (``recognizers.base``). FR/NL/EN words are Latin.
_LETTER = LATIN_LETTERS
_BEFORE = rf"(?:^|[^{_LETTER}0-9.,])"
_AFTER = rf"(?:$|[^{_LETTER}0-9])"
_NUMBER = r"[0-9]{1,3}(?:[.,][0-9]{1,2})?"
# A single age or a range ("11-12", "11-12,5").
_AGE = rf"(?P<pii>{_NUMBER}(?:[ \t]*[-–][ \t]*{_NUMBER})?)"
# A single whole number: the patterns without a unit take no decimals nor ranges.
_WHOLE = r"(?P<pii>[0-9]{1,3})"
#: After "my dad's 81": the clause ends (punctuation, the text's end, a conjunction or a time word),
#: or the age's unit comes; not a noun ("my son's 3 cars").
_CLAUSE_AFTER_CONTRACTED_AGE = re.compile(
    r"[ \t]*(?:$|[,.;:!?)\n]|(?:and|but|so|now|next|this|today|tomorrow|years?|yrs?|y/?o)\b)", re.IGNORECASE
)
_S = r"[ \t]+"
_OPT_S = r"[ \t]*"

# Unit words that make a number an age on their own ("34 jaar oud", "34-year-old", "34 y/o").
_STRONG_UNIT = {
    "fr": r"ans[ \t]+(?:révolus|revolus|et[ \t]+demi)",
    "nl": r"(?:jaar[ \t]+oud|-?[ \t]*jarige)",
    "en": r"(?:-?[ \t]*(?:years?|yrs?)[ \t]*-?[ \t]*old|(?:years?|yrs?)[ \t]+of[ \t]+age|(?:y/o|y\.o\.?|yo))",
}
# A baby's or child's age in months or weeks after the child: "mon bébé de 3 mois", "onze baby van
# 6 weken", "a baby of 8 weeks" (after a parent or a spouse, "of 3 months" is how long: left out).
_CHILD_OF = {
    "fr": r"(?:bébé|bebe|nourrisson|enfant|fils|fille|garçon|garcon)[ \t]+(?:de|d['’])",
    "nl": r"(?:baby|baby'tje|zoon|zoontje|dochter|dochtertje|kind|kindje|jongetje|meisje)[ \t]+van",
    "en": r"(?:baby|infant|son|daughter|child|kid|boy|girl)[ \t]+of",
}
# Months or weeks "old": a baby's age after a person or child word ("Patiënte, 3 maanden oud", "our
# baby is 8 weeks old"), or in the compound "a 6 month old" (singular unit); a phone or an order is
# "3 weeks old" too, so not alone.
_INFANT_OLD = {
    "nl": r"(?P<unit>maanden|maand|weken|week)[ \t]+oud",
    "en": r"(?P<unit>months?|weeks?)[ \t]*-?[ \t]*old",
}
#: Words among the four before "N months old" that make it a person's age.
INFANT_PERSONS = {  # none in French, which says "âgé de 3 mois" or "bébé de 3 mois" (above)
    "nl": frozenset(
        {"baby", "kind", "kindje", "zoon", "zoontje", "dochter", "dochtertje", "jongetje", "meisje", "patiënt",
         "patient", "patiënte", "patiente", "hij", "zij", "ze", "tweeling", "pasgeborene", "zuigeling"}
    ),
    "en": frozenset(
        {"baby", "infant", "son", "daughter", "child", "kid", "boy", "girl", "twins", "newborn", "he", "she", "patient"}
    ),
}  # fmt: skip
_INFANT_UNIT = {
    "fr": r"(?:mois|semaines?|sem\.?)",
    "nl": r"(?:maanden|maand|weken|week|mnd)",
    "en": r"(?:months?|weeks?|mths?|wks?)",
}
# A relative's name may stand between the relative and the verb ("my son Will is 12", "mijn zoon
# Tim is 8 jaar").
_NAME_BETWEEN = r"(?:[ \t]+(?-i:[A-Z][a-zà-ÿ]+))?"
# A person as subject, then the number and the plain unit: "j'ai 34 ans", "ik ben 34 jaar".
# French "<word of 2+ letters> a 3 ans" ("mon fils a 3 ans") never matches "il y a 3 ans" (one-letter "y").
_SUBJECT = {
    "fr": (
        rf"(?:(?:j['’]|[{_LETTER}]{{2,}}[ \t]+)(?:ai|a|as|avais|avait|aurai|aura)(?:[ \t]+eu)?"
        r"|jai|avoir|fêter|fête|fêté|feter|fete)"
    ),
    "nl": (
        r"(?:ik[ \t]+ben|ben[ \t]+ik|(?:hij|zij|ze|(?:patiënt|patient|zoon|dochter|kind|baby)"
        rf"{_NAME_BETWEEN})[ \t]+is"
        r"|(?:ik|hij|zij|ze)[ \t]+(?:word|wordt|werd|was)|wordt|werd)"
    ),
    "en": (
        r"(?:i['’]?m|i[ \t]+am|(?:he|she|they|(?:son|daughter|child|kid|baby)"
        rf"{_NAME_BETWEEN})[ \t]+(?:is|are|was)"
        r"|he['’]s|she['’]s|they['’]re|i[ \t]+was)"
    ),
}
# The customer speaking, then a number without unit: "I'm 42", "ik ben 33", Dutch chat's "ben 70"
# (the verb alone is first person), French "j'ai 61" (only before the end of a sentence: "j'ai 3
# colis", "j'ai 2 questions" count things; "je suis 61" is not French).
_FIRST_PERSON = {
    "fr": r"(?:j['’][ \t]?ai|jai)",
    "nl": r"(?:ben|ik[ \t]+word)",
    "en": r"(?:i['’]?m|i[ \t]+am)",
}
# Someone else the customer speaks about, then a number without unit: "my son is 84", "hij is 80".
# None in French: "il a 3" / "mon fils a 3" counts things as often as years.
_THIRD_PERSON = {
    "nl": (
        r"(?:(?:hij|zij|ze|(?:zoon|dochter|kind|baby|patiënt|patient|vader|moeder|man|vrouw|opa|oma|broer|zus)"
        rf"{_NAME_BETWEEN})[ \t]+(?:is|wordt|werd))"
    ),
    "en": (
        # "who": "my grandad, Mr Albert Hughes, who is 88"
        r"(?:(?:he|she|who|(?:son|daughter|child|kid|baby|wife|husband|mother|father|mum|mom|dad|grandson"
        r"|granddaughter|grandmother|grandfather|grandma|grandpa|brother|sister|partner)"
        rf"{_NAME_BETWEEN})[ \t]+(?:is|was)"
        r"|he['’]s|she['’]s|who['’]s)"
    ),
}
#: Words for a person one speaks about, for the patterns below.
_PERSON_NOUNS = {
    "fr": (
        r"(?:fils|fille|enfant|bébé|bebe|garçon|garcon|petit-fils|petite-fille|neveu|nièce|niece|mari|époux"
        r"|epoux|épouse|epouse|femme|homme|père|pere|mère|mere|grand-père|grand-pere|grand-mère|grand-mere"
        r"|frère|frere|sœur|soeur|patient|patiente|dame|monsieur)"
    ),
    "nl": (
        r"(?:zoon|zoontje|dochter|dochtertje|kind|kindje|baby|jongen|jongetje|meisje|man|vrouw|vader|moeder"
        r"|opa|oma|broer|broertje|zus|zusje|patiënt|patient|patiënte|patiente|heer|dame|mevrouw|meneer)"
    ),
    "en": (
        r"(?:son|daughter|child|kid|baby|boy|girl|man|woman|husband|wife|mother|father|mum|mom|dad|brother"
        r"|sister|grandson|granddaughter|patient)"
    ),
}
# A person described by their age: "ma fille de 7 ans", "een man van 45 (jaar)", "a boy of 7 years".
_PERSON_OF = {
    "fr": rf"{_PERSON_NOUNS['fr']}[ \t]+(?:de|d['’])",
    "nl": rf"{_PERSON_NOUNS['nl']}[ \t]+van",
    "en": rf"{_PERSON_NOUNS['en']}[ \t]+of",
}
_PLAIN_UNIT = {"fr": r"(?P<unit>ans)", "nl": r"(?P<unit>jaar|jr)", "en": r"(?P<unit>years?|yrs?)"}
#: Ages written in words ("fifty-two years old", "j'ai cinquante-deux ans", "ik ben tweeënvijftig
#: jaar"): two to ninety-nine ("one year old" is a thing's age far more often than a customer's).
WORD_AGES = range(2, 100)
#: Words of a question for the age ("hoe oud bent u?", "quel âge avez-vous ?", "how old are you?",
#: "your age?"): after a message holding one, a reply that is a whole number is that age.
AGE_QUESTIONS = {"fr": ("âge", "age"), "nl": ("leeftijd", "oud"), "en": ("age", "old")}
MAX_AGE = 125  # the oldest age read (``validate_result``, ``reply``)
REPLY_SCORE = 0.85  # as an age with its unit
# An age keyword, then the number, unit optional: "âgé de 34 ans", "leeftijd: 34", "aged 34".
_KEYWORD = {
    "fr": r"(?:âgée?s?|agée?s?|âge|age)(?:[ \t]*(?:de|:|=|est(?:[ \t]+de)?))?",
    "nl": r"(?:leeftijd(?:[ \t]*(?:van|:|=|is))?|jarige[ \t]+van)",
    "en": r"(?:aged|age(?:[ \t]*(?:of|:|=|is))?|turned|turning|turns)",
}


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# --- Word lists (lower case; apostrophes split words: "d'ancienneté" is "d" + "ancienneté") -------

_MONTHS = {
    "fr": "janvier février fevrier mars avril mai juin juillet août aout septembre octobre novembre décembre",
    "nl": "januari februari maart april mei juni juli augustus september oktober november december",
    "en": "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec",
}
# Units and counted things: after "I am 5 …" / "ben 10 …" they make the number a quantity, not an
# age ("I am 5 minutes late", "ben 50 euro kwijt", "I'm 20 pounds short"). Chat mixes languages:
# the English list applies to every language.
_COUNTS_EN = """
    sec secs second seconds min mins minute minutes h hr hrs hour hours day days week weeks wk wks
    month months year years yr yrs euro euros eur cent cents ct usd dollar dollars pound pounds quid
    gbp bucks percent pct km kms m mi mile miles meter meters metre metres cm mm ft feet foot inch
    inches kg kgs kilo kilos g gr gram grams lb lbs l ml litre litres liter liters gb mb tb times x
    item items order orders parcel parcels package packages box boxes piece pieces pcs unit units
    product products call calls email emails mail mails message messages ticket tickets people
    persons steps away late early short behind ahead off th st nd rd door doors house houses floor
    floors stop stops block blocks past
"""
_COUNTS = {
    "fr": _words(
        _COUNTS_EN
        + """
    mn minute minutes seconde secondes heure heures jour jours j semaine semaines sem mois an ans année
    années annee annees centime centimes cts pourcent pour mètre mètres metre metres kilo kilos gramme
    grammes litre litres fois commande commandes colis article articles produit produits pièce pièces
    piece pieces personne personnes enfant enfants appel appels go mo degrés degres
    """
        + _MONTHS["fr"]
        + " "
        + _MONTHS["en"]
    ),
    "nl": _words(
        _COUNTS_EN
        + """
    minuut minuten minuutje minuutjes seconde seconden u uur uren uurtje dag dagen dagje weken maand
    maanden jaar jaren jr centen procent meter kilo liter keer keren maal stuk stuks pakket pakketten
    pakje pakjes doos dozen bestelling bestellingen artikel artikelen producten bericht berichten
    mailtjes telefoontjes persoon personen mensen graden te tekort kwijt weg later eerder verder achter
    """
        + _MONTHS["nl"]
        + " "
        + _MONTHS["en"]
    ),
    "en": _words(_COUNTS_EN + _MONTHS["en"]),
}
# Counted things that are verbs too: before "me", "us" ("my son is 27 email me at ..."), the verb
# opens the next sentence and the number stays an age.
_VERB_COUNTS = frozenset({"email", "mail", "call", "message", "text", "ring", "phone"})
_OBJECT_AFTER_VERB = re.compile(r"[ \t]+(?:me|us|mij)\b", re.IGNORECASE)
# Right before "N ans" / "N jaar" / "N years" (one of the two words before the number): a duration
# or a contract term, not an age ("depuis 10 ans", "il y a 20 ans", "al ruim 15 jaar", "for the past
# 12 years"). Hedges ("environ", "ongeveer", "about") count too: approximate counts of years in
# customer service are lengths of time ("ça fait environ 15 ans") far more often than one's own age.
_DURATION_BEFORE = {
    "fr": _words(
        """
    depuis pendant durant dans en après apres avant sur pour y fait faisait fera tous chaque plus moins
    environ près pres presque quasiment jusqu jusque ici bout déjà deja encore dernières derniers
    prochaines prochains garantie garanti contrat abonnement prêt pret crédit credit engagement
    client cliente clients abonné abonnée fidèle
    """
    ),
    "nl": _words(
        """
    voor sinds al na binnen over gedurende ruim bijna ongeveer circa ca zo pakweg meer minder dan elke
    iedere om per tot tijdens in afgelopen laatste komende eerste nog pas maximaal minimaal minstens
    tenminste hooguit garantie contract abonnement looptijd hypotheek lening klant lid trouwe
    """
    ),
    "en": _words(
        """
    for since in after over within past last next every each than about around approximately almost
    nearly roughly some during until till per of warranty guarantee contract subscription customer
    member loyal plan
    """
    ),
}
# Right after "N ans" / "N jaar" / "N years": the rest of a duration ("10 jaar geleden", "2 ans de
# garantie", "10 ans d'ancienneté", "ça fait 10 ans que…", "5 years ago", "ik ben 10 jaar klant"),
# or a difference of ages ("she is 2 years older", "hij is 3 jaar jonger").
_DURATION_AFTER = {
    "fr": _words(
        """
    de d du des que qu déjà deja après apres avant auparavant plus chez avec sans garantie garantis
    consécutifs consecutifs consécutives d'affilée ferme fermes ancienneté
    """
    ),
    "nl": _words(
        """
    geleden lang later eerder terug daarna daarvoor ervoor garantie klant lid abonnee getrouwd samen
    ervaring bij al achter op werkzaam trouw trouwe gratis contract abonnement hypotheek na ouder
    jonger verschil
    """
    ),
    "en": _words(
        """
    ago later earlier late before after back long of with as warranty guarantee customer member
    running straight already experience contract subscription plan behind ahead older younger apart
    """
    ),
}
# Right after the number, glued or spaced: an amount, a percentage, a measure ("I'm 100% sure").
_SYMBOL_UNITS = frozenset("%€$£°/#*=×+&")
_PHONE_DIGITS = 8  # after " +", this many digits are a phone number's, not a sum's
# Glued right after the number: a height or a quotation ("I'm 5'10").
_GLUED_SYMBOLS = frozenset("'’\"″′")
# "42.5", "14:30", "12/03", "3,5 uur": the number goes on past the separator.
_CONTINUING_SEPARATORS = frozenset(".,:/-")

_TOKEN = re2.compile(r"\p{L}+|[0-9]+|[.!?\n]")
# The same, a comma, a semicolon or a dash between spaces ending the look too: "niet binnen, 64
# jaar" is no "binnen 64 jaar", nor "nog even - 57 jaar" an "even 57 jaar".
_CLAUSE_TOKEN = re2.compile(r"\p{L}+|[0-9]+|[.!?\n,;]|[ \t][-–—][ \t]")
_LETTER_START = re2.compile(r"^\p{L}+")

#: The youngest and oldest ages reported without an age word ("I'm 42", "61 ans"): a customer
#: writing to customer service is rarely under 12, and small numbers with "ans"/"jaar" are most
#: often durations or warranty terms ("2 ans", "5 jaar garantie"); above 110 it is a company's
#: history, not a person ("150 ans d'expérience"). A child spoken about ("my son is 4") may be younger.
ADULT_AGES = range(12, 111)
CHILD_AGES = range(1, 111)


@dataclass(frozen=True)
class _Rule:
    """How a pattern's candidates are judged after the match (see ``AgeRecognizer._refine``)."""

    kind: str  # "sure", "subject_unit", "first_person", "third_person", "contracted", "unit_only"
    lifted: Re2Pattern | None = None  # the explanation of a "unit_only" candidate reported


def _word_age(lang: str) -> str:
    """RE2 for an age in words, as the ``pii`` group."""
    return rf"(?P<pii>{words_regex(form for form, _ in cardinal_forms(lang, WORD_AGES.start, WORD_AGES.stop - 1))})"


def _patterns(lang: str) -> list[tuple[Re2Pattern, _Rule]]:
    unit = _PLAIN_UNIT[lang]
    words = _word_age(lang)
    weak = Re2Pattern("age: number + unit (weak)", rf"(?i){_BEFORE}{_AGE}{_OPT_S}{unit}{_AFTER}", 0.3)
    lifted = Re2Pattern("age: number + unit, not a duration", weak.regex, 0.6)
    patterns = [
        (
            Re2Pattern("age: number + age unit", rf"(?i){_BEFORE}{_AGE}{_OPT_S}{_STRONG_UNIT[lang]}{_AFTER}", 0.85),
            _Rule("sure"),
        ),
        (
            Re2Pattern(
                "age: person + number + unit",
                rf"(?i){_BEFORE}{_SUBJECT[lang]}{_S}{_AGE}{_OPT_S}{unit}{_AFTER}",
                0.85,
            ),
            _Rule("subject_unit"),
        ),
        (
            Re2Pattern(
                "age: keyword + number",
                rf"(?i){_BEFORE}{_KEYWORD[lang]}{_OPT_S}{_AGE}(?:{_OPT_S}{unit})?{_AFTER}",
                0.85,
            ),
            _Rule("sure"),
        ),
        (
            Re2Pattern(
                "age: I am + number",
                rf"(?i){_BEFORE}{_FIRST_PERSON[lang]}{_S}{_WHOLE}{_AFTER}",
                0.6 if lang == "fr" else 0.7,
            ),
            _Rule("first_person"),
        ),
        (
            Re2Pattern(
                "age: person of + number + unit",
                rf"(?i){_BEFORE}{_PERSON_OF[lang]}{_S}{_AGE}{_OPT_S}{unit}{_AFTER}",
                0.85,
            ),
            _Rule("subject_unit"),
        ),
        (
            Re2Pattern(
                "age: child of + months or weeks",
                rf"(?i){_BEFORE}{_CHILD_OF[lang]}{_S}{_WHOLE}{_OPT_S}{_INFANT_UNIT[lang]}{_AFTER}",
                0.85,
            ),
            _Rule("sure"),
        ),
        (weak, _Rule("unit_only", lifted)),
        (
            Re2Pattern("age in words + age unit", rf"(?i){_BEFORE}{words}{_OPT_S}{_STRONG_UNIT[lang]}{_AFTER}", 0.85),
            _Rule("sure"),
        ),
        (
            Re2Pattern(
                "age in words: person + number + unit",
                rf"(?i){_BEFORE}{_SUBJECT[lang]}{_S}{words}{_OPT_S}{unit}{_AFTER}",
                0.85,
            ),
            _Rule("subject_unit"),
        ),
    ]
    if lang in INFANT_PERSONS:
        patterns.append(
            (
                Re2Pattern(
                    "age: months or weeks old",
                    rf"(?i){_BEFORE}{_WHOLE}{_OPT_S}-?{_OPT_S}{_INFANT_OLD[lang]}{_AFTER}",
                    0.85,
                ),
                _Rule("infant"),
            )
        )
    if lang == "nl":  # "mijn zoon van 12", "een man van 45": Dutch leaves the unit out
        patterns.append(
            (
                Re2Pattern("age: person of + number", rf"(?i){_BEFORE}{_PERSON_OF[lang]}{_S}{_WHOLE}{_AFTER}", 0.7),
                _Rule("third_person"),
            )
        )
    # "mijn vader (82)", "my son Jack (12)", "ma mère (85 ans)": the age in brackets after the person
    patterns.append(
        (
            Re2Pattern(
                "age: person + (number)",
                rf"(?i){_BEFORE}{_PERSON_NOUNS[lang]}{_NAME_BETWEEN}{_OPT_S}\({_OPT_S}{_WHOLE}{_OPT_S}(?:{unit})?{_OPT_S}\)",
                0.85,
            ),
            _Rule("third_person"),
        )
    )
    if lang in _THIRD_PERSON:
        patterns.append(
            (
                Re2Pattern("age: person is + number", rf"(?i){_BEFORE}{_THIRD_PERSON[lang]}{_S}{_WHOLE}{_AFTER}", 0.7),
                _Rule("third_person"),
            )
        )
        # "my dad is eighty two", "mijn moeder is negentig": the same with the age in words
        patterns.append(
            (
                Re2Pattern(
                    "age in words: person is + number", rf"(?i){_BEFORE}{_THIRD_PERSON[lang]}{_S}{words}{_AFTER}", 0.7
                ),
                _Rule("third_person"),
            )
        )
    if lang != "fr":  # "I'm thirty-four", "ik ben vierendertig"; French says "j'ai trente-quatre ans"
        patterns.append(
            (
                Re2Pattern(
                    "age in words: I am + number", rf"(?i){_BEFORE}{_FIRST_PERSON[lang]}{_S}{words}{_AFTER}", 0.7
                ),
                _Rule("first_person"),
            )
        )
    if lang == "en":
        # "my dad's 81": "is" contracted onto the relative, which is also how a possessive is
        # written ("my son's 3 cars"): only when the clause ends after the number (``_Rule``)
        patterns.append(
            (
                Re2Pattern(
                    "age: person's + number",
                    rf"(?i){_BEFORE}{_PERSON_NOUNS['en']}{_NAME_BETWEEN}['’]s{_S}{_WHOLE}{_AFTER}",
                    0.7,
                ),
                _Rule("contracted"),
            )
        )
    return patterns


def _tokens_before(text: str, start: int, count: int, clause: bool = False) -> list[str]:
    """The last ``count`` words before ``start`` in the same sentence, or with ``clause`` the same
    clause (a number also ends the look)."""
    found: list[str] = []
    tokens = (_CLAUSE_TOKEN if clause else _TOKEN).findall(text[max(0, start - 60) : start])
    for token in reversed(tokens):
        if not token[0].isalpha():
            break
        found.append(token.lower())
        if len(found) == count:
            break
    return found


def _first_word(text: str, end: int) -> str | None:
    """The word right after ``end`` (spaces skipped), lower-cased; ``None`` when something else comes first."""
    rest = text[end : end + 40].lstrip(" \t")
    match = _LETTER_START.search(rest)
    return match.group(0).lower() if match else None


def _whole(candidate: str, ages: range, lang: str = "en") -> bool:
    """``candidate`` is a whole number in ``ages``, in digits or (``WORD_AGES``) in words of ``lang``."""
    if candidate.isdecimal():
        return int(candidate) in ages
    value = cardinals(lang, WORD_AGES.start, WORD_AGES.stop - 1).get(fold(candidate))
    return value is not None and value in ages


def _sharing_boundaries(compiled: Any, text: str) -> Iterator[Spans]:
    """The matches of ``compiled`` left to right, each search starting again on the previous
    match's last character: the patterns end by taking the character after the age ("29 ans 27
    ans"), and that space is the next age's start too. A match starts after the previous one's
    start, so none is found twice."""
    pos = 0
    while True:
        spans = next(finditer_spans(compiled, text, pos), None)
        if spans is None:
            return
        yield spans
        start, end = spans[0]
        if end >= len(text):
            return
        pos = max(end - 1, start + 1)


#: After "gr": one or two words, then the message's end (a name signing it).
_SIGNED_AFTER_GR = re.compile(r"[ \t]+[^\W\d_]+(?:[ \t]+[^\W\d_]+)?[ \t.!]*\Z")

_NUMBERS = re.compile(r"[0-9]+(?:[.,][0-9]+)?")


class AgeRecognizer(GatedRecognizer):
    """Ages of people (``AGE``); the reported span is the number (or range) only.

    Formats and scores (the reporting threshold is 0.5):

    * 0.85: an age unit ("34 jaar oud", "34-jarige", "a 34-year-old", "34 y/o", "34 ans révolus"); a
      person as subject with the plain unit ("j'ai 34 ans", "mon fils a 3 ans", "ik ben 34 jaar",
      "I'm 34 years"), or described by it ("ma fille de 7 ans", "een man van 45 jaar"); an age
      keyword ("âgé de 72 ans", "âge : 34", "leeftijd 3-4 jaar", "aged 34", "turned 60"); the first
      two also with the age in words, 2 to 99 ("fifty-two years old", "j'ai cinquante-deux ans",
      "ik ben tweeënvijftig jaar"). A duration
      after the unit still rejects it ("ik ben 10 jaar klant", "j'ai 2 ans de garantie").
    * 0.7: the customer or someone they speak about, then a whole number without unit: "I am 42",
      "I'm 62 yers old" (a typo is not a unit), "my son is 84", "ik ben 33", Dutch chat's bare verb
      "ben 70" (first person), Dutch "mijn zoon van 12"; the first two also with the age in words,
      not in French ("I'm thirty-four", "my dad is eighty two", "ik ben vierendertig"; not glued
      to a hyphen: "fifty-fifty"). Rejected when a unit or counted thing follows ("I am 5 minutes
      late", "ben 50 euro kwijt", "I'm 100% sure", "ik ben 3,5 uur", "I'm 5'10", "ben 14 maart"),
      or when the number is outside ``ADULT_AGES`` for the speaker (``CHILD_AGES`` for a child).
    * 0.6: French "j'ai 61" only before the end of a sentence ("j'ai 3 colis" counts things).
    * 0.6: a bare "61 ans" / "67 jaar" that is no duration: a whole number in ``ADULT_AGES``, no
      duration word among the two words before it ("depuis", "il y a", "pendant", "voor", "al",
      "sinds", "ruim", "for", "since", "over", hedges such as "environ", "ongeveer"), and no duration
      continuation after the unit ("geleden", "ago", "de garantie", "d'ancienneté", "lang", "que",
      "later"). English "N years" is a duration far more often: it is reported only when it stands
      as a clause of its own ("Hi, 45 years. My card…").
    * 0.3: any other "34 ans" / "34 jaar" / "34 years" (ranges and decimals included); Presidio's
      context words ("âge", "leeftijd", "birthday") lift it.

    Why: in chat customers give their age tersely ("ben 28, mijn nummer is…", "Bonjour 61 ans
    Merci") and half the ages were missed with a subject *and* a unit required; the unit/count and
    duration word lists keep quantities and lengths of time out. Ages above 125 are discarded.
    Official source: none (a contextual rule); the span convention follows deduce's gold
    ("10 jaar oud" -> "10").
    """

    min_digits = 0  # an age in words has none: the detector's pattern screen alone decides

    # Presidio matches context words as substrings of the lemmas before the number: no "age"
    # (message, package, garage), "old" (told, sold) or "oud" (houden, goud).
    CONTEXT: ClassVar[dict[str, list[str]]] = {
        "fr": ["âge", "âgé", "agé", "anniversaire", "naissance"],
        "nl": ["leeftijd", "jarig", "verjaardag", "geboren"],
        "en": ["aged", "birthday", "born"],
    }

    def __init__(self, supported_language: str = "en") -> None:
        self._lang = supported_language if supported_language in _SUBJECT else "en"
        rules = _patterns(self._lang)
        super().__init__(
            supported_entity=AGE,
            patterns=[pattern for pattern, _ in rules],
            context=self.CONTEXT.get(supported_language, self.CONTEXT["en"]),
            supported_language=supported_language,
            require_boundaries=False,
        )
        self._rules = {pattern.name: rule for pattern, rule in rules}
        # "Any candidate at all?" is answered before this is called, by the detector's one RE2 set
        # scan over every recognizer's patterns (``processors.pattern_screen``).
        self.question_words = frozenset(AGE_QUESTIONS[self._lang])  # ``reply``

    def reply(self, text: str, found: list[RecognizerResult], asked: frozenset[str]) -> RecognizerResult | None:
        """``text`` as an age when it is a whole number of 0 to 125 and nothing else, in reply to a
        question for the age the conversation's previous message asked ("hoe oud bent u?", then
        "45"; the detector asks this then only: ``question_words``,
        ``recognizers.base.RepliesToQuestions``). An age with its unit ("45 ans") the patterns read
        already. ``found`` and ``asked`` are not read."""
        span = bare_reply(text)
        if span is None:
            return None
        number = text[span[0] : span[1]]
        if not (number.isascii() and number.isdigit() and len(number) <= 3 and int(number) <= MAX_AGE):
            return None
        return make_result(self, AGE, *span, REPLY_SCORE, "reply to a question for the age")

    def validate_result(self, pattern_text: str) -> bool | None:
        """A human age: every number of the range between 0 and 125, in increasing order; an age
        in words, one of ``WORD_AGES``."""
        if not any(ch.isdigit() for ch in pattern_text):
            return None if cardinals(self._lang, WORD_AGES.start, WORD_AGES.stop - 1).get(fold(pattern_text)) else False
        values = [float(n.replace(",", ".")) for n in _NUMBERS.findall(pattern_text)]
        if not values or any(not 0 <= v <= MAX_AGE for v in values) or values != sorted(values):
            return False
        return None

    def analyze(
        self,
        text: str,
        entities: list[str],
        nlp_artifacts: NlpArtifacts | None = None,
        regex_flags: int | None = None,
    ) -> list[RecognizerResult]:
        """The patterns, each candidate judged by its rule *before* duplicates are merged.

        (Merging first would let a rejected "ben 33 jaar" candidate of one rule hide the same span
        accepted by another.)
        """
        if not self.may_contain(text):
            return []
        results: list[RecognizerResult] = []
        for pattern, compiled, group in self._compiled:
            rule = self._rules[pattern.name]
            unit_group = compiled.groupindex.get("unit")
            for spans in _sharing_boundaries(compiled, text):
                start, end = spans[group]
                if start < 0 or end <= start or self.validate_result(text[start:end]) is False:
                    continue
                unit_end = spans[unit_group][1] if unit_group is not None else -1
                unit_end = unit_end if unit_end >= end else end
                judged = self._refine(rule, pattern, text, start, end, unit_end)
                if judged is not None:
                    results.append(make_result(self, AGE, start, end, judged.score, pattern=judged))
        return list(EntityRecognizer.remove_duplicates(results))

    def _refine(
        self, rule: _Rule, pattern: Re2Pattern, text: str, start: int, end: int, unit_end: int
    ) -> Re2Pattern | None:
        """The pattern a candidate is reported under (its score), or ``None`` to drop it."""
        candidate = text[start:end]
        if rule.kind == "sure":
            return pattern
        if rule.kind == "infant":
            return pattern if self._infant_age(text, start, end, unit_end) else None
        if rule.kind == "subject_unit":
            return None if self._duration_follows(text, unit_end) else pattern
        if rule.kind == "contracted":
            clause_ends = _CLAUSE_AFTER_CONTRACTED_AGE.match(text, end) is not None
            return pattern if clause_ends and _whole(candidate, CHILD_AGES) else None
        if rule.kind in ("first_person", "third_person"):
            if text[end : end + 1] == "-" and not candidate.isdecimal():
                return None  # "I'm fifty-fifty on it", "he's two-faced": a word, not an age
            ages = ADULT_AGES if rule.kind == "first_person" else CHILD_AGES
            return pattern if _whole(candidate, ages, self._lang) and not self._quantity_follows(text, end) else None
        # "unit_only": a bare "34 ans"
        if self._duration_follows(text, unit_end):
            return None
        if rule.lifted is not None and self._bare_age(text, start, end, unit_end):
            return rule.lifted
        return pattern

    def _infant_age(self, text: str, start: int, end: int, unit_end: int) -> bool:
        """ "N months/weeks old" is a person's age: a person or child word among the four words
        before it ("our baby is 8 weeks old", "Patiënte, 3 maanden oud"), or, in English, the
        singular compound "a 6 month old" ("this phone is 3 weeks old" is none)."""
        if any(word in INFANT_PERSONS.get(self._lang, ()) for word in _tokens_before(text, start, 4)):
            return True
        unit = text[end:unit_end].strip(" \t-").casefold()  # the pattern's ``unit`` group
        return self._lang == "en" and unit in ("month", "week")

    def _quantity_follows(self, text: str, end: int) -> bool:
        """True when what follows the number makes it a quantity (unit, count, symbol, decimals)."""
        rest = text[end : end + 40]
        stripped = rest.lstrip(" \t")
        if not stripped:
            return False
        first, glued = stripped[0], len(stripped) == len(rest)
        if first in _CONTINUING_SEPARATORS and glued and stripped[1:2].isdigit():
            return True
        if first == "+" and not glued and sum(ch.isdigit() for ch in stripped[1:17]) >= _PHONE_DIGITS:
            return False  # "my son is 27 +44 7529 151893": a phone number comes next, not "27+"
        if first in _SYMBOL_UNITS or (glued and first in _GLUED_SYMBOLS):
            return True
        word = _first_word(text, end)
        if word is None:
            return False
        if word == "gr" and self._signed_after_gr(stripped[2:]):
            return False  # "ben 62 gr stella": "gr" is Dutch chat's "groeten" before a name, no grams
        # French: "j'ai 61" before the end of a sentence only ("j'ai 3 colis", "j'ai 2 questions").
        if word in _VERB_COUNTS and _OBJECT_AFTER_VERB.match(stripped[len(word) :]):
            return False  # "my son is 27 email me at ...": the verb, not 27 e-mails
        return self._lang == "fr" or word in _COUNTS[self._lang]

    def _signed_after_gr(self, rest: str) -> bool:
        """``rest``, after a "gr", is one or two words, then the message's end, none of them a
        counted thing or "per" ("ben 40 gr per dag" weighs): a name signing the message."""
        if not _SIGNED_AFTER_GR.match(rest):
            return False
        words = [w.strip(".!").casefold() for w in rest.split()]
        return all(w not in _COUNTS[self._lang] and w != "per" for w in words)

    def _duration_follows(self, text: str, unit_end: int) -> bool:
        """True when the words after "N ans"/"N jaar"/"N years" finish a duration ("geleden", "ago")."""
        word = _first_word(text, unit_end)
        return word is not None and word in _DURATION_AFTER[self._lang]

    def _bare_age(self, text: str, start: int, end: int, unit_end: int) -> bool:
        """True when a bare "N ans"/"N jaar"/"N years" reads as an age rather than a duration."""
        if not _whole(text[start:end], ADULT_AGES):
            return False
        if any(word in _DURATION_BEFORE[self._lang] for word in _tokens_before(text, start, 2, clause=True)):
            return False
        if self._lang == "en":
            # "N years" on its own: nothing but punctuation before and after it in its clause.
            before = text[:start].rstrip(" \t")
            after = text[unit_end:].lstrip(" \t")
            return (not before or not before[-1].isalnum()) and (not after or not after[0].isalnum())
        return True
