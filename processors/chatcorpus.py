"""A deterministic generator of labelled FR/NL/EN customer-service chat messages.

Two outputs from the same message builder:

* ``generate_records(n, seed)``: evaluation records in the shared sets' JSONL format (``id``, ``lang``,
  ``text``, ``spans`` with canonical labels, ``source``, ``annotated_labels``), scored by
  ``processors.evaluation`` like the third-party sets;
* ``generate_wire_messages(n, seed)``: input-contract messages (``schema_version`` 1, conversations of
  customer / agent / bot turns, optional ``lang``, consent variants, sender extras, metadata), each with
  the list of values planted in it, for property tests ("no planted value in any sink output") and
  throughput benchmarks.

What is in a message: greetings, complaints, order questions, sign-offs; lower-case and typos (never
inside a planted value: a typo would break a check digit); identifiers with **valid** check digits
typed in many ways (phones in national and international forms with spaces, dots, dashes; e-mails;
IBANs spaced, compact, lower-case, with correct mod-97 digits (and a correct French RIB key); Luhn-valid
card numbers, grouped; French NIR with its key, spaced; Dutch BSN passing the elfproef; Belgian national
numbers with their mod-97 check, including the 2000+ rule; UK NINO with valid prefixes); person names in
chat patterns ("je m'appelle …", "mijn naam is …", "I'm …", sign-offs, lower-case); addresses, cities,
dates of birth, order dates and ages. At least 30% of messages carry no personal data at all (but do
carry order numbers, amounts, products and carriers, so that precision is tested).

Labelling convention (the gold standard): ``PERSON`` is the name only, without title ("Mme", "Mr");
``LOCATION`` is a whole postal address or a city; ``DATE_TIME`` is an explicit calendar date (dates of
birth, order dates); relative expressions ("hier", "gisteren", "yesterday") are not labelled; ``AGE`` is
the number only ("34" in "j'ai 34 ans", as in the deduce set); identifiers are labelled as typed,
separators included. ``ORGANIZATION`` is not annotated (carriers and brands are neither right nor wrong).

Names, streets and e-mails come from Faker (locales fr_FR, nl_NL, nl_BE, en_GB); cities are real, common
ones. Everything is fake and seeded: the same ``seed`` gives the same corpus with the same generator
code and Faker version.
Generated data tells about formats, not about real-world recall.
"""

from __future__ import annotations

import random
import re
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

import phonenumbers
from faker import Faker

SOURCE = "piiflow-generated-chat"
LANGUAGES = ("fr", "nl", "en")
ANNOTATED_LABELS = (
    "AGE",
    "CREDIT_CARD",
    "DATE_TIME",
    "EMAIL_ADDRESS",
    "IBAN_CODE",
    "LOCATION",
    "NATIONAL_ID",
    "PERSON",
    "PHONE_NUMBER",
)
NO_PII_SHARE = 0.36
AGENT_SHARE = 0.12

Piece = tuple[str, str | None]  # (text, canonical label or None)


# -- check digits --------------------------------------------------------------------------------


def luhn_check_digit(payload: str) -> str:
    """The Luhn digit to append to ``payload`` (digits only)."""
    total = 0
    for index, char in enumerate(reversed(payload)):
        digit = int(char)
        if index % 2 == 0:
            digit *= 2
            if digit > 9:
                digit -= 9
        total += digit
    return str((10 - total % 10) % 10)


def iban_check_digits(country: str, bban: str) -> str:
    """The two ISO 13616 check digits of ``country`` + ``bban``."""
    rearranged = bban + country + "00"
    numeric = "".join(str(int(c, 36)) for c in rearranged.upper())
    return f"{98 - int(numeric) % 97:02d}"


_RIB_LETTERS = {c: str(i % 9 + 1 + (i >= 18)) for i, c in enumerate("ABCDEFGHIJKLMNOPQRSTUVWXYZ")}


def french_rib_key(bank: str, branch: str, account: str) -> str:
    """The French RIB key (letters in the account number transposed to digits)."""
    digits = "".join(_RIB_LETTERS.get(c, c) for c in account.upper())
    return f"{97 - (89 * int(bank) + 15 * int(branch) + 3 * int(digits)) % 97:02d}"


def nir_key(first13: str) -> str:
    """The key of a French NIR (Corsica's 2A/2B count as 19/18)."""
    number = first13.upper().replace("2A", "19").replace("2B", "18")
    return f"{97 - int(number) % 97:02d}"


def bsn_check_digit(first8: str) -> int | None:
    """The ninth digit making a BSN pass the elfproef, or None when no digit does (remainder 10)."""
    total = sum(int(d) * w for d, w in zip(first8, range(9, 1, -1), strict=True))
    digit = total % 11
    return None if digit == 10 else digit


def be_national_number_check(first9: str, born_2000_or_later: bool) -> str:
    """The two check digits of a Belgian national number (97 - n mod 97, 2 prefixed after 1999)."""
    number = int(("2" if born_2000_or_later else "") + first9)
    return f"{97 - number % 97:02d}"


# -- reference lists -------------------------------------------------------------------------------

CITIES = {
    "FR": """Paris Lyon Marseille Toulouse Nice Nantes Strasbourg Montpellier Bordeaux Lille Rennes Reims
        Le_Havre Saint-Étienne Toulon Grenoble Dijon Angers Nîmes Villeurbanne Clermont-Ferrand
        Aix-en-Provence Brest Limoges Tours Amiens Perpignan Metz Besançon Orléans Rouen Mulhouse Caen
        Nancy Argenteuil Roubaix Tourcoing Avignon Poitiers Pau La_Rochelle Annecy Vannes Quimper
        Colmar Bayonne Chambéry Lorient Valence""",
    "NL": """Amsterdam Rotterdam Den_Haag Utrecht Eindhoven Groningen Tilburg Almere Breda Nijmegen
        Apeldoorn Haarlem Arnhem Enschede Amersfoort Zaandam 's-Hertogenbosch Zwolle Leiden Maastricht
        Dordrecht Zoetermeer Delft Alkmaar Leeuwarden Deventer Hilversum Heerlen Venlo Gouda Assen
        Emmen Purmerend Roosendaal Schiedam Helmond Oss Spijkenisse""",
    "BE": """Antwerpen Gent Brugge Leuven Mechelen Aalst Hasselt Kortrijk Oostende Genk Sint-Niklaas
        Roeselare Turnhout Brussel Liège Namur Charleroi Mons Wavre Louvain-la-Neuve Tournai Ieper
        Lier Dendermonde Herentals Geel Waregem""",
    "GB": """London Manchester Birmingham Leeds Glasgow Liverpool Bristol Sheffield Edinburgh Cardiff
        Leicester Nottingham Newcastle Brighton Southampton Plymouth Reading Oxford Cambridge York Bath
        Norwich Exeter Aberdeen Belfast Swansea Coventry Derby Milton_Keynes Stoke-on-Trent""",
}
CITY_LISTS = {k: [c.replace("_", " ") for c in v.split()] for k, v in CITIES.items()}

