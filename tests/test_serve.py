"""`cadretrack serve`: the web app's guards, its figures against `check`, and its writes
against the same writes from the command line. Flask's test client on real ledger files;
the server itself in a subprocess (the printed address, Ctrl-C)."""

from __future__ import annotations

import csv
import io
import html
import json
import re
import shutil
import signal
import subprocess
import sys
import urllib.error
import urllib.request
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import Cli, snapshot

SAMPLE = Path(__file__).resolve().parent.parent / "src" / "cadretrack" / "data" / "sample"
ASSIGNMENTS = SAMPLE / "718-QD-TU-phan-cong.xlsx"
REGISTER = SAMPLE / "so-dang-ky-van-ban-den-2024.xlsx"
AS_OF = "2024-12-31"


@pytest.fixture(scope="module")
def province(tmp_path_factory) -> Path:
    """The sample province: its assignments and the 2024 register recorded."""
    cli = Cli(tmp_path_factory.mktemp("serve") / "ledger.db")
    cli.ok("init")
    cli.ok("import", "assignments", ASSIGNMENTS, "--effective", "14/12/2022")
    assert cli("import", "filings", REGISTER).exit_code in (0, 1)
    return cli.db


@pytest.fixture
def ledger_copy(province, tmp_path) -> Cli:
    shutil.copy(province, tmp_path / "ledger.db")
    return Cli(tmp_path / "ledger.db")


class Web:
    """The app over a ledger, through Flask's test client, as a browser holding the token."""

    def __init__(self, db: Path, read_only: bool = False, lang: str = "vi", login: bool = True) -> None:
        from cadretrack.ops.ledger import watch
        from cadretrack.web.app import create_app
        from cadretrack.web.common import Settings

        self.settings = Settings(db=db, lang=lang, read_only=read_only, watch=watch(db))
        self.app = create_app(self.settings)
        self.client = self.app.test_client()
        if login:
            first = self.client.get(f"/?token={self.settings.token}")
            assert first.status_code == 303 and first.headers["Location"] == "/"

    def get(self, url: str, **kw):
        return self.client.get(url, **kw)

    def post(self, url: str, data: dict, csrf: bool = True, **kw):
        return self.client.post(url, data={**data, **({"csrf": self.settings.csrf} if csrf else {})}, **kw)

    def close(self) -> None:
        self.settings.watch.close()


@pytest.fixture
def web(ledger_copy):
    w = Web(ledger_copy.db)
    yield w
    w.close()


def files(db: Path) -> dict:
    """The ledger's bytes, its log's too: 'byte-identical' compares these (an empty log, made
    when SQLite first opens a ledger in WAL mode, holds nothing)."""
    found = {p.name: p.read_bytes() for p in sorted(db.parent.glob(db.name + "*")) if not p.name.endswith("-shm")}
    return {name: data for name, data in found.items() if data or not name.endswith("-wal")}


class Counts(HTMLParser):
    """The figures a page shows: data-count of every element marked with data-status, by the
    section (id) and the table row (data-label) it lies in."""

    def __init__(self) -> None:
        super().__init__()
        self.section, self.row = "", None
        self.found: dict = {}
        self.rows: list[dict] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "section":
            self.section = a.get("id", "")
        if tag == "tr" and "data-label" in a:
            self.row = a["data-label"]
        if tag == "tr" and "data-commune-code" in a:
            self.rows.append(a)
        if "data-status" in a and "data-count" in a:
            self.found[(self.section, self.row, a["data-status"])] = int(a["data-count"])


def counts_of(html: str) -> Counts:
    parser = Counts()
    parser.feed(html)
    return parser


# --- the guards ---------------------------------------------------------------------------

def test_every_request_without_the_token_is_refused(ledger_copy):
    web = Web(ledger_copy.db, login=False)
    for url in ("/", "/list", "/history", "/static/htmx.min.js", "/?token=wrong", "/changed?v=1"):
        answer = web.get(url)
        assert answer.status_code == 403, url
        assert "mã truy cập" in answer.get_data(as_text=True)
        assert web.settings.csrf not in answer.get_data(as_text=True)
    assert web.post("/record", {"kind": "program"}).status_code == 403
    web.client.set_cookie("cadretrack_token", "forged")
    assert web.get("/").status_code == 403
    web.close()


def test_the_token_becomes_a_strict_httponly_cookie_and_leaves_the_address(ledger_copy):
    web = Web(ledger_copy.db, login=False)
    answer = web.get(f"/?token={web.settings.token}&year=2024")
    assert answer.status_code == 303 and answer.headers["Location"] == "/?year=2024"
    cookie = answer.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie and web.settings.token in cookie
    assert web.get("/?year=2024").status_code == 200
    web.close()


@pytest.mark.parametrize("host", ["evil.example", "evil.example:8726", "127.0.0.2", "localhost.evil.example",
                                  "[::1]:80", "", "localhost:8726@evil.example",
                                  "localhost:80:80", "localhost.", " localhost"])
def test_a_foreign_host_is_refused_even_with_the_token(web, host):
    """DNS rebinding: a page of another site, resolved to 127.0.0.1, never reads the ledger."""
    before = files(web.settings.db)
    assert web.get("/", headers={"Host": host}).status_code == 400
    assert web.get(f"/?token={web.settings.token}", headers={"Host": host}).status_code == 400
    answer = web.post("/record", {"kind": "program", "year": "2024", "date": "01/03/2024", "commune": "Thịnh Lang"},
                      headers={"Host": host})
    assert answer.status_code == 400
    assert files(web.settings.db) == before
    assert web.get("/", headers={"Host": "localhost:8726"}).status_code == 200
    assert web.get(f"/?token={web.settings.token}", headers={"Host": "127.0.0.1:8726"}).status_code == 303


