"""The account-manager guide and its framework: loads, every quote is in the guide, and bad folders fail clearly."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest
import yaml

from assistant.errors import InputError, KnowledgeError
from assistant.guide.framework import (
    COMPETENCY_IDS,
    Framework,
    check_sources,
    list_guides,
    load_framework,
    load_guide_text,
)

ROOT = Path(__file__).resolve().parents[2]
KNOWLEDGE = ROOT / "knowledge"
GUIDE = KNOWLEDGE / "account-manager"


@pytest.fixture(scope="module")
def fw() -> Framework:
    return load_framework(GUIDE)


@pytest.fixture()
def guide_copy(tmp_path: Path) -> Path:
    """A writable copy of the guide folder (same folder name, as guide.id must match it)."""
    dest = tmp_path / "account-manager"
    shutil.copytree(GUIDE, dest)
    return dest


def _edit_yaml(folder: Path, edit) -> None:
    path = folder / "framework.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    edit(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


# --------------------------------------------------------------------------- the real framework


def test_real_framework_loads_and_lists(fw: Framework) -> None:
    assert fw.guide.id == "account-manager"
    assert "account-manager" in list_guides(KNOWLEDGE)


def test_every_quote_is_in_the_guide(fw: Framework) -> None:
    _, body = load_guide_text(GUIDE)
    assert check_sources(fw, body) == []
    # the checker is not vacuous: against a text without the guide it reports every quote
    problems = check_sources(fw, "# Un autre guide\n\nRien à voir.\n")
    assert len(problems) > 50
    assert any(p.startswith("competencies[id=data_kpi].source:") for p in problems)


def test_all_competency_ids_present_and_unique(fw: Framework) -> None:
    assert sorted(fw.competency_ids) == sorted(COMPETENCY_IDS)
    assert len(COMPETENCY_IDS) == 17
    assert len(set(fw.competency_ids)) == 17
    assert fw.competency("data_kpi").group == "hard_skill"
    with pytest.raises(InputError, match="nope"):
        fw.competency("nope")


def test_scales_and_cues_bilingual(fw: Framework) -> None:
    for comp in fw.competencies:
        assert {"1", "3", "5"} <= set(comp.scale), comp.id
        for anchor in ("1", "3", "5"):
            assert comp.scale[anchor].fr.strip() and comp.scale[anchor].en.strip(), comp.id
        for lang in ("fr", "en"):
            cues = comp.cues.get(lang)
            assert len(cues) >= 8, (comp.id, lang)
            assert all(c == c.lower() and c.strip() for c in cues), (comp.id, lang)
        assert comp.anchor(5, "en") == comp.scale["5"].en


def test_cues_useful_for_notes(fw: Framework) -> None:
    assert {"kpi", "excel", "tableur", "business plan", "reporting", "dashboard", "spreadsheet"} <= set(
        fw.competency("data_kpi").cues.fr + fw.competency("data_kpi").cues.en
    )
    conflict = set(fw.competency("conflict_resolution").cues.fr + fw.competency("conflict_resolution").cues.en)
    assert {"conflit", "plainte", "réclamation", "client mécontent", "complaint", "escalation"} <= conflict
    too_generic = {"client", "clients", "manager", "management", "account", "compte", "the", "le", "la"}
    for comp in fw.competencies:
        assert not too_generic & set(comp.cues.fr + comp.cues.en), comp.id


def test_salary_figures(fw: Framework) -> None:
    s = fw.salary
    assert (s.levels["junior"].min, s.levels["junior"].max) == (2920, 3500)
    assert s.levels["senior"].max == 5420 and s.levels["senior"].from_years == 5
    assert (s.levels["mid"].min, s.levels["mid"].max) == (3500, 5420)
    assert (s.variable_pct.min, s.variable_pct.max) == (15, 50)
    assert "interpol" in s.notes.fr.lower() and "interpolated" in s.notes.en.lower()
    assert (s.currency, s.period) == ("EUR", "month")


def test_questions_titles_and_structure(fw: Framework) -> None:
    ids = set(fw.competency_ids)
    assert len(fw.interview.questions) == 8  # the seed's 7 bullets, one of which held two questions
    for q in fw.interview.questions:
        assert q.competencies and set(q.competencies) <= ids, q.id
        assert q.stage in {s.id for s in fw.interview.steps}
        assert q.text.get("en") != q.text.get("fr")
    assert {s.id for s in fw.interview.steps} == {"phone", "face_to_face", "case_study"}
    assert [t.id for t in fw.titles.recommended] == [
        "account_manager", "account_executive", "key_account_manager", "global_account_manager",
    ]  # fmt: skip
    assert any(re.search(p, "responsable de compte (h/f)") for t in fw.titles.discouraged for p in t.patterns)
    assert len(fw.missions.axes) == 4
    assert {p.id for p in fw.missions.profiles} == {"farmer", "hunter"}
    assert {sp.brief_field for sp in fw.selling_points} == {"key_clients", "partners_count", "team_size", "sector"}
    assert len(fw.glossary) == 17
    assert fw.role.description("fr") == "chargé·e de comptes clients"


def test_text_get_languages(fw: Framework) -> None:
    label = fw.competency("english").label
    assert label.get("fr") == "Anglais" and label.get("EN-gb") == "English"
    with pytest.raises(InputError):
        label.get("de")


# --------------------------------------------------------------------------- guide.md


def test_guide_front_matter_and_cleaning() -> None:
    meta, body = load_guide_text(GUIDE)
    assert meta["author"] == "Victor Gosselin" and meta["publisher"] == "Welcome to the Jungle"
    assert meta["date"] == "2019-02-04" and meta["language"] == "fr"
    for furniture in (
        "Découvrir l'Ebook",
        "Photos : WTTJ",
        "Les thématiques abordées",
        "la fin du règne des diplômes",
        "6min",
        "Rédacteur",
    ):
        assert furniture not in body
    for glued in (
        "de4",
        "axesaccompagnement",
        "clientdans",
        "lesuivi",
        "commercial(",
        "performance(",
        "marchésmanagement",
    ):
        assert glued not in body
    assert body.startswith("# Comment recruter un.e Account Manager ?")
    headings = re.findall(r"^## (.+)$", body, re.MULTILINE)
    for section in (
        "Que recherche le candidat ?",
        "Les compétences à viser",
        "Les mots incontournables",
        "Grille de salaire",
        "Gérer la période d’essai",
    ):
        assert section in headings
    assert "autour de 4 axes :" in body
    assert len(re.findall(r"^- \*\*[^*]+\*\*", body, re.MULTILINE)) == 17  # one glossary item per term


# --------------------------------------------------------------------------- failures


def test_missing_folder_and_files(tmp_path: Path, guide_copy: Path) -> None:
    with pytest.raises(KnowledgeError, match="guide folder not found"):
        load_framework(tmp_path / "nowhere")
    with pytest.raises(KnowledgeError, match="knowledge folder not found"):
        list_guides(tmp_path / "nowhere")
    (guide_copy / "framework.yaml").unlink()
    with pytest.raises(KnowledgeError, match=r"framework\.yaml: file not found"):
        load_framework(guide_copy)
    assert list_guides(guide_copy.parent) == []


def test_missing_guide_md(guide_copy: Path) -> None:
    (guide_copy / "guide.md").unlink()
    with pytest.raises(KnowledgeError, match=r"guide\.md: file not found"):
        load_framework(guide_copy)


def test_malformed_yaml(guide_copy: Path) -> None:
    (guide_copy / "framework.yaml").write_text("guide: {id: account-manager\ncompetencies: [\n", encoding="utf-8")
    with pytest.raises(KnowledgeError, match=r"framework\.yaml: malformed YAML at line 2, column 13"):
        load_framework(guide_copy)
    (guide_copy / "framework.yaml").write_text("- just\n- a list\n", encoding="utf-8")
    with pytest.raises(KnowledgeError, match="top level must be a mapping"):
        load_framework(guide_copy)


def test_unknown_key_is_named(guide_copy: Path) -> None:
    _edit_yaml(guide_copy, lambda d: d["competencies"][3].update(colour="blue"))
    with pytest.raises(KnowledgeError, match=r"competencies\[3\]\.colour: unknown key 'colour'"):
        load_framework(guide_copy)


def test_schema_error_names_the_path(guide_copy: Path) -> None:
    _edit_yaml(guide_copy, lambda d: d["competencies"][3]["scale"].pop("3"))
    with pytest.raises(KnowledgeError, match=r"competencies\[3\]\.scale: .*missing \['3'\]"):
        load_framework(guide_copy)


def test_missing_competency_id(guide_copy: Path) -> None:
    _edit_yaml(guide_copy, lambda d: d["competencies"].pop())
    with pytest.raises(KnowledgeError, match=r"missing ids \['proactivity'\]"):
        load_framework(guide_copy)


def test_duplicate_competency_id(guide_copy: Path) -> None:
    _edit_yaml(guide_copy, lambda d: d["competencies"].append(d["competencies"][0]))
    with pytest.raises(KnowledgeError, match=r"duplicate ids \['experience_similar'\]"):
        load_framework(guide_copy)


def test_question_with_unknown_competency(guide_copy: Path) -> None:
    _edit_yaml(guide_copy, lambda d: d["interview"]["questions"][0]["competencies"].append("charisma"))
    with pytest.raises(
        KnowledgeError, match=r"interview\.questions\[id=q1\]\.competencies: unknown ids \['charisma'\]"
    ):
        load_framework(guide_copy)


def test_step_focus_with_unknown_competency(guide_copy: Path) -> None:
    def edit(d: dict) -> None:
        d["interview"]["steps"][2]["assesses"][0]["competency"] = "charisma"

    _edit_yaml(guide_copy, edit)
    with pytest.raises(KnowledgeError, match=r"interview\.steps\[id=case_study\]\.assesses: unknown competency ids"):
        load_framework(guide_copy)


def test_step_focus_source_must_be_the_guides_words(guide_copy: Path) -> None:
    def edit(d: dict) -> None:
        d["interview"]["steps"][2]["assesses"][0]["source"] = "un test que le guide ne décrit nulle part ainsi"

    _edit_yaml(guide_copy, edit)
    with pytest.raises(KnowledgeError, match="assesses"):
        load_framework(guide_copy)


def test_bad_source_names_the_item(guide_copy: Path) -> None:
    def edit(d: dict) -> None:
        comp = next(c for c in d["competencies"] if c["id"] == "data_kpi")
        comp["source"] = "une phrase qui n’est pas dans le guide"

    _edit_yaml(guide_copy, edit)
    with pytest.raises(KnowledgeError, match=r"competencies\[id=data_kpi\]\.source: .*not found"):
        load_framework(guide_copy)


def test_broken_guide_text_fails_source_check(guide_copy: Path) -> None:
    guide = guide_copy / "guide.md"
    guide.write_text(
        guide.read_text(encoding="utf-8").replace("tempérament commercial", "tempérament"), encoding="utf-8"
    )
    with pytest.raises(KnowledgeError, match=r"competencies\[id=sales_temperament\]\.source"):
        load_framework(guide_copy)


def test_whitespace_is_folded_but_nothing_else(guide_copy: Path) -> None:
    guide = guide_copy / "guide.md"
    text = guide.read_text(encoding="utf-8")
    guide.write_text(text.replace("un bon niveau d’anglais", "un bon\n   niveau d’anglais"), encoding="utf-8")
    assert load_framework(guide_copy).competency("english")  # reflowed text still matches
    guide.write_text(text.replace("un bon niveau d’anglais", "un bon niveau d'anglais"), encoding="utf-8")
    with pytest.raises(KnowledgeError, match=r"competencies\[id=english\]\.source"):
        load_framework(guide_copy)


def test_guide_id_must_match_folder(tmp_path: Path) -> None:
    other = tmp_path / "other-guide"
    shutil.copytree(GUIDE, other)
    with pytest.raises(KnowledgeError, match="must equal the folder name 'other-guide'"):
        load_framework(other)


def test_guide_md_without_front_matter(guide_copy: Path) -> None:
    guide = guide_copy / "guide.md"
    guide.write_text(guide.read_text(encoding="utf-8").split("---", 2)[2], encoding="utf-8")
    with pytest.raises(KnowledgeError, match="missing YAML front matter"):
        load_guide_text(guide_copy)


def test_cache_sees_edits(guide_copy: Path) -> None:
    first = load_framework(guide_copy)
    assert load_framework(guide_copy) is first
    _edit_yaml(guide_copy, lambda d: d["salary"]["variable_pct"].update(min=20))
    path = guide_copy / "framework.yaml"
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))  # make sure the mtime moved
    assert load_framework(guide_copy).salary.variable_pct.min == 20
