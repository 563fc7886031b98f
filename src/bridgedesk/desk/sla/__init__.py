"""SLA deadlines kept in step with each ticket, and the breach scan (business-time arithmetic is in ``bridgedesk.sla``)."""
