"""The shared start of the Dutch organisation recognizers that read the message with the name lexicon."""

from __future__ import annotations

from pathlib import Path

from recognizers.base import TextRecognizer
from recognizers.entities import ORGANIZATION
from recognizers.names.lexicons import NameLexicon, load_lexicon


class DutchOrganizationRecognizer(TextRecognizer):
    """Reports ``ORGANIZATION`` only, in Dutch, with the Dutch name lexicon at hand (its word lists
    tell a name from a word of the language). Subclasses implement ``find``.

    Score: 0.65, an organisation the model would report (0.7) at a little less, above the name
    rules' guesses for unknown capitalised words (0.5), below a person found by a cue.
    """

    SCORE = 0.65

    def __init__(self, lexicon_dir: Path, supported_language: str = "nl") -> None:
        super().__init__(
            supported_entities=[ORGANIZATION],
            supported_language=supported_language,
            name=type(self).__name__,
        )
        self.lexicon: NameLexicon = load_lexicon(lexicon_dir, supported_language)
