"""Interview notes → an evidence-backed scorecard against the guide's competency framework.

    prepare   validate, sanitise (invisible characters out, offsets kept), flag (discrimination, injection, PII),
              cut into sentences / bullet items; those holding a discrimination or injection flag are EXCLUDED
    LLM       one structured call on the remaining text (PII redacted, excluded passages replaced by a marker)
      verify  every quote found verbatim, its polarity recomputed; ratings and a recommendation their evidence
              contradicts dropped
    offline   cues + embeddings (a local model only) → evidence and polarity, no ratings, no recommendation
    facts     salary expectation, availability, location, next steps, the candidate's questions: LLM-proposed and
              verified, else patterns; pay history is a flag (excluded), never a fact
    scorecard one assessment per competency (with a stage: "not assessed" only for what the stage was meant to
              assess), follow-up questions from the guide's bank → InterviewSummary

Every evidence quote satisfies `quote == notes[start:end]` on the string the user passed. Notes are never logged
or written anywhere, nor sent to a remote embedding service; the optional audit record holds a hash of them and
offsets, never text.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from ..errors import LLMError
from .audit import write_audit
from .facts import merge_facts, offline_facts, verify_facts
from .llm import propose_scorecard
from .models import InterviewSummary, PracticalFact
from .offline import OfflineEvidence, llm_evidence_check, offline_evidence
from .prepare import check_stage, prepare
from .scorecard import build_scorecard
from .verify import LLMAssessment, add_offline_evidence, verify_proposal

if TYPE_CHECKING:
    from ..services import Services

MAX_INTERVIEWER_CHARS = 100
FALLBACK_NOTICE = {"en": "Showing the offline scorecard instead.", "fr": "Voici la grille hors ligne."}
"""Said after the LLM's error when the offline scorecard stands in for it; the notice is written in English, the
French interface swaps in the French (`assistant.ui.notes_tab`)."""


def summarize_notes(
    notes: str,
    services: Services,
    *,
    stage: str | None = None,
    fallback_offline: bool = False,
    interviewer: str | None = None,
) -> InterviewSummary:
    """Interview notes → InterviewSummary; LLM mode when services has a chat model, else the offline engine.

    `interviewer` (optional, as typed) is carried into the scorecard so a debrief can tell scorecards apart.

    With `fallback_offline`, any LLM failure (a truncated output, a timeout, an unusable answer) gives the offline
    scorecard with a notice saying so, as `ask` does; without it, the LLMError propagates."""
    check_stage(stage)
    prep = prepare(notes, services.settings.max_notes_chars, services.framework)
    fw = services.framework
    found: LLMAssessment | OfflineEvidence | None = None
    llm_facts: list[PracticalFact] = []
    backend, model, usage, fallback = "offline", None, {}, ""
    # The offline matching runs at most once: the LLM path reads it (lines given for many competencies, the check on
    # the model's lines, the merge), and the fallback is it.
    offline = cache(lambda: offline_evidence(prep, services))
    if services.chat_model is not None:
        try:
            proposal = propose_scorecard(prep, services, stage, lambda: offline().evidence)
        except LLMError as exc:
            if not fallback_offline:
                raise
            fallback = f"{exc} {FALLBACK_NOTICE['en']} "
        else:
            check = llm_evidence_check(services, offline().evidence)
            found = add_offline_evidence(verify_proposal(prep, fw, proposal, check), offline().evidence)
            llm_facts, facts_dropped = verify_facts(prep, proposal.draft.facts, proposal.redaction)
            found.dropped.extend(facts_dropped)
            backend, model, usage = services.backend, services.model_name, proposal.usage
    if found is None:
        found = offline()
    # Facts: the LLM's verified ones per kind, else the patterns' (offline facts are cheap and always computed).
    facts = merge_facts(llm_facts, offline_facts(prep))
    who = " ".join((interviewer or "").split())[:MAX_INTERVIEWER_CHARS] or None
    summary = build_scorecard(prep, fw, stage, found, backend=backend, model=model, facts=facts, interviewer=who)
    summary.usage = dict(usage)
    if fallback:
        summary.notice = fallback + summary.notice
    if services.settings.audit_log:
        write_audit(services.settings.audit_log, notes, summary)
    return summary
