"""``piiflow report``: a self-contained HTML report for a DPO, built from the audit trail.

The input is ``pii.audit`` records (schema ``piiflow.audit/1``, one JSON object per line: what the
worker publishes and what ``piiflow redact`` writes to ``audit.jsonl``). Audit records never hold
message text or detected values, so neither does the report: it shows counts, entity types, reason
codes, policy names and hashes, key ids and times.

``build_report(records)`` is a pure function (records in, one HTML string out). The HTML has no
script, no external resource (no CDN, no web font, no image file): inline CSS and inline SVG only.
Every value taken from the records is HTML-escaped. Numbers carry ``id``/``data-*`` attributes so
that tests and scripts can read them back.
"""

from __future__ import annotations

import argparse
import html
import math
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import orjson

AUDIT_SCHEMA = "piiflow.audit/1"
HOURLY_MAX_SPAN = timedelta(hours=72)
DAILY_MAX_SPAN = timedelta(days=400)
LANG_COLOURS = {"fr": "#2f6db3", "nl": "#e07b22", "en": "#3f9a4a"}
OTHER_COLOURS = ("#8e5bb5", "#b5485b", "#4aa3a3", "#7a7a7a")
PROCESSED_COLOUR = "#2f6db3"
DEAD_LETTER_COLOUR = "#c0392b"
NO_LANGUAGE = "—"


def esc(value: object) -> str:
    """HTML-escape any value (text and attribute values alike)."""
    return html.escape(str(value), quote=True)


def _parse_time(value: object) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    return (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).astimezone(UTC)


def _fmt_time(moment: datetime | None) -> str:
    return moment.strftime("%Y-%m-%d %H:%M:%S UTC") if moment else "—"


