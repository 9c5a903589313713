"""French and English for the interface: one catalog of texts, a binder that relabels the page when the language changes.

Each UI module registers its texts once, at import, as `key -> (French, English)`::

    TEXTS = register({"notes.paste": ("Notes d'entretien", "Interview notes"), ...})

Keys are namespaced by tab (`ad.`, `notes.`, `ask.`, `kit.`, `debrief.`, `app.`, `render.`). A key registered twice
with different texts is an error at import, so two modules cannot silently disagree.

At build time a tab creates each component in the page's initial language and binds its translatable attributes::

    box = ui.bind(gr.Textbox(label=t("notes.paste", ui.lang)), label="notes.paste", placeholder="notes.placeholder")

`Binder.updates(lang)` then returns one `gr.update` per bound component, in binding order: the header's language
toggle and the page load (browser language) send them to `Binder.components`. Handlers that write text on the
server (flags, scorecards, answers) take `ui.state` (the session's language, a `gr.State`) as an input.

Messages written outside the UI (errors, pipeline notices, the backend's description) are English unless their
producer attaches a French version (`AssistantError(..., message_fr=...)`, a notice's `{"fr", "en"}` pair). For the
others, the tab that shows them registers their English as a template next to its French::

    register_messages("assistant/qa/__init__.py", {"msg.ask.empty": ("La question est vide…", "The question is empty…")})

and `localize(text, lang)` rewrites each English sentence it recognises (fields as `{name}`, filled in from the
English and themselves localized). `error_text(exc, lang)` is what a French page shows for an error.

No page mixes languages: `tests/ui/test_i18n.py` checks every key has both texts, `tests/ui/test_i18n_messages.py`
that each tab's errors and notices reach a French page in French, and `tests/ui/test_browser_i18n.py` that a page
switched to one language shows no text of the other from the catalog.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

LANGUAGES: tuple[str, ...] = ("fr", "en")
DEFAULT_LANGUAGE = "fr"  # our first users write in French

_CATALOG: dict[str, tuple[str, str]] = {}


def register(texts: Mapping[str, tuple[str, str]]) -> Mapping[str, tuple[str, str]]:
    """Add `key -> (fr, en)` texts to the catalog; returns them. Conflicting re-registration raises ValueError."""
    for key, pair in texts.items():
        if not (isinstance(pair, tuple) and len(pair) == 2 and all(isinstance(s, str) and s for s in pair)):
            raise ValueError(f"i18n text {key!r} must be a (French, English) pair of non-empty strings")
        if key in _CATALOG and _CATALOG[key] != pair:
            raise ValueError(f"i18n text {key!r} registered twice with different texts")
        _CATALOG[key] = pair
    return texts


def normalize(lang: str | None) -> str:
    """'fr', 'fr-FR', 'FR' → 'fr'; anything not French or English → the default language."""
    code = (lang or "").strip().lower().replace("_", "-").split("-", 1)[0]
    return code if code in LANGUAGES else DEFAULT_LANGUAGE


def t(key: str, lang: str | None, /, **fmt: Any) -> str:
    """The text of `key` in `lang`, formatted with `fmt`. An unknown key raises KeyError (a test finds it)."""
    fr, en = _CATALOG[key]
    text = en if normalize(lang) == "en" else fr
    return text.format(**fmt) if fmt else text


def catalog() -> dict[str, tuple[str, str]]:
    """A copy of every registered text (for tests and the language check)."""
    return dict(_CATALOG)


def pick_language(setting: str | None, accept_language: str | None) -> str:
    """The page's language: the setting when it says fr or en, else the browser's first French or English choice.

    `accept_language` is the raw header, e.g. "en-GB,en;q=0.9,fr;q=0.8": choices are taken by quality (`q`, 1 when
    absent), then in the order sent; `q=0` means "not this one". Neither French nor English: the default (French).
    """
    if setting and setting.strip().lower() in LANGUAGES:
        return setting.strip().lower()
    choices: list[tuple[float, int, str]] = []
    for position, part in enumerate((accept_language or "")[:2000].split(",")):
        tag, _, params = part.partition(";")
        quality = 1.0
        for param in params.split(";"):
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    quality = float(value.strip())
                except ValueError:
                    quality = 0.0
        code = tag.strip().lower().replace("_", "-").split("-", 1)[0]
        if code in LANGUAGES and quality > 0:
            choices.append((-quality, position, code))
    return min(choices)[2] if choices else DEFAULT_LANGUAGE


# Attributes a binding may translate. `choices` takes a list of (key, value) pairs; the others take a key.
_TEXT_ATTRS = {"label", "value", "placeholder", "info"}


class Binder:
    """Components and the keys of their translatable attributes, to relabel them all in one event."""

    def __init__(self, lang: str = DEFAULT_LANGUAGE) -> None:
        self.lang = normalize(lang)
        """The language the components are built in (before the page load picks the session's)."""
        self.components: list[Any] = []
        """The bound components, in binding order: the outputs of the relabelling event."""
        self._keys: list[dict[str, Any]] = []
        self.state: Any = None
        """The session's language as a `gr.State`, set by `build_app` before the tabs are built."""

    def t(self, key: str, **fmt: Any) -> str:
        """`t(key, self.lang)`: the text to build a component with."""
        return t(key, self.lang, **fmt)

    def bind(self, component: Any, **attrs: Any) -> Any:
        """Record which catalog key each attribute of `component` shows; returns the component.

        `label=`, `value=`, `placeholder=`, `info=` take a key; `choices=` takes [(key, value), ...];
        `headers=` (a Dataframe's) takes [key, ...].
        """
        for attr, spec in attrs.items():
            if attr in _TEXT_ATTRS:
                t(spec, "fr")  # unknown keys fail at build time, not when the user switches language
            elif attr == "choices":
                for key, _value in spec:
                    t(key, "fr")
            elif attr == "headers":
                for key in spec:
                    t(key, "fr")
            else:
                raise ValueError(f"cannot translate attribute {attr!r}")
        self.components.append(component)
        self._keys.append(dict(attrs))
        return component

    def texts(self, lang: str) -> list[dict[str, Any]]:
        """The translated attributes of each bound component in `lang` (plain dicts, for tests)."""
        out: list[dict[str, Any]] = []
        for keys in self._keys:
            values: dict[str, Any] = {}
            for attr, spec in keys.items():
                if attr == "choices":
                    values[attr] = [(t(key, lang), value) for key, value in spec]
                elif attr == "headers":
                    values[attr] = [t(key, lang) for key in spec]
                else:
                    values[attr] = t(spec, lang)
            out.append(values)
        return out

    def on_language(self, handler: Any, inputs: Sequence[Any], outputs: Sequence[Any]) -> None:
        """Show a tab's server-written text again when the session's language changes, without losing it.

        `handler(lang, *inputs)` returns the `outputs` in `lang` (wrap it in `events.plain_errors(..., lang_at=0)`):
        the tab's results rebuilt from its `gr.State`, or its empty texts. It runs on `self.state.change`, after
        the relabelling event, never queued behind the jobs."""
        self.state.change(
            handler,
            [self.state, *inputs],
            list(outputs),
            api_name=False,
            show_progress="hidden",
            concurrency_limit=None,
        )

    def updates(self, lang: str) -> list[Any]:
        """One `gr.update` per bound component, relabelled in `lang`.

        A Dataframe's new `headers` show only with a new value (Gradio 6.31 keeps the value's own headers): its update
        carries an empty table with them, so its rows are cleared. A table that shows results is therefore not bound by
        its headers: its tab re-renders rows and headers together in `on_language` (see the notes tab).
        """
        import gradio as gr

        out = []
        for values in self.texts(normalize(lang)):
            if "headers" in values and "value" not in values:
                values["value"] = {"headers": values["headers"], "data": []}
            out.append(gr.update(**values))
        return out


def choice_values(pairs: Sequence[tuple[str, str]]) -> list[str]:
    """The values of (key, value) choices, for validating a submitted choice whatever the language."""
    return [value for _key, value in pairs]


# --------------------------------------------------------------------------- messages the code writes in English

_MESSAGES: dict[str, tuple[re.Pattern[str], str]] = {}
"""key -> (the English template as a pattern, the module that writes it)."""
_WORDS: dict[str, str] = {}
"""Field values translated whole (a brief field's name, what a file holds): English -> French."""
_FIELD = re.compile(r"\{(\w+)\}")


def _pattern(template: str) -> re.Pattern[str]:
    """An English template ("The question is {n} characters long.") as a pattern with one named group per field."""
    parts, seen, last = [], set(), 0
    for m in _FIELD.finditer(template):
        parts.append(re.escape(template[last : m.start()]))
        name = m.group(1)
        parts.append(f"(?P={name})" if name in seen else f"(?P<{name}>[^\\n]+?)")
        seen.add(name)
        last = m.end()
    parts.append(re.escape(template[last:]))
    return re.compile("".join(parts))


def register_messages(
    producer: str, texts: Mapping[str, tuple[str, str]], *, words: Mapping[str, str] | None = None
) -> Mapping[str, tuple[str, str]]:
    """Register `key -> (French, English template)` for messages `producer` writes in English only; returns them.

    The texts join the catalog (so `t` and the language checks see them); `words` translate a field's whole value."""
    register(texts)
    for key, (_fr, en) in texts.items():
        if not _FIELD.sub("", en).strip(" .:;,"):
            raise ValueError(f"message {key!r} has no English words to recognise it by")
        _MESSAGES[key] = (_pattern(en), producer)
    _WORDS.update(words or {})
    return texts


def messages() -> dict[str, tuple[re.Pattern[str], str]]:
    """Every registered message: key -> (English pattern, producer), for tests and the report of what is left."""
    return dict(_MESSAGES)


def _ordered() -> list[tuple[str, re.Pattern[str]]]:
    # The longest templates first: "… is not valid JSON (line 1, column 2): …" before "… is not valid JSON: …".
    return sorted(((k, p) for k, (p, _) in _MESSAGES.items()), key=lambda kp: -len(_CATALOG[kp[0]][1]))


def localize(text: str | None, lang: str | None) -> str:
    """`text` written by the code in English, with every registered message in it rewritten in `lang`.

    English (or an empty text) comes back unchanged. A field's value is translated when it is a registered word,
    else localized in turn (an error quoted inside a notice); what no message matches stays as written."""
    text = text or ""
    if normalize(lang) == "en" or not text:
        return text
    for key, pattern in _ordered():
        if key not in _CATALOG or not pattern.search(text):
            continue
        fr = _CATALOG[key][0]

        def french(m: re.Match[str], fr: str = fr) -> str:
            fields = {k: _WORDS.get(v, localize(v, "fr")) for k, v in m.groupdict().items()}
            return fr.format(**fields)

        text = pattern.sub(french, text)
    return text


def error_text(exc: BaseException, lang: str | None) -> str:
    """An error's message in `lang`: the French its producer attached, else its English localized by the catalog."""
    french = getattr(exc, "message_fr", None)
    if normalize(lang) == "fr" and isinstance(french, str) and french:
        return french
    return localize(str(exc), lang)


def english_left(text: str) -> list[str]:
    """The keys of the registered messages whose English is still in `text` (for tests: a French page shows none)."""
    return [key for key, (pattern, _) in _MESSAGES.items() if pattern.search(text)]
