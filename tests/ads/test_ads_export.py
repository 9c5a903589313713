"""Exports of a job ad: Markdown, escaped HTML, schema.org JobPosting JSON-LD; and sanitising model Markdown."""

from __future__ import annotations

import json
import re
from datetime import date
from html.parser import HTMLParser

import pytest

from assistant.ads import brief_from_dict, draft_job_ad
from assistant.ads.export import ad_to_html as to_html
from assistant.ads.export import ad_to_jsonld as to_jsonld
from assistant.ads.export import ad_to_markdown as to_markdown
from assistant.ads.models import AdSection, JobAd, Salary
from assistant.ads.wording import format_money
from assistant.rules.markup import sanitize_markdown

TODAY = date(2026, 11, 27)
HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)>'


def _ad(**over: object) -> JobAd:
    values: dict = {
        "title": "Account Manager (F/H)",
        "descriptive_line": "chargé·e de comptes clients",
        "company": "Acme",
        "location": "Lyon",
        "salary": Salary(min=3000, max=3400, source="brief", variable="10 % sur objectifs"),
        "date_posted": TODAY,
        "sections": [
            AdSection(id="company", heading="À propos d’Acme", paragraphs=["Acme recrute."]),
            AdSection(id="missions", heading="Vos missions", bullets=["Suivi des indicateurs", "Accompagnement"]),
            AdSection(id="pay", heading="Rémunération", paragraphs=["Salaire : 3 000 € à 3 400 € bruts mensuels."]),
        ],
        "skills": ["Culture marketing"],
    }
    values.update(over)
    return JobAd(**values)


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attrs: list[str] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.tags.append(tag)
        self.attrs.extend(name for name, _ in attrs)
        self._in_script = tag == "script"

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.scripts.append(data)


@pytest.fixture
def hostile_result(services):
    brief = brief_from_dict(
        {
            "company": f"Evil{HOSTILE}",
            "requirements": f"Maîtrise d'Excel {HOSTILE}",
            "company_pitch": HOSTILE,
            "location": "</script><script>alert(2)</script>",
            "salary": "3000 € brut mensuel",
            "seniority": "junior",
        },
        settings=services.settings,
    )
    return draft_job_ad(brief, services, today=TODAY)


@pytest.fixture
def fr_result(services):
    brief = brief_from_dict(
        {
            "company": "Acme Data",
            "seniority": "mid",
            "location": "Lyon",
            "sector": "logiciels RH",
            "key_clients": ["Decathlon", "SNCF"],
            "salary": "3800 - 4500 € brut mensuel",
            "variable_pay": "20 % sur objectifs",
            "valid_through": "2027-01-31",
            "contract": "CDI",
        },
        settings=services.settings,
    )
    return draft_job_ad(brief, services, today=TODAY)


def test_markdown_is_the_result_text(fr_result) -> None:
    md = to_markdown(fr_result)
    assert md == fr_result.text
    assert md.startswith("# Account Manager (F/H)\n")
    assert "Publiée le 27 novembre 2026" in md and "31 janvier 2027" in md
    headings = re.findall(r"^## (.+)$", md, re.M)
    assert headings == [s.heading for s in fr_result.ad.sections]


def test_html_escapes_every_user_string(hostile_result) -> None:
    page = to_html(hostile_result)
    parser = _Tags()
    parser.feed(page)
    assert "img" not in parser.tags
    assert parser.tags.count("script") == 1  # the JSON-LD block only
    assert "&lt;script&gt;" in page
    assert not [a for a in parser.attrs if a.startswith("on")]  # no event handler became an attribute
    fragment = to_html(hostile_result, standalone=False)
    assert fragment.startswith("<article") and "<script" not in fragment


def test_jsonld_script_cannot_be_closed_by_user_text(hostile_result) -> None:
    page = to_html(hostile_result)
    assert page.count("</script>") == 1
    parser = _Tags()
    parser.feed(page)
    data = json.loads("".join(parser.scripts))
    assert data["@type"] == "JobPosting"
    assert "Evil" in data["hiringOrganization"]["name"]


def test_jsonld_required_fields_match_the_visible_ad(fr_result) -> None:
    data = to_jsonld(fr_result)
    md = fr_result.text
    for key in ("title", "description", "datePosted", "hiringOrganization", "jobLocation"):
        assert data[key], key
    assert data["@context"].startswith("https://schema.org")
    assert f"# {data['title']}\n" in md
    assert data["datePosted"] == "2026-11-27" and data["validThrough"] == "2027-01-31"
    assert data["hiringOrganization"]["name"] in md
    assert data["jobLocation"]["address"]["addressLocality"] == "Lyon" and "Lyon" in md
    salary = data["baseSalary"]
    assert salary["@type"] == "MonetaryAmount" and salary["currency"] == "EUR"
    value = salary["value"]
    assert value["@type"] == "QuantitativeValue" and value["unitText"] == "MONTH"
    assert (value["minValue"], value["maxValue"]) == (3800, 4500)
    assert format_money(value["minValue"], "fr") in md and format_money(value["maxValue"], "fr") in md
    assert data["employmentType"] == "FULL_TIME"
    assert data["incentiveCompensation"] in md
    assert data["skills"] and all(skill.casefold() in md.casefold() for skill in data["skills"])
    assert data["educationRequirements"] in md and data["experienceRequirements"] in md
    assert data["responsibilities"] and all(item in md for item in data["responsibilities"])
    # description is the HTML of the visible sections
    assert "<h2>" in data["description"] and "Decathlon" in data["description"]


