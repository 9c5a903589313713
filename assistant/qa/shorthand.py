"""How users type questions: shorthand to spell out, and words that only frame a question.

Recruiters type "qqn dispo ?", "xp", "tél", "simu de vente", "c koi". The guide spells these words out, so BM25 and
the embeddings miss them: `spelled_out` appends the full words. And a question's framing words ("exactement",
"nécessaire", "concretely", "mean") are not what it is about: a word the guide never uses is evidence the question
is off its topics only when it is not one of those (`topic_words`).

Both lists were written from common French and English office shorthand and question phrasing, then checked on the
dev split (evals/questions.yaml, evals/qa-dev.yaml); never on the test split.
"""

from __future__ import annotations

import re

from ..text import LIGATURES, fold

# Folded shorthand → the words it stands for (appended, never replacing what the user wrote).
SHORTHAND: dict[str, str] = {
    "qqn": "quelqu'un",
    "qqch": "quelque chose",
    "qq": "quelques",
    "bcp": "beaucoup",
    "pk": "pourquoi",
    "pq": "pourquoi",
    "koi": "quoi",
    "pr": "pour",
    "pdt": "pendant",
    "ds": "dans",
    "tjs": "toujours",
    "dispo": "disponible disponibilité",
    "dispos": "disponible disponibilité",
    "xp": "expérience",
    "exp": "expérience",
    "yrs": "years experience",
    "yr": "year",
    "tel": "téléphonique téléphone",
    "tél": "téléphonique téléphone",
    "visio": "entretien à distance",
    "ingé": "ingénieur",
    "inge": "ingénieur",
    "simu": "simulation",
    "nego": "négociation",
    "négo": "négociation",
    "prospec": "prospection prospecter",
    "prospect": "prospection prospecter",
    "orga": "organisation",
    "com": "communication",
    "comm": "communication",
    "biz": "business",
    "bizdev": "business development",
    "spé": "spécialisation",
    "spe": "spécialisation",
    "co": "commerce",
    "pe": "période d'essai",
    "cdi": "contrat",
    "mktg": "marketing",
    "mkt": "marketing",
    "mgmt": "management",
    "mngmt": "management",
    "mngt": "management",
    "mgr": "manager",
    "mngr": "manager",
    "rdv": "rendez-vous",
    "k€": "salaire",
    "brut": "salaire brut",
    "fixe": "salaire fixe",
    "boss": "responsable",
    "n+1": "responsable",
    "sales": "ventes commercial",
    "onb": "onboarding",
    "perf": "performance",
    "perfs": "performance",
    "info": "information",
    "infos": "informations",
    "recrut": "recruter recrutement",
    "entretiens": "entretien",
    "itw": "entretien",
    "job": "poste",
    "role": "poste",
}

# Words that frame a question without naming its topic (folded; French then English).
FRAMING = frozenset(
    fold(w)
    for w in """
    exactement concretement vraiment plutot genre truc chose choses trucs cas exemple exemples question questions
    reponse guide lexique dit dire dis disent conseil conseille conseilles recommande recommandation recommandations
    necessaire obligatoire important importante importants utile utiles indispensable essentiel bien mieux bon bonne
    bons bonnes mauvais mauvaise possible faut faudrait falloir dois doit devons doivent devrait devrais peut peux
    pouvons peuvent pourrait veux veut voulez voudrais aimerais sais sait savoir connait connaitre connaître
    definition definir signifie signifier veut-dire sens sert servir faire fait fais font mettre mets met donner donne
    demander demande poser pose prevoir prevu parler parle aborder evaluer evaluer tester teste verifier regarder
    choisir trouver chercher avoir passe passer marche marcher ok oui non ou quand combien comment pourquoi quel
    quelle quels quelles lequel laquelle est-ce qu'est ce c'est ya y'a il y a svp stp merci alors donc sinon aussi
    encore deja toujours jamais souvent parfois general generalement typique typiquement normal normalement habituel
    habituellement standard moyen moyenne max maximum min minimum environ plus moins tres trop assez beaucoup peu
    premier premiere second seconde deuxieme 1er 2e 2eme autre autres meme memes nouveau nouvelle nouveaux
    pratique pratiques exactly really actually basically concretely usually typical typically normally generally
    kind sort type thing things example examples question questions answer guide glossary say says said tell told
    advice advise recommend recommended recommendation recommendations need needed needs necessary required
    mandatory important useful essential good better best bad worse possible must should could would might may
    want wants know knows definition define defined mean means meaning meant use used using make makes made put
    give gives ask asks asking check look choose find get got have has having work works ok okay yes no when
    much many how why which whose whom what where ever never often sometimes always common usual normal average
    standard max maximum min minimum around about more less very too enough lot lots few first second third
    other others same new please thanks also still already just really someone somebody anyone anything something
    expected expect supposed enough worth matter matters big large small main once take per count scale affect
    cover covers keep stop start happy etc avant apres depuis fin debut plein gros grosse petit petite grand grande
    boulot bosser taff veulent veut attend attendu attendue attendus devenir gagne gagner prend prendre
    article doc docs document fiche texte page auteur author
    """.split()
)

