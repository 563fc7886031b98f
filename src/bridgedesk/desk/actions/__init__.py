"""What people and jobs do to a ticket: one function per action, each recording its event on the timeline.

The console, the portal, the API and jobs call these; none of them changes a ticket by hand.
"""
