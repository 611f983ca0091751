"""SocialHandleRecognizer: social-media handles typed into a chat (fictitious handles)."""

from __future__ import annotations

import pytest

from processors.detection import Detector
from processors.surrogates import surrogate
from recognizers.entities import ALL_ENTITIES, EVAL_LABEL, SOCIAL_HANDLE
from recognizers.generic.social_handle import SocialHandleRecognizer

RECOGNIZERS = {lang: SocialHandleRecognizer(lang) for lang in ("fr", "nl", "en")}


def found(language: str, text: str) -> list[tuple[str, float]]:
    return [(text[r.start : r.end], r.score) for r in RECOGNIZERS[language].analyze(text, [SOCIAL_HANDLE])]


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("en", "find me on twitter @mike_lowe_77", [("@mike_lowe_77", 0.6)]),
        ("en", "@jessharper92 thanks!", [("@jessharper92", 0.6)]),
        ("fr", "mon insta @lea.martin.", [("@lea.martin", 0.6)]),  # the full stop ends the sentence
        ("nl", "volg me op @sanne.dejong", [("@sanne.dejong", 0.6)]),
        # after the network's name, without the "@", when it holds a digit, "_" or "."
        ("en", "my insta is lea.martin_75", [("lea.martin_75", 0.85)]),
        ("en", "my discord is jake_r#4821", [("jake_r#4821", 0.85)]),  # with the Discord discriminator
        ("en", "add me on skype live:jsmith_88", [("live:jsmith_88", 0.85)]),  # a Microsoft account's Skype name
        ("en", "my skype is live:.cid.8f3a2b1c9d", [("live:.cid.8f3a2b1c9d", 0.85)]),
        ("en", "my steam ID is 76561198012345678", [("76561198012345678", 0.85)]),  # a SteamID64
        ("en", "here's my gmail tombaker84", [("tombaker84", 0.85)]),  # a mail account after its provider
        ("fr", "mon hotmail c'est julie_b75", [("julie_b75", 0.85)]),
        ("fr", "mon Skype c'est marie.dubois.75", [("marie.dubois.75", 0.85)]),
        ("en", "add me on discord: tomh_1992", [("tomh_1992", 0.85)]),
        ("en", "IG: jess.h92", [("jess.h92", 0.85)]),
        ("fr", "mon compte insta c'est lea_martin75", [("lea_martin75", 0.85)]),
    ],
)
def test_a_handle(language: str, text: str, expected: list[tuple[str, float]]) -> None:
    assert found(language, text) == expected


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "email me at jess@harper-mail.example"),  # an e-mail address, not a handle
        ("en", "see you @10am"),
        ("fr", "rdv @14h30"),
        ("nl", "om @14u bij de balie"),
        ("en", "i'm @home all day"),
        ("en", "meet @ 10 tomorrow"),
        ("en", "my instagram is hacked"),  # a word after the network's name: a remark
        ("en", "my gmail account was hacked"),
        ("en", "I got it on steam last week"),
        ("en", "my steam is 12345"),  # digits only, and no Steam account's id
        ("en", "@123 is the unit"),  # no letter
        ("en", "my linkedin is linkedin.com/in/john-smith-4b2a1"),  # a web address: the URL's job
        ("fr", "mon linkedin : www.linkedin.com/in/marie-dupont"),
    ],
)
def test_no_handle(language: str, text: str) -> None:
    assert found(language, text) == []


def test_the_type_is_known_and_has_no_eval_label() -> None:
    assert SOCIAL_HANDLE in ALL_ENTITIES and SOCIAL_HANDLE not in EVAL_LABEL


def test_training_surrogates_are_other_handles() -> None:
    fake = surrogate(SOCIAL_HANDLE, "en", b"\x05" * 32)
    assert fake is not None and fake.startswith("@") and len(fake) > 2
    assert fake == surrogate(SOCIAL_HANDLE, "en", b"\x05" * 32)


def test_the_detector_reports_the_handle_and_the_network_raises_it(real_detector: Detector) -> None:
    text = "Hi, you can DM me on instagram @jess_harper92 if easier"
    (entities,) = real_detector.detect([text], ["en"])
    spans = {(e.entity_type, text[e.start : e.end]): e.score for e in entities}
    assert spans.get(("SOCIAL_HANDLE", "@jess_harper92"), 0) >= 0.9  # 0.6 and the context word
    assert not any(t == "PERSON" for t, _ in spans)


@pytest.mark.parametrize(
    ("language", "text", "url"),
    [
        ("en", "my linkedin is linkedin.com/in/john-smith-4b2a1", "linkedin.com/in/john-smith-4b2a1"),
        ("fr", "mon linkedin : www.linkedin.com/in/marie-dupont", "www.linkedin.com/in/marie-dupont"),
    ],
)
def test_a_profile_address_after_the_networks_name_is_redacted_whole(
    real_detector: Detector, language: str, text: str, url: str
) -> None:
    (entities,) = real_detector.detect([text], [language])
    assert [(e.entity_type, text[e.start : e.end]) for e in entities] == [("URL", url)]
