"""News style around a claim's source: abbreviated dates, and time or place before the subject."""

from __future__ import annotations

import pytest

from claimtrack.extract.attribution import detect_attribution
from claimtrack.extract.entities import EntityFinder
from claimtrack.model import Specificity


def _entities(text: str) -> list[str]:
    return [found.entity.name for found in EntityFinder(text).find(text)]


class TestAbbreviatedDates:
    @pytest.mark.parametrize(
        "text",
        [
            "On Dec. 8, 2024, rebels entered Damascus.",
            "Rebels entered Damascus on Sept 30 after a week of fighting.",
            "Talks in Damascus ended on Tues. with no deal.",
            "By Jan. 2025 the convoys reached Damascus.",
        ],
    )
    def test_a_month_or_day_before_its_full_stop_or_number_is_not_a_name(self, text: str) -> None:
        assert _entities(text) == ["Damascus"]

    def test_the_same_word_alone_may_be_a_name(self) -> None:
        """Without a full stop or a number after it, the word is left to the other rules."""
        text = "The vote was fair, Jan said, and Mar Roxas agreed."
        assert "Jan" in _entities(text)
        assert "Mar Roxas" in _entities(text)


class TestLeadBeforeTheSubject:
    @pytest.mark.parametrize(
        ("text", "specificity", "asserted_by"),
        [
            ("In Jan. 2025 the UN reported 12,000 deaths.", Specificity.NAMED, "the UN"),
            ("In 2025 the UN estimated that 12,000 people fled.", Specificity.NAMED, "the UN"),
            ("On Monday officials said the dam had failed.", Specificity.VAGUE, "officials"),
            ("Last year the agency said 40 people died.", Specificity.NAMED, "the agency"),
            (
                "Earlier this week the ministry said it had 3,000 troops.",
                Specificity.NAMED,
                "the ministry",
            ),
            (
                "In the morning the minister told reporters it was shut.",
                Specificity.NAMED,
                "the minister",
            ),
            ("In March, the president said the war was over.", Specificity.NAMED, "the president"),
            ("In Damascus officials said the city was calm.", Specificity.VAGUE, "officials"),
            ("The 1990s saw growth, the bank said.", Specificity.NAMED, "the bank"),
            # an institution word inside a clause does not make the clause a name
            ("The board will repair the dam, its chair said.", Specificity.NAMED, "its chair"),
        ],
    )
    def test_the_source_is_the_subject_after_the_lead(
        self, text: str, specificity: Specificity, asserted_by: str
    ) -> None:
        attribution = detect_attribution(text)
        assert (attribution.specificity, attribution.asserted_by) == (specificity, asserted_by)

    @pytest.mark.parametrize(
        ("text", "asserted_by"),
        [
            ("Sun Yat-sen said the revolution was not over.", "Sun Yat-sen"),
            ("May Wong said the figures were wrong.", "May Wong"),
            ("The minister said the war was over.", "The minister"),
        ],
    )
    def test_a_name_that_starts_like_a_date_is_kept_whole(
        self, text: str, asserted_by: str
    ) -> None:
        assert detect_attribution(text, lambda _word: True).asserted_by == asserted_by