EMAIL_DOMAINS = {
    "FR": ["gmail.com", "orange.fr", "free.fr", "hotmail.fr", "laposte.net", "sfr.fr", "wanadoo.fr", "yahoo.fr"],
    "NL": ["gmail.com", "hotmail.com", "ziggo.nl", "kpnmail.nl", "outlook.com", "live.nl", "xs4all.nl"],
    "BE": ["telenet.be", "skynet.be", "gmail.com", "proximus.be", "hotmail.be", "outlook.be"],
    "GB": ["gmail.com", "btinternet.com", "hotmail.co.uk", "yahoo.co.uk", "outlook.com", "sky.com"],
}
IBAN_BANKS = {
    "NL": ["ABNA", "INGB", "RABO", "SNSB", "TRIO", "ASNB", "KNAB", "BUNQ", "RBRB"],
    "GB": ["NWBK", "BARC", "HBUK", "LOYD", "MIDL", "NAIA", "MONZ"],
}
MONTHS = {
    "fr": [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ],
    "nl": [
        "januari",
        "februari",
        "maart",
        "april",
        "mei",
        "juni",
        "juli",
        "augustus",
        "september",
        "oktober",
        "november",
        "december",
    ],
    "en": [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
}
FAKER_LOCALE = {"FR": "fr_FR", "NL": "nl_NL", "BE": "nl_BE", "GB": "en_GB"}


# -- text templates --------------------------------------------------------------------------------
# Slots: {name} {first} {last} {agent} {phone} {email} {iban} {card} {natid} {address} {city} {dob}
# {date} {age}, labelled; {order} {product} {amount} {carrier} {days}, unlabelled fillers;
# {weekday:samedi}, the literal weekday labelled DATE_TIME (a date expression, as OntoNotes and
# Presidio label it; no random draw, so the rest of the corpus is as before).

GREETINGS = {
    "fr": [
        "Bonjour",
        "bonjour",
        "Bonsoir",
        "Salut",
        "Hello",
        "bjr",
        "Bonjour madame",
        "Bonjour monsieur",
        "Bonjour à vous",
        "Coucou",
        "Bonjour,",
        "re bonjour",
    ],
    "nl": ["Hallo", "hoi", "Goedemiddag", "Goedemorgen", "Beste", "Dag", "Hey", "Goedenavond", "hallo,", "Hoi hoi"],
    "en": ["Hi", "Hello", "hey", "Good morning", "Hiya", "Hi there", "Good afternoon", "hello,", "Morning"],
}
SIGN_OFFS = {
    "fr": [
        "Merci",
        "Cordialement",
        "merci d'avance",
        "Bonne journée",
        "Merci beaucoup",
        "Bien à vous",
        "cdlt",
        "Merci bcp",
        "Bonne soirée",
    ],
    "nl": [
        "Groetjes",
        "Met vriendelijke groet",
        "Mvg",
        "Alvast bedankt",
        "Dank je wel",
        "Bedankt",
        "Groeten",
        "dank u",
        "Fijne dag",
    ],
    "en": ["Thanks", "Cheers", "Kind regards", "Many thanks", "thx", "Regards", "Best", "Thank you", "Ta"],
}
NAMED_SIGN_OFFS = {
    "fr": ["Cordialement, {name}", "Merci, {first}", "{name}", "Bien à vous, {name}", "merci {first}", "Cdt {name}"],
    "nl": [
        "Groetjes, {first}",
        "Met vriendelijke groet, {name}",
        "Mvg {name}",
        "{name}",
        "gr {first}",
        "Groeten, {name}",
    ],
    "en": ["Thanks, {first}", "Cheers, {name}", "Kind regards, {name}", "{name}", "Best, {first}", "thx {first}"],
}

NO_PII = {
    "fr": [
        "ma commande {order} n'est toujours pas arrivée",
        "je n'ai pas reçu mon colis, le suivi {carrier} ne bouge plus depuis {days} jours",
        "Est-ce que je peux retourner {product} ?",
        "j'ai été débité deux fois de {amount}, c'est normal ?",
        "{product} ne s'allume plus, il est encore sous garantie ?",
        "quand est-ce que je serai remboursé de {amount} ?",
        "vous livrez le {weekday:samedi} ?",
        "ok merci",
        "d'accord, je vais attendre alors",
        "C'est inadmissible, ça fait {days} jours que j'attends !!",
        "je voudrais annuler la commande {order} svp",
        "le code promo ne marche pas",
        "il manque un article dans le colis {order}",
        "Comment je fais pour changer mon mot de passe ?",
        "super merci pour votre aide",
        "le livreur {carrier} n'est jamais passé",
        "Vous avez encore {product} en stock ?",
        "Mon colis est arrivé abîmé, {product} est cassé",
        "je ne trouve pas la facture de {amount} dans mon espace client",
        "pouvez vous me dire où en est le remboursement ?",
        "Parfait, merci beaucoup !",
        "Est-ce que la livraison est gratuite à partir de {amount} ?",
        "la référence {order} n'apparaît plus dans mes commandes",
        "je reviens vers vous demain",
    ],
    "nl": [
        "mijn bestelling {order} is nog steeds niet binnen",
        "Het pakket staat al {days} dagen op 'onderweg' bij {carrier}",
        "Kan ik {product} nog retourneren?",
        "er is twee keer {amount} afgeschreven",
        "{product} doet het niet meer, valt dat onder de garantie?",
        "wanneer krijg ik mijn {amount} terug?",
        "bezorgen jullie ook op {weekday:zondag}?",
        "ok dank je",
        "Prima, dan wacht ik nog even",
        "Dit is echt belachelijk, al {days} dagen wachten!!",
        "ik wil bestelling {order} annuleren aub",
        "de kortingscode werkt niet",
        "er ontbreekt een artikel in pakket {order}",
        "Hoe kan ik mijn wachtwoord wijzigen?",
        "top, bedankt voor de hulp",
        "de bezorger van {carrier} is niet langs geweest",
        "Hebben jullie {product} nog op voorraad?",
        "Mijn pakket kwam beschadigd aan, {product} is kapot",
        "ik kan de factuur van {amount} niet vinden in mijn account",
        "kunnen jullie kijken hoe het met de terugbetaling staat?",
        "Super, heel erg bedankt!",
        "Is verzending gratis vanaf {amount}?",
        "ordernummer {order} staat niet meer in mijn overzicht",
        "ik kom er morgen op terug",
    ],
    "en": [
        "my order {order} still hasn't arrived",
        "The parcel has been stuck with {carrier} for {days} days",
        "Can I still return {product}?",
        "I've been charged {amount} twice",
        "{product} won't turn on anymore, is it under warranty?",
        "when will I get my {amount} back?",
        "do you deliver on {weekday:Sundays}?",
        "ok thanks",
        "Fine, I'll wait a bit longer then",
        "This is ridiculous, {days} days waiting!!",
        "i'd like to cancel order {order} please",
        "the discount code doesn't work",
        "an item is missing from parcel {order}",
        "How do I change my password?",
        "great, thanks for your help",
        "the {carrier} driver never came",
        "Do you still have {product} in stock?",
        "My parcel arrived damaged, {product} is broken",
        "i can't find the {amount} invoice in my account",
        "could you check where my refund is?",
        "Brilliant, thank you so much!",
        "Is shipping free over {amount}?",
        "order {order} doesn't show in my orders anymore",
        "I'll get back to you tomorrow",
    ],
}

PII = {
    "fr": {
        "PERSON": [
            "je m'appelle {name}",
            "je suis {name}",
            "c'est {name}",
            "moi c'est {first}",
            "mon nom est {name}",
            "la commande est au nom de {name}",
            "au nom de Mme {last}",
            "c'est pour M. {last}",
            "mon conjoint {first} vous a appelé hier",
            "{name} ici",
            "je vous écris de la part de {name}",
            "le colis est au nom de {name}",
        ],
        "PHONE_NUMBER": [
            "mon numéro c'est le {phone}",
            "vous pouvez me rappeler au {phone}",
            "mon tel : {phone}",
            "{phone}",
            "joignable au {phone}",
            "appelez moi sur le {phone} svp",
            "tel {phone}",
        ],
        "EMAIL_ADDRESS": [
            "mon mail: {email}",
            "mon adresse mail est {email}",
            "écrivez moi à {email}",
            "{email}",
            "mon compte c'est {email}",
            "envoyez la facture sur {email}",
        ],
        "IBAN_CODE": [
            "mon iban {iban}",
            "voici mon RIB : {iban}",
            "remboursez sur {iban} svp",
            "IBAN: {iban}",
            "{iban}",
        ],
        "CREDIT_CARD": [
            "ma carte {card} a été débitée deux fois",
            "les chiffres de ma carte: {card}",
            "j'ai payé avec la carte {card}",
            "CB {card}",
        ],
        "LOCATION": [
            "j'habite au {address}",
            "mon adresse : {address}",
            "livrez à {address} svp",
            "je suis sur {city}",
            "je viens de déménager à {city}",
            "nouvelle adresse {address}",
        ],
        "DATE_TIME": [
            "je suis né le {dob}",
            "née le {dob}",
            "date de naissance : {dob}",
            "ddn {dob}",
            "ma commande du {date} n'est pas arrivée",
            "j'ai commandé le {date}",
        ],
        "AGE": ["j'ai {age} ans", "ma fille a {age} ans", "je suis âgé de {age} ans", "{age} ans"],
    },
    "nl": {
        "PERSON": [
            "mijn naam is {name}",
            "ik ben {name}",
            "met {name}",
            "dit is {name}",
            "ik heet {name}",
            "het staat op naam van {name}",
            "namens mevrouw {last}",
            "voor meneer {last}",
            "mijn partner {first} heeft gisteren gebeld",
            "{name} hier",
            "bestelling op naam van {name}",
        ],
        "PHONE_NUMBER": [
            "mijn nummer is {phone}",
            "bel me op {phone}",
            "tel: {phone}",
            "{phone}",
            "bereikbaar op {phone}",
            "kunnen jullie mij terugbellen op {phone}?",
        ],
        "EMAIL_ADDRESS": [
            "mijn mail is {email}",
            "mijn e-mailadres: {email}",
            "mail maar naar {email}",
            "{email}",
            "account {email}",
        ],
        "IBAN_CODE": [
            "mijn iban is {iban}",
            "rekeningnummer {iban}",
            "stort het terug op {iban}",
            "IBAN: {iban}",
            "{iban}",
        ],
        "CREDIT_CARD": [
            "creditcard {card}",
            "ik heb betaald met kaart {card}",
            "kaartnummer: {card}",
        ],
        "LOCATION": [
            "ik woon op {address}",
            "mijn adres is {address}",
            "bezorgen op {address} graag",
            "ik woon in {city}",
            "we zijn verhuisd naar {city}",
            "nieuw adres: {address}",
        ],
        "DATE_TIME": [
            "geboren op {dob}",
            "geboortedatum: {dob}",
            "mijn geboortedatum is {dob}",
            "besteld op {date}",
            "mijn bestelling van {date} is niet aangekomen",
        ],
        "AGE": ["ik ben {age} jaar", "mijn zoon is {age} jaar oud", "{age} jaar", "ben {age}"],
    },
    "en": {
        "PERSON": [
            "I'm {name}",
            "my name is {name}",
            "this is {name}",
            "it's {first} here",
            "the order is under {name}",
            "on behalf of Mrs {last}",
            "for Mr {last}",
            "my partner {first} called yesterday",
            "{name} here",
            "the account is in the name of {name}",
        ],
        "PHONE_NUMBER": [
            "my number is {phone}",
            "call me on {phone}",
            "tel: {phone}",
            "{phone}",
            "you can reach me on {phone}",
            "could you ring me back on {phone}?",
        ],
        "EMAIL_ADDRESS": [
            "my email is {email}",
            "email me at {email}",
            "{email}",
            "account email {email}",
            "send the invoice to {email}",
        ],
        "IBAN_CODE": [
            "my IBAN is {iban}",
            "refund to {iban} please",
            "IBAN: {iban}",
            "{iban}",
        ],
        "CREDIT_CARD": [
            "my card number is {card}",
            "I paid with card {card}",
            "card {card} was charged twice",
        ],
        "LOCATION": [
            "I live at {address}",
            "my address is {address}",
            "deliver to {address} please",
            "I'm in {city}",
            "we just moved to {city}",
            "new address: {address}",
        ],
        "DATE_TIME": [
            "born on {dob}",
            "date of birth: {dob}",
            "my DOB is {dob}",
            "I ordered on {date}",
            "my order from {date} never arrived",
        ],
        "AGE": ["I'm {age} years old", "my son is {age}", "I am {age}", "aged {age}"],
    },
}
NATIONAL_ID_TEMPLATES = {
    ("fr", "FR"): [
        "mon numéro de sécu est {natid}",
        "n° sécurité sociale {natid}",
        "voici mon numéro {natid}",
        "numéro de sécurité sociale : {natid}",
        "{natid}",
    ],
    ("fr", "BE"): ["numéro national : {natid}", "mon numéro de registre national est le {natid}", "NISS {natid}"],
    ("nl", "NL"): ["mijn bsn is {natid}", "burgerservicenummer: {natid}", "BSN {natid}", "{natid}"],
    ("nl", "BE"): [
        "mijn rijksregisternummer is {natid}",
        "rijksregisternr {natid}",
        "INSZ-nummer {natid}",
    ],
    ("en", "GB"): ["my NI number is {natid}", "national insurance number {natid}", "NINO: {natid}", "{natid}"],
}
PII_WEIGHTS = {
    "PERSON": 6,
    "PHONE_NUMBER": 4,
    "EMAIL_ADDRESS": 4,
    "IBAN_CODE": 2,
    "CREDIT_CARD": 2,
    "NATIONAL_ID": 2,
    "LOCATION": 3,
    "DATE_TIME": 2,
    "AGE": 1,
}

AGENT = {
    "fr": [
        "Bonjour {first}, je suis {agent} du service client, je regarde ça",
        "Merci {first}, je vérifie votre commande {order}",
        "Bonjour, {agent} à votre écoute. Pouvez-vous me donner votre numéro de commande ?",
        "Je vous remercie pour votre patience, le remboursement de {amount} est en cours",
        "Très bien Mme {last}, c'est noté",
        "Bonne journée {first} !",
    ],
    "nl": [
        "Hoi {first}, je spreekt met {agent} van de klantenservice",
        "Dank je {first}, ik kijk even naar bestelling {order}",
        "Goedemiddag, u spreekt met {agent}. Wat is uw ordernummer?",
        "Bedankt voor uw geduld, de terugbetaling van {amount} is onderweg",
        "Helder meneer {last}, ik heb het genoteerd",
        "Fijne dag nog {first}!",
    ],
    "en": [
        "Hi {first}, I'm {agent} from customer support, let me check",
        "Thanks {first}, I'm looking at order {order} now",
        "Hello, {agent} here. Could you give me your order number?",
        "Thanks for your patience, the {amount} refund is on its way",
        "Noted, Mr {last}, thank you",
        "Have a great day {first}!",
    ],
}
BOT = {
    "fr": [
        "Bienvenue ! Un conseiller va vous répondre dans quelques instants.",
        "Merci de patienter, tous nos conseillers sont occupés.",
    ],
    "nl": ["Welkom! Een medewerker helpt je zo.", "Even geduld, al onze medewerkers zijn in gesprek."],
    "en": ["Welcome! An agent will be with you shortly.", "Please hold, all our agents are busy."],
}

PRODUCTS = {
    "fr": [
        "l'aspirateur",
        "le lave-linge Bosch",
        "l'iPhone 13",
        "la cafetière",
        "le Samsung Galaxy S21",
        "la friteuse Philips",
        "le casque",
        "la trottinette",
    ],
    "nl": [
        "de stofzuiger",
        "de wasmachine van Bosch",
        "de iPhone 13",
        "het koffiezetapparaat",
        "de Samsung Galaxy S21",
        "de airfryer van Philips",
        "de koptelefoon",
        "de step",
    ],
    "en": [
        "the hoover",
        "the Bosch washing machine",
        "the iPhone 13",
        "the coffee machine",
        "the Samsung Galaxy S21",
        "the Philips air fryer",
        "the headphones",
        "the scooter",
    ],
}
CARRIERS = {
    "FR": ["Colissimo", "Chronopost", "DPD", "Mondial Relay", "UPS"],
    "NL": ["PostNL", "DHL", "DPD", "GLS"],
    "BE": ["bpost", "DHL", "PostNL", "GLS"],
    "GB": ["Royal Mail", "Evri", "DPD", "Yodel", "DHL"],
}
TYPO_REPLACEMENTS = {
    "j'ai": "jai",
    "c'est": "cest",
    "n'est": "nest",
    "I'm": "im",
    "don't": "dont",
    "can't": "cant",
    "heeft": "heef",
    "bedankt": "bedank",
    "please": "pls",
    "s'il vous plaît": "svp",
    "alsjeblieft": "aub",
    "thanks": "thx",
}


# -- the builder ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Planted:
    """One labelled value planted in a message text."""

    value: str
    label: str
    start: int
    end: int


@dataclass
class ChatMessage:
    """A generated text with its labelled spans."""

    lang: str
    country: str
    text: str
    spans: list[Planted] = field(default_factory=list)

    def record(self, record_id: str) -> dict[str, Any]:
        """The shared evaluation sets' JSONL form."""
        return {
            "id": record_id,
            "lang": self.lang,
            "text": self.text,
            "spans": [{"start": s.start, "end": s.end, "label": s.label} for s in self.spans],
            "source": SOURCE,
            "annotated_labels": list(ANNOTATED_LABELS),
        }


def assemble(pieces: Sequence[Piece], lang: str, country: str) -> ChatMessage:
    """Join pieces into a text; labelled pieces become spans at their offsets."""
    parts: list[str] = []
    spans: list[Planted] = []
    cursor = 0
    for text, label in pieces:
        if label is not None and text:
            spans.append(Planted(text, label, cursor, cursor + len(text)))
        parts.append(text)
        cursor += len(text)
    return ChatMessage(lang, country, "".join(parts), spans)


_SLOT = re.compile(r"(\{\w+(?::\w+)?\})")


def _strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text)
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if not unicodedata.combining(c)))


