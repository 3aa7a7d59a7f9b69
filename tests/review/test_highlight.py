"""Highlighting: every character shown and escaped, every span wrapped, always well nested."""
from __future__ import annotations

import html
import re

import pytest
from hypothesis import given, settings, strategies as st

from pipeline.review.highlight import KINDS, Span, render


def _text_of(markup: str) -> str:
    return html.unescape(re.sub(r"<[^>]*>", "", markup))


def _balanced(markup: str) -> bool:
    stack = []
    for closing, tag in re.findall(r"<(/?)(\w+)", markup):
        if closing:
            if not stack or stack.pop() != tag:
                return False
        else:
            stack.append(tag)
    return not stack


@pytest.mark.parametrize("text, spans, expected", [
    ("Dear Ms Coles,", [Span(5, 13, "party")], 'Dear <span class="hl hl-party">Ms Coles</span>,'),
    ("We accept 6.", [Span(0, 12, "evidence", id="ev-0"), Span(10, 11, "mention", id="m-0")],
     '<mark class="hl hl-evidence" id="ev-0">We accept <span class="hl hl-mention" id="m-0">6</span>.</mark>'),
    ("abcdef", [Span(0, 4, "date"), Span(2, 6, "party")],
     '<span class="hl hl-date">ab<span class="hl hl-party">cd</span></span>'
     '<span class="hl hl-party hl-cont">ef</span>'),
    ("same", [Span(0, 4, "evidence", id="ev-0"), Span(0, 4, "evidence", id="ev-1")],
     '<mark class="hl hl-evidence" id="ev-0"><mark class="hl hl-evidence" id="ev-1">same</mark></mark>'),
    ("<script>alert(1)</script>", [Span(0, 8, "party", title='"><img onerror=x>')],
     '<span class="hl hl-party" title="&#34;&gt;&lt;img onerror=x&gt;">&lt;script&gt;</span>alert(1)&lt;/script&gt;'),
    ("short", [Span(3, 99, "date"), Span(-4, 2, "party"), Span(2, 2, "mention")],
     '<span class="hl hl-party">sh</span>o<span class="hl hl-date">rt</span>'),
], ids=["one", "nested", "overlap-splits", "shared-evidence", "escaped", "clipped"])
def test_render(text, spans, expected):
    assert str(render(text, spans)) == expected


@pytest.mark.parametrize("bad", [dict(kind="script"), dict(kind="party", id='x" onclick="y'),
                                 dict(kind="party", variant="a b")], ids=["kind", "id", "variant"])
def test_span_refuses_markup_in_names(bad):
    with pytest.raises(ValueError):
        Span(0, 1, **bad)


def _spans(n: int):
    pos = st.integers(min_value=-3, max_value=n + 3)
    raw = st.lists(st.tuples(pos, pos, st.sampled_from(sorted(KINDS))), max_size=12)
    return raw.map(lambda xs: [Span(min(a, b), max(a, b), k, id=f"s-{i}") for i, (a, b, k) in enumerate(xs)])


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab <>&\"'\n")), max_size=40).flatmap(
    lambda t: st.tuples(st.just(t), _spans(len(t)))))
def test_any_spans_keep_the_text_and_nest(case):
    text, spans = case
    out = str(render(text, spans))
    assert _text_of(out) == text
    assert _balanced(out)
    assert set(re.findall(r"<(\w+)", out)) <= {"span", "mark"}
    for s in spans:
        if max(0, s.start) < min(len(text), s.end):
            assert out.count(f'id="{s.id}"') == 1
