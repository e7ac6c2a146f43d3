"""Facts of the running case, Keur Thé: one place for what every table must agree on.

Keur Thé is an invented tea maker in Dakar. Its networks, products, prices, shops, the period
covered by the data, the two crisis dates and the invented competitors live here, so the
generator, the data cards and the lessons all tell the same story.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

BRAND = "Keur Thé"
BRAND_HANDLE = "keurthe"
TIMEZONE = "Africa/Dakar"  # UTC+0 all year, no daylight saving time

# About two years of data, ending well before the course's "today" (2026-11-21).
PERIOD_START = pd.Timestamp("2024-10-01 00:00:00", tz=TIMEZONE)
PERIOD_END = pd.Timestamp("2026-09-30 23:59:59", tz=TIMEZONE)
FIRST_WEEK = dt.date(2024, 9, 30)  # Monday of the week holding PERIOD_START
LAST_WEEK = dt.date(2026, 9, 28)  # Monday of the week holding PERIOD_END

NETWORKS = ("facebook", "instagram", "tiktok", "linkedin", "x", "whatsapp")
# WhatsApp is private: monitoring tools and competitor benchmarks only see these.
PUBLIC_NETWORKS = ("facebook", "instagram", "tiktok", "linkedin", "x")
LANGUAGES = ("fr", "wo", "en")

SHOPS = ("Dakar Plateau", "Almadies")

# name, category, price in XOF. A pouch sells 2,500-6,000 XOF; gift boxes more.
PRODUCTS = (
    ("Kinkeliba 100 g", "kinkeliba", 2500),
    ("Kinkeliba menthe 100 g", "kinkeliba", 3000),
    ("Bissap rouge 100 g", "bissap", 2500),
    ("Bissap gingembre 100 g", "bissap", 3500),
    ("Gingembre citronnelle 100 g", "gingembre", 3000),
    ("Gingembre pur 150 g", "gingembre", 4000),
    ("Thé vert attaya 250 g", "attaya", 3500),
    ("Thé vert attaya premium 250 g", "attaya", 6000),
    ("Coffret découverte", "coffret", 12500),
    ("Coffret fêtes", "coffret", 18000),
)
PRODUCT_NAMES = tuple(p[0] for p in PRODUCTS)
PRODUCT_LINES = ("kinkeliba", "bissap", "gingembre", "attaya", "coffret")

# Two crisis scenarios. The onset is what learners detect; instructors find it here.
CRISES = {
    "match_day": {
        "onset": pd.Timestamp("2025-11-16 17:40:00", tz=TIMEZONE),
        "window_start": pd.Timestamp("2025-10-06 00:00:00", tz=TIMEZONE),  # 6 baseline weeks
        "window_end": pd.Timestamp("2025-12-07 23:59:59", tz=TIMEZONE),
        "summary": "a match-day sponsorship post read as mocking the fans of a losing club",
    },
    "foreign_object": {
        "onset": pd.Timestamp("2026-06-10 12:15:00", tz=TIMEZONE),
        "window_start": pd.Timestamp("2026-04-27 00:00:00", tz=TIMEZONE),  # 6 baseline weeks
        "window_end": pd.Timestamp("2026-07-05 23:59:59", tz=TIMEZONE),
        "summary": "a customer video of a foreign object found in a tea pouch",
    },
}
SCENARIOS = tuple(CRISES)
# Invented football clubs of the match-day scenario.
CLUB_LOSING = "Médina Sporting"
CLUB_WINNING = "Yoff United"

# Three invented competitors; one launches a visible initiative (see competitors card).
COMPETITORS = ("Jàmm Tea", "Sahel Infusions", "Maison Bissap")
INITIATIVE = {
    "brand": "Maison Bissap",
    "week": dt.date(2026, 2, 2),
    "what": "a monthly subscription box pushed by a daily TikTok series",
}

# Local dates that shape posting, ads and sales (approximate, as a CM would plan them).
EVENTS = {
    "Black Friday 2024": dt.date(2024, 11, 29),
    "Noël 2024": dt.date(2024, 12, 25),
    "Ramadan 2025 (début)": dt.date(2025, 3, 1),
    "Korité 2025": dt.date(2025, 3, 30),
    "Tabaski 2025": dt.date(2025, 6, 7),
    "Magal de Touba 2025": dt.date(2025, 8, 13),
    "Black Friday 2025": dt.date(2025, 11, 28),
    "Noël 2025": dt.date(2025, 12, 25),
    "Ramadan 2026 (début)": dt.date(2026, 2, 18),
    "Korité 2026": dt.date(2026, 3, 20),
    "Tabaski 2026": dt.date(2026, 5, 27),
    "Magal de Touba 2026": dt.date(2026, 8, 2),
}

DEFAULT_SEED = 2026

# Where the audience lives: country -> (city, weight). Senegal first, then the diaspora.
CITIES = {
    "Senegal": (
        ("Dakar", 50),
        ("Pikine", 9),
        ("Guédiawaye", 6),
        ("Rufisque", 5),
        ("Thiès", 7),
        ("Saint-Louis", 5),
        ("Touba", 4),
        ("Mbour", 5),
        ("Kaolack", 4),
        ("Ziguinchor", 3),
        ("Saly", 2),
    ),
    "France": (
        ("Paris", 45),
        ("Lyon", 10),
        ("Marseille", 10),
        ("Bordeaux", 7),
        ("Lille", 6),
        ("Toulouse", 7),
        ("Montreuil", 8),
        ("Nantes", 7),
    ),
    "Italy": (("Milan", 40), ("Brescia", 25), ("Turin", 20), ("Rome", 15)),
    "Spain": (("Madrid", 45), ("Barcelona", 40), ("Almería", 15)),
    "USA": (("New York", 50), ("Atlanta", 20), ("Washington", 20), ("Houston", 10)),
    "Canada": (("Montréal", 70), ("Ottawa", 15), ("Québec", 15)),
    "Belgium": (("Bruxelles", 80), ("Liège", 20)),
    "Côte d'Ivoire": (("Abidjan", 100),),
    "Morocco": (("Casablanca", 60), ("Rabat", 40)),
    "Mali": (("Bamako", 100),),
}
COUNTRIES = tuple(CITIES)
CITY_NAMES = tuple(sorted({city for cities in CITIES.values() for city, _ in cities}))

# Paid social campaigns: name, first day, last day, networks, objective, ad sets, creatives,
# daily budget (XOF, whole campaign). Ad sets are audiences; creatives are the ads themselves.
AD_CAMPAIGNS = (
    (
        "fin_annee_2024",
        "2024-11-22",
        "2024-12-24",
        ("facebook", "instagram"),
        "sales",
        ("dakar_25_44", "diaspora_fr"),
        ("carousel_coffrets", "video_coffret_15s"),
        12000,
    ),
    (
        "ramadan_2025",
        "2025-02-24",
        "2025-03-29",
        ("facebook", "instagram"),
        "traffic",
        ("dakar_25_44", "senegal_35_plus"),
        ("photo_kinkeliba_ftour", "video_rituel_ftour"),
        8000,
    ),
    (
        "tabaski_2025",
        "2025-05-20",
        "2025-06-06",
        ("facebook", "instagram"),
        "sales",
        ("dakar_25_44", "diaspora_fr", "retargeting_site"),
        ("carousel_coffrets", "photo_coffret_tabaski"),
        15000,
    ),
    (
        "lancement_gingembre_2025",
        "2025-09-08",
        "2025-10-05",
        ("instagram", "tiktok"),
        "awareness",
        ("dakar_18_34",),
        ("reel_gingembre_shot", "ugc_gingembre"),
        7000,
    ),
    # The match-day sponsorship push, paused the evening the crisis broke.
    (
        "match_day_2025",
        "2025-11-14",
        "2025-11-16",
        ("facebook", "instagram"),
        "engagement",
        ("dakar_18_34",),
        ("photo_match_day",),
        10000,
    ),
    (
        "fin_annee_2025",
        "2025-11-24",
        "2025-12-24",
        ("facebook", "instagram"),
        "sales",
        ("dakar_25_44", "diaspora_fr", "retargeting_site"),
        ("carousel_coffrets", "video_coffret_15s"),
        14000,
    ),
    (
        "ramadan_2026",
        "2026-02-12",
        "2026-03-19",
        ("facebook", "instagram"),
        "traffic",
        ("dakar_25_44", "senegal_35_plus"),
        ("photo_kinkeliba_ftour", "video_rituel_ftour"),
        9000,
    ),
    # The A/B test (ab_test table) compares this campaign's two creatives.
    (
        "tabaski_2026",
        "2026-05-11",
        "2026-05-26",
        ("facebook", "instagram"),
        "sales",
        ("dakar_25_44", "diaspora_fr", "retargeting_site"),
        ("photo_coffret_tabaski", "video_coffret_tabaski"),
        16000,
    ),
    (
        "confiance_qualite_2026",
        "2026-06-15",
        "2026-07-05",
        ("facebook", "instagram"),
        "awareness",
        ("dakar_25_44",),
        ("video_atelier_qualite",),
        8000,
    ),
    (
        "diaspora_ete_2026",
        "2026-07-06",
        "2026-08-16",
        ("facebook", "instagram"),
        "sales",
        ("diaspora_fr", "diaspora_us_ca"),
        ("carousel_coffrets", "ugc_diaspora"),
        12000,
    ),
    (
        "tiktok_attaya_2026",
        "2026-08-20",
        "2026-09-27",
        ("tiktok",),
        "traffic",
        ("dakar_18_34",),
        ("reel_attaya_challenge", "ugc_attaya"),
        6000,
    ),
)
AD_CAMPAIGN_NAMES = tuple(c[0] for c in AD_CAMPAIGNS)
AD_SETS = (
    "dakar_18_34",
    "dakar_25_44",
    "senegal_35_plus",
    "diaspora_fr",
    "diaspora_us_ca",
    "retargeting_site",
)
AD_CREATIVES = tuple(sorted({creative for c in AD_CAMPAIGNS for creative in c[6]}))
AD_OBJECTIVES = ("awareness", "engagement", "traffic", "sales")
AB_TEST = {
    "campaign": "tabaski_2026",
    "A": "photo_coffret_tabaski",
    "B": "video_coffret_tabaski",
    # True click-through rates per exposed user; the data are sized so a chi-square test at
    # the 5% level detects the difference.
    "ctr": {"A": 0.018, "B": 0.023},
}

# The customer-care team, as it appears in inbox.handled_by.
TEAM = ("awa", "moussa", "fatou", "auto_reply")