# Topics next to recruiting that a hiring guide of this kind does not cover: labour law (contract clauses,
# quotas, what may be asked of a candidate), pay administration and tax (a thirteenth month: the guide gives a
# monthly range and a variable share), benefits, immigration, dismissal and
# discipline, sourcing channels (referrals included) and employer branding, reference checks and personality tests,
# tool prices, licences a job may require, recruiting metrics (time to hire), exit interviews, expenses and contract
# amendments, checking a diploma. A question naming one of them is evidence it is off the
# guide's topics, whatever its wording shares with the guide. (Folded stems, matched at a word's start.)
OFF_TOPIC = tuple(
    fold(w)
    for w in """
    legal legale legaux loi lois law laws juridique jurisprudence tribunal prudhom code-du-travail
    licenci dismiss redundan layoff lay-off fire firing rupture preavis notice resign demission
    convention syntec cct accord-d-entreprise
    teletravail remote-work
    mutuelle prevoyance ticket tickets resto voiture avantages-en-nature benefit benefits perks
    impot impots tax taxes tva charges-sociales urssaf cotisation 13e-mois 13eme-mois 13-eme-mois treizieme-mois 13th-month
    thirteenth-month
    visa permit sponsor titre-de-sejour immigration
    retraite pension conge conges vacation holiday holidays maladie sick
    rgpd gdpr
    cabinet-de-chasse cabinet-de-recrutement headhunter chasseur-de-tete fees honoraires
    non-concurrence non-compete noncompete clause freelance portage-salarial umbrella-company
    parite diversity quota-de-femmes women femmes gender
    enfant kids children pregnan enceinte grossesse religi handicap disabilit limite-d-age age-limit
    sourcing sourcer jobboard job-board boolean booleen marque-employeur employer-brand page-carriere careers-page
    reference-check referees prise-de-reference mbti big-five personality-test test-de-personnalite psychometri
    performance-improvement sanction disciplin warning-letter avertissement
    clawback claw-back accelerateur accelerator
    prix price pricing tarif cheaper moins-cher
    signing-bonus sign-on-bonus welcome-bonus prime-d-arrivee prime-de-bienvenue bspce stock-option equity
    actions-gratuites alternance alternant apprenti apprentissage stagiaire internship
    okr mail-de-refus email-de-refus lettre-de-refus rejection-email rejection-letter
    cooptation referral-bonus referral-program referral-scheme prime-de-parrainage permis-de-conduire permis-b-
    driving-licen driver-s-licen drivers-licen time-to-hire time-to-fill delai-de-recrutement exit-interview
    entretien-de-sortie
    frais-de-deplacement frais-professionnels note-de-frais notes-de-frais expense expenses expense-claim
    travel-expenses avenant amendment clause-de-mobilite mobility-clause conges-payes paid-leave
    verifier-le-diplome verification-du-diplome verification-des-diplomes diploma-check degree-check
    background-check
    interessement participation-aux-benefices accord-de-participation epargne-salariale profit-sharing
    grapholog astrolog numerolog morphopsycholog
    impaye unpaid-invoice mise-en-demeure penalites-de-retard recouvrement debt-collect late-payment
    """.split()
)


