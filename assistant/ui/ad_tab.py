"""The "Draft a job ad" tab: a brief form (or an example brief) to an ad the recruiter edits, checked as they type.

The drafted ad opens in an editable Markdown box with its rendered preview beside it. Each edit re-runs the check
(the linter plus the pay placeholder), coalesced while one runs (`trigger_mode="always_last"`), and updates the flags
and the fixes on offer; "Apply" edits the text and checks it again. Downloads are made from the edited text and
carry its open flags (see `assistant.ads.export`).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import InputError
from .events import hidden_file, plain_errors, shown_file
from .files import example_files, write_download
from .i18n import Binder, localize, normalize, register, register_messages, t
from .render import citations_markdown, inert, kind_label, safe_markdown, severity_label

if TYPE_CHECKING:
    from ..ads.fixes import Fix
    from ..ads.models import AdResult
    from ..rules.models import Flag
    from ..services import Services
    from ..settings import Settings

# The brief form, in display order: (JobBrief field, English label). `build_ad_tab` makes one component per entry,
# labelled from the catalog key "ad.field.<field>".
BRIEF_FIELDS: list[tuple[str, str]] = [
    ("company", "Company"),
    ("sector", "Sector"),
    ("seniority", "Level"),
    ("location", "Location"),
    ("country", "Country (ISO code; FR means French job-ad law applies)"),
    ("remote", "Remote work"),
    ("contract", "Contract"),
    ("key_clients", "Key clients (comma-separated)"),
    ("partners_count", "Number of client partners"),
    ("team_size", "Team size"),
    ("accounts", "Accounts to manage"),
    ("team_to_manage", "People to manage"),
    ("profile", "Profile sought"),
    ("requested_title", "Requested title"),
    ("salary", "Salary (e.g. 3000-3500 € brut mensuel)"),
    ("variable_pay", "Variable pay"),
    ("language", "Language of the ad"),
    ("requirements", "Requirements"),
    ("company_pitch", "Company pitch"),
]
INT_FIELDS = {"partners_count", "team_size", "team_to_manage"}
FIELD_FR = {
    "company": "Entreprise",
    "sector": "Secteur",
    "seniority": "Niveau",
    "location": "Lieu",
    "country": "Pays (code ISO ; FR : le droit français des annonces s’applique)",
    "remote": "Télétravail",
    "contract": "Contrat",
    "key_clients": "Clients de référence (séparés par des virgules)",
    "partners_count": "Nombre de clients partenaires",
    "team_size": "Taille de l’équipe",
    "accounts": "Comptes à gérer",
    "team_to_manage": "Personnes à encadrer",
    "profile": "Profil recherché",
    "requested_title": "Intitulé demandé",
    "salary": "Salaire (p. ex. 3000-3500 € brut mensuel)",
    "variable_pay": "Part variable",
    "language": "Langue de l’annonce",
    "requirements": "Exigences",
    "company_pitch": "Présentation de l’entreprise",
}

TEXTS = register(
    {
        **{f"ad.field.{name}": (FIELD_FR[name], label) for name, label in BRIEF_FIELDS},
        "ad.seniority.junior": ("Junior", "Junior"),
        "ad.seniority.mid": ("Confirmé·e", "Mid-level"),
        "ad.seniority.senior": ("Senior", "Senior"),
        "ad.unspecified": ("Non précisé", "Not specified"),
        "ad.remote.no": ("Non", "No"),
        "ad.remote.hybrid": ("Hybride", "Hybrid"),
        "ad.remote.full": ("Télétravail complet", "Full remote"),
        "ad.profile.farmer": ("Farmer : développe les clients existants", "Farmer: grows existing clients"),
        "ad.profile.hunter": ("Hunter : trouve de nouveaux clients", "Hunter: finds new clients"),
        "ad.profile.both": ("Les deux", "Both"),
        "ad.lang.fr": ("Français", "Français"),
        "ad.lang.en": ("English", "English"),
        "ad.count_placeholder": ("un nombre entier, ou laissez vide", "a whole number, or leave empty"),
        "ad.examples": ("Exemples de briefs", "Example briefs"),
        "ad.load_example": ("Charger l’exemple", "Load example"),
        "ad.draft": ("Rédiger l’annonce", "Draft the ad"),
        "ad.progress": (
            "Rédaction de l’annonce et vérification des règles des offres d’emploi…",
            "Drafting the ad and checking it against job-ad rules…",
        ),
        "ad.editor": (
            "L’annonce (Markdown, modifiable : vérifiée à chaque modification)",
            "The ad (Markdown, editable: checked as you type)",
        ),
        "ad.editor_placeholder": (
            "L’annonce rédigée s’ouvre ici ; modifiez-la librement.",
            "The drafted ad opens here; edit it freely.",
        ),
        "ad.preview_empty": ("*L’aperçu de l’annonce apparaîtra ici.*", "*The ad's preview will appear here.*"),
        "ad.fixes": ("Corrections proposées", "Suggested fixes"),
        "ad.apply": ("Appliquer la correction", "Apply the fix"),
        "ad.passages": ("Passages du guide utilisés", "Guide passages used"),
        "ad.no_passage": ("Aucun passage du guide cité.", "No guide passage cited."),
        "ad.dl_md": ("Télécharger en Markdown", "Download Markdown"),
        "ad.dl_html": ("Télécharger en HTML", "Download HTML"),
        "ad.dl_json": ("Télécharger en JSON-LD", "Download JSON-LD"),
        "ad.download": ("Votre téléchargement", "Your download"),
        "ad.drafted_by": ("Rédigée par : {engine}", "Drafted by: {engine}"),
        "ad.note": ("Note : {notice}", "Note: {notice}"),
        "ad.no_flags": ("Aucun signalement : rien à corriger.", "No flags: nothing found to fix."),
        "ad.flags_heading": ("Signalements ({n})", "Flags ({n})"),
        "ad.brief_notes": ("Sur le brief", "About the brief"),
        "ad.fix_mark": ("correction proposée", "fix available"),
        "ad.no_fix": ("Aucune correction automatique", "No automatic fix"),
        "ad.draft_first": ("Rédigez d’abord une annonce.", "Draft an ad first."),
        "ad.pick_fix": ("Choisissez d’abord une correction.", "Pick a fix first."),
        "ad.empty": ("L’annonce est vide : rédigez-la ou collez-la.", "The ad is empty: draft or paste it."),
        "ad.stale_fix": (
            "L’annonce a changé depuis la vérification : la correction n’a pas été appliquée. Les signalements sont "
            "à jour ; choisissez-la de nouveau.",
            "The ad changed since it was checked: the fix was not applied. The flags are up to date; pick it again.",
        ),
        "ad.pick_example": ("Choisissez d’abord un exemple.", "Pick an example first."),
        "ad.no_example": ("Aucun exemple de brief nommé {name}.", "No example brief named {name}."),
        "ad.whole_number": ("{name} doit être un nombre entier.", "{name} must be a whole number."),
    }
)
# The brief's checks (assistant/ads/brief.py) and the LLM draft's failure (assistant/ads/draft.py), in English there.
# A brief field's name in them (`company`) reads as the form's label (« Entreprise »).
register_messages(
    "assistant/ads/brief.py",
    {
        "msg.brief.not_text": (
            "« {field} » doit être du texte ; valeurs possibles : {valid}.",
            "`{field}` must be text; valid values: {valid}.",
        ),
        "msg.brief.unknown_value": (
            "Valeur inconnue pour « {field} » : {value} ; valeurs possibles : {valid}.",
            "Unknown {field} {value}; valid values: {valid}.",
        ),
        "msg.brief.whole_number": (
            "« {field} » doit être un nombre entier (p. ex. 12), pas {value}.",
            "`{field}` must be a whole number (e.g. 12), not {value}.",
        ),
        "msg.brief.range": (
            "« {field} » doit être compris entre 0 et {max}, pas {value}.",
            "`{field}` must be between 0 and {max}, not {value}.",
        ),
        "msg.brief.unknown_keys": (
            "Clé(s) inconnue(s) dans le brief : {keys}. Clés possibles : {valid}.",
            "Unknown key(s) in the brief: {keys}. Valid keys: {valid}.",
        ),
        "msg.brief.too_long": (
            "« {field} » fait {n} caractères ; la limite est de {limit}. Raccourcissez-le.",
            "`{field}` is {n} characters long; the limit is {limit}. Shorten it.",
        ),
        "msg.brief.no_company": (
            "Le brief n'indique pas l'entreprise : ajoutez le nom de l'entreprise qui recrute.",
            "The brief has no `company`: add the hiring company's name (company: ...).",
        ),
        "msg.brief.company_text": (
            "« Entreprise » doit être le nom de l'entreprise, en texte.",
            "`company` must be the company's name, as text.",
        ),
        "msg.brief.company_ai": (
            "« Entreprise » contient un texte adressé à l'IA (« {evidence} ») : indiquez seulement le nom de "
            "l'entreprise.",
            "`company` holds text aimed at the AI (“{evidence}”): give only the company's name.",
        ),
        "msg.brief.negative_pay": (
            "« Salaire » {value} contient un montant négatif : indiquez la rémunération en chiffres positifs "
            "(p. ex. 3 000 à 3 500 € brut mensuel).",
            "`salary` {value} has a negative amount: give the pay as positive figures "
            "(e.g. 3 000 à 3 500 € brut mensuel).",
        ),
        "msg.brief.country": (
            "« Pays » doit être un nom de pays ou un code ISO comme FR.",
            "`country` must be a country name or an ISO code such as FR.",
        ),
        "msg.brief.unknown_country": (
            "Pays inconnu {value} : indiquez un code ISO comme FR, BE, CH, GB.",
            "Unknown country {value}: give an ISO code such as FR, BE, CH, GB.",
        ),
        "msg.brief.clients_list": (
            "« Clients de référence » doit être une liste de noms de clients (ou un texte séparé par des virgules).",
            "`key_clients` must be a list of client names (or a comma-separated text).",
        ),
        "msg.brief.clients_count": (
            "« Clients de référence » compte {n} noms ; la limite est de {limit}.",
            "`key_clients` has {n} names; the limit is {limit}.",
        ),
        "msg.brief.client_long": (
            "Un des clients de référence fait {n} caractères ; la limite est de {limit}.",
            "A `key_clients` entry is {n} characters long; the limit is {limit}.",
        ),
        "msg.brief.invalid": (
            "Le brief n'est pas valide ; le contrôle dit :",
            "The brief is not valid:",
        ),
    },
    words={name: FIELD_FR[name].split(" (")[0] for name, _ in BRIEF_FIELDS},
)
register_messages(
    "assistant/ads/draft.py",
    {"msg.ad.unusable": ("L'annonce du LLM est inutilisable :", "The LLM's ad could not be used:")},
)

SENIORITY_CHOICES = [("ad.seniority.junior", "junior"), ("ad.seniority.mid", "mid"), ("ad.seniority.senior", "senior")]
REMOTE_CHOICES = [
    ("ad.unspecified", ""),
    ("ad.remote.no", "no"),
    ("ad.remote.hybrid", "hybrid"),
    ("ad.remote.full", "full"),
]
PROFILE_CHOICES = [
    ("ad.unspecified", ""),
    ("ad.profile.farmer", "farmer"),
    ("ad.profile.hunter", "hunter"),
    ("ad.profile.both", "both"),
]
LANGUAGE_CHOICES = [("ad.lang.fr", "fr"), ("ad.lang.en", "en")]
DOWNLOAD_FORMATS = ("md", "html", "json")


def brief_dict(values: dict[str, Any], lang: str = "en") -> dict[str, Any]:
    """Form values → the dict `brief_from_dict` takes: blanks dropped, clients split, counts as ints."""
    out: dict[str, Any] = {}
    for name, value in values.items():
        if value is None or (isinstance(value, str) and not value.strip()):
            continue
        if name == "key_clients":
            clients = [c.strip() for c in re.split(r"[,;\n]", str(value)) if c.strip()]
            if clients:
                out[name] = clients
            continue
        if name in INT_FIELDS:
            label = t(f"ad.field.{name}", lang)
            if isinstance(value, float) and not value.is_integer():
                raise InputError(t("ad.whole_number", lang, name=label) + f" ({value})")
            try:
                out[name] = int(value)
            except (TypeError, ValueError) as exc:
                raise InputError(t("ad.whole_number", lang, name=label)) from exc
            continue
        out[name] = value.strip() if isinstance(value, str) else value
    return out


# --------------------------------------------------------------------------- the ad being edited


@dataclass
class AdSession:
    """The drafted ad the recruiter edits: the draft (its facts and passages) and the notes about the brief."""

    result: AdResult
    """The draft as the pipeline returned it (its `text` is the first version; the editor holds the current one)."""
    notes: list[Flag] = field(default_factory=list)
    """Flags about the brief (text left out, how the pay was read, dates): they do not change as the text is edited."""


@dataclass
class Checked:
    """An ad's text with its flags and the fixes on offer, as of one check."""

    text: str
    """The text checked."""
    flags: list[Flag]
    """The notes about the brief, then the check's flags on the text."""
    fixes: list[Fix]
    """One fix per flag that has one, in the flags' order."""


