"""Text of the datasets: captions, messages, mentions and handles, French first.

All learner-visible vocabulary (phrases in French, Wolof and English, emojis, invented names
and outlets) lives here. Texts are composed from many fragments so that they vary like real
ones; every function takes a ``random.Random`` so a seed gives the same texts.
"""

from __future__ import annotations

import random
import unicodedata

from . import case

EMOJI_HAPPY = (
    "🍵",
    "🌿",
    "❤️",
    "🔥",
    "😍",
    "🙏🏾",
    "🇸🇳",
    "✨",
    "😋",
    "💚",
    "👏🏾",
    "🫖",
    "💯",
    "🌺",
)
EMOJI_GIFT = ("🎁", "📦", "🛵", "✈️", "🎉")
EMOJI_ANGRY = ("😡", "😤", "👎", "🤬", "😠", "💔", "🙄")
EMOJI_SHOCK = ("😱", "🤢", "😳", "🚨", "⚠️", "😨")
EMOJI_LAUGH = ("😂", "🤣", "😅", "🤡")

FIRST_NAMES = (
    "Awa",
    "Fatou",
    "Aminata",
    "Mariama",
    "Khady",
    "Ndeye",
    "Coumba",
    "Aissatou",
    "Binta",
    "Sokhna",
    "Astou",
    "Rokhaya",
    "Adji",
    "Yacine",
    "Dieynaba",
    "Oumou",
    "Seynabou",
    "Marième",
    "Moussa",
    "Mamadou",
    "Ibrahima",
    "Cheikh",
    "Modou",
    "Ousmane",
    "Abdoulaye",
    "Babacar",
    "Pape",
    "Serigne",
    "Lamine",
    "Alioune",
    "Omar",
    "Seydou",
    "Malick",
    "Youssou",
    "Assane",
    "Boubacar",
    "Saliou",
    "Demba",
    "Samba",
    "Léa",
    "Julie",
    "Chloé",
    "Thomas",
    "Kevin",
    "Sarah",
    "Grace",
    "Kofi",
    "Aïcha",
    "Nabou",
    "Fanta",
)
LAST_NAMES = (
    "Diop",
    "Ndiaye",
    "Fall",
    "Sow",
    "Gueye",
    "Faye",
    "Sarr",
    "Diallo",
    "Ba",
    "Mbaye",
    "Cissé",
    "Diouf",
    "Seck",
    "Ndour",
    "Thiam",
    "Kane",
    "Sy",
    "Niang",
    "Sène",
    "Dieng",
    "Camara",
    "Touré",
    "Wade",
    "Mbengue",
    "Badji",
    "Coly",
    "Sagna",
    "Diatta",
    "Lo",
    "Kâ",
    "Martin",
    "Bernard",
    "Johnson",
    "Mendy",
    "Tall",
)
HANDLE_SUFFIXES = (
    "",
    "",
    "",
    "_dkr",
    "221",
    "_sn",
    "_off",
    "_paris",
    "_mtl",
    "_bxl",
    "_",
    "x",
    "_nyc",
    "_officiel",
    "_tea",
    "_zen",
    "93",
    "_lyon",
    "_thies",
)
MEDIA_OUTLETS = (
    "Teranga Actu",
    "Dakar Matin Web",
    "SenInfo24",
    "Le Petit Plateau",
    "Radio Ndakaaru FM",
    "Diaspora Mag",
    "Buzz Sénégal",
    "L'Écho de Thiès",
    "Conso Afrique",
    "Sama Info TV",
)

# Products as people talk about them (short names) -> line.
PRODUCT_TALK = {  # all masculine and starting with a consonant, so "le/du/au {product}" reads well
    "kinkeliba": ("kinkeliba", "kinkeliba menthe", "kinkeliba classique"),
    "bissap": ("bissap", "bissap gingembre", "bissap rouge"),
    "gingembre": ("gingembre", "gingembre citronnelle", "gingembre pur"),
    "attaya": ("thé vert attaya", "thé attaya premium", "thé vert de l'attaya"),
    "coffret": ("coffret découverte", "coffret fêtes", "coffret cadeau"),
}
PLACES = (
    "Dakar",
    "Plateau",
    "Almadies",
    "Ouakam",
    "Yoff",
    "Médina",
    "Mermoz",
    "Sacré-Cœur",
    "Ngor",
    "HLM",
    "Parcelles",
    "Rufisque",
    "Thiès",
    "Saint-Louis",
    "Mbour",
    "Saly",
    "Paris",
    "Montreuil",
    "Milan",
    "Montréal",
    "New York",
    "Bruxelles",
)
TIMES_OF_DAY = (
    "ce matin",
    "au réveil",
    "après le déjeuner",
    "pour le ftour",
    "en soirée",
    "au bureau",
    "après le sport",
    "au goûter",
    "ce week-end",
    "avant de dormir",
)

