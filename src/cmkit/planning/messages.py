"""Every learner-facing sentence of the planning package, in one place (for a French edition).

The calendar validator's problems, the UTM helpers' errors, the names and advice of the local
events, and the codes of each network. Grading never depends on these words: tests compare
the number of problems or a problem's ``rule``, never its text. Placeholders are filled with
``str.format``. Each problem is one line: "<where>: <what is wrong>; <how to fix it>".
"""

from __future__ import annotations

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)

NETWORK_NAMES = {
    "facebook": "Facebook",
    "instagram": "Instagram",
    "tiktok": "TikTok",
    "linkedin": "LinkedIn",
    "x": "X",
    "whatsapp": "WhatsApp",
}

# The codes of each network for Keur Thé: audience, tone, what works. Read with rules_table().
NETWORK_CODES = {
    "facebook": (
        "families and the 35+ audience in Senegal and the diaspora; warm and local, French "
        "first with a Wolof greeting; ask a question to start a conversation; 0–3 hashtags"
    ),
    "instagram": (
        "18–34, Dakar and the diaspora; the picture carries the message; a short caption, a "
        "few emojis, 3–5 hashtags at the end; links are not clickable: 'lien en bio'"
    ),
    "tiktok": (
        "18–24; playful, fast and trend-aware, Wolof and French mixed; hook in the first "
        "second, caption of a line or two; link in bio"
    ),
    "linkedin": (
        "hotels, offices, corporate gift buyers, partners; professional and factual: the "
        "makers, the quality, the numbers; few emojis, 1–3 hashtags"
    ),
    "x": (
        "news and football fans; short and reactive (match days, live events), one idea per "
        "post, 1–2 hashtags such as #Teranga; a link counts as 23 characters"
    ),
    "whatsapp": (
        "customers who opted in; personal and useful (restocks, offers, delivery); short, no "
        "hashtags, one clear call to action with the tagged link"
    ),
}

EVENT_NAMES = {
    "new_year": "New Year's Day",
    "new_years_eve": "New Year's Eve",
    "independence_day": "Independence Day",
    "labour_day": "Labour Day",
    "easter_monday": "Easter Monday",
    "ascension": "Ascension Day",
    "whit_monday": "Whit Monday",
    "assumption": "Assumption Day",
    "all_saints": "All Saints' Day",
    "christmas": "Christmas",
    "ramadan": "Ramadan",
    "laylat_al_qadr": "Laylat al-Qadr (Night of Destiny)",
    "korite": "Korité (Eid al-Fitr)",
    "tabaski": "Tabaski (Eid al-Adha)",
    "tamkharit": "Tamkharit (Ashura)",
    "magal": "Grand Magal de Touba",
    "maouloud": "Maouloud (Gamou)",
    "lions_match": "Senegal national team match (Lions de la Teranga)",
    "womens_day": "International Women's Day",
    "black_friday": "Black Friday",
}

EVENT_ADVICE = {
    "new_year": "wish the community a happy new year (bonne année, dewenati)",
    "new_years_eve": "thank the community for the year: the year's best moments, a warm word",
    "independence_day": "celebrate the country with the community; a proud post, not a sale",
    "labour_day": "a public holiday: say when the shops open",
    "easter_monday": "a public holiday: say when the shops open",
    "ascension": "a public holiday: say when the shops open",
    "whit_monday": "a public holiday: say when the shops open",
    "assumption": "a public holiday: say when the shops open",
    "all_saints": "a day of remembrance for Christian families: no promotion",
    "christmas": "wish a merry Christmas on 24 or 25 December; the gift boxes sell in the weeks "
    "before",
    "ramadan": "wish a blessed Ramadan on its first or second day; during the month, post around "
    "ftour (about 19:30) and late evening, in a respectful tone",
    "laylat_al_qadr": "a night of prayer: no promotion that day",
    "korite": "post wishes on the day (Korité bu neex, dewenati); sell in the days before, not "
    "on a day of prayer and family",
    "tabaski": "post wishes on the day (Tabaski bu neex, dewenati); sell in the days before, not "
    "on a day of prayer and family",
    "tamkharit": "a family evening (thiéré, tajabone): a cultural post fits",
    "magal": "the great Mouride pilgrimage: no promotion; a respectful word or silence",
    "maouloud": "the Prophet's birthday, a day of prayer: no promotion",
    "lions_match": "show support on match day (Allez les Lions !); never mock the opponent or its "
    "fans (remember the match-day crisis)",
    "womens_day": "optional: honour the women who pick and dry the leaves; no 'women's discount'",
    "black_friday": "optional: offers in the days before; keep the month's 80/20 balance",
}