def check_text(text: str, session: AdSession | None, services: Services) -> Checked:
    """The live check of the edited text: the linter with the draft's level, date and country, and the fixes.

    Without a draft (an ad pasted into the box) the ad is checked on its own: its language read from the text, its
    date from the text, French law applying."""
    from ..ads.check import check_ad_text
    from ..ads.fixes import fixes_for
    from ..text import detect_language

    notes = list(session.notes) if session else []
    if not (text or "").strip():
        return Checked(text or "", notes, [])
    ad = session.result.ad if session else None
    language = ad.language if ad else detect_language(text)
    level = ad.level if ad else None
    lint = check_ad_text(
        text,
        framework=services.framework,
        language=language,
        level=level,
        date_posted=ad.date_posted if ad else None,
        job_in_france=ad.country == "FR" if ad else True,
    )
    fixes = [fix for _, fix in fixes_for(text, lint, framework=services.framework, language=language, level=level)]
    return Checked(text, notes + lint, fixes)


def flag_message(flag: Flag, lang: str) -> str:
    """A flag's message in the interface's language (French when the flag has it)."""
    return flag.text(lang)


def flags_panel(checked: Checked, session: AdSession | None, lang: str) -> str:
    """The flags as Markdown: errors first, each with its severity, kind, message, quote, and whether a fix exists."""
    flags = checked.flags
    if not flags:
        return t("ad.no_flags", lang)
    notes = session.notes if session else []
    fixed = {(f.kind, f.evidence) for f in checked.fixes}
    order = {"error": 0, "warning": 1, "info": 2}
    lines = [f"### {t('ad.flags_heading', lang, n=len(flags))}"]
    for f in sorted(flags, key=lambda f: order.get(f.severity, 3)):
        about = f" · {t('ad.brief_notes', lang)}" if f in notes else ""
        mark = f" · ✔ {t('ad.fix_mark', lang)}" if (f.kind, f.evidence) in fixed and f not in notes else ""
        lines.append(
            f"- **{inert(severity_label(f.severity, lang))}** · *{inert(kind_label(f.kind, lang))}*{about}{mark} — "
            f"{inert(flag_message(f, lang))}"
        )
        if f.evidence:
            lines.append(f"  <br>« {inert(f.evidence)} »")
    return "\n".join(lines)


