"""The words the product reads text with are data (data/vocabulary.toml), read once: the
bundled file parses, every former literal comes from it (a changed copy changes what the
real functions answer), and a damaged file is one clear sentence, never a traceback."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import cadretrack
from cadretrack.domain import attribution, incoming, mentions, ratings, units
from cadretrack.domain.names import text_key
from cadretrack.domain.rules import BUILTIN, parse_rules
from cadretrack.domain.vocabulary import Rating, VocabularyError, installed, parse_vocabulary
from cadretrack.i18n import set_lang
from cadretrack.readers.bundled import bundled_text
from cadretrack.vocabulary import bundled_vocabulary, problem, problem_sentence, read_vocabulary

TEXT = bundled_text("vocabulary.toml")
KINDS = list(parse_rules(bundled_text(BUILTIN), "built-in").kinds.values())
V = installed()


# The register's patterns when they were Python: the data builds exactly these.
FORMER_RELATED = [
    r"\btheo doi ?,? (?:(?:va )?(?:giup do|chi dao|huong dan) ?,? )?(?:cac |tai |doi voi )?(?:dang bo |dang uy )?"
    r"(?:xa(?! hoi)|phuong|thi tran|dac khu|dia ban|tt|(?:x|p|dk) ?\.)(?!\w)",
    r"\bcan bo (?:lanh dao )?(?:duoc phan cong )?theo doi\b",
    r"\b26 ?- ?qd ?/ ?tu\b|\bquy dinh (?:so )?26\b",
]


def test_the_bundled_file_parses_and_is_what_the_domain_uses():
    assert problem() is None
    fresh = bundled_vocabulary()
    assert [r.code for r in fresh.ratings] == ["xuat-sac", "tot", "hoan-thanh", "khong-hoan-thanh"]
    assert units.COMMUNE_WORDS is V.commune_words and units.DISTRICT_WORDS is V.district_words
    assert units.UNIT_EN is V.unit_english
    assert list(ratings.RATINGS) == [r.code for r in V.ratings]
    assert set(incoming.TYPES) == {*V.any_kind_types, *V.no_filing_types}
    assert set(incoming.TYPE_CODES) == {*V.any_kind_codes, *V.no_filing_codes}
    assert incoming.RELATED == FORMER_RELATED[:2] + FORMER_RELATED[2].split("|")
    assert mentions.BARE_BEFORE == V.bare_before and mentions.HONORIFICS == V.honorifics
    assert all(re.escape(w) in attribution._ORGANISATION.pattern for w in V.organisations)


def test_the_former_literals_are_in_the_file():
    """What the code held before the words became data, word for word."""
    assert dict(V.commune_words) == {"xã": ("xã", "x."), "phường": ("phường", "p."), "thị trấn": ("thị trấn", "tt"),
                                     "đặc khu": ("đặc khu", "đk.")}
    assert dict(V.district_words) == {"quận": ("quận", "q."), "huyện": ("huyện", "h."), "thị xã": ("thị xã", "tx"),
                                      "thành phố": ("thành phố", "tp")}
    assert V.ratings[1] == Rating("tot", "Hoàn thành tốt nhiệm vụ", "HTTNV", "Good", ("tốt",))
    assert incoming.TYPES["cong van"] == "" and incoming.TYPES["ke hoach"] == "other"
    assert incoming.TYPE_CODES["ttr"] == "" and incoming.TYPE_CODES["gm"] == "other"
    assert ("kien nghi", "kho khan") in V.difficulties and "thi uy" in V.district_senders
    assert mentions._STUCK.match("tp.hoa") and not mentions._STUCK.match("t.hoa")  # a province's "t." stays


def changed(**fields) -> object:
    return dataclasses.replace(V, **fields)


def read(summary: str, number: str = "", words=None):
    return incoming.read_document(summary, "", number, "", dt.date(2024, 12, 1),
                                  vocabulary=incoming.Vocabulary(KINDS, words))


def test_a_changed_rating_abbreviation_changes_what_parse_rating_accepts():
    tot = dataclasses.replace(V.ratings[1], abbreviation="HTT")
    words = changed(ratings=(V.ratings[0], tot, *V.ratings[2:]))
    assert ratings.parse_rating("HTTNV") == "tot" and ratings.parse_rating("HTT") is None
    assert ratings.parse_rating("HTTNV", words) is None and ratings.parse_rating("htt", words) == "tot"


def test_an_added_type_code_changes_the_kind_a_number_says():
    summary = "V/v gửi theo dõi xã Tân Pheo"
    assert read(summary, "05-XYZ/STC").other_type == ""
    assert read(summary, "05-XYZ/STC", changed(no_filing_codes=(*V.no_filing_codes, "xyz"))).other_type == "XYZ"
    assert read(summary, "05-CV/STC", changed(any_kind_codes=("ttr",), no_filing_codes=(*V.no_filing_codes, "cv"))
                ).other_type == "CV"


def test_an_added_difficulty_pair_changes_what_is_a_report_of_difficulties():
    summary = "Báo cáo tồn tại cần tháo gỡ trong theo dõi xã Tân Pheo năm 2024"
    assert not read(summary).difficulties
    assert read(summary, words=changed(difficulties=(*V.difficulties, ("ton tai", "thao go")))).difficulties
    assert read("Khó khăn, vướng mắc khi theo dõi xã Tân Pheo").difficulties


def test_district_senders_and_unit_words_come_from_the_data():
    words = incoming.register_words(changed(district_senders=("ban thuong vu",)))
    assert incoming.sender_kind("Huyện ủy Đà Bắc", ()) == "district"
    assert incoming.sender_kind("Huyện ủy Đà Bắc", (), words) == "agency"
    assert incoming.sender_kind("Ban Thường vụ Tỉnh đoàn", (), words) == "district"
    villages = {**V.commune_words, "bản": ("bản", "b.")}
    assert ("ban",) in units.word_sequences(villages) and ("b", ".") in units.word_sequences(villages)
    assert ("ban",) not in units.word_sequences(V.commune_words)
    assert "ban" in units.first_words(villages) and "ban" not in units.first_words(V.commune_words)


def test_unit_words_and_phrases_make_a_summary_related():
    villages = changed(commune_words={**V.commune_words, "bản": ("bản", "b.")})
    assert not incoming.register_words(V).related.search("theo doi ban na lo")
    assert incoming.register_words(villages).related.search("theo doi ban na lo")
    assert incoming.register_words(villages).related.search("theo doi b . na lo")
    assert not incoming.register_words(villages).related.search("theo doi b na lo")  # a letter counts with its dot
    more = changed(related=(*V.related, "nghi quyet [so] 26 [-nq/tu]"))
    assert incoming.register_words(more).related.search("thuc hien nghi quyet 26 - nq / tu")
    assert incoming.register_words(more).related.search("thuc hien nghi quyet so 26")
    assert not incoming.register_words(V).related.search("thuc hien nghi quyet so 26")
    assert not incoming.register_words(V).related.search("theo doi xa hoi")


def damaged(edit) -> dict:
    data = tomllib.loads(TEXT)
    edit(data)
    return data


@pytest.mark.parametrize("edit, key, code", [
    (lambda d: d.pop("ratings"), "ratings", "missing"),
    (lambda d: d["ratings"][1].update(abbreviation=""), "ratings[1].abbreviation", "not_text"),
    (lambda d: d["ratings"][1].update(colour="red"), "ratings[1].colour", "unknown_key"),
    (lambda d: d["ratings"].append(dict(d["ratings"][0])), "ratings", "twice"),
    (lambda d: d["units"]["commune"].update({"xã": ["xã"]}), "units.commune.xã", "forms"),
    (lambda d: d["units"]["english"].pop("phường"), "units.english.phường", "not_text"),
    (lambda d: d["units"].update(district=[]), "units.district", "not_table"),
    (lambda d: d["register"]["related"].append("[theo doi"), "register.related[3]", "phrase"),
    (lambda d: d["register"]["related"].append("[theo doi]"), "register.related[3]", "phrase"),
    (lambda d: d["register"]["related"].append("quy dinh 27"), "register.related[3]", "first_look"),
    (lambda d: d["register"]["following"].update(verb="giup do"), "register.following.verb", "first_look"),
    (lambda d: d["register"]["following"].pop("with"), "register.following.with", "missing"),
    (lambda d: d["register"]["following"].update(colour=1), "register.following.colour", "unknown_key"),
    (lambda d: d["register"]["difficulties"].append(["kho khan"]), "register.difficulties[3]", "pair"),
    (lambda d: d["register"].update(district_senders=["Huyện ủy"]), "register.district_senders[0]", "case"),
    (lambda d: d["register"].update(district_senders=["huyen  uy"]), "register.district_senders[0]", "spaces"),
    (lambda d: d["register"].update(no_filing_codes="kh"), "register.no_filing_codes", "not_list"),
    (lambda d: d["mentions"].update(honorifics=[]), "mentions.honorifics", "not_list"),
    (lambda d: d.pop("mentions"), "mentions", "missing"),
])
def test_a_damaged_vocabulary_is_one_error_naming_the_key(edit, key, code):
    with pytest.raises(VocabularyError) as caught:
        parse_vocabulary(damaged(edit), "v.toml")
    assert (caught.value.key, caught.value.problem) == (key, code)
    for lang in ("vi", "en"):
        set_lang(lang)
        try:
            sentence = problem_sentence(caught.value)
        finally:
            set_lang("vi")
        assert "v.toml" in sentence and key in sentence and "{" not in sentence


def test_a_file_that_is_not_toml_is_one_error():
    with pytest.raises(VocabularyError) as caught:
        read_vocabulary("[units\n", "v.toml")
    assert caught.value.problem == "not_toml" and caught.value.key == "" and caught.value.value == "1"


@pytest.mark.parametrize("damage", ["abbreviation", "bytes", "missing", "folder", "device", "huge"])
def test_a_local_build_with_a_damaged_vocabulary_says_so_and_exits_2(tmp_path, damage):
    """A copy of the package whose data file is damaged: every command says so in one
    sentence in the user's language, exit 2, no traceback."""
    shutil.copytree(Path(cadretrack.__file__).parent, tmp_path / "cadretrack",
                    ignore=shutil.ignore_patterns("__pycache__"))
    target = tmp_path / "cadretrack" / "data" / "vocabulary.toml"
    if damage == "abbreviation":
        target.write_text(TEXT.replace('abbreviation = "HTTNV"', 'abbreviation = ""'), "utf-8")
    elif damage == "bytes":
        target.write_bytes(os.urandom(64) + b"\xff\xfe")
    elif damage == "huge":
        target.write_text(TEXT + "#" * (2 << 20), "utf-8")
    else:
        target.unlink()
        if damage == "folder":
            target.mkdir()
        elif damage == "device":  # an endless file in its place
            target.symlink_to("/dev/zero")
    env = {**os.environ, "PYTHONPATH": str(tmp_path)}
    for lang, words in (("vi", "ệp từ vựng"), ("en", "vocabulary file")):  # "Tệp …" or "… tệp …"
        done = subprocess.run([sys.executable, "-m", "cadretrack", "--lang", lang, "check"], env=env,
                              capture_output=True, text=True, cwd=tmp_path, timeout=120)
        assert done.returncode == 2, done.stderr
        assert words in done.stderr and "Traceback" not in done.stderr and str(target) in done.stderr
        assert len(done.stderr.strip().splitlines()) == 1 and done.stdout == ""
        if lang == "vi":  # in the clerk's words, not the parser's or the system's
            assert not re.search(r"Errno|codec|Invalid|document\)", done.stderr), done.stderr


