"""Test data for the worker's end-to-end test: raw chat messages (FR/NL/EN) with planted personal data.

``build_inputs()`` returns every record the test produces to the input topic, each with what piiflow
must do with it: the sinks a valid message may reach (from its consent flags), or the dead-letter
reason of a malformed one. ``PLANTED`` lists the personal values placed in the inputs, grouped by how
sure the test can be that they never come out:

* ``structured``: e-mails, phone numbers, IBANs and card numbers in the text; recognizers with
  checksums or strict formats must catch them, so they must never reach a sink.
* ``sender_ids``, ``sender_emails`` and ``conversation_ids``: contract fields that piiflow
  pseudonymises or drops by construction, whatever the detectors find.
* ``names``: people's names in the text. Name detection is still being improved, so the test only
  enforces them in the sinks when ``CHECK_NAMES_IN_SINKS`` is on (they are always enforced in the
  dead letters, the audit trail and the logs, which never carry text in clear).

Values are checked case-insensitively, together with the compact variants listed in ``variants``
(separators removed), since a leak would not be excused by a reformatting.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import orjson

TIMESTAMP = "2026-11-20T10:{minute:02d}:00Z"

# --- planted values ------------------------------------------------------------------------------

EMAIL_MARIE = "marie.dupont@example.fr"
EMAIL_LUCIEN = "lucien.ferrandou@exemple-poste.fr"
EMAIL_JAN = "jan.devries@voorbeeld-mail.nl"
EMAIL_SANNE = "s.bakker@voorbeeld-mail.nl"
EMAIL_OLIVER = "oliver.bennett@example.co.uk"
EMAIL_AMELIA = "amelia.hughes@example.org"

PHONE_FR = "06 12 34 56 78"
PHONE_NL = "06-12345678"
PHONE_UK = "07700 900123"

IBAN_FR = "FR76 3000 6000 0112 3456 7890 189"
IBAN_NL = "NL91 ABNA 0417 1643 00"
IBAN_GB = "GB29 NWBK 6016 1331 9268 19"
IBAN_BE = "BE68 5390 0754 7034"

CARD = "4111 1111 1111 1111"

# Sender e-mails that only ever appear in the ``sender.email`` field, never in a text.
SENDER_EMAIL_ONLY = ["l.ferrandou.perso@courriel-test.fr", "o.bennett.home@example.net"]

SENDER_IDS = [
    "cust-48151",
    "CUST-48151",  # the same customer as another upstream system spells it
    "cust-90210-fr",
    "agent-fr-0042",
    "klant-31337",
    "KLANT_77120",
    "agent-nl-0007",
    "cust-uk-66061",
    "Cust.UK.40404",
    "agent-uk-0913",
    "bot-helper-01",
]

CONVERSATION_IDS = {
    "fr1": "conv-fr-7Q2X",
    "fr2": "conv-fr-9K4W",
    "fr3": "conv-fr-3M8P",
    "nl1": "gesprek-nl-5T1R",
    "nl2": "gesprek-nl-8J6V",
    "en1": "conv-en-2H7D",
    "en2": "conv-en-6B3N",
}

NAMES = ["Marie Dupont", "Lucien Ferrandou", "Jan de Vries", "Sanne Bakker", "Oliver Bennett", "Amelia Hughes"]


def iban_is_valid(iban: str) -> bool:
    """ISO 13616 mod-97 check (the planted IBANs must pass it, or a recognizer may rightly skip them)."""
    compact = iban.replace(" ", "").upper()
    rearranged = compact[4:] + compact[:4]
    return int("".join(str(int(ch, 36)) for ch in rearranged)) % 97 == 1


def luhn_is_valid(number: str) -> bool:
    """Luhn check of a card number."""
    digits = [int(ch) for ch in number if ch.isdigit()]
    total = 0
    for index, digit in enumerate(reversed(digits)):
        doubled = digit * 2 if index % 2 else digit
        total += doubled - 9 if doubled > 9 else doubled
    return total % 10 == 0


assert all(iban_is_valid(i) for i in (IBAN_FR, IBAN_NL, IBAN_GB, IBAN_BE))
assert luhn_is_valid(CARD)


@dataclass(frozen=True)
class Planted:
    """The personal values planted in the inputs, by group (see the module docstring)."""

    structured: list[str]
    sender_ids: list[str]
    sender_emails: list[str]
    conversation_ids: list[str]
    names: list[str]

    def identifiers(self) -> list[str]:
        """Values piiflow removes by construction (contract fields), detectors or not."""
        return [*self.sender_ids, *self.sender_emails, *self.conversation_ids]

    def enforced_in_sinks(self, with_names: bool) -> list[str]:
        """What must never appear in a sink's copy."""
        return [*self.structured, *self.identifiers(), *(self.names if with_names else [])]

    def everything(self) -> list[str]:
        """What must never appear where no text is kept in clear (dead letters, audit, logs)."""
        return [*self.structured, *self.identifiers(), *self.names]


