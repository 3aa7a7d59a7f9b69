"""The manifest of content hashes and the per-file extraction cache.

A rerun extracts only files whose bytes changed (or that are new); results
of unchanged files come from the cache, and deleted files simply drop out.
The cache is keyed by a version of the code, the models/ data and the
settings that change what is extracted, so any change to the rules
invalidates it. Everything is written beside its final name and renamed into
place, with the user's umask.
"""
from __future__ import annotations

import hashlib
import json
import pickle
import shutil
from pathlib import Path

from pipeline.config import PROJECT_ROOT, Settings
from pipeline.write import atomic_write_bytes

MANIFEST = "manifest.json"
CACHE_DIR = ".cache"
# settings that decide how a run goes, not what a file's extraction holds
# settings that choose files or bound a run but never change a file's rows
RUN_ONLY_SETTINGS = frozenset({"file_timeout", "follow_links", "include", "exclude"})
# code that reads the tables or measures the pipeline, never making rows: changing it keeps the cache
NOT_IN_ROWS = ("review/", "bench.py", "bench_scale.py", "evaluate.py", "evaluate_fold.py", "evaluate_render.py",
               "gold_match.py", "learn/train_stance.py", "cli.py", "__main__.py")


def code_version(settings: Settings) -> str:
    """Hash of the code that makes rows, its models/ data files and the settings that change rows:
    a cached extraction is reused only where a rerun would make the same one."""
    h = hashlib.sha256(settings.model_dump_json(exclude=set(RUN_ONLY_SETTINGS)).encode())
    roots = [PROJECT_ROOT / "pipeline", settings.models_dir]
    for root in roots:
        for p in sorted(root.rglob("*")):
            rel = p.relative_to(root).as_posix()
            if root == roots[0] and rel.startswith(NOT_IN_ROWS):
                continue
            if p.is_file() and p.suffix in {".py", ".json", ".jsonl", ".txt"} and "__pycache__" not in p.parts:
                h.update(rel.encode())
                h.update(p.read_bytes())
    return h.hexdigest()[:16]


def file_hash(path: Path) -> str | None:
    try:
        if not path.is_file():
            return None
        h = hashlib.sha256()
        with path.open("rb") as fh:
            while chunk := fh.read(1 << 20):
                h.update(chunk)
        return h.hexdigest()
    except OSError:
        return None


class Cache:
    def __init__(self, out_dir: Path, version: str):
        self.root = out_dir / CACHE_DIR
        self.dir = self.root / version
        self.manifest_path = out_dir / MANIFEST
        self.version = version

    def entry(self, source_path: str, sha: str) -> Path:
        key = hashlib.sha256(f"{source_path}\0{sha}".encode()).hexdigest()[:32]
        return self.dir / f"{key}.pkl"

    def get_bytes(self, source_path: str, sha: str) -> bytes | None:
        try:
            return self.entry(source_path, sha).read_bytes()
        except OSError:
            return None

    def get(self, source_path: str, sha: str):
        data = self.get_bytes(source_path, sha)
        if data is None:
            return None
        try:
            return pickle.loads(data)
        except (pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError, ValueError):
            return None

    def put(self, source_path: str, sha: str, result) -> bytes:
        data = pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL)
        atomic_write_bytes(self.entry(source_path, sha), data)
        return data

    def previous(self) -> dict:
        try:
            return json.loads(self.manifest_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}

    def save_manifest(self, files: dict[str, str | None]) -> None:
        body = {"version": self.version, "files": dict(sorted(files.items()))}
        atomic_write_bytes(self.manifest_path, json.dumps(body, indent=1, sort_keys=True).encode())

    def drop(self, entries: set[Path]) -> None:
        """Entries of files that changed or left the corpus."""
        for p in entries:
            p.unlink(missing_ok=True)

    def drop_other_versions(self) -> None:
        if self.root.is_dir():
            for d in self.root.iterdir():
                if d.is_dir() and d != self.dir:
                    shutil.rmtree(d, ignore_errors=True)

    def prune(self, keep: set[Path]) -> None:
        """Drop every entry not in ``keep``, and old versions (a full run)."""
        self.drop_other_versions()
        if self.dir.is_dir():
            for p in self.dir.glob("*.pkl"):
                if p not in keep:
                    p.unlink(missing_ok=True)
