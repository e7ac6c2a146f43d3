"""Every learner-facing sentence of the KPI package, in one place (for a French edition).

The glossary rows (what each KPI is, its formula, denominator, unit, when to use it and its
pitfalls), the one-line errors of the formulas, and the feedback of the dashboard check. Grading
never depends on these words. Placeholders are filled with ``str.format``.
"""

from __future__ import annotations

# Columns of the glossary table, in order.
GLOSSARY_COLUMNS = (
    "KPI",
    "formula",
    "denominator",
    "unit",
    "when to use it",
    "pitfalls",
    "in `cmkit.kpi`",
)

# KPI key -> (name, formula, denominator, unit, when to use it, pitfalls).
# Markdown text for a table row: no "|" inside a field.
GLOSSARY = {
    "reach": (
        "Reach",
        "distinct accounts a post or ad was shown to, as the network reports it",
        "none (a count)",
        "accounts",
        "how many people your content actually touched",
        "summed over posts, a person counts once per post, not once overall; boosted "
        "reach includes paid reach",
    ),
    "impressions": (
        "Impressions",
        "times a post or ad was displayed, repeats included (impressions ≥ reach)",
        "none (a count)",
        "views",
        "buying ads (CPM), measuring repetition",
        "a big number that says nothing about attention; here about 1.8 × reach",
    ),
    "engagements": (
        "Engagements",
        "likes + comments + shares (saves and clicks are counted apart)",
        "none (a count)",
        "interactions",
        "raw interest in content",
        "a vanity metric on its own; contests inflate comments",
    ),
    "engagement_rate": (
        "Engagement rate **by reach** (course default)",
        "engagements ÷ reach",
        "reach: accounts that saw the post",
        "fraction (× 100 for %)",
        "comparing content quality between posts and networks of different sizes",
        "over a period, divide total engagements by total reach (pooled) or take the median "
        "of per-post rates, and say which; a mean of per-post rates is pulled by tiny posts",
    ),
    "engagement_rate_by_impressions": (
        "Engagement rate by impressions",
        "engagements ÷ impressions",
        "impressions: displays, repeats included",
        "fraction",
        "ads, and networks that report no reach",
        "about half the rate by reach here (impressions ≈ 1.8 × reach); never compare it "
        "with a rate by reach",
    ),
    "engagement_rate_by_followers": (
        "Engagement rate by followers",
        "engagements ÷ followers",
        "followers of the account when the post went live",
        "fraction",
        "benchmarks against competitors, whose reach is not public",
        "counts followers who never saw the post and rewards reach beyond them; on Keur "
        "Thé's Facebook it is 7 × lower than by reach: why benchmarks disagree tenfold",
    ),
    "ctr": (
        "Click-through rate (CTR)",
        "clicks ÷ impressions",
        "impressions",
        "fraction",
        "does a post or ad make people click",
        "say which clicks (all clicks or link clicks); in an A/B test, clickers ÷ exposed "
        "users is a CTR per user, another denominator",
    ),
    "cpc": (
        "Cost per click (CPC)",
        "spend ÷ clicks",
        "clicks",
        "XOF per click",
        "the price of traffic",
        "link clicks cost more than all clicks; cheap clicks that never buy are not cheap",
    ),
    "cpm": (
        "Cost per mille (CPM)",
        "spend ÷ impressions × 1,000",
        "impressions (per thousand)",
        "XOF per 1,000 impressions",
        "the price of attention; comparing audiences",
        "forgetting the × 1,000; diaspora audiences cost 4 to 6 × Dakar's",
    ),
    "cpa": (
        "Cost per acquisition (CPA)",
        "spend ÷ conversions",
        "conversions (purchases)",
        "XOF per conversion",
        "the price of a sale through ads",
        "say whose conversions: the network's own count (includes view-through) or the "
        "orders your site attributes with UTM tags",
    ),
    "conversion_rate": (
        "Conversion rate (ads)",
        "conversions ÷ clicks",
        "clicks (say which: link clicks here)",
        "fraction",
        "does the traffic an ad brings buy",
        "not per impression; say which clicks",
    ),
    "site_conversion_rate": (
        "Conversion rate (site)",
        "orders ÷ sessions",
        "sessions (visits to the shop)",
        "fraction",
        "does the shop turn visits into orders",
        "per session, not per visitor; a traffic spike of curious visitors lowers it",
    ),
    "roas": (
        "Return on ad spend (ROAS)",
        "revenue ÷ ad spend",
        "ad spend",
        "XOF of revenue per XOF spent (×)",
        "comparing campaigns",
        "depends on attribution (network count, UTM last or first touch): say which; "
        "revenue is not profit: a ROAS of 1.5 at a 50 % margin loses money",
    ),
    "roi": (
        "Return on investment (ROI)",
        "(revenue − cost) ÷ cost",
        "cost (say what it includes: spend, fees, hours)",
        "fraction (0.2 = 20 % gained)",
        "did an action pay back what it cost",
        "revenue-based ROI equals ROAS − 1 when the cost is the ad spend; for profit, use "
        "revenue × gross margin in place of revenue and say so",
    ),
    "cac": (
        "Customer acquisition cost (CAC)",
        "marketing spend ÷ new customers, over the same period",
        "new customers (first order in the period)",
        "XOF per customer",
        "what a new customer costs; compare with CLV",
        "returning customers are not new; blended CAC counts every new customer, paid "
        "CAC only those the ads brought: say which",
    ),
    "average_order_value": (
        "Average order value (AOV)",
        "revenue ÷ orders",
        "orders",
        "XOF per order",
        "basket size; the first factor of CLV",
        "big gift-box orders pull the mean; delivery fees are included here",
    ),
    "purchase_frequency": (
        "Purchase frequency",
        "orders ÷ distinct customers, over a period",
        "distinct customers who ordered in the period",
        "orders per customer per period (per year here)",
        "how often customers come back; the second factor of CLV",
        "the orders table holds website orders only: shop sales are missing",
    ),
    "clv": (
        "Customer lifetime value (CLV), simple margin-based",
        "AOV × purchase frequency per year × expected lifetime in years × gross margin",
        "none (a product of averages)",
        "XOF of gross profit per customer",
        "how much a customer is worth; CLV ÷ CAC ≥ 3 is a common rule of thumb",
        "lifetime and margin are assumptions: state them; without the margin it is "
        "revenue, not value",
    ),
    "share_of_voice": (
        "Share of voice",
        "brand mentions ÷ all mentions in the set",
        "all mentions of the brands in the set (yours and competitors')",
        "fraction",
        "your part of the market's conversation",
        "depends on which competitors and networks are in the set; a crisis raises it",
    ),
    "net_sentiment": (
        "Net sentiment",
        "(positive − negative) ÷ all mentions × 100",
        "all mentions, neutral ones included",
        "points, from −100 to +100",
        "reputation over time, crisis detection",
        "neutral mentions dilute it; about 5 % of labels are wrong",
    ),
    "response_rate": (
        "Response rate",
        "answered ÷ received",
        "messages received",
        "fraction",
        "does anyone answer the community",
        "say whether spam and automatic replies count",
    ),
    "first_response_time": (
        "First-response time (median and mean)",
        "median, and mean, of the delays from arrival to first reply",
        "answered messages (the mean divides the total delay by them)",
        "minutes or hours",
        "how long a customer waits; report both numbers",
        "night and Sunday waits pull the mean far above the median; unanswered messages "
        "are left out, so read it with the response rate",
    ),
    "follower_growth_rate": (
        "Follower growth rate",
        "(followers at the end − followers at the start) ÷ followers at the start",
        "followers at the start of the period",
        "fraction over the period",
        "is the audience growing",
        "bought followers grow it too; compare periods of the same length",
    ),
}

