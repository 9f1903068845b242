"""Uploaded report files under `data_dir/uploads/`: safe names, staging, and what to index at start.

A report's id is its file name, and names come from browsers and portals, so they are reduced to
one plain path component before anything touches the disk. Files are staged first and only moved
into `uploads/` by the indexing job, which puts the previous version back if the new one fails.
A crash can stop any of these steps half-way, and the journaled job then runs the step again at the
next start (bot/jobs.py), so `install` and `roll_back` give the same result when run twice.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import shutil
import unicodedata
from contextlib import nullcontext
from pathlib import Path
from typing import BinaryIO

from bot.errors import BadFile, TooLarge
from bot.ingest.load import READERS, find_files

MAX_NAME = 120  # characters
MAX_NAME_BYTES = 200  # UTF-8 bytes, suffix included: file systems allow 255 per name; the rest is headroom
_UNSAFE = re.compile(r"[^\w.\-()（）]+")


class BadName(BadFile):
    """A file name that cannot become a report id (empty, hidden, unsupported type)."""


def safe_name(raw: str) -> str:
    """One path component of word characters, `.-()`; no directories, no leading dots, a supported suffix.

    Long names are cut to MAX_NAME characters and MAX_NAME_BYTES bytes (a Chinese character is 3 bytes), so
    that any name a browser sends can be written to disk; a cut name ends in `~` and 8 hex digits of the whole
    name, so two long names that begin alike stay two reports.
    """
    name = unicodedata.normalize("NFC", raw or "").replace("\\", "/").split("/")[-1]
    name = "".join(c for c in name if unicodedata.category(c)[0] != "C")
    name = _UNSAFE.sub("_", name).lstrip(".").rstrip(". ")
    stem, dot, suffix = name.rpartition(".")
    if not dot or not stem.strip("._-"):
        raise BadName(f"'{raw}' is not a usable file name (expected e.g. report.txt)")
    suffix = "." + suffix.lower()
    if suffix not in READERS:
        raise BadName(f"unsupported file type '{suffix}' for '{raw}' (use {', '.join(READERS)})")
    if len(stem + suffix) <= MAX_NAME and len((stem + suffix).encode()) <= MAX_NAME_BYTES:
        return stem + suffix
    tag = "~" + hashlib.sha256(name.encode()).hexdigest()[:8]
    stem = stem[: MAX_NAME - len(suffix) - len(tag)]
    stem = stem.encode()[: MAX_NAME_BYTES - len(suffix.encode()) - len(tag)].decode("utf-8", errors="ignore")
    return stem + tag + suffix  # the byte cut above keeps whole characters


class Uploads:
    def __init__(self, folder: Path):
        self.folder = folder
        self.staging = folder / ".staging"
        self._removed_file = folder / ".removed.json"

    def stage(self, batch: str, name: str, source: BinaryIO | Path, limit: int) -> Path:
        """Copy one upload to the batch's staging folder; `TooLarge` past `limit` bytes."""
        target = self.staging / batch / name
        target.parent.mkdir(parents=True, exist_ok=True)
        written = 0
        reader = source.open("rb") if isinstance(source, Path) else nullcontext(source)
        with target.open("wb") as out, reader as data:
            while block := data.read(1 << 20):
                written += len(block)
                if written > limit:
                    break
                out.write(block)
        if written > limit:
            self.discard(batch)
            raise TooLarge(f"'{name}' is larger than the upload limit of {limit / 1048576:g} MB")
        return target

    def _path(self, name: str) -> Path:
        """The file of a report id; never outside the uploads folder, whatever the id."""
        path = self.folder / name
        if path.name != name or path.parent != self.folder or name.startswith("."):
            raise BadName(f"'{name}' is not a plain file name")
        return path

    def _previous(self, batch: str, name: str) -> Path:
        return self.staging / batch / ".previous" / name

    def install(self, batch: str, name: str) -> bool:
        """Move a staged file into place, setting the version it replaces aside; True if there was one.

        Run again after a crash half-way (the journal still says `staged`), it finishes the move: a file
        already moved is not moved twice, and a version already set aside is not overwritten.
        """
        target = self._path(name)
        staged, previous = self.staging / batch / name, self._previous(batch, name)
        if staged.exists():
            if target.exists() and not previous.exists():
                previous.parent.mkdir(parents=True, exist_ok=True)
                os.replace(target, previous)
            os.replace(staged, target)
        self._set_removed(name, False)
        return previous.exists()

    def roll_back(self, batch: str, name: str, kept_previous: bool) -> None:
        """Undo `install` after the new file failed: the previous version goes back, or the name goes.

        `kept_previous` is what `install` returned (the journal keeps it): run again after a crash, this
        never deletes a previous version it had already put back.
        """
        target, previous = self._path(name), self._previous(batch, name)
        if previous.exists():
            os.replace(previous, target)
        elif not kept_previous:
            target.unlink(missing_ok=True)

    def discard(self, batch: str) -> None:
        shutil.rmtree(self.staging / batch, ignore_errors=True)

    def clear_staging(self, keep: set[str]) -> None:
        """At start: drop staged batches but those in `keep` (the ones unfinished jobs still need).

        What goes was staged by a request that crashed before its 202, or left by a job that ended badly.
        """
        if not self.staging.is_dir():
            return
        for batch in self.staging.iterdir():
            if batch.name not in keep:
                shutil.rmtree(batch, ignore_errors=True)
        with contextlib.suppress(OSError):  # only when nothing is left in it
            self.staging.rmdir()

    def delete(self, name: str) -> None:
        """Forget a report: its uploaded file goes, and a bundled seed of that name is not indexed again."""
        with contextlib.suppress(BadName):  # an id that was never a plain name has no file here
            self._path(name).unlink(missing_ok=True)
        self._set_removed(name, True)

    def files(self) -> list[Path]:
        if not self.folder.is_dir():
            return []
        return sorted(p for p in self.folder.iterdir() if p.is_file() and not p.name.startswith("."))

    def startup_paths(self, seeds: Path) -> list[Path]:
        """Seeds (less removed ones and ones replaced by an upload) and uploads, for indexing at start."""
        uploaded = self.files()
        skip = self.removed() | {p.name for p in uploaded}
        bundled = [p for p in find_files([seeds]) if p.name not in skip] if seeds.is_dir() else []
        return bundled + uploaded

    def removed(self) -> set[str]:
        try:
            return set(json.loads(self._removed_file.read_text(encoding="utf-8")))
        except (OSError, ValueError):
            return set()

    def _set_removed(self, name: str, removed: bool) -> None:
        names = self.removed()
        if (name in names) == removed:
            return
        names = names | {name} if removed else names - {name}
        self.folder.mkdir(parents=True, exist_ok=True)
        self._removed_file.write_text(json.dumps(sorted(names), ensure_ascii=False), encoding="utf-8")