def _percentile(values: Sequence[float], q: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return 0.0
    rank = max(0, math.ceil(q / 100 * len(ordered)) - 1)
    return ordered[rank]


def classify_reason(reason: str) -> str:
    """A readable family for a sink's drop reason (as written by ``processors.policy.decide``)."""
    if reason.startswith("no_consent:") and reason.endswith(":absent"):
        return "consent absent"
    if reason.startswith("no_consent:") and reason.endswith(":refused"):
        return "consent refused"
    if reason.startswith("special_category:no_consent:"):
        return "special-category consent missing"
    if reason.startswith("special_category:"):
        return "special-category policy"
    if reason.startswith("dead_letter:"):
        return "dead letter"
    return "other"


def _is_consent_based(reason: str) -> bool:
    return reason.startswith(("no_consent:", "special_category:no_consent:"))


@dataclass
class _Window:
    count: int = 0
    first: datetime | None = None
    last: datetime | None = None

    def add(self, moment: datetime | None) -> None:
        self.count += 1
        if moment is not None:
            self.first = moment if self.first is None else min(self.first, moment)
            self.last = moment if self.last is None else max(self.last, moment)


@dataclass
class Aggregate:
    """Everything the report shows, counted from the audit records."""

    total: int = 0
    processed: int = 0
    dead_letters: int = 0
    ignored: int = 0
    undated: int = 0
    with_entities: int = 0
    entity_total: int = 0
    special_messages: int = 0
    times: list[datetime] = field(default_factory=list)
    outcomes_by_time: list[tuple[datetime, str]] = field(default_factory=list)
    conversations: set[str] = field(default_factory=set)
    entities: Counter[tuple[str, str]] = field(default_factory=Counter)
    entity_messages: Counter[str] = field(default_factory=Counter)
    entity_min_score: dict[str, float] = field(default_factory=dict)
    entity_recognizers: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    special: Counter[tuple[str, str]] = field(default_factory=Counter)
    special_sinks: Counter[tuple[str, str, str]] = field(default_factory=Counter)
    sinks: dict[str, Counter[tuple[str, str]]] = field(default_factory=lambda: defaultdict(Counter))
    dead_letter_reasons: Counter[str] = field(default_factory=Counter)
    policies: dict[tuple[str, str], _Window] = field(default_factory=dict)
    languages: Counter[tuple[str, str]] = field(default_factory=Counter)
    key_ids: Counter[tuple[str, str]] = field(default_factory=Counter)
    processing_ms: list[float] = field(default_factory=list)

    @property
    def first(self) -> datetime | None:
        return min(self.times) if self.times else None

    @property
    def last(self) -> datetime | None:
        return max(self.times) if self.times else None

    def languages_seen(self) -> list[str]:
        langs = {lang for _, lang in self.entities} | {lang for _, lang in self.special}
        known = [lang for lang in LANG_COLOURS if lang in langs]
        return known + sorted(langs - set(known))


def aggregate(records: Iterable[Mapping[str, Any]]) -> Aggregate:
    """Count what the report needs; records that are not audit records are counted as ignored."""
    agg = Aggregate()
    for record in records:
        if not isinstance(record, Mapping) or record.get("schema") != AUDIT_SCHEMA:
            agg.ignored += 1
            continue
        agg.total += 1
        moment = _parse_time(record.get("processed_at"))
        dead = record.get("outcome") == "dead_letter"
        if moment is None:
            agg.undated += 1
        else:
            agg.times.append(moment)
            agg.outcomes_by_time.append((moment, "dead_letter" if dead else "processed"))
        if dead:
            agg.dead_letters += 1
            agg.dead_letter_reasons[str(record.get("dead_letter_reason") or "unknown")] += 1
        else:
            agg.processed += 1
            ms = record.get("processing_ms")
            if isinstance(ms, int | float):
                agg.processing_ms.append(float(ms))
        conversation = record.get("conversation")
        if isinstance(conversation, str):
            agg.conversations.add(conversation)
        lang = str(record.get("lang") or NO_LANGUAGE)
        if record.get("lang") or not dead:
            source = record.get("lang_source") or ("not chosen" if dead else "unknown")
            agg.languages[(lang, str(source))] += 1

        entities = record.get("entities") or {}
        if isinstance(entities, Mapping) and entities:
            agg.with_entities += 1
            for entity_type, raw_info in entities.items():
                info = raw_info if isinstance(raw_info, Mapping) else {}
                count = int(info.get("count", 1) or 0)
                agg.entities[(str(entity_type), lang)] += count
                agg.entity_total += count
                agg.entity_messages[str(entity_type)] += 1
                score = info.get("min_score")
                if isinstance(score, int | float):
                    previous = agg.entity_min_score.get(str(entity_type), 1.0)
                    agg.entity_min_score[str(entity_type)] = min(previous, float(score))
                for recognizer in info.get("recognizers") or []:
                    agg.entity_recognizers[str(entity_type)].add(str(recognizer))

        special = [str(s) for s in record.get("special_categories") or []]
        for category in special:
            agg.special[(category, lang)] += 1
        sinks = record.get("sinks") or {}
        if isinstance(sinks, Mapping):
            for sink, raw_decision in sinks.items():
                decision = raw_decision if isinstance(raw_decision, Mapping) else {}
                verdict = str(decision.get("decision") or "unknown")
                why = str(decision.get("basis") or decision.get("reason") or "—")
                agg.sinks[str(sink)][(verdict, why)] += 1
                if special:
                    agg.special_sinks[(str(sink), verdict, why)] += 1
        if special:
            agg.special_messages += 1

        policy = record.get("policy") or {}
        if isinstance(policy, Mapping):
            key = (str(policy.get("name") or "—"), str(policy.get("hash") or "—"))
            agg.policies.setdefault(key, _Window()).add(moment)
        key_ids = record.get("key_ids") or {}
        if isinstance(key_ids, Mapping):
            for ring, key_id in key_ids.items():
                if key_id:
                    agg.key_ids[(str(ring), str(key_id))] += 1
    return agg


# -- time buckets -------------------------------------------------------------------------------------


def _bucket_unit(first: datetime, last: datetime) -> str:
    span = last - first
    if span <= HOURLY_MAX_SPAN:
        return "hour"
    if span <= DAILY_MAX_SPAN:
        return "day"
    return "month"


def _floor(moment: datetime, unit: str) -> datetime:
    if unit == "hour":
        return moment.replace(minute=0, second=0, microsecond=0)
    if unit == "day":
        return moment.replace(hour=0, minute=0, second=0, microsecond=0)
    return moment.replace(day=1, hour=0, minute=0, second=0, microsecond=0)


def _next(moment: datetime, unit: str) -> datetime:
    if unit == "hour":
        return moment + timedelta(hours=1)
    if unit == "day":
        return moment + timedelta(days=1)
    return (moment.replace(day=28) + timedelta(days=4)).replace(day=1)


def _label(moment: datetime, unit: str) -> str:
    return moment.strftime({"hour": "%m-%d %H:00", "day": "%Y-%m-%d", "month": "%Y-%m"}[unit])


def volume_buckets(agg: Aggregate) -> tuple[str, list[tuple[str, int, int]]]:
    """The time unit and, per bucket (gaps included), (label, processed, dead letters)."""
    first, last = agg.first, agg.last
    if first is None or last is None:
        return "hour", []
    unit = _bucket_unit(first, last)
    counts: Counter[tuple[datetime, str]] = Counter((_floor(t, unit), kind) for t, kind in agg.outcomes_by_time)
    buckets = []
    cursor = _floor(first, unit)
    while cursor <= last:
        buckets.append((_label(cursor, unit), counts[(cursor, "processed")], counts[(cursor, "dead_letter")]))
        cursor = _next(cursor, unit)
    return unit, buckets


# -- SVG charts ---------------------------------------------------------------------------------------


def _nice_max(value: int) -> int:
    if value <= 5:
        return max(value, 1)
    magnitude = 10 ** int(math.log10(value))
    for step in (1, 2, 2.5, 5, 10):
        if value <= step * magnitude:
            return int(step * magnitude)
    return value


def svg_volume(buckets: list[tuple[str, int, int]], unit: str) -> str:
    """Stacked bars: processed and dead-lettered messages per time bucket."""
    width, height, left, bottom, top = 960, 260, 52, 58, 14
    plot_w, plot_h = width - left - 12, height - top - bottom
    peak = _nice_max(max((p + d for _, p, d in buckets), default=0))
    n = max(1, len(buckets))
    slot = plot_w / n
    bar = max(1.0, min(slot * 0.8, 48.0))
    label_every = max(1, math.ceil(n / 16))
    parts = [
        f'<svg class="chart" role="img" viewBox="0 0 {width} {height}" width="100%" '
        f'aria-label="messages per {esc(unit)}">'
    ]
    for i in range(5):
        value = peak * i / 4
        y = top + plot_h - plot_h * i / 4
        parts.append(f'<line x1="{left}" y1="{y:.1f}" x2="{width - 12}" y2="{y:.1f}" class="grid"/>')
        parts.append(f'<text x="{left - 6}" y="{y + 4:.1f}" class="tick" text-anchor="end">{value:g}</text>')
    for index, (label, processed, dead) in enumerate(buckets):
        x = left + index * slot + (slot - bar) / 2
        h_p = plot_h * processed / peak
        h_d = plot_h * dead / peak
        y_p = top + plot_h - h_p
        tip = f"{label}: {processed} processed, {dead} dead letters"
        parts.append(
            f"<g><title>{esc(tip)}</title>"
            f'<rect x="{x:.1f}" y="{y_p:.1f}" width="{bar:.1f}" height="{h_p:.1f}" fill="{PROCESSED_COLOUR}"/>'
            f'<rect x="{x:.1f}" y="{y_p - h_d:.1f}" width="{bar:.1f}" height="{h_d:.1f}" '
            f'fill="{DEAD_LETTER_COLOUR}"/></g>'
        )
        if index % label_every == 0:
            cx, cy = x + bar / 2, top + plot_h + 12
            parts.append(
                f'<text x="{cx:.1f}" y="{cy:.1f}" class="tick" text-anchor="end" '
                f'transform="rotate(-35 {cx:.1f} {cy:.1f})">{esc(label)}</text>'
            )
    parts.append(f'<line x1="{left}" y1="{top + plot_h}" x2="{width - 12}" y2="{top + plot_h}" class="axis"/>')
    parts.append("</svg>")
    return "".join(parts)


def _lang_colour(lang: str, langs: list[str]) -> str:
    if lang in LANG_COLOURS:
        return LANG_COLOURS[lang]
    others = [x for x in langs if x not in LANG_COLOURS]
    return OTHER_COLOURS[others.index(lang) % len(OTHER_COLOURS)] if lang in others else OTHER_COLOURS[-1]


def svg_entities(agg: Aggregate) -> str:
    """Horizontal bars: entities per type, one segment per language."""
    langs = agg.languages_seen()
    totals = Counter[str]()
    for (entity_type, _), count in agg.entities.items():
        totals[entity_type] += count
    types = sorted(totals, key=lambda t: (-totals[t], t))
    row, left, right, top = 22, 230, 60, 8
    width = 960
    plot_w = width - left - right
    height = top + row * len(types) + 30
    peak = max(totals.values(), default=1)
    parts = [
        f'<svg class="chart" role="img" viewBox="0 0 {width} {height}" width="100%" '
        f'aria-label="entities per type and language">'
    ]
    for index, entity_type in enumerate(types):
        y = top + index * row
        parts.append(f'<text x="{left - 8}" y="{y + 15}" class="label" text-anchor="end">{esc(entity_type)}</text>')
        x = float(left)
        for lang in langs:
            count = agg.entities.get((entity_type, lang), 0)
            if not count:
                continue
            w = plot_w * count / peak
            parts.append(
                f'<rect x="{x:.1f}" y="{y + 3}" width="{w:.1f}" height="{row - 6}" '
                f'fill="{_lang_colour(lang, langs)}"><title>{esc(f"{entity_type} ({lang}): {count}")}</title></rect>'
            )
            x += w
        parts.append(f'<text x="{x + 6:.1f}" y="{y + 15}" class="tick">{totals[entity_type]}</text>')
    legend_y = top + row * len(types) + 18
    x = float(left)
    for lang in langs:
        parts.append(
            f'<rect x="{x:.1f}" y="{legend_y - 10}" width="12" height="12" fill="{_lang_colour(lang, langs)}"/>'
            f'<text x="{x + 16:.1f}" y="{legend_y}" class="tick">{esc(lang)}</text>'
        )
        x += 70
    parts.append("</svg>")
    return "".join(parts)


# -- HTML ---------------------------------------------------------------------------------------------

CSS = """
:root { --ink: #1d2330; --muted: #5b6475; --line: #d9dde5; --soft: #f4f6f9; --accent: #2f6db3; --bad: #c0392b; }
* { box-sizing: border-box; }
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  color: var(--ink); margin: 0 auto; max-width: 1100px; padding: 24px 28px 48px; line-height: 1.45; }
h1 { font-size: 1.6rem; margin: 0 0 4px; }
h2 { font-size: 1.15rem; margin: 0 0 10px; padding-bottom: 4px; border-bottom: 2px solid var(--line); }
h3 { font-size: 1rem; margin: 14px 0 6px; }
p { margin: 4px 0 8px; }
.muted, .note { color: var(--muted); font-size: 0.9rem; }
.note { background: var(--soft); border-left: 4px solid var(--accent); padding: 8px 12px; margin-top: 10px; }
section { margin-top: 28px; break-inside: avoid; page-break-inside: avoid; }
.cards { display: grid; grid-template-columns: repeat(4, 1fr); gap: 10px; }
.card { border: 1px solid var(--line); border-radius: 6px; padding: 10px 12px; background: #fff; }
.card .num { display: block; font-size: 1.6rem; font-weight: 650; font-variant-numeric: tabular-nums; }
.card .label { color: var(--muted); font-size: 0.85rem; }
.card.bad .num { color: var(--bad); }
table { border-collapse: collapse; width: 100%; font-size: 0.9rem; margin: 6px 0 4px; }
th, td { border-bottom: 1px solid var(--line); padding: 5px 8px; text-align: left; vertical-align: top; }
th { background: var(--soft); font-weight: 600; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
tr.total td { font-weight: 650; border-top: 2px solid var(--line); }
code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: 0.85em;
  background: var(--soft); padding: 1px 4px; border-radius: 3px; }
.tag { display: inline-block; font-size: 0.75rem; padding: 1px 6px; border-radius: 10px; background: var(--soft);
  border: 1px solid var(--line); white-space: nowrap; }
.tag.consent { background: #fff4e5; border-color: #f0c27b; }
.tag.sent { background: #e8f4ea; border-color: #9fcca7; }
.chart { display: block; max-width: 100%; height: auto; }
.chart .grid { stroke: #e6e9ef; stroke-width: 1; }
.chart .axis { stroke: #9aa2b1; stroke-width: 1; }
.chart .tick { font-size: 11px; fill: #5b6475; }
.chart .label { font-size: 12px; fill: #1d2330; }
.legend { font-size: 0.85rem; color: var(--muted); }
.legend span.sw { display: inline-block; width: 11px; height: 11px; margin: 0 4px 0 10px; vertical-align: -1px; }
.cols { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 2fr); gap: 24px; }
td code { overflow-wrap: anywhere; }
footer { margin-top: 36px; color: var(--muted); font-size: 0.8rem; border-top: 1px solid var(--line);
  padding-top: 8px; }
@page { size: A4; margin: 14mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 10pt; }
  .cards { grid-template-columns: repeat(4, 1fr); }
  section { margin-top: 16px; }
  details > summary { display: none; }
}
"""


def _data(**values: object) -> str:
    """``data-*`` attributes (underscores become dashes), escaped."""
    return "".join(f' data-{name.replace("_", "-")}="{esc(value)}"' for name, value in values.items())


def _num(value: int | float, attrs: str = "") -> str:
    text = f"{value:,}" if isinstance(value, int) else f"{value:,.1f}"
    return f'<td class="n"{attrs} data-value="{esc(value)}">{esc(text)}</td>'


def _card(ident: str, value: int, label: str, bad: bool = False) -> str:
    return (
        f'<div class="card{" bad" if bad and value else ""}"><span class="num" id="{esc(ident)}" '
        f'data-value="{value}">{value:,}</span><span class="label">{esc(label)}</span></div>'
    )


def _pct(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f} %" if whole else "—"


def _section_summary(agg: Aggregate) -> str:
    cards = [
        _card("total-messages", agg.total, "messages audited"),
        _card("total-processed", agg.processed, "processed (routed to sinks)"),
        _card("total-dead-letters", agg.dead_letters, "dead letters", bad=True),
        _card("total-conversations", len(agg.conversations), "conversations (audit tokens)"),
        _card("total-with-pii", agg.with_entities, "messages with personal data"),
        _card("total-entities", agg.entity_total, "entities detected"),
        _card(
            "total-special",
            agg.special_messages,
            "messages with special categories (art. 9) or criminal data (art. 10)",
            bad=True,
        ),
        _card("total-ignored", agg.ignored, "lines ignored (unreadable, or not piiflow.audit/1)", bad=True),
    ]
    p99 = _percentile(agg.processing_ms, 99)
    p50 = _percentile(agg.processing_ms, 50)
    return (
        '<section id="summary"><h2>Summary</h2>'
        f'<div class="cards">{"".join(cards)}</div>'
        f'<p class="muted">Period: <span id="period-first">{esc(_fmt_time(agg.first))}</span> to '
        f'<span id="period-last">{esc(_fmt_time(agg.last))}</span>'
        f"{f' ({agg.undated} records without a readable time)' if agg.undated else ''}. "
        f"Personal data found in {_pct(agg.with_entities, agg.processed)} of processed messages; "
        f"dead-letter rate {_pct(agg.dead_letters, agg.total)}. Processing time per message (batch average): "
        f"median {p50:.1f} ms, p99 {p99:.1f} ms.</p></section>"
    )


def _section_volume(agg: Aggregate) -> str:
    unit, buckets = volume_buckets(agg)
    if not buckets:
        return '<section id="volume"><h2>Volume over time</h2><p class="muted">No dated records.</p></section>'
    rows = "".join(f"<tr><td>{esc(label)}</td>{_num(p)}{_num(d)}</tr>" for label, p, d in buckets if p or d)
    return (
        f'<section id="volume"><h2>Volume over time (per {esc(unit)}, UTC)</h2>'
        f'<p class="legend"><span class="sw" style="background:{PROCESSED_COLOUR}"></span>processed'
        f'<span class="sw" style="background:{DEAD_LETTER_COLOUR}"></span>dead letters</p>'
        f"{svg_volume(buckets, unit)}"
        f"<details><summary>Numbers per {esc(unit)}</summary><table><thead><tr><th>{esc(unit)}</th>"
        f'<th class="n">processed</th><th class="n">dead letters</th></tr></thead><tbody>{rows}</tbody>'
        "</table></details></section>"
    )


def _section_entities(agg: Aggregate) -> str:
    if not agg.entities:
        return (
            '<section id="entities"><h2>Personal data detected</h2>'
            '<p class="muted">No entities in these records.</p></section>'
        )
    langs = agg.languages_seen()
    totals = Counter[str]()
    for (entity_type, _), count in agg.entities.items():
        totals[entity_type] += count
    head = "".join(f'<th class="n">{esc(lang)}</th>' for lang in langs)
    rows = []
    for entity_type in sorted(totals, key=lambda t: (-totals[t], t)):
        cells = "".join(
            _num(agg.entities.get((entity_type, lang), 0), _data(entity=entity_type, lang=lang)) for lang in langs
        )
        recognizers = ", ".join(sorted(agg.entity_recognizers.get(entity_type, set())))
        min_score = agg.entity_min_score.get(entity_type)
        rows.append(
            f"<tr><td><code>{esc(entity_type)}</code></td>{cells}"
            f"{_num(totals[entity_type], _data(entity_total=entity_type))}"
            f"{_num(agg.entity_messages[entity_type])}"
            f'<td class="n">{esc(f"{min_score:.2f}" if min_score is not None else "—")}</td>'
            f'<td class="muted">{esc(recognizers or "—")}</td></tr>'
        )
    lang_totals = "".join(
        _num(sum(c for (_, lang), c in agg.entities.items() if lang == language)) for language in langs
    )
    rows.append(
        f'<tr class="total"><td>total</td>{lang_totals}{_num(agg.entity_total)}'
        f"{_num(agg.with_entities)}<td></td><td></td></tr>"
    )
    return (
        '<section id="entities"><h2>Personal data detected, per type and language</h2>'
        f"{svg_entities(agg)}"
        f'<table><thead><tr><th>entity type</th>{head}<th class="n">total</th><th class="n">messages</th>'
        f'<th class="n">lowest score</th><th>recognizers</th></tr></thead><tbody>{"".join(rows)}</tbody></table>'
        '<p class="muted">Counts of detected spans (a message can hold several). "messages" counts messages with at '
        "least one span of the type; the total row counts messages with any.</p></section>"
    )


def _decision_tag(verdict: str, why: str) -> str:
    if verdict == "sent":
        return '<span class="tag sent">sent</span>'
    css = "tag consent" if _is_consent_based(why) else "tag"
    return f'<span class="{css}">{esc(classify_reason(why))}</span>'


def _section_special(agg: Aggregate) -> str:
    if not agg.special:
        return (
            '<section id="special"><h2>Special categories (GDPR art. 9) and criminal data (art. 10)</h2>'
            "<p>No message was flagged with a special category in these records.</p></section>"
        )
    flagged = {lang for _, lang in agg.special}
    langs = [lang for lang in agg.languages_seen() if lang in flagged]
    categories = sorted({c for c, _ in agg.special})
    head = "".join(f'<th class="n">{esc(lang)}</th>' for lang in langs)
    rows = "".join(
        f"<tr><td><code>{esc(category)}</code></td>"
        + "".join(_num(agg.special.get((category, lang), 0)) for lang in langs)
        + _num(sum(agg.special.get((category, lang), 0) for lang in langs), _data(special=category))
        + "</tr>"
        for category in categories
    )
    sink_rows = "".join(
        f"<tr><td>{esc(sink)}</td><td>{_decision_tag(verdict, why)}</td><td><code>{esc(why)}</code></td>"
        f"{_num(count)}</tr>"
        for (sink, verdict, why), count in sorted(
            agg.special_sinks.items(), key=lambda item: (item[0][0], item[0][1] != "sent", -item[1])
        )
    )
    return (
        '<section id="special"><h2>Special categories (GDPR art. 9) and criminal data (art. 10)</h2>'
        f'<p><strong data-value="{agg.special_messages}" id="special-messages">{agg.special_messages:,}</strong> '
        "messages were flagged (messages per category and language below; one message can carry several).</p>"
        f'<div class="cols"><div><table><thead><tr><th>category</th>{head}<th class="n">total</th></tr></thead>'
        f"<tbody>{rows}</tbody></table></div>"
        "<div><table><thead><tr><th>sink</th><th>decision</th><th>basis / reason</th>"
        f'<th class="n">messages</th></tr></thead><tbody>{sink_rows}</tbody></table></div></div></section>'
    )


def _section_sinks(agg: Aggregate) -> str:
    if not agg.sinks:
        return '<section id="sinks"><h2>Sinks</h2><p class="muted">No sink decisions recorded.</p></section>'
    overview = []
    details = []
    for sink in sorted(agg.sinks):
        counts = agg.sinks[sink]
        sent = sum(c for (verdict, _), c in counts.items() if verdict == "sent")
        dropped = sum(c for (verdict, _), c in counts.items() if verdict != "sent")
        consent = sum(c for (verdict, why), c in counts.items() if verdict != "sent" and _is_consent_based(why))
        dead = sum(c for (verdict, why), c in counts.items() if verdict != "sent" and why.startswith("dead_letter:"))
        overview.append(
            f"<tr><td><strong>{esc(sink)}</strong></td>"
            f"{_num(sent, _data(sink=sink, metric='sent'))}"
            f"{_num(dropped, _data(sink=sink, metric='dropped'))}"
            f"{_num(consent, _data(sink=sink, metric='dropped-consent'))}"
            f"{_num(dead, _data(sink=sink, metric='dropped-dead-letter'))}"
            f'<td class="n">{esc(_pct(sent, sent + dropped))}</td></tr>'
        )
        for (verdict, why), count in sorted(counts.items(), key=lambda item: (item[0][0] != "sent", -item[1])):
            details.append(
                f"<tr><td>{esc(sink)}</td><td>{_decision_tag(verdict, why)}</td><td><code>{esc(why)}</code></td>"
                f"{_num(count, _data(sink=sink, why=why))}</tr>"
            )
    return (
        '<section id="sinks"><h2>Sinks: sent and dropped</h2>'
        '<table><thead><tr><th>sink</th><th class="n">sent</th><th class="n">dropped</th>'
        '<th class="n">of which for consent</th><th class="n">of which dead letters</th><th class="n">sent rate</th>'
        f"</tr></thead><tbody>{''.join(overview)}</tbody></table>"
        "<h3>Legal basis (sent) and reasons (dropped)</h3>"
        '<table><thead><tr><th>sink</th><th>decision</th><th>basis / reason code</th><th class="n">messages</th>'
        f"</tr></thead><tbody>{''.join(details)}</tbody></table>"
        '<p class="muted"><code>consent:F</code>: flag F was true; <code>consent_default:F</code>: flag F absent and '
        "the sink's default allows; <code>no_consent:F:absent|refused</code>: dropped for consent; "
        "<code>special_category:…</code>: the sink's special-category rule; <code>dead_letter:…</code>: the message "
        "was not processed.</p></section>"
    )


def _section_dead_letters(agg: Aggregate) -> str:
    if not agg.dead_letter_reasons:
        return '<section id="dead-letters"><h2>Dead letters</h2><p>No dead letters in these records.</p></section>'
    rows = "".join(
        f"<tr><td><code>{esc(reason)}</code></td>{_num(count, _data(reason=reason))}"
        f'<td class="n">{esc(_pct(count, agg.total))}</td></tr>'
        for reason, count in sorted(agg.dead_letter_reasons.items(), key=lambda item: (-item[1], item[0]))
    )
    return (
        '<section id="dead-letters"><h2>Dead letters per reason</h2>'
        '<table><thead><tr><th>reason</th><th class="n">messages</th><th class="n">of all audited</th></tr></thead>'
        f"<tbody>{rows}</tbody></table>"
        '<p class="muted">A dead-lettered message reached no sink; its payload is kept sealed (AES-256-GCM) on the '
        "dead-letter topic for the configured dead-letter retention.</p></section>"
    )


def _section_policies(agg: Aggregate) -> str:
    rows = "".join(
        f"<tr><td>{esc(name)}</td><td><code>{esc(digest)}</code></td>"
        f"{_num(window.count, _data(policy_name=name, policy_hash=digest))}"
        f"<td>{esc(_fmt_time(window.first))}</td><td>{esc(_fmt_time(window.last))}</td></tr>"
        for (name, digest), window in sorted(
            agg.policies.items(), key=lambda item: (item[1].first or datetime.max.replace(tzinfo=UTC), item[0])
        )
    )
    return (
        '<section id="policies"><h2>Policy versions</h2>'
        f'<p><span id="policy-versions" data-value="{len(agg.policies)}">{len(agg.policies)}</span> policy '
        "version(s) seen. The hash covers the policy name, sinks (consent, operators, retention, field rules) "
        "and detection settings: a new hash means the rules changed.</p>"
        '<table><thead><tr><th>policy name</th><th>hash</th><th class="n">messages</th><th>first seen</th>'
        f"<th>last seen</th></tr></thead><tbody>{rows}</tbody></table></section>"
    )


def _section_languages(agg: Aggregate) -> str:
    sources = sorted({source for _, source in agg.languages})
    langs = sorted({lang for lang, _ in agg.languages})
    head = "".join(f'<th class="n">{esc(source)}</th>' for source in sources)
    rows = "".join(
        f"<tr><td>{esc(lang)}</td>"
        + "".join(_num(agg.languages.get((lang, source), 0), _data(lang=lang, source=source)) for source in sources)
        + _num(sum(agg.languages.get((lang, source), 0) for source in sources))
        + "</tr>"
        for lang in langs
    )
    return (
        '<section id="languages"><h2>Languages and how they were chosen</h2>'
        f'<table><thead><tr><th>language</th>{head}<th class="n">total</th></tr></thead><tbody>{rows}</tbody></table>'
        '<p class="muted"><code>given</code>: the producer\'s <code>lang</code> field; <code>detected</code>: '
        "offline detection among the supported languages; <code>fallback</code>: detection not confident, the "
        "configured fallback language was used. Dead letters rejected before a language was chosen are not "
        "counted here.</p></section>"
    )


def _section_keys(agg: Aggregate) -> str:
    if not agg.key_ids:
        return ""
    rows = "".join(
        f"<tr><td>{esc(ring)}</td><td><code>{esc(key_id)}</code></td>{_num(count)}</tr>"
        for (ring, key_id), count in sorted(agg.key_ids.items())
    )
    return (
        '<section id="keys"><h2>Key ids in use</h2>'
        '<p class="muted">Which key id pseudonymised each sink\'s copy and the audit trail (key rotation epochs). '
        "Tokens carry the key id (<code>tok_&lt;keyid&gt;_…</code>), so tokens of different epochs do not join.</p>"
        '<table><thead><tr><th>used for</th><th>key id</th><th class="n">messages</th></tr></thead>'
        f"<tbody>{rows}</tbody></table></section>"
    )


def build_report(
    records: Iterable[Mapping[str, Any]],
    *,
    sources: Sequence[str] = (),
    unreadable_lines: int = 0,
    generated_at: datetime | None = None,
    title: str = "piiflow: personal-data processing report",
) -> str:
    """The HTML report for these audit records (pure: same input, same output)."""
    agg = aggregate(records)
    agg.ignored += unreadable_lines
    origin = f" from {', '.join(sources)}" if sources else ""
    generated = f" Generated {_fmt_time(generated_at)}." if generated_at else ""
    body = [
        f"<header><h1>{esc(title)}</h1>",
        f'<p class="muted">{agg.total:,} audit records{esc(origin)}.{esc(generated)}</p>',
        '<p class="note">Built from the <code>pii.audit</code> trail only. Audit records hold counts, entity types, '
        "reason codes, policy hashes, key ids and pseudonymous conversation tokens; never message text or detected "
        "values, so this report holds none either.</p></header>",
        _section_summary(agg),
        _section_volume(agg),
        _section_entities(agg),
        _section_special(agg),
        _section_sinks(agg),
        _section_dead_letters(agg),
        _section_policies(agg),
        _section_languages(agg),
        _section_keys(agg),
        f"<footer>piiflow report · schema {esc(AUDIT_SCHEMA)} · times in UTC</footer>",
    ]
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{esc(title)}</title><style>{CSS}</style></head><body>\n" + "\n".join(body) + "\n</body></html>\n"
    )