# --- captions -------------------------------------------------------------------------------

_CAPTION = {
    "fr": {
        "product": (
            "Notre {product} {adj}, récolté au Sénégal et préparé à {place}.",
            "{Opener} Le {product} revient en boutique, {adj} comme vous l'aimez.",
            "Un {product} {adj} {time} ? On a ce qu'il vous faut.",
            "Nouveau lot de {product} : {adj}, sans arôme ajouté.",
            "Le {product} qui fait parler tout {place}.",
        ),
        "education": (
            "Le saviez-vous ? {Fact}",
            "Petit rappel : {fact}",
            "Rituel du jour : {fact}",
            "{Opener} On vous explique : {fact}",
        ),
        "community": (
            "Merci @{handle} pour ce joli moment {product} à {place} !",
            "Vos photos {time} nous font chaud au cœur. Taguez-nous !",
            "{Opener} Vous êtes de plus en plus nombreux à partager votre {product}.",
            "La communauté a choisi : le {product} {time}, sinon rien.",
        ),
        "behind_the_scenes": (
            "Dans notre atelier de {place}, {backstage}.",
            "Les coulisses : {backstage}.",
            "{Opener} Aujourd'hui à l'atelier, {backstage}.",
        ),
        "promotion": (
            "-{pct}% sur le {product} jusqu'à {day} !",
            "Livraison offerte à Dakar dès {amount} FCFA d'achat.",
            "Code {code} : -{pct}% sur tout le site, ce week-end seulement.",
            "Le {product} à prix doux cette semaine dans nos boutiques du Plateau et des Almadies.",
        ),
        "events_culture": (
            "{Event} approche : pensez au {product} pour toute la famille.",
            "Bonne fête à toutes et à tous pour {event} !",
            "Pour {event}, nos coffrets sont prêts à voyager jusqu'à {place}.",
            "{Opener} Ambiance {event} à la boutique des Almadies.",
        ),
    },
    "en": {
        "product": (
            "Our {product} is back: {adj_en}, grown in Senegal.",
            "Fresh batch of {product}, straight from Dakar.",
        ),
        "education": ("Did you know? {fact_en}", "Tea tip: {fact_en}"),
        "community": ("Thank you @{handle} for sharing your {product} moment!",),
        "behind_the_scenes": ("Behind the scenes in our Dakar workshop: {backstage_en}.",),
        "promotion": ("{pct}% off {product} until {day_en}. Shipping to the US and Canada!",),
        "events_culture": ("Happy {event_en} to our community in Senegal and abroad!",),
    },
    "wo": {
        "product": (
            "{product} bu bees agsi na! Dafa neex lool.",
            "Nanga def? {product} bi mi ngi ci boutique yi.",
        ),
        "education": ("Xam nga ne? {Fact}",),
        "community": ("Jërëjëf @{handle}! Yéen ñépp ci {place}, jàmm rekk.",),
        "behind_the_scenes": ("Ci sunu atelier: {backstage}.",),
        "promotion": ("-{pct}% ci {product} ba {day}. Ñëwleen!",),
        "events_culture": ("{Event} : jàmm ak salaam ci yéen ñépp. Jërëjëf!",),
    },
}
_OPENERS = (
    "Bonjour la famille !",
    "Nanga def ?",
    "Salut Dakar !",
    "Hello hello !",
    "Yow !",
    "Bonsoir !",
    "Attention, nouveauté :",
    "",
)
_ADJ = (
    "parfumé",
    "doux",
    "corsé",
    "bien frais",
    "100% naturel",
    "fait maison",
    "léger",
    "bien infusé",
    "équilibré",
)
_ADJ_EN = ("smooth", "fragrant", "100% natural", "bold", "refreshing")
_FACTS = (
    "le premier verre d'attaya est amer comme la mort, le deuxième doux comme la vie, le "
    "troisième sucré comme l'amour.",
    "le kinkeliba se boit traditionnellement au petit-déjeuner, avec du pain et du beurre.",
    "le bissap froid se prépare la veille : infusion, filtrage, puis une nuit au frais.",
    "le gingembre frais se râpe juste avant l'infusion pour garder son piquant.",
    "une bonne mousse d'attaya se fait en versant le thé de haut, verre après verre.",
    "le kinkeliba infuse 10 minutes dans une eau frémissante, pas bouillante.",
    "on peut mélanger bissap et menthe pour une boisson plus fraîche.",
    "le thé vert de l'attaya vient de Chine, mais le rituel est 100% sénégalais.",
)
_FACTS_EN = (
    "kinkeliba is the classic Senegalese breakfast infusion.",
    "attaya is served in three rounds, each sweeter than the last.",
    "cold bissap tastes best after a night in the fridge.",
)
_BACKSTAGE = (
    "on trie les feuilles de kinkeliba à la main",
    "les fleurs de bissap sèchent au soleil",
    "l'équipe prépare vos commandes pour la diaspora",
    "on teste un nouveau mélange gingembre-citronnelle",
    "Awa vérifie chaque sachet avant la mise en boutique",
    "on emballe les coffrets fêtes un par un",
    "nos livreurs partent pour la tournée de l'après-midi",
)
_BACKSTAGE_EN = ("we sort kinkeliba leaves by hand", "bissap flowers dry in the sun")
_CTA = (
    "Commandez sur notre site (lien en bio).",
    "Dispo en boutique et sur WhatsApp.",
    "Dites-nous en commentaire !",
    "Partagez avec vos proches.",
    "Lien en bio.",
    "Écrivez-nous sur WhatsApp.",
    "On vous attend au Plateau et aux Almadies.",
    "",
    "",
)
_CTA_EN = ("Order online, link in bio.", "We ship worldwide.", "Tell us in the comments!", "")
_CTA_WO = ("Jërëjëf!", "Ñëwleen ci boutique bi.", "Bindal nu ci WhatsApp.", "")
_CONTEST = (
    "CONCOURS : gagnez un {product} ! Pour participer : abonnez-vous, likez et taguez 2 amis "
    "en commentaire. Tirage le {day}.",
    "JEU CONCOURS {event_short} : un coffret à gagner ! Commentez avec votre verre d'attaya "
    "préféré et taguez un ami.",
    "Concours : dites-nous en commentaire comment vous buvez votre {product} et gagnez un "
    "coffret découverte !",
)
_EVENT_EN = ("Korité", "Tabaski", "Christmas", "Independence Day", "Ramadan", "Mother's Day")
_DAYS = (
    "dimanche",
    "lundi",
    "vendredi",
    "la fin du mois",
    "samedi soir",
    "la Korité",
    "la Tabaski",
    "Noël",
)
_CODES = ("ATTAYA10", "KINKE15", "BISSAP20", "DIASPORA", "TERANGA", "FETES25", "NEEX10")
_EVENT_TALK = (
    "la Korité",
    "la Tabaski",
    "Noël",
    "la Saint-Valentin",
    "la fête de l'indépendance",
    "la rentrée",
    "Ramadan",
    "la fête des mères",
    "Tamkharit",
    "la fête de la musique",
)
HASHTAGS = {
    "brand": ("#KeurThé", "#KeurThe"),
    "place": (
        "#Dakar",
        "#Sénégal",
        "#Senegal",
        "#Kebetu",
        "#Teranga",
        "#Almadies",
        "#DakarFood",
        "#MadeInSenegal",
        "#Diaspora221",
    ),
    "kinkeliba": ("#kinkeliba", "#infusion", "#petitdej", "#naturel"),
    "bissap": ("#bissap", "#jusdebissap", "#hibiscus", "#boissonlocale"),
    "gingembre": ("#gingembre", "#ginger", "#detox"),
    "attaya": ("#attaya", "#ataaya", "#thévert", "#troisverres"),
    "coffret": ("#coffret", "#cadeau", "#giftbox", "#idéecadeau"),
    "mood": (
        "#teatime",
        "#bienêtre",
        "#wellness",
        "#localfood",
        "#consommerlocal",
        "#entrepreneuriat",
        "#foodie",
        "#tea",
    ),
}


