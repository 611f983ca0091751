"""The NLP engine: model fallbacks, a clear error, and linear-time tokenisation of long runs."""

from __future__ import annotations

import time

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st

from processors.nlp import MAX_RUN, ModelLoadError, load_pipeline, safe_input

BLANK = spacy.blank("en")


def test_first_importable_candidate_wins_and_blank_is_last_resort() -> None:
    nlp, loaded = load_pipeline("nl", ["nl_core_news_does_not_exist", "blank:nl"])
    assert loaded.name == "blank:nl" and not loaded.has_ner
    assert nlp.lang == "nl"


def test_missing_models_give_one_actionable_line() -> None:
    with pytest.raises(ModelLoadError) as info:
        load_pipeline("fr", ["fr_core_news_nope"])
    message = str(info.value)
    assert "\n" not in message
    assert "fr_core_news_nope" in message and "pip install" in message


@settings(max_examples=300)
@given(st.lists(st.sampled_from(["a", "é", "🙂", " ", "  ", "\n", "\t", "-", "@", "x" * 60]), max_size=80).map("".join))
def test_safe_input_keeps_the_text_exactly(text: str) -> None:
    prepared = safe_input(BLANK, text)
    assert (prepared if isinstance(prepared, str) else prepared.text) == text


def test_long_runs_are_cut() -> None:
    doc = safe_input(BLANK, "x" * (MAX_RUN * 3 + 5) + " fin")
    assert not isinstance(doc, str)
    assert max(len(t.text) for t in doc) == MAX_RUN


def test_pathological_run_is_fast() -> None:
    nlp = spacy.blank("fr")
    started = time.perf_counter()
    doc = nlp(safe_input(nlp, "🙂" * 20_000))
    assert time.perf_counter() - started < 2.0
    assert len(doc.text) == 20_000
