"""UrlRecognizer: schemes, www, bare domains under the local TLD list; sentence punctuation left out."""

from __future__ import annotations

import pytest

from recognizers.entities import URL
from recognizers.generic.url import UrlRecognizer

RECOGNIZER = UrlRecognizer("fr")


def found(text: str) -> list[tuple[str, float]]:
    return [(text[r.start : r.end], round(r.score, 2)) for r in RECOGNIZER.analyze(text, [URL])]


@pytest.mark.parametrize(
    ("text", "expected", "score"),
    [
        ("voir https://www.example.fr/compte?id=12#top.", "https://www.example.fr/compte?id=12#top", 0.8),
        ("(zie http://example.nl/a/b)", "http://example.nl/a/b", 0.8),
        ("https://user@host.example.org:8443/p, merci", "https://user@host.example.org:8443/p", 0.8),
        ("kijk op www.voorbeeld.nl.", "www.voorbeeld.nl", 0.7),
        ("WWW.EXAMPLE.COM", "WWW.EXAMPLE.COM", 0.7),
        ("commandé sur exemple.fr hier", "exemple.fr", 0.5),
        ("informatie-niertransplantaties.net", "informatie-niertransplantaties.net", 0.5),
        ("forum.example.co.uk/thread/12 says", "forum.example.co.uk/thread/12", 0.5),
        ("site: mon-site.be!", "mon-site.be", 0.5),
        # a TLD that is a word, with a path after it: a profile or payment link
        ("my paypal is paypal.me/sarahjones88", "paypal.me/sarahjones88", 0.5),
        ("profiel: mijnsite.co/jan-peeters.", "mijnsite.co/jan-peeters", 0.5),
    ],
)
def test_urls(text: str, expected: str, score: float) -> None:
    assert found(text) == [(expected, score)]


@pytest.mark.parametrize(
    "text",
    [
        "info@exemple.fr",  # the domain of an e-mail is not a URL
        "Merci.De rien",  # missing space after a full stop, capitalised
        "tu.es là ?",
        "je te dis.me voilà",  # no path: the word
        "look.at this",
        "t.nl",  # one-letter label
        "facture.pdf en pièce jointe",
        "bonjour.je voudrais",
        "M.Dupont a appelé",
        "version 2.0.1",
        "prix 12.50",
    ],
)
def test_not_urls(text: str) -> None:
    assert found(text) == []