class ChatGenerator:
    """Seeded source of chat messages; one instance gives one deterministic stream."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.fakers: dict[str, Any] = {}
        for index, (country, locale) in enumerate(sorted(FAKER_LOCALE.items())):
            faker = Faker(locale)
            faker.seed_instance(seed * 31 + index)
            self.fakers[country] = faker

    # -- choices --------------------------------------------------------------------------------

    def country_for(self, lang: str) -> str:
        if lang == "fr":
            return "FR" if self.rng.random() < 0.8 else "BE"
        if lang == "nl":
            return "NL" if self.rng.random() < 0.65 else "BE"
        return "GB"

    def _name_locale(self, lang: str, country: str) -> str:
        if country == "BE" and lang == "fr":
            return "FR"  # French-speaking Belgians: French first and last names
        return country

    # -- person names ---------------------------------------------------------------------------

    def first_name(self, country: str) -> str:
        """A first name of the country's Faker locale."""
        return str(self.fakers[country].first_name())

    def last_name(self, country: str) -> str:
        """A last name; Dutch ones sometimes with a lower-case particle."""
        name = str(self.fakers[country].last_name())
        if country == "NL" and self.rng.random() < 0.2 and " " not in name:
            name = f"{self.rng.choice(['van', 'de', 'van der', 'van den', 'de la'])} {name}"
        return name

    # -- identifiers ------------------------------------------------------------------------------

    def _digits(self, n: int) -> str:
        return "".join(str(self.rng.randrange(10)) for _ in range(n))

    def _valid_nsn(self, country: str, builder: Callable[[], str]) -> str:
        region = {"FR": "FR", "NL": "NL", "BE": "BE", "GB": "GB"}[country]
        for _ in range(200):
            nsn = builder()
            number = phonenumbers.parse("+" + str(phonenumbers.country_code_for_region(region)) + nsn)
            if phonenumbers.is_valid_number(number):
                return nsn
        raise RuntimeError(f"could not generate a valid {country} phone number")

    def phone(self, country: str) -> str:
        """A valid phone number of the country, typed in one of its usual forms."""
        rng = self.rng
        seps = [" ", ".", "-", ""]
        if country == "FR":
            nsn = self._valid_nsn(
                "FR",
                lambda: (
                    rng.choice("67") + self._digits(8) if rng.random() < 0.75 else rng.choice("12345") + self._digits(8)
                ),
            )
            pairs = [nsn[1:3], nsn[3:5], nsn[5:7], nsn[7:9]]
            sep = rng.choice(seps)
            form = rng.random()
            if form < 0.6:
                return sep.join(["0" + nsn[0], *pairs])
            if form < 0.75:
                return "+33 " + nsn[0] + " " + " ".join(pairs)
            if form < 0.85:
                return "+33" + nsn
            if form < 0.93:
                return "0033 " + nsn[0] + " " + " ".join(pairs)
            return "+33 (0)" + nsn[0] + " " + " ".join(pairs)
        if country == "NL":
            mobile = rng.random() < 0.7
            area = "6" if mobile else rng.choice(["20", "10", "70", "30", "40", "50", "43", "24"])
            nsn = self._valid_nsn("NL", lambda: area + self._digits(9 - len(area)))
            rest = nsn[len(area) :]
            form = rng.random()
            if mobile:
                if form < 0.3:
                    return "06-" + rest
                if form < 0.5:
                    return "06 " + rest
                if form < 0.65:
                    return "06" + rest
                if form < 0.75:
                    return f"06 {rest[:2]} {rest[2:4]} {rest[4:6]} {rest[6:]}"
                if form < 0.85:
                    return "+31 6 " + rest
                if form < 0.92:
                    return "+316" + rest
                return "0031 6 " + rest
            if form < 0.4:
                return f"0{area}-{rest}"
            if form < 0.7:
                return f"0{area} {rest[:3]} {rest[3:]}"
            if form < 0.85:
                return f"+31 {area} {rest[:3]} {rest[3:]}"
            return f"+31 (0){area} {rest}"
        if country == "BE":
            mobile = rng.random() < 0.7
            if mobile:
                nsn = self._valid_nsn("BE", lambda: "4" + rng.choice("6789") + self._digits(7))
                head, tail = nsn[:3], [nsn[3:5], nsn[5:7], nsn[7:9]]
                form = rng.random()
                if form < 0.35:
                    return f"0{head} " + " ".join(tail)
                if form < 0.5:
                    return f"0{head}/" + ".".join(tail)
                if form < 0.6:
                    return f"0{head}" + "".join(tail)
                if form < 0.7:
                    return f"0{head}." + ".".join(tail)
                if form < 0.85:
                    return f"+32 {head} " + " ".join(tail)
                if form < 0.93:
                    return "+32" + nsn
                return f"0032 {head} " + " ".join(tail)
            area = rng.choice(["2", "3", "9"])
            nsn = self._valid_nsn("BE", lambda: area + self._digits(7))
            rest = nsn[1:]
            form = rng.random()
            if form < 0.5:
                return f"0{area} {rest[:3]} {rest[3:5]} {rest[5:]}"
            if form < 0.75:
                return f"0{area}/{rest[:3]}.{rest[3:5]}.{rest[5:]}"
            return f"+32 {area} {rest[:3]} {rest[3:5]} {rest[5:]}"
        # GB
        mobile = rng.random() < 0.7
        if mobile:
            nsn = self._valid_nsn("GB", lambda: "7" + rng.choice("1345789") + self._digits(8))
            form = rng.random()
            if form < 0.4:
                return f"0{nsn[:4]} {nsn[4:]}"
            if form < 0.55:
                return "0" + nsn
            if form < 0.65:
                return f"0{nsn[:4]} {nsn[4:7]} {nsn[7:]}"
            if form < 0.8:
                return f"+44 {nsn[:4]} {nsn[4:]}"
            if form < 0.9:
                return "+44" + nsn
            return f"+44 (0){nsn[:4]} {nsn[4:]}"
        if rng.random() < 0.5:
            nsn = self._valid_nsn("GB", lambda: "20" + rng.choice("378") + self._digits(7))
            form = rng.random()
            if form < 0.5:
                return f"020 {nsn[2:6]} {nsn[6:]}"
            if form < 0.75:
                return f"(020) {nsn[2:6]} {nsn[6:]}"
            return f"+44 20 {nsn[2:6]} {nsn[6:]}"
        nsn = self._valid_nsn("GB", lambda: rng.choice(["161", "113", "117", "121", "131", "141"]) + self._digits(7))
        return f"0{nsn[:3]} {nsn[3:6]} {nsn[6:]}" if rng.random() < 0.7 else f"+44 {nsn[:3]} {nsn[3:6]} {nsn[6:]}"

    def email(self, country: str, first: str | None = None, last: str | None = None) -> str:
        """An e-mail address, often built from a name."""
        rng = self.rng
        first = first or self.first_name(country)
        last = last or self.last_name(country)

        def clean(s: str) -> str:
            return re.sub(r"[^a-z0-9]", "", _strip_accents(s).lower())

        domain = rng.choice(EMAIL_DOMAINS[country])
        form = rng.random()
        if form < 0.35:
            local = f"{clean(first)}.{clean(last)}"
        elif form < 0.55:
            local = f"{clean(first)}{clean(last)}{rng.randrange(1, 99)}"
        elif form < 0.7:
            local = f"{clean(first)[:1]}{clean(last)}"
        elif form < 0.8:
            local = f"{clean(first)}_{rng.randrange(60, 100)}"
        else:
            local = str(self.fakers[country].user_name())
        address = f"{local}@{domain}"
        if rng.random() < 0.08:
            address = f"{first.split()[0]}.{clean(last).capitalize()}@{domain.capitalize()}"
            address = _strip_accents(address).replace(" ", "")
        return address

    def iban(self, country: str) -> str:
        """A valid IBAN of the country, in one of the usual spellings."""
        rng = self.rng
        if country == "FR":
            bank, branch = self._digits(5), self._digits(5)
            account = self._digits(11)
            bban = bank + branch + account + french_rib_key(bank, branch, account)
        elif country == "NL":
            bban = rng.choice(IBAN_BANKS["NL"]) + self._digits(10)
        elif country == "BE":
            first10 = self._digits(10)
            check = int(first10) % 97 or 97
            bban = f"{first10}{check:02d}"
        else:
            bban = rng.choice(IBAN_BANKS["GB"]) + self._digits(14)
        compact = country + iban_check_digits(country, bban) + bban
        grouped = " ".join(compact[i : i + 4] for i in range(0, len(compact), 4))
        form = rng.random()
        if form < 0.45:
            return grouped
        if form < 0.75:
            return compact
        if form < 0.88:
            return compact.lower()
        return grouped.lower()

    def card(self) -> str:
        """A Luhn-valid Visa, Mastercard or Amex number, grouped as people type it."""
        rng = self.rng
        kind = rng.random()
        if kind < 0.5:
            payload = "4" + self._digits(14)
        elif kind < 0.85:
            payload = str(rng.randint(51, 55)) + self._digits(13)
        else:
            payload = rng.choice(["34", "37"]) + self._digits(12)
        number = payload + luhn_check_digit(payload)
        sep = rng.choice([" ", " ", "-", ""])
        if len(number) == 15:
            return sep.join([number[:4], number[4:10], number[10:]])
        return sep.join(number[i : i + 4] for i in range(0, 16, 4))

    def birth_date(self) -> date:
        """A date of birth between 1940 and 2007."""
        return date(1940, 1, 1) + timedelta(days=self.rng.randrange(0, 365 * 68))

    def nir(self) -> str:
        """A French NIR with a correct key, compact or spaced."""
        rng = self.rng
        born = self.birth_date()
        roll = rng.random()
        if roll < 0.015:
            dept = "2A"
        elif roll < 0.03:
            dept = "2B"
        else:
            dept = f"{rng.choice([d for d in range(1, 96) if d != 20]):02d}"
        commune, order = rng.randint(1, 999), rng.randint(1, 999)
        first13 = f"{rng.choice('12')}{born.year % 100:02d}{born.month:02d}{dept}{commune:03d}{order:03d}"
        key = nir_key(first13)
        form = rng.random()
        if form < 0.45:
            return " ".join([first13[0], first13[1:3], first13[3:5], first13[5:7], first13[7:10], first13[10:13], key])
        if form < 0.8:
            return first13 + key
        return f"{first13} {key}"

    def bsn(self) -> str:
        """A Dutch BSN passing the elfproef, compact or grouped."""
        while True:
            first8 = str(self.rng.randint(1, 9)) + self._digits(7)
            digit = bsn_check_digit(first8)
            if digit is not None:
                break
        number = first8 + str(digit)
        form = self.rng.random()
        if form < 0.55:
            return number
        if form < 0.8:
            return f"{number[:4]}.{number[4:6]}.{number[6:]}"
        return f"{number[:3]} {number[3:6]} {number[6:]}"

    def be_national_number(self) -> str:
        """A Belgian national number (rijksregisternummer) with correct check digits."""
        rng = self.rng
        born = self.birth_date() if rng.random() < 0.7 else date(2000, 1, 1) + timedelta(days=rng.randrange(0, 365 * 8))
        first9 = f"{born.year % 100:02d}{born.month:02d}{born.day:02d}{rng.randint(1, 997):03d}"
        check = be_national_number_check(first9, born.year >= 2000)
        yy, mm, dd, seq = first9[:2], first9[2:4], first9[4:6], first9[6:]
        form = rng.random()
        if form < 0.45:
            return f"{yy}.{mm}.{dd}-{seq}.{check}"
        if form < 0.75:
            return first9 + check
        if form < 0.88:
            return f"{yy}{mm}{dd} {seq} {check}"
        return f"{yy}{mm}{dd}-{seq}-{check}"

    def nino(self) -> str:
        """A UK National Insurance number with a valid prefix."""
        rng = self.rng
        while True:
            prefix = rng.choice("ABCEGHJKLMNOPRSTWXYZ") + rng.choice("ABCEGHJKLMNPRSTWXYZ")
            if prefix not in {"BG", "GB", "KN", "NK", "NT", "TN", "ZZ"}:
                break
        digits = self._digits(6)
        suffix = rng.choice("ABCD")
        form = rng.random()
        if form < 0.45:
            value = f"{prefix} {digits[:2]} {digits[2:4]} {digits[4:]} {suffix}"
        elif form < 0.85:
            value = f"{prefix}{digits}{suffix}"
        else:
            value = f"{prefix} {digits} {suffix}"
        return value.lower() if rng.random() < 0.15 else value

    def national_id(self, country: str) -> str:
        """The national identifier people of this country type."""
        if country == "FR":
            return self.nir()
        if country == "NL":
            return self.bsn()
        if country == "BE":
            return self.be_national_number()
        return self.nino()

    # -- places, dates, ages ---------------------------------------------------------------------

    def city(self, country: str) -> str:
        """A real, common city of the country."""
        return self.rng.choice(CITY_LISTS[country])

    def address(self, lang: str, country: str) -> str:
        """A postal address as typed in chat (street, number, often postcode and city)."""
        rng = self.rng
        faker = self.fakers["FR" if (country == "BE" and lang == "fr") else country]
        street = str(faker.street_name())
        number = str(rng.randint(1, 180)) + (rng.choice(["", "", "", "bis", "A", "b"]) if country != "GB" else "")
        city = self.city(country)
        with_city = rng.random() < 0.75
        if country == "FR":
            postcode = f"{rng.randint(1, 95):02d}{rng.randint(0, 999):03d}"
            base = f"{number} {street}" if rng.random() < 0.7 else f"{number}, {street}"
            value = f"{base}, {postcode} {city}" if with_city else base
        elif country == "NL":
            letters = rng.choice("ABCDEGHJKLMNPRSTVWXZ") + rng.choice("ABCDEGHJKLMNPRSTVWXZ")
            postcode = f"{rng.randint(1000, 9999)}{rng.choice([' ', ''])}{letters}"
            value = f"{street} {number}, {postcode} {city}" if with_city else f"{street} {number}"
        elif country == "BE":
            postcode = str(rng.randint(1000, 9999))
            base = f"{number} {street}" if lang == "fr" else f"{street} {number}"
            value = f"{base}, {postcode} {city}" if with_city else base
        else:
            postcode = str(faker.postcode())
            base = f"{number} {street}"
            value = f"{base}, {city} {postcode}" if with_city else base
        return value.lower() if rng.random() < 0.2 else value

    def format_date(self, day: date, lang: str) -> str:
        """A date written the way people of this language write it."""
        rng = self.rng
        form = rng.random()
        month = MONTHS[lang][day.month - 1]
        if lang == "fr":
            if form < 0.45:
                return f"{day.day:02d}/{day.month:02d}/{day.year}"
            if form < 0.6:
                return f"{day.day:02d}/{day.month:02d}/{day.year % 100:02d}"
            if form < 0.7:
                return f"{day.day:02d}.{day.month:02d}.{day.year}"
            return f"{'1er' if day.day == 1 else day.day} {month} {day.year}"
        if lang == "nl":
            if form < 0.4:
                return f"{day.day:02d}-{day.month:02d}-{day.year}"
            if form < 0.55:
                return f"{day.day}-{day.month}-{day.year}"
            if form < 0.7:
                return f"{day.day:02d}/{day.month:02d}/{day.year}"
            return f"{day.day} {month} {day.year}"
        if form < 0.45:
            return f"{day.day:02d}/{day.month:02d}/{day.year}"
        if form < 0.7:
            return f"{day.day} {month} {day.year}"
        suffix = {1: "st", 2: "nd", 3: "rd", 21: "st", 22: "nd", 23: "rd", 31: "st"}.get(day.day, "th")
        return f"{month} {day.day}{suffix} {day.year}"

    def order_date(self) -> date:
        """A recent date (2024-2025)."""
        return date(2024, 1, 1) + timedelta(days=self.rng.randrange(0, 700))

    # -- fillers ----------------------------------------------------------------------------------

    def order_number(self) -> str:
        """An order or tracking reference (not personal data)."""
        rng = self.rng
        form = rng.random()
        if form < 0.3:
            return f"#{rng.randint(100000, 9999999)}"
        if form < 0.5:
            return f"{rng.choice(['CMD', 'ORD', 'BST', 'WEB'])}-{rng.randint(100000, 999999)}"
        if form < 0.7:
            return f"{rng.randint(10, 99)}{rng.choice('ABCDEFGHJKLMN')}{rng.randint(1000000, 9999999)}"
        if form < 0.85:
            return str(rng.randint(10_000_000, 99_999_999))
        return f"{rng.randint(1000, 9999)}-{rng.randint(1000, 9999)}"

    def amount(self, lang: str, country: str) -> str:
        """A price."""
        value = self.rng.randint(5, 900) + self.rng.choice([0, 0.5, 0.99, 0.95])
        if country == "GB":
            return f"£{value:.2f}"
        text = f"{value:.2f}".replace(".", ",")
        return self.rng.choice([f"{text} €", f"{text}€", f"€ {text}", f"{text} euros" if lang == "fr" else f"€{text}"])

    # -- messages ---------------------------------------------------------------------------------

    def _slot(self, slot: str, lang: str, country: str, person: dict[str, str]) -> Piece:
        if slot.startswith("weekday:"):
            return slot.split(":", 1)[1], "DATE_TIME"  # before any draw: the corpus stays as it was
        rng = self.rng
        name_country = self._name_locale(lang, country)
        if slot == "name":
            return person["name"], "PERSON"
        if slot == "first":
            return person["first"], "PERSON"
        if slot == "last":
            return person["last"], "PERSON"
        if slot == "agent":
            return self.first_name(name_country), "PERSON"
        if slot == "phone":
            foreign = rng.random() < 0.08
            return self.phone(rng.choice(["FR", "NL", "BE", "GB"]) if foreign else country), "PHONE_NUMBER"
        if slot == "email":
            use_name = rng.random() < 0.6
            return self.email(
                country, person["first_plain"] if use_name else None, person["last_plain"] if use_name else None
            ), "EMAIL_ADDRESS"
        if slot == "iban":
            return self.iban(country), "IBAN_CODE"
        if slot == "card":
            return self.card(), "CREDIT_CARD"
        if slot == "natid":
            return self.national_id(country), "NATIONAL_ID"
        if slot == "address":
            return self.address(lang, country), "LOCATION"
        if slot == "city":
            return self.city(country), "LOCATION"
        if slot == "dob":
            return self.format_date(self.birth_date(), lang), "DATE_TIME"
        if slot == "date":
            return self.format_date(self.order_date(), lang), "DATE_TIME"
        if slot == "age":
            return str(rng.randint(18, 92)), "AGE"
        if slot == "order":
            return self.order_number(), None
        if slot == "product":
            return rng.choice(PRODUCTS[lang]), None
        if slot == "amount":
            return self.amount(lang, country), None
        if slot == "carrier":
            return rng.choice(CARRIERS[country]), None
        if slot == "days":
            return str(rng.randint(2, 15)), None
        raise KeyError(slot)

    def _fill(self, template: str, lang: str, country: str, person: dict[str, str]) -> list[Piece]:
        pieces: list[Piece] = []
        for part in _SLOT.split(template):
            if not part:
                continue
            if _SLOT.fullmatch(part):
                pieces.append(self._slot(part[1:-1], lang, country, person))
            else:
                pieces.append((part, None))
        return pieces

    def person(self, lang: str, country: str) -> dict[str, str]:
        name_country = self._name_locale(lang, country)
        first, last = self.first_name(name_country), self.last_name(name_country)
        style = self.rng.random()
        if style < 0.5:
            name = f"{first} {last}"
        elif style < 0.65:
            name = f"{first} {last}".lower()
        elif style < 0.75:
            name = f"{first} {last.upper()}"
        elif style < 0.82:
            name = f"{last.upper()} {first}"
        else:
            name = first if self.rng.random() < 0.5 else first.lower()
        lower = self.rng.random() < 0.15
        return {
            "name": name,
            "first": first.lower() if lower else first,
            "last": last,
            "first_plain": first,
            "last_plain": last,
        }

    def _typos(self, text: str) -> str:
        """Chat-style damage to an unlabelled piece: a dropped accent, a swapped letter, contractions."""
        rng = self.rng
        for correct, typo in TYPO_REPLACEMENTS.items():
            if correct in text and rng.random() < 0.5:
                text = text.replace(correct, typo)
        if rng.random() < 0.3:
            text = _strip_accents(text)
        words = text.split(" ")
        candidates = [i for i, w in enumerate(words) if len(w) >= 5 and w.isalpha()]
        if candidates and rng.random() < 0.6:
            i = rng.choice(candidates)
            w = words[i]
            j = rng.randrange(1, len(w) - 2)
            op = rng.random()
            if op < 0.4:
                w = w[:j] + w[j + 1] + w[j] + w[j + 2 :]
            elif op < 0.7:
                w = w[:j] + w[j + 1 :]
            else:
                w = w[:j] + w[j] + w[j:]
            words[i] = w
        return " ".join(words)

    def _finish(self, pieces: list[Piece], sentence_end: bool) -> list[Piece]:
        """Joins, case and typos over the whole message (labelled pieces keep their text except case)."""
        rng = self.rng
        for index in range(1, len(pieces)):  # no "?." or "!," where two clauses meet
            text, label = pieces[index]
            if label is None and text.startswith((". ", ", ")) and pieces[index - 1][0].endswith(("?", "!", ".")):
                pieces[index] = (text[1:], None)
        last_open = pieces and pieces[-1][1] is None and not pieces[-1][0].rstrip().endswith(("?", "!", "."))
        if sentence_end and last_open and rng.random() < 0.5:
            pieces[-1] = (pieces[-1][0] + rng.choice([".", ".", "!", " 🙂", " :)", "..."]), None)
        if rng.random() < 0.3:
            pieces = [(self._typos(t), None) if label is None else (t, label) for t, label in pieces]
        if rng.random() < 0.25:
            pieces = [(t.lower(), label) for t, label in pieces]
        elif pieces and pieces[0][1] is None and pieces[0][0][:1].islower() and rng.random() < 0.5:
            pieces[0] = (pieces[0][0][:1].upper() + pieces[0][0][1:], None)
        return pieces

    def customer_message(
        self, lang: str, country: str | None = None, person: dict[str, str] | None = None
    ) -> ChatMessage:
        """One customer message: greeting?, body (with or without personal data), sign-off?"""
        rng = self.rng
        country = country or self.country_for(lang)
        person = person or self.person(lang, country)
        pieces: list[Piece] = []
        if rng.random() < 0.45:
            pieces.append((rng.choice(GREETINGS[lang]) + rng.choice([" ", ", ", "! ", "\n"]), None))
        if rng.random() < NO_PII_SHARE:
            pieces.extend(self._fill(rng.choice(NO_PII[lang]), lang, country, person))
            if rng.random() < 0.3:
                pieces.append((rng.choice([". ", " ", "\n"]), None))
                pieces.extend(self._fill(rng.choice(NO_PII[lang]), lang, country, person))
            if rng.random() < 0.3:
                pieces.append((rng.choice(["\n", ". ", " "]) + rng.choice(SIGN_OFFS[lang]), None))
            return assemble(self._finish(pieces, sentence_end=True), lang, country)
        labels = list(PII_WEIGHTS)
        weights = [PII_WEIGHTS[k] for k in labels]
        count = rng.choices([1, 2, 3], weights=[6, 3, 1])[0]
        chosen = rng.choices(labels, weights=weights, k=count)
        if rng.random() < 0.3:
            pieces.extend(self._fill(rng.choice(NO_PII[lang]), lang, country, person))
            pieces.append((rng.choice([". ", ", ", "\n", " - "]), None))
        for index, label in enumerate(chosen):
            if index:
                pieces.append(
                    (
                        rng.choice(
                            [", ", ". ", " et " if lang == "fr" else " en " if lang == "nl" else " and ", "\n", " "]
                        ),
                        None,
                    )
                )
            if label == "NATIONAL_ID":
                template = rng.choice(NATIONAL_ID_TEMPLATES[(lang, country)])
            else:
                template = rng.choice(PII[lang][label])
            pieces.extend(self._fill(template, lang, country, person))
        if rng.random() < 0.35:
            separator = rng.choice(["\n", ". ", " "])
            if rng.random() < 0.5:
                sign = rng.choice(NAMED_SIGN_OFFS[lang])
                pieces.append((separator, None))
                pieces.extend(self._fill(sign, lang, country, person))
            else:
                pieces.append((separator + rng.choice(SIGN_OFFS[lang]), None))
        return assemble(self._finish(pieces, sentence_end=True), lang, country)

    def agent_message(
        self, lang: str, country: str | None = None, customer: dict[str, str] | None = None
    ) -> ChatMessage:
        """An agent's reply, often naming the agent and the customer."""
        country = country or self.country_for(lang)
        person = customer or self.person(lang, country)
        pieces = self._fill(self.rng.choice(AGENT[lang]), lang, country, person)
        return assemble(pieces, lang, country)

    def bot_message(self, lang: str) -> ChatMessage:
        """A canned bot line (no personal data)."""
        return assemble([(self.rng.choice(BOT[lang]), None)], lang, self.country_for(lang))

    def message(self, lang: str) -> ChatMessage:
        """A message for the evaluation corpus: mostly customers, some agents."""
        if self.rng.random() < AGENT_SHARE:
            return self.agent_message(lang)
        return self.customer_message(lang)


