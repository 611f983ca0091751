"""Normalisation (invisible characters, offsets) and language choice on short chat messages."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from processors.config import DEFAULT_CONFIG_PATH
from processors.language import LanguageChoice, LanguageResolver
from processors.textnorm import _clean_span, normalize_clusters, normalize_text, normalize_with_offsets

HINTS = DEFAULT_CONFIG_PATH.parent / "lexicons" / "language_hints.yaml"


def test_invisible_characters_removed_and_fullwidth_folded() -> None:
    assert normalize_text("jan\u200b@exa\u00admple.nl") == "jan@example.nl"
    assert normalize_text("０６ １２") == "06 12"
    assert normalize_text("a\x07b") == "a b"


@given(st.text(max_size=60))
def test_offset_map_covers_the_original(text: str) -> None:
    norm = normalize_clusters(text)
    assert len(norm.starts) == len(norm.text) == len(norm.ends)
    for i in range(len(norm.text)):
        start, end = norm.original_span(i, i + 1)
        assert 0 <= start < end <= len(text)


DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"


def _hyphenated(text: str) -> str:
    """Each dash of ``DASHES`` with a letter or digit on both sides made "-" (written out plainly,
    against the module's regex)."""
    return "".join(
        "-" if ch in DASHES and 0 < i < len(text) - 1 and text[i - 1].isalnum() and text[i + 1].isalnum() else ch
        for i, ch in enumerate(text)
    )


def _cluster_by_cluster(text: str) -> tuple[str, tuple[int, ...], tuple[int, ...]]:
    """Every cluster through the loop, ASCII runs included, then the dashes inside words: what
    normalize_clusters must equal."""
    pieces: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    _clean_span(text, 0, len(text), pieces, starts, ends)
    return _hyphenated("".join(pieces)), tuple(starts), tuple(ends)


# ASCII next to marks, no-break spaces, controls, invisibles and compatibility forms
_MIXED = st.sampled_from(
    list("ab Z09.!\t\n\r\x00\x7f\xa0\u202f\u0301\u0300\u200b\ufeff\uff11\u00e9\u00ad\ufb01" + DASHES)
)


@settings(max_examples=500)
@given(st.lists(_MIXED, max_size=40).map("".join) | st.text(max_size=60))
def test_ascii_runs_copied_whole_give_what_every_cluster_through_the_loop_gives(text: str) -> None:
    norm = normalize_clusters(text)
    assert (norm.text, norm.starts, norm.ends) == _cluster_by_cluster(text)
    assert norm.original_length == len(text)


def test_a_mark_after_an_ascii_run_takes_the_runs_last_letter_into_its_cluster() -> None:
    norm = normalize_clusters("Rene\u0301 Dupont\xa0!")
    assert norm.text == "René Dupont !"
    assert norm.original_span(0, 4) == (0, 5)  # "René" is five characters in the input
    assert norm.original_span(3, 4) == (3, 5)


@given(st.text(max_size=80) | st.text(alphabet=st.characters(max_codepoint=0x2FFF), max_size=80))
def test_fast_path_gives_what_cluster_normalisation_gives(text: str) -> None:
    fast = normalize_with_offsets(text)
    slow = normalize_clusters(text)
    assert fast.text == slow.text
    if fast.identity:  # unchanged text: every offset is its own (exact, even inside a cluster)
        assert slow.text == text
        assert all(fast.original_span(i, i + 1) == (i, i + 1) for i in range(len(text)))
    else:
        assert fast == slow


def test_dashes_inside_numbers_and_words_become_hyphens_one_for_one() -> None:
    """Non-breaking hyphens and en dashes, as word processors and phone keyboards type them, hid
    a BSN, a card number or a phone number from every pattern."""
    for typed in ("111\u2011222\u2011333", "4111\u20131111\u20131111\u20131111", "06\u201212\u221234"):
        norm = normalize_with_offsets(typed)
        assert norm.text == typed.translate({ord(d): "-" for d in DASHES})
        assert not norm.identity
        assert all(norm.original_span(i, i + 1) == (i, i + 1) for i in range(len(typed)))
    assert normalize_text("Jean\u2011Pierre") == "Jean-Pierre"
    # prose keeps its dashes: a space beside one, or a run of them
    for prose in ("Paris \u2013 Lyon", "well\u2014 no", "a\u2013\u2013b", "\u20131", "2\u2013"):
        assert normalize_with_offsets(prose).identity
        assert normalize_text(prose) == prose


def test_digits_of_other_scripts_become_ascii_digits_one_for_one() -> None:
    """A phone number typed on an Arabic keyboard ("٠٦ ١٢ ٣٤ ٥٦ ٧٨") reached no pattern."""
    typed = "tel \u0660\u0666 \u0661\u0662, \u06f3\u06f4, \u0969\u096a"  # Arabic-Indic, Persian, Devanagari
    norm = normalize_with_offsets(typed)
    assert norm.text == "tel 06 12, 34, 34"
    assert not norm.identity
    assert all(norm.original_span(i, i + 1) == (i, i + 1) for i in range(len(typed)))


def test_plain_chat_text_takes_the_fast_path() -> None:
    assert normalize_with_offsets("Bonjour, je m'appelle Zoé.\nMerci").identity
    assert not normalize_with_offsets("jan\u200b@example.nl").identity
    assert not normalize_with_offsets("０６ １２").identity


@pytest.fixture(scope="module")
def resolver() -> LanguageResolver:
    return LanguageResolver(["fr", "nl", "en"], "en", 0.3, HINTS)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ok merci", "fr"),
        ("Dank je!", "nl"),
        ("thanks a lot", "en"),
        ("Bonjour, ma commande n'est pas arrivée", "fr"),
        ("Hoi, mijn pakket is nog niet aangekomen", "nl"),
        ("Hi, my parcel has not arrived yet", "en"),
        ("oui", "fr"),
        ("ja hoor", "nl"),
        ("merci beaucoup", "fr"),
        ("bedankt", "nl"),
        # a sign-off's abbreviation after an identifier ("met vriendelijke groet", "cordialement")
        ("7804.33.294\nMvg Kayleigh", "nl"),
        ("0612345678 cdt Amandine", "fr"),
        ("Hello! n° sécurité sociale 149098862708194", "fr"),  # the number's French name outweighs "Hello"
    ],
)
def test_short_messages(resolver: LanguageResolver, text: str, expected: str) -> None:
    assert resolver.resolve(text, None).code == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # typos and names lead lingua astray; a few sure words do not
        ("i've been chrged £383.99 twwice, on behalf of mrs thorpe", "en"),
        ("Bonjuor madame\n107060424459621. ecrviez moi a rogercollet67@orange.fr", "fr"),
        ("n° securite socilae 2 45 02 32 786 912 16 Merci, Jeanne", "fr"),  # accents left out
        ("Hey, mijn geboortedatum is 06-04-1975", "nl"),  # "is" is Dutch too, "Hey" is any chat's
        ("dit is labado jesper", "nl"),
        ("I'm in Aberdeen", "en"),
    ],
)
def test_a_few_sure_words_settle_a_message_lingua_misreads(
    resolver: LanguageResolver, text: str, expected: str
) -> None:
    choice = resolver.resolve(text, None)
    assert (choice.code, choice.source) == (expected, "detected")