PLANTED = Planted(
    structured=[
        EMAIL_MARIE,
        EMAIL_LUCIEN,
        EMAIL_JAN,
        EMAIL_SANNE,
        EMAIL_OLIVER,
        EMAIL_AMELIA,
        PHONE_FR,
        PHONE_NL,
        PHONE_UK,
        IBAN_FR,
        IBAN_NL,
        IBAN_GB,
        IBAN_BE,
        CARD,
    ],
    sender_ids=SENDER_IDS,
    sender_emails=[EMAIL_MARIE, EMAIL_JAN, EMAIL_OLIVER, *SENDER_EMAIL_ONLY],
    conversation_ids=list(CONVERSATION_IDS.values()),
    names=NAMES,
)


def variants(value: str) -> set[str]:
    """The value and its compact forms (spaces, dashes and dots removed), lower-cased."""
    lowered = value.lower()
    out = {lowered, lowered.replace(" ", ""), lowered.replace(" ", "").replace("-", "")}
    if any(ch.isdigit() for ch in value) and "@" not in value:
        out.add("".join(ch for ch in lowered if ch.isalnum()))
    return {v for v in out if len(v) >= 6}


def leaks(data: bytes | str, values: Iterable[str]) -> list[str]:
    """The values (or one of their variants) found in ``data``, case-insensitively."""
    text = (data.decode("utf-8", "replace") if isinstance(data, bytes) else data).lower()
    return sorted({value for value in values if any(v in text for v in variants(value))})


# --- consent profiles ----------------------------------------------------------------------------

# name -> consent object (None: no consent block at all). Analytics is sent unless refused
# (legitimate interest, consent_default true); training only with an explicit training: true.
CONSENTS: dict[str, dict[str, bool] | None] = {
    "all": {"analytics": True, "training": True},
    "analytics_only": {"analytics": True, "training": False},
    "absent": None,
    "empty": {},
    "training_flag_only": {"training": True},
    "refuses_analytics": {"analytics": False, "training": True},
    "refuses_all": {"analytics": False, "training": False},
}


# --- inputs --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class InputCase:
    """One record for the input topic and what piiflow must make of it."""

    key: bytes | None
    value: bytes
    message_id: str | None
    dead_letter_reason: str | None = None
    analytics: bool = False
    training: bool = False
    # Substrings of the input that must not be readable in the dead-letter record.
    clear_fragments: list[str] = field(default_factory=list)

    @property
    def valid(self) -> bool:
        """Whether the message satisfies the wire contract."""
        return self.dead_letter_reason is None

    def readable_fragments(self) -> list[str]:
        """What a dead letter must not show: the listed fragments and, when the payload is JSON,
        every string in it (but the message id, which dead letters carry on purpose, and timestamps)."""
        found = list(self.clear_fragments)
        try:
            data = orjson.loads(self.value)
        except orjson.JSONDecodeError:
            return found

        def walk(node: Any, key: str | None) -> None:
            if isinstance(node, dict):
                for k, v in node.items():
                    walk(v, k)
            elif isinstance(node, list):
                for v in node:
                    walk(v, key)
            elif isinstance(node, str) and key not in {"message_id", "timestamp"} and len(node) >= 6:
                found.append(node)

        walk(data, None)
        return found


@dataclass(frozen=True)
class _Msg:
    lang: str
    conv: str
    role: str
    sender_id: str
    text: str
    consent: str
    give_lang: bool = True
    sender_extra: dict[str, str] = field(default_factory=dict)
    metadata: dict[str, Any] | None = None


