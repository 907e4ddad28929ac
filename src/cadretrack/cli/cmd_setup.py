"""`init` and `demo`."""

from __future__ import annotations

import datetime as dt
from importlib import resources
from pathlib import Path
from typing import Annotated, Optional

import typer

from cadretrack.cli.localized import LocalizedCommand

from cadretrack.cli.common import command_line, date_option, echo, guarded, now, open_db, state, today
from cadretrack.i18n import t

SAMPLE_LIST = ("718-QD-TU-phan-cong.xlsx", dt.date(2022, 12, 14), "718-QĐ/TU")
SAMPLE_AMENDMENT = ("bo-sung-2023-10-15.xlsx", dt.date(2023, 10, 15), "1032-QĐ/TU")
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
SAMPLE_AS_OF = dt.date(2023, 12, 5)
SAMPLE_DISTRICT = "Huyện Đà Bắc"


def register(app: typer.Typer, gazetteer_app: typer.Typer) -> None:
    app.command("init", cls=LocalizedCommand, help=t("help_init"))(init)
    app.command("demo", cls=LocalizedCommand, help=t("help_demo"))(demo)
    gazetteer_app.command("add", cls=LocalizedCommand, help=t("help_gazetteer_add"))(gazetteer_add)


@guarded
def init(
    ctx: typer.Context,
    rules: Annotated[Optional[Path], typer.Option("--rules", help=t("help_rules"))] = None,
    gazetteer: Annotated[Optional[Path], typer.Option("--gazetteer", help=t("help_gazetteer"))] = None,
    province: Annotated[str, typer.Option("--province", help=t("help_province"))] = "",
) -> None:
    from cadretrack.ops.setup import init_ledger

    path = state(ctx).db
    result = init_ledger(path, now(), command_line(ctx), gazetteer=gazetteer, rules=rules, province=province)
    if not result.created:
        echo(t("ledger_exists", path=str(path)))
        return
    echo(t("ledger_created", path=str(path), communes=result.communes, gazetteer=result.gazetteer, rules=result.rules))


@guarded
def gazetteer_add(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(help=t("help_gazetteer_file"))],
    effective: Annotated[str, typer.Option("--effective", help=t("help_gazetteer_effective"))],
    province: Annotated[str, typer.Option("--province", help=t("help_province"))] = "",
    mapping: Annotated[Optional[Path], typer.Option("--mapping", help=t("help_mapping"))] = None,
) -> None:
    from cadretrack.domain.dates import format_date
    from cadretrack.ops.gazetteer import add_units

    day = date_option(effective)
    result = add_units(open_db(ctx), file, day, now(), command_line(ctx), province=province, mapping=mapping)
    echo(t("gazetteer_added", communes=result.communes, provinces=", ".join(result.provinces),
           date=format_date(day), links=result.links))
    if result.unlinked:
        names = "; ".join(c.label() for c in result.unlinked[:8])
        more = f"; … (+{len(result.unlinked) - 8})" if len(result.unlinked) > 8 else ""
        echo(t("gazetteer_unlinked", count=len(result.unlinked), names=names + more))
    if result.still_in_force:
        echo(t("gazetteer_still_in_force", count=result.still_in_force, date=format_date(day)))


def sample_path(name: str) -> Path:
    return Path(str(resources.files("cadretrack").joinpath("data", "sample", name)))


@guarded
def demo(
    ctx: typer.Context,
    dir: Annotated[Path, typer.Option("--dir", help=t("help_demo_dir"))] = Path("cadretrack-demo"),
) -> None:
    """A fresh ledger from the sample data, then what a clerk would look at."""
    from cadretrack.domain.dates import format_date
    from cadretrack.ops.assignments import import_assignments
    from cadretrack.ops.check import run_check
    from cadretrack.ops.register import import_filings
    from cadretrack.ops.setup import init_ledger
    from cadretrack.render import check as render
    from cadretrack.render.terminal import console
    from cadretrack.store.ledger import open_ledger

    dir.mkdir(parents=True, exist_ok=True)
    path = dir / "cadretrack-demo.db"
    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    result = init_ledger(path, now(), command_line(ctx))
    echo(t("ledger_created", path=str(path), communes=result.communes, gazetteer=result.gazetteer, rules=result.rules))
    db = open_ledger(path, now())
    for name, effective, decision in (SAMPLE_LIST, SAMPLE_AMENDMENT):
        done = import_assignments(
            db, sample_path(name), effective, now(), command_line(ctx), decision=decision,
            amend=name == SAMPLE_AMENDMENT[0],
        )
        echo(t("import_done", path=name, effective=format_date(effective), **done.plan.counts()))
    # The sample register runs to 22/12/2023; looking as of 05/12 shows every status.
    filed = import_filings(db, sample_path(SAMPLE_REGISTER), now(), today(), command_line(ctx))
    echo(t("filings_done", path=SAMPLE_REGISTER, added=filed.added, unchanged=filed.unchanged))
    from cadretrack.ops.followup import record_difficulty, resolve_difficulty
    from cadretrack.ops.meetings import import_meetings

    met = import_meetings(db, sample_path(SAMPLE_MEETINGS), now(), today(), command_line(ctx))
    echo(t("meetings_done", path=SAMPLE_MEETINGS, added=met.added, unchanged=met.unchanged))
    # The office's own register: the filings of 2024 among every incoming document.
    review = dir / "so-den-2024-can-xem-lai.xlsx"
    office = import_filings(db, sample_path(SAMPLE_OFFICE_REGISTER), now(), today(), command_line(ctx), review=review)
    echo(t("office_done", path=SAMPLE_OFFICE_REGISTER, added=office.added, unchanged=office.unchanged, **office.counts))
    echo(t("office_review_written", path=str(review.resolve())))
    for commune, district, raised, by, text, resolved, note, referred in SAMPLE_DIFFICULTIES:
        new_id, _ = record_difficulty(db, commune, district, "", raised, text, by, now(), today(), command_line(ctx))
        if resolved:
            resolve_difficulty(db, new_id, resolved, note, referred, now(), today(), command_line(ctx))
    out = console()
    echo(t("demo_check", district=SAMPLE_DISTRICT, as_of=format_date(SAMPLE_AS_OF)))
    report = run_check(db, 2023, SAMPLE_AS_OF, include_all=True, district=SAMPLE_DISTRICT)
    for table in render.check_tables(report):
        out.print(table)
    out.print(render.summary_line(report))
    out.print(t("demo_province") + " " + render.summary_line(run_check(db, 2023, SAMPLE_AS_OF)))
    echo(t("demo_ledger", path=str(path)))
    from cadretrack.ops.export import export_summary

    workbook = dir / "tong-hop-2023.xlsx"
    export_summary(db, 2023, SAMPLE_AS_OF, workbook, today())
    echo(t("demo_workbook", path=str(workbook.resolve())))
    from cadretrack.ops.remind import reminders, write_letters

    letters = write_letters(reminders(db, SAMPLE_AS_OF, 14), dir / "cong-van-don-doc", None, today())
    echo(t("letters_written", count=len(letters), path=str((dir / "cong-van-don-doc").resolve())))
