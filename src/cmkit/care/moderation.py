"""Moderation actions of module 04's charter, as the values a learner may choose from.

The charter (lesson 04, section 5): hide spam and scams; never delete or hide criticism, answer
it in public and move to private messages (DM) when personal data or back-and-forth are needed;
answer harmless trolls with humour when the mood allows it, ignore them when humour would
inflame (a crisis, a sensitive topic); hide comments that insult a person or expose personal
data; thank praise and answer questions.
"""

ACTIONS = ("reply", "reply_then_dm", "hide", "humour", "ignore", "delete")
