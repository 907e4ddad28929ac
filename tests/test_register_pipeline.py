"""The register pipeline decides every row, whatever it says: summaries, senders and numbers
built from the rules' own vocabulary (kind words, type codes, the words that rule a kind
out), the gazetteer's communes and districts and the ledger's cadres and agencies, several
at once, with odd punctuation, odd case, decomposed diacritics and empty cells. Each row
gets a decision; a row left for review gets a reason that reads in both languages."""

from __future__ import annotations

import datetime as dt
import unicodedata

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cadretrack.domain.incoming import RELATED, TYPE_CODES, TYPES
from cadretrack.domain.obligations import Filing
from cadretrack.domain.regime import as_regime
from cadretrack.domain.register_pipeline import BookView, decide_book, decide_row
from cadretrack.domain.rules import BUILTIN, parse_rules
from cadretrack.i18n import set_lang
from cadretrack.readers.bundled import bundled_text
from cadretrack.render.problems import message
from test_attribution import EVERYONE, GAZETTEER

REGIME = as_regime(parse_rules(bundled_text(BUILTIN), "built-in"))
D = dt.date
RUN_DAY = D(2024, 12, 20)
ON_FILE = {(1, "program", 2024): Filing(90, 1, "program", 2024, D(2024, 1, 10)),
           (5, "report", 2024): Filing(91, 5, "report", 2024, D(2024, 12, 1))}


def view() -> BookView:
    return BookView(REGIME, GAZETTEER, EVERYONE, dict(ON_FILE), REGIME.first_year(), RUN_DAY)


KINDS = list(REGIME.kinds().values())
KIND_WORDS = sorted({w for k in KINDS for w in (*k.types, *k.words, *k.hints, *k.not_words, k.label_vi)}
                    | {w.capitalize() for w in TYPES})
CODES = sorted({c for k in KINDS for c in k.codes} | {c.upper() for c in TYPE_CODES} | {"ĐU", "UBND", "STC", "HU"})
FOLLOWING = ["theo dõi", "theo dõi địa bàn", "cán bộ theo dõi", "theo dõi, giúp đỡ", "cán bộ được phân công theo dõi",
             "Quy định số 26-QĐ/TU", "Quy định 26", "khó khăn, vướng mắc", "kiến nghị", "đồng chí", "đ/c", "năm"]
UNITS = ["xã", "Xã", "phường", "P.", "P", "TT.", "thị trấn", "đặc khu", "X.", "", "XÃ"]
COMMUNES = sorted({c.name.split(" ", 1)[-1] for c in GAZETTEER.communes})[:60] + ["Cao Sơn", "Tràng Thi Mới", "Hội"]
DISTRICTS = ["huyện Đà Bắc", "Huyện Lương Sơn", "TP. Hòa Bình", "thành phố Hòa Bình", "H. Mai Châu", "tỉnh Hòa Bình"]
NAMES = [a.cadre for a in EVERYONE] + ["Lê Văn A", "Nguyễn"]
AGENCIES = sorted({a.agency for a in EVERYONE}) + ["Ban Tuyên giáo TU", "UBND tỉnh", "Văn phòng UBND tỉnh"]
SENDER_HEADS = ["Đảng ủy", "Đảng uỷ", "ĐU", "UBND", "Huyện ủy", "Ban Thường vụ Huyện ủy", "Thành ủy", "Đảng bộ"]
MARKS = [",", ";", " - ", "–", "(", ")", "'", "’", "/", ".", ":", "\"", "…", "\n", "  ", "!", "?", "&", "%", "#"]
YEARS = ["2022", "2023", "2024", "2025", "2026", "1999", "20245", "6 tháng", "quý III", "9 tháng đầu năm"]


def place() -> st.SearchStrategy[str]:
    return st.builds(lambda unit, name, district: " ".join(p for p in (unit, name, district) if p),
                     st.sampled_from(UNITS), st.sampled_from(COMMUNES), st.sampled_from(["", *DISTRICTS]))


FRAGMENT = st.one_of(
    st.sampled_from(KIND_WORDS), st.sampled_from(FOLLOWING), place(), st.sampled_from(NAMES),
    st.sampled_from(AGENCIES), st.sampled_from(MARKS), st.sampled_from(YEARS), st.sampled_from(DISTRICTS),
    st.text(max_size=6),
)


def written(parts: list[str], case: str, nfd: bool) -> str:
    text = " ".join(parts)
    text = {"upper": text.upper(), "lower": text.lower(), "as is": text}[case]
    return unicodedata.normalize("NFD", text) if nfd else text


