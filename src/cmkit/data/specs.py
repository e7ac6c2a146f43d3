"""Table specs: the single source of truth for every course dataset.

A spec names a table, describes it, and lists its columns with their kind, unit and meaning,
how the table was generated and its known quirks. The loader reads dtypes from here, the
generator validates its output against it, and the data cards are rendered from it, so the
cards cannot drift from the code.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from . import case

# Column kinds and the pandas dtype each one loads as. Timestamps are tz-aware in Dakar;
# dates (no time of day) are naive, because a calendar day has no time zone.
KINDS = {
    "str": "str",
    "category": None,  # built from the column's categories
    "int": "int64",
    "Int64": "Int64",  # nullable integer: the column has gaps
    "float": "float64",
    "bool": "bool",
    "timestamp": f"datetime64[us, {case.TIMEZONE}]",
    "date": "datetime64[us]",
}

# Controlled vocabularies, shared by generator, loader, cards and tests.
FORMATS = ("photo", "carousel", "video", "reel", "story", "link", "text", "live")
VIDEO_FORMATS = ("video", "reel", "live")
PILLARS = ("product", "education", "community", "behind_the_scenes", "promotion", "events_culture")
SENTIMENTS = ("positive", "neutral", "negative")
INBOX_CATEGORIES = ("question", "complaint", "praise", "spam", "troll")
AGE_BANDS = ("13-17", "18-24", "25-34", "35-44", "45-54", "55+")
GENDERS = ("female", "male", "undisclosed")
INTERESTS = (
    "infusions",
    "cuisine",
    "bien-être",
    "santé naturelle",
    "beauté",
    "mode",
    "football",
    "musique",
    "voyage",
    "entrepreneuriat",
    "culture",
    "cadeaux",
    "famille",
    "sport",
)
ORDER_CHANNELS = ("website", "whatsapp")
DEVICES = ("mobile", "desktop", "tablet")
MENTION_NETWORKS = (*case.PUBLIC_NETWORKS, "web")
INFLUENCER_CATEGORIES = (
    "food",
    "lifestyle",
    "wellness",
    "beauty",
    "comedy",
    "sport",
    "diaspora",
    "family",
)
LANDING_PAGES = (
    "/",
    "/boutique",
    "/produits/kinkeliba",
    "/produits/bissap",
    "/produits/gingembre",
    "/produits/attaya",
    "/coffrets",
    "/blog/rituel-attaya",
    "/blog/bienfaits-kinkeliba",
    "/notre-histoire",
    "/contact",
)
DELIVERY = ("pickup", "dakar", "senegal", "international")

# UTM vocabulary. utm_source and utm_medium are closed lists; utm_campaign is one of the
# organic campaign names below or a paid campaign (case.AD_CAMPAIGN_NAMES); utm_content is an
# organic placement below, a paid creative (case.AD_CREATIVES) or, for influencer traffic, the
# influencer's handle (influencers.handle).
UTM_SOURCES = ("facebook", "instagram", "tiktok", "linkedin", "x", "whatsapp", "newsletter")
UTM_MEDIUMS = ("social", "paid_social", "influencer", "email", "messaging")
UTM_ORGANIC = {
    # medium: (campaign, allowed utm_content values)
    "social": ("always_on", ("bio_link", "post_link", "story_link")),
    "email": ("newsletter_mensuelle", ("header_button", "product_block", "footer_link")),
    "messaging": ("broadcast", ("catalogue", "promo_message", "status_link")),
    "influencer": ("collab_influenceurs", ()),  # content = influencer handle
}
UTM_CAMPAIGNS = (*(c for c, _ in UTM_ORGANIC.values()), *case.AD_CAMPAIGN_NAMES)
UTM_PLACEMENTS = tuple(p for _, places in UTM_ORGANIC.values() for p in places)
REFERRERS = ("google.com", "bing.com", "l.facebook.com", "l.instagram.com", "chatgpt.com")


@dataclass(frozen=True)
class Column:
    name: str
    kind: str
    meaning: str
    unit: str = ""
    categories: tuple[str, ...] | None = None
    ordered: bool = False
    nullable: bool = False
    decimals: int = 3  # floats only: digits written to the CSV

    @property
    def dtype(self):
        """The pandas dtype this column loads as."""
        if self.kind == "category":
            return pd.CategoricalDtype(list(self.categories), ordered=self.ordered)
        return KINDS[self.kind]

    @property
    def type_label(self) -> str:
        """How the card names the type."""
        if self.kind == "category":
            label = "ordered category" if self.ordered else "category"
        else:
            label = {
                "str": "string",
                "Int64": "integer (nullable)",
                "int": "integer",
                "timestamp": "timestamp (Africa/Dakar)",
            }.get(self.kind, self.kind)
        if self.nullable and self.kind != "Int64":
            label += ", may be empty"
        return label


@dataclass(frozen=True)
class TableSpec:
    name: str
    title: str
    description: str
    columns: tuple[Column, ...]
    generation: tuple[str, ...]
    quirks: tuple[str, ...] = ()
    primary_key: str | None = None
    foreign_keys: dict[str, str] = field(default_factory=dict)  # column -> "table.column"
    scaled: bool = False  # grows with the generator's scale factor

    @property
    def file_name(self) -> str:
        return f"{self.name}.csv"

    @property
    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]

    @property
    def dtypes(self) -> dict:
        return {c.name: c.dtype for c in self.columns}

    def column(self, name: str) -> Column:
        for column in self.columns:
            if column.name == name:
                return column
        raise KeyError(name)


def _c(name, kind, meaning, unit="", **kw) -> Column:
    return Column(name, kind, meaning, unit, **kw)


def _cat(name, categories, meaning, **kw) -> Column:
    return Column(name, "category", meaning, categories=tuple(categories), **kw)


NOISE = (
    "About 5% of the {what} labels were deliberately replaced by another label at random "
    "(reproducible for a seed), as happens with human or automatic labelling: do not expect "
    "every label to match its text."
)

POSTS = TableSpec(
    name="posts",
    title="Posts published by Keur Thé on its six networks",
    description=(
        "One row per post (or story, or WhatsApp Channel update) published by Keur Thé from "
        "October 2024 to September 2026, with the metrics the networks report about it."
    ),
    primary_key="post_id",
    scaled=True,
    columns=(
        _c("post_id", "str", "Unique post id, in publication order."),
        _cat("network", case.NETWORKS, "Network the post was published on."),
        _c("published_at", "timestamp", "When the post went live, local time in Dakar."),
        _cat(
            "format",
            FORMATS,
            "Format: photo, carousel, video, reel (short vertical video, "
            "TikTok included), story, link, text or live.",
        ),
        _cat("pillar", PILLARS, "Content pillar of the editorial line."),
        _c("caption", "str", "Caption as published (French first, some Wolof and English)."),
        _c("hashtags", "str", "Hashtags of the post separated by spaces.", nullable=True),
        _cat("language", case.LANGUAGES, "Main language of the caption (fr, wo, en)."),
        _c(
            "followers",
            "int",
            "Followers (subscribers) of the account when the post went live.",
            "accounts",
        ),
        _c("impressions", "int", "Times the post was displayed, repeats included.", "views"),
        _c("reach", "int", "Distinct accounts the post was displayed to.", "accounts"),
        _c("likes", "int", "Likes and reactions (all reaction types).", "interactions"),
        _c("comments", "int", "Public comments.", "interactions"),
        _c("shares", "int", "Shares, reposts and forwards.", "interactions"),
        _c("saves", "int", "Saves / bookmarks.", "interactions"),
        _c(
            "clicks",
            "int",
            "Clicks on the post (link clicks for link posts, else profile or 'see more' clicks).",
            "clicks",
        ),
        _c(
            "video_views",
            "Int64",
            "Video views of 3 s or more; empty for formats without video.",
            "views",
        ),
        _c("is_boosted", "bool", "True if money was spent to boost (promote) the post."),
        _c("boost_spend_xof", "int", "Boost budget spent on the post; 0 when not boosted.", "XOF"),
        _c("is_contest", "bool", "True for contest / giveaway posts (comment-to-enter)."),
    ),
    generation=(
        "Posting days and times follow a per-network weekly plan (Instagram about 4-5 feed "
        "posts and 1-2 stories a week, Facebook 5, TikTok 3 rising to 5, X 3-4, LinkedIn 1-2, "
        "WhatsApp Channel 1-2), with Poisson noise, more posts on weekdays and at lunch and "
        "evening hours (local time), and seasonal peaks around Ramadan, Korité, Tabaski and "
        "year-end.",
        "Followers follow a growth curve per network (Instagram about 12k to 20k, Facebook 25k "
        "to 29k, TikTok about 2k to 20k, LinkedIn 1.5k to 2.4k, X 3k to 3.5k, WhatsApp Channel "
        "2k to 4.5k), with a dip after the match-day crisis.",
        "Reach = followers x a network and format reach rate x time-slot effect x log-normal "
        "noise (std of log reach about 1.1 overall); boosting multiplies reach with the spend. "
        "Impressions = reach x (1 + log-normal repeat factor), median ratio about 1.8.",
        "Interactions = reach x an engagement rate that is log-normal, lower for video and link "
        "posts and slowly falling with reach; they split into likes, shares and comments around "
        "84% / 13% / 3-4%, comments being over-dispersed (negative binomial) so that about a "
        "fifth of posts have none.",
        "Captions are composed from fragments (products, places, rituals, emojis, calls to "
        "action) in textgen.py.",
    ),
    quirks=(
        "Stories and WhatsApp Channel updates never have comments (replies arrive as direct "
        "messages, in the inbox table): their 0 is structural, not a lack of interest.",
        "A few scripted posts belong to the crises: the match-day sponsorship post of "
        "2025-11-16 (huge reach, very negative comments) and the statements that followed each "
        "crisis.",
        "Contest posts get many comments (comment-to-enter) and distort comment averages.",
        "Reach of boosted posts includes paid reach.",
    ),
)

AUDIENCE = TableSpec(
    name="audience",
    title="Followers and customers of Keur Thé",
    description=(
        "One row per person known to Keur Thé: followers on its networks, customers, or both. "
        "Demographics as the networks and the customer file report them, with purchase history "
        "over all channels (shops, website, WhatsApp)."
    ),
    primary_key="person_id",
    scaled=True,
    columns=(
        _c("person_id", "str", "Unique person id; orders.customer_id refers to it."),
        _cat(
            "platform",
            (*case.NETWORKS, "none"),
            "Main network the person follows Keur Thé "
            "on; 'none' for customers who follow no account.",
        ),
        _c("is_follower", "bool", "Follows at least one Keur Thé account."),
        _c("is_customer", "bool", "Has ordered at least once (any channel)."),
        _cat("age_band", AGE_BANDS, "Age band.", ordered=True),
        _cat("gender", GENDERS, "Gender as declared to the network or the shop."),
        _cat("city", case.CITY_NAMES, "City of residence."),
        _cat("country", case.COUNTRIES, "Country of residence (diaspora outside Senegal)."),
        _cat("language", case.LANGUAGES, "Preferred language: fr, wo (Wolof) or en."),
        _c("interests", "str", "Declared or inferred interests, separated by ';'.", nullable=True),
        _c(
            "follows_since",
            "date",
            "Day the person started following; empty if not a follower.",
            nullable=True,
        ),
        _c(
            "engagements_90d",
            "int",
            "Likes, comments and shares on Keur Thé posts in the last 90 days of the period.",
            "interactions",
        ),
        _c(
            "orders",
            "int",
            "Orders over the whole period, all channels (shops included).",
            "orders",
        ),
        _c("revenue_xof", "int", "Money spent over the whole period, all channels.", "XOF"),
        _c("first_order_at", "timestamp", "First order; empty for non-customers.", nullable=True),
        _c("last_order_at", "timestamp", "Last order; empty for non-customers.", nullable=True),
        _cat(
            "main_order_channel",
            ("shop", *ORDER_CHANNELS),
            "Channel of most of the person's orders; empty for non-customers.",
            nullable=True,
        ),
        _cat(
            "favourite_line",
            case.PRODUCT_LINES,
            "Product line bought most; empty for non-customers.",
            nullable=True,
        ),
        _c("newsletter_optin", "bool", "Agreed to receive the e-mail newsletter."),
        _c("whatsapp_optin", "bool", "Agreed to receive WhatsApp broadcasts."),
    ),
    generation=(
        "People are drawn country by country (about 65% Senegal, the rest France, Italy, "
        "Spain, USA, Canada, Belgium and neighbours), then city, age band, gender and language "
        "conditioned on country; the main platform depends on age (TikTok young, Facebook "
        "older, Instagram 25-34, LinkedIn professionals).",
        "The chance of being a customer depends on age, country and platform: TikTok's young "
        "followers are many but buy little; diaspora customers order less often but spend more "
        "per order.",
        "Order counts are negative binomial (many one-time buyers, a few loyal ones), spaced by "
        "exponential gaps; baskets draw products and quantities from the catalogue "
        "(cmkit.data.case.PRODUCTS: pouches 2,500-6,000 XOF, gift boxes 12,500-18,000 XOF), "
        "so most orders weigh 5,000-40,000 XOF, diaspora ones more (shipping).",
        "engagements_90d is negative binomial, higher for recent followers and customers.",
    ),
    quirks=(
        "orders and revenue_xof count every channel; the orders table holds only orders that "
        "went through the website (checkout or 'order on WhatsApp' button), so it shows fewer "
        "orders than this table.",
        "Demographics reported by networks are approximate: some 'undisclosed' genders, and "
        "13-17 accounts exist on TikTok even though they should not be targeted.",
        "A person is counted once, on one main platform, although many follow several accounts.",
    ),
)

INBOX = TableSpec(
    name="inbox",
    title="Comments and direct messages received by Keur Thé",
    description=(
        "One row per public comment or private message (DM, WhatsApp Business) received, "
        "labelled by category and sentiment, with the first reply of the team."
    ),
    primary_key="message_id",
    foreign_keys={"post_id": "posts.post_id"},
    scaled=True,
    columns=(
        _c("message_id", "str", "Unique message id, in order of arrival."),
        _cat("network", case.NETWORKS, "Network the message arrived on."),
        _cat("channel", ("comment", "dm"), "Public comment under a post, or private message."),
        _c("post_id", "str", "Post commented on (posts.post_id); empty for DMs.", nullable=True),
        _c("author", "str", "Handle of the sender (invented)."),
        _c("received_at", "timestamp", "When the message arrived."),
        _c(
            "first_reply_at",
            "timestamp",
            "First reply by the team; empty if never answered.",
            nullable=True,
        ),
        _c(
            "reply_minutes",
            "Int64",
            "Minutes from arrival to first reply; empty if never answered.",
            "minutes",
        ),
        _cat(
            "handled_by",
            case.TEAM,
            "Who answered first ('auto_reply' = automatic WhatsApp "
            "Business message); empty if never answered.",
            nullable=True,
        ),
        _cat("category", INBOX_CATEGORIES, "Label: question, complaint, praise, spam or troll."),
        _cat("sentiment", SENTIMENTS, "Sentiment label."),
        _cat("language", case.LANGUAGES, "Main language of the text."),
        _c("text", "str", "The message as received."),
    ),
    generation=(
        "Comments: about 15% of the comments counted in the posts table are routed to the "
        "team's inbox (post_id says which post), arriving a log-normal delay after the post "
        "(median about 2 hours). Direct messages: a Poisson process whose rate varies with "
        "weekday and hour (local time), season and growth, with bursts during the two crises "
        "(more complaints and trolls).",
        "Reply delays are log-normal during opening hours (Monday-Saturday 8:00-22:00, Sunday "
        "10:00-13:00; shorter on WhatsApp, 30% of WhatsApp messages get an instant automatic "
        "reply), "
        "and a message that arrives at night or on Sunday waits for the next opening: the "
        "distribution is heavy-tailed (mean far above median). Most spam and many trolls are "
        "never answered.",
        "Texts are composed from fragments per category and language in textgen.py.",
    ),
    quirks=(
        NOISE.format(what="category and sentiment"),
        "Replies that would have come after 2026-09-30 are missing (shown as never answered).",
        "During the crises the team was overwhelmed: reply times and unanswered shares jump.",
        "WhatsApp's automatic greeting counts as a first reply (handled_by 'auto_reply', a few "
        "seconds): decide whether it should count before computing first-response times.",
    ),
)

MENTIONS = TableSpec(
    name="mentions",
    title="Public mentions of Keur Thé around the two crises",
    description=(
        "One row per public post, comment, article or repost that mentions Keur Thé, collected "
        "by a monitoring tool over two windows: about six baseline weeks before each crisis and "
        "about three weeks after its onset."
    ),
    primary_key="mention_id",
    columns=(
        _c("mention_id", "str", "Unique mention id."),
        _cat(
            "scenario",
            case.SCENARIOS,
            "Monitoring window: match_day (Oct-Dec 2025) or foreign_object (Apr-Jul 2026).",
        ),
        _c("published_at", "timestamp", "When the mention was published."),
        _cat(
            "network",
            MENTION_NETWORKS,
            "Where: a public network, or 'web' for news sites and blogs.",
        ),
        _c("author", "str", "Author's handle or outlet name (invented)."),
        _c("text", "str", "Text of the mention."),
        _cat("language", case.LANGUAGES, "Main language of the text."),
        _cat("sentiment", SENTIMENTS, "Sentiment label from the monitoring tool."),
        _c(
            "sentiment_score",
            "float",
            "Sentiment score from -1 (very negative) to 1 (very positive).",
            "score",
        ),
        _c("author_followers", "int", "Followers (or audience) of the author.", "accounts"),
        _c("reach", "int", "Estimated reach of the mention.", "accounts"),
        _c("is_media", "bool", "Published by a news outlet or a media account."),
        _c("is_influencer", "bool", "Author has 10,000 followers or more and is not a media."),
        _c("is_reshare", "bool", "A repost / retweet of another mention (same text)."),
    ),
    generation=(
        "Baseline mentions are a Poisson process with weekday and hour rhythms (about 15 a "
        "day), mostly positive or neutral.",
        "Each crisis is a self-exciting (Hawkes-like) cascade: an initial post, a wave of "
        "reactions whose rate decays over hours and days, and every mention triggering further "
        "mentions (more when its author has many followers), so that volume explodes by more "
        "than ten times the baseline and net sentiment collapses.",
        "Author followers are log-normal; media and influencer mentions trigger larger cascades.",
    ),
    quirks=(
        NOISE.format(what="sentiment"),
        "sentiment_score comes from the text's true tone, so a flipped label can disagree with "
        "its score (label noise made visible).",
        "Reshares repeat the text of the mention they share.",
        "The exact onset of each crisis is not given here: finding it is the exercise "
        "(instructors: see cmkit.data.case.CRISES).",
    ),
)

COMPETITORS = TableSpec(
    name="competitors",
    title="Weekly benchmark of Keur Thé and three competitors",
    description=(
        "One row per week, brand and public network, as a benchmarking tool reports it: "
        "audience size, activity, engagement and mentions."
    ),
    columns=(
        _c("week", "date", "Monday of the week (local time)."),
        _cat(
            "brand",
            (case.BRAND, *case.COMPETITORS),
            "Brand benchmarked (competitors are invented).",
        ),
        _cat("network", case.PUBLIC_NETWORKS, "Public network (WhatsApp cannot be benchmarked)."),
        _c("followers", "int", "Followers at the end of the week.", "accounts"),
        _c("posts", "int", "Posts published during the week.", "posts"),
        _c("engagements", "int", "Likes + comments + shares on the week's posts.", "interactions"),
        _c("mentions", "int", "Public mentions of the brand during the week.", "mentions"),
        _c("positive_mentions", "int", "Mentions labelled positive.", "mentions"),
        _c("negative_mentions", "int", "Mentions labelled negative.", "mentions"),
    ),
    generation=(
        "Keur Thé's followers, posts and engagements are the weekly totals of the posts "
        "table; its mentions come from the mentions table inside the monitoring windows and "
        "from the same baseline process outside them.",
        "Competitors have their own follower curves, posting plans and engagement rates, with "
        "Poisson and negative-binomial weekly noise.",
        "One competitor launches a visible new initiative at some week: its activity, "
        "engagement and mentions change from that week on (spotting it is the exercise; "
        "instructors: see cmkit.data.case.INITIATIVE).",
    ),
    quirks=(
        "The first and last weeks are partial (the period starts on a Tuesday and ends on a "
        "Wednesday).",
        "Mentions on news sites ('web' in the mentions table) are not in this benchmark.",
    ),
)

INFLUENCERS = TableSpec(
    name="influencers",
    title="Influencer candidates for Keur Thé",
    description=(
        "One row per candidate account (invented), with audience figures, audience make-up, "
        "suspicious-audience signals and the price asked for one sponsored post."
    ),
    primary_key="handle",
    columns=(
        _c("handle", "str", "Account handle (invented)."),
        _cat(
            "network",
            ("instagram", "tiktok", "facebook", "x", "linkedin"),
            "Network of the account.",
        ),
        _cat("category", INFLUENCER_CATEGORIES, "Content category."),
        _cat("city", case.CITY_NAMES, "Where the creator lives."),
        _c("followers", "int", "Followers.", "accounts"),
        _c("avg_reach", "int", "Average reach of a post over the last 30 posts.", "accounts"),
        _c("avg_likes", "int", "Average likes per post.", "interactions"),
        _c("avg_comments", "int", "Average comments per post.", "interactions"),
        _c("avg_shares", "int", "Average shares per post.", "interactions"),
        _c("avg_engagements", "int", "avg_likes + avg_comments + avg_shares.", "interactions"),
        _c("posts_per_week", "float", "Posting frequency.", "posts/week", decimals=1),
        _c("audience_senegal", "float", "Share of followers in Senegal.", "share 0-1"),
        _c(
            "audience_diaspora",
            "float",
            "Share of followers in the diaspora countries of the "
            "case (France, Italy, Spain, USA, Canada, Belgium).",
            "share 0-1",
        ),
        _c(
            "audience_other",
            "float",
            "Share of followers elsewhere (outside the target).",
            "share 0-1",
        ),
        _c("audience_french", "float", "Share of followers whose language is French.", "share 0-1"),
        _c("audience_wolof", "float", "Share of followers whose language is Wolof.", "share 0-1"),
        _c(
            "audience_english",
            "float",
            "Share of followers whose language is English.",
            "share 0-1",
        ),
        _c(
            "max_weekly_growth_pct",
            "float",
            "Largest weekly follower growth over the last "
            "year (a spike hints at bought followers).",
            "%",
            decimals=1,
        ),
        _c(
            "inactive_followers_share",
            "float",
            "Share of followers that look inactive or fake (no picture, no posts, random names).",
            "share 0-1",
        ),
        _c(
            "non_target_engagement_share",
            "float",
            "Share of engagements coming from accounts outside Senegal and its diaspora.",
            "share 0-1",
        ),
        _c("comment_to_like_ratio", "float", "avg_comments / avg_likes.", "ratio", decimals=4),
        _c("price_xof", "int", "Price asked for one sponsored post.", "XOF"),
    ),
    generation=(
        "Followers are skewed within tiers (nano, micro, macro); reach and engagement rates "
        "fall with follower count, as on real networks; prices grow with follower count "
        "(bought followers included) plus log-normal noise.",
        "Audience shares are drawn from Dirichlet distributions centred on the creator's "
        "profile (local, diaspora, pan-African).",
        "About one candidate in eight has a bought audience: a follower-growth spike, many "
        "inactive followers, engagement from non-target countries and an odd comment-to-like "
        "ratio (bot comments), with low real reach for the price.",
    ),
    quirks=(
        "Suspicious accounts are not flagged: finding them from the signals is the exercise.",
        "Shares are rounded to 3 decimals and may not sum exactly to 1.",
    ),
)

AD_CAMPAIGNS = TableSpec(
    name="ad_campaigns",
    title="Daily results of Keur Thé's paid social campaigns",
    description=(
        "One row per day, campaign, network, ad set (audience) and creative (ad), as the ads "
        "managers report them."
    ),
    columns=(
        _c("date", "date", "Day of delivery (local time)."),
        _cat("campaign", case.AD_CAMPAIGN_NAMES, "Campaign name (also its utm_campaign)."),
        _cat("ad_set", case.AD_SETS, "Ad set: the targeted audience."),
        _cat("creative", case.AD_CREATIVES, "Creative (ad) shown (also its utm_content)."),
        _cat("network", ("facebook", "instagram", "tiktok"), "Network the ad ran on."),
        _cat("objective", case.AD_OBJECTIVES, "Campaign objective."),
        _c("spend_xof", "int", "Money spent that day.", "XOF"),
        _c("impressions", "int", "Times the ad was displayed.", "views"),
        _c("reach", "int", "Distinct accounts reached that day.", "accounts"),
        _c("clicks", "int", "All clicks on the ad (profile, 'see more', link...).", "clicks"),
        _c("link_clicks", "int", "Clicks on the ad's link to the website.", "clicks"),
        _c(
            "conversions",
            "int",
            "Purchases the network attributes to the ad (pixel, 7-day click or 1-day view).",
            "orders",
        ),
        _c("revenue_xof", "int", "Value of those purchases as the network reports it.", "XOF"),
    ),
    generation=(
        "Spend is the campaign's daily budget split over its rows with log-normal noise and a "
        "slower start (learning phase); impressions = spend / CPM, the CPM depending on the "
        "audience (Dakar about 700 XOF, diaspora 3,000-4,500 XOF).",
        "Clicks and link clicks are binomial with click-through rates that depend on the "
        "creative and decay as the audience tires of it; conversions are binomial on link "
        "clicks (sales campaigns convert best); revenue is conversions times a log-normal "
        "basket.",
    ),
    quirks=(
        "Conversions are the network's own count and include view-through purchases: they "
        "exceed the orders the website attributes to the same campaign through UTM tags.",
        "The match_day_2025 campaign stops on 2025-11-16, the day the crisis broke.",
        "The tabaski_2026 campaign's two creatives are the subject of the ab_test table.",
    ),
)

WEB_SESSIONS = TableSpec(
    name="web_sessions",
    title="Visits to Keur Thé's online shop",
    description=(
        "One row per website session with its UTM tags (empty for untagged traffic), landing "
        "page and device. Visitors are followed across sessions by a cookie (visitor_id)."
    ),
    primary_key="session_id",
    foreign_keys={"customer_id": "audience.person_id"},
    scaled=True,
    columns=(
        _c("session_id", "str", "Unique session id, in order of start."),
        _c("visitor_id", "str", "Browser cookie id: the same visitor across sessions."),
        _c(
            "customer_id",
            "str",
            "audience.person_id once the visitor is a known customer "
            "(stitched back to earlier sessions of the same cookie); empty otherwise.",
            nullable=True,
        ),
        _c("started_at", "timestamp", "Start of the session."),
        _cat("utm_source", UTM_SOURCES, "UTM source; empty for untagged traffic.", nullable=True),
        _cat("utm_medium", UTM_MEDIUMS, "UTM medium; empty for untagged traffic.", nullable=True),
        _cat(
            "utm_campaign",
            UTM_CAMPAIGNS,
            "UTM campaign; empty for untagged traffic.",
            nullable=True,
        ),
        _c(
            "utm_content",
            "str",
            "UTM content: placement, ad creative or influencer handle; empty for untagged traffic.",
            nullable=True,
        ),
        _cat(
            "referrer",
            REFERRERS,
            "Referring site for untagged visits (search, untagged "
            "social links); empty for direct visits and tagged ones.",
            nullable=True,
        ),
        _cat("landing_page", LANDING_PAGES, "First page of the session."),
        _cat("device", DEVICES, "Device type."),
        _cat("country", case.COUNTRIES, "Country of the visitor (from the IP address)."),
        _c("pages", "int", "Pages viewed.", "pages"),
        _c("duration_s", "int", "Session length (0 for single-page visits).", "seconds"),
    ),
    generation=(
        "Every website order gets a journey of one to several sessions over the preceding "
        "days: the first touch is often social (organic, paid or influencer), the last touch "
        "often direct, e-mail or WhatsApp, so first-touch and last-touch attribution differ.",
        "Paid sessions come from the ad_campaigns rows: about 40% of each day's link clicks "
        "land (slow mobile pages and closed tabs lose the rest). Influencer sessions come from "
        "six sponsored posts (utm_content = the creator's handle), one of them by a creator "
        "with a bought audience. Other non-buying visits are Poisson by day with a weekly "
        "rhythm and the brand's growth; a quarter of them come back from an earlier cookie and "
        "about one in eight is by a customer who already bought online.",
        "UTM values come from the documented vocabulary (cmkit.data.specs: UTM_SOURCES, "
        "UTM_MEDIUMS, UTM_ORGANIC, plus ad campaigns, creatives and influencer handles).",
    ),
    quirks=(
        "A journey usually spans several sessions of the same visitor_id; first-touch and "
        "last-touch attribution give different answers on purpose.",
        "Direct sessions have all four utm_* columns empty and no referrer; organic search and "
        "untagged social links have a referrer but no UTM.",
        "Some paid link clicks never become sessions: sessions per ad are fewer than link clicks.",
        "customer_id is stitched through the cookie: a customer on a new device appears as an "
        "anonymous visitor.",
    ),
)

ORDERS = TableSpec(
    name="orders",
    title="Orders placed through Keur Thé's website",
    description=(
        "One row per order placed through the website: checkout, or the 'order on WhatsApp' "
        "button confirmed in WhatsApp Business. Each order is tied to the session it came from."
    ),
    primary_key="order_id",
    foreign_keys={"session_id": "web_sessions.session_id", "customer_id": "audience.person_id"},
    scaled=True,
    columns=(
        _c("order_id", "str", "Unique order id, in order of time."),
        _c("session_id", "str", "Session in which the order was placed (web_sessions)."),
        _c("customer_id", "str", "Customer (audience.person_id); the same as the session's."),
        _c("ordered_at", "timestamp", "When the order was placed."),
        _c("amount_xof", "int", "Amount paid, delivery included.", "XOF"),
        _c("items", "int", "Number of items (pouches, boxes).", "items"),
        _c("products", "str", "Products ordered, 'name x quantity' separated by '; '."),
        _cat("channel", ORDER_CHANNELS, "website checkout or 'order on WhatsApp' button."),
        _cat(
            "delivery",
            DELIVERY,
            "Pick-up in a shop, delivery in Dakar, elsewhere in "
            "Senegal, or international shipping.",
        ),
    ),
    generation=(
        "Orders are the website and WhatsApp-button orders of the audience table's purchase "
        "histories; products are drawn from the catalogue (cmkit.data.case.PRODUCTS) with "
        "quantities, plus delivery fees (1,000-2,000 XOF in Senegal, 6,000-9,000 XOF abroad).",
    ),
    quirks=(
        "Shop orders and WhatsApp chats that never touched the website are not here (they are "
        "in audience.orders).",
        "A customer's orders can be weeks apart; each has its own journey of sessions.",
    ),
)

AB_TEST = TableSpec(
    name="ab_test",
    title="A/B test of two ad creatives (Tabaski 2026)",
    description=(
        "One row per user exposed to the tabaski_2026 campaign during its A/B test: variant A "
        "(photo_coffret_tabaski) or B (video_coffret_tabaski), how often the user saw it, "
        "whether the user clicked and whether the user bought."
    ),
    primary_key="user_id",
    columns=(
        _c("user_id", "str", "Unique exposed user (pseudonymous)."),
        _cat("variant", ("A", "B"), "Variant shown: A = photo, B = video."),
        _c("first_seen_on", "date", "Day of the user's first exposure."),
        _cat("device", DEVICES, "Device of the first exposure."),
        _c("impressions", "int", "Times the user saw the ad.", "views"),
        _c("clicked", "bool", "Clicked the ad at least once."),
        _c("converted", "bool", "Bought within 7 days of a click (only clickers can convert)."),
    ),
    generation=(
        "Users are split 50/50 at random. The true click probabilities per user are 1.8% "
        "(A) and 2.3% (B), with a small extra effect of repeated impressions; 9% of clickers "
        "buy, whatever the variant.",
        "The sample (about 15,000 users per variant) was sized so that a chi-square test of "
        "clicked by variant detects the difference at the 5% level (power about 85%): B's "
        "click-through rate is higher, a real but modest difference. With the default seed the "
        "test is significant; with another seed it may not be, which is a lesson in itself.",
    ),
    quirks=(
        "Each user appears once; impressions per user are over-dispersed (a few users saw the "
        "ad ten times or more).",
    ),
)

TABLES: dict[str, TableSpec] = {
    spec.name: spec
    for spec in (
        POSTS,
        AUDIENCE,
        INBOX,
        MENTIONS,
        COMPETITORS,
        INFLUENCERS,
        AD_CAMPAIGNS,
        WEB_SESSIONS,
        ORDERS,
        AB_TEST,
    )
}


def validate(spec: TableSpec, frame: pd.DataFrame) -> None:
    """Raise ValueError if a generated frame does not match its spec (a generator bug)."""
    if list(frame.columns) != spec.column_names:
        raise ValueError(f"{spec.name}: columns {list(frame.columns)} != {spec.column_names}")
    for column in spec.columns:
        values = frame[column.name]
        missing = values.isna()
        if missing.any() and not (column.nullable or column.kind == "Int64"):
            raise ValueError(f"{spec.name}.{column.name}: {int(missing.sum())} empty values")
        if column.kind == "category":
            unknown = set(values[~missing].unique()) - set(column.categories)
            if unknown:
                raise ValueError(f"{spec.name}.{column.name}: values {sorted(unknown)} not in spec")
    if spec.primary_key and frame[spec.primary_key].duplicated().any():
        raise ValueError(f"{spec.name}.{spec.primary_key}: duplicated ids")