# -- public API -------------------------------------------------------------------------------------


def generate_messages(n: int, seed: int, languages: Sequence[str] = LANGUAGES) -> Iterator[ChatMessage]:
    """``n`` messages, languages in rotation, deterministic for a seed."""
    generator = ChatGenerator(seed)
    for index in range(n):
        yield generator.message(languages[index % len(languages)])


def generate_records(n: int, seed: int, languages: Sequence[str] = LANGUAGES) -> list[dict[str, Any]]:
    """``n`` evaluation records in the shared sets' format."""
    return [
        message.record(f"chat-{seed}-{index:06d}")
        for index, message in enumerate(generate_messages(n, seed, languages))
    ]


CONSENT_VARIANTS: tuple[dict[str, bool] | None, ...] = (
    None,
    {"analytics": True, "training": True},
    {"analytics": True, "training": False},
    {"analytics": False},
    {"training": True, "special_categories": True},
    {},
    {"analytics": True, "training": True, "special_categories": False},
)
CHANNELS = ("web", "app", "whatsapp", "messenger", "email")


@dataclass
class WireMessage:
    """A wire-contract message and what was planted in it.

    ``planted`` lists the labelled values in ``message["text"]`` (offsets into it); ``planted_fields``
    the personal data put in structured fields (``sender.name``, ``sender.email``, ``sender.phone``).
    Some labels are kept or generalised by the default policy (``DATE_TIME``, ``AGE``, ``LOCATION``
    for analytics): filter on ``label`` before asserting that a value never reaches a sink.
    """

    message: dict[str, Any]
    planted: list[Planted]
    planted_fields: dict[str, str] = field(default_factory=dict)

    @property
    def values(self) -> list[str]:
        """Every planted value, text and fields."""
        return [p.value for p in self.planted] + list(self.planted_fields.values())


