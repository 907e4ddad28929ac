"""Every unit of every bundled gazetteer resolves however a clerk writes it.

For each commune and each district of vn-2024, vn-2025 and hoa-binh-2024, seven
spellings are resolved within the unit's own district (or province, where the list has
no districts). Each must find the unit itself, or be reported ambiguous when another unit
of that place can be written the same way; an ambiguous answer names only units the
spelling can mean (checked here by an independent rule), never a guess. The counts per
spelling are printed (pytest -s) so a change in coverage shows.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from collections import Counter, defaultdict

import pytest

from cadretrack.domain.gazetteer import Gazetteer, MatchError
from cadretrack.readers.gazetteer_csv import read_gazetteer

from conftest import GAZETTEERS

COMMUNE_ABBREVIATIONS = {"xã": "X.", "phường": "P.", "thị trấn": "TT.", "đặc khu": "ĐK."}
DISTRICT_WORDS = {"huyện": "H.", "quận": "Q.", "thị xã": "TX.", "thành phố": "TP."}
TONES = "\u0300\u0301\u0309\u0303\u0323"


def plain(text: str) -> str:
    """Independent of the product's keys: no diacritics, lower case, single spaces."""
    nfd = unicodedata.normalize("NFD", text.casefold()).replace("đ", "d")
    return " ".join("".join(ch for ch in nfd if not unicodedata.combining(ch)).replace(".", " ").split())


def flip_tone_style(text: str) -> str:
    """"Hòa" <-> "Hoà", "Thủy" <-> "Thuỷ": the tone mark moved within a final oa/oe/uy."""
    def flip(word: str) -> str:
        nfd = unicodedata.normalize("NFD", word)
        tone = next((ch for ch in nfd if ch in TONES), "")
        base = "".join(ch for ch in nfd if ch not in TONES)
        m = re.search(r"(?i)(o)(a|e)$|(u)(y)$", base)
        if not tone or not m:
            return word
        first, second = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
        start = m.start()
        tone_on_first = nfd.find(tone) == start + 1
        pair = (first + second + tone) if tone_on_first else (first + tone + second)
        return unicodedata.normalize("NFC", base[:start] + pair)

    return " ".join(flip(w) for w in text.split())


def unit_word(name: str, words) -> str:
    for word in sorted(words, key=len, reverse=True):
        if name.casefold().startswith(word + " "):
            return word
    return ""


def spellings(name: str, unit: str, abbreviation: str) -> dict[str, str]:
    bare = name[len(unit) + 1:] if unit else name
    return {
        "full": name,
        "bare": bare,
        "abbreviated": f"{abbreviation} {bare}" if abbreviation else name,
        "nfd": unicodedata.normalize("NFD", name),
        "old_tone_style": flip_tone_style(name),
        "upper": name.upper(),
        "no_diacritics": plain(name),
    }


def can_mean(spelling: str, name: str, unit: str, abbreviation: str) -> bool:
    """The independent rule: a spelling (without diacritics) can mean a unit when it is
    the unit's name with its unit word, abbreviated, or bare."""
    bare = name[len(unit) + 1:] if unit else name
    return plain(spelling) in {plain(name), plain(bare), plain(f"{abbreviation} {bare}")}


def walk(units, resolve, words_of, abbreviations) -> tuple[Counter, list[str]]:
    """Resolve every spelling of every unit; count outcomes, list failures."""
    counts: Counter = Counter()
    failures: list[str] = []
    by_place = defaultdict(list)
    for unit in units:
        by_place[unit.place].append(unit)
    for unit in units:
        word = unit_word(unit.name, words_of)
        abbr = abbreviations.get(word, "")
        for how, text in spellings(unit.name, word, abbr).items():
            try:
                got = resolve(text, unit)
            except MatchError as exc:
                if not exc.key.endswith("ambiguous") and "ambiguous_" not in exc.key:
                    failures.append(f"{how}: {text!r} for {unit.name} ({unit.place}): {exc.key} {exc.suggestion}")
                    continue
                found = [c for c in by_place[unit.place] if c.id in {getattr(x, "code", None) or x.id for x in exc.candidates}]
                meant = [
                    c for c in by_place[unit.place]
                    if can_mean(text, c.name, unit_word(c.name, words_of), abbreviations.get(unit_word(c.name, words_of), ""))
                ]
                if unit.id not in {c.id for c in found} or len(meant) < 2 or not all(c in meant for c in found):
                    failures.append(f"{how}: {text!r} for {unit.name}: ambiguous among {[c.name for c in found]}")
                counts[how, "ambiguous"] += 1
                continue
            if got != unit.id:
                failures.append(f"{how}: {text!r} for {unit.name} ({unit.place}) found {got}")
            else:
                counts[how, "resolved"] += 1
    return counts, failures