@given(st.text(alphabet="theodi 26[]()-/.\\|?*+", max_size=24), st.text(max_size=40))
def test_any_phrase_is_refused_in_one_error_or_compiled_safely(phrase, summary):
    """Whatever a phrase holds (regex marks, brackets), it is refused by name or read as words."""
    data = damaged(lambda d: d["register"]["related"].append(phrase))
    try:
        words = parse_vocabulary(data, "v.toml")
    except VocabularyError as e:
        assert e.key.startswith("register.related[3]")
        return
    compiled = incoming.register_words(words)
    compiled.related.search(summary)
    plain = " ".join(phrase.replace("[", " ").replace("]", " ").split())
    if plain and "[" not in phrase:
        assert compiled.related.search(f"x {plain} y") or not re.fullmatch(r"[\w ]+", plain)


def listed_spellings(vocabulary) -> set[str]:
    return {text_key(s) for r in vocabulary.ratings
            for s in (r.code, r.code.replace("-", " "), r.label, r.label.replace(" nhiệm vụ", ""), r.abbreviation,
                      r.english, *r.also)}


@given(st.sampled_from(sorted(listed_spellings(V))), st.sampled_from([str.upper, str.lower, str.title, str.strip]))
def test_parse_rating_accepts_every_spelling_the_data_lists(spelling, case):
    code = ratings.parse_rating(case(spelling))
    assert code in ratings.RATINGS