# Jobs the guide does not recruit for. A question that names one, unless as the candidate's background ("un ancien
# SDR", "coming from customer success"), is likely about recruiting for that job. (Folded, matched at a word's start.)
# Beside the sales jobs next to the AM's, common occupations of other trades (design, engineering, logistics, care,
# law, finance, support), none of which the guide names as a job.
OTHER_ROLES = tuple(
    fold(w)
    for w in """
    sdr sdrs bdr bdrs csm csms customer-success-manager developpeur developpeuse developer full-stack fullstack
    directeur-commercial directrice-commerciale sales-director director-of-sales head-of-sales vp-sales
    chief-revenue cro comptable accountant office-manager product-manager data-analyst data-scientist
    assistant-commercial assistante-commerciale commercial-terrain commerciale-terrain technico-commercial
    director directors directeur directrice charge-de-clientele chargee-de-clientele conseiller-bancaire
    conseillere-bancaire
    designer designers ux-designer ui-designer graphiste webdesigner engineer engineers software-engineer
    ingenieur-logiciel devops sysadmin administrateur-systeme data-engineer technicien technicienne technician
    cariste forklift chauffeur chauffeuse driver drivers livreur livreuse magasinier magasiniere caissier caissiere
    cashier serveur serveuse waiter waitress cuisinier cuisiniere infirmier infirmiere nurse nurses medecin doctor
    pharmacien pharmacienne pharmacist enseignant enseignante teacher professeur avocat avocate lawyer juriste notaire
    architecte controleur-de-gestion controleuse-de-gestion management-controller financial-controller auditeur
    auditrice auditor community-manager content-manager chef-de-produit product-owner scrum-master secretaire
    receptionniste agent-d-accueil electricien plombier electrician plumber operateur operatrice ouvrier ouvriere
    logisticien logisticienne supply-chain-manager teleconseiller teleconseillere call-center-agent hrbp drh
    responsable-rh hr-manager assistant-de-direction assistante-de-direction executive-assistant paralegal
    """.split()
)
# Words just before a job that make it the asker or an interviewer ("as head of sales, ...", "je suis directeur
# commercial", "our sales director joins the final round"), not the job recruited for: the guide's second round is
# run by « un.e responsable des ventes ». (Folded; the job must follow within INTERVIEWER_GAP words.)
INTERVIEWER = tuple(
    fold(w)
    for w in """
    as i-m i-am im je-suis en-tant-que our my notre mon ma nos mes with-our avec-notre
    """.split()
)
# (stop 40) Words right before a job (no word between) that make it someone's current one ("Candidate here, currently
# a CSM", "she's currently an SDR", « elle est actuellement CSM », « je travaille comme SDR »): the candidate's or the
# asker's background. Only with a subject before "currently": "Is there currently a CSM opening?", « on recrute
# actuellement un SDR », « Qui est actuellement le meilleur SDR » still ask about another job (review of stop 40).
CURRENT_JOB = tuple(
    fold(w)
    for w in """
    here-currently-a here-currently-an candidate-currently m-currently-a m-currently-an am-currently-a am-currently-an
    s-currently-a s-currently-an he-is-currently-a he-is-currently-an she-is-currently-a she-is-currently-an
    candidate-is-currently-a candidate-is-currently-an works-as-a works-as-an working-as-a working-as-an
    est-actuellement suis-actuellement travaille-comme travaille-actuellement-comme actuellement-comme
    en-poste-comme
    """.split()
)
INTERVIEWER_GAP = 2
_INTERVIEWER_WORDS = tuple(tuple(m.replace("-", " ").split()) for m in INTERVIEWER)
_CURRENT_JOB_WORDS = tuple(tuple(m.replace("-", " ").split()) for m in CURRENT_JOB)
BACKGROUND = tuple(
    fold(w)
    for w in """
    ancien ancienne ex- former formerly background vient-de venant-de issu issue coming-from comes-from
    come-from reconversion previously passe-par experience-de experience-en experience-as experience-in xp-en xp-de
    xp-as xp-in yrs-as years-as ans-en ans-comme
    """.split()
)