EN = {
    # --- where a problem is -----------------------------------------------------------
    "where_post": "{when} {network}",
    "where_row": "row {row}",
    "where_mix": "mix",
    "where_calendar": "calendar",
    # --- the table as a whole ---------------------------------------------------------
    "not_a_table": (
        "calendar: {what}, not a table; build it with pd.DataFrame(rows), one row per post"
    ),
    "no_rows": "calendar: the table has no rows; add one row per planned post",
    "missing_columns": (
        "calendar: missing column(s) {columns}; a calendar has the columns {expected}"
    ),
    # --- one post ---------------------------------------------------------------------
    "bad_datetime": (
        "{where}: {value!r} is not a date and time; write it like '2026-12-01 19:00' (Dakar time)"
    ),
    "outside_month": "{where}: not in {month}; plan only this month's posts (move or drop it)",
    "bad_hour": (
        "{where}: scheduled at {time}; schedule posts from {first:02d}:00 to before "
        "{last:02d}:00 Dakar time, when the audience is awake"
    ),
    "unknown_value": "{where}: {value!r} is not a {column}; use one of {options}",
    "lower_case": (
        "{where}: the {column} {value!r} has capitals; write it in lower case ({lower!r}), as "
        "the data do"
    ),
    "format_network": (
        "{where}: {network_name} does not take the format {value!r}; use one of {options}"
    ),
    "empty_caption": (
        "{where}: the caption is empty; write at least a working caption (the post's idea in "
        "one sentence)"
    ),
    "caption_too_long": (
        "{where}: the caption has {n:,} characters{extra}; {network_name} allows {limit:,}; "
        "shorten it"
    ),
    "x_link_extra": " (with the link, which counts as 23 plus a space)",
    "too_many_hashtags": "{where}: {n} hashtags; keep at most {limit} on {network_name}",
    "no_hashtags": "{where}: {n} hashtag(s); hashtags do nothing on {network_name}, remove them",
    "link_in_caption": (
        "{where}: a link in the caption cannot be clicked on {network_name}; remove it and put "
        "the tagged link in the `link` column (utm_content={placement})"
    ),
    "link_required": (
        "{where}: a promotion post without a link; add a tagged link to the shop, so the sale "
        "can follow and be measured"
    ),
    # --- links ------------------------------------------------------------------------
    "link_not_text": (
        "{where}: the link {value!r} is not text; write it as text ('https://...') or leave "
        "it empty"
    ),
    "link_not_shop": (
        "{where}: the link {value!r} does not lead to the shop; start it with {shop}"
    ),
    "link_page": "{where}: {page!r} is not a page of the shop; use one of {options}",
    "link_missing": (
        "{where}: the link has no {param}; tag it with all four: utm_source, utm_medium, "
        "utm_campaign, utm_content"
    ),
    "link_repeated": "{where}: the link has {param} {n} times; keep one",
    "link_case": (
        "{where}: {param}={value!r} has capitals; write UTM values in lower case, or the "
        "analytics count {value!r} and {lower!r} as two different values"
    ),
    "link_vocabulary": (
        "{where}: {param}={value!r} is not in the web_sessions vocabulary; use one of {options}"
    ),
    "link_source": (
        "{where}: utm_source={value!r} on a post for {network_name}; the source is the network "
        "the post is on ({network!r})"
    ),
    "link_medium": (
        "{where}: utm_medium={value!r} on an organic {network_name} post; use {expected!r}"
    ),
    "link_campaign": (
        "{where}: utm_campaign={value!r} on an organic {network_name} post; use {expected!r}"
    ),
    "link_content": (
        "{where}: utm_content={value!r} does not fit a {format} on {network_name}; use {options}"
    ),
    # --- rhythm -----------------------------------------------------------------------
    "too_few": (
        "{network}: {n} feed posts planned in {month}; plan at least {minimum} ({per_week} a "
        "week on {network_name}, stories not counted)"
    ),
    "too_many_week": (
        "{network}: {n} feed posts in the week of Monday {monday}; plan at most {maximum} a "
        "week on {network_name}"
    ),
    "too_many_day": (
        "{day} {network}: {n} feed posts that day; plan at most {maximum} a day on {network_name}"
    ),
    "too_close": (
        "{where}: a second {network_name} post {gap} after the previous one ({previous}); "
        "keep at least {minimum} between posts on the same network"
    ),
    "same_time": (
        "{where}: at the same time as another {network_name} post; keep at least {minimum} "
        "between posts on the same network"
    ),
    # --- mix --------------------------------------------------------------------------
    "mix_promotion": (
        "mix: {share} of the month's posts are promotion ({n} of {total}); keep promotion at "
        "or below {limit} (80/20 rule)"
    ),
    "mix_third": (
        "mix: the '{third}' third ({pillars}) is {share} of the posts ({n} of {total}); keep "
        "each third between {low} and {high} (rule of thirds)"
    ),
    # --- local moments ----------------------------------------------------------------
    "no_promotion_day": (
        "{where}: a promotion post on {event}; no promotion that day: change its pillar or "
        "move it to another day"
    ),
    "presence_missing": "{event}, {window}: no {pillars} post planned; {advice}",
    # --- helpers' errors (PlanningError, LinkError) --------------------------------------
    "bad_month": "month {month!r}: not a month; write it like '2026-12'",
    "month_not_covered": (
        "month {month}: the events of the market are written for {first} to {last}; choose a "
        "month in those years, or add the events to cmkit/planning/events.py"
    ),
    "bad_weekday": "slot {slot}: {value!r} is not a weekday; use one of {options}",
    "bad_time": "slot {slot}: {value!r} is not a time of day; write it like '19:00'",
    "slot_missing": "slot {slot}: no {key!r}; give each slot {keys}",
    "build_bad_value": "link {param}={value!r}: not in the vocabulary; use one of {options}",
    "build_bad_page": "link page {page!r}: not a page of the shop; use one of {options}",
    "parse_not_link": "link {value!r}: not a web address; a link looks like {example}",
}

MESSAGES = EN


def say(message_id: str, /, **values: object) -> str:
    """The learner-facing sentence ``message_id`` with its placeholders filled in."""
    return MESSAGES[message_id].format(**values)
