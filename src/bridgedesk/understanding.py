"""Read one message the way a senior agent would: parse, guard, triage — as plain data.

This is the pure "understanding" half of the pipeline, shared by the desk's processing job
and by ``bridgedesk triage --json``, so what the command prints is exactly what the desk
would store. No Django, no database, no network.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from bridgedesk.config import Config
from bridgedesk.guard.names import domains as lookalike_names
from bridgedesk.guard.outbound import lint as outbound
from bridgedesk.guard.phishing.analysis import PhishingAnalysis, analyse_report
from bridgedesk.guard.secrets.near_miss import preload_indexes
from bridgedesk.guard.secrets.scan import GuardResult, guard_message
from bridgedesk.mail.parse import ParsedMail, parse_message
from bridgedesk.mail.quotes import split_reply
from bridgedesk.triage.category.model import CategoryModel
from bridgedesk.triage.completeness import DEFAULT_REQUIREMENTS, missing_fields
from bridgedesk.triage.entities.extract import Entity, extract_entities
from bridgedesk.triage.language import detect_language, load_identifier
from bridgedesk.triage.priority import decide_priority
from bridgedesk.triage.vocabulary import Category

DEFAULT_CONFIDENCE_THRESHOLD = 0.35
# What a person reads to decide language and category is the subject and the first
# paragraphs; reading megabytes costs seconds and changes nothing. Entities are looked for
# further in, but still within a bound. The guard alone always reads everything.
CLASSIFY_CHARS = 1_500
ENTITY_CHARS = 200_000


@dataclass(frozen=True)
class Understanding:
    parsed: ParsedMail
    guarded: GuardResult
    visible_text: str        # redacted, the writer's own words
    quoted_text: str         # redacted
    signature: str           # redacted
    language: str
    category: str
    category_confidence: float
    needs_triage: bool       # confidence below threshold: a person decides the category
    priority: str
    priority_reasons: tuple[str, ...]
    entities: tuple[Entity, ...]
    missing: tuple[str, ...]
    phishing: PhishingAnalysis | None = None   # for reports: the analysis of the message they carry

    @property
    def secret_types(self) -> tuple[str, ...]:
        return self.guarded.secret_types


def understand_message(
    raw: bytes,
    *,
    model: CategoryModel | None,
    max_attachment_bytes: int = 10 * 1024 * 1024,
    error_codes: Mapping[str, str] | None = None,
    requirements: Mapping[str, tuple[tuple[str, ...], ...]] = DEFAULT_REQUIREMENTS,
    confidence_threshold: float = DEFAULT_CONFIDENCE_THRESHOLD,
    ocr: bool = True,
    official_domains: Sequence[str] = (),
    security_address: str = "",
    trusted_authserv_ids: Sequence[str] = (),
) -> Understanding:
    """Parse, then guard before anything else reads the text, then triage the redacted text."""
    parsed = parse_message(raw, max_attachment_bytes=max_attachment_bytes)
    guarded = guard_message(
        subject=parsed.subject,
        text=parsed.text,
        html=parsed.html,
        attachments=[(a.filename, a.sniffed_type or a.declared_type, a.data) for a in parsed.attachments],
        ocr=ocr,
    )
    if guarded.secrets:
        visible, quoted, signature = split_reply(guarded.text)   # split the redacted text, never the original
    else:
        visible, quoted, signature = parsed.visible_text, parsed.quoted_text, parsed.signature
    own_words = visible if visible.strip() else guarded.text
    head = f"{guarded.subject}\n{own_words[:CLASSIFY_CHARS]}"
    language = detect_language(head)
    category, confidence = _categorise(model, head)
    needs_triage = confidence < confidence_threshold
    entities = tuple(extract_entities(guarded.text[:ENTITY_CHARS], error_codes=error_codes))
    priority, reasons = decide_priority(category, secret_types=guarded.secret_types, text=head)
    missing = tuple(missing_fields(category, (e.type for e in entities), requirements))
    phishing = None
    if official_domains and _is_report(parsed, category, security_address):
        phishing = analyse_report(parsed, official_domains=official_domains, trusted_authserv_ids=trusted_authserv_ids)
    return Understanding(
        parsed=parsed, guarded=guarded, visible_text=visible, quoted_text=quoted, signature=signature,
        language=language, category=category, category_confidence=confidence, needs_triage=needs_triage,
        priority=priority, priority_reasons=tuple(reasons), entities=entities, missing=missing, phishing=phishing,
    )


def understand_with_config(raw: bytes, *, model: CategoryModel | None, config: Config) -> Understanding:
    """``understand_message`` with the limits, tables and brand of a desk's configuration."""
    return understand_message(
        raw, model=model, max_attachment_bytes=config.intake.max_attachment_bytes,
        error_codes=config.triage.error_codes, requirements=config.triage.requirements,
        confidence_threshold=config.triage.confidence_threshold,
        official_domains=config.brand.official_domains, security_address=config.brand.security_address,
        trusted_authserv_ids=config.triage.trusted_authserv_ids,
    )


def preload() -> None:
    """Load every lazily built table now: the language model, wordlists, typo indexes, suffix lists.

    Why: each loads on the first message that needs it (the language model alone takes
    about 0.7 s, the typo indexes 0.2 s), so without this the first customer of every
    worker process waits for them, and a benchmark charges start-up to the messages.
    """
    load_identifier()
    preload_indexes()
    for extractor in (lookalike_names.suffix_extractor(), outbound.suffix_extractor()):
        extractor("support.example.com")   # tldextract reads its bundled suffix list on first use


def _is_report(parsed: ParsedMail, category: str, security_address: str) -> bool:
    """Mail triaged as a phishing report, or sent to the security address, may carry a suspect message."""
    return category == Category.PHISHING_REPORT or (bool(security_address) and security_address in (*parsed.to, *parsed.cc))


def _categorise(model: CategoryModel | None, text: str) -> tuple[str, float]:
    if model is None:
        return "other", 0.0
    prediction = model.predict(text)
    return prediction.category, prediction.confidence


def entity_dicts(entities: Sequence[Entity]) -> list[dict[str, str]]:
    """The CONTRACTS.md shape of an entity: type, value, and chain/meaning only when known."""
    out: list[dict[str, str]] = []
    for entity in entities:
        item = {"type": entity.type, "value": entity.value}
        if entity.chain:
            item["chain"] = entity.chain
        if entity.meaning:
            item["meaning"] = entity.meaning
        out.append(item)
    return out
