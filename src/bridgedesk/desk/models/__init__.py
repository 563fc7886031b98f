"""The desk's records, one module per subject; models hold data, the rooms beside this one act on them.

Everything is re-exported here because Django (and every caller) knows the app's models as
``bridgedesk.desk.models``; a new feature adds its own module and one line below.
"""

from bridgedesk.desk.models.channels import OfficialChannel, PhishingReport
from bridgedesk.desk.models.customers import Customer, PortalTokenUse
from bridgedesk.desk.models.intake import InboundMessage, InboundOutcome
from bridgedesk.desk.models.limits import RateCounter
from bridgedesk.desk.models.outbox import OutboxMail
from bridgedesk.desk.models.staff import AgentProfile, AuditEvent, Macro
from bridgedesk.desk.models.tickets import Attachment, Message, Queue, Ticket, TicketEvent

__all__ = [
    "AgentProfile", "Attachment", "AuditEvent", "Customer", "InboundMessage", "InboundOutcome", "Macro", "Message",
    "OfficialChannel", "OutboxMail", "PhishingReport", "PortalTokenUse", "Queue", "RateCounter", "Ticket", "TicketEvent",
]
