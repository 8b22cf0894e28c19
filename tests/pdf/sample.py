"""A small hand-made briefing for the PDF tests: people with Japanese and
Russian names, events before and after the as-of date, documents, quotes,
and article text that tries to be HTML."""

from __future__ import annotations

from dossier.model import (
    Article,
    Briefing,
    Document,
    Event,
    EventReport,
    Mention,
    Organization,
    Paragraph,
    Person,
    Place,
    Provenance,
    Provision,
    Quote,
    Role,
)
from dossier.settings import Settings

JAPANESE_NAME = "安倍晋三"
RUSSIAN_NAME = "Владимир Путин"
MARKING = "OFFICIAL – SENSITIVE"
HOSTILE = '<img src="http://example.invalid/x.png"><script>alert(1)</script> & <b>bold</b>'


def _p(article: str, paragraph: int, start: int = 0, end: int = 0) -> Provenance:
    return Provenance(article, paragraph, start, end)


def sample_articles() -> list[Article]:
    a1 = Article(
        id="abe-putin-sochi",
        title="Abe and Putin meet in Sochi",
        path="articles/abe-putin-sochi.txt",
        published="2016-05-07",
        source="Example Times",
        paragraphs=[
            Paragraph(1, f"Prime Minister Shinzo Abe ({JAPANESE_NAME}) met President Vladimir Putin "
                         f"({RUSSIAN_NAME}) in Sochi on May 6."),
            Paragraph(2, "The leaders agreed an eight-point plan for economic cooperation."),
            Paragraph(3, "“We will take a new approach,” Abe told reporters after the talks."),
            Paragraph(4, "Putin said the 1956 Joint Declaration remained the basis of the talks."),
            Paragraph(5, f"An odd paragraph: {HOSTILE}"),
        ],
    )
    a2 = Article(
        id="vladivostok-forum",
        title="Abe to visit Vladivostok for the Eastern Economic Forum",
        path="articles/vladivostok-forum.txt",
        published="2016-08-20",
        paragraphs=[
            Paragraph(1, "Abe is scheduled to visit Vladivostok on September 2 and 3 for the Eastern Economic Forum."),
            Paragraph(2, "Alexander Panov, former Russian Ambassador to Japan, said both leaders were determined."),
            Paragraph(3, "“The two countries need to take advantage of this window of opportunity,” Panov said."),
            Paragraph(4, "Sergey Lavrov, the Russian foreign minister, will meet Fumio Kishida in Tokyo in December."),
        ],
    )
    return [a1, a2]