@given(st.text(max_size=30))
def test_parse_rating_accepts_nothing_else(text):
    code = ratings.parse_rating(text)
    assert (code is not None) == (text_key(text) in listed_spellings(V))


def test_a_provinces_header_strips_every_province_word_the_vocabulary_has():
    from cadretrack.domain.rules import province_header

    for written in ("Tỉnh Phú Thọ", "tỉnh  Phú Thọ", "T. Phú Thọ", "Phú Thọ"):
        assert province_header(written) == ("TỈNH ỦY PHÚ THỌ", "Phú Thọ"), written
    for written in ("Thành phố Hà Nội", "TP. Hà Nội", "tp Hà Nội"):
        assert province_header(written) == ("THÀNH ỦY HÀ NỘI", "Hà Nội"), written
    assert province_header("T Hòa Bình")[1] == "T Hòa Bình"  # a one-letter abbreviation counts only with its dot


@pytest.mark.parametrize(("old", "new", "named"), [
    ("any_kind_types =", "any_kind_typs =", "register.any_kind_typs"),
    ("[units.english]", "[units.commune2]\nx = [\"x\", \"x.\"]\n\n[units.english]", "units.commune2"),
    ("bare_before =", "bogus_key = [\"a\"]\nbare_before =", "mentions.bogus_key"),
])
def test_a_misspelt_name_in_the_vocabulary_is_refused_not_ignored(old, new, named):
    """A clerk's extension under a misspelt name would otherwise do nothing at all."""
    assert old in TEXT
    with pytest.raises(VocabularyError) as caught:
        parse_vocabulary(tomllib.loads(TEXT.replace(old, new, 1)), "vocabulary.toml")
    assert caught.value.key == named
