"""French and English: the catalog is complete, the page's language is picked right, the binder relabels."""

from __future__ import annotations

import string
from pathlib import Path
from typing import Any

import pytest

import assistant.ui.app  # noqa: F401  # imports every tab module: the whole catalog is registered
from assistant.errors import ConfigError
from assistant.settings import load_settings
from assistant.ui.i18n import DEFAULT_LANGUAGE, Binder, catalog, choice_values, normalize, pick_language, register, t


@pytest.fixture(autouse=True)
def _forget_test_texts() -> Any:
    """The `test.` texts these tests register leave the catalog afterwards (the page checks read the catalog)."""
    from assistant.ui import i18n

    yield
    for key in [k for k in i18n._CATALOG if k.startswith("test.")]:
        del i18n._CATALOG[key]


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_key_has_a_french_and_an_english_text_with_the_same_fields() -> None:
    texts = catalog()
    assert texts, "no text registered"
    for prefix in ("app.", "render."):
        assert any(k.startswith(prefix) for k in texts), prefix
    for key, (fr, en) in texts.items():
        assert fr.strip() and en.strip(), key
        assert _fields(fr) == _fields(en), key
        assert fr == fr.strip() and en == en.strip(), key


def test_the_app_texts_are_translated() -> None:
    for key, (fr, en) in catalog().items():
        if key.startswith(("app.", "render.kind.", "render.flags", "render.no_flags")):
            assert fr != en, key


@pytest.mark.parametrize(
    ("setting", "header", "expected"),
    [
        ("fr", "en-US,en;q=0.9", "fr"),  # the setting wins
        ("en", "fr-FR,fr;q=0.9", "en"),
        (" EN ", None, "en"),
        ("auto", "en-GB,en;q=0.9,fr;q=0.8", "en"),
        ("auto", "de-DE,de;q=0.9,fr;q=0.8,en;q=0.7", "fr"),  # the first of our languages
        ("auto", "de-DE,en;q=0.5,fr;q=0.8", "fr"),  # by quality, not by position
        ("auto", "en;q=0,fr;q=0.1", "fr"),  # q=0: not English
        ("auto", "fr-CA", "fr"),
        ("auto", "EN_us", "en"),
        ("auto", "en;q=abc,fr;q=0.2", "fr"),  # a malformed quality counts as 0
        ("auto", "*", DEFAULT_LANGUAGE),
        ("auto", "de, es", DEFAULT_LANGUAGE),
        ("auto", "", DEFAULT_LANGUAGE),
        ("auto", None, DEFAULT_LANGUAGE),
        (None, "en", "en"),
        ("", "en", "en"),
        ("auto", ";;;,,,q=1;" * 5000 + ",en", DEFAULT_LANGUAGE),  # a huge header is cut, not parsed whole
    ],
)
def test_pick_language(setting: str | None, header: str | None, expected: str) -> None:
    assert pick_language(setting, header) == expected


def test_default_language_is_french() -> None:
    assert DEFAULT_LANGUAGE == "fr" and normalize(None) == "fr" and normalize("de") == "fr"
    assert normalize("en-GB") == "en" and normalize("FR_fr") == "fr"


def test_ui_language_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ASSISTANT_UI_LANGUAGE", raising=False)
    assert load_settings(_env_file=None).ui_language == "auto"
    for given, value in (("fr", "fr"), ("EN", "en"), (" auto ", "auto"), ("", "auto")):
        monkeypatch.setenv("ASSISTANT_UI_LANGUAGE", given)
        assert load_settings(_env_file=None).ui_language == value
    monkeypatch.setenv("ASSISTANT_UI_LANGUAGE", "de")
    with pytest.raises(ConfigError, match=r"ASSISTANT_UI_LANGUAGE='de'.*'auto', 'fr' or 'en'"):
        load_settings(_env_file=None)


def test_register_refuses_a_conflict_or_a_missing_text() -> None:
    register({"test.same": ("Bonjour", "Hello")})
    register({"test.same": ("Bonjour", "Hello")})  # the same texts again: fine (a module imported twice)
    with pytest.raises(ValueError, match="twice"):
        register({"test.same": ("Salut", "Hello")})
    for bad in (("Bonjour",), ("", "Hello"), ("Bonjour", None), "Bonjour"):
        with pytest.raises(ValueError, match="pair"):
            register({"test.bad": bad})  # type: ignore[dict-item]