def test_jsonld_full_remote_is_telecommute(services) -> None:
    brief = brief_from_dict(
        {"company": "Nomad", "remote": "full remote", "location": "Paris"}, settings=services.settings
    )
    data = to_jsonld(draft_job_ad(brief, services, today=TODAY))
    assert data["jobLocationType"] == "TELECOMMUTE"
    assert data["applicantLocationRequirements"] == {"@type": "Country", "name": "France"}
    assert "jobLocation" not in data


@pytest.mark.parametrize(
    ("contract", "expected"),
    [
        ("CDI", "FULL_TIME"),
        ("CDD", "TEMPORARY"),
        ("stage", "INTERN"),
        ("freelance", "CONTRACTOR"),
        ("interim", "TEMPORARY"),
    ],
)
def test_employment_type_mapping(contract: str, expected: str) -> None:
    assert to_jsonld(_ad(contract=contract))["employmentType"] == expected


def test_jsonld_without_pay_or_place() -> None:
    data = to_jsonld(_ad(salary=Salary(), location=None))
    assert "baseSalary" not in data
    assert data["jobLocation"]["address"] == {"@type": "PostalAddress", "addressCountry": "FR"}


def test_yearly_salary_unit() -> None:
    data = to_jsonld(_ad(salary=Salary(min=40000, max=48000, period="year", source="brief")))
    assert data["baseSalary"]["value"]["unitText"] == "YEAR"


# --------------------------------------------------------------------------- sanitize_markdown


@pytest.mark.parametrize(
    "hostile",
    [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        '<a href="javascript:alert(1)">x</a>',
        "<iframe src=https://evil.example></iframe>",
        "<svg onload=alert(1)>",
        "<!-- <script>alert(1)</script> -->",
        "<IMG SRC=x ONERROR=alert(1)",
    ],
)
def test_sanitize_strips_raw_html(hostile: str) -> None:
    out = sanitize_markdown(f"Bonjour {hostile} fin")
    assert "<" not in out.replace("&lt;", "")
    assert "alert(1)</" not in out and "<script" not in out.lower()
    assert out.startswith("Bonjour") and out.endswith("fin")


@pytest.mark.parametrize(
    ("md", "kept"),
    [
        ("![logo](https://evil.example/track.png)", "logo"),
        ("![](http://evil.example/p.gif) texte", " texte"),
        ("![x][ref]\n\n[ref]: https://evil.example/a.png", "x"),
        ("[clic](javascript:alert(1))", "clic"),
        ("[clic](JavaScript:alert(1))", "clic"),
        ("[clic]( jav&#x61;script:alert(1) )", "clic"),
        ("[clic](data:text/html;base64,PHNjcmlwdD4=)", "clic"),
        ("[clic](vbscript:msgbox)", "clic"),
    ],
)
def test_sanitize_removes_images_and_script_links(md: str, kept: str) -> None:
    out = sanitize_markdown(md)
    assert kept in out
    assert "![" not in out and "evil.example/track" not in out and ".gif" not in out
    for bad in ("javascript", "data:", "vbscript", "&#x61;"):
        assert bad not in out.lower()


def test_sanitize_keeps_ordinary_markdown() -> None:
    md = "# Titre\n\n**Gras** et *italique*, [le guide](https://example.org/guide) et [ancre](#section).\n\n- item\n"
    assert sanitize_markdown(md) == md
    assert sanitize_markdown("") == ""
    assert sanitize_markdown("salaire < 3000 €") == "salaire &lt; 3000 €"
    assert sanitize_markdown("<https://example.org>") == "https://example.org"


@pytest.mark.parametrize(
    "payload",
    [
        "![a [b] c](http://evil.example/p.png)",
        "![a [b [c]] d](//evil.example/p.png)",
        "[a [b] c](javascript:alert(1))",
        "[x [y]](  javascript:alert(1) )",
    ],
)
def test_nested_brackets_do_not_smuggle_images_or_script_links(payload: str) -> None:
    import markdown_it

    from assistant.rules.markup import sanitize_markdown

    html_out = markdown_it.MarkdownIt("commonmark").render(sanitize_markdown(payload))
    assert "<img" not in html_out and "javascript:" not in html_out.split("href=")[-1].split(">")[0]
    assert 'href="javascript' not in html_out