def fix_choices(checked: Checked, lang: str) -> list[tuple[str, str]]:
    """(label, index) of each fix on offer, for the fix picker."""
    return [(fix.text(lang), str(i)) for i, fix in enumerate(checked.fixes)]


def preview_markdown(text: str, lang: str) -> str:
    """The rendered preview of the edited text (sanitised: no raw HTML, remote image or script link)."""
    return safe_markdown(text) if (text or "").strip() else t("ad.preview_empty", lang)


def draft_ad(values: dict[str, Any], services: Services, lang: str = "en") -> tuple[AdSession, Checked, str, str]:
    """Draft an ad from form values: (the session, its first check, the notice Markdown, the passages Markdown)."""
    from ..ads import brief_from_dict, draft_job_ad
    from ..ads.check import check_ad_text

    brief = brief_from_dict(brief_dict(values, lang), settings=services.settings)
    result = draft_job_ad(brief, services, fallback_offline=True)
    ad = result.ad
    lint = check_ad_text(
        result.text,
        framework=services.framework,
        language=ad.language,
        level=ad.level,
        date_posted=ad.date_posted,
        job_in_france=ad.country == "FR",
    )
    session = AdSession(result=result, notes=[f for f in result.flags if f not in lint])
    checked = check_text(result.text, session, services)
    return session, checked, *draft_notes(result, lang)


