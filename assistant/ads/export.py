"""Exports of a job ad: Markdown, HTML (every user string escaped), schema.org JobPosting JSON-LD.

Also `sanitize_markdown`, for showing model-written Markdown in the UI without raw HTML, images or script links.
"""

from __future__ import annotations

import html
import json
import re
from typing import Any

from ..rules.models import Flag
from .models import AdResult, AdSection, JobAd

COUNTRY_NAMES = {
    "FR": "France",
    "BE": "Belgique",
    "CH": "Suisse",
    "LU": "Luxembourg",
    "GB": "United Kingdom",
    "DE": "Deutschland",
    "ES": "España",
    "IT": "Italia",
    "IE": "Ireland",
    "NL": "Nederland",
    "CA": "Canada",
    "US": "United States",
}
# schema.org / Google employmentType values for French contract types.
EMPLOYMENT_TYPES = {
    "CDI": "FULL_TIME",
    "CDD": "TEMPORARY",
    "freelance": "CONTRACTOR",
    "stage": "INTERN",
    "alternance": "INTERN",
    "interim": "TEMPORARY",
}
POSTED = {"fr": "Publiée le {date}", "en": "Posted on {date}"}
VALID = {"fr": "valable jusqu’au {date}", "en": "open until {date}"}


def _ad(result: AdResult | JobAd) -> JobAd:
    return result.ad if isinstance(result, AdResult) else result


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def meta_line(ad: JobAd) -> str:
    """The line under the title: descriptive line · contract · place · remote."""
    from .wording import CONTRACT_LABELS, REMOTE_LABELS, contract_words

    lang = ad.language
    parts = [_capital(contract_words(CONTRACT_LABELS, ad.contract, lang, ad.country))]
    if ad.remote == "full":
        parts.append(_capital(REMOTE_LABELS[lang]["full"]) + f" ({COUNTRY_NAMES.get(ad.country, ad.country)})")
    else:
        if ad.location:
            parts.append(ad.location)
        if ad.remote == "hybrid":
            parts.append(REMOTE_LABELS[lang]["hybrid"])
    return " · ".join(parts)


def date_line(ad: JobAd) -> str:
    """'Publiée le 27 novembre 2026' (and the expiry date when known)."""
    from .wording import format_date

    line = POSTED[ad.language].format(date=format_date(ad.date_posted, ad.language))
    if ad.valid_through:
        line += " · " + VALID[ad.language].format(date=format_date(ad.valid_through, ad.language))
    return line


# --------------------------------------------------------------------------- Markdown


def ad_markdown(ad: JobAd) -> str:
    """The whole ad as Markdown: title, descriptive line, date, then each section."""
    lines = [f"# {ad.title}", ""]
    if ad.descriptive_line:
        lines.append(f"**{_capital(ad.descriptive_line)}** · {meta_line(ad)}")
    else:
        lines.append(meta_line(ad))
    lines += ["", f"*{date_line(ad)}*", ""]
    for section in ad.sections:
        lines += [f"## {section.heading}", ""]
        for paragraph in section.paragraphs:
            lines += [paragraph, ""]
        if section.bullets:
            lines += [f"- {bullet}" for bullet in section.bullets] + [""]
    return "\n".join(lines).rstrip() + "\n"


def ad_to_markdown(result: AdResult | JobAd) -> str:
    """The ad as Markdown (the same text as `AdResult.text`)."""
    return ad_markdown(_ad(result))


# --------------------------------------------------------------------------- HTML

e = html.escape


def _section_html(section: AdSection) -> str:
    parts = [f'<section class="job-ad-{e(section.id)}">', f"<h2>{e(section.heading)}</h2>"]
    parts += [f"<p>{e(p)}</p>" for p in section.paragraphs]
    if section.bullets:
        parts.append("<ul>" + "".join(f"<li>{e(b)}</li>" for b in section.bullets) + "</ul>")
    parts.append("</section>")
    return "\n".join(parts)


def description_html(ad: JobAd) -> str:
    """The body of the ad (sections) as HTML: the JSON-LD `description`."""
    return "\n".join(_section_html(s) for s in ad.sections)


def ad_html(ad: JobAd) -> str:
    """The ad as an HTML fragment (an <article>); every string from the brief or the model is escaped."""
    head = [f'<article class="job-ad" lang="{e(ad.language)}">', f"<h1>{e(ad.title)}</h1>"]
    meta = e(meta_line(ad))
    if ad.descriptive_line:
        meta = f"<strong>{e(_capital(ad.descriptive_line))}</strong> · {meta}"
    head += [f'<p class="job-ad-meta">{meta}</p>', f'<p class="job-ad-date"><em>{e(date_line(ad))}</em></p>']
    return "\n".join(head + [description_html(ad), "</article>"])