RECORD = {"kind": "program", "year": "2024", "date": "01/03/2024", "commune": "Thịnh Lang"}


@pytest.mark.parametrize("csrf", [None, "", "wrong", "x" * 10_000])
def test_a_post_without_the_right_csrf_token_changes_nothing(web, csrf):
    before = files(web.settings.db)
    data = dict(RECORD) if csrf is None else {**RECORD, "csrf": csrf}
    for url in ("/record", "/undo"):
        answer = web.client.post(url, data=data)
        assert answer.status_code == 403
        assert "tải lại trang" in answer.get_data(as_text=True)
    assert files(web.settings.db) == before


def test_read_only_refuses_every_write_and_still_shows(ledger_copy):
    web = Web(ledger_copy.db, read_only=True)
    before = files(web.settings.db)
    for url, data in (("/record", RECORD), ("/undo", {"target": "1"})):
        answer = web.post(url, data)
        assert answer.status_code == 403, url
        assert "chỉ xem" in answer.get_data(as_text=True)
    assert files(web.settings.db) == before
    page = web.get("/?year=2024").get_data(as_text=True)
    assert "Chế độ chỉ xem" in page and 'href="/record"' not in page
    assert web.post("/list", {"year": "2024", "status": "all"}).status_code == 200  # a read is no write
    web.close()


def test_every_answer_forbids_framing_and_foreign_scripts(web):
    for url in ("/", "/list", "/record", "/history", "/undo", "/nowhere", "/static/htmx.min.js"):
        h = web.get(url).headers
        assert "default-src 'self'" in h["Content-Security-Policy"], url
        assert "frame-ancestors 'none'" in h["Content-Security-Policy"]
        assert h["X-Frame-Options"] == "DENY" and h["Cache-Control"] == "no-store"
    assert web.client.get("/record", headers={"X-HTTP-Method-Override": "POST"}).status_code == 200


def test_pages_carry_no_inline_script_or_style_and_htmx_is_served_locally(web):
    for url in ("/?year=2024", "/list?year=2024&status=all", "/record", "/history", "/undo"):
        html = web.get(url).get_data(as_text=True)
        assert not re.search(r"<script(?![^>]*\ssrc=\"/static/)", html), url
        assert " style=" not in html and "<style" not in html
        assert "http://" not in html and "https://" not in html  # no CDN, nothing outside
    assert web.get("/static/htmx.min.js").data.startswith(b"var htmx")


def test_personnel_data_never_travels_in_a_query_string(web):
    """Every link a page holds carries at most year, as-of, status, kind, district, agency, and
    the forms that take a commune or cadre are POSTs."""
    allowed = {"year", "as_of", "status", "kind", "district", "agency", "v", "sort"}
    for url in ("/?year=2024&as_of=31/12/2024", "/list?year=2024&status=all", "/record", "/history"):
        html = web.get(url).get_data(as_text=True)
        for query in re.findall(r'(?:href|hx-get)="[^"?]*\?([^"]*)"', html):
            keys = {part.split("=")[0] for part in query.replace("&amp;", "&").split("&")}
            assert keys <= allowed, (url, query)
        for form in re.findall(r"<form[^>]*>.*?</form>", html, re.S):
            if re.search(r'name="(commune|cadre|member)"', form):
                assert 'method="post"' in form


# --- the figures equal check's ------------------------------------------------------------

def test_the_dashboard_figures_equal_check(web, ledger_copy):
    html = web.get(f"/?year=2024&as_of={AS_OF}").get_data(as_text=True)
    shown = counts_of(html).found
    check = ledger_copy.json("check", "--year", "2024", "--as-of", AS_OF, "--all")
    assert sum(check["counts"].values()) > 100
    for status, n in check["counts"].items():
        assert shown[("total", "", status)] == n
    for kind, label in (("program", "Chương trình theo dõi"), ("report", "Báo cáo năm"),
                        ("evaluation", "Nhận xét, đánh giá")):
        by_kind = ledger_copy.json("check", "--year", "2024", "--as-of", AS_OF, "--kind", kind)["counts"]
        assert {s: shown[("kinds", label, s)] for s in by_kind} == by_kind
    districts = sorted({label for (section, label, _) in shown if section == "places"})
    assert len(districts) == 10
    for district in districts:
        by_place = ledger_copy.json("check", "--year", "2024", "--as-of", AS_OF, "--district", district)["counts"]
        assert {s: shown[("places", district, s)] for s in by_place} == by_place, district


def test_the_dashboard_in_english_and_every_number_links_to_its_list(ledger_copy):
    web = Web(ledger_copy.db, lang="en")
    html = web.get(f"/?year=2024&as_of={AS_OF}").get_data(as_text=True)
    assert "Overdue" in html and "By kind" in html and "Quá hạn" not in html
    links = re.findall(r'<a href="(/list\?[^"]+)" data-status="(\w+)" data-count="(\d+)"', html)
    assert len(links) >= 4 * (1 + 3 + 10)
    for href, status, n in links[:8] + links[-4:]:
        listed = counts_of(web.get(href.replace("&amp;", "&")).get_data(as_text=True))
        assert len(listed.rows) == min(int(n), 500), href
        assert all(r["data-status"] == status for r in listed.rows)
    web.close()