# -- command ------------------------------------------------------------------------------------------


def read_audit_files(paths: Sequence[Path]) -> tuple[list[dict[str, Any]], int]:
    """Audit records from JSONL files, and the number of lines that were not JSON objects."""
    records: list[dict[str, Any]] = []
    unreadable = 0
    for path in paths:
        with path.open("rb") as handle:
            for line in handle:
                if not line.strip():
                    continue
                try:
                    value = orjson.loads(line)
                except orjson.JSONDecodeError:
                    unreadable += 1
                    continue
                if isinstance(value, dict):
                    records.append(value)
                else:
                    unreadable += 1
    return records, unreadable


def cmd_report(args: argparse.Namespace) -> int:
    """Write the HTML report for the given audit files."""
    for path in args.audit:
        if not path.is_file():
            print(f"piiflow: {path}: audit file not found", file=sys.stderr)
            return 1
    records, unreadable = read_audit_files(args.audit)
    page = build_report(
        records,
        sources=[path.name for path in args.audit],
        unreadable_lines=unreadable,
        generated_at=datetime.now(UTC),
    )
    args.output.write_text(page, encoding="utf-8")
    agg_note = f"; {unreadable} unreadable lines skipped" if unreadable else ""
    print(f"report: {len(records)} records from {len(args.audit)} file(s) → {args.output}{agg_note}")
    return 0


def register(subparsers: Any) -> None:
    """Add ``piiflow report`` to the command line."""
    p = subparsers.add_parser(
        "report",
        help="self-contained HTML report for a DPO from audit JSONL files",
        description=(
            "Build one self-contained HTML file (inline CSS and SVG, no script, no external resource) from "
            "pii.audit records: totals, volume over time, entities per type and language, special categories, "
            "per-sink decisions with reasons, dead letters, policy versions, languages, key ids. "
            "Audit records hold no text or values, so neither does the report."
        ),
    )
    p.add_argument(
        "audit", type=Path, nargs="+", help="audit JSONL file(s) (pii.audit records, or redact's audit.jsonl)"
    )
    p.add_argument("-o", "--output", type=Path, required=True, help="HTML file to write")
    p.set_defaults(func=cmd_report)
