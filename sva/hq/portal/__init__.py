"""The supplier portal at HQ (issue 17): supplier contacts with their own login, questionnaire
campaigns answered online with evidence, and mail through an outbox.

Supplier contacts are not HQ users: they live in `portal_contacts` with their own sessions
(`portal_sessions`, cookie `sva_portal`), so no supplier session can open a staff page, and
every supplier query is scoped by the contact's own supplier id."""