def test_the_list_equals_check_with_the_same_filters(web, ledger_copy):
    for filters in ({"status": "overdue"}, {"status": "all", "kind": "report"}, {"district": "Đà Bắc"},
                    {"status": "late", "agency": "Sở Tài chính"}, {}, {"status": "all", "commune": "Cao Sơn",
                                                                     "district": "Đà Bắc"},
                    {"status": "all", "cadre": ledger_copy.json("list", "assignments")[0]["cadre"]}):
        html = web.post("/list", {"year": "2024", "as_of": "31/12/2024", **filters}).get_data(as_text=True)
        args = [a for k, v in filters.items() for a in ((f"--{k}", v) if k != "status" or v != "all" else ("--all",))]
        check = ledger_copy.json("check", "--year", "2024", "--as-of", AS_OF, *args)
        rows = counts_of(html).rows
        assert [(r["data-commune-code"], r["data-kind"], r["data-status"]) for r in rows] == [
            (i["commune_code"], i["kind"], i["status"]) for i in check["items"]][:500], filters
        shown = counts_of(html).found
        assert {s: shown[("", None, s)] for s in check["counts"]} == check["counts"]


def test_names_of_people_filter_only_from_a_post_body(web, ledger_copy):
    """A commune or a cadre in a query string (a link the browser keeps) is no filter."""
    district = counts_of(web.get("/list?year=2024&as_of=31/12/2024&status=all&district=%C4%90%C3%A0+B%E1%BA%AFc"
                                 ).get_data(as_text=True)).rows
    linked = counts_of(web.get("/list?year=2024&as_of=31/12/2024&status=all&commune=Cao+S%C6%A1n&district=%C4%90%C3%A0+B%E1%BA%AFc"
                               ).get_data(as_text=True)).rows
    posted = counts_of(web.post("/list", {"year": "2024", "as_of": "31/12/2024", "status": "all", "commune": "Cao Sơn",
                                          "district": "Đà Bắc"}).get_data(as_text=True)).rows
    assert posted and {r["data-commune-code"] for r in posted} == {"4876"}
    assert linked == district and len(district) > len(posted)


def test_a_wrong_filter_is_one_sentence_in_the_page(web, ledger_copy):
    answer = web.post("/list", {"year": "2024", "district": "Đà Bắcc"})
    assert answer.status_code == 400
    assert "Traceback" not in answer.get_data(as_text=True) and "Đà Bắc" in answer.get_data(as_text=True)
    assert web.get("/?year=abc").status_code == 400
    assert web.get("/?as_of=31/02/2024").status_code == 400


def test_the_downloads_are_what_check_output_writes(web, ledger_copy, tmp_path):
    form = {"year": "2024", "as_of": "31/12/2024", "status": "all", "kind": "program"}
    got = web.post("/list/download", {**form, "format": "csv"})
    assert got.status_code == 200 and "attachment" in got.headers["Content-Disposition"]
    ledger_copy("check", "--year", "2024", "--as-of", AS_OF, "--all", "--kind", "program",
                "--output", tmp_path / "c.csv", lang="vi")
    assert got.data == (tmp_path / "c.csv").read_bytes()
    rows = list(csv.DictReader(io.StringIO(got.data.decode("utf-8-sig"))))
    assert len(rows) > 50 and {r["kind"] for r in rows} == {"program"}
    got = web.post("/list/download", {**form, "format": "xlsx"})
    ledger_copy("check", "--year", "2024", "--as-of", AS_OF, "--all", "--kind", "program",
                "--output", tmp_path / "c.xlsx", lang="vi")
    from openpyxl import load_workbook

    def cells(data: bytes):
        wb = load_workbook(io.BytesIO(data))
        return [[c.value for c in row] for ws in wb for row in ws.iter_rows()]

    assert cells(got.data) == cells((tmp_path / "c.xlsx").read_bytes())
    assert web.post("/list/download", {**form, "format": "../../etc/passwd"}).status_code == 404


# --- writes: the same as the CLI's ---------------------------------------------------------

def same_ledger(a: Path, b: Path) -> None:
    """The same rows everywhere, the moment of each change set aside."""
    left, right = snapshot(a), snapshot(b)
    for s in (left, right):
        s["changesets"] = [(r[0], None, *r[2:]) for r in s["changesets"]]
    assert left == right


def test_record_with_a_mistake_then_correctly_leaves_the_ledger_the_cli_leaves(web, ledger_copy, tmp_path):
    twin = Cli(tmp_path / "twin" / "ledger.db")
    twin.db.parent.mkdir()
    shutil.copy(ledger_copy.db, twin.db)
    before = files(web.settings.db)
    answer = web.post("/record", {**RECORD, "date": "31/02/2024"})
    assert answer.status_code == 400
    html = answer.get_data(as_text=True)
    assert re.search(r'id="error-date"[^>]*>[^<]*31/02/2024', html)
    assert 'value="Thịnh Lang"' in html  # what the clerk typed stays in the form
    answer = web.post("/record", {**RECORD, "commune": "Thịnh Langg"})
    assert answer.status_code == 400 and 'id="error-commune"' in answer.get_data(as_text=True)
    assert files(web.settings.db) == before
    answer = web.post("/record", {**RECORD, "number": "12-CTr/ĐU"})
    assert answer.status_code == 200
    assert "Đã ghi nhận" in answer.get_data(as_text=True)
    twin.ok("record", "program", "--year", "2024", "--date", "01/03/2024", "--commune", "Thịnh Lang",
            "--number", "12-CTr/ĐU")
    same_ledger(web.settings.db, twin.db)
    duplicate = web.post("/record", {**RECORD, "date": "02/03/2024"})
    assert duplicate.status_code == 400 and 'id="error-replace"' in duplicate.get_data(as_text=True)
    web.post("/undo", {"target": str(latest(web))})
    twin.ok("undo")
    same_ledger(web.settings.db, twin.db)


def latest(web: Web) -> int:
    html = web.get("/undo").get_data(as_text=True)
    return int(re.search(r'name="target" value="(\d+)"', html).group(1))


