"""People's names in notes and questions, found so that they can be pseudonymised before a remote LLM call.

GDPR (art. 4(5), 25) and the CNIL's recruitment guide ask to minimise and pseudonymise personal data before sending
it to a third party; a remote LLM is one (../shared/standards.md). The other finders (pii.py) cover what has a
shape (an e-mail, a phone, a NIR); a name has none, so this module reads signals, precision first:

- a label at the start of a line: « Candidat : Jean Dupont », "Interviewer: Claire Martin", « Nom : DUPONT » ;
- a title: « M. Dupont », « Mme Benali », "Mr. Smith", "Dr Patel" ;
- a greeting or a sign-off in a quoted e-mail: « Bonjour Julie, », "Hi Tom", « Cordialement,\\nMarc Lefèvre » ;
- a common first name (a list written here, French, English and other names common in France), with the capitalised
  words that follow it (« Jean-Baptiste Kowalski », "Sarah O'Neil") or an upper-case surname before it
  (« DUPONT Marie »). First names that are also words (« Claire », "Grace", "Will", « Pierre ») count only inside
  a sentence or before a surname, never when they merely start a sentence (« Claire et précise, sa démo… »);
- every other occurrence of a name word found so (« Kowalski a bien reformulé » after the label line).

Names are not flagged: writing a candidate's name in notes is normal. They are only replaced, by `[NAME_n]`
placeholders (pii.redact(..., names=True)), in what a remote model receives. A name no signal reaches
(« Kowalski » alone, with no label, title or first name anywhere) is missed.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable

from ..text import fold


def _letter_class(test: str) -> str:
    """A character class of the Latin, Greek and Cyrillic letters for which str.`test` holds, as ranges: names are
    written « Dąbrowska », « Łukasz », « Nguyễn », « Петров » too, not only in Latin-1."""
    blocks = ((0x41, 0x24F), (0x370, 0x3FF), (0x400, 0x52F), (0x1E00, 0x1EFF))
    chars = [chr(c) for lo, hi in blocks for c in range(lo, hi + 1) if getattr(chr(c), test)() and chr(c).isalpha()]
    ranges: list[list[str]] = []
    for ch in chars:
        if ranges and ord(ch) == ord(ranges[-1][1]) + 1:
            ranges[-1][1] = ch
        else:
            ranges.append([ch, ch])
    return "".join(a if a == b else f"{a}-{b}" for a, b in ranges)


_UP = _letter_class("isupper")
_LO = _letter_class("islower")
# One word of a name: "Jean", "Jean-Baptiste", "O'Neil-McCarthy", "McDonald", "DUPONT", "LE-GOFF", « DUPONT-Moretti »,
# "N." (an initial).
_WORD = re.compile(
    # after no letter, or after an elision (« d'Antoine », « qu'Antoine ») or an opening quote ("'Sarah'")
    r"(?:(?<![\w'’\-])|(?<=\b[dlDL]['’])|(?<=[qQ]u['’])|(?<=^['‘’])|(?<=[\s(\[«“\":>]['‘’]))"
    rf"(?:(?:[{_UP}]['’])?[{_UP}][{_LO}]+(?:[{_UP}][{_LO}]+)?(?:-[{_UP}]?[{_LO}]+(?:[{_UP}][{_LO}]+)?)*"
    rf"|[{_UP}]{{2,}}(?:[\-'’](?:[{_UP}]{{2,}}|[{_UP}][{_LO}]+))*"
    rf"|[{_UP}]\.(?=\s|$)"
    rf"|[{_LO}]+(?:-[{_LO}]+)*)(?![\w\-])"
)
_PARTICLES = frozenset("de du des la le van von der den di da dos do el al ben bin ibn".split())
_ELIDED_PARTICLES = frozenset("d l".split())  # « d'Amico », « d'Estaing », « l'Hermite »
_HONORIFICS = frozenset(
    "m. mme mme. mlle mlle. monsieur madame mademoiselle mr mr. mrs mrs. ms ms. miss dr dr. docteur maître pr".split()
)
_GREETINGS = frozenset("bonjour bonsoir salut coucou hello hi hey dear cher chère merci thanks".split())
_SIGN_OFFS = re.compile(
    r"(?im)^[ \t>]*(?:cordialement|bien (?:à vous|cordialement)|bonne (?:journée|soirée)|belle journée|merci|"
    r"best(?: regards)?|kind regards|regards|cheers|thanks|many thanks|sincerely|à bientôt|bises)[ \t]*+(?:[,.!][ \t]*+)?\r?$"
)
# A label whose value is a person: at the start of a line (after a bullet, a quote mark or the "[12] " the LLM's
# numbered notes put there), then ":" or a dash, in bold or not (« **Candidat :** », « __Name__: »), with Word's
# no-break spaces. The value may open with bold or a quote mark, or stand alone on the next line. The labels in the
# group `person` only ever name a person; the others (« Manager : », « Contact : », "From:") may name a company.
_BLANK = "[ \\t\u00a0\u202f]"
_LABEL = re.compile(
    rf"(?im)^[ \t>*•\-#|]*+(?:\[\d+\][ \t]*)?(?:\*\*|__)?"
    r"(?:(?P<person>candidat(?:e|\(e\)|·e)?(?:[ \t]*(?:n°[ \t]*)?\d{1,2})?|candidate(?: name| \d{1,2})?|"
    r"nom(?: du candidat| de la candidate| complet| et pr[ée]nom| pr[ée]nom| de famille)?|pr[ée]nom(?: et nom| nom)?|"
    r"(?:full |first |last |family )?name|interviewee|interviewé(?:e)?|interviewers?|intervieweur|intervieweuse|"
    r"recruteur|recruteuse|recruiter|évaluateur|évaluatrice|assessor|hiring manager|référent(?:e)?|referee|"
    r"auteur|author|notes? (?:de|by|par))|"
    r"manager|reference|référence|contact|from|de|à|to|cc|par|by)"
    rf"(?:\*\*|__)?{_BLANK}*+[:：\-–—|](?:\*\*|__)?{_BLANK}*+(?:(?:\r?\n[ \t]*+){{1,2}}(?:[-*•][ \t]++)?)?"
    rf"(?:(?:\*\*|__|[«“\"‘']){_BLANK}*+)?"
)
# What may follow a label's one-word value on its line for the word to be the whole value: « Kowalski », "Okafor (B)".
_VALUE_END = re.compile(rf"{_BLANK}*(?:\*\*|__|[»”\"’'])?{_BLANK}*(?:[,;.(\-–—|].*)?$")
# An e-mail address in angle brackets: the words right before it name its owner (« Bram Kowalski <bram@acme.com> »).
_ADDRESS = re.compile(r"<[^<>\s@]{1,64}@[^<>\s]{1,255}>")
# A sign-off's name: on the next line, or after one empty line, in a quoted e-mail or in bold; then its end of line may
# hold bold or a job title after a separator (« Bram Kowalski | Talent Partner »).
_SIGN_OFF_GAP = re.compile(r"\r?\n(?:[ \t>]*\r?\n)?[ \t>*_]*")
_SIGN_OFF_REST = re.compile(r"[ \t*_]*(?:[|,–—\-].*)?\r?")
# Capitalised words that are no one's name in notes: roles, tools, days, months, languages, sentence words.
_NOT_NAMES = frozenset(
    """
    account manager managers sales head senior junior director directeur directrice responsable business developer
    key customer success team lead chief officer ceo cto cfo coo vp sdr bdr kam am rh drh hr talent acquisition
    recruitment recrutement poste role rôle job offre candidat candidate candidature entretien interview visio call
    appel teams zoom meet google salesforce hubspot pipedrive linkedin slack notion excel crm erp saas b2b b2c
    lundi mardi mercredi jeudi vendredi samedi dimanche monday tuesday wednesday thursday friday saturday sunday
    janvier février fevrier mars avril mai juin juillet août aout septembre octobre novembre décembre decembre
    january february march april may june july august september october november december
    anglais français francais allemand espagnol italien english french german spanish italian
    le la les un une des the a an and et ou or of de du en in on au aux pour for with avec sans très tres bien
    bon bonne good great ok oui non yes no na nb ps pdf cv url todo asap rdv tél tel mail email e-mail
    paris lyon marseille lille bordeaux nantes toulouse london londres france europe remote télétravail
    hunter farmer monsieur madame mademoiselle mr mrs ms dr sir madam all everyone hiring beaucoup
    date duration durée duree phone téléphone telephone score statut status source location lieu company entreprise
    strong weak hire retenu retenue rejeté rejetée rejete refusé refusée interne externe anonyme motivé motivée
    excellent excellente solide moyen moyenne faible compétences competences skills profil profile avis feedback
    synthèse synthese summary résumé resume notes note closer top bof validé validée pending tbd cdi cdd stage
    alternance intérim interim freelance marketing président présidente president pdg dg dsi daf finance finances
    achats direction support commercial commerciale comptabilité compta juridique
    je j' il elle on nous vous ils elles i we he she they it this that ce cet cette ça mais but so donc alors puis then
    """.split()
)
# First names, written here: common in France across generations, in English-speaking countries, and in France's
# larger communities. Not exhaustive; a name outside the list still needs another signal.
_FIRST_NAMES = frozenset(
    """
    adam adèle adele adrien agathe agnès agnes ahmed aicha aïcha alain alexandra alexandre alexis alice alicia aline
    amandine amélie amelie anaïs anais andré andre andrée anne annie anthony antoine antonin apolline arnaud arthur
    audrey augustin aurélie aurelie aurélien aurelien axel baptiste bastien béatrice beatrice benjamin benoît benoit
    bernard bertrand brigitte bruno camille carole caroline catherine cécile cecile céline celine chantal chloé chloe
    christelle christian christine christophe clara clémence clemence clément clement colette corentin corinne cyril
    damien daniel danielle david delphine denis denise didier dominique dylan éléonore elisa élisa élise elise
    emma emmanuel emmanuelle enzo éric eric estelle ethan étienne etienne eva evelyne fabien fabienne fabrice fanny
    florian francis franck françois francois françoise francoise frédéric frederic frédérique gabriel gabrielle
    gaëlle gaelle gaëtan gaetan geneviève genevieve georges gérard gerard ghislaine gilles gisèle guillaume gwenaëlle
    hélène helene henri hervé herve hugo inès ines irène isabelle jacqueline jacques jean jeanne jérémy jeremy
    jérôme jerome joël joel jonathan joseph josiane julia julie julien juliette justine karine kevin kévin laetitia
    laëtitia laura laure laurence laurent léa lea léo leo léon leon lina lisa loïc loic louis louise luc lucas lucie
    ludovic lydie madeleine maël mael maëlle manon marc marcel margaux margot marie marine marion martine mathéo
    matheo mathieu mathilde mathis matthieu maxime mélanie melanie michaël michael michel micheline michèle mickaël
    monique morgane muriel mylène nadine nathalie nathan nicolas nicole noé noah noémie noemie océane oceane olivier
    pascal pascale patrice patricia patrick paul pauline philippe pierre quentin raphaël raphael rémi remi renée
    richard robert romain sabine sacha samuel sandra sandrine sarah sébastien sebastien serge simon simone solène
    solange sophie stéphane stephane stéphanie stephanie suzanne sylvain sylvie thibault thibaut thierry thomas
    timothée tom valentin valérie valerie vanessa véronique veronique victor vincent virginie yann yannick yves
    yvette yvonne zoé zoe
    aaron abigail alan albert alex alexander amanda amy andrew angela anna anthony ashley barbara ben benjamin betty
    brandon brian carl carlos charles charlie chris christopher cynthia dan daniel deborah debra dennis donald donna
    dorothy douglas edward elizabeth emily eric ethan evelyn gary george greg gregory hannah harry heather helen
    henry isaac jacob james jamie jane janet jason jeff jeffrey jennifer jessica joan john jonathan joseph joshua
    joyce judith justin karen katherine kathleen kelly kenneth kevin kimberly kyle larry laura lauren linda lisa
    lucy margaret maria marie mary matthew megan melissa michelle mike nancy nicholas nicole oliver olivia pamela
    patrick paul peter rachel rebecca richard robert ronald ryan samantha sandra sarah scott sean sharon shirley
    sophia stephanie stephen steven susan thomas timothy tyler virginia walter william zachary
    abdel abdelkader abdallah ali amina amine anissa aya bilal djamel fatima fatou fatoumata farid hamza hassan
    ibrahim idriss ilyes imane inès kader karim khadija leila leïla malik mamadou mehdi mohamed mohammed moussa nabil
    nadia nassim naïma nora omar rachid rayan samir sofiane sonia souad walid yacine yasmine yassine youssef zineb
    ana joão joao josé jose manuel carla lucia giulia marco luca andrea giovanni francesca pablo diego javier elena
    anastasia natalia olga ivan dmitri igor katarzyna piotr agnieszka tomasz nguyen linh mei wei chen li ming yuki
    kenji hiroshi priya rahul anjali arjun deepak
    émilie emilie théo theo claude jules cédric cedric grégory gregory ève élodie elodie héloïse heloise
    mathias gaspard lola romane maëva maeva mattéo matteo nolan timéo timeo eliott liam maxence diane valentine
    mila alix hortense marius achille félix felix léonie leonie lise tristan xavier yohan yanis jordan steve steven
    cindy sabrina séverine severine magali marjorie nadège nadege odile bérénice berenice ophélie ophelie
    gwendoline clotilde perrine aude armelle bénédicte benedicte blandine emeline maud gaël gael erwan ronan killian
    kylian mathys evan louane lilou ludivine aurélia aurelia jessy mélissa melissa sylvia tiphaine wassim ilyès
    łukasz lukasz krzysztof wojciech małgorzata malgorzata paweł pawel michał michal
    """.split()
)
# First names that are also words. Capitalised, they count only inside a sentence or before a surname (« Claire et
# précise » and « Grâce à son réseau » start sentences); in lower case they never count (nor do names under four letters).
_AMBIGUOUS = frozenset(
    """
    claire rose olive prune marine constance victoire aurore ambre jade perle capucine charlotte madeleine florence
    grâce grace hope joy will mark bill frank jack guy max ray sandy carol dean nancy
    """.split()
)
_WORDS_IN_LOWER_CASE = _AMBIGUOUS | frozenset(
    "jean marie maxime manuel pascal richard serge amine justin pierre clément clement romain marc olivier lise romane".split()
)
# First names that are also places: after « à » or "in" alone, a place (« basé à Nancy »; « avec Florence » is a person).
# (stop 38: countries, states and cities that are first names too: « Expansion en Jordan », "based in Georgia")
_PLACES = frozenset(
    "nancy florence lorraine valence jordan georgia india israel chad charlotte victoria sydney austin orlando adelaide "
    "savannah".split()
)
_BEFORE_PLACE = frozenset("à en in at near sur vers près".split())  # not « a »: « Elle a Charlotte comme manager »
# First names that are also AI assistants: among tools of that kind, a tool (« Utilise Claude et ChatGPT »).
_ASSISTANTS = frozenset("claude".split())
# A tool right beside it in a list (« Claude et ChatGPT », "ChatGPT, Claude and Copilot", « l'IA (Claude) »); « j'ai »
# and "Claude travaille chez Mistral" do not count (review of stop 38).
_AI_TOOL = (
    r"(?:ChatGPT|chatgpt|Chat\s?GPT|GPT(?:-?\d\w*)?|Copilot|Gemini|Perplexity|LLMs?|\b(?:IA|AI)|Anthropic|OpenAI)"
)
_AI_TOOLS_BEFORE = re.compile(_AI_TOOL + r"\s*(?:,|/|&|\(|\bet\b|\band\b|\bou\b|\bor\b)\s*$")
_AI_TOOLS_AFTER = re.compile(r"\s*(?:,|/|&|\)|\bet\b|\band\b|\bou\b|\bor\b)\s*" + _AI_TOOL + r"\b")
# Words kept from names elsewhere (a role, a city, a month) that are surnames too, right after a known first name:
# « Sarah Hunter », « Julie Paris ».
_SURNAMES_TOO = frozenset("hunter farmer paris france avril juin lyon london".split())
# Surnames that are words too (folded): once a signal found « Julien Petit », its other capitalised spellings are the
# name, but « un petit portefeuille » stays a word. Other surnames found are names in lower case or without their
# accents too (« durand », « lefevre », « LEFEVRE » after « M. Lefèvre »): notes are typed fast (stop 39).
_SURNAMES_ALSO_WORDS = frozenset(
    """
    petit grand blanc brun noir roux gros fort long court bon beau doux franc sage vrai marin marchand boucher berger
    meunier chevalier fontaine moulin bonnet mercier masson roche riviere renard loup leloup lievre pigeon mouton
    corbeau rossignol poirier chene marechal maire lemaire roy rey leroy page salle vallee bois dubois boulanger
    barbier charpentier couturier fournier pelletier tessier vigneron jardin jardinier chauvin gaillard garnier
    young brown white black green gray grey king smith baker miller cook taylor hill wood stone bell carter mason
    park little rich sharp best hope rose lane ward hall grant bishop cross fox bird price rice day north west wells
    banks field ford moon frost short strong good fair bond wolf fisher hunter farmer walker turner butler cooper
    porter parker painter singer dean chase hart love joy ray may will mark frank
    leger courtois clair jeune parent gentil cousin masse breton sauvage normand lelong legros petitjean bonhomme
    major power keen swift bright small case story gold nice free wise bush noble rich moody
    """.split()
)
_FIRST_NAMES = _FIRST_NAMES | _AMBIGUOUS
_BEFORE_SENTENCE = " \t>*•-–—\"'«“()[]0123456789"


def _starts_sentence(text: str, pos: int) -> bool:
    """Only spaces, quotes, bullets or a list number between `pos` and the start of the text, a line, or ". ! ? : ;"."""
    i = pos
    while i > 0 and pos - i < 40 and text[i - 1] in _BEFORE_SENTENCE:
        i -= 1
    return i == 0 or text[i - 1] in ".!?:;…\n\r"


def _is_cap(word: str) -> bool:
    return word[:1].isupper()


def _known_first_name(word: str) -> bool:
    """A first name of the list, or a compound of them (« Anne-Sophie », « Jean-Baptiste »)."""
    low = word.lower()
    return low in _FIRST_NAMES or ("-" in low and all(part in _FIRST_NAMES for part in low.split("-")))


def is_first_name(word: str) -> bool:
    """Whether `word` is a first name of the list (« Paul », « Anne-Sophie »), whatever its case."""
    return _known_first_name(word)


def _surname_like(word: str) -> bool:
    """A capitalised word that can be a surname: not a role, a tool, a day or a sentence word."""
    return _is_cap(word) and word.lower().rstrip(".") not in _NOT_NAMES and not _initial(word)


def _initial(word: str) -> bool:
    return len(word) == 2 and word[1] == "." and word[0].isupper()


def _adjacent(text: str, end: int, start: int) -> bool:
    """Only spaces, tabs or no-break spaces (no line break, no punctuation) between two words."""
    gap = text[end:start]
    return 0 < len(gap) <= 3 and not gap.strip(" \t\u00a0\u202f\u2009\u2007\u200a")


def _step(text: str, words: list[re.Match[str]], i: int) -> int | None:
    """The next word of a name run after words[i]: the capitalised word or initial right after it (over a particle,
    « de Villiers »), or None where the run ends."""
    j = i + 1
    if j >= len(words) or not _adjacent(text, words[i].end(), words[j].start()):
        return None
    if _is_particle(text, words, j):
        return _after_particles(text, words, j)
    w = words[j].group()
    if w.lower() in _SURNAMES_TOO and _is_cap(w) and _known_first_name(words[i].group()):
        return j  # « Sarah Hunter »
    return j if _surname_like(w) or _initial(w) else None


def _is_particle(text: str, words: list[re.Match[str]], j: int) -> bool:
    """« de », « van », « du »…, or an elided « d' » / « l' » (« d'Amico »)."""
    low = words[j].group().lower()
    return low in _PARTICLES or (low in _ELIDED_PARTICLES and text[words[j].end() : words[j].end() + 1] in ("'", "’"))


def _after_particles(text: str, words: list[re.Match[str]], j: int) -> int | None:
    """The surname after the particles that start at words[j] (« de la Fontaine », « van der Berg », « Le Goff »,
    « d'Amico »), up to three of them, or None when no capitalised surname follows."""
    for _ in range(3):
        if not _is_particle(text, words, j):
            break
        if j + 1 >= len(words):
            return None
        gap = text[words[j].end() : words[j + 1].start()]
        elided = words[j].group().lower() in _ELIDED_PARTICLES
        if not (gap in ("'", "’") if elided else _adjacent(text, words[j].end(), words[j + 1].start())):
            return None
        j += 1
    return j if _surname_like(words[j].group()) else None


def _extend(
    text: str,
    words: list[re.Match[str]],
    i: int,
    ends: dict[int, int],
    *,
    before: bool = True,
    weak: set[int] | None = None,
) -> tuple[int, int]:
    """The run of name words around words[i]: the capitalised words (and particles between them) that follow it, and
    an upper-case surname right before it (« DUPONT Marie »). Returns word indices (first, last).

    A run read from words[i] goes on exactly as the run read from the word it steps to, so `ends` keeps where each
    word's run ends: a run of 20,000 first names (« Jean Jean … ») is walked once, not once per word."""
    chain: list[int] = []
    j: int | None = i
    last = i
    while j is not None:
        if j in ends:
            last = ends[j]
            break
        chain.append(j)
        last = j
        j = _step(text, words, j)
    for c in chain:
        ends[c] = last
    first = i
    if before and i > 0 and _adjacent(text, words[i - 1].end(), words[i].start()):
        w = words[i - 1].group()
        if w.isupper() and len(w) >= 2 and _surname_like(w):
            first = i - 1
        elif _surname_first(text, words, i, last):
            first = i - 1
            if weak is not None:
                weak.add(i - 1)  # a weak signal: not spread to other spellings (below)
    return first, last


# a list item's bullet or number, or a colon, comma or semicolon before the pair (not a bare line start: « Selon
# Marc, … » starts a sentence)
# (review of stop 46) …or a dash between spaces, as in a title line (« Notes - Rousseau Thomas - 12/03 »)
_LISTED_BEFORE = re.compile(r"(?:(?:\A|\n)[ \t>]*(?:[*•\-–—]|\d{1,3}[.)])[ \t]*|[:,;][ \t]*|[ \t][-–—][ \t]+)\Z")
_LISTED_AFTER = re.compile(r"[ \t]*(?:$|\r?\n|[:,;.(|–—]|-\s)")
# (stop 42) …or the pair opening a line, a separator right after it (« Dupont Sophie, 7 ans d'AM », "Garnier Élodie :
# 5 ans AM", « Rousseau Thomas - 40 comptes »): a name heading its line; not « Hier Julie a rappelé »
_LINE_START_BEFORE = re.compile(r"(?:\A|\n)[ \t>]*\Z")
_SEPARATOR_AFTER = re.compile(r"[ \t]*(?:[:,;(|–—]|-\s)")
# Words that open a line before a first name and are no surname (« Selon Marc, … », « Rappeler Julie : », "Per Tom,
# …", « Côté Sophie : »)
_HEADING_WORDS = frozenset(
    """
    selon après apres avant chez côté cote par sur sous vers dixit comme hier demain aujourd'hui ensuite enfin voici
    voilà voila bravo attention relancer rappeler appeler contacter voir revoir recontacter prévenir prevenir informer
    demander envoyer inviter remercier féliciter feliciter ping call ask email tell remind check see meet thank thanks
    per via from to by re fw fwd cc cf update retour debrief point suivi question questions pour avec sans quid idem
    merci super top génial genial parfait perfect great nice cool well so sorry désolé desole salut coucou hello
    """.split()
)


def _capitalised_name(word: str) -> bool:
    """« Dupont », or a double-barrelled « Dupont-Moreau » (review of stop 46), each part of three letters or more; not
    "Go-To-Market" nor « DUPONT » (an upper-case surname has its own rule)."""
    parts = word.split("-")
    if len(parts) == 1:
        return word[1:].islower()
    return all(len(p) >= 3 and p[0].isupper() and p[1:].islower() for p in parts)


def _surname_first(text: str, words: list[re.Match[str]], i: int, last: int) -> bool:
    """« avec Dupont Jean »: a capitalised word right before a first name that ends its run, inside a sentence (a
    word starting one is capitalised for its place: « Hier Julie… »), not a role, a tool, a title or a greeting."""
    w = words[i - 1].group()
    low = w.lower()
    before = words[i - 2].group() if i >= 2 else ""
    in_sentence = before.islower() and _adjacent(text, words[i - 2].end(), words[i - 1].start())
    # a list of names, one per item or after a colon (« 1. Dupont Jean », « - Dupont Jean : ok », « vus : Dupont
    # Jean, Benali Sarah »): the pair is the whole item, a separator or the line's end right after it
    pos = words[i - 1].start()
    lead = text[max(0, pos - 16) : pos]  # a bounded look back: a scan from the text's start would be quadratic
    listed = (
        bool(_LISTED_BEFORE.search(lead) and _LISTED_AFTER.match(text, words[i].end())) and low not in _HEADING_WORDS
    )
    heading = (
        bool(_LINE_START_BEFORE.search(lead) and _SEPARATOR_AFTER.match(text, words[i].end()))
        and low not in _HEADING_WORDS
    )
    listed = listed or heading
    return (
        last == i
        and (in_sentence or listed)  # « avec Dupont Jean », not « → Rappeler Julie » nor "Amazing Julie"
        and _known_first_name(words[i].group())
        and _surname_like(w)
        and _capitalised_name(w)
        and low not in _GREETINGS
        and low not in _HONORIFICS
        and low not in _PARTICLES
        and (heading or not _known_first_name(w))  # « Martin Sophie, … » heading a line: both are name words
        and (listed or not _starts_sentence(text, words[i - 1].start()))
    )


def name_spans(text: str, known: Iterable[str] = ()) -> list[tuple[int, int]]:
    """Spans of `text` that name a person (see the module's docstring), sorted, not overlapping. `known`: names
    found elsewhere (in the whole notes, when `text` is a cut of them), whose every occurrence is a name here too."""
    if not text:
        return []
    words = list(_WORD.finditer(text))
    if not words:
        return []
    runs: list[tuple[int, int]] = []
    word_starts = [m.start() for m in words]

    def word_at_or_after(pos: int) -> int | None:
        k = bisect_left(word_starts, pos)
        return k if k < len(words) else None

    ends: dict[int, int] = {}
    weak: set[int] = set()  # surnames found only before a first name (« avec Dupont Jean »)
    # Labels: the value right after the label, on its line or alone on the next one. One capitalised word that is
    # not a known first name is a name after a label that only names a person, when it is the whole value
    # (« Candidat : Kowalski », not « Candidat : Solide sur la découverte »).
    for m in _LABEL.finditer(text):
        k = word_at_or_after(m.end())
        if k is None or word_starts[k] != m.end():
            continue
        value = words[k].group()
        if _initial(value) and value.lower() not in _HONORIFICS and _step(text, words, k) == k + 1:
            runs.append((k, _extend(text, words, k, ends, before=False)[1]))  # « Candidat : J. Dupont »
            continue
        surname = _after_particles(text, words, k) if _is_particle(text, words, k) else None
        if surname is not None:  # « Nom : Le Goff », « Nom : LE GOFF »
            runs.append((k, _extend(text, words, surname, ends, before=False)[1]))
            continue
        if not _surname_like(value):
            continue
        first, last = _extend(text, words, k, ends, before=False)
        line_end = text.find("\n", m.end())
        line_end = len(text) if line_end < 0 else line_end
        # « Kowalski, Bram »: a surname, a comma and one first name that ends the value
        if (
            last == first
            and last + 1 < len(words)
            and text[words[last].end() : words[last + 1].start()] == ", "
            and _surname_like(words[last + 1].group())
            and _VALUE_END.fullmatch(text[words[last + 1].end() : line_end].rstrip("\r"))
        ):
            last += 1
        rest = text[words[last].end() : line_end]
        whole = _VALUE_END.fullmatch(rest.rstrip("\r")) is not None
        if "\n" in m.group() and not whole:
            continue  # the next line is a sentence, not a value
        if last > first or _known_first_name(value) or value.isupper() or (m.group("person") and whole):
            runs.append((first, last))
    # Sign-offs: a line of one to four capitalised words right after « Cordialement, » and the like.
    for m in _SIGN_OFFS.finditer(text):
        k = word_at_or_after(m.end())
        if k is None:
            continue
        if not _SIGN_OFF_GAP.fullmatch(text, m.end(), words[k].start()):
            continue
        first, last = _extend(text, words, k, ends, before=False)
        line_end = text.find("\n", words[k].start())
        line_end = len(text) if line_end < 0 else line_end
        rest_ok = _SIGN_OFF_REST.fullmatch(text, words[last].end(), line_end)
        if _surname_like(words[k].group()) and last - first <= 3 and rest_ok:
            runs.append((first, last))
    # E-mail headers: the words right before an address in angle brackets (« Bram Kowalski <bram@acme.com> »,
    # "From: Kowalski, Bram <bram.k@acme.com>"): up to four capitalised words, one comma between them at most.
    for m in _ADDRESS.finditer(text):
        k = bisect_left(word_starts, m.start()) - 1
        if k < 0 or text[words[k].end() : m.start()] not in (" ", "\u00a0", ""):
            continue
        first, commas = k, 0
        while first > 0 and k - first < 3:
            gap = text[words[first - 1].end() : words[first].start()]
            comma = gap == ", " and commas == 0
            if not (comma or _adjacent(text, words[first - 1].end(), words[first].start())):
                break
            if not (_surname_like(words[first - 1].group()) or _is_particle(text, words, first - 1)):
                break
            commas += comma
            first -= 1
        if _surname_like(words[first].group()) and _surname_like(words[k].group()):
            runs.append((first, k))
    for k, m in enumerate(words):
        w = m.group()
        low = w.lower()
        prev = words[k - 1].group().lower() if k else ""
        prev_adjacent = k > 0 and _adjacent(text, words[k - 1].end(), m.start())
        # Titles and greetings: the capitalised word right after them. A full stop may follow a title (« Dr. Martin »)
        # but not a greeting, whose full stop ends a sentence (« Merci. Pourtant… »).
        gap = text[words[k - 1].end() : m.start()] if k else ""
        after_title = gap in (" ", "\u00a0") or (gap in (". ", ".\u00a0") and f"{prev}." in _HONORIFICS)
        if (
            (prev_adjacent or after_title)
            and (prev in _HONORIFICS or f"{prev}." in _HONORIFICS or prev in _GREETINGS)
            and words[k - 1].group() != "MS"  # Microsoft (« MS Dynamics »), not a title
        ):
            if _surname_like(w):
                runs.append(_extend(text, words, k, ends))
                continue
            particle = prev not in _GREETINGS and _is_particle(text, words, k)
            surname = _after_particles(text, words, k) if particle else None
            if surname is not None:  # « M. Le Goff », « Mme de Villepin »
                runs.append((k, _extend(text, words, surname, ends, before=False)[1]))
                continue
        if not _known_first_name(w) or len(w) < 3:
            # « Bram V. », "Noor A.": a capitalised word and an initial, inside a sentence, name someone too.
            nxt = words[k + 1].group() if k + 1 < len(words) else ""
            if (
                _surname_like(w)
                and w[1:].islower()
                and _initial(nxt)
                and _adjacent(text, m.end(), words[k + 1].start())
                and not _starts_sentence(text, m.start())
            ):
                runs.append((k, k + 1))
            continue
        if not _is_cap(w):
            if low in _WORDS_IN_LOWER_CASE or len(low) < 4:
                continue  # « rose », « pierre », "will", « léa »: words, or too short to tell
            runs.append((k, k))
            continue
        first, last = _extend(text, words, k, ends, weak=weak)
        if (
            low in _PLACES
            and last == k
            and first == k
            and prev in _BEFORE_PLACE
            and not text.startswith(("'s", "’s"), m.end())  # "in Jordan's office": a person
        ):
            continue
        if low in _ASSISTANTS and last == k and first == k:
            if _AI_TOOLS_BEFORE.search(text[max(0, m.start() - 30) : m.start()]) or _AI_TOOLS_AFTER.match(
                text[m.end() : m.end() + 30]
            ):
                continue
        if low in _AMBIGUOUS and last == k and first == k:
            # « Claire et précise » starts a sentence; "with Claire about pricing" does not.
            if _starts_sentence(text, m.start()) or w.isupper():
                continue
        runs.append((first, last))
    # Every other occurrence of a name word found so far (exact spelling or upper case).
    found_words = {
        words[j].group()
        for first, last in _merged(runs)
        for j in range(first, last + 1)
        if len(words[j].group()) > 2 and words[j].group().lower() not in _PARTICLES and not _initial(words[j].group())
    }
    found_words |= {
        w.group()
        for name in known
        for w in _WORD.finditer(name)
        if len(w.group()) > 2 and w.group().lower() not in _PARTICLES and _is_cap(w.group())
    }
    # The parts of a hyphenated name found (« Durand-Martin »: « Durand », « Martin » later).
    found_words |= {
        part for w in list(found_words) if "-" in w for part in w.split("-") if len(part) > 2 and _is_cap(part)
    }
    # « DUPONT » found, « Dupont » is the same name (and the other way round; « LE-GOFF », « Le-Goff »).
    spellings = found_words | {w.upper() for w in found_words} | {_capitalised(w) for w in found_words if w.isupper()}
    # The same name in lower case or without its accents (« durand », « lefevre », « LEFEVRE »), but for names that are
    # words too and short ones (see _SURNAMES_ALSO_WORDS, _WORDS_IN_LOWER_CASE).
    strong = {words[j].group() for first, last in _merged(runs) for j in range(first, last + 1) if j not in weak}
    weak_only = {words[j].group() for j in weak} - strong
    loose = {
        fold(w)
        for w in found_words
        if w not in weak_only
        and len(w) >= 4
        and w.lower() not in _WORDS_IN_LOWER_CASE
        and fold(w) not in _SURNAMES_ALSO_WORDS
        and not _known_first_name(w)  # first names have their own lower-case rule (_WORDS_IN_LOWER_CASE)
    }
    for k, m in enumerate(words):
        if m.group() in spellings or (loose and fold(m.group()) in loose and not _in_address(text, m)):
            runs.append((k, k))
    return _spans(text, words, runs)


_ADDRESS_TOKEN = re.compile(r"@|://|\bwww\.|\.(?:com|fr|org|net|io|eu|co|uk|de)\b")


def _in_address(text: str, m: re.Match[str]) -> bool:
    """A word inside an e-mail address or a URL (« bram@acme.com », « linkedin.com/in/bram-k »), which the address
    finders (pii.py) replace whole; not « durand/martin » nor « durand.Elle » (review of stop 39)."""
    start = max(text.rfind(" ", 0, m.start()), text.rfind("\n", 0, m.start())) + 1
    ends = [i for i in (text.find(" ", m.end()), text.find("\n", m.end())) if i >= 0]
    token = text[start : min(ends) if ends else len(text)]
    return bool(_ADDRESS_TOKEN.search(token))


def _capitalised(word: str) -> str:
    return "-".join(part.capitalize() for part in word.split("-"))


def _merged(runs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Word-index runs joined where they overlap, so that each word is read once however many runs cover it."""
    out: list[tuple[int, int]] = []
    for a, b in sorted(runs):
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def _spans(text: str, words: list[re.Match[str]], runs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Character spans of the runs, joined when they touch or only spaces separate them."""
    spans = sorted((words[a].start(), words[b].end()) for a, b in runs)
    merged: list[tuple[int, int]] = []
    for s, e in spans:
        if merged and (s <= merged[-1][1] or _adjacent(text, merged[-1][1], s)):
            merged[-1] = (merged[-1][0], max(merged[-1][1], e))
        else:
            merged.append((s, e))
    return merged


__all__ = ["name_spans"]