def draft_notes(result: AdResult, lang: str) -> tuple[str, str]:
    """What the draft says beside the ad, in `lang`: (the notice and engine Markdown, the guide passages Markdown)."""
    from ..ads.pipeline import notice_in

    engine = result.backend + (f" · {result.model}" if result.model else "")
    notice = f"*{t('ad.drafted_by', lang, engine=inert(engine))}*"
    if result.notice:
        said = localize(notice_in(result, lang) or "", lang)  # the pipeline's French, then the LLM error's
        notice = f"*{t('ad.note', lang, notice=inert(said))}*\n\n" + notice
    passages = citations_markdown(result.citations, heading=t("ad.passages", lang), lang=lang)
    return notice, passages or t("ad.no_passage", lang)


def relabel_ad(lang: str, text: str | None, session: AdSession | None, services: Services) -> tuple[Any, ...]:
    """The page changed language: the ad being edited checked again in `lang` (the text itself is the recruiter's and
    is not touched): (preview, flags, fix choices, fixes, notice, passages); nothing is drafted again."""
    lang = normalize(lang)
    checked = check_text(text or "", session, services)
    shown_flags = flags_panel(checked, session, lang) if (text or "").strip() or session else ""
    notice, passages = draft_notes(session.result, lang) if session else ("", "")
    return (
        preview_markdown(checked.text, lang),
        shown_flags,
        fix_choices(checked, lang),
        checked.fixes,
        notice,
        passages,
    )


