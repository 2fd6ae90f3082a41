"""Properties of the extractor over generated texts: no crash, anchors always place."""

from __future__ import annotations

import datetime

from hypothesis import given, settings
from hypothesis import strategies as st

import claimtrack
from claimtrack.anchor import PlacementStatus, place
from claimtrack.extract import ArticleFormat, ExtractSettings, extract, parse_article

TOKENS = st.sampled_from(
    [
        "The",
        "board",
        "said",
        "Officials",
        "reportedly",
        "more than",
        "2,000",
        "$30–50",
        "billion",
        "in",
        "late",
        "November",
        "April 1, 2024",
        "2016",
        "thirteen",
        "years",
        "“",
        "”",
        '"',
        ",",
        ".",
        ";",
        "—",
        "Dr.",
        "U.S.",
        "Ana Ruiz",
        "told",
        "the",
        "paper",
        ":",
        "may",
        "\n",
        "\n\n",
        "#",
        "**",
        "[",
        "](x)",
        "`",
        "%",
        "€",
        "nearly",
        "some",
        "between",
        "and",
        "according to",
        "’s",
        "remarks",
        "killed",
        "—",
        "a",
        "analyst",
    ]
)
TEXTS = st.lists(st.one_of(TOKENS, st.text(max_size=6)), max_size=60).map(" ".join)
SETTINGS = ExtractSettings(document_id="doc", title="Doc", today=datetime.date(2026, 1, 1))


class TestExtractProperties:
    @settings(max_examples=60, deadline=None)
    @given(TEXTS, st.sampled_from(list(ArticleFormat)))
    def test_anchors_place_and_the_draft_round_trips(self, raw: str, fmt: ArticleFormat) -> None:
        """Any text drafts without error; every anchor is found at its offsets; the draft dumps
        to a schema-valid file that loads back unchanged."""
        article = parse_article(raw, fmt)
        draft = extract(article, SETTINGS)
        for claim in draft.claims:
            assert place(article.text, claim.anchor).status is PlacementStatus.FOUND
        assert claimtrack.loads(claimtrack.dumps(draft)) == draft
