"""``piiflow report``: totals read back from the HTML, no external resources, everything escaped."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from processors.cli import main
from processors.report import build_report

POLICY_A = {"name": "default-gdpr", "hash": "aaaa000011112222"}
POLICY_EVIL = {"name": '<script>alert("x")</script> & "co"', "hash": "bbbb<i>3333</i>"}


def audit(
    i: int,
    processed_at: str,
    *,
    lang: str | None = "fr",
    lang_source: str | None = "given",
    entities: dict[str, int] | None = None,
    special: list[str] | None = None,
    analytics: tuple[str, str] = ("sent", "consent:analytics"),
    training: tuple[str, str] = ("dropped", "no_consent:training:absent"),
    dead_letter: str | None = None,
    policy: dict[str, str] = POLICY_A,
) -> dict[str, Any]:
    """One audit record shaped like ``Pipeline._audit_record`` writes it."""

    def sink(decision: tuple[str, str]) -> dict[str, Any]:
        verdict, why = decision
        return {"decision": verdict, ("basis" if verdict == "sent" else "reason"): why, "key_id": "k1"}

    sinks = {"analytics": sink(analytics), "training": sink(training)}
    if dead_letter:
        sinks = {
            name: {"decision": "dropped", "reason": f"dead_letter:{dead_letter}", "key_id": None}
            for name in ("analytics", "training")
        }
    return {
        "schema": "piiflow.audit/1",
        "message_id": f"m-{i}",
        "conversation": None if dead_letter else f"tok_k1_conv{i % 3}",
        "processed_at": processed_at,
        "source": {"topic": "chat.raw", "partition": 0, "offset": i},
        "lang": lang,
        "lang_source": None if dead_letter else lang_source,
        "outcome": "dead_letter" if dead_letter else "processed",
        "dead_letter_reason": dead_letter,
        "sinks": sinks,
        "entities": {t: {"count": c, "min_score": 0.9, "recognizers": ["Rec"]} for t, c in (entities or {}).items()},
        "special_categories": special or [],
        "policy": policy,
        "key_ids": {"audit": "k1", "analytics": "k1", "training": "k1"},
        "processing_ms": 5.0,
    }


def synthetic() -> list[dict[str, Any]]:
    return [
        audit(1, "2026-11-20T10:00:00Z", entities={"EMAIL_ADDRESS": 1, "PERSON": 2}),
        audit(2, "2026-11-20T10:30:00Z", lang="nl", lang_source="detected", entities={"PHONE_NUMBER": 1}),
        audit(
            3,
            "2026-11-20T11:10:00Z",
            entities={"SPECIAL_HEALTH": 1, "PERSON": 1},
            special=["SPECIAL_HEALTH"],
            training=("dropped", "special_category:no_consent:special_categories"),
        ),
        audit(
            4,
            "2026-11-20T12:00:00Z",
            lang="en",
            lang_source="fallback",
            analytics=("dropped", "no_consent:analytics:refused"),
            training=("sent", "consent:training"),
        ),
        audit(5, "2026-11-20T12:05:00Z", lang=None, dead_letter="invalid_json"),
        audit(6, "2026-11-20T13:59:00Z", lang=None, dead_letter="schema_violation", policy=POLICY_EVIL),
        audit(7, "2026-11-20T14:00:00Z", entities={"EMAIL_ADDRESS": 2}, policy=POLICY_EVIL),
        {"schema": "something-else/1"},
    ]


class _Values(HTMLParser):
    """Collects ``id`` → data-value and the data-* attributes of every element carrying a data-value."""

    def __init__(self) -> None:
        super().__init__()
        self.by_id: dict[str, str] = {}
        self.cells: list[dict[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        if "data-value" in values:
            self.cells.append(values)
            if "id" in values:
                self.by_id[values["id"]] = values["data-value"]

    def find(self, **wanted: str) -> int:
        """The data-value of the one element whose data-* attributes match ``wanted``."""
        keys = {f"data-{k.replace('_', '-')}": v for k, v in wanted.items()}
        found = [c for c in self.cells if all(c.get(k) == v for k, v in keys.items())]
        assert len(found) == 1, (wanted, found)
        return int(found[0]["data-value"])


def parse(page: str) -> _Values:
    parser = _Values()
    parser.feed(page)
    return parser


def test_totals_are_right() -> None:
    values = parse(build_report(synthetic()))
    ids = {k: int(v) for k, v in values.by_id.items()}
    assert ids["total-messages"] == 7
    assert ids["total-processed"] == 5
    assert ids["total-dead-letters"] == 2
    assert ids["total-ignored"] == 1
    assert ids["total-with-pii"] == 4
    assert ids["total-entities"] == 1 + 2 + 1 + 1 + 1 + 2
    assert ids["total-special"] == 1
    assert ids["total-conversations"] == 3
    assert ids["policy-versions"] == 2

    assert values.find(entity_total="EMAIL_ADDRESS") == 3
    assert values.find(entity_total="PERSON") == 3
    assert values.find(entity="PHONE_NUMBER", lang="nl") == 1
    assert values.find(entity="PERSON", lang="fr") == 3
    assert values.find(special="SPECIAL_HEALTH") == 1

    assert values.find(sink="analytics", metric="sent") == 4
    assert values.find(sink="analytics", metric="dropped") == 3
    assert values.find(sink="analytics", metric="dropped-consent") == 1
    assert values.find(sink="training", metric="sent") == 1
    assert values.find(sink="training", metric="dropped") == 6
    assert values.find(sink="training", metric="dropped-consent") == 4  # 3 absent + 1 special-category consent
    assert values.find(sink="training", metric="dropped-dead-letter") == 2
    assert values.find(sink="training", why="no_consent:training:absent") == 3

    assert values.find(reason="invalid_json") == 1
    assert values.find(reason="schema_violation") == 1
    assert values.find(policy_hash="aaaa000011112222") == 5
    assert values.find(lang="fr", source="given") == 3
    assert values.find(lang="nl", source="detected") == 1
    assert values.find(lang="en", source="fallback") == 1


def test_volume_is_bucketed_per_hour_with_gaps() -> None:
    page = build_report(synthetic())
    assert "Volume over time (per hour, UTC)" in page
    for hour in ("10", "11", "12", "13", "14"):
        assert f"11-20 {hour}:00" in page
    assert page.count("<svg") == 2  # volume and entities charts, inline


def test_self_contained_no_external_references() -> None:
    page = build_report(synthetic()).lower()
    assert "<script" not in page
    assert "http://" not in page
    assert "https://" not in page
    assert "src=" not in page
    assert "@import" not in page
    assert "<link" not in page
    assert "url(" not in page


def test_html_special_characters_are_escaped() -> None:
    page = build_report(synthetic())
    assert "<script>" not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &quot;co&quot;" in page
    assert "bbbb&lt;i&gt;3333&lt;/i&gt;" in page
    assert "<i>" not in page
    values = parse(page)  # attribute values are escaped too: the parser reads them back intact
    assert values.find(policy_hash="bbbb<i>3333</i>") == 2


def test_empty_input_still_renders() -> None:
    values = parse(build_report([]))
    assert values.by_id["total-messages"] == "0"


def test_cli_writes_the_report(tmp_path: Path, capsys: Any) -> None:
    source = tmp_path / "audit.jsonl"
    lines = [json.dumps(r) for r in synthetic()] + ["not json", ""]
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "report.html"
    assert main(["report", str(source), str(source), "-o", str(out)]) == 0
    values = parse(out.read_text(encoding="utf-8"))
    assert values.by_id["total-messages"] == "14"
    assert values.by_id["total-ignored"] == "4"  # per file: one non-audit record, one unreadable line
    assert "2 unreadable lines skipped" in capsys.readouterr().out
    assert main(["report", str(tmp_path / "missing.jsonl"), "-o", str(out)]) == 1
