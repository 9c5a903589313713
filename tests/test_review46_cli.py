"""Stop 46's hostile review: bad input to the ad drafter and the CLI that lost data or passed active content.

- A brief with a key twice kept the last value silently (the salary became « selon profil »).
- `-o` onto the input file overwrote the brief (or the candidate's notes) with the output.
- A `salary: -3000` written as a bare YAML number became 3 000 € with no word.
- HTML or script-like Markdown in a brief (``<script>``, ``onerror=``, ``javascript:`` links, remote images) went into
  the Markdown export as is (the HTML export escaped it, the app's preview sanitised it).
"""

from __future__ import annotations

import pytest

from assistant.ads import brief_from_dict, load_brief
from assistant.cli import main
from assistant.errors import InputError

from support import ROOT


@pytest.fixture
def cli_env(monkeypatch, session_settings, kb):
    monkeypatch.setenv("ASSISTANT_DATA_DIR", str(session_settings.data_dir))
    monkeypatch.setenv("ASSISTANT_LLM_BACKEND", "offline")
    monkeypatch.chdir(ROOT)
    return session_settings


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("b.yaml", "company: Acme\nsalary: 3 000 € - 3 400 € brut mensuel\nsalary: selon profil\n"),
        ("b.json", '{"company": "Acme", "salary": "3 000 €", "salary": "selon profil"}'),
    ],
)
def test_a_key_given_twice_is_an_error_naming_it(tmp_path, settings, name: str, text: str) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError, match="salary"):
        load_brief(path, settings=settings)


def test_a_bare_negative_salary_is_an_error(settings) -> None:
    with pytest.raises(InputError, match="negative"):
        brief_from_dict({"company": "Acme", "salary": -3000}, settings=settings)


HOSTILE = {
    "company": "<script>alert(1)</script> Acme",
    "location": "Paris <img src=x onerror=alert(1)>",
    "company_pitch": "Voir [notre site](javascript:alert(1)) et ![x](http://evil.example/x.png). "
    "<iframe src=http://evil.example></iframe>",
    "requirements": "<b onmouseover=alert(1)>CRM</b>",
}


@pytest.mark.parametrize("to_file", [False, True])
def test_the_markdown_export_of_a_hostile_brief_is_inert(cli_env, capsys, tmp_path, to_file: bool) -> None:
    import json

    brief = tmp_path / "brief.json"
    brief.write_text(json.dumps({**HOSTILE, "salary": "3 000 € - 3 400 € brut mensuel"}), encoding="utf-8")
    args = ["draft-ad", str(brief), "--format", "md"]
    out_file = tmp_path / "ad.md"
    main([*args, "-o", str(out_file)] if to_file else args)
    text = out_file.read_text(encoding="utf-8") if to_file else capsys.readouterr().out
    low = text.lower()
    for active in ("<script", "<img", "<iframe", "onmouseover=", "javascript:", "![x]("):
        assert active not in low, (active, text)
    assert "Acme" in text and "CRM" in text  # the words stay; only the markup goes


@pytest.mark.parametrize("name", ["brief-fr.yaml", "brief-en.yaml"])
def test_sanitising_leaves_an_ordinary_ad_unchanged(services, name: str) -> None:
    from assistant.ads import draft_job_ad
    from assistant.rules.markup import sanitize_markdown

    result = draft_job_ad(load_brief(ROOT / "examples" / name, settings=services.settings), services)
    assert sanitize_markdown(result.text) == result.text


def test_draft_ad_refuses_to_overwrite_its_brief(cli_env, capsys, tmp_path) -> None:
    brief = tmp_path / "brief.yaml"
    original = (ROOT / "examples" / "brief-fr.yaml").read_text(encoding="utf-8")
    brief.write_text(original, encoding="utf-8")
    assert main(["draft-ad", str(brief), "-o", str(brief)]) == 2
    assert "overwrite" in capsys.readouterr().err
    assert brief.read_text(encoding="utf-8") == original


def test_summarize_refuses_to_overwrite_the_notes(cli_env, capsys, tmp_path) -> None:
    notes = tmp_path / "notes.txt"
    text = "Entretien téléphonique. 4 ans d'account management chez un éditeur SaaS, 30 comptes PME.\n"
    notes.write_text(text, encoding="utf-8")
    assert main(["summarize", str(notes), "-o", str(notes)]) == 2
    assert "overwrite" in capsys.readouterr().err
    assert notes.read_text(encoding="utf-8") == text


def test_a_structured_salary_error_names_the_field_without_validator_internals(settings) -> None:
    with pytest.raises(InputError) as info:
        brief_from_dict(
            {"company": "Acme", "salary": {"min": 40000, "max": 45000, "currency": "USD", "period": "year"}},
            settings=settings,
        )
    message = str(info.value)
    assert "salary.currency" in message and "Extra inputs" in message
    assert "function-after" not in message and "constrained-str" not in message and "valid string" not in message


def test_summarize_takes_json_like_the_other_commands(cli_env, capsys, tmp_path) -> None:
    import json

    notes = tmp_path / "notes.txt"
    notes.write_text(
        "Entretien tél. 4 ans d'account management chez un éditeur SaaS, 30 comptes PME.\n", encoding="utf-8"
    )
    assert main(["summarize", str(notes), "--json"]) == 0
    assert "competencies" in json.loads(capsys.readouterr().out)


def test_norway_read_as_false_by_yaml_gets_an_error_that_says_so(tmp_path, settings) -> None:
    path = tmp_path / "b.yaml"
    path.write_text("company: Acme\ncountry: NO\n", encoding="utf-8")
    with pytest.raises(InputError, match='country: "NO"'):
        load_brief(path, settings=settings)
    path.write_text('company: Acme\ncountry: "NO"\nlanguage: en\n', encoding="utf-8")
    assert load_brief(path, settings=settings).country == "NO"