def apply_choice(
    choice: str | None, fixes: list[Fix], text: str, session: AdSession | None, services: Services, lang: str
) -> tuple[Checked, bool]:
    """Apply the picked fix to the text: (the new text's check, True) or, when the text changed since the check,
    (the current text's check, False): the fix is refused, never applied to the wrong place."""
    from ..ads.fixes import FixError, apply_fix

    if choice in (None, "") or not str(choice).isdigit() or int(choice) >= len(fixes or []):
        raise InputError(t("ad.pick_fix", lang))
    try:
        new_text = apply_fix(text, fixes[int(choice)])
    except FixError:
        return check_text(text, session, services), False
    return check_text(new_text, session, services), True


def ad_download(session: AdSession | None, text: str | None, fmt: str, services: Services, lang: str = "en") -> str:
    """Write the edited ad as md | html | json (JSON-LD) with its open flags into the private temp dir; the path."""
    from ..ads import export

    if session is None:
        raise InputError(t("ad.draft_first", lang))
    text = session.result.text if text is None else text
    if not text.strip():
        raise InputError(t("ad.empty", lang))
    checked = check_text(text, session, services)
    ad = export.ad_from_markdown(text, session.result.ad)
    flags = checked.flags
    if fmt == "md":
        # inert like the preview (review of stop 46: the Markdown export carried a brief's <script> as is)
        shown = safe_markdown(text)
        return write_download(export.markdown_with_flags(shown, flags, ad.language), export.export_filename(ad, "md"))
    if fmt == "html":
        page = export.html_with_flags(export.ad_to_html(ad), flags, ad.language)
        return write_download(page, export.export_filename(ad, "html"))
    if fmt in ("json", "jsonld"):
        data = export.jsonld_with_flags(export.ad_to_jsonld(ad), flags, ad.language)
        return write_download(export.jsonld_text(data), export.export_filename(ad, "json"))
    raise InputError(t("events.bad_format", lang, fmt=repr(fmt)))