# Functions of cmkit.kpi that compute each KPI ("" when the network reports it).
GLOSSARY_FUNCTIONS = {
    "reach": "",
    "impressions": "",
    "engagements": "engagements",
    "engagement_rate": "engagement_rate",
    "engagement_rate_by_impressions": "engagement_rate_by_impressions",
    "engagement_rate_by_followers": "engagement_rate_by_followers",
    "ctr": "ctr",
    "cpc": "cpc",
    "cpm": "cpm",
    "cpa": "cpa",
    "conversion_rate": "conversion_rate",
    "site_conversion_rate": "site_conversion_rate",
    "roas": "roas",
    "roi": "roi",
    "cac": "cac",
    "average_order_value": "average_order_value",
    "purchase_frequency": "purchase_frequency",
    "clv": "clv",
    "share_of_voice": "share_of_voice",
    "net_sentiment": "net_sentiment",
    "response_rate": "response_rate",
    "first_response_time": "first_response_time",
    "follower_growth_rate": "follower_growth_rate",
}

REPORTED_BY_NETWORK = "reported by the network"

# One-line errors: "<what>: <problem>; <fix>".
ERRORS = {
    "zero_denominator": (
        "{kpi} = {formula}: {denominator} is 0{where}; a {kind} needs a denominator above 0, "
        "so leave out the rows with no {denominator} (or report 'no data')"
    ),
    "negative_denominator": (
        "{kpi} = {formula}: {denominator} is negative{where}; counts and amounts cannot be "
        "below 0, so check the data or the filter"
    ),
    "in_rows": " in {n} of {total} values",
    "not_a_number": (
        "{kpi}: {argument} is {got}, not a number; pass a number or a column of numbers "
        "(for example posts['reach'])"
    ),
    "no_answered": (
        "first-response time: no answered message among the {n} values; a delay needs at least "
        "one reply, so check the filter (unanswered messages count in the response rate)"
    ),
    "bad_margin": (
        "clv: gross_margin is {value}; a margin is a fraction between 0 and 1 (0.5 means 50 %), "
        "so divide a percentage by 100"
    ),
    "bad_lifetime": ("clv: lifetime_years is {value}; the expected lifetime must be above 0 years"),
    "missing_columns": (
        "{what}: the table has no column {columns}; pass the {table} table as loaded with "
        "load({table!r})"
    ),
}

KIND_RATE = "rate"
KIND_COST = "cost per unit"
KIND_RATIO = "ratio"

# Feedback of the dashboard check (check_dashboard).
DASHBOARD = {
    "no_suptitle": (
        "a figure without an overall title; give the page a title with "
        "`fig.suptitle(...)` that names the brand and the period"
    ),
    "panel_without_kpi": (
        "a panel titled {title!r} whose title names none of the KPIs asked for ({kpis}); "
        "each panel shows one KPI and its title says which"
    ),
    "kpi_twice": (
        "two panels whose titles name {kpi!r}; each KPI gets one panel (the titles were "
        "{first!r} and {second!r})"
    ),
    "kpi_missing": "no panel whose title names {kpis}; add a panel for each KPI asked for",
    "no_unit": (
        "the panel titled {title!r} has the y-axis label {label!r} without a unit; end the "
        "label with the unit in brackets, e.g. 'revenue (XOF)' or 'engagement rate (%)'"
    ),
    "wrong_values": (
        "the panel titled {title!r} does not show the monthly {kpi} of your `monthly` table "
        "(12 values, oldest month first); plot that column as it is (a rate may be × 100 for %)"
    ),
    "empty_title": "(no title)",
}