def _fill(template: str, rnd: random.Random, product: str, **extra) -> str:
    values = {
        "product": product,
        "place": rnd.choice(PLACES),
        "time": rnd.choice(TIMES_OF_DAY),
        "adj": rnd.choice(_ADJ),
        "adj_en": rnd.choice(_ADJ_EN),
        "fact": (fact := rnd.choice(_FACTS)),
        "Fact": fact[0].upper() + fact[1:],
        "fact_en": rnd.choice(_FACTS_EN),
        "backstage": rnd.choice(_BACKSTAGE),
        "backstage_en": rnd.choice(_BACKSTAGE_EN),
        "handle": handle(rnd),
        "pct": rnd.choice((10, 15, 20, 25, 30)),
        "day": rnd.choice(_DAYS),
        "amount": rnd.choice(("10 000", "15 000", "20 000")),
        "code": rnd.choice(_CODES),
        "event": (event := rnd.choice(_EVENT_TALK)),
        "Event": event[0].upper() + event[1:],
        "event_en": rnd.choice(_EVENT_EN),
        "day_en": rnd.choice(("Sunday", "Friday", "the end of the month", "Korité", "Tabaski")),
        "event_short": rnd.choice(("KORITÉ", "TABASKI", "NOËL", "RAMADAN")),
        "Opener": rnd.choice(_OPENERS),
    }
    values.update(extra)
    text = " ".join(template.format(**values).split())
    return text[0].upper() + text[1:] if text else text