def example_briefs() -> dict[str, Path]:
    """The example briefs shipped in examples/, by file name."""
    return example_files("brief-*.yaml")


def example_values(name: str, lang: str = "en") -> list[Any]:
    """The form values of an example brief, in BRIEF_FIELDS order."""
    from ..ads import load_brief

    path = example_briefs().get(name or "")
    if path is None:
        raise InputError(t("ad.pick_example", lang) if not name else t("ad.no_example", lang, name=repr(name)))
    brief = load_brief(path).model_dump()
    values: list[Any] = []
    for name_, _ in BRIEF_FIELDS:
        value = brief.get(name_)
        if name_ == "key_clients":
            value = ", ".join(value or [])
        elif name_ in INT_FIELDS:
            value = "" if value is None else str(value)
        elif name_ == "salary" and isinstance(value, dict):
            value = _salary_text(value, brief.get("language", "fr"))
        values.append(value)
    return values


def _salary_text(salary: dict[str, Any], lang: str) -> str:
    """A structured salary as the free text the form holds (the brief parser reads it back)."""
    span = " - ".join(f"{v:g}" for v in (salary.get("min"), salary.get("max")) if v is not None)
    monthly = salary.get("period", "month") == "month"
    # Say gross or net only when the brief did: the ad must not assert a basis nobody gave.
    basis = {"gross": {"en": " gross", "fr": " brut"}, "net": {"en": " net", "fr": " net"}}.get(
        salary.get("basis") or "", {}
    )
    if lang == "en":
        return f"{span} €{basis.get('en', '')} per {'month' if monthly else 'year'}" if span else ""
    return f"{span} €{basis.get('fr', '')} {'mensuel' if monthly else 'annuel'}" if span else ""


