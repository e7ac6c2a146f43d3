"""Every learner-facing sentence of the audience module, in one place (for a French edition)."""

from __future__ import annotations

# persona_facts key -> label shown in the fact sheet.
FACT_LABELS = {
    "people": "people in the group",
    "followers": "followers",
    "customers": "customers",
    "customer_rate": "customers ÷ people",
    "revenue_xof": "revenue, all channels (XOF)",
    "revenue_per_person": "revenue per person (XOF)",
    "typical_age": "most common age band",
    "women": "share of women",
    "countries": "top countries (share of the group)",
    "cities": "top cities (share of the group)",
    "platforms": "main network (share of followers)",
    "languages": "preferred language (share)",
    "interests": "top interests (share who declare them)",
    "favourite_line": "product line bought most (share of customers)",
    "order_channel": "where customers order (share of customers)",
    "orders_per_customer": "median orders per customer",
    "revenue_per_customer": "median revenue per customer (XOF)",
    "whatsapp_optin": "agreed to WhatsApp broadcasts",
    "engagements_90d": "mean likes, comments, shares in 90 days",
}

ERRORS = {
    "not_a_table": (
        "persona_facts: got {what}, not a table of people; pass rows of the audience table, "
        'e.g. audience[audience["segment"] == "diaspora 25-44"]'
    ),
    "no_rows": (
        "persona_facts: the table has no rows; check the spelling of the group you filtered "
        "on (values are lower case, e.g. 'diaspora 25-44')"
    ),
    "missing_columns": (
        "persona_facts: the table has no column(s) {columns}; pass rows of load('audience') "
        "with all their columns"
    ),
}