def test_history_lists_the_change_sets_and_undo_asks_first(web, ledger_copy):
    html = web.get("/history").get_data(as_text=True)
    assert "cadretrack import filings" in html
    target = latest(web)
    assert "Hoàn tác lần thay đổi" in web.get("/undo").get_data(as_text=True)
    before = files(web.settings.db)
    stale = web.post("/undo", {"target": str(target - 1)})  # the page showed another: said, asked again
    said = stale.get_data(as_text=True)
    assert stale.status_code == 409 and "chưa hoàn tác gì" in said and f'name="target" value="{target}"' in said
    assert files(web.settings.db) == before
    done = web.post("/undo", {"target": str(target)})
    assert done.status_code == 200 and "Đã hoàn tác" in done.get_data(as_text=True)
    assert ledger_copy.json("history")[0]["undoes"] == target
    twice = web.post("/undo", {"target": str(target)})  # sent again (a double click): said so, nothing more
    assert twice.status_code == 409 and f"Thay đổi số {target} đã được hoàn tác rồi" in twice.get_data(as_text=True)
    assert ledger_copy.json("history")[0]["undoes"] == target
    assert list((ledger_copy.db.parent / "backups").iterdir())  # backed up first, as the CLI does


def test_a_change_from_the_command_line_is_noticed(web, ledger_copy):
    html = web.get("/").get_data(as_text=True)
    version = re.search(r'hx-get="/changed\?v=(\d+)"', html).group(1)
    assert web.get(f"/changed?v={version}").status_code == 204
    ledger_copy.ok("record", "program", "--year", "2024", "--date", "01/03/2024", "--commune", "Thịnh Lang")
    answer = web.get(f"/changed?v={version}")
    assert answer.status_code == 200 and "vừa được thay đổi" in answer.get_data(as_text=True)
    html = web.get("/").get_data(as_text=True)
    assert web.get("/changed?v=" + re.search(r'/changed\?v=(\d+)', html).group(1)).status_code == 204


# --- the server --------------------------------------------------------------------------

def start(db: Path, *args: str):
    proc = subprocess.Popen([sys.executable, "-m", "cadretrack", "--db", str(db), "serve", "--port", "0",
                             "--no-browser", *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    line = proc.stdout.readline()
    match = re.search(r"(http://127\.0\.0\.1:(\d+)/\?token=[\w-]+)", line)
    assert match, line + proc.stderr.read()
    return proc, match.group(1), int(match.group(2))


@pytest.mark.parametrize("stop", [signal.SIGINT, signal.SIGTERM])
def test_serve_prints_one_address_answers_on_it_and_stops_cleanly_on_ctrl_c(ledger_copy, stop):
    proc, url, port = start(ledger_copy.db)
    try:
        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor())
        page = opener.open(url, timeout=30).read().decode("utf-8")
        assert "Tổng quan" in page
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=30)
        assert refused.value.code == 403
    finally:
        proc.send_signal(stop)
        out, err = proc.communicate(timeout=30)
    assert proc.returncode == 0, err
    assert "Đã dừng trang web" in err
    assert "Traceback" not in err and out == ""


def test_a_file_too_large_is_one_sentence(web):
    answer = web.client.post("/register", data={"csrf": web.settings.csrf,
                                                "file": (io.BytesIO(b"x" * (65 * 2**20)), "big.xlsx")},
                             content_type="multipart/form-data")
    assert answer.status_code == 413 and "64 MB" in answer.get_data(as_text=True)


def test_serve_refuses_a_missing_ledger_and_a_bad_port(tmp_path, ledger_copy):
    cli = Cli(tmp_path / "none.db")
    assert "cadretrack init" in cli.refused("serve", "--no-browser", lang="vi")
    assert not (tmp_path / "none.db").exists()
    assert "65535" in ledger_copy.refused("serve", "--no-browser", "--port", "70000")
    proc, url, port = start(ledger_copy.db)
    try:
        assert str(port) in ledger_copy.refused("serve", "--no-browser", "--port", str(port))
    finally:
        proc.send_signal(signal.SIGINT)
        proc.communicate(timeout=30)


def test_the_documents_are_what_their_commands_write(web, ledger_copy, tmp_path, monkeypatch):
    import tempfile
    import zipfile

    from openpyxl import load_workbook

    scratch = tmp_path / "scratch"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))  # where the app writes before it sends
    form = {"year": "2024", "as_of": "31/12/2024"}
    got = web.post("/documents", {**form, "document": "workbook"})
    assert got.status_code == 200 and got.headers["Content-Disposition"].endswith('tong-hop-2024.xlsx"')
    ledger_copy.ok("export", "summary", "--year", "2024", "--as-of", AS_OF, "--output", tmp_path / "t.xlsx",
                   lang="vi")
    ours, theirs = load_workbook(io.BytesIO(got.data)), load_workbook(tmp_path / "t.xlsx")
    assert ours.sheetnames == theirs.sheetnames
    for a, b in zip(ours, theirs):
        assert [[c.value for c in r] for r in a.iter_rows()] == [[c.value for c in r] for r in b.iter_rows()]
    report = web.post("/documents", {**form, "document": "report"})
    assert report.status_code == 200 and report.data[:2] == b"PK"
    letters = web.post("/documents", {**form, "document": "letters"})
    names = zipfile.ZipFile(io.BytesIO(letters.data)).namelist()
    assert len([n for n in names if n.endswith(".docx")]) > 10 and any(n.endswith(".xlsx") for n in names)
    assert web.post("/documents", {**form, "document": "../x"}).status_code == 404
    assert list(scratch.iterdir()) == []  # nothing left behind