def build_ad_tab(services: Services, ui: Binder | None = None) -> None:
    """The tab's components and events, inside the enclosing gr.Tab; texts bound to `ui` for the language toggle."""
    import gradio as gr

    ui = ui or Binder("en")
    if ui.state is None:  # built outside build_app (a test, an older app): a session language of its own
        ui.state = gr.State(ui.lang)
    lang_state = ui.state
    session_state = gr.State(None)
    fixes_state = gr.State([])
    components: dict[str, Any] = {}
    with gr.Row():
        with gr.Column(scale=2):
            examples = example_briefs()
            if examples:
                with gr.Row():
                    pick = ui.bind(
                        gr.Dropdown(
                            list(examples), label=ui.t("ad.examples"), value=None, scale=3, elem_id="ad-example"
                        ),
                        label="ad.examples",
                    )
                    load = ui.bind(
                        gr.Button(ui.t("ad.load_example"), size="sm", scale=1, elem_id="ad-load-example"),
                        value="ad.load_example",
                    )
            for name, _ in BRIEF_FIELDS:
                components[name] = _brief_component(name, ui, services.settings)
            go = ui.bind(gr.Button(ui.t("ad.draft"), variant="primary", elem_id="ad-draft"), value="ad.draft")
        with gr.Column(scale=5):
            notice = gr.Markdown(elem_id="ad-notice")
            flags = gr.Markdown(elem_id="ad-flags")
            with gr.Row(equal_height=True):
                fix_pick = ui.bind(
                    gr.Dropdown([], value=None, label=ui.t("ad.fixes"), scale=4, elem_id="ad-fix"), label="ad.fixes"
                )
                apply = ui.bind(gr.Button(ui.t("ad.apply"), scale=1, elem_id="ad-apply"), value="ad.apply")
            with gr.Row():
                editor = ui.bind(
                    gr.Textbox(
                        label=ui.t("ad.editor"),
                        placeholder=ui.t("ad.editor_placeholder"),
                        lines=24,
                        max_lines=60,
                        max_length=100_000,
                        elem_id="ad-editor",
                    ),
                    label="ad.editor",
                    placeholder="ad.editor_placeholder",
                )
                preview = gr.Markdown(ui.t("ad.preview_empty"), elem_id="ad-text")
            with gr.Row():  # the downloads, right under the ad they download
                dl_md = ui.bind(gr.Button(ui.t("ad.dl_md"), size="sm", elem_id="ad-dl-md"), value="ad.dl_md")
                dl_html = ui.bind(gr.Button(ui.t("ad.dl_html"), size="sm", elem_id="ad-dl-html"), value="ad.dl_html")
                dl_json = ui.bind(gr.Button(ui.t("ad.dl_json"), size="sm", elem_id="ad-dl-json"), value="ad.dl_json")
            download = ui.bind(
                gr.File(label=ui.t("ad.download"), interactive=False, visible=False, elem_id="ad-download"),
                label="ad.download",
            )
            with ui.bind(gr.Accordion(ui.t("ad.passages"), open=False), label="ad.passages"):
                passages = gr.Markdown(elem_id="ad-passages")

    names = [name for name, _ in BRIEF_FIELDS]

    def shown(checked: Checked, session: AdSession | None, lang: str) -> tuple[Any, ...]:
        """preview, flags, fix picker, fixes: what every check updates."""
        return (
            preview_markdown(checked.text, lang),
            flags_panel(checked, session, lang),
            gr.Dropdown(choices=fix_choices(checked, lang), value=None),
            checked.fixes,
        )

    def run(*values: Any, progress: Any = gr.Progress()) -> tuple[Any, ...]:
        *form, lang = values
        progress(0.1, desc=t("ad.progress", lang))
        session, checked, note, cited = draft_ad(dict(zip(names, form, strict=False)), services, lang)
        return (session, checked.text, *shown(checked, session, lang), note, cited)

    def recheck(text: str, session: AdSession | None, lang: str) -> tuple[Any, ...]:
        return shown(check_text(text, session, services), session, lang)

    def apply_fix(
        choice: str | None, fixes: list[Fix], text: str, session: AdSession | None, lang: str
    ) -> tuple[Any, ...]:
        checked, applied = apply_choice(choice, fixes, text, session, services, lang)
        if not applied:
            gr.Warning(t("ad.stale_fix", lang))
        return (checked.text, *shown(checked, session, lang))

    checks = [preview, flags, fix_pick, fixes_state]
    go.click(
        plain_errors(run),
        [components[n] for n in names] + [lang_state],
        [session_state, editor, *checks, notice, passages],
        api_name="draft_ad",
    ).success(hidden_file, None, [download], api_name=False)
    # Every change (typed, pasted, or set by a fix) asks for a check; while one runs, the next waits and only the
    # latest text is checked (`always_last`): a debounce by the server's pace, ~25 ms a check (`hiring-assistant bench`).
    editor.change(
        plain_errors(recheck),
        [editor, session_state, lang_state],
        checks,
        trigger_mode="always_last",
        show_progress="hidden",
        api_name="check_ad",
    ).success(hidden_file, None, [download], api_name=False)
    apply.click(
        plain_errors(apply_fix),
        [fix_pick, fixes_state, editor, session_state, lang_state],
        [editor, *checks],
        api_name="apply_fix",
    ).success(hidden_file, None, [download], api_name=False)
    if examples:
        load.click(
            plain_errors(example_values), [pick, lang_state], [components[n] for n in names], api_name="load_example"
        )

    def on_language(lang: str, text: str, session: AdSession | None) -> tuple[Any, ...]:
        preview_md, flags_md, choices, fixes, note, cited = relabel_ad(lang, text, session, services)
        return preview_md, flags_md, gr.Dropdown(choices=choices, value=None), fixes, note, cited

    # The flags, fixes, notice and passages are written on the server: a language switch shows them again.
    ui.on_language(plain_errors(on_language, lang_at=0), [editor, session_state], [*checks, notice, passages])
    for button, fmt in ((dl_md, "md"), (dl_html, "html"), (dl_json, "json")):
        button.click(
            plain_errors(functools.partial(_download_for, services=services, fmt=fmt)),
            [session_state, editor, lang_state],
            [download],
            api_name=f"download_ad_{fmt}",
        ).success(shown_file, None, [download], api_name=False)