def jsonld_text(data: dict[str, Any]) -> str:
    """JSON-LD as text, for the download and inside the HTML page's <script>: valid JSON whose strings cannot close a
    <script> element ("<" escaped; review of da93473: a location of "</script><script>…" came out raw)."""
    return (
        json.dumps(data, ensure_ascii=False, indent=2, default=str)
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
    )


def ad_to_html(result: AdResult | JobAd, *, standalone: bool = True) -> str:
    """A complete HTML page with the ad and its JSON-LD markup (or only the <article> when standalone=False)."""
    ad = _ad(result)
    article = ad_html(ad)
    if not standalone:
        return article
    return (
        f'<!DOCTYPE html>\n<html lang="{e(ad.language)}">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{e(ad.title)} · {e(ad.company)}</title>\n"
        f'<script type="application/ld+json">\n{jsonld_text(ad_to_jsonld(ad))}\n</script>\n'
        f"</head>\n<body>\n{article}\n</body>\n</html>\n"
    )


# --------------------------------------------------------------------------- schema.org JobPosting


def ad_to_jsonld(result: AdResult | JobAd) -> dict[str, Any]:
    """schema.org JobPosting for Google for Jobs; every value is also visible in the ad."""
    ad = _ad(result)
    data: dict[str, Any] = {
        "@context": "https://schema.org/",
        "@type": "JobPosting",
        "title": ad.title,
        "description": description_html(ad),
        "datePosted": ad.date_posted.isoformat(),
        "hiringOrganization": {"@type": "Organization", "name": ad.company},
        "employmentType": EMPLOYMENT_TYPES[ad.contract],
    }
    if ad.valid_through:
        data["validThrough"] = ad.valid_through.isoformat()
    country = COUNTRY_NAMES.get(ad.country, ad.country)
    if ad.remote == "full":
        data["jobLocationType"] = "TELECOMMUTE"
        data["applicantLocationRequirements"] = {"@type": "Country", "name": country}
    else:
        address: dict[str, Any] = {"@type": "PostalAddress", "addressCountry": ad.country}
        if ad.location:
            address["addressLocality"] = ad.location
        data["jobLocation"] = {"@type": "Place", "address": address}
    salary = ad.salary
    if salary.min is not None or salary.max is not None:
        value: dict[str, Any] = {"@type": "QuantitativeValue", "unitText": salary.period.upper()}
        if salary.min is not None:
            value["minValue"] = salary.min
        if salary.max is not None:
            value["maxValue"] = salary.max
        data["baseSalary"] = {"@type": "MonetaryAmount", "currency": salary.currency, "value": value}
    pay = ad.section("pay")
    if salary.variable:
        data["incentiveCompensation"] = salary.variable
    elif pay and len(pay.paragraphs) > 1:
        data["incentiveCompensation"] = pay.paragraphs[-1]
    if ad.skills:
        data["skills"] = ad.skills
    if ad.education:
        data["educationRequirements"] = ad.education
    if ad.experience:
        data["experienceRequirements"] = ad.experience
    missions = ad.section("missions")
    if missions and missions.bullets:
        data["responsibilities"] = missions.bullets
    company = ad.section("company")
    if company and company.paragraphs:
        data["employerOverview"] = " ".join(company.paragraphs)
    return data


# --------------------------------------------------------------------------- exports that carry their flags

# What a flag quotes in an export in place of text that must not be kept (a protected criterion, text aimed at the
# AI, personal data): the export never repeats what the flag says was left out.
_CRITERION_PLACEHOLDERS = {
    "age": ("[âge]", "[age]"),
    "sex": ("[sexe]", "[sex]"),
    "family situation": ("[situation de famille]", "[family situation]"),
    "pregnancy": ("[grossesse]", "[pregnancy]"),
    "origin": ("[origine]", "[origin]"),
    "religion": ("[religion]", "[religion]"),
    "union": ("[activité syndicale]", "[union activity]"),
    "political": ("[opinions politiques]", "[political opinions]"),
    "sexual orientation": ("[orientation sexuelle]", "[sexual orientation]"),
    "gender identity": ("[identité de genre]", "[gender identity]"),
    "physical appearance": ("[apparence physique]", "[physical appearance]"),
    "health": ("[santé]", "[health]"),
    "place of residence": ("[lieu de résidence]", "[place of residence]"),
    "family name": ("[nom de famille]", "[family name]"),
    "bank": ("[domiciliation bancaire]", "[bank domiciliation]"),
}
_KIND_PLACEHOLDERS = {
    "discrimination": ("[critère protégé]", "[protected criterion]"),
    "prompt_injection": ("[texte adressé à l’IA]", "[text aimed at the AI]"),
    "pii": ("[donnée personnelle]", "[personal data]"),
}
_CRITERION_IN_MESSAGE = re.compile(r"Protected criterion \(([^)]*)\)")


