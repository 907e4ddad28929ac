"""`demo`: a fresh ledger from the bundled sample data, and what a clerk would look at."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from cadretrack.context import Run
from cadretrack.domain.dates import format_date
from cadretrack.ops.assignments import import_assignments
from cadretrack.domain.criteria import Criteria
from cadretrack.ops.check import CheckReport, run_check
from cadretrack.ops.export import export_report, export_summary
from cadretrack.ops.followup import record_difficulty, resolve_difficulty
from cadretrack.ops.meetings import import_meetings
from cadretrack.ops.members import import_members
from cadretrack.ops.register import import_filings
from cadretrack.ops.provenance import letters_stamp
from cadretrack.store.known import last_changeset
from cadretrack.ops.remind import reminders, write_letters
from cadretrack.ops.setup import init_ledger
from cadretrack.readers.bundled import bundled_path
from cadretrack.store.ledger import open_ledger, remove_ledger

SAMPLE_LIST = ("718-QD-TU-phan-cong.xlsx", dt.date(2022, 12, 14), "718-QĐ/TU")
SAMPLE_AMENDMENT = ("bo-sung-2023-10-15.xlsx", dt.date(2023, 10, 15), "1032-QĐ/TU")
SAMPLE_MEMBERS = ("phan-cong-uvbtv-2023.xlsx", dt.date(2023, 1, 1), "05-QĐ/TU")  # the members in charge
SAMPLE_REGISTER = "so-van-ban-den-2023.xlsx"
SAMPLE_MEETINGS = "cuoc-hop-2023.xlsx"
SAMPLE_OFFICE_REGISTER = "so-dang-ky-van-ban-den-2024.xlsx"  # every incoming document of 2024
SAMPLE_DIFFICULTIES = (
    ("Tân Pheo", "Huyện Đà Bắc", dt.date(2023, 4, 12), "commune",
     "Đường liên xóm sạt lở sau mưa lớn, chưa có kinh phí khắc phục", dt.date(2023, 6, 20),
     "Đã đề nghị Sở Giao thông vận tải hỗ trợ kinh phí", "Sở Giao thông vận tải"),
    ("Mông Hóa", "Thành phố Hòa Bình", dt.date(2023, 9, 5), "cadre",
     "Thiếu cán bộ chuyên trách công tác văn phòng đảng ủy", None, "", ""),
)
# The sample register runs to 22/12/2023; looking as of 05/12 shows every status.
SAMPLE_AS_OF = dt.date(2023, 12, 5)
SAMPLE_DISTRICT = "Huyện Đà Bắc"


@dataclass
class DemoResult:
    ledger: Path
    district: str
    as_of: dt.date
    district_check: CheckReport
    province_check: CheckReport
    workbook: Path
    report: Path
    letters: int
    letters_folder: Path


def sample_path(name: str) -> Path:
    return bundled_path("sample", name)


def run_demo(folder: Path, run: Run, say: Callable[..., None]) -> DemoResult:
    """Every step of a clerk's year on the sample data, in `folder` (the ledger made anew);
    `say(key, **fields)` is told of each step as it is done."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "cadretrack-demo.db"
    remove_ledger(path)
    made = init_ledger(path, run)
    say("ledger_created", path=str(path), communes=made.communes, gazetteer=made.gazetteer, rules=made.rules)
    with open_ledger(path, run.now) as db:
        for name, effective, decision in (SAMPLE_LIST, SAMPLE_AMENDMENT):
            done = import_assignments(db, sample_path(name), effective, run, decision=decision,
                                      amend=name == SAMPLE_AMENDMENT[0])
            say("import_done", path=name, effective=format_date(effective), **done.plan.counts())
        name, effective, decision = SAMPLE_MEMBERS
        division = import_members(db, sample_path(name), effective, run, decision=decision)
        say("members_done", path=name, effective=format_date(effective), members=division.members,
            **division.plan.counts())
        filed = import_filings(db, sample_path(SAMPLE_REGISTER), run)
        say("filings_done", path=SAMPLE_REGISTER, added=filed.added, unchanged=filed.unchanged)
        met = import_meetings(db, sample_path(SAMPLE_MEETINGS), run)
        say("meetings_done", path=SAMPLE_MEETINGS, added=met.added, unchanged=met.unchanged)
        # The office's own register: the filings of 2024 among every incoming document.
        review = folder / "so-den-2024-can-xem-lai.xlsx"
        office = import_filings(db, sample_path(SAMPLE_OFFICE_REGISTER), run, review=review)
        say("office_done", path=SAMPLE_OFFICE_REGISTER, added=office.added, unchanged=office.unchanged, **office.counts)
        say("office_review_written", path=str(review.resolve()))
        for commune, district, raised, by, text, resolved, note, referred in SAMPLE_DIFFICULTIES:
            new_id, _ = record_difficulty(db, run, commune=commune, district=district, day=raised, text=text,
                                          raised_by=by)
            if resolved:
                resolve_difficulty(db, run, new_id, day=resolved, note=note, referred_to=referred)
        district_check = run_check(db, 2023, SAMPLE_AS_OF, include_all=True,
                                   criteria=Criteria(district=SAMPLE_DISTRICT))
        province_check = run_check(db, 2023, SAMPLE_AS_OF)
        workbook = folder / "tong-hop-2023.xlsx"
        export_summary(db, 2023, SAMPLE_AS_OF, workbook, run.today)
        draft = folder / "bao-cao-2023.docx"
        export_report(db, 2023, SAMPLE_AS_OF, draft, run.today)
        letters_folder = folder / "cong-van-don-doc"
        found = reminders(db, SAMPLE_AS_OF, 14)
        found.stamp = letters_stamp(db, found, last_changeset(db), run.today)  # verify FILE knows it, as remind's
        letters, _ = write_letters(found, letters_folder, None, run.today)
    return DemoResult(path, SAMPLE_DISTRICT, SAMPLE_AS_OF, district_check, province_check, workbook, draft, len(letters),
                      letters_folder)
