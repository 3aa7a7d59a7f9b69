"""The paths that were quadratic give the same answers as before, and pathological files go
through every stage. Their time is measured by `make bench` (ms per KB), never here."""
from __future__ import annotations

import re

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from pipeline import bench_scale, layout, text
from pipeline.extract import extract
from pipeline.stages.load import decode

_OLD_LINK = re.compile(r"\[([^\]]*)\]\((?:[^()\s]|\([^()]*\))*\)")


@given(st.text(alphabet=". 12a\t", max_size=40))
def test_leaders_read_backwards_find_what_the_pattern_finds(line):
    m = layout._LEADERS.search(line)
    assert layout._leaders(line) == (m.start() if m else None)


@pytest.mark.parametrize("s, expected", [
    ("see [the report](http://x.y/(a)) now", "see the report now"),
    ("[see [1] here](u)", "see [1] here"),
    ("[[[[ no link", "[[[[ no link"),
    ("**bold** [a](b) and [c](d)", "bold a and c"),
])
def test_link_text_is_kept(s, expected):
    assert text.clean(s) == expected


@given(st.text(alphabet="[]()ab u", max_size=30))
def test_links_without_brackets_inside_read_as_before(s):
    assume("[" not in "".join(re.findall(r"\[([^\]]*)\]", s)))
    assert text._LINK.sub(r"\1", s) == _OLD_LINK.sub(r"\1", s)


@pytest.mark.parametrize("shape", sorted(bench_scale.pathological_texts(4)))
def test_pathological_file_goes_through_every_stage(shape, settings, nlp, lex):
    body = bench_scale.pathological_texts(4)[shape]
    state = extract(decode(body.encode(), "p.txt", settings), nlp, lex, settings)
    assert state.letters, shape
    for ls in state.letters:
        assert 0 <= ls.letter.char_start <= ls.letter.char_end <= len(body)