def test_a_commune_page_and_a_cadre_page_show_what_show_and_check_say(web, ledger_copy):
    html = web.post("/list", {"year": "2024", "as_of": "31/12/2024", "status": "all"}).get_data(as_text=True)
    link = re.search(r'<a href="(/commune/[^"]+)">Phường Thịnh Lang</a>', html).group(1)
    page = web.get(link).get_data(as_text=True)
    assert '<h1 id="profile" data-what="commune">Phường Thịnh Lang</h1>' in page
    shown = ledger_copy.json("show", "--commune", "Thịnh Lang")
    for a in shown:
        assert a["cadre"] in page
    check = ledger_copy.json("check", "--year", "2024", "--all")
    mine = [i for i in check["items"] if i["commune"] == "Phường Thịnh Lang"]
    section = page.split('data-year="2024"')[1].split("</table>")[0]
    assert re.findall(r'data-status="(\w+)" data-kind="(\w+)"', section) == [(i["status"], i["kind"]) for i in mine]
    by_name = web.post("/commune", {"commune": "thinh lang"}).get_data(as_text=True)
    assert by_name.count("data-status=") == page.count("data-status=")
    cadre = shown[0]["cadre"]
    assert f'name="cadre" value="{cadre}"' in page  # a form, not a link: no name in the address
    person = web.post("/cadre", {"cadre": cadre}).get_data(as_text=True)
    assert f'data-what="cadre">{cadre}</h1>' in person and "Phường Thịnh Lang" in person
    unknown = web.post("/commune", {"commune": "Thịnh Langg"})
    assert unknown.status_code == 400 and "Thịnh Lang" in unknown.get_data(as_text=True)
    assert web.get("/commune/" + "9" * 5000).status_code == 400


def test_difficulties_recorded_and_resolved_as_from_the_command_line(web, ledger_copy, tmp_path):
    twin = Cli(tmp_path / "twin" / "ledger.db")
    twin.db.parent.mkdir()
    shutil.copy(ledger_copy.db, twin.db)
    before = files(web.settings.db)
    form = {"commune": "Thịnh Lang", "date": "10/03/2024", "text": "Thiếu kinh phí họp", "raised_by": "commune"}
    bad = web.post("/difficulties/record", {**form, "date": "10/03/2999"})
    assert bad.status_code == 400 and "10/03/2999" in bad.get_data(as_text=True)
    assert 'value="Thiếu kinh phí họp"' in bad.get_data(as_text=True)
    assert files(web.settings.db) == before
    done = web.post("/difficulties/record", form)
    assert done.status_code == 200 and "Đã ghi khó khăn" in done.get_data(as_text=True)
    twin.ok("record", "difficulty", "--commune", "Thịnh Lang", "--date", "10/03/2024", "--text", "Thiếu kinh phí họp")
    same_ledger(web.settings.db, twin.db)
    number = re.search(r'action="/difficulties/(\d+)/resolve"', done.get_data(as_text=True)).group(1)
    early = web.post(f"/difficulties/{number}/resolve", {"date": "01/03/2024"})
    assert early.status_code == 400
    web.post(f"/difficulties/{number}/resolve", {"date": "20/03/2024", "note": "Đã cấp"})
    twin.ok("resolve", number, "--date", "20/03/2024", "--note", "Đã cấp")
    same_ledger(web.settings.db, twin.db)
    listed = twin.json("difficulties")
    page = web.get("/difficulties").get_data(as_text=True)
    assert all(f'data-id="{d["id"]}"' in page for d in listed) and "Đã cấp" in page


@pytest.fixture
def assigned(tmp_path) -> Cli:
    cli = Cli(tmp_path / "ledger.db")
    cli.ok("init")
    cli.ok("import", "assignments", ASSIGNMENTS, "--effective", "14/12/2022")
    return cli


def same_rows(a: Path, b: Path) -> None:
    """The same rows everywhere, each change set's moment and command line set aside (the
    page names the file as it was sent, the CLI as it was typed)."""
    left, right = snapshot(a), snapshot(b)
    for s in (left, right):
        s["changesets"] = [(r[0], None, r[2], None, *r[4:]) for r in s["changesets"]]
    assert left == right


def test_a_register_is_read_shown_and_recorded_only_when_confirmed(assigned, tmp_path):
    from openpyxl import load_workbook

    twin = Cli(tmp_path / "twin" / "ledger.db")
    twin.db.parent.mkdir()
    shutil.copy(assigned.db, twin.db)
    web = Web(assigned.db)
    before = files(assigned.db)
    read = web.client.post("/register", data={"csrf": web.settings.csrf,
                                              "file": (io.BytesIO(REGISTER.read_bytes()), REGISTER.name)},
                           content_type="multipart/form-data")
    html = read.get_data(as_text=True)
    assert read.status_code == 200 and "Chạy thử sổ" in html
    assert files(assigned.db) == before  # nothing recorded before the clerk confirms
    dry = twin.json("import", "filings", REGISTER, "--dry-run")
    decisions = re.findall(r'data-row="(\d+)" data-decision="(\w+)"', html)
    assert decisions == [(str(r["row"]), r["decision"]) for r in dry["rows"]]
    upload = re.search(r'name="upload" value="([0-9a-f]{16})"', html).group(1)
    done = web.post("/register/confirm", {"upload": upload})
    assert done.status_code == 200 and "Đã nhập sổ" in done.get_data(as_text=True)
    assert twin("import", "filings", REGISTER, "--review", tmp_path / "review.xlsx").exit_code == 1
    same_rows(assigned.db, twin.db)
    assert assigned.json("history")[0]["command"][:4] == ["cadretrack", "import", "filings", REGISTER.name]
    review = web.post("/register/review", {"upload": upload})
    assert review.status_code == 200
    # The clerk completes the review file: no row is a filing of the Regulation.
    wb = load_workbook(io.BytesIO(review.data))
    ws = wb["Cần xem lại"]
    header = [c.value for c in ws[4]]
    for r in range(5, ws.max_row + 1):
        ws.cell(r, header.index("Xử lý") + 1, "Không phải văn bản theo Quy định")
    filled = tmp_path / "filled.xlsx"
    wb.save(filled)
    read = web.client.post("/register", data={"csrf": web.settings.csrf,
                                              "file": (io.BytesIO(filled.read_bytes()), "filled.xlsx")},
                           content_type="multipart/form-data")
    assert read.status_code == 200, read.get_data(as_text=True)
    again = re.search(r'name="upload" value="([0-9a-f]{16})"', read.get_data(as_text=True)).group(1)
    assert web.post("/register/confirm", {"upload": again}).status_code == 200
    twin.ok("import", "filings", filled)
    same_rows(assigned.db, twin.db)
    assert web.post("/register/confirm", {"upload": "../../etc/passwd"}).status_code == 404
    broken = web.client.post("/register", data={"csrf": web.settings.csrf, "file": (io.BytesIO(b"\x00" * 100), "x.xlsx")},
                             content_type="multipart/form-data")
    assert broken.status_code == 400 and "Traceback" not in broken.get_data(as_text=True)
    assert "x.xlsx" in broken.get_data(as_text=True) and "cadretrack-serve-" not in broken.get_data(as_text=True)
    web.close()