def test_one_hint_word_is_not_sure_enough_to_overrule_a_conversation(resolver: LanguageResolver) -> None:
    assert not resolver.resolve("I'm in Aberdeen", None).sure  # "i'm" alone
    assert resolver.resolve("thanks, my parcel", None).sure
    assert resolver.resolve("Bonjuor madame, ecrviez moi a", None).sure  # word evidence
    assert not resolver.resolve("06 12 34 56 78", None).sure  # fallback


def test_word_evidence_needs_a_clear_lead(resolver: LanguageResolver) -> None:
    assert resolver._from_word_evidence("Bonjour, my order never came, merci") is None  # fr 2, en 2
    assert resolver._from_word_evidence("thanks, je wacht op mijn pakket hier") == "nl"  # nl 3, en 1
    assert resolver._from_word_evidence("merci") is None  # short: the hint step's
    assert resolver._from_word_evidence("Commande 12345 livraison Amsterdam express") is None


def test_given_language_wins_and_digits_fall_back(resolver: LanguageResolver) -> None:
    assert resolver.resolve("hello", "nl").source == "given"
    choice = resolver.resolve("06 12 34 56 78", None)
    assert (choice.code, choice.source) == ("en", "fallback")
    assert resolver.resolve("hello", "de").source != "given"


def test_pattern_types_win_overlaps_over_ner_types() -> None:
    from processors.detection import Entity, resolve_overlaps

    address = Entity("ADDRESS", 10, 21, 0.6, "FrAddressRecognizer")
    town = Entity("LOCATION", 16, 21, 0.85, "SpacyNerRecognizer")
    phone = Entity("PHONE_NUMBER", 30, 42, 0.7, "UkPhoneRecognizer")
    date = Entity("DATE_TIME", 30, 42, 0.85, "SpacyNerRecognizer")
    person = Entity("PERSON", 50, 55, 0.85, "SpacyNerRecognizer")
    place = Entity("LOCATION", 50, 58, 0.6, "DutchNameRecognizer")
    kept = resolve_overlaps([town, address, date, phone, place, person])
    assert kept == [address, phone, person]


