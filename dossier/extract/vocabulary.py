"""Small general word lists the entity rules share: titles and role nouns,
organization-type words, geographic feature words.  Nothing here names a
particular person, organization or place."""

from __future__ import annotations

# Nouns that head a role: "Russian President", "chair of the Federation
# Council", "a 72-year-old pro-Japan diplomat".
ROLE_HEADS = frozenset("""
president premier minister secretary spokesman spokeswoman spokesperson ambassador envoy diplomat
leader chancellor senator congressman congresswoman governor mayor chair chairman chairwoman aide adviser advisor
commissioner mediator representative chief head director king queen prince princess emperor empress pope
general admiral commander judge negotiator official poet writer author journalist correspondent editor
analyst expert professor scientist economist lawyer soldier officer subcontractor contractor candidate
lawmaker legislator politician founder executive manager counterpart republican democrat sheikh monarch
consul attache attaché vice-president ceo coordinator deputy prosecutor speaker mp activist dissident
chairperson co-chair vice-chair councillor councilor treasurer whip president-elect predecessor successor
charge chargé d'affaires under-secretary-general secretary-general sen. rep. gov. gen. lt. col. adm. sgt. capt.
pres. supt. insp. cmdr. amb.
counsel cleric imam rabbi priest bishop archbishop businessman businesswoman entrepreneur tycoon magnate
billionaire banker investor anchor presenter commentator columnist reporter photographer novelist
historian researcher mate
""".split())

PLURAL_ROLE_HEADS = {w + "s": w for w in ROLE_HEADS} | {"chiefs": "chief", "ministers": "minister"}

# Words that may stand inside a title before a name in lower case.
ROLE_MODIFIERS = frozenset("""
former retired late acting deputy senior chief vice then ex interim outgoing incoming foreign policy
assistant special top junior defence defense finance interior trade economy justice state cabinet
prime first-deputy press national security executive health education energy intelligence military party
opposition police army campaign government labor labour environment agriculture transport treasury home
commerce immigration climate communications regional federal general managing
transportation transport housing homeland veterans culture tourism fisheries industry development infrastructure
digital sports science technology research welfare employment planning public running
ministry department embassy agency council commission
""".split())

# Titles that stay part of a name when nothing else is known ("Pope Francis").
REGNAL_TITLES = frozenset({"pope", "king", "queen", "emperor", "empress", "prince", "princess", "sheikh", "saint"})

HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr", "prof", "sir", "madam", "dame", "lord", "lady", "mr.",
                        "mrs.", "ms.", "dr.", "prof."})

# Adjectives that rank or time a role rather than name it ("the last
# Japanese leader to ...").
ROLE_NOISE = frozenset({"last", "first", "new", "previous", "next", "same", "only", "current", "his", "her",
                        "its", "their", "the", "a", "an", "our", "your", "my"})

KINSHIP = frozenset({"father", "mother", "son", "daughter", "wife", "husband", "brother", "sister", "uncle",
                     "aunt", "grandfather", "grandmother", "nephew", "niece", "cousin", "widow"})

# Words that make a capitalised name an organization.
ORG_WORDS = frozenset("""
ministry council committee commission university college institute party congress parliament senate assembly
duma diet house court bank fund agency service office department bureau embassy consulate corps army navy
police guard union organization organisation association alliance league group company corporation corp
inc ltd news times post journal herald tribune shimbun television tv radio press network broadcasting nations
cooperation community foundation society centre center board authority secretariat cabinet government
administration federation coalition front movement
""".split())

# Legislatures named by a country: "the Greek parliament", "Macedonia's parliament".
LEGISLATURE_WORDS = frozenset({"parliament", "legislature", "senate", "duma", "congress"})

# Names ending in these words are events or documents, not organizations or places.
EVENT_WORDS = frozenset({"forum", "conference", "summit", "games", "olympics", "cup", "festival", "day", "war", "week",
                         "expo", "championship", "session", "address", "speech", "lecture"})
DOCUMENT_WORDS = frozenset({"treaty", "declaration", "statement", "act", "agreement", "accord", "plan", "charter",
                            "convention", "protocol", "resolution", "memorandum", "communique", "law", "pact",
                            "framework", "accords", "constitution", "roadmap", "package"})

# Words after a name that make it a geographic feature: "the Habomai islets".
GEO_FEATURES = frozenset({"island", "islands", "islet", "islets", "isles", "archipelago", "chain", "group",
                          "sea", "strait", "straits", "bay", "gulf", "peninsula", "river", "lake", "mountains",
                          "mountain", "valley", "prefecture", "province", "region", "coast", "range", "district",
                          "corridor"})
ISLAND_GROUP_WORDS = frozenset({"islands", "islets", "isles", "group", "chain", "archipelago"})

# "the village of Psarades", "his home prefecture of Yamaguchi".
PLACE_TYPE_WORDS = frozenset({"island", "village", "town", "city", "region", "prefecture", "province", "port",
                              "district", "county", "state", "republic", "capital", "resort", "oblast"})
ADMIN_UNIT_WORDS = frozenset({"prefecture", "province", "county", "oblast", "district"})
# Abbreviated unit words of datelines and captions: "Valmora, Eastshire Pref.".
ADMIN_ABBREVIATIONS = {"pref.": "Prefecture", "pref": "Prefecture", "prov.": "Province", "dist.": "District"}

# Organization words that also make a span the recognizer called a place an organization.
STRONG_ORG_WORDS = frozenset({"cooperation", "organization", "organisation", "association", "council", "committee",
                              "ministry", "university", "party", "bank", "agency", "corporation", "company", "news",
                              "times", "institute", "commission", "fund"})

LOCATIVE_PREPOSITIONS = frozenset({"in", "at", "near", "off", "from", "to", "into", "outside"})

# Last words that make a name a venue, a place rather than an organization:
# "Castle Buildings", "the Lisbon Congress Centre".
VENUE_WORDS = frozenset({"building", "buildings", "hotel", "stadium", "arena", "hall", "square", "tower", "estate",
                         "airport", "dam", "reactor", "cosmodrome", "spaceport", "refinery", "shipyard", "room"})
VENUE_CENTRE_QUALIFIERS = frozenset({"convention", "conference", "congress", "exhibition", "trade", "press"})

NAME_PREPOSITIONS = frozenset({"of", "on", "for", "between", "to", "in", "at", "against"})


def name_head(name: str) -> str:
    """The word a name is about, lower case: 'Convention on Climate Change'
    -> 'convention', 'Council of Europe' -> 'council'."""
    words = name.split()
    for n, word in enumerate(words):
        if n and word in NAME_PREPOSITIONS:
            return words[n - 1].lower()
    return words[-1].lower() if words else ""


def is_venue(name: str) -> bool:
    """'Castle Buildings', 'the Cabinet Room of the Palace'."""
    words = name.lower().split()
    if len(words) < 2:
        return False
    if words[-1] in {"centre", "center"}:
        return words[-2] in VENUE_CENTRE_QUALIFIERS
    return words[-1] in VENUE_WORDS or name_head(name) in VENUE_WORDS