class Unit:
    def __init__(self, id, name, place):
        self.id, self.name, self.place = id, name, place


def report(title: str, counts: Counter) -> None:
    print(f"\n{title}")
    for how in sorted({h for h, _ in counts}):
        print(f"  {how:15} resolved {counts[how, 'resolved']:6}  ambiguous {counts[how, 'ambiguous']:4}")


@pytest.mark.parametrize("name", ["hoa-binh-2024", "vn-2024", "vn-2025"])
def test_every_commune_resolves_however_it_is_written(name):
    gazetteer = Gazetteer(read_gazetteer(GAZETTEERS / f"{name}.csv")[1])
    units = [Unit(c.code, c.name, (c.province, c.district)) for c in gazetteer.communes]
    by_code = gazetteer.by_code

    def resolve(text, unit):
        c = by_code[unit.id]
        return gazetteer.resolve(text, district=c.district, province=c.province).code

    counts, failures = walk(units, resolve, COMMUNE_ABBREVIATIONS, COMMUNE_ABBREVIATIONS)
    report(f"{name}: {len(units)} communes", counts)
    assert not failures, f"{len(failures)} failures, e.g. " + "\n".join(failures[:20])
    assert sum(counts.values()) == 7 * len(units)
    # A full name within its place is ambiguous only where the list repeats it there
    # (vn-2024 has two Xã Đông Khê in Thành phố Thanh Hóa: only their codes tell them apart).
    repeated = Counter((u.place, u.name) for u in units)
    assert counts["full", "resolved"] == sum(1 for u in units if repeated[u.place, u.name] == 1)


@pytest.mark.parametrize("name", ["hoa-binh-2024", "vn-2024"])
def test_every_district_resolves_however_it_is_written(name):
    gazetteer = Gazetteer(read_gazetteer(GAZETTEERS / f"{name}.csv")[1])
    with (GAZETTEERS / f"{name}.csv").open(encoding="utf-8") as fh:
        rows = {(r["province_code"], r["district_code"]): r for r in csv.DictReader(fh)}
    units = [Unit(did, r["district"], r["province"]) for did, r in rows.items()]
    provinces = {r["province"]: r["province_code"] for r in rows.values()}

    def resolve(text, unit):
        found = {d for d in gazetteer.districts(text) if d[0] == provinces[unit.place]}
        if len(found) > 1:
            raise MatchError("district_ambiguous", candidates=tuple(Unit(d, "", "") for d in found))
        return next(iter(found), None)

    counts, failures = walk(units, resolve, DISTRICT_WORDS, DISTRICT_WORDS)
    report(f"{name}: {len(units)} districts", counts)
    assert not failures, f"{len(failures)} failures, e.g. " + "\n".join(failures[:20])
    assert sum(counts.values()) == 7 * len(units)


def test_names_that_begin_with_a_unit_word_are_found_bare():
    national = Gazetteer(read_gazetteer(GAZETTEERS / "vn-2024.csv")[1])
    assert national.resolve("Phường Đúc").name == "Phường Phường Đúc"
    assert national.resolve("P. Phường Đúc").name == "Phường Phường Đúc"
    for district in ("Quan Hóa", "H. Quan Hóa", "Huyện Quan Hóa", "quan hoa"):
        assert [national._district_name(d) for d in national.districts(district)] == ["Huyện Quan Hóa"]
    assert [national._district_name(d) for d in national.districts("Quản Bạ")] == ["Huyện Quản Bạ"]
    assert [national._district_name(d) for d in national.districts("Quan Sơn")] == ["Huyện Quan Sơn"]
    # A town and a district of one name (Hà Tĩnh): bare, both; with the unit word, one.
    assert sorted(national._district_name(d) for d in national.districts("Kỳ Anh")) == [
        "Huyện Kỳ Anh", "Thị xã Kỳ Anh"]
    assert [national._district_name(d) for d in national.districts("TX. Kỳ Anh")] == ["Thị xã Kỳ Anh"]
    hoa_binh = Gazetteer(read_gazetteer(None)[1])
    for text in ("Phương Lâm", "Phường Phương Lâm", "P. Phương Lâm", "phuong lam", "PHƯỜNG PHƯƠNG LÂM"):
        assert hoa_binh.resolve(text).name == "Phường Phương Lâm", text


