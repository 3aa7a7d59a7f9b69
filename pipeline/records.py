"""Typed records that every stage returns and every table is built from.

Records are frozen so a stage cannot quietly edit another stage's output;
categories are StrEnums so a typo in a label fails at construction, not in
an analyst's query. Offsets are always into the document's whole extracted
text (``documents.text``; for a .txt file, the file as Python reads it), not
the segment, so any row can be checked with ``text[char_start:char_end]``.
"""
from __future__ import annotations

import datetime as dt
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field, model_validator


class Kind(StrEnum):
    letter = "letter"
    reply = "reply"
    qa = "qa"
    minutes = "minutes"
    other = "other"


class PartyRole(StrEnum):
    sender = "sender"
    recipient = "recipient"
    cc = "cc"
    participant = "participant"
    mentioned = "mentioned"


class AddressRole(StrEnum):
    sender = "sender"
    recipient = "recipient"


class DateKind(StrEnum):
    dateline = "dateline"
    deadline = "deadline"
    reply_to = "reply_to"
    mentioned = "mentioned"


class StanceLabel(StrEnum):
    accepted = "accepted"
    partially_addressed = "partially_addressed"
    deferred = "deferred"
    rejected = "rejected"
    noted = "noted"
    not_addressed = "not_addressed"


class Source(StrEnum):
    """Where a row's values come from: the pipeline, or an analyst's correction."""
    extracted = "extracted"
    manual = "manual"


class Record(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Spanned(Record):
    char_start: int | None = Field(None, ge=0, description="offset into the source file")
    char_end: int | None = Field(None, ge=0)

    @model_validator(mode="after")
    def _ordered(self):
        if (self.char_start is None) != (self.char_end is None):
            raise ValueError("char_start and char_end must both be set or both be None")
        if self.char_start is not None and self.char_end < self.char_start:
            raise ValueError(f"char_end {self.char_end} < char_start {self.char_start}")
        return self


class Document(Record):
    document_id: str
    source_path: str = Field(description="relative to the corpus; an attachment is 'mail.eml#name.pdf'")
    sha256: str
    format: str = Field("txt", description="the reader that made the text: txt, md, pdf, docx, html, eml")
    pages: int | None = Field(None, description="pages of a PDF (or of text with form feeds); None for formats without pages")
    page_starts: list[int] = Field(default_factory=list, description="offset in text where each page begins")
    n_chars: int
    n_segments: int
    attached_to: str | None = Field(None, description="document_id of the e-mail this file was attached to")
    text: str = Field("", description="the extracted text every offset of this document's rows indexes")


class Letter(Record):
    letter_id: str
    document_id: str
    source_path: str
    index: int
    kind: Kind
    char_start: int
    char_end: int
    page: int | None = Field(None, description="page where the letter starts (1-based), where the format has pages")
    date: dt.date | None = None
    reply_to_date: dt.date | None = None
    in_reply_to: str | None = Field(None, description="letter_id of the letter this one answers")
    report_title: str | None = None
    references: list[str] = Field(default_factory=list)
    subject: str | None = None
    text: str
    source: Source = Field(Source.extracted, description="manual where an analyst corrected a field")


class Party(Spanned):
    letter_id: str
    role: PartyRole
    name: str | None = Field(None, description="without honorifics or post-nominals")
    honorific: str | None = None
    position: str | None = Field(None, description="job title as written")
    organisation: str | None = None
    email: str | None = Field(None, description="lower-cased")
    source: Source = Field(Source.extracted, description="manual where an analyst corrected or added it")


class Address(Spanned):
    letter_id: str
    role: AddressRole
    lines: list[str]
    postcode: str | None
    postcode_valid: bool


class DateMention(Spanned):
    letter_id: str
    kind: DateKind
    value: dt.date
    text: str


class Recommendation(Record):
    recommendation_id: str
    report_title: str | None
    number: int = Field(description="leading whole number: 8 for '8.25', 4 for '4a(ii)'")
    label: str = Field(description="the number as written: '6', '8.25', '4a(ii)'")
    text: str | None = Field(None, description="the recommendation as stated, where a letter states it")
    letter_id: str = Field(description="first letter that states or mentions it")
    conflicts: list[str] = Field(default_factory=list,
                                 description="other labels the same recommendation carries in other letters")


class RecommendationMention(Spanned):
    letter_id: str
    recommendation_id: str
    number: int
    label: str
    sentence: str | None = None


def leading(label: str, number: int) -> int | None:
    """A stance's recommendation_number: the number its label starts with, or None where the label
    starts with none ("R1", "R/2027/012"), so that the label, not a bare number, keys it."""
    return number if label[:1].isdigit() else None


class Stance(Record):
    letter_id: str
    responds_to: str | None
    recommendation_id: str
    recommendation_number: int | None = Field(description="the number the label starts with: 8 of '8.14'; None where it "
                                                        "starts with none ('R1', 'R/2027/012'), which the label keys")
    label: str | None = Field(None, description="the recommendation's label as written: '6', '8.14', '4a(ii)'")
    stance: StanceLabel
    confidence: float = Field(ge=0.0, le=1.0)
    evidence: str | None = None
    evidence_char_start: int | None = None
    evidence_char_end: int | None = None
    page: int | None = Field(None, description="page where the evidence starts (1-based), where the format has pages")
    cues: list[str] = Field(default_factory=list, description="which lexicon cues fired")
    source: Source = Field(Source.extracted, description="manual where an analyst corrected the stance")


class ErrorRow(Record):
    source_path: str
    stage: str
    error: str = Field(description="stable error code, e.g. E001")
    message: str


class CorrectionRow(Record):
    """An analyst's correction that this run applied (table ``corrections``)."""
    letter_id: str
    table: str = Field(description="letters, parties or stances")
    field: str = Field(description="the column corrected: 'date', 'sender.name', 'stance'")
    recommendation_id: str | None = None
    label: str | None = Field(None, description="the recommendation as the correction names it")
    previous: str | None = Field(None, description="the value before the correction, as text")
    value: str | None = Field(None, description="the value set, as text")
    note: str | None = None
    origin: str = Field(description="file and line of the correction: 'corrections.csv:3'")
