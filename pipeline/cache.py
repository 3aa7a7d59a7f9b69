"""The manifest of content hashes and the per-file extraction cache.

A rerun extracts only files whose bytes changed (or that are new); results
of unchanged files come from the cache, and deleted files simply drop out.
The cache is keyed by a version of the code, the models/ data and the
settings, so any change to the rules invalidates it. Everything is written
beside its final name and renamed into place.
"""
from __future__ import annotations

import hashlib
import json
import os
import pickle
import tempfile
from pathlib import Path

from pipeline.config import PROJECT_ROOT, Settings

MANIFEST = "manifest.json"
CACHE_DIR = ".cache"


def code_version(settings: Settings) -> str:
    """Hash of the pipeline's code, its models/ data files and the settings."""
    h = hashlib.sha256(settings.model_dump_json().encode())
    roots = [PROJECT_ROOT / "pipeline", settings.models_dir]
    for root in roots:
        for p in sorted(root.rglob("*")):
            if p.is_file() and p.suffix in {".py", ".json", ".jsonl", ".txt"} and "__pycache__" not in p.parts:
                h.update(p.relative_to(root).as_posix().encode())
                h.update(p.read_bytes())
    return h.hexdigest()[:16]


def file_hash(path: Path) -> str | None:
    try:
        if not path.is_file():
            return None
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


def _atomic_write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


class Cache:
    def __init__(self, out_dir: Path, version: str):
        self.dir = out_dir / CACHE_DIR / version
        self.manifest_path = out_dir / MANIFEST
        self.version = version

    def entry(self, source_path: str, sha: str) -> Path:
        key = hashlib.sha256(f"{source_path}\0{sha}".encode()).hexdigest()[:32]
        return self.dir / f"{key}.pkl"

    def get(self, source_path: str, sha: str):
        p = self.entry(source_path, sha)
        try:
            with p.open("rb") as fh:
                return pickle.load(fh)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
            return None

    def put(self, source_path: str, sha: str, result) -> None:
        _atomic_write(self.entry(source_path, sha), pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL))

    def previous(self) -> dict:
        try:
            return json.loads(self.manifest_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}

    def save_manifest(self, files: dict[str, str | None]) -> None:
        body = {"version": self.version, "files": dict(sorted(files.items()))}
        _atomic_write(self.manifest_path, json.dumps(body, indent=1, sort_keys=True).encode())

    def prune(self, keep: set[Path]) -> None:
        """Drop cache entries of files that changed or left the corpus, and old versions."""
        root = self.dir.parent
        if root.is_dir():
            for d in root.iterdir():
                if d.is_dir() and d != self.dir:
                    for p in d.glob("*.pkl"):
                        p.unlink(missing_ok=True)
                    d.rmdir()
        if self.dir.is_dir():
            for p in self.dir.glob("*.pkl"):
                if p not in keep:
                    p.unlink(missing_ok=True)