def test_rows_left_for_review_are_answered_in_the_page_as_in_the_workbook(assigned, tmp_path):
    from openpyxl import load_workbook

    twin = Cli(tmp_path / "twin" / "ledger.db")
    twin.db.parent.mkdir()
    shutil.copy(assigned.db, twin.db)
    web = Web(assigned.db)
    read = web.client.post("/register", data={"csrf": web.settings.csrf,
                                              "file": (io.BytesIO(REGISTER.read_bytes()), REGISTER.name)},
                           content_type="multipart/form-data")
    upload = re.search(r'name="upload" value="([0-9a-f]{16})"', read.get_data(as_text=True)).group(1)
    html = web.post("/register/confirm", {"upload": upload}).get_data(as_text=True)
    assert twin("import", "filings", REGISTER, "--review", tmp_path / "review.xlsx").exit_code == 1
    places = re.findall(r'<tr data-place="([^"]+)">', html)
    assert places and 'id="answers"' in html
    # The clerk answers the first row in the page: not a filing of the Regulation.
    before = files(assigned.db)
    answered = web.post("/register/answers", {"upload": upload, "count": "1", "place-0": places[0],
                                              "action-0": "unrelated"})
    text = answered.get_data(as_text=True)
    assert answered.status_code == 200, text
    assert files(assigned.db) == before  # nothing recorded before the clerk confirms
    again = re.search(r'name="upload" value="([0-9a-f]{16})"', text).group(1)
    assert web.post("/register/confirm", {"upload": again}).status_code == 200
    # The same answer in the workbook, from the command line.
    wb = load_workbook(tmp_path / "review.xlsx")
    ws = wb["Cần xem lại"]
    header = [c.value for c in ws[4]]
    for r in range(ws.max_row, 4, -1):
        if ws.cell(r, header.index("Vị trí trong sổ") + 1).value == places[0]:
            ws.cell(r, header.index("Xử lý") + 1, "Không phải văn bản theo Quy định")
        else:
            ws.delete_rows(r)
    wb.save(tmp_path / "answered.xlsx")
    assert twin("import", "filings", tmp_path / "answered.xlsx").exit_code == 1  # 8 rows still wait
    same_rows(assigned.db, twin.db)
    latest = assigned.json("history")[0]
    assert latest["command"][:4] == ["cadretrack", "import", "filings", "so-den-can-xem-lai.xlsx"]
    assert latest["summary"]["register_rows"] == 1  # the row remembered with its answer
    web.close()


def test_any_form_or_query_is_a_page_or_one_sentence_never_a_crash(province, tmp_path_factory):
    """Whatever a form or an address holds: 200 or 400, one sentence, no traceback, and a
    refused record leaves the ledger as it was."""
    from hypothesis import HealthCheck, given, settings as hsettings
    from hypothesis import strategies as st

    folder = tmp_path_factory.mktemp("fuzz")
    shutil.copy(province, folder / "ledger.db")
    web = Web(folder / "ledger.db")
    text = st.one_of(st.text(max_size=40), st.sampled_from(["", "31/02/2024", "2024-13-01", "1e9", "-1", "99999",
                                                           "Thịnh Lang", "program", "overdue", "all", "\x00"]))

    @hsettings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
    @given(st.dictionaries(st.sampled_from(["kind", "year", "date", "commune", "district", "cadre", "number",
                                            "rating", "note", "replace", "status", "as_of", "agency", "sort"]),
                           text, max_size=8))
    def check(form):
        for answer in (web.post("/record", form), web.post("/list", form), web.get("/", query_string=form),
                       web.post("/difficulties/record", form)):
            body = answer.get_data(as_text=True)
            assert answer.status_code in (200, 400), (answer.status_code, form, body[-500:])
            assert "Traceback" not in body

    check()
    web.close()


def test_a_fault_of_ours_is_one_sentence_not_a_traceback(web, capsys, monkeypatch):
    def boom(*args, **kwargs):  # a bug in a page's op
        raise RuntimeError("a bug")

    monkeypatch.setattr("cadretrack.ops.dashboard.dashboard", boom)
    answer = web.get("/")
    assert answer.status_code == 500 and "không lường trước" in answer.get_data(as_text=True)
    err = capsys.readouterr().err
    assert "Traceback" not in err and "RuntimeError: a bug" in err