def test_t_formats_and_fails_loudly_on_an_unknown_key() -> None:
    register({"test.count": ("{n} signalements", "{n} flags")})
    assert t("test.count", "fr", n=3) == "3 signalements" and t("test.count", "en-GB", n=3) == "3 flags"
    assert t("test.count", None, n=1) == "1 signalements"  # no language: French
    with pytest.raises(KeyError):
        t("test.nope", "fr")


class _Component:
    """Stands for a Gradio component: the binder only keeps it."""


def test_binder_texts_and_updates() -> None:
    register(
        {
            "test.label": ("Étiquette", "Label"),
            "test.hint": ("Indice", "Hint"),
            "test.a": ("Premier", "First"),
            "test.b": ("Second", "Second"),
            "test.col": ("Colonne", "Column"),
        }
    )
    ui = Binder("en-US")
    assert ui.lang == "en" and ui.t("test.label") == "Label" and ui.state is None
    box, pick, table = _Component(), _Component(), _Component()
    assert ui.bind(box, label="test.label", placeholder="test.hint", info="test.hint") is box
    ui.bind(pick, label="test.label", choices=[("test.a", "a"), ("test.b", "b")])
    ui.bind(table, headers=["test.col", "test.label"])
    assert ui.components == [box, pick, table]
    assert ui.texts("fr") == [
        {"label": "Étiquette", "placeholder": "Indice", "info": "Indice"},
        {"label": "Étiquette", "choices": [("Premier", "a"), ("Second", "b")]},
        {"headers": ["Colonne", "Étiquette"]},
    ]
    assert ui.texts("en")[1]["choices"] == [("First", "a"), ("Second", "b")]
    updates = ui.updates("fr-FR")
    assert len(updates) == 3 and updates[0]["label"] == "Étiquette" and updates[0]["__type__"] == "update"
    # a Dataframe shows new headers only with a value that carries them
    assert updates[2]["value"] == {"headers": ["Colonne", "Étiquette"], "data": []}
    assert choice_values([("test.a", "a"), ("test.b", "b")]) == ["a", "b"]


def test_binder_refuses_unknown_keys_and_attributes_at_build_time() -> None:
    ui = Binder()
    with pytest.raises(KeyError):
        ui.bind(_Component(), label="test.missing")
    with pytest.raises(KeyError):
        ui.bind(_Component(), choices=[("test.missing", "x")])
    with pytest.raises(ValueError, match="cannot translate"):
        ui.bind(_Component(), elem_id="test.label")
    assert ui.components == []


# --------------------------------------------------------------------------- the app's shell


def _blocks(app: Any, kind: str) -> list[Any]:
    return [b for b in app.blocks.values() if type(b).__name__ == kind]


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_app_is_built_in_the_configured_language(lang: str, tmp_path: Path) -> None:
    from assistant.services import Services
    from assistant.ui.app import build_app

    from support import make_settings

    app = build_app(Services(settings=make_settings(tmp_path / "data", ASSISTANT_UI_LANGUAGE=lang)))
    labels = [tab.label for tab in _blocks(app, "Tab")]
    assert labels == [t(f"app.tab.{tab}", lang) for tab in ("ad", "notes", "debrief", "ask")]
    tabs = _blocks(app, "Tabs")
    assert len(tabs) == 1 and tabs[0].overflow_behavior == "wrap"  # no tab behind a "…" menu on a phone
    (toggle,) = [b for b in _blocks(app, "Radio") if b.elem_id == "lang-toggle"]
    assert toggle.value == lang and [c[1] for c in toggle.choices] == ["fr", "en"]
    assert app.title == t("app.title", lang)


def test_app_in_auto_is_built_in_french(tmp_path: Path) -> None:
    from assistant.services import Services
    from assistant.ui.app import build_app, initial_language

    from support import make_settings

    assert initial_language("auto") == "fr" and initial_language("en") == "en"
    app = build_app(Services(settings=make_settings(tmp_path / "data")))
    assert t("app.tab.ad", "fr") in [tab.label for tab in _blocks(app, "Tab")]