def export_placeholder(flag: Flag, lang: str) -> str | None:
    """The placeholder an export shows instead of a flag's evidence, or None when the evidence may be quoted."""
    if flag.kind not in _KIND_PLACEHOLDERS:
        return None
    m = _CRITERION_IN_MESSAGE.search(flag.message) if flag.kind == "discrimination" else None
    pair = _KIND_PLACEHOLDERS[flag.kind]
    if m:
        label = m.group(1)
        pair = next((p for key, p in _CRITERION_PLACEHOLDERS.items() if label.startswith(key)), pair)
    return pair[0] if lang == "fr" else pair[1]


def flags_for_export(flags: list[Flag], lang: str) -> list[dict[str, Any]]:
    """The flags as plain records for an export: severity, kind, message, evidence; no text that must not be kept."""
    out = []
    for f in flags:
        message = f.text(lang)
        evidence = f.evidence
        placeholder = export_placeholder(f, lang)
        if placeholder and evidence:
            message = message.replace(evidence, placeholder)
            evidence = placeholder
        record: dict[str, Any] = {"severity": f.severity, "kind": f.kind, "message": message}
        if evidence:
            record["evidence"] = evidence
        out.append(record)
    return out


def _counts(flags: list[Flag]) -> str:
    counts = {sev: sum(f.severity == sev for f in flags) for sev in ("error", "warning", "info")}
    return ", ".join(f"{n} {sev}{'s' if n > 1 else ''}" for sev, n in counts.items() if n) or "none"


def markdown_with_flags(text: str, flags: list[Flag], lang: str) -> str:
    """The ad's Markdown under a YAML front-matter block listing its open flags (an empty list when clean)."""
    import yaml

    meta = {"open_flags": _counts(flags), "flags": flags_for_export(flags, lang)}
    head = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=1000).rstrip()
    return f"---\n{head}\n---\n\n{text.lstrip()}"


def _comment_safe(text: str) -> str:
    # An HTML comment may not contain "--" nor end in "-"; "<" and ">" are escaped so nothing reads as markup.
    return html.escape(text, quote=False).replace("--", "‑‑")


def html_flags_comment(flags: list[Flag], lang: str) -> str:
    """The open flags as an HTML comment (one line each), to sit at the top of the exported page."""
    lines = [f"hiring-assistant open flags: {_counts(flags)}"]
    for record in flags_for_export(flags, lang):
        line = f"{record['severity'].upper()} {record['kind']}: {record['message']}"
        if record.get("evidence"):
            line += f" « {record['evidence']} »"
        lines.append(line)
    return "<!--\n" + "\n".join(_comment_safe(line) for line in lines) + "\n-->"


def html_with_flags(page: str, flags: list[Flag], lang: str) -> str:
    """An exported HTML page (or fragment) with its open flags as a comment (after the doctype, which stays first)."""
    comment = html_flags_comment(flags, lang)
    if page.startswith("<!DOCTYPE html>\n"):
        return "<!DOCTYPE html>\n" + comment + "\n" + page[len("<!DOCTYPE html>\n") :]
    return comment + "\n" + page


FLAGS_FIELD = "hiringAssistantFlags"
"""The JSON-LD download's field of open flags (absent when the ad has none, so a clean ad's markup is pure)."""


def jsonld_with_flags(data: dict[str, Any], flags: list[Flag], lang: str) -> dict[str, Any]:
    """The JobPosting with its open flags in `FLAGS_FIELD` when there are any."""
    if not flags:
        return data
    return {**data, FLAGS_FIELD: flags_for_export(flags, lang)}


def company_slug(company: str) -> str:
    """'Acme Analytics & Co' → 'acme-analytics-co' (ASCII, at most 40 characters; 'company' when nothing is left)."""
    from ..text import fold

    slug = re.sub(r"[^a-z0-9]+", "-", fold(company)).strip("-")[:40].strip("-")
    return slug or "company"


def export_filename(ad: JobAd, ext: str) -> str:
    """ad-<company-slug>-<YYYY-MM-DD>.<ext>, dated by the ad's publication date."""
    return f"ad-{company_slug(ad.company)}-{ad.date_posted.isoformat()}.{ext}"


# --------------------------------------------------------------------------- an edited ad read back


_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n+", re.DOTALL)
_EXPORT_KEYS = frozenset({"open_flags", "flags"})  # what markdown_with_flags writes


