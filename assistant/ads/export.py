"""Exports of a job ad: Markdown, HTML (every user string escaped), schema.org JobPosting JSON-LD.

Also `sanitize_markdown`, for showing model-written Markdown in the UI without raw HTML, images or script links.
"""

from __future__ import annotations

import html
import json
from typing import Any

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
    from .wording import CONTRACT_LABELS, REMOTE_LABELS

    lang = ad.language
    parts = [_capital(CONTRACT_LABELS[lang][ad.contract])]
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


def _script_json(data: dict[str, Any]) -> str:
    # "<" escaped so that no string can close the <script> element.
    return (
        json.dumps(data, ensure_ascii=False, indent=2)
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
        f'<script type="application/ld+json">\n{_script_json(ad_to_jsonld(ad))}\n</script>\n'
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