def spelled_out(question: str) -> str:
    """The question, followed by the full words of any shorthand it uses ("qqn dispo ?" + "quelqu'un disponible")."""
    added: list[str] = []
    for word in re.findall(r"[\w€+.]+", question.lower()):
        full = SHORTHAND.get(word) or SHORTHAND.get(fold(word)) or SHORTHAND.get(word.rstrip("."))
        if full and full not in added:
            added.append(full)
    return question if not added else f"{question}\n{' '.join(added)}"


def _spelled(question: str) -> tuple[str, list[int]]:
    """`fold(question)` with the ligatures spelled out, and for each of its characters the offset in `question`."""
    folded, where = [], []
    for i, ch in enumerate(fold(question)):
        spelled = LIGATURES.get(ch, ch)  # « œnologue » was read « nologue »
        folded.append(spelled)
        where += [i] * len(spelled)
    return "".join(folded), where


def folded_words(question: str) -> str:
    """The question folded to its words, one space apart and padded, for matching the stem lists below."""
    return " " + re.sub(r"[^a-z0-9]+", " ", _spelled(question)[0]) + " "


def _named(text: str, stems: tuple[str, ...], whole_word: bool = False) -> list[str]:
    """The stems (hyphens standing for spaces) that `text` (from folded_words) names at a word's start."""
    tail = " " if whole_word else ""
    return [stem for stem in stems if f" {stem.replace('-', ' ')}{tail}" in text]


# « Un handicap » / "a handicap" is also a drawback ("is having no business school a handicap?"): a question about
# the candidate's profile, not about disability.
_DRAWBACK = re.compile(
    r" (?:as|comme|c est|est ce|serait|sera|would be|will be|could be)(?: un| a)(?: vrai| gros| real| big| major| serious)?"
    r" handicap | (?!(?:is|est|has|have|had|a|avoir|avait|ont|with|avec|de|en|un|une|the|her|his|their|son|sa)\b)"
    r"[a-z]+ (?:a|un) (?:vrai |gros |real |big |major )?handicap (?:pour |for |in |when |\s*$)"
)


def off_topic(question: str) -> list[str]:
    """The question's words that name a topic next to recruiting which the guide does not cover ("préavis")."""
    return _named(_DRAWBACK.sub(" drawback ", folded_words(question)), OFF_TOPIC)


def other_role(question: str) -> list[str]:
    """The jobs the guide does not cover that the question names, not as a candidate's background, the asker's own
    job or an interviewer's."""
    # "you are now in developer mode" (an injection's words, stop 53's probe of ask) names no job
    text = re.sub(r"\b(?:developer|developpeur|dev|debug|admin)\s+mode\b", " ", folded_words(question))
    if _named(text, BACKGROUND):
        return []
    found = _named(text, OTHER_ROLES, whole_word=True)
    # "key account director" names "director": one job, reported once, by its longest stem.
    found = [
        r for r in found if not any(r != o and f" {r.replace('-', ' ')} " in f" {o.replace('-', ' ')} " for o in found)
    ]
    return [role for role in found if not _someones_job(text, role)]


def _someones_job(text: str, role: str) -> bool:
    """Every mention of `role` in `text` (from folded_words) follows an INTERVIEWER marker within INTERVIEWER_GAP
    words ("as head of sales", "je suis directeur commercial") or a CURRENT_JOB marker right before it ("currently a
    CSM")."""
    words = text.split()
    stem = role.replace("-", " ").split()
    starts = [i for i in range(len(words)) if words[i : i + len(stem)] == stem]

    def ends_near(i: int, markers: tuple[tuple[str, ...], ...], gap: int) -> bool:
        """A marker ends at most `gap` words before position i."""
        window = words[max(0, i - gap - max(len(m) for m in markers)) : i]
        return any(
            tuple(window[j : j + len(m)]) == m and len(window) - (j + len(m)) <= gap
            for m in markers
            for j in range(len(window))
        )

    return bool(starts) and all(
        ends_near(i, _INTERVIEWER_WORDS, INTERVIEWER_GAP) or ends_near(i, _CURRENT_JOB_WORDS, 0) for i in starts
    )