def test_in_english_no_page_holds_the_vietnamese_words_of_the_app(ledger_copy):
    from cadretrack.messages import MESSAGES
    from cadretrack.messages import web as web_messages

    web = Web(ledger_copy.db, lang="en")
    vietnamese = {vi for key, (vi, en) in MESSAGES.items() if vi != en and len(vi) > 6 and "{" not in vi
                  and (key in web_messages.MESSAGES or key.startswith(("status_", "col_", "decision_")))}
    vietnamese.discard("Kiểm tra")  # a word of an agency's name (Ủy ban Kiểm tra Tỉnh ủy): data, not the app's
    for url in ("/?year=2024", "/list?year=2024&status=all", "/record", "/history", "/undo", "/find", "/difficulties",
                "/documents", "/register", "/commune/4789"):
        html = web.get(url).get_data(as_text=True)
        found = [v for v in vietnamese if v in html]
        assert found == [], (url, found)
    web.close()


def test_documents_as_the_ledger_knew_them_then_carry_the_stamp_of_then(web, ledger_copy, tmp_path):
    """Tài liệu with a known-on moment: the workbook `export summary --known-on` writes, and
    verify says it comes from this ledger, unedited."""
    from openpyxl import load_workbook

    form = {"year": "2024", "as_of": "31/12/2024", "known_on": "01/01/2000"}
    early = web.post("/documents", {**form, "document": "workbook"})
    assert early.status_code == 400  # before the ledger existed: one sentence
    assert web.post("/documents", {**form, "known_on": "31/02/2024", "document": "workbook"}).status_code == 400
    ledger_copy.ok("record", "program", "--year", "2024", "--date", "01/03/2024", "--commune", "Thịnh Lang")
    now = __import__("datetime").datetime.now().strftime("%d/%m/%Y %H:%M")
    got = web.post("/documents", {**form, "known_on": now, "document": "workbook"})
    assert got.status_code == 200
    (tmp_path / "web.xlsx").write_bytes(got.data)
    ledger_copy.ok("export", "summary", "--year", "2024", "--as-of", AS_OF, "--known-on", now,
                   "--output", tmp_path / "cli.xlsx", lang="vi")
    ours, theirs = load_workbook(tmp_path / "web.xlsx"), load_workbook(tmp_path / "cli.xlsx")
    for a, b in zip(ours, theirs):
        assert [[c.value for c in r] for r in a.iter_rows()] == [[c.value for c in r] for r in b.iter_rows()]
    verified = ledger_copy.json("verify", tmp_path / "web.xlsx")
    assert verified["same_ledger"] and verified["unedited"]
    letters = web.post("/documents", {**form, "known_on": "", "document": "letters"})
    assert letters.status_code == 200


def test_the_list_filters_by_the_member_in_charge_as_check_does(ledger_copy):
    """The Standing Committee member in charge: a POST filter, the same items as check --member."""
    members = Path(__file__).resolve().parents[1] / "src" / "cadretrack" / "data" / "sample" / "phan-cong-uvbtv-2023.xlsx"
    ledger_copy.ok("import", "members", members, "--effective", "01/01/2023")
    name = ledger_copy.json("list", "members")[0]["member"]
    web = Web(ledger_copy.db)
    html = web.post("/list", {"year": "2024", "as_of": "31/12/2024", "status": "all", "member": name})
    check = ledger_copy.json("check", "--year", "2024", "--as-of", AS_OF, "--all", "--member", name)
    rows = counts_of(html.get_data(as_text=True)).rows
    assert rows and [(r["data-commune-code"], r["data-kind"]) for r in rows] == [
        (i["commune_code"], i["kind"]) for i in check["items"]][:500]
    linked = counts_of(web.get(f"/list?year=2024&as_of=31/12/2024&status=all&member={name}").get_data(as_text=True))
    assert len(linked.rows) > len(rows)  # a name in a link filters nothing


def test_the_documents_page_shows_the_stamp_and_checks_a_document_the_clerk_holds(web, ledger_copy, tmp_path):
    """Tài liệu shows the stamp a workbook exported now carries (the line printed in it), and
    checks an uploaded document as `verify FILE` does: unedited, then one count edited (the
    cell named), then a file from elsewhere (one sentence, exit-2 words, status 400)."""
    from openpyxl import load_workbook

    page = web.get("/documents?year=2024&as_of=31/12/2024").get_data(as_text=True)
    book = tmp_path / "tong-hop.xlsx"
    ledger_copy.ok("export", "summary", "--year", "2024", "--as-of", AS_OF, "--output", book, lang="vi")
    printed = {c.value for ws in load_workbook(book) for r in ws.iter_rows() for c in r if isinstance(c.value, str)}
    line = re.search(r'<p class="stamp" id="stamp">[^<]*?: (.*?)</p>', page).group(1)
    assert html.unescape(line) in printed
    sent = web.client.post("/documents/verify", data={"csrf": web.settings.csrf, "year": "2024", "as_of": "31/12/2024",
                                                     "file": (io.BytesIO(book.read_bytes()), "tong-hop.xlsx")},
                           content_type="multipart/form-data")
    said = html.unescape(sent.get_data(as_text=True))
    assert sent.status_code == 200 and "tong-hop.xlsx" in said and "đúng như sổ theo dõi" in said
    wb = load_workbook(book)
    ws = wb["Tổng hợp"]
    cell = next(c for r in ws.iter_rows() for c in r if isinstance(c.value, int) and c.value > 1 and c.column > 2)
    cell.value -= 1
    edited = tmp_path / "sua.xlsx"
    wb.save(edited)
    sent = web.client.post("/documents/verify", data={"csrf": web.settings.csrf,
                                                     "file": (io.BytesIO(edited.read_bytes()), "sua.xlsx")},
                           content_type="multipart/form-data")
    said = html.unescape(sent.get_data(as_text=True))
    assert sent.status_code == 200 and f"Tổng hợp!{cell.coordinate}" in said and "1 chỗ" in said
    junk = web.client.post("/documents/verify", data={"csrf": web.settings.csrf,
                                                     "file": (io.BytesIO(b"PK\x03\x04 nothing"), "la.docx")},
                           content_type="multipart/form-data")
    text = junk.get_data(as_text=True)
    assert junk.status_code == 400 and "la.docx" in text and "cadretrack-verify-" not in text
    assert "Traceback" not in text
    no_token = web.client.post("/documents/verify", data={"file": (io.BytesIO(book.read_bytes()), "t.xlsx")},
                               content_type="multipart/form-data")
    assert no_token.status_code in (400, 403)


