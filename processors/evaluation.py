"""Scoring detections against labelled evaluation sets (``/work/shared/eval/*.jsonl`` format).

Pure functions: the only I/O is reading dataset files. Detection happens elsewhere (``piiflow eval``,
``scripts/compare_presidio.py``); here, predictions are plain ``Span`` lists, one list per record.

Definitions (the project owners' rules, made exact)
----------------------------------------------------
Spans are half-open character ranges ``[start, end)``; two spans *overlap* when they share at least one
character (``a.start < b.end and b.start < a.end``). Labels are the canonical labels of the shared
sets (``PERSON``, ``LOCATION``, ``DATE_TIME``...); ``to_spans`` maps piiflow's entity types onto them
with ``recognizers.entities.EVAL_LABEL`` and keeps unmapped types under their own name.

**Typed scores**, per record and per canonical label ``L`` *that the record annotates*
(``annotated_labels``; a detection whose label the set does not annotate, or that is not canonical at
all, is neither right nor wrong and is skipped):

* ``tp`` (gold side): gold spans of label ``L`` overlapped by at least one detection of label ``L``;
* ``fn``: the other gold spans of label ``L``;
* ``tp_pred`` (detection side): detections of label ``L`` overlapping at least one gold span of ``L``;
* ``fp``: the other detections of label ``L`` (they overlap no gold span of their label).

Both sides are counted independently, so a gold span split into two detections gives ``tp=1,
tp_pred=2`` and one detection spanning two gold spans gives ``tp=2, tp_pred=1``; neither case is
penalised. ``precision = tp_pred / (tp_pred + fp)``, ``recall = tp / (tp + fn)``, F1 their harmonic
mean; any ratio with a zero denominator is reported as 0.0 (and flagged by the zero counts).

**Micro averages** sum the counts over every label except ``ORGANIZATION`` (organisations are not
personal data): ``P = Σtp_pred / (Σtp_pred + Σfp)``, ``R = Σtp / (Σtp + Σfn)``.

**Privacy recall**: the share of gold spans for which the union of *all* detections, whatever their
label (annotated or not, canonical or not), covers at least ``COVERAGE`` (80%) of the span's
characters. The headline figure leaves ``ORGANIZATION`` gold spans out; ``privacy_recall_all``
includes them. A wrong label still hides the value, which is what privacy recall measures.

Results are grouped by dataset (the file's stem, or the name given to ``load_records``) and
language; a dataset with more than one language also gets an ``"all"`` group.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson

COVERAGE = 0.8
EXCLUDED_FROM_HEADLINE = frozenset({"ORGANIZATION"})
ALL_LANGUAGES = "all"
STRUCTURED_LABELS: frozenset[str] = frozenset(
    {"EMAIL_ADDRESS", "PHONE_NUMBER", "IBAN_CODE", "CREDIT_CARD", "NATIONAL_ID"}
)


@dataclass(frozen=True, slots=True)
class Span:
    """A labelled half-open character range ``[start, end)``."""

    start: int
    end: int
    label: str

    def overlaps(self, other: Span) -> bool:
        """True when the two ranges share at least one character."""
        return self.start < other.end and other.start < self.end


@dataclass(frozen=True)
class Record:
    """One labelled text of an evaluation set."""

    id: str
    lang: str
    text: str
    spans: tuple[Span, ...]
    annotated_labels: frozenset[str]
    dataset: str = ""
    source: str = ""

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], dataset: str = "") -> Record:
        """Build from one JSONL object (validates offsets against the text)."""
        text = data["text"]
        spans = tuple(Span(int(s["start"]), int(s["end"]), str(s["label"])) for s in data.get("spans", []))
        for span in spans:
            if not 0 <= span.start <= span.end <= len(text):
                raise ValueError(f"record {data.get('id')}: span {span} outside the text")
        labels = data.get("annotated_labels")
        annotated = frozenset(labels) if labels is not None else frozenset(s.label for s in spans)
        return cls(
            id=str(data["id"]),
            lang=str(data["lang"]),
            text=text,
            spans=spans,
            annotated_labels=annotated,
            dataset=dataset,
            source=str(data.get("source", "")),
        )


def iter_records(path: Path, dataset: str | None = None, limit: int | None = None) -> Iterator[Record]:
    """Records of one JSONL file, in file order (``dataset`` defaults to the file's stem)."""
    name = dataset or path.stem
    count = 0
    with path.open("rb") as handle:
        for number, line in enumerate(handle, start=1):
            if limit is not None and count >= limit:
                return
            if not line.strip():
                continue
            try:
                data = orjson.loads(line)
            except orjson.JSONDecodeError:
                raise ValueError(f"{path}:{number}: not valid JSON") from None
            yield Record.from_dict(data, name)
            count += 1


def load_records(path: Path, dataset: str | None = None, limit: int | None = None) -> list[Record]:
    """All records of one JSONL file (at most ``limit``)."""
    return list(iter_records(path, dataset, limit))


def to_spans(entities: Iterable[Any], label_map: Mapping[str, str] | None = None) -> list[Span]:
    """Detections (anything with ``entity_type``, ``start``, ``end``) as canonical-label spans.

    ``label_map`` defaults to ``recognizers.entities.EVAL_LABEL``. Types absent from it keep their own
    name: they never match a canonical label, but they still count for privacy coverage.
    """
    if label_map is None:
        # Imported here: importing ``recognizers`` loads piiflow's recognizer classes, some of which share
        # their name with Presidio's (``UsSsnRecognizer``...), and Presidio's predefined-recognizer loader
        # picks classes by name among all loaded subclasses. Scoring alone must not cause that.
        from recognizers.entities import EVAL_LABEL

        label_map = EVAL_LABEL
    return [Span(e.start, e.end, label_map.get(e.entity_type, e.entity_type)) for e in entities]


# -- counting -------------------------------------------------------------------------------------


def _ratio(num: int, den: int) -> float:
    return num / den if den else 0.0


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


@dataclass
class LabelCounts:
    """Counts for one canonical label (see the module docstring for the definitions)."""

    gold: int = 0
    predicted: int = 0
    tp: int = 0
    fn: int = 0
    tp_pred: int = 0
    fp: int = 0
    covered: int = 0  # gold spans covered >= COVERAGE by detections of any label

    def add(self, other: LabelCounts) -> None:
        """Accumulate another label's counts into this one."""
        self.gold += other.gold
        self.predicted += other.predicted
        self.tp += other.tp
        self.fn += other.fn
        self.tp_pred += other.tp_pred
        self.fp += other.fp
        self.covered += other.covered

    @property
    def precision(self) -> float:
        """Detection-side precision."""
        return _ratio(self.tp_pred, self.tp_pred + self.fp)

    @property
    def recall(self) -> float:
        """Gold-side recall."""
        return _ratio(self.tp, self.tp + self.fn)

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        return _f1(self.precision, self.recall)

    @property
    def privacy_recall(self) -> float:
        """Share of this label's gold spans covered >= 80% by any detection."""
        return _ratio(self.covered, self.gold)

    def as_dict(self) -> dict[str, Any]:
        """JSON form: counts and rounded ratios."""
        return {
            "gold": self.gold,
            "predicted": self.predicted,
            "tp": self.tp,
            "fn": self.fn,
            "tp_pred": self.tp_pred,
            "fp": self.fp,
            "covered": self.covered,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "privacy_recall": round(self.privacy_recall, 4),
        }


@dataclass
class GroupReport:
    """Scores of one dataset × language."""

    dataset: str
    lang: str
    records: int = 0
    labels: dict[str, LabelCounts] = field(default_factory=dict)

    def counts(self, label: str) -> LabelCounts:
        """Counts of one label (created empty on first use)."""
        return self.labels.setdefault(label, LabelCounts())

    def total(self, labels: Iterable[str] | None = None, exclude: Iterable[str] = ()) -> LabelCounts:
        """Counts summed over ``labels`` (default: all scored labels) minus ``exclude``."""
        chosen = set(self.labels if labels is None else labels) - set(exclude)
        out = LabelCounts()
        for label in chosen:
            if label in self.labels:
                out.add(self.labels[label])
        return out

    @property
    def micro(self) -> LabelCounts:
        """Counts summed over every label but ORGANIZATION."""
        return self.total(exclude=EXCLUDED_FROM_HEADLINE)

    @property
    def privacy_recall(self) -> float:
        """Headline privacy recall (ORGANIZATION gold spans left out)."""
        return self.micro.privacy_recall

    @property
    def privacy_recall_all(self) -> float:
        """Privacy recall over every gold span, ORGANIZATION included."""
        return self.total().privacy_recall

    def as_dict(self) -> dict[str, Any]:
        """JSON form."""
        micro = self.micro
        return {
            "dataset": self.dataset,
            "lang": self.lang,
            "records": self.records,
            "micro_precision": round(micro.precision, 4),
            "micro_recall": round(micro.recall, 4),
            "micro_f1": round(micro.f1, 4),
            "privacy_recall": round(self.privacy_recall, 4),
            "privacy_recall_all": round(self.privacy_recall_all, 4),
            "labels": {label: c.as_dict() for label, c in sorted(self.labels.items())},
        }


@dataclass
class Report:
    """Scores per (dataset, language), in first-seen order."""

    groups: dict[tuple[str, str], GroupReport] = field(default_factory=dict)

    def group(self, dataset: str, lang: str) -> GroupReport:
        """The group of a dataset and language (created empty on first use)."""
        key = (dataset, lang)
        if key not in self.groups:
            self.groups[key] = GroupReport(dataset, lang)
        return self.groups[key]

    def datasets(self) -> list[str]:
        """Dataset names in first-seen order."""
        return list(dict.fromkeys(d for d, _ in self.groups))

    def for_dataset(self, dataset: str) -> list[GroupReport]:
        """The groups of one dataset (per language, then ``all`` if present)."""
        return [g for (d, _), g in self.groups.items() if d == dataset]

    def overall(self, dataset: str) -> GroupReport:
        """The dataset's ``all`` group if it has several languages, else its only group."""
        groups = self.for_dataset(dataset)
        for g in groups:
            if g.lang == ALL_LANGUAGES:
                return g
        if len(groups) != 1:
            raise KeyError(dataset)
        return groups[0]

    def as_dict(self) -> dict[str, Any]:
        """JSON form: a list of groups."""
        return {"coverage": COVERAGE, "groups": [g.as_dict() for g in self.groups.values()]}


def coverage(gold: Span, detections: Sequence[Span]) -> float:
    """Share of ``gold``'s characters inside the union of ``detections`` (1.0 for an empty span)."""
    length = gold.end - gold.start
    if length <= 0:
        return 1.0
    pieces = sorted((max(d.start, gold.start), min(d.end, gold.end)) for d in detections if d.overlaps(gold))
    covered, cursor = 0, gold.start
    for piece_start, piece_end in pieces:
        begin = max(piece_start, cursor)
        if piece_end > begin:
            covered += piece_end - begin
            cursor = piece_end
    return covered / length


def score_record(record: Record, predicted: Sequence[Span]) -> dict[str, LabelCounts]:
    """Per-label counts for one record (only labels with gold spans or annotated detections)."""
    out: dict[str, LabelCounts] = defaultdict(LabelCounts)
    gold_by_label: dict[str, list[Span]] = defaultdict(list)
    for g in record.spans:
        gold_by_label[g.label].append(g)
    pred_by_label: dict[str, list[Span]] = defaultdict(list)
    for p in predicted:
        if p.label in record.annotated_labels:
            pred_by_label[p.label].append(p)
    for label in set(gold_by_label) | set(pred_by_label):
        gold, preds = gold_by_label.get(label, []), pred_by_label.get(label, [])
        counts = out[label]
        counts.gold = len(gold)
        counts.predicted = len(preds)
        counts.tp = sum(any(p.overlaps(g) for p in preds) for g in gold)
        counts.fn = counts.gold - counts.tp
        counts.tp_pred = sum(any(p.overlaps(g) for g in gold) for p in preds)
        counts.fp = counts.predicted - counts.tp_pred
        counts.covered = sum(coverage(g, predicted) >= COVERAGE for g in gold)
    return dict(out)


def score(records: Sequence[Record], predictions: Sequence[Sequence[Span]]) -> Report:
    """Score ``predictions[i]`` against ``records[i]``; groups per dataset × language (+ ``all``)."""
    if len(records) != len(predictions):
        raise ValueError(f"{len(records)} records but {len(predictions)} prediction lists")
    report = Report()
    languages: dict[str, set[str]] = defaultdict(set)
    for record in records:
        languages[record.dataset].add(record.lang)
    for record, predicted in zip(records, predictions, strict=True):
        targets = [report.group(record.dataset, record.lang)]
        if len(languages[record.dataset]) > 1:
            targets.append(report.group(record.dataset, ALL_LANGUAGES))
        per_label = score_record(record, predicted)
        for group in targets:
            group.records += 1
            for label, counts in per_label.items():
                group.counts(label).add(counts)
    # "all" groups after the per-language ones of their dataset, for reading order.
    ordered: dict[tuple[str, str], GroupReport] = {}
    for dataset in report.datasets():
        for (d, lang), g in report.groups.items():
            if d == dataset and lang != ALL_LANGUAGES:
                ordered[(d, lang)] = g
        if (dataset, ALL_LANGUAGES) in report.groups:
            ordered[(dataset, ALL_LANGUAGES)] = report.groups[(dataset, ALL_LANGUAGES)]
    report.groups = ordered
    return report


@dataclass(frozen=True)
class Mistake:
    """One error for error analysis: a missed gold span (``fn``) or a spurious detection (``fp``)."""

    kind: str  # "fn" or "fp"
    record_id: str
    label: str
    start: int
    end: int
    found_as: tuple[str, ...] = ()  # for fn: labels of detections overlapping it, if any


def mistakes(record: Record, predicted: Sequence[Span]) -> list[Mistake]:
    """The record's typed errors, as counted by ``score_record``."""
    out = []
    for g in record.spans:
        if not any(p.label == g.label and p.overlaps(g) for p in predicted):
            others = tuple(sorted({p.label for p in predicted if p.overlaps(g)}))
            out.append(Mistake("fn", record.id, g.label, g.start, g.end, others))
    for p in predicted:
        if p.label in record.annotated_labels and not any(g.label == p.label and g.overlaps(p) for g in record.spans):
            out.append(Mistake("fp", record.id, p.label, p.start, p.end))
    return out