def topic_words(question: str) -> list[str]:
    """The question's words that can name a topic: longer than two letters, not a stop word, shorthand or framing."""
    from ..guide.lexical import tokenize

    # An amount or a count the user gives ("38k", "5ans") is the user's own figure, not a topic the guide must name.
    words = [w for w in re.findall(r"\w+", question) if len(w) > 2 and tokenize(w) and not any(c.isdigit() for c in w)]
    return [w for w in words if fold(w) not in FRAMING and fold(w) not in SHORTHAND]


# Pay set outside France (stop 39). The guide's salary grid is French and in euros, and the guide names no other
# country, city or currency: asked for an AM's pay in Madrid or in Swiss francs, the grid is no answer. Places and
# currencies outside France (folded, whole words; names that are French places or words too are left out: « Valence »,
# « Vienne », "Georgia", "us" alone), the pay words that make a question a pay question, and the words that make a
# place someone else's: the clients', the company's, the candidate's past (« nos clients sont en Belgique », « siège à
# New York », « 3 ans d'expérience à Londres »; review of stop 39).
ABROAD = tuple(
    fold(w).replace("-", " ")
    for w in """
    belgique belgium bruxelles brussels anvers antwerp liege suisse switzerland geneve geneva zurich lausanne
    luxembourg allemagne germany berlin munich munchen hambourg hamburg francfort frankfurt dusseldorf cologne
    royaume-uni united-kingdom uk angleterre england londres london manchester ecosse scotland edimbourg edinburgh
    irlande ireland dublin espagne spain madrid barcelone barcelona seville italie italy milan rome turin portugal
    lisbonne lisbon pays-bas netherlands hollande holland amsterdam rotterdam suede sweden stockholm danemark denmark
    copenhague copenhagen norvege norway oslo finlande finland helsinki pologne poland varsovie warsaw autriche
    austria vienna prague tchequie czechia roumanie romania bucarest bucharest grece greece athenes athens monaco
    maroc morocco casablanca rabat tunisie tunisia tunis algerie algeria alger algiers senegal dakar abidjan
    cote-d-ivoire ivory-coast canada quebec montreal toronto vancouver etats-unis united-states usa the-us america
    amerique new-york nyc san-francisco boston chicago los-angeles miami seattle mexique mexico bresil brazil sao-paulo
    argentine argentina singapour singapore dubai emirats emirates hong-kong shanghai chine china japon japan tokyo
    inde india bangalore australie australia sydney melbourne israel tel-aviv etranger hors-de-france abroad overseas
    """.split()
)
CURRENCIES = tuple(
    fold(w).replace("-", " ")
    for w in """
    chf usd gbp cad aud jpy sek dkk nok pln tnd inr dollar dollars livre-sterling livres-sterling pound pounds sterling
    franc-suisse francs-suisses swiss-franc swiss-francs zloty zlotys dirham dirhams yen
    """.split()
)
_CURRENCY_SIGNS = re.compile(r"(?<![\dMmKk])\s?(?:US\$|C\$|[£$¥])(?!\s*(?:de\s+)?(?:CA|ARR|MRR)\b)")
_PAY = re.compile(
    r" (?:salair\w*|salar(?:y|ies)|remunera\w*|remu|compensation|package|wages?|earns?|earning|gagn\w*|paid|pay|payer"
    r"|fixe|brut|gross|ote|primes?|bonus|variable) "
)
_HOW_MUCH = re.compile(r" (?:combien|how much) ")
# "How much does an account manager make?" asks for pay (stop 54's blind measure; stop 55's: "… in London?" was
# answered with the French grid); "make" alone does not ("make our London office attractive"), nor "how much" of
# something else ("how much effort does an AM make", second review of stop 55): "how much" then the verb's
# auxiliary. Nor what else an AM makes (revenue, calls, a difference).
_HOW_MUCH_MAKE = re.compile(
    r" how much (?:money )?(?:does|do|did|can|could|would|will|should|might) (?:[a-z0-9]+ ){1,6}?makes? "
    r"| combien (?:[a-z0-9]+ ){0,4}?touchen?t? "
)
_MADE_NOT_PAY = re.compile(
    r" (?:revenue|revenues|turnover|ca|chiffre|sales|deals|calls|meetings|visits|money for|profits?|margin|arr|mrr|"
    r"upsells?|renewals?|difference|impact|sense|time|room|progress|changes?) "
)


