"""The one sentence an interrupted command prints: what it committed, which files it wrote."""

from __future__ import annotations

from pathlib import Path

from cadretrack.context import Run
from cadretrack.i18n import t
from cadretrack.messages import MESSAGES

FILES_NAMED = 3  # a folder of letters: the first few named, the others counted


def summary_text(summary: dict) -> str:
    """A change set's summary in words: "371 văn bản, 380 dòng sổ văn bản đến"; the counts
    that are zero are left out, an undo is "hoàn tác thay đổi số 12"."""
    parts = []
    for key, value in summary.items():
        if not value or ("undoes" in summary and key != "undoes"):
            continue  # an undo's counts of records put back, by action, are for scripts (JSON)
        template = MESSAGES.get("sum_" + key)
        if template is None:  # a count no message names yet: said as it is stored
            parts.append(f"{key}: {value}")
        elif "{n}" in t("sum_" + key):
            parts.append(t("sum_" + key, n=value))
        else:
            parts.append(f"{t('sum_' + key)}: {value}")
    return ", ".join(parts) or t("sum_nothing")


def stopped_sentence(run: Run | None) -> str:
    """What was done before the interruption, from the run's record (nothing, when no
    command had started): the change sets committed, the files in place under their names
    and the outputs asked for that were not written."""
    parts = []
    done = run.written if run is not None else []
    changes = [c for c in done if c.id is not None]
    restored = [c.summary["restored"] for c in done if c.id is None]
    if changes:
        parts.append(t("interrupted_ledger_written", changes=", ".join(
            t("interrupted_change", id=c.id, summary=summary_text(c.summary))
            for c in changes)))
    parts += [t("interrupted_restored", source=source) for source in restored]
    if not done:
        parts.append(t("interrupted_ledger_unchanged"))
    written = _unique(p for p in (run.files if run is not None else []) if p.exists())
    if written:
        parts.append(t("interrupted_files_written", files=_names(written)))
    missing = [out for out in (run.outputs if run is not None else [])
               if not any(p == out or out in p.parents for p in written)]
    folders = [out for out in missing if out.is_dir() or not out.suffix]  # remind's folder of letters
    files = [out for out in missing if out not in folders]
    if files:
        parts.append(t("interrupted_files_not_written", files=_names(files)))
    if folders:
        parts.append(t("interrupted_folders_not_written", folders=_names(folders)))
    parts.append(t("interrupted_no_half_file"))
    return t("interrupted", done="; ".join(parts))


def _unique(paths) -> list[Path]:
    seen: dict[Path, None] = {}
    for p in paths:
        seen.setdefault(Path(p), None)
    return list(seen)


def _names(paths: list[Path]) -> str:
    named = ", ".join(str(p) for p in paths[:FILES_NAMED])
    more = len(paths) - FILES_NAMED
    return named + (" " + t("interrupted_more_files", count=more) if more > 0 else "")