# fmt: off
_VALID: list[_Msg] = [
    # --- French ---
    _Msg("fr", "fr1", "customer", "cust-48151",
         "Bonjour, je m'appelle Marie Dupont, ma commande n'est pas arrivée.", "all",
         sender_extra={"email": EMAIL_MARIE, "name": "Marie Dupont"},
         metadata={"channel": "web", "order_ref": "A-1001", "contact": EMAIL_MARIE}),
    _Msg("fr", "fr1", "agent", "agent-fr-0042",
         "Bonjour Madame, pouvez-vous me donner un numéro de téléphone ?", "all"),
    _Msg("fr", "fr1", "customer", "cust-48151",
         f"Oui, c'est le {PHONE_FR}, ou écrivez-moi à {EMAIL_MARIE}", "all", give_lang=False),
    _Msg("fr", "fr1", "customer", "CUST-48151",
         f"Pour le remboursement, mon IBAN est {IBAN_FR}.", "analytics_only",
         sender_extra={"phone": PHONE_FR}),
    _Msg("fr", "fr1", "agent", "agent-fr-0042",
         "Merci, le remboursement sera effectué sous cinq jours ouvrés.", "all"),
    _Msg("fr", "fr2", "customer", "cust-90210-fr",
         f"Je suis Lucien Ferrandou, j'ai payé avec la carte {CARD} mais rien reçu.", "absent",
         sender_extra={"email": SENDER_EMAIL_ONLY[0], "name": "Lucien Ferrandou"}),
    _Msg("fr", "fr2", "customer", "cust-90210-fr",
         f"Vous pouvez me joindre au {PHONE_FR} ou à {EMAIL_LUCIEN}.", "empty", give_lang=False),
    _Msg("fr", "fr2", "agent", "agent-fr-0042",
         "Je transmets votre dossier au service paiement, merci de votre patience.", "absent"),
    _Msg("fr", "fr3", "customer", "cust-90210-fr",
         f"Je refuse le suivi statistique. Mon compte est {IBAN_BE}, merci de le modifier.",
         "refuses_analytics"),
    _Msg("fr", "fr3", "customer", "cust-90210-fr",
         f"Ne gardez rien : écrivez à {EMAIL_LUCIEN} ou appelez le {PHONE_FR}.", "refuses_all"),
    _Msg("fr", "fr3", "bot", "bot-helper-01",
         "Merci ! Votre demande a bien été enregistrée.", "absent"),
    _Msg("fr", "fr3", "customer", "cust-90210-fr",
         f"Pour info je m'appelle Lucien Ferrandou, carte {CARD}.", "training_flag_only"),
    # --- Dutch ---
    _Msg("nl", "nl1", "customer", "klant-31337",
         "Hoi, mijn naam is Jan de Vries. Mijn pakket is nog niet aangekomen.", "all",
         sender_extra={"email": EMAIL_JAN, "phone": PHONE_NL, "name": "Jan de Vries"}),
    _Msg("nl", "nl1", "agent", "agent-nl-0007",
         "Goedemiddag, kunt u uw telefoonnummer en e-mailadres doorgeven?", "all"),
    _Msg("nl", "nl1", "customer", "klant-31337",
         f"Bel me gerust op {PHONE_NL} of mail naar {EMAIL_JAN}.", "all", give_lang=False),
    _Msg("nl", "nl1", "customer", "klant-31337",
         f"Het geld mag terug op rekening {IBAN_NL}, alvast bedankt.", "analytics_only"),
    _Msg("nl", "nl1", "agent", "agent-nl-0007",
         "Dank u wel, de terugbetaling wordt binnen vijf werkdagen verwerkt.", "absent"),
    _Msg("nl", "nl2", "customer", "KLANT_77120",
         f"Met Sanne Bakker. Ik heb betaald met creditcard {CARD} maar geen bevestiging.", "empty"),
    _Msg("nl", "nl2", "customer", "KLANT_77120",
         f"Mijn e-mailadres is {EMAIL_SANNE} en mijn nummer is {PHONE_NL}.", "refuses_analytics"),
    _Msg("nl", "nl2", "customer", "KLANT_77120",
         f"Verwijder alles over mij, ook rekening {IBAN_NL}.", "refuses_all"),
    _Msg("nl", "nl2", "bot", "bot-helper-01",
         "Bedankt voor uw bericht, een medewerker neemt zo contact op.", "absent", give_lang=False),
    _Msg("nl", "nl2", "customer", "KLANT_77120",
         f"Nogmaals: mail naar {EMAIL_SANNE} graag.", "training_flag_only"),
    # --- English ---
    _Msg("en", "en1", "customer", "cust-uk-66061",
         "Hello, my name is Oliver Bennett and my parcel never arrived.", "all",
         sender_extra={"email": EMAIL_OLIVER, "name": "Oliver Bennett", "phone": PHONE_UK},
         metadata={"channel": "app", "product": "parcel", "customer_email": EMAIL_OLIVER}),
    _Msg("en", "en1", "agent", "agent-uk-0913",
         "Sorry to hear that. Could you confirm a phone number we can reach you on?", "all"),
    _Msg("en", "en1", "customer", "cust-uk-66061",
         f"Sure, call me on {PHONE_UK} or email {EMAIL_OLIVER}.", "all", give_lang=False),
    _Msg("en", "en1", "customer", "cust-uk-66061",
         f"Please refund to {IBAN_GB}, I paid with card {CARD}.", "analytics_only",
         sender_extra={"email": SENDER_EMAIL_ONLY[1]}),
    _Msg("en", "en1", "agent", "agent-uk-0913",
         "Thank you, the refund will be processed within five working days.", "absent"),
    _Msg("en", "en2", "customer", "Cust.UK.40404",
         f"This is Amelia Hughes, my email is {EMAIL_AMELIA}.", "empty"),
    _Msg("en", "en2", "customer", "Cust.UK.40404",
         f"I do not want my data used for analytics. Reach me on {PHONE_UK}.", "refuses_analytics"),
    _Msg("en", "en2", "customer", "Cust.UK.40404",
         f"Do not keep anything: my account is {IBAN_GB}.", "refuses_all"),
    _Msg("en", "en2", "bot", "bot-helper-01",
         "Thanks for your message, an agent will be with you shortly.", "absent", give_lang=False),
    _Msg("en", "en2", "customer", "Cust.UK.40404",
         f"Again, my email is {EMAIL_AMELIA} and my card is {CARD}.", "training_flag_only"),
]
# fmt: on


