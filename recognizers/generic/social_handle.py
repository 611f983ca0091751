"""Social-media handles: "@jess_harper92", "my insta is lea.martin_75"."""

from __future__ import annotations

import re
from typing import ClassVar

from presidio_analyzer import RecognizerResult

from recognizers.base import NAME_SEPARATOR, Re2Pattern, after_its_name
from recognizers.entities import SOCIAL_HANDLE
from recognizers.generic.gated import GatedRecognizer

# A handle as Instagram, X/Twitter, TikTok and Threads allow it: letters, digits, "_" and ".", up
# to 30 characters, not ending with a dot (a full stop ends the sentence, not the handle).
_HANDLE = r"[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?"
# "@" and the handle; the "@" must not be glued to a letter or digit before it (an e-mail address:
# ``require_boundaries`` rejects "jess@harper.com"'s "@harper.com").
_AT_HANDLE = rf"@{_HANDLE}"
# The network's name, as people type it, then the handle without its "@".
_NETWORKS = (
    r"(?:instagram|insta|ig|twitter|x\.com|tiktok|tik tok|snapchat|snap|threads|bluesky|mastodon"
    r"|youtube|twitch|pinterest|linkedin|facebook|fb|skype|discord|telegram|reddit|steam|psn"
    r"|gmail|hotmail|outlook|yahoo|icloud|protonmail)"  # a mail account named by its provider
    r"(?: ?(?:handle|account|name|username|id|page|profile|compte|pseudo|profiel|account ?naam|naam))?"
)
_FILLERS = r"(?:is|it['’]s|my|me|at|on|est|c['’]est|mon|ma|sur|mijn|op|het|de)"
# After the network's name, a Discord tag keeps its four-digit discriminator ("jake_r#4821"), and a
# Skype name of a Microsoft account its "live:" prefix ("live:jsmith_88", "live:.cid.8f3a2b").
_NAMED_HANDLE = rf"(?:live:(?:\.cid\.)?)?{_HANDLE}(?:#[0-9]{{4}})?"
# A Steam account's 64-bit id: seventeen digits, the individual-account base 7656119 first.
_STEAM_ID = re.compile(r"7656119[0-9]{10}")
# A time written with "@" ("@10h30", "@9am", "@14u") is "at", not a handle.
_TIME_LIKE = re.compile(r"[0-9]{1,2}(?:[h.u][0-9]{0,2})?(?:am|pm|h|u|uur)?")
# "@" typed for "at" before a word: "i'm @home", "@work", "rdv @maison"
_AT_WORDS = frozenset(
    {"home", "work", "school", "office", "the", "me", "you", "all", "everyone", "here", "now", "night", "noon",
     "lunch", "gym", "thuis", "werk", "kantoor", "maison", "boulot", "travail", "taf", "bureau", "midi"}
)  # fmt: skip


class SocialHandleRecognizer(GatedRecognizer):
    """Social-media handles (``SOCIAL_HANDLE``), every language.

    Format: "@" and 1 to 30 letters, digits, "_" or "." (not ending with a dot), with at least one
    letter, not glued to a word before the "@" (an e-mail address is no handle): "@jess_harper92",
    "@lea.martin"; or, after a network's name ("instagram", "insta", "tiktok", "snap", "twitter"
    …) and at most two short words, the handle without its "@" when it holds a digit, "_" or "."
    ("my insta is lea.martin_75"; "my instagram is hacked" is a remark), a Discord tag with its
    discriminator ("my discord is jake_r#4821"), a Skype name with its "live:" prefix ("add me on
    skype live:jsmith_88"), a Steam account's seventeen-digit id ("steam id
    76561198012345678"); a mail account's name
    after its provider's ("here's my gmail tombaker84"). Times and a few places
    typed with "@" for "at" ("@10h30", "@9am", "@home", "@work") are not handles.

    A handle is an online identifier (GDPR art. 4(1)): most name their owner, and all of them
    lead to a public profile. Sources: the handle rules of Instagram, X and TikTok (letters,
    digits, underscores, periods; 15 to 30 characters).

    Scores: 0.6 with an "@", raised by a network's name nearby; 0.85 after the network's name.
    """

    min_digits = 0
    AT_SCORE = 0.6
    NAMED_SCORE = 0.85

    CONTEXT: ClassVar[list[str]] = [
        "instagram", "insta", "twitter", "tiktok", "snapchat", "snap", "threads", "bluesky",
        "mastodon", "youtube", "twitch", "linkedin", "facebook", "handle", "pseudo", "volg",
        "follow", "suivez", "abonne", "dm",
    ]  # fmt: skip

    def __init__(self, supported_language: str = "en") -> None:
        super().__init__(
            supported_entity=SOCIAL_HANDLE,
            patterns=[
                Re2Pattern("handle with its @", _AT_HANDLE, self.AT_SCORE),
                Re2Pattern(
                    "handle after the network's name",
                    after_its_name(_NETWORKS, _FILLERS, _NAMED_HANDLE, NAME_SEPARATOR, 2),
                    self.NAMED_SCORE,
                ),
            ],
            context=self.CONTEXT,
            supported_language=supported_language,
        )

    def validate_result(self, pattern_text: str) -> bool | None:
        """A letter, and no time written with "@"; without the "@", a digit, "_" or "." too; or a
        Steam account's id, all digits."""
        handle = pattern_text.removeprefix("@")
        if _STEAM_ID.fullmatch(handle):
            return None
        lowered = handle.lower()
        if not any(ch.isalpha() for ch in handle) or _TIME_LIKE.fullmatch(lowered) or lowered in _AT_WORDS:
            return False
        if not pattern_text.startswith("@") and not any(ch.isdigit() or ch in "_." for ch in handle):
            return False
        return None

    def adjust_results(self, text: str, results: list[RecognizerResult]) -> list[RecognizerResult]:
        """No handle where a web address goes on: "my linkedin is linkedin.com/in/john-smith" read
        "linkedin.com" as the handle, and that short span beat the URL holding the name."""
        return [r for r in results if not text.startswith("/", r.end)]
