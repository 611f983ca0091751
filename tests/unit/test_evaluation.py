"""Scoring rules of ``processors.evaluation`` on tiny hand-made examples with known answers."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import orjson
import pytest

from processors.evaluation import (
    COVERAGE,
    Record,
    Span,
    coverage,
    load_records,
    mistakes,
    score,
    score_record,
    to_spans,
)

ALL = ["PERSON", "LOCATION", "ORGANIZATION", "EMAIL_ADDRESS", "PHONE_NUMBER", "DATE_TIME"]


def rec(
    text: str,
    spans: list[tuple[int, int, str]],
    annotated: list[str] | None = None,
    lang: str = "en",
    dataset: str = "set",
    rid: str = "r",
) -> Record:
    return Record.from_dict(
        {
            "id": rid,
            "lang": lang,
            "text": text,
            "spans": [{"start": s, "end": e, "label": label} for s, e, label in spans],
            "annotated_labels": annotated if annotated is not None else ALL,
        },
        dataset,
    )


TEXT = "0123456789" * 5


def test_overlap_is_enough_for_typed_match_but_not_for_privacy() -> None:
    record = rec(TEXT, [(0, 10, "PERSON")])
    counts = score_record(record, [Span(5, 8, "PERSON")])["PERSON"]
    assert (counts.gold, counts.tp, counts.fn, counts.predicted, counts.tp_pred, counts.fp) == (1, 1, 0, 1, 1, 0)
    assert counts.covered == 0  # 3 of 10 characters
    assert counts.precision == 1.0
    assert counts.recall == 1.0


def test_touching_spans_do_not_overlap() -> None:
    record = rec(TEXT, [(0, 10, "PERSON")])
    counts = score_record(record, [Span(10, 14, "PERSON")])["PERSON"]
    assert (counts.tp, counts.fn, counts.fp) == (0, 1, 1)


def test_coverage_threshold_is_eighty_percent_inclusive_and_any_label_counts() -> None:
    assert COVERAGE == 0.8
    gold = Span(0, 10, "LOCATION")
    # two detections of other labels, together 8 of 10 characters
    assert coverage(gold, [Span(0, 4, "PERSON"), Span(4, 8, "DATE_TIME")]) == pytest.approx(0.8)
    assert coverage(gold, [Span(0, 7, "PERSON")]) == pytest.approx(0.7)
    # overlapping detections are not counted twice; parts outside the gold span do not count
    assert coverage(gold, [Span(0, 6, "X"), Span(3, 9, "Y"), Span(9, 30, "Z")]) == pytest.approx(1.0)
    assert coverage(gold, [Span(-5, 2, "X"), Span(2, 4, "Y")]) == pytest.approx(0.4)
    record = rec(TEXT, [(0, 10, "LOCATION")])
    exactly = score_record(record, [Span(0, 4, "PERSON"), Span(4, 8, "DATE_TIME")])
    assert exactly["LOCATION"].covered == 1
    assert exactly["LOCATION"].tp == 0  # typed: no LOCATION detection
    below = score_record(record, [Span(0, 7, "LOCATION")])
    assert below["LOCATION"].covered == 0
    assert below["LOCATION"].tp == 1


def test_split_and_merged_detections_count_each_side_once() -> None:
    split = score_record(rec(TEXT, [(0, 10, "PERSON")]), [Span(0, 4, "PERSON"), Span(5, 10, "PERSON")])["PERSON"]
    assert (split.tp, split.fn, split.tp_pred, split.fp) == (1, 0, 2, 0)
    assert split.covered == 1  # 9 of 10
    merged = score_record(rec(TEXT, [(0, 4, "PERSON"), (5, 9, "PERSON")]), [Span(0, 9, "PERSON")])["PERSON"]
    assert (merged.tp, merged.fn, merged.tp_pred, merged.fp) == (2, 0, 1, 0)
    assert merged.covered == 2


def test_wrong_label_is_a_miss_and_a_false_positive_but_still_hides_the_value() -> None:
    per_label = score_record(rec(TEXT, [(0, 10, "PERSON")]), [Span(0, 10, "LOCATION")])
    assert (per_label["PERSON"].tp, per_label["PERSON"].fn, per_label["PERSON"].covered) == (0, 1, 1)
    assert (per_label["LOCATION"].gold, per_label["LOCATION"].fp) == (0, 1)


def test_labels_the_set_does_not_annotate_are_neither_right_nor_wrong() -> None:
    record = rec(TEXT, [(0, 10, "PERSON")], annotated=["PERSON", "LOCATION", "ORGANIZATION"])
    predicted = [Span(20, 30, "EMAIL_ADDRESS"), Span(0, 10, "FR_SIREN"), Span(30, 35, "PERSON")]
    per_label = score_record(record, predicted)
    assert "EMAIL_ADDRESS" not in per_label
    assert "FR_SIREN" not in per_label
    assert per_label["PERSON"].fp == 1
    # ... but an unannotated or non-canonical label still covers a gold span for privacy
    assert per_label["PERSON"].covered == 1
    report = score([record], [predicted])
    group = report.group("set", "en")
    assert group.micro.predicted == 1
    assert group.micro.precision == 0.0


def test_organization_is_left_out_of_micro_and_privacy_headline() -> None:
    record = rec(TEXT, [(0, 10, "PERSON"), (20, 30, "ORGANIZATION")])
    predicted = [Span(0, 10, "PERSON"), Span(40, 45, "ORGANIZATION")]  # the ORG detection is wrong
    group = score([record], [predicted]).group("set", "en")
    assert group.labels["ORGANIZATION"].fp == 1
    assert group.labels["ORGANIZATION"].fn == 1
    micro = group.micro
    assert (micro.tp, micro.fn, micro.tp_pred, micro.fp) == (1, 0, 1, 0)
    assert micro.f1 == 1.0
    assert group.privacy_recall == 1.0
    assert group.privacy_recall_all == 0.5


def test_micro_scores_are_summed_counts() -> None:
    records = [
        rec(TEXT, [(0, 5, "PERSON"), (10, 15, "LOCATION")], rid="a"),
        rec(TEXT, [(0, 5, "EMAIL_ADDRESS")], rid="b"),
        rec(TEXT, [], rid="c"),
    ]
    predictions = [
        [Span(0, 5, "PERSON"), Span(20, 25, "LOCATION")],  # PERSON tp, LOCATION fn + fp
        [Span(0, 5, "EMAIL_ADDRESS")],  # tp
        [Span(0, 3, "PERSON")],  # fp on a record without personal data
    ]
    group = score(records, predictions).group("set", "en")
    assert group.records == 3
    micro = group.micro
    assert (micro.gold, micro.tp, micro.fn) == (3, 2, 1)
    assert (micro.predicted, micro.tp_pred, micro.fp) == (4, 2, 2)
    assert micro.precision == pytest.approx(0.5)
    assert micro.recall == pytest.approx(2 / 3)
    assert micro.f1 == pytest.approx(2 * 0.5 * (2 / 3) / (0.5 + 2 / 3))
    assert group.privacy_recall == pytest.approx(2 / 3)
    assert group.labels["PERSON"].precision == pytest.approx(0.5)
    assert group.labels["LOCATION"].recall == 0.0


def test_empty_denominators_give_zero() -> None:
    group = score([rec("hello", [])], [[]]).group("set", "en")
    assert group.micro.precision == 0.0
    assert group.micro.recall == 0.0
    assert group.micro.f1 == 0.0
    assert group.privacy_recall == 0.0


def test_groups_per_dataset_and_language_with_an_all_group_for_mixed_sets() -> None:
    records = [
        rec(TEXT, [(0, 5, "PERSON")], lang="fr", dataset="chat", rid="1"),
        rec(TEXT, [(0, 5, "PERSON")], lang="nl", dataset="chat", rid="2"),
        rec(TEXT, [(0, 5, "PERSON")], lang="en", dataset="synth", rid="3"),
    ]
    report = score(records, [[Span(0, 5, "PERSON")], [], [Span(0, 5, "PERSON")]])
    assert list(report.groups) == [("chat", "fr"), ("chat", "nl"), ("chat", "all"), ("synth", "en")]
    assert report.overall("chat").lang == "all"
    assert report.overall("chat").micro.recall == 0.5
    assert report.overall("synth").lang == "en"
    data = orjson.loads(orjson.dumps(report.as_dict()))
    assert data["groups"][2]["micro_recall"] == 0.5
    assert data["groups"][0]["labels"]["PERSON"]["tp"] == 1


def test_mistakes_lists_misses_and_spurious_detections() -> None:
    record = rec(TEXT, [(0, 5, "PERSON"), (10, 15, "LOCATION")], annotated=["PERSON", "LOCATION"])
    found = mistakes(record, [Span(0, 5, "PERSON"), Span(10, 15, "DATE_TIME"), Span(30, 33, "PERSON")])
    assert [(m.kind, m.label, m.start, m.found_as) for m in found] == [
        ("fn", "LOCATION", 10, ("DATE_TIME",)),
        ("fp", "PERSON", 30, ()),
    ]


def test_to_spans_maps_piiflow_types_to_canonical_labels() -> None:
    entities = [
        SimpleNamespace(entity_type="ADDRESS", start=0, end=3),
        SimpleNamespace(entity_type="FR_NIR", start=4, end=9),
        SimpleNamespace(entity_type="DATE_OF_BIRTH", start=10, end=12),
        SimpleNamespace(entity_type="SPECIAL_HEALTH", start=13, end=15),
    ]
    assert to_spans(entities) == [
        Span(0, 3, "LOCATION"),
        Span(4, 9, "NATIONAL_ID"),
        Span(10, 12, "DATE_TIME"),
        Span(13, 15, "SPECIAL_HEALTH"),
    ]


def test_load_records_reads_the_shared_format(tmp_path: Path) -> None:
    path = tmp_path / "tiny_set.jsonl"
    rows = [
        {
            "id": "1",
            "lang": "fr",
            "text": "Jean à Lyon",
            "spans": [{"start": 7, "end": 11, "label": "LOCATION"}],
            "source": "hand",
            "annotated_labels": ["LOCATION", "PERSON"],
        },
        {"id": "2", "lang": "fr", "text": "rien", "spans": [], "source": "hand", "annotated_labels": ["PERSON"]},
    ]
    path.write_bytes(b"\n".join(orjson.dumps(r) for r in rows) + b"\n\n")
    records = load_records(path)
    assert [r.dataset for r in records] == ["tiny_set", "tiny_set"]
    assert records[0].spans == (Span(7, 11, "LOCATION"),)
    assert records[0].annotated_labels == frozenset({"LOCATION", "PERSON"})
    assert len(load_records(path, limit=1)) == 1
    bad = tmp_path / "bad.jsonl"
    bad.write_bytes(orjson.dumps({**rows[0], "spans": [{"start": 7, "end": 99, "label": "LOCATION"}]}))
    with pytest.raises(ValueError, match="outside the text"):
        load_records(bad)


def test_score_rejects_mismatched_lengths() -> None:
    with pytest.raises(ValueError):
        score([rec("x", [])], [])


def test_eval_command_scores_a_small_set_end_to_end(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from processors.cli import main

    data = tmp_path / "tiny.jsonl"
    text = "Mon adresse mail est jean.martin@example.org, merci"
    start = text.index("jean")
    rows = [
        {
            "id": "1",
            "lang": "fr",
            "text": text,
            "source": "hand",
            "annotated_labels": ["EMAIL_ADDRESS"],
            "spans": [{"start": start, "end": start + len("jean.martin@example.org"), "label": "EMAIL_ADDRESS"}],
        },
        {
            "id": "2",
            "lang": "en",
            "text": "ok thanks",
            "spans": [],
            "source": "hand",
            "annotated_labels": ["EMAIL_ADDRESS"],
        },
    ]
    data.write_bytes(b"\n".join(orjson.dumps(r) for r in rows))
    out = tmp_path / "report.json"
    assert main(["eval", str(data), "--json", str(out), "--quiet"]) == 0
    report = orjson.loads(out.read_bytes())
    groups = {(g["dataset"], g["lang"]): g for g in report["groups"]}
    assert set(groups) == {("tiny", "fr"), ("tiny", "en"), ("tiny", "all")}
    email = groups[("tiny", "all")]["labels"]["EMAIL_ADDRESS"]
    assert (email["tp"], email["fn"], email["fp"], email["covered"]) == (1, 0, 0, 1)
    assert "tiny [fr]" in capsys.readouterr().out