def _valid_case(index: int, msg: _Msg) -> InputCase:
    conversation_id = CONVERSATION_IDS[msg.conv]
    message_id = f"e2e-{msg.lang}-{index:03d}"
    consent = CONSENTS[msg.consent]
    value: dict[str, Any] = {
        "schema_version": 1,
        "message_id": message_id,
        "conversation_id": conversation_id,
        "timestamp": TIMESTAMP.format(minute=index % 60),
        "sender": {"role": msg.role, "id": msg.sender_id, **msg.sender_extra},
        "text": msg.text,
    }
    if msg.give_lang:
        value["lang"] = msg.lang
    if consent is not None:
        value["consent"] = consent
    if msg.metadata is not None:
        value["metadata"] = msg.metadata
    flags = consent or {}
    return InputCase(
        key=conversation_id.encode(),
        value=orjson.dumps(value),
        message_id=message_id,
        analytics=flags.get("analytics") is not False,
        training=flags.get("training") is True,
    )


def _malformed_cases() -> list[InputCase]:
    conv = CONVERSATION_IDS["fr1"].encode()
    good_sender = {"role": "customer", "id": "cust-48151"}
    cases = [
        # Truncated JSON.
        InputCase(
            conv,
            b'{"schema_version": 1, "message_id": "e2e-bad-json", "text": "appelez-moi au '
            + PHONE_FR.encode()
            + b" ou "
            + EMAIL_MARIE.encode()
            + b'"',
            None,
            "invalid_json",
            clear_fragments=["appelez-moi au", PHONE_FR, EMAIL_MARIE],
        ),
        # Invalid UTF-8 bytes inside an otherwise well-formed message.
        InputCase(
            conv,
            b'{"schema_version": 1, "message_id": "e2e-bad-utf8", "conversation_id": "'
            + conv
            + b'", "timestamp": "2026-11-20T10:00:00Z", "sender": {"role": "customer", "id": "cust-48151"},'
            b' "text": "ma carte \xff\xfe ' + CARD.encode() + b' est refus\xe9e"}',
            None,
            "invalid_utf8",
            clear_fragments=["ma carte", CARD, "cust-48151"],
        ),
        # Unsupported schema version.
        InputCase(
            CONVERSATION_IDS["nl1"].encode(),
            orjson.dumps(
                {
                    "schema_version": 2,
                    "message_id": "e2e-bad-version",
                    "conversation_id": CONVERSATION_IDS["nl1"],
                    "timestamp": "2026-11-20T10:00:00Z",
                    "sender": {"role": "customer", "id": "klant-31337"},
                    "text": f"Mijn rekening is {IBAN_NL}, mijn naam Jan de Vries.",
                }
            ),
            "e2e-bad-version",
            "unsupported_schema_version",
            clear_fragments=["Mijn rekening is", IBAN_NL, "Jan de Vries", "klant-31337"],
        ),
        # No schema version at all.
        InputCase(
            CONVERSATION_IDS["en1"].encode(),
            orjson.dumps(
                {
                    "message_id": "e2e-no-version",
                    "conversation_id": CONVERSATION_IDS["en1"],
                    "timestamp": "2026-11-20T10:00:00Z",
                    "sender": {"role": "customer", "id": "cust-uk-66061"},
                    "text": f"Call me on {PHONE_UK}, Oliver Bennett here.",
                }
            ),
            "e2e-no-version",
            "unsupported_schema_version",
            clear_fragments=["Call me on", PHONE_UK, "Oliver Bennett"],
        ),
        # Missing required fields (conversation_id, timestamp, sender).
        InputCase(
            CONVERSATION_IDS["en2"].encode(),
            orjson.dumps(
                {
                    "schema_version": 1,
                    "message_id": "e2e-missing-fields",
                    "text": f"My card {CARD} was charged twice, email {EMAIL_AMELIA}.",
                }
            ),
            "e2e-missing-fields",
            "schema_violation",
            clear_fragments=["was charged twice", CARD, EMAIL_AMELIA],
        ),
        # Wrong types and values (unknown role, unparsable timestamp, text not a string).
        InputCase(
            CONVERSATION_IDS["nl2"].encode(),
            orjson.dumps(
                {
                    "schema_version": 1,
                    "message_id": "e2e-wrong-types",
                    "conversation_id": CONVERSATION_IDS["nl2"],
                    "timestamp": "gisteren",
                    "sender": {"role": "robot", "id": "KLANT_77120", "email": EMAIL_SANNE},
                    "text": ["Sanne Bakker", PHONE_NL],
                }
            ),
            "e2e-wrong-types",
            "schema_violation",
            clear_fragments=["gisteren", "Sanne Bakker", PHONE_NL, EMAIL_SANNE, "KLANT_77120"],
        ),
        # Valid JSON, but not an object.
        InputCase(
            None,
            orjson.dumps([EMAIL_LUCIEN, IBAN_FR, "Lucien Ferrandou"]),
            None,
            "not_an_object",
            clear_fragments=[EMAIL_LUCIEN, IBAN_FR, "Lucien Ferrandou"],
        ),
        # Empty payload.
        InputCase(conv, b"", None, "invalid_json"),
        # Text over the configured limit (limits.max_text_chars = 10000).
        InputCase(
            conv,
            orjson.dumps(
                {
                    "schema_version": 1,
                    "message_id": "e2e-too-long",
                    "conversation_id": CONVERSATION_IDS["fr1"],
                    "timestamp": "2026-11-20T10:00:00Z",
                    "sender": good_sender,
                    "text": f"Mon IBAN {IBAN_FR} " + "bla " * 3000,
                }
            ),
            "e2e-too-long",
            "text_too_long",
            clear_fragments=["bla bla bla", IBAN_FR],
        ),
    ]
    return cases


def build_inputs() -> list[InputCase]:
    """Every input record, valid and malformed interleaved (malformed ones spread over the run)."""
    valid = [_valid_case(i, msg) for i, msg in enumerate(_VALID, start=1)]
    malformed = _malformed_cases()
    out: list[InputCase] = []
    step = max(1, len(valid) // len(malformed))
    for index, case in enumerate(valid):
        out.append(case)
        if index % step == step - 1 and malformed:
            out.append(malformed.pop(0))
    out.extend(malformed)
    return out