def test_exclusive_stop_words_leave_out_words_two_languages_share() -> None:
    from processors.language import exclusive_stop_words

    words = exclusive_stop_words(["fr", "nl", "en"])
    assert {"nous", "j'"} <= words["fr"] and {"het", "niet"} <= words["nl"] and {"the", "would"} <= words["en"]
    assert all("de" not in stop and "in" not in stop and "je" not in stop for stop in words.values())
    assert "de" in exclusive_stop_words(["fr", "en"])["fr"]  # only shared with Dutch, not configured here


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Je voudrais savoir où en est ma commande, je n'ai rien reçu", "fr"),
        ("Ik wil graag weten waar mijn pakket is, het is nog niet bezorgd", "nl"),
        ("I would like to know where my parcel is, it has not arrived yet", "en"),
    ],
)
def test_a_clear_stop_word_majority_decides_without_lingua(
    resolver: LanguageResolver, text: str, expected: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    class NoLingua:
        def compute_language_confidence_values(self, _: str) -> list[object]:
            raise AssertionError("lingua was asked")

    monkeypatch.setattr(resolver, "_lingua", NoLingua())
    assert resolver._from_stop_words(text) == expected
    assert resolver.resolve(text, None).code == expected


def test_without_a_clear_majority_lingua_decides(resolver: LanguageResolver) -> None:
    text = "Commande 12345 livraison Amsterdam express"  # no stop word of any language
    assert resolver._from_stop_words(text) is None
    assert resolver._from_stop_words("the order, de bestelling, la commande") is None
    assert resolver.resolve(text, None).source in ("detected", "fallback")


def test_the_vote_agrees_with_the_known_language_of_generated_chat(resolver: LanguageResolver) -> None:
    """Where the vote decides, it must be right: generated messages whose language is known."""
    from processors.chatcorpus import generate_wire_messages

    messages = [w.message for w in generate_wire_messages(3000, 41) if w.message.get("lang")]
    decided = [(resolver._from_stop_words(m["text"]), m["lang"]) for m in messages]
    decided = [(voted, lang) for voted, lang in decided if voted is not None]
    assert len(decided) > len(messages) // 3
    assert sum(voted != lang for voted, lang in decided) <= 1


def test_a_producers_language_tag_counts_as_given(resolver: LanguageResolver) -> None:
    assert resolver.resolve("Dank je wel", "nl-BE") == LanguageChoice("nl", "given")
    assert resolver.resolve("Thanks a lot", "EN") == LanguageChoice("en", "given")
    assert resolver.resolve("Vielen Dank", "de-DE").source != "given"