def texts(max_parts: int) -> st.SearchStrategy[str]:
    return st.builds(written, st.lists(FRAGMENT, max_size=max_parts), st.sampled_from(["upper", "lower", "as is"]),
                     st.booleans())


SENDER = st.one_of(
    st.just(""), st.sampled_from(AGENCIES),
    st.builds(lambda head, where: f"{head} {where}", st.sampled_from(SENDER_HEADS), place()),
    texts(4),
)
NUMBER = st.one_of(
    st.just(""), st.none(),
    st.builds(lambda n, code, who: f"{n}-{code}/{who}", st.integers(0, 999), st.sampled_from(CODES),
              st.sampled_from(CODES)),
    st.builds(lambda n, code, who: f"{n}/{code}-{who}", st.integers(0, 999), st.sampled_from(CODES),
              st.sampled_from(CODES)),
    st.text(max_size=12),
)
RECEIVED = st.one_of(
    st.dates(D(2019, 1, 1), D(2027, 12, 31)), st.none(), st.just(""),
    st.dates(D(2021, 1, 1), D(2026, 12, 31)).map(lambda d: d.strftime("%d/%m/%Y")),
    st.integers(-5, 80000), st.floats(allow_nan=True, allow_infinity=True), st.text(max_size=12),
    st.datetimes(dt.datetime(2022, 1, 1), dt.datetime(2026, 1, 1)),
)
ROW = st.fixed_dictionaries({
    "received": RECEIVED,
    "arrival": st.one_of(st.none(), st.integers(0, 3000), st.text(max_size=5)),
    "sender": SENDER,
    "number": NUMBER,
    "summary": st.one_of(texts(14), st.none(), st.just(""), st.integers(), st.text(max_size=40)),
    "doc_type": st.one_of(st.just(""), st.none(), st.sampled_from(KIND_WORDS), st.text(max_size=8)),
})


def assert_decided(d) -> None:
    assert d.decision in ("filing", "unrelated", "review")
    if d.decision == "filing":
        assert d.assignment is not None and d.kind in REGIME.kinds() and isinstance(d.year, int)
        assert d.problem is None and isinstance(d.filed, dt.date)
    elif d.decision == "review":
        assert d.problem is not None
        labels = REGIME.labels()
        for lang in ("vi", "en"):  # the reason reads, whatever the row said
            set_lang(lang)
            assert message(d.problem, labels, kind=d.kind, year=d.year)
        set_lang("vi")
    else:
        assert d.problem is None


@settings(max_examples=300, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(ROW, min_size=1, max_size=6))
def test_every_row_gets_a_decision(rows):
    decided = decide_book([("Sổ", i + 2, values) for i, values in enumerate(rows)], view())
    assert len(decided) == len(rows)
    for d in decided:
        assert_decided(d)
    filings = [(d.assignment.id, d.kind, d.year) for d in decided if d.decision == "filing"]
    assert len(filings) == len(set(filings))  # one filing, one row


@settings(max_examples=100, deadline=None, derandomize=True)
@given(st.lists(st.tuples(st.sampled_from(UNITS), st.sampled_from(COMMUNES)), min_size=2, max_size=7),
       st.sampled_from([", ", " và ", "; ", " - ", ",", " (", ") "]), st.sampled_from(KIND_WORDS))
def test_several_communes_at_once(communes, mark, kind):
    summary = f"{kind} kết quả theo dõi " + mark.join(f"{u} {n}".strip() for u, n in communes) + " năm 2024"
    d = decide_row("Sổ", 2, {"received": D(2024, 12, 5), "arrival": 1, "sender": "Sở Tài chính", "number": "",
                             "summary": summary, "doc_type": ""}, view())
    assert_decided(d)


def test_a_known_filing_of_the_row_itself_and_one_of_another_day():
    same = decide_row("Sổ", 2, {"received": D(2024, 1, 10), "arrival": 1, "sender": "Sở Tài chính", "number": "",
                                "summary": "Chương trình theo dõi xã Hiền Lương năm 2024", "doc_type": ""}, view())
    assert (same.decision, same.unchanged) == ("filing", True)
    other = decide_row("Sổ", 3, {"received": D(2024, 2, 1), "arrival": 2, "sender": "Sở Tài chính", "number": "",
                                 "summary": "Chương trình theo dõi xã Hiền Lương năm 2024", "doc_type": ""}, view())
    assert other.decision == "review" and other.problem.key == "review_recorded"