def test_a_written_unit_word_must_agree():
    hoa_binh = Gazetteer(read_gazetteer(None)[1])
    with pytest.raises(MatchError) as err:
        hoa_binh.resolve("Phường Hòa Bình")
    assert err.value.key == "unit_mismatch" and "Xã Hòa Bình" in err.value.suggestion
    with pytest.raises(MatchError) as err:
        hoa_binh.resolve("TT. Hiền Lương")
    assert err.value.key == "unit_mismatch"
    with pytest.raises(MatchError) as err:
        hoa_binh.districts("Huyện Hòa Bình")  # Thành phố Hòa Bình
    assert err.value.key == "district_unit_mismatch" and "Thành phố Hòa Bình" in err.value.suggestion
    assert hoa_binh.resolve("Xã Hòa Bình").name == "Xã Hòa Bình"


def test_ambiguity_says_what_tells_the_candidates_apart():
    after = Gazetteer(read_gazetteer(GAZETTEERS / "vn-2025.csv")[1])
    with pytest.raises(MatchError) as err:
        after.resolve("Phường Hòa Bình")
    assert err.value.key == "commune_ambiguous_province"  # no districts after the reform
    assert "Tỉnh Phú Thọ" in err.value.fields["labels"] or "Phú Thọ" in err.value.fields["labels"]
    before = Gazetteer(read_gazetteer(GAZETTEERS / "vn-2024.csv")[1])
    with pytest.raises(MatchError) as err:
        before.resolve("Xã Tân Hòa")
    assert err.value.key == "commune_ambiguous"  # their districts tell them apart
    assert "(+" in err.value.fields["labels"]  # a long list names a few and counts the rest
    with pytest.raises(MatchError) as err:
        before.resolve("Thị trấn Châu Thành")  # four, each in a "Huyện Châu Thành"
    assert err.value.key == "commune_ambiguous_place" and "Tỉnh Bến Tre" in err.value.fields["labels"]
    with pytest.raises(MatchError) as err:
        before.resolve("Đông Khê", "Thành phố Thanh Hóa")  # the list repeats it there
    assert err.value.key == "commune_ambiguous_code"
    hoa_binh = Gazetteer(read_gazetteer(None)[1])
    with pytest.raises(MatchError) as err:
        hoa_binh.resolve("Cao Sơn")
    assert err.value.key == "commune_ambiguous"


@pytest.mark.parametrize("name", ["hoa-binh-2024", "vn-2024", "vn-2025"])
def test_every_commune_is_read_from_a_sender_and_a_summary(name):
    """The register's reader finds each commune's whole name after its unit word, as a
    sender ("Đảng ủy xã é Tòng, huyện Thuận Châu": the official list writes a lower-case
    first letter) and in a summary; the district that follows is read as the district."""
    from cadretrack.domain.mentions import places

    with (GAZETTEERS / f"{name}.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    def joined(text):  # "K' Dang", "Phan Rang - Tháp Chàm": tokens keep the marks apart
        return re.sub(r" ?([-'’]) ?", r"\1", plain(text))

    missed = []
    for row in rows:
        commune, district = row["commune"], row.get("district") or ""
        unit = unit_word(commune, COMMUNE_ABBREVIATIONS)
        bare = commune[len(unit):].strip()
        where = f"{unit} {bare}" + (f", {district[0].lower()}{district[1:]}" if district else "")
        for text in (f"Đảng ủy {where}", f"Báo cáo kết quả theo dõi {where} năm 2024"):
            found = places(text)
            if not found or joined(" ".join(found[0].words)) != joined(bare) or (
                    district and joined(found[0].district) != joined(district)):
                missed.append((text, found))
    assert not missed, missed[:5]