def asks_pay_made(text: str) -> bool:
    """Whether `text` (folded words between spaces) asks how much someone makes or « touche » as pay."""
    made = _HOW_MUCH_MAKE.search(text)
    return bool(made and not _MADE_NOT_PAY.search(text[made.start() : made.end() + 30]))


_SOMEONE_ELSES = frozenset(
    """
    client clients clientele customer customers account accounts comptes portefeuille portfolio marche marches market
    markets prospects buyers acheteurs zone distributeurs distributors partenaires partners filiale filiales
    subsidiary subsidiaries siege hq headquarters maison mere usines usine factories factory plants startup groupe
    group voyage voyager voyages travel travels traveling travelling experience xp studied etudie etudes ecole school
    universite university diplome graduated worked travaille vient venu retour returning came comes entretien
    interview abonnements subscriptions ca chiffre revenue arr mrr not pas instead plutot
    """.split()
)
_SOMEONE_ELSES_AFTER = frozenset("based team teams equipe clients customers accounts comptes market marche".split())
_WINDOW_BEFORE = 5
_REVENUE = frozenset("ca chiffre revenue arr mrr abonnement abonnements subscription subscriptions".split())


def pay_abroad(question: str) -> list[str]:
    """The places outside France and the currencies other than the euro that a pay question names as the job's
    (folded: « madrid », "usd", "£"); [] for a question about pay in France, a place or a currency that is someone
    else's (the clients', the company's, the candidate's past, a revenue's), or no pay at all."""
    text = re.sub(r" account managers? ", " am ", folded_words(question))
    pay = bool(_PAY.search(text)) or asks_pay_made(text)
    if not pay and not _HOW_MUCH.search(text):
        return []
    words = text.split()
    found: list[str] = []
    # a place counts in a pay question only (« combien de clients … à Bruxelles »: a count); a currency in either
    for stem in (ABROAD if pay else ()) + CURRENCIES:
        parts = stem.split()
        for i in range(len(words) - len(parts) + 1):
            if words[i : i + len(parts)] != parts:
                continue
            before = words[max(0, i - _WINDOW_BEFORE) : i]
            after = words[i + len(parts) : i + len(parts) + 1]
            if not _SOMEONE_ELSES.intersection(before) and not _SOMEONE_ELSES_AFTER.intersection(after):
                found.append(stem)
                break
    if not _REVENUE.intersection(words):  # « 2 M$ de CA », "subscriptions in $": not the pay
        found += [m.group().strip() for m in _CURRENCY_SIGNS.finditer(question)]
    return list(dict.fromkeys(found))


def shown_place(stem: str, question: str) -> str:
    """How a place or currency from pay_abroad, or a job from other_role or unknown_job (folded, words joined by
    spaces), is written in `question` (« Genève », "UK", "£", « développeur »), for a notice; the stem itself when
    the question does not hold it whole."""
    # word edges as folded_words draws them (letters and digits of the folded text), the span's spacing made one space
    folded, where = _spelled(question)
    m = re.search(r"(?<![a-z0-9])" + r"[\W_]+".join(map(re.escape, stem.split())) + r"(?![a-z0-9])", folded)
    if not m or not stem.isascii():
        return stem
    return " ".join(question[where[m.start()] : where[m.end() - 1] + 1].split())
