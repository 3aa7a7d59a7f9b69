"""One pinned Arrow schema per output table.

Tables are always built with these schemas, never by inference: inference
turns an all-None column into type ``null`` and an int column with a None into
float, which breaks analysts' queries the day a corpus happens to lack a
value. ``check`` raises with both schemas printed when a table drifts.
"""
from __future__ import annotations

from typing import Final

import pyarrow as pa

_cat = pa.dictionary(pa.int32(), pa.string())

DOCUMENTS: Final[pa.Schema] = pa.schema([
    pa.field("document_id", pa.string(), nullable=False),
    pa.field("source_path", pa.string(), nullable=False),
    pa.field("sha256", pa.string(), nullable=False),
    pa.field("format", _cat, nullable=False),
    pa.field("pages", pa.int32()),
    pa.field("page_starts", pa.list_(pa.int64())),
    pa.field("n_chars", pa.int64(), nullable=False),
    pa.field("n_segments", pa.int32(), nullable=False),
    pa.field("attached_to", pa.string()),
    pa.field("text", pa.large_string(), nullable=False),
])

LETTERS: Final[pa.Schema] = pa.schema([
    pa.field("letter_id", pa.string(), nullable=False),
    pa.field("document_id", pa.string(), nullable=False),
    pa.field("source_path", pa.string(), nullable=False),
    pa.field("index", pa.int32(), nullable=False),
    pa.field("kind", _cat, nullable=False),
    pa.field("char_start", pa.int64(), nullable=False),
    pa.field("char_end", pa.int64(), nullable=False),
    pa.field("page", pa.int32()),
    pa.field("date", pa.date32()),
    pa.field("reply_to_date", pa.date32()),
    pa.field("in_reply_to", pa.string()),
    pa.field("report_title", pa.string()),
    pa.field("references", pa.list_(pa.string())),
    pa.field("subject", pa.string()),
    pa.field("text", pa.large_string(), nullable=False),
    pa.field("source", _cat, nullable=False),
])

PARTIES: Final[pa.Schema] = pa.schema([
    pa.field("letter_id", pa.string(), nullable=False),
    pa.field("role", _cat, nullable=False),
    pa.field("name", pa.string()),
    pa.field("honorific", pa.string()),
    pa.field("position", pa.string()),
    pa.field("organisation", pa.string()),
    pa.field("email", pa.string()),
    pa.field("char_start", pa.int64()),
    pa.field("char_end", pa.int64()),
    pa.field("source", _cat, nullable=False),
])

ADDRESSES: Final[pa.Schema] = pa.schema([
    pa.field("letter_id", pa.string(), nullable=False),
    pa.field("role", _cat, nullable=False),
    pa.field("lines", pa.list_(pa.string()), nullable=False),
    pa.field("postcode", pa.string()),
    pa.field("postcode_valid", pa.bool_(), nullable=False),
    pa.field("char_start", pa.int64()),
    pa.field("char_end", pa.int64()),
])

DATES: Final[pa.Schema] = pa.schema([
    pa.field("letter_id", pa.string(), nullable=False),
    pa.field("kind", _cat, nullable=False),
    pa.field("value", pa.date32(), nullable=False),
    pa.field("text", pa.string(), nullable=False),
    pa.field("char_start", pa.int64()),
    pa.field("char_end", pa.int64()),
])

RECOMMENDATIONS: Final[pa.Schema] = pa.schema([
    pa.field("recommendation_id", pa.string(), nullable=False),
    pa.field("report_title", pa.string()),
    pa.field("number", pa.int32(), nullable=False),
    pa.field("label", pa.string(), nullable=False),
    pa.field("text", pa.string()),
    pa.field("letter_id", pa.string(), nullable=False),
    pa.field("conflicts", pa.list_(pa.string())),
])

RECOMMENDATION_MENTIONS: Final[pa.Schema] = pa.schema([
    pa.field("letter_id", pa.string(), nullable=False),
    pa.field("recommendation_id", pa.string(), nullable=False),
    pa.field("number", pa.int32(), nullable=False),
    pa.field("label", pa.string(), nullable=False),
    pa.field("char_start", pa.int64()),
    pa.field("char_end", pa.int64()),
    pa.field("sentence", pa.string()),
])

STANCES: Final[pa.Schema] = pa.schema([
    pa.field("letter_id", pa.string(), nullable=False),
    pa.field("responds_to", pa.string()),
    pa.field("recommendation_id", pa.string(), nullable=False),
    # (null where the label does not start with the number: "R1", "R/2027/012")
    pa.field("recommendation_number", pa.int32()),
    pa.field("label", pa.string()),
    pa.field("stance", _cat, nullable=False),
    pa.field("confidence", pa.float64(), nullable=False),
    pa.field("evidence", pa.string()),
    pa.field("evidence_char_start", pa.int64()),
    pa.field("evidence_char_end", pa.int64()),
    pa.field("page", pa.int32()),
    pa.field("cues", pa.list_(pa.string())),
    pa.field("source", _cat, nullable=False),
])

ERRORS: Final[pa.Schema] = pa.schema([
    pa.field("source_path", pa.string(), nullable=False),
    pa.field("stage", _cat, nullable=False),
    pa.field("error", pa.string(), nullable=False),
    pa.field("message", pa.string(), nullable=False),
])

CORRECTIONS: Final[pa.Schema] = pa.schema([
    pa.field("letter_id", pa.string(), nullable=False),
    pa.field("table", _cat, nullable=False),
    pa.field("field", pa.string(), nullable=False),
    pa.field("recommendation_id", pa.string()),
    pa.field("label", pa.string()),
    pa.field("previous", pa.string()),
    pa.field("value", pa.string()),
    pa.field("note", pa.string()),
    pa.field("origin", pa.string(), nullable=False),
])

TABLES: Final[dict[str, pa.Schema]] = {
    "documents": DOCUMENTS,
    "letters": LETTERS,
    "parties": PARTIES,
    "addresses": ADDRESSES,
    "dates": DATES,
    "recommendations": RECOMMENDATIONS,
    "recommendation_mentions": RECOMMENDATION_MENTIONS,
    "stances": STANCES,
    "errors": ERRORS,
    "corrections": CORRECTIONS,
}


class SchemaMismatch(ValueError):
    """A table does not carry the pinned schema of its name."""


def check(name: str, table: pa.Table) -> None:
    """Raise with both schemas printed when ``table`` drifts from the pin."""
    expected = TABLES[name]
    if not table.schema.equals(expected, check_metadata=False):
        raise SchemaMismatch(
            f"[E201] table {name!r} does not match its pinned schema.\n"
            f"expected:\n{expected}\n\nactual:\n{table.schema}"
        )