def sample_briefing(*, extra_events: int = 0) -> Briefing:
    articles = sample_articles()
    s, v = "abe-putin-sochi", "vladivostok-forum"
    abe = Person(
        id="shinzo-abe", name="Shinzo Abe", aliases=[JAPANESE_NAME],
        roles=[Role("Prime Minister of Japan", _p(s, 1))],
        mentions=[Mention("Shinzo Abe", _p(s, 1, 16, 26)), Mention("Abe", _p(v, 1, 0, 3))],
    )
    putin = Person(
        id="vladimir-putin", name="Vladimir Putin", aliases=[RUSSIAN_NAME],
        roles=[Role("President of Russia", _p(s, 1))],
        mentions=[Mention("Vladimir Putin", _p(s, 1, 50, 64)), Mention("Putin", _p(s, 4, 0, 5))],
    )
    panov = Person(
        id="alexander-panov", name="Alexander Panov",
        roles=[Role("former Russian Ambassador to Japan", _p(v, 2))],
        mentions=[Mention("Alexander Panov", _p(v, 2, 0, 15))],
    )
    lavrov = Person(
        id="sergey-lavrov", name="Sergey Lavrov", roles=[Role("Russian foreign minister", _p(v, 4))],
        mentions=[Mention("Sergey Lavrov", _p(v, 4, 0, 13))],
    )
    kishida = Person(id="fumio-kishida", name="Fumio Kishida", mentions=[Mention("Fumio Kishida", _p(v, 4, 50, 63))])
    # A name written only in Japanese script, so the font test needs CJK glyphs in a heading too.
    kono = Person(id="x-kono", name="河野太郎", mentions=[Mention("河野太郎", _p(s, 5, 0, 4))])
    sochi = Place(id="sochi", name="Sochi", kind="city", mentions=[Mention("Sochi", _p(s, 1, 80, 85))])
    vladivostok = Place(id="vladivostok", name="Vladivostok", kind="city",
                        mentions=[Mention("Vladivostok", _p(v, 1, 25, 36))])
    tokyo = Place(id="tokyo", name="Tokyo", kind="city", mentions=[Mention("Tokyo", _p(v, 4, 60, 65))])
    forum = Organization(id="eastern-economic-forum", name="Eastern Economic Forum",
                         mentions=[Mention("Eastern Economic Forum", _p(v, 1, 60, 82))])
    declaration = Document(
        id="joint-declaration-1956", name="Soviet–Japanese Joint Declaration of 1956", kind="declaration",
        date="1956-10-19", provisions=[Provision("Shikotan and the Habomai islands to be handed over after a "
                                                 "peace treaty", _p(s, 4), "stipulates")],
        mentions=[Mention("1956 Joint Declaration", _p(s, 4, 20, 42))], events=["sochi-talks"],
    )
    plan = Document(
        id="eight-point-plan", name="Eight-point plan", kind="plan", date="2016-05-06",
        mentions=[Mention("eight-point plan", _p(s, 2, 20, 36))], events=["sochi-talks"],
    )
    events = [
        Event(
            id="sochi-talks", title="Abe–Putin talks in Sochi", kind="talks", date="2016-05-06", place="sochi",
            participants=["shinzo-abe", "vladimir-putin"], status="held",
            reports=[EventReport(_p(s, 1), "Abe met Putin in Sochi on May 6.", "held", "2016-05-06", "May 6")],
            documents=["eight-point-plan", "joint-declaration-1956"],
        ),
        Event(
            id="vladivostok-eef", title="Abe–Putin meeting at the Eastern Economic Forum", kind="meeting",
            date="2016-09-02/2016-09-03", place="vladivostok", participants=["shinzo-abe", "vladimir-putin"],
            status="scheduled",
            reports=[EventReport(_p(v, 1), "Abe is scheduled to visit Vladivostok on September 2 and 3.",
                                 "scheduled", "2016-09-02/2016-09-03", "September 2 and 3")],
        ),
        Event(
            id="lavrov-kishida-tokyo", title="Lavrov–Kishida talks in Tokyo", kind="talks", date="2016-12",
            place="tokyo", participants=["sergey-lavrov", "fumio-kishida"], status="expected",
            reports=[EventReport(_p(v, 4), "Lavrov will meet Kishida in Tokyo in December.", "expected",
                                 "2016-12", "in December")],
        ),
    ]
    for n in range(extra_events):
        events.append(Event(
            id=f"extra-{n}", title=f"Working-level consultation number {n}", kind="meeting",
            date=f"2015-{1 + n % 12:02d}-{1 + n % 27:02d}", place="sochi",
            participants=["shinzo-abe", "vladimir-putin"], status="held",
            reports=[EventReport(_p(s, 1 + n % 4), f"Consultation {n} took place.", "held")],
        ))
    quotes = [
        Quote("q1", "We will take a new approach", _p(s, 3, 1, 28), speaker="shinzo-abe", cue="told reporters"),
        Quote("q2", "the 1956 Joint Declaration remained the basis of the talks", _p(s, 4, 16, 75),
              speaker="vladimir-putin", direct=False, cue="said"),
        Quote("q3", "The two countries need to take advantage of this window of opportunity", _p(v, 3, 1, 71),
              speaker="alexander-panov", cue="said"),
        Quote("q4", HOSTILE, _p(s, 5, 20, 60), speaker="x-kono", cue="said"),
    ]
    return Briefing(
        articles=articles,
        people=[abe, putin, panov, lavrov, kishida, kono],
        organizations=[forum],
        places=[sochi, vladivostok, tokyo],
        events=events,
        documents=[declaration, plan],
        quotes=quotes,
    )


def sample_settings(**overrides: object) -> Settings:
    values: dict[str, object] = {
        "title": "Russia–Japan test dossier",
        "subtitle": "Talks on the islands",
        "marking": MARKING,
        "prepared_by": "the test suite",
        "as_of": "2016-08-20",
        "templates": "no-user-templates",
    }
    values.update(overrides)
    return Settings(**values)  # type: ignore[arg-type]
