"""Interview notes → an evidence-backed scorecard against the guide's competency framework.

    prepare   validate, sanitise (invisible characters out, offsets kept), flag (discrimination, injection, PII),
              cut into sentences / bullet items; those holding a discrimination or injection flag are EXCLUDED
    LLM       one structured call on the remaining text (PII redacted, excluded passages replaced by a marker)
      verify  every quote found verbatim, its polarity recomputed; ratings and a recommendation their evidence
              contradicts dropped
    offline   cues + embeddings (a local model only) → evidence and polarity, no ratings, no recommendation
    scorecard one assessment per competency, follow-up questions from the guide's bank → InterviewSummary

Every evidence quote satisfies `quote == notes[start:end]` on the string the user passed. Notes are never logged
or written anywhere, nor sent to a remote embedding service; the optional audit record holds a hash of them and
offsets, never text.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..errors import LLMError
from .audit import write_audit
from .llm import propose_scorecard
from .models import InterviewSummary
from .offline import OfflineEvidence, offline_evidence
from .prepare import check_stage, prepare
from .scorecard import build_scorecard
from .verify import LLMAssessment, verify_proposal

if TYPE_CHECKING:
    from ..services import Services


def summarize_notes(
    notes: str, services: Services, *, stage: str | None = None, fallback_offline: bool = False
) -> InterviewSummary:
    """Interview notes → InterviewSummary; LLM mode when services has a chat model, else the offline engine.

    With `fallback_offline`, any LLM failure (a truncated output, a timeout, an unusable answer) gives the offline
    scorecard with a notice saying so, as `ask` does; without it, the LLMError propagates."""
    check_stage(stage)
    prep = prepare(notes, services.settings.max_notes_chars)
    fw = services.framework
    found: LLMAssessment | OfflineEvidence | None = None
    backend, model, usage, fallback = "offline", None, {}, ""
    if services.chat_model is not None:
        try:
            proposal = propose_scorecard(prep, services, stage)
        except LLMError as exc:
            if not fallback_offline:
                raise
            fallback = f"{exc} Showing the offline scorecard instead. "
        else:
            found = verify_proposal(prep, fw, proposal)
            backend, model, usage = services.backend, services.model_name, proposal.usage
    if found is None:
        found = offline_evidence(prep, services)
    summary = build_scorecard(prep, fw, stage, found, backend=backend, model=model)
    summary.usage = dict(usage)
    if fallback:
        summary.notice = fallback + summary.notice
    if services.settings.audit_log:
        write_audit(services.settings.audit_log, notes, summary)
    return summary