def caption(rnd: random.Random, pillar: str, language: str, line: str, contest: bool) -> str:
    """A post caption for a content pillar, language and product line."""
    product = rnd.choice(PRODUCT_TALK[line])
    if contest:
        body = _fill(rnd.choice(_CONTEST), rnd, product)
        return f"{body} {rnd.choice(EMOJI_GIFT)}{rnd.choice(EMOJI_HAPPY)}"
    body = _fill(rnd.choice(_CAPTION[language][pillar]), rnd, product)
    cta = rnd.choice({"fr": _CTA, "en": _CTA_EN, "wo": _CTA_WO}[language])
    emojis = "".join(rnd.choice(EMOJI_HAPPY) for _ in range(rnd.choice((0, 1, 1, 2, 3))))
    return " ".join(part for part in (body, cta, emojis) if part)


def hashtags(rnd: random.Random, network: str, line: str) -> str:
    """Hashtags following each network's codes: many on Instagram, few on X, none on WhatsApp."""
    count = {
        "instagram": rnd.randint(4, 9),
        "tiktok": rnd.randint(3, 5),
        "linkedin": rnd.randint(2, 3),
        "x": rnd.randint(1, 2),
        "facebook": rnd.choice((0, 0, 1, 2)),
        "whatsapp": 0,
    }[network]
    pool = [rnd.choice(HASHTAGS["brand"])] + rnd.sample(HASHTAGS[line], 2)
    pool += rnd.sample(HASHTAGS["place"], 3) + rnd.sample(HASHTAGS["mood"], 3)
    if network == "tiktok":
        pool.insert(1, "#fyp")
    return " ".join(pool[:count])


# --- names and handles ----------------------------------------------------------------------


