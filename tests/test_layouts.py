"""The layout probes: every key names a probe document, and the scorer counts every label it keys."""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

LAYOUTS = Path(__file__).parent / "data" / "layouts"
FAMILIES = sorted(p.name for p in LAYOUTS.iterdir() if (p / "expected.jsonl").exists())


def keys(family: str) -> list[dict]:
    return [json.loads(line) for line in (LAYOUTS / family / "expected.jsonl").read_text(encoding="utf-8").splitlines()]


@pytest.mark.parametrize("family", FAMILIES)
def test_every_key_names_a_probe_document(family):
    assert {k["file"] for k in keys(family)} <= {p.name for p in (LAYOUTS / family).iterdir()}


@pytest.mark.parametrize("family", FAMILIES)
def test_scorer_counts_every_keyed_label(family, settings):
    spec = importlib.util.spec_from_file_location("score_layouts", LAYOUTS.parents[2] / "scripts" / "score_layouts.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    right, total, missing = mod.score_family(LAYOUTS / family, settings)
    assert total == sum(len(k["labels"]) for k in keys(family))
    assert 0 <= missing <= total - right