def generate_wire_messages(
    n: int, seed: int, languages: Sequence[str] = LANGUAGES, start: datetime | None = None
) -> list[WireMessage]:
    """``n`` input-contract messages grouped in conversations (customer, agent and bot turns)."""
    generator = ChatGenerator(seed)
    rng = random.Random(seed ^ 0x5EED)
    clock = start or datetime(2025, 3, 1, 8, 0, tzinfo=UTC)
    out: list[WireMessage] = []
    conversation = 0
    while len(out) < n:
        conversation += 1
        lang = languages[conversation % len(languages)]
        conversation_id = f"conv-{seed}-{conversation:06d}"
        customer_id = f"cust-{rng.randrange(10**8):08d}"
        agent_id = f"agent-{rng.randrange(1000):03d}"
        consent = rng.choice(CONSENT_VARIANTS)
        channel = rng.choice(CHANNELS)
        product = rng.choice(["shop", "telecom", "bank"])
        country = generator.country_for(lang)
        person = generator.person(lang, country)
        turns = rng.randint(2, 7)
        for turn in range(turns):
            if len(out) >= n:
                break
            clock += timedelta(seconds=rng.randint(5, 600))
            if turn == 0 and rng.random() < 0.3:
                role, sender_id, chat = "bot", "bot", generator.bot_message(lang)
            elif turn % 2 == 1:
                role, sender_id, chat = "agent", agent_id, generator.agent_message(lang, country, person)
            else:
                role, sender_id, chat = "customer", customer_id, generator.customer_message(lang, country, person)
            sender: dict[str, Any] = {"role": role, "id": sender_id}
            fields: dict[str, str] = {}
            if role == "customer" and rng.random() < 0.3:
                fields["sender.name"] = f"{person['first_plain']} {person['last_plain']}"
                sender["name"] = fields["sender.name"]
                if rng.random() < 0.5:
                    fields["sender.email"] = generator.email(country, person["first_plain"], person["last_plain"])
                    sender["email"] = fields["sender.email"]
                if rng.random() < 0.3:
                    fields["sender.phone"] = generator.phone(country)
                    sender["phone"] = fields["sender.phone"]
            message: dict[str, Any] = {
                "schema_version": 1,
                "message_id": f"msg-{seed}-{len(out):07d}",
                "conversation_id": conversation_id,
                "timestamp": clock.isoformat().replace("+00:00", "Z"),
                "sender": sender,
                "text": chat.text,
            }
            if rng.random() < 0.7:
                message["lang"] = lang
            if consent is not None:
                message["consent"] = dict(consent)
            if rng.random() < 0.6:
                message["metadata"] = {"channel": channel, "product": product}
                if rng.random() < 0.3:
                    message["metadata"]["agent_team"] = f"team-{rng.randint(1, 9)}"
            out.append(WireMessage(message, list(chat.spans), fields))
    return out