def _ascii(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()


def person_name(rnd: random.Random) -> str:
    return f"{rnd.choice(FIRST_NAMES)} {rnd.choice(LAST_NAMES)}"


def handle(rnd: random.Random) -> str:
    """An invented account handle such as awa.diop221 or modou_fall_dkr."""
    first, last = _ascii(rnd.choice(FIRST_NAMES)), _ascii(rnd.choice(LAST_NAMES))
    style = rnd.randint(0, 5)
    if style == 0:
        base = f"{first}.{last}"
    elif style == 1:
        base = f"{first}_{last}"
    elif style == 2:
        base = f"{first}{last}{rnd.randint(1, 99)}"
    elif style == 3:
        base = f"{first[0]}{last}"
    elif style == 4:
        base = f"{first}{rnd.choice(('', '.', '_'))}{rnd.randint(70, 2009)}"
    else:
        base = f"{last}.{first}"
    return base + rnd.choice(HANDLE_SUFFIXES)


# --- inbox ----------------------------------------------------------------------------------

_GREET = {
    "fr": ("Bonjour", "Bonsoir", "Salut", "Bjr", "Hello", "Salam", "Coucou", "Bonjour à vous", ""),
    "wo": ("Salaam aleekum", "Nanga def", "Asalaa maalekum", "Nangeen def", "Salam", ""),
    "en": ("Hi", "Hello", "Hey", "Good morning", ""),
}
_QUESTION = {
    "fr": (
        "vous livrez à {city} ?",
        "quel est le prix du {product} ?",
        "la boutique {shop} est ouverte le dimanche ?",
        "c'est possible d'envoyer {country_fr} ?",
        "le {product} convient aux femmes enceintes ?",
        "le {product} est encore en stock ?",
        "comment on prépare le {product} ?",
        "vous avez un point de vente à {city} ?",
        "combien de temps pour une livraison à {city} ?",
        "on peut payer par Wave ou Orange Money ?",
        "vous faites des prix pour les mariages ?",
        "c'est quoi la différence entre {product} et {product2} ?",
        "le coffret peut arriver avant {event} ?",
        "vous recrutez des revendeurs à {city} ?",
    ),
    "wo": (
        "ñaata la {product} bi ?",
        "ndax dingeen yónnee {city} ?",
        "fan la boutique bi nekk ?",
        "{product} bi am na ?",
        "kañ ngeen di ubbi dibéer ?",
        "mën naa fey ak Wave ?",
    ),
    "en": (
        "do you ship to {city}?",
        "how much is the {product}?",
        "is the {product} caffeine free?",
        "how long does shipping to {country} take?",
        "do you have a store in {city}?",
    ),
}
_COMPLAINT = {
    "fr": (
        "ma commande n°{order} n'est toujours pas arrivée après {n} jours.",
        "j'ai reçu un {product} au lieu du {product2}.",
        "le sachet de {product} était ouvert à la livraison.",
        "le livreur ne répond pas depuis ce matin.",
        "le goût du {product} a changé, c'est dommage.",
        "ça fait {n} jours que j'attends une réponse à mon message.",
        "on m'a facturé la livraison deux fois.",
        "accueil très froid à la boutique {shop}.",
        "le colis pour {city} est bloqué à la douane depuis {n} jours.",
        "le site plante au moment de payer.",
        "{n} 000 FCFA pour un coffret à moitié vide ?",
    ),
    "wo": (
        "sama commande bi agul, {n} fan a ngi nii.",
        "{product} bi dafa ñaaw tey.",
        "livreur bi du tontu.",
        "dama fey, waaye dara agsiwul.",
    ),
    "en": (
        "my order #{order} still hasn't arrived after {n} days.",
        "the box for {city} arrived damaged.",
        "I was charged twice for shipping.",
    ),
}
_PRAISE = {
    "fr": (
        "meilleur {product} de Dakar !",
        "merci pour l'accueil à la boutique {shop}.",
        "ma mère adore le coffret, merci !",
        "livraison rapide à {city}, top.",
        "le {product} {time}, un vrai bonheur.",
        "toute la famille à {city} est fan.",
        "enfin un {product} local de qualité.",
        "commande reçue en {n} jours à {city}, parfait.",
        "votre {product} me rappelle celui de ma grand-mère.",
    ),
    "wo": (
        "dafa neex lool !",
        "{product} bi neex na, jërëjëf !",
        "sopp naa ko lool.",
        "baax na torop, jërëjëf.",
        "waaw, dinaa ko jëndaat.",
    ),
    "en": (
        "best {product} I've had outside Senegal!",
        "arrived in {city} in {n} days, love it.",
        "my kids love the {product}, thank you!",
    ),
}
_SPAM = {
    "fr": (
        "Gagnez {prize} FCFA en 24h, cliquez ici bit.ly/{code}",
        "Promo followers pas chers, écrivez-moi en DM {emoji}",
        "Investissement crypto garanti {n}0% par mois, contactez-moi",
        "Félicitations ! Vous avez gagné un iPhone, réclamez-le sur gift-{code}.top",
        "Je vends des comptes Instagram certifiés, prix imbattables",
        "Prêt rapide sans garantie, WhatsApp +221 7{n} {code}",
    ),
    "en": (
        "Earn $500/day from home, DM me {emoji}",
        "Check my page for free followers {emoji} {code}",
        "Congrats! You won an iPhone, claim it at gift-{code}.top",
    ),
    "wo": ("Followers yu yomb, bindal ma ci DM {emoji}", "Xaalis bu bare ci 24h: bit.ly/{code}"),
}
_TROLL = {
    "fr": (
        "{n} 000 FCFA le sachet ? Vous vous moquez de nous {emoji}",
        "Le kinkeliba de ma grand-mère est gratuit lol {emoji}",
        "Encore une marque des Almadies pour toubabs {emoji}",
        "Votre thé c'est de l'eau chaude avec un logo {emoji}",
        "Même mon chat ne boirait pas ça {emoji}",
        "Personne ne vous connaît à {city} {emoji}",
        "Boycott, vous ne respectez pas les supporters {emoji}",
        "Fake, c'est du thé chinois reconditionné {emoji}",
    ),
    "en": ("Overpriced leaves with a logo {emoji}", "Nobody knows you in {city} {emoji}"),
    "wo": ("Dafa ñaaw, gàcce rekk {emoji}", "{product} bi dafa seer torop {emoji}"),
}
_SIGN = {
    "fr": ("Merci", "Merci d'avance", "Cordialement", "Bonne journée", "Svp", ""),
    "wo": ("Jërëjëf", "Ba beneen yoon", "Jàmm rekk", ""),
    "en": ("Thanks", "Thank you", "Cheers", ""),
}
COUNTRY_FR = {
    "Senegal": "au Sénégal", "France": "en France", "Italy": "en Italie", "Spain": "en Espagne",
    "USA": "aux États-Unis", "Canada": "au Canada", "Belgium": "en Belgique",
    "Côte d'Ivoire": "en Côte d'Ivoire", "Morocco": "au Maroc", "Mali": "au Mali",
}  # fmt: skip
_NAMES_IN_MESSAGE = ("Awa", "l'équipe", "Keur Thé", "madame", "monsieur", "")


def _inbox_values(rnd: random.Random) -> dict:
    line = rnd.choice(case.PRODUCT_LINES)
    other = rnd.choice(case.PRODUCT_LINES)
    country = rnd.choice(case.COUNTRIES[1:])
    return {
        "product": rnd.choice(PRODUCT_TALK[line]),
        "product2": rnd.choice(PRODUCT_TALK[other]),
        "city": rnd.choice([c for c, _ in case.CITIES[rnd.choice(case.COUNTRIES)]]),
        "country": country,
        "shop": rnd.choice(("du Plateau", "des Almadies")),
        "country_fr": COUNTRY_FR[country],
        "prize": rnd.choice(("250 000", "500 000", "1 000 000", "2 000 000")),
        "order": rnd.randint(1000, 9999),
        "n": rnd.randint(2, 21),
        "time": rnd.choice(TIMES_OF_DAY),
        "event": (event := rnd.choice(_EVENT_TALK)),
        "Event": event[0].upper() + event[1:],
        "event_en": rnd.choice(_EVENT_EN),
        "day_en": rnd.choice(("Sunday", "Friday", "the end of the month", "Korité", "Tabaski")),
        "code": "".join(rnd.choice("abcdefghjkmnpqrstuvwxyz23456789") for _ in range(5)),
        "emoji": rnd.choice(EMOJI_LAUGH + EMOJI_ANGRY),
    }


def inbox_text(rnd: random.Random, category: str, language: str) -> str:
    """A comment or DM of a category (question, complaint, praise, spam, troll)."""
    values = _inbox_values(rnd)
    if category in ("spam", "troll"):
        bank = (_SPAM if category == "spam" else _TROLL)[language]
        text = bank[rnd.randrange(len(bank))].format(**values)
        extra = rnd.random()
        if extra < 0.35:
            text = f"@{handle(rnd)} {text}"
        elif extra < 0.6:
            text += " " + "".join(rnd.choice(EMOJI_LAUGH + EMOJI_ANGRY) for _ in range(2))
        return text
    bank = {"question": _QUESTION, "complaint": _COMPLAINT, "praise": _PRAISE}[category]
    body = rnd.choice(bank[language]).format(**values)
    greet = rnd.choice(_GREET[language])
    name = rnd.choice(_NAMES_IN_MESSAGE) if language == "fr" else ""
    head = " ".join(p for p in (greet, name) if p)
    text = f"{head}, {body}" if head else body[0].upper() + body[1:]
    sign = rnd.choice(_SIGN[language])
    if sign:
        text += f" {sign}"
    if category == "praise" and rnd.random() < 0.6:
        text += " " + "".join(rnd.choice(EMOJI_HAPPY) for _ in range(rnd.randint(1, 3)))
    elif category == "complaint" and rnd.random() < 0.4:
        text += " " + rnd.choice(EMOJI_ANGRY)
    return text


# --- mentions -------------------------------------------------------------------------------

_BASELINE = {
    "positive": {
        "fr": (
            "Petit {product} de @keurthe {time} {emoji}",
            "Le {product} de Keur Thé, une tuerie {emoji}",
            "Accueil au top à la boutique Keur Thé {shop}",
            "Reçu mon coffret Keur Thé à {city}, trop contente {emoji}",
            "Je recommande le {product} de @keurthe à tout le monde",
            "Keur Thé a réussi son {product}, bravo {emoji}",
            "Mon rituel {time} : {product} Keur Thé {emoji}",
        ),
        "wo": ("{product} Keur Thé dafa neex lool {emoji}", "Keur Thé, jërëjëf ci {product} bi!"),
        "en": (
            "Obsessed with the {product} from @keurthe {emoji}",
            "Keur Thé shipping to {city} was fast, love it {emoji}",
        ),
    },
    "neutral": {
        "fr": (
            "Quelqu'un a déjà goûté le {product} de Keur Thé ?",
            "Keur Thé ouvre le dimanche {shop_at} ?",
            "Où trouver du {product} à {city} ? On me parle de Keur Thé",
            "Comparatif kinkeliba : Keur Thé vs les marchés",
            "Keur Thé livre à {city} ou pas ?",
            "Vu une pub Keur Thé pour le {product}",
        ),
        "wo": ("Ku xam fan la Keur Thé nekk ci {city}?", "Keur Thé am na {product}?"),
        "en": ("Anyone tried Keur Thé's {product}?", "Does Keur Thé ship to {city}?"),
    },
    "negative": {
        "fr": (
            "Livraison Keur Thé en retard, {n} jours d'attente {emoji}",
            "Keur Thé un peu cher pour du {product} quand même",
            "Service client Keur Thé injoignable depuis {n} jours",
            "Déçue du {product} Keur Thé cette fois {emoji}",
        ),
        "wo": ("Keur Thé dafa seer torop", "Livraison Keur Thé dafa yàgg {emoji}"),
        "en": ("Keur Thé order still not here after {n} days {emoji}",),
    },
}
_CRISIS = {
    "match_day": {
        "negative": {
            "fr": (
                "Honte à @keurthe qui se moque des supporters de {club} {emoji} #BoycottKeurThé",
                "Un sponsor qui humilie les fans de {club}, je n'achète plus jamais Keur Thé",
                "Keur Thé pense que perdre un match c'est drôle ? {emoji}",
                "Supporters de {club}, on boycotte Keur Thé jusqu'à des excuses",
                "Le post de Keur Thé est une insulte à tout {place} {emoji}",
                "Keur Thé a cru faire de l'humour, résultat : {n} 000 fans en colère",
                "Excuses publiques de Keur Thé, maintenant ! #BoycottKeurThé",
                "Désabonnée de Keur Thé. On ne rigole pas avec {club} {emoji}",
            ),
            "wo": (
                "Keur Thé dañu nu xeeb, duma ko jëndati {emoji}",
                "Gàcce ngeen Keur Thé! Supporters {club} yi dañu mer",
                "Keur Thé, bul ko defati {emoji} #BoycottKeurThé",
            ),
            "en": ("Keur Thé mocking {club} fans after the match? Not funny {emoji}",),
        },
        "neutral": {
            "fr": (
                "Quelqu'un a vu le post de Keur Thé après le match de {club} ?",
                "Polémique Keur Thé : le post a été supprimé ?",
                "Keur Thé et {club}, on en parle ? #BoycottKeurThé",
                "Capture du post de Keur Thé avant suppression",
            ),
            "wo": ("Keur Thé ak {club}, lan moo xew?",),
            "en": ("What did Keur Thé post about {club}?",),
        },
        "positive": {
            "fr": (
                "C'était de l'humour, calmez-vous avec Keur Thé {emoji}",
                "Keur Thé s'est excusé, ça me suffit. Leur {product} reste le meilleur",
                "Les supporters de {club} exagèrent, Keur Thé ne pensait pas à mal",
            ),
            "wo": ("Amul solo, Keur Thé baax na {emoji}",),
            "en": ("Keur Thé apologised, move on {emoji}",),
        },
    },
    "foreign_object": {
        "negative": {
            "fr": (
                "J'ai trouvé un morceau de plastique dans mon sachet de {product} @keurthe "
                "{emoji} vidéo à l'appui",
                "Un corps étranger dans un thé Keur Thé ? Et la sécurité alimentaire ?",
                "Keur Thé doit rappeler ses sachets de {product} {emoji}",
                "Après la vidéo, plus jamais de Keur Thé chez moi {emoji}",
                "J'ai jeté tous mes sachets Keur Thé, on ne sait jamais {emoji}",
                "Keur Thé silence radio depuis la vidéo du sachet de {product}",
                "Mes enfants boivent du {product} Keur Thé tous les jours, je suis choquée {emoji}",
            ),
            "wo": (
                "Keur Thé, lan la ci sachet bi? {emoji}",
                "Sachet Keur Thé bi, dafa ñaaw lool {emoji}",
            ),
            "en": (
                "Foreign object in a Keur Thé tea pouch?! {emoji}",
                "Keur Thé needs to explain that video {emoji}",
            ),
        },
        "neutral": {
            "fr": (
                "La vidéo du sachet Keur Thé, c'est vrai ou fake ?",
                "Keur Thé annonce une enquête sur le lot de {product}",
                "Quel numéro de lot pour le sachet Keur Thé de la vidéo ?",
                "En attente de la réponse officielle de Keur Thé",
            ),
            "wo": ("Keur Thé, ndax dëgg la?",),
            "en": ("Is the Keur Thé video real?",),
        },
        "positive": {
            "fr": (
                "J'achète chez Keur Thé depuis {n} ans, jamais eu de problème",
                "Bravo Keur Thé pour la réponse rapide et transparente {emoji}",
                "Keur Thé a ouvert son atelier aux clients, c'est rassurant",
            ),
            "wo": ("Keur Thé baax na, jàmm rekk {emoji}",),
            "en": ("Keur Thé handled it well, respect {emoji}",),
        },
    },
}
_INTERJECTIONS = (
    "Franchement",
    "Sérieux",
    "Wallahi",
    "Bref",
    "Honnêtement",
    "Waaw",
    "Lol",
    "Hmm",
    "Bon",
    "Attendez",
    "Euh",
    "Yow",
    "Alors",
    "Oups",
    "Mdr",
    "Ah bon",
    "Vraiment",
    "Dëgg",
)
_PLACE_TAGS = (
    "#Dakar",
    "#Kebetu",
    "#Senegal",
    "#Teranga",
    "#Galsen",
    "#221",
    "#Diaspora221",
    "#DakarFood",
    "#ConsommerLocal",
)
_CRISIS_TAGS = {
    "match_day": (
        "#BoycottKeurThé",
        "#KeurThé",
        "#Respect",
        "#Supporters",
        "#BadBuzz",
        "#MédinaSporting",
    ),
    "foreign_object": (
        "#KeurThé",
        "#SécuritéAlimentaire",
        "#RappelProduit",
        "#Transparence",
        "#Consommateurs",
    ),
}
_ENDINGS = (
    "...",
    "!!",
    "?!",
    "Voilà.",
    "C'est tout.",
    "Je dis ça je dis rien.",
    "À suivre.",
    "Partagez !",
    "Jàmm rekk.",
    "Fin.",
    "Point.",
    "Vous en pensez quoi ?",
)
_MEDIA = {
    "match_day": (
        "Polémique : la marque Keur Thé s'excuse après un post sur la défaite de {club}",
        "Sponsoring : le post de Keur Thé qui a fâché les supporters de {club}",
        "Bad buzz : ce qu'il faut retenir de l'affaire Keur Thé",
    ),
    "foreign_object": (
        "Un corps étranger dans un sachet de thé : la marque Keur Thé réagit",
        "Keur Thé : enquête ouverte après une vidéo virale",
        "Sécurité alimentaire : Keur Thé retire un lot de {product}",
    ),
    "baseline": (
        "Consommer local : Keur Thé, la marque qui modernise le kinkeliba",
        "Entrepreneuriat : les boutiques Keur Thé s'agrandissent",
        "Diaspora : le thé sénégalais s'exporte avec Keur Thé",
    ),
}


def mention_text(
    rnd: random.Random, scenario: str | None, sentiment: str, language: str, is_media: bool
) -> str:
    """A public mention: baseline chatter (scenario None) or crisis talk of a scenario."""
    line = rnd.choice(case.PRODUCT_LINES)
    values = {
        "product": rnd.choice(PRODUCT_TALK[line]),
        "time": rnd.choice(TIMES_OF_DAY),
        "shop": (shop := rnd.choice(("du Plateau", "des Almadies"))),
        "shop_at": "au Plateau" if shop == "du Plateau" else "aux Almadies",
        "city": rnd.choice(PLACES),
        "place": rnd.choice(("Dakar", "la Médina", "le Sénégal", "la banlieue", "Pikine")),
        "club": case.CLUB_LOSING,
        "n": rnd.randint(2, 12),
        "emoji": "",
    }
    if is_media:
        title = rnd.choice(_MEDIA[scenario or "baseline"]).format(**values)
        return f"{title} | {rnd.choice(MEDIA_OUTLETS)}"
    bank = _BASELINE if scenario is None else _CRISIS[scenario]
    emoji_bank = {
        "positive": EMOJI_HAPPY,
        "neutral": ("🤔", "👀", "❓", ""),
        "negative": EMOJI_ANGRY + EMOJI_SHOCK,
    }[sentiment]
    values["emoji"] = "".join(rnd.choice(emoji_bank) for _ in range(rnd.randint(0, 3)))
    text = rnd.choice(bank[sentiment][language]).format(**values)
    # Small personal touches make near-duplicates distinct, as real posts are.
    if rnd.random() < 0.35:
        text = f"{rnd.choice(_INTERJECTIONS)}, {text[0].lower()}{text[1:]}"
    if rnd.random() < 0.3:
        text += f" @{handle(rnd)}"
    if rnd.random() < 0.3:
        tags = _CRISIS_TAGS[scenario] if scenario and sentiment == "negative" else _PLACE_TAGS
        text += f" {rnd.choice(tags)}"
    if rnd.random() < 0.25:
        text += " " + rnd.choice(_ENDINGS)
    return " ".join(text.split())