def _download_for(session: AdSession | None, text: str, lang: str, *, services: Services, fmt: str) -> str:
    return ad_download(session, text, fmt, services, lang)


def _brief_component(name: str, ui: Binder, settings: Settings) -> Any:
    """The form component for one brief field, its label (and choices) bound to the catalog."""
    import gradio as gr

    limit, elem_id, label_key = settings.max_field_chars, f"brief-{name}", f"ad.field.{name}"
    label = ui.t(label_key)

    def choices(pairs: list[tuple[str, str]]) -> list[tuple[str, str]]:
        return [(ui.t(key), value) for key, value in pairs]

    if name == "seniority":
        box: Any = gr.Dropdown(choices(SENIORITY_CHOICES), value="mid", label=label, elem_id=elem_id)
        return ui.bind(box, label=label_key, choices=SENIORITY_CHOICES)
    if name == "remote":
        box = gr.Dropdown(choices(REMOTE_CHOICES), value="", label=label, elem_id=elem_id)
        return ui.bind(box, label=label_key, choices=REMOTE_CHOICES)
    if name == "contract":
        box = gr.Dropdown(
            ["CDI", "CDD", "freelance", "stage", "alternance", "interim"], value="CDI", label=label, elem_id=elem_id
        )
        return ui.bind(box, label=label_key)
    if name == "profile":
        box = gr.Dropdown(choices(PROFILE_CHOICES), value="", label=label, elem_id=elem_id)
        return ui.bind(box, label=label_key, choices=PROFILE_CHOICES)
    if name == "country":
        return ui.bind(gr.Textbox(value="FR", label=label, max_length=60, elem_id=elem_id), label=label_key)
    if name == "language":
        box = gr.Radio(choices(LANGUAGE_CHOICES), value="fr", label=label, elem_id=elem_id)
        return ui.bind(box, label=label_key, choices=LANGUAGE_CHOICES)
    if name in INT_FIELDS:
        # A Textbox, not gr.Number: an empty Number shows and sends 0 ("0 client partners" is not a fact).
        box = gr.Textbox(label=label, placeholder=ui.t("ad.count_placeholder"), max_length=9, elem_id=elem_id)
        return ui.bind(box, label=label_key, placeholder="ad.count_placeholder")
    if name in ("requirements", "company_pitch"):
        return ui.bind(gr.Textbox(label=label, lines=3, max_length=limit, elem_id=elem_id), label=label_key)
    return ui.bind(gr.Textbox(label=label, max_length=limit, elem_id=elem_id), label=label_key)