def test_a_commune_page_shows_its_meetings_and_the_change_sets_that_touched_it(web, ledger_copy):
    ledger_copy.ok("record", "meeting", "--commune", "Thịnh Lang", "--date", "05/03/2024", "--kind", "thường kỳ",
                   "--attended", "có", "--topic", "Sơ kết quý I")
    ledger_copy.ok("record", "difficulty", "--commune", "Tân Hòa", "--date", "06/03/2024", "--text", "khác xã")
    mine = {c["id"] for c in ledger_copy.json("history")
            if any("Thịnh Lang" in part for part in c["command"]) or c["command"][1:3] == ["import", "assignments"]}
    code = ledger_copy.json("show", "--commune", "Thịnh Lang")[0]["commune_code"]
    page = html.unescape(web.get(f"/commune/{code}").get_data(as_text=True))
    meetings = page.split('id="meetings"')[1].split("</table>")[0]
    assert "05/03/2024" in meetings and "Thường kỳ" in meetings and "Sơ kết quý I" in meetings and ">Có<" in meetings
    listed = {int(n) for n in re.findall(r'data-id="(\d+)"', page.split('id="profile-history"')[1].split("</table>")[0])}
    assert mine <= listed  # its assignments, its register filings, its meeting
    other = ledger_copy.json("history")[0]["id"]  # Tân Hòa's difficulty: not this commune's
    assert other not in listed


def _upload(web, path: Path, name: str | None = None) -> tuple[str, str]:
    sent = web.client.post("/register", data={"csrf": web.settings.csrf,
                                              "file": (io.BytesIO(path.read_bytes()), name or path.name)},
                           content_type="multipart/form-data")
    text = sent.get_data(as_text=True)
    assert sent.status_code == 200, text
    return text, re.search(r'name="upload" value="([0-9a-f]{16})"', text).group(1)


def test_the_register_page_says_what_the_command_says_and_asks_only_when_rows_wait(assigned):
    """Confirmed, a register with nothing to review offers no review file; read again, the page
    says the rows still waiting from the first import, as the command line does, and names the
    earlier decisions in words, not codes."""
    import datetime as dt

    from sheets import xlsx

    web = Web(assigned.db)
    nothing = xlsx(assigned.db.parent / "so-den-khac.xlsx", [
        ["SỔ ĐĂNG KÝ VĂN BẢN ĐẾN"],
        ["Ngày đến", "Số đến", "Tác giả", "Số, ký hiệu văn bản", "Tên loại và trích yếu nội dung văn bản"],
        [dt.date(2024, 3, 1), 1, "Sở Tài chính", "12-KH/STC", "Kế hoạch tổ chức hội nghị tổng kết năm 2023"],
        [dt.date(2024, 3, 2), 2, "Sở Y tế", "30-TB/SYT", "Thông báo lịch tiếp công dân tháng 3"]])
    _, upload = _upload(web, nothing)
    done = html.unescape(web.post("/register/confirm", {"upload": upload}).get_data(as_text=True))
    assert 'id="review"' not in done and "Các dòng cần xem lại" not in done
    _, upload = _upload(web, REGISTER)
    done = html.unescape(web.post("/register/confirm", {"upload": upload}).get_data(as_text=True))
    assert 'id="review"' in done  # this one has rows to review
    again, _ = _upload(web, REGISTER)
    again = html.unescape(again)
    waiting = assigned("import", "filings", REGISTER, "--dry-run", lang="vi").stdout
    line = next(ln for ln in waiting.splitlines() if "vẫn chờ trả lời" in ln)
    assert line in again
    reasons = re.findall(r'data-decision="known"[^>]*>(?:<td>[^<]*</td>){7}<td>([^<]*)</td>', again)
    assert reasons and not {"filing", "unrelated", "review"} & set(reasons)
    web.close()


def test_the_record_form_speaks_of_its_fields_not_of_options(web):
    """A duplicate points at the form's tick box, a field left empty is 'not filled in': never
    --replace, never 'tùy chọn' (the command line's words)."""
    assert web.post("/record", RECORD).status_code == 200
    again = html.unescape(web.post("/record", {**RECORD, "date": "02/03/2024"}).get_data(as_text=True))
    assert "Thay văn bản đã ghi nhận" in again and "--replace" not in again
    empty = html.unescape(web.post("/record", {**RECORD, "date": ""}).get_data(as_text=True))
    assert "Chưa điền" in empty and "tùy chọn" not in empty
    none = web.client.post("/register", data={"csrf": web.settings.csrf}, content_type="multipart/form-data")
    assert none.status_code == 400 and "Chưa chọn tệp" in html.unescape(none.get_data(as_text=True))