def strip_front_matter(text: str) -> str:
    """The Markdown without the front-matter block our export puts first (its flags are not part of the ad). Any
    other block between two `---` lines is left in, so the linter reads it: a renderer may show it, and a block of
    free text there hid « Réservé aux hommes de moins de 35 ans » from `check-ad` (review of da93473)."""
    import yaml

    m = _FRONT_MATTER.match(text)
    if m is None:
        return text
    try:
        meta = yaml.safe_load(m.group(0).strip().strip("-"))
    except yaml.YAMLError:
        return text
    if isinstance(meta, dict) and meta and set(meta) <= _EXPORT_KEYS:
        return text[m.end() :]
    return text


def _unmark(text: str) -> str:
    return re.sub(r"^\*+|\*+$", "", text.strip()).strip()


def ad_from_markdown(text: str, base: JobAd) -> JobAd:
    """The ad as edited: title, descriptive line, sections and pay read back from its Markdown; the facts the text
    does not restate (company, contract, place, dates) from `base`. JSON-LD and HTML exports are made from it."""
    from ..rules.compliance import parse_salary
    from .models import Salary

    text = strip_front_matter(text.replace("\r\n", "\n"))
    title = base.title
    m = re.search(r"^#[ \t]+(.+)$", text, re.MULTILINE)
    if m:
        title = m.group(1).strip()
    body = text[m.end() :] if m else text
    first_heading = re.search(r"^##[ \t]+", body, re.MULTILINE)
    head = body[: first_heading.start()] if first_heading else body
    descriptive = base.descriptive_line
    lead = re.search(r"^\*\*(.+?)\*\*", head.strip(), re.MULTILINE)
    if base.descriptive_line is not None:
        descriptive = lead.group(1).strip() if lead else None
        if descriptive and base.descriptive_line and descriptive.casefold() == base.descriptive_line.casefold():
            descriptive = base.descriptive_line
    sections: list[AdSection] = []
    by_heading = {s.heading.casefold(): s for s in base.sections}
    used: set[str] = set()
    parts = re.split(r"^##[ \t]+(.+)$", body[first_heading.start() :], flags=re.MULTILINE) if first_heading else []
    for i in range(1, len(parts), 2):
        heading, content = parts[i].strip(), parts[i + 1]
        known = by_heading.get(heading.casefold())
        position = base.sections[len(sections)] if len(sections) < len(base.sections) else None
        if known is not None:
            sid, citations = known.id, known.citations
        elif position is not None and position.id not in used:
            sid, citations = position.id, position.citations
        else:
            sid, citations = "profile", []
        used.add(sid)
        paragraphs, bullets = [], []
        for block in re.split(r"\n\s*\n", content.strip()):
            lines = [ln for ln in block.split("\n") if ln.strip()]
            if lines and all(re.match(r"^\s*[-*+]\s+", ln) for ln in lines):
                bullets += [re.sub(r"^\s*[-*+]\s+", "", ln).strip() for ln in lines]
            elif lines:
                paragraphs.append(" ".join(ln.strip() for ln in lines))
        sections.append(
            AdSection(id=sid, heading=heading, paragraphs=paragraphs, bullets=bullets, citations=citations)  # type: ignore[arg-type]
        )
    pay_text = next((" ".join(s.paragraphs + s.bullets) for s in sections if s.id == "pay"), "")
    salary = Salary(period=base.salary.period, source="none")
    parsed = parse_salary(pay_text) if pay_text else None
    # Only a fixed pay is a base salary: on-target earnings, a variable part or a day rate never become baseSalary.
    if parsed is not None and parsed.is_starting_pay and (parsed.min is not None or parsed.max is not None):
        same = (parsed.min, parsed.max) == (base.salary.min, base.salary.max)
        salary = Salary(
            min=parsed.min,
            max=parsed.max,
            currency=parsed.currency,
            period=parsed.period or base.salary.period,
            basis="gross" if parsed.gross is True else "net" if parsed.gross is False else "unspecified",
            variable=base.salary.variable if base.salary.variable and base.salary.variable in pay_text else None,
            # The recruiter's own figure counts as given; unchanged figures keep where they came from.
            source=base.salary.source if same and base.salary.source != "none" else "brief",
        )
    folded = text.casefold()
    return base.model_copy(
        update={
            "title": title,
            "descriptive_line": descriptive,
            "sections": sections,
            "salary": salary,
            "skills": [s for s in base.skills if s.casefold() in folded],
            "experience": base.experience if base.experience and base.experience.casefold() in folded else None,
            "education": base.education if base.education and base.education.casefold() in folded else None,
        }
    )
