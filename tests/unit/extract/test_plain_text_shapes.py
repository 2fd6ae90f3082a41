"""Plain-text articles in the shapes desks receive them: bulleted and numbered lists,
interview transcripts (Q: … A: …), a body named by its country's possessive, and passives."""

from __future__ import annotations

import datetime

import pytest

from claimtrack.extract import ArticleFormat, ExtractSettings, extract, parse_article
from claimtrack.extract.attribution import detect_attribution
from claimtrack.model import ClaimFile, EntityType, Specificity

TODAY = datetime.date(2026, 1, 1)


def _draft(text: str) -> ClaimFile:
    return extract(
        parse_article(text, ArticleFormat.TEXT),
        ExtractSettings(document_id="doc", title="Doc", today=TODAY),
    )


class TestListsAndTranscripts:
    @pytest.mark.parametrize("marker", ["- ", "* ", "• ", "· ", "1. ", "12) ", "a) "])
    def test_a_list_marker_is_not_part_of_the_claim(self, marker: str) -> None:
        """The anchor quotes the item's words, not its bullet or number."""
        item = "Inflation reached 171% in 2023, the office said."
        text = f"Prices rose again last year.\n\n{marker}{item}\n"
        draft = _draft(text)
        exact = [claim.anchor.exact for claim in draft.claims]
        assert item in exact
        assert draft.claims[exact.index(item)].anchor.start == text.index("Inflation")

    def test_a_word_opening_a_list_item_opens_a_sentence(self) -> None:
        """ "Unemployment" after a bullet is a capitalised common word, neither a name nor a
        source."""
        draft = _draft("- Unemployment is estimated at around 30%.\n")
        (claim,) = draft.claims
        assert [entity.name for entity in claim.entities] == []
        assert claim.attribution is not None
        assert claim.attribution.specificity is Specificity.NONE

    @pytest.mark.parametrize("label", ["Q: ", "A: ", "Q - ", "A – "])
    def test_an_interview_label_is_not_part_of_the_claim(self, label: str) -> None:
        text = f"{label}Not before 2026, officials said privately.\n"
        draft = _draft(text)
        (claim,) = draft.claims
        assert claim.anchor.exact == "Not before 2026, officials said privately."

    def test_labels_with_a_full_stop_when_the_questions_are_labelled_so(self) -> None:
        text = "Q. Will it close?\nA. Not before 2026, officials said privately.\n"
        exact = [claim.anchor.exact for claim in _draft(text).claims]
        assert "Not before 2026, officials said privately." in exact

    def test_an_initial_opening_a_sentence_is_not_a_label(self) -> None:
        """Without questions labelled "Q.", "A. Ruiz" is a name."""
        text = "A. Ruiz said the dam would close in 2026.\n"
        (claim,) = _draft(text).claims
        assert claim.anchor.exact == text.strip()

    def test_a_question_label_does_not_make_a_name(self) -> None:
        draft = _draft("Q: Will the cap be lifted?\nA: Not before 2026, officials said.\n")
        names = [entity.name for claim in draft.claims for entity in claim.entities]
        assert "Will" not in names
        assert "Q" not in names

    def test_prose_that_merely_starts_with_a_number_keeps_it(self) -> None:
        """A year or a count opening a sentence is the sentence's own word."""
        text = "2024 was the hottest year on record, the agency said.\n"
        (claim,) = _draft(text).claims
        assert claim.anchor.exact == text.strip()


class TestPossessiveBodies:
    @pytest.mark.parametrize(
        ("text", "asserted_by"),
        [
            (
                "Lebanon's central bank said on Monday it would cap withdrawals.",
                "Lebanon's central bank",
            ),
            ("Iran's foreign ministry denied the report on Tuesday.", "Iran's foreign ministry"),
            ("Kenya’s electoral commission announced the results.", "Kenya’s electoral commission"),
            ("Peru's president told reporters the mine would close.", "Peru's president"),
        ],
    )
    def test_a_named_country_s_institution_is_named(self, text: str, asserted_by: str) -> None:
        attribution = detect_attribution(text, lambda _word: True)
        assert attribution.specificity is Specificity.NAMED
        assert attribution.asserted_by == asserted_by

    def test_a_possessive_before_a_plain_noun_is_not_a_source(self) -> None:
        """ "Lebanon's economy shrank" names no one who says so."""
        attribution = detect_attribution("Lebanon's economy shrank, it noted.", lambda _w: True)
        assert attribution.asserted_by != "Lebanon's economy"

    def test_the_first_source_of_the_sentence_wins_over_a_later_clause(self) -> None:
        text = (
            "Lebanon's central bank said on Monday it would cap withdrawals at $400 a month, "
            "a move economists warned could deepen the crisis."
        )
        attribution = detect_attribution(text, lambda _word: True)
        assert attribution.asserted_by == "Lebanon's central bank"


class TestPassives:
    @pytest.mark.parametrize(
        "text",
        [
            "The deficit was estimated at 5% of output.",
            "Unemployment is estimated at around 30%.",
            "Losses were reported in three towns.",
            "The figure has been confirmed twice.",
            "The plan is widely reported to be shelved.",
        ],
    )
    def test_a_passive_without_its_agent_names_no_source(self, text: str) -> None:
        attribution = detect_attribution(text, lambda _word: True)
        assert attribution.asserted_by is None
        assert attribution.specificity is not Specificity.NAMED

    @pytest.mark.parametrize(
        ("text", "specificity", "asserted_by"),
        [
            ("He was told by officials that it would close.", Specificity.VAGUE, "officials"),
            (
                "The toll was confirmed by the health ministry.",
                Specificity.NAMED,
                "the health ministry",
            ),
            ("The figures were reported by Reuters on Friday.", Specificity.NAMED, "Reuters"),
        ],
    )
    def test_a_passive_s_agent_is_the_source(
        self, text: str, specificity: Specificity, asserted_by: str
    ) -> None:
        attribution = detect_attribution(text, lambda _word: True)
        assert (attribution.specificity, attribution.asserted_by) == (specificity, asserted_by)


class TestSentenceStarts:
    def test_a_word_after_a_dateline_opens_the_sentence(self) -> None:
        """ "Researchers" after "GENEVA — " is a common word, not a name."""
        text = "GENEVA — Researchers at the University of Geneva found plastic in 90% of bottles.\n"
        names = [entity.name for claim in _draft(text).claims for entity in claim.entities]
        assert "Researchers" not in names
        assert "University of Geneva" in names

    @pytest.mark.parametrize("title", ["Dr.", "Prof.", "Gen.", "Sen."])
    def test_a_title_s_full_stop_does_not_end_the_sentence(self, title: str) -> None:
        text = f"The plan failed. {title} Maria Keller said 40 people died in 2023.\n"
        people = [
            (entity.name, entity.type) for claim in _draft(text).claims for entity in claim.entities
        ]
        assert ("Maria Keller", EntityType.PERSON) in people


class TestTranscripts:
    TRANSCRIPT = (
        "SMITH: We sampled every major brand in 2024.\n"
        "SEN. JONES (00:12:01): And the results showed 325 particles per litre.\n"
        "SMITH: Officials said the plant closed in 2023.\n"
    )

    def test_each_turn_is_its_speaker_s_and_the_label_is_not_quoted(self) -> None:
        claims = _draft(self.TRANSCRIPT).claims
        assert [claim.anchor.exact for claim in claims] == [
            "We sampled every major brand in 2024.",
            "And the results showed 325 particles per litre.",
            "Officials said the plant closed in 2023.",
        ]
        sources = [
            (c.attribution.specificity, c.attribution.asserted_by) for c in claims if c.attribution
        ]
        assert sources == [
            (Specificity.NAMED, "SMITH"),
            (Specificity.NAMED, "SEN. JONES"),
            (Specificity.VAGUE, "Officials"),  # the turn's own source is kept
        ]

    def test_a_speaker_s_small_talk_is_not_check_worthy(self) -> None:
        """Every turn has a speaker; that alone makes nothing checkable."""
        text = "MODERATOR: Let us begin.\nSMITH: Unemployment fell to 4% in 2024.\n"
        worthy = [claim.anchor.exact for claim in _draft(text).claims if claim.check_worthy]
        assert worthy == ["Unemployment fell to 4% in 2024."]

    def test_a_note_in_capitals_names_no_speaker(self) -> None:
        text = (
            "NOTE: The council approved $4 million in 2024.\nUPDATE: It spent $3 million by 2025.\n"
        )
        claims = _draft(text).claims
        assert [claim.anchor.exact[:3] for claim in claims] == ["The", "It "]
        assert all(c.attribution and c.attribution.asserted_by is None for c in claims)

    def test_one_capitalised_label_is_not_a_transcript(self) -> None:
        """ "WASHINGTON: The bank said …" once is a dateline's shape, not a turn."""
        text = "WASHINGTON: The bank raised rates to 5% in 2024, its governor said.\n"
        (claim,) = _draft(text).claims
        assert claim.attribution is not None
        assert claim.attribution.asserted_by == "its governor"


class TestFactCheckPages:
    PAGE = (
        "# Did crime fall by half?\n\n"
        "**Claim:** Crime in the capital fell by 50% between 2015 and 2020.\n\n"
        "**Verdict:** Misleading.\n\n"
        "Figures from the Office for National Statistics (ONS) show that recorded crime fell "
        "by 12 per cent over the period.\n\n"
        "A 2019 study by Smith et al. found that burglary rates dropped by a third.\n"
    )

    def _claims(self) -> ClaimFile:
        return extract(
            parse_article(self.PAGE, ArticleFormat.MARKDOWN),
            ExtractSettings(document_id="doc", title="Doc", today=TODAY),
        )

    def test_a_note_label_is_not_part_of_the_claim(self) -> None:
        claims = self._claims().claims
        assert claims[0].anchor.exact == "Crime in the capital fell by 50% between 2015 and 2020."
        assert "Crime" not in [entity.name for entity in claims[0].entities]

    def test_a_body_for_something_is_one_name(self) -> None:
        names = [entity.name for claim in self._claims().claims for entity in claim.entities]
        assert "Office for National Statistics" in names

    @pytest.mark.parametrize(
        ("text", "asserted_by"),
        [
            (
                "Figures from the Office for National Statistics show that crime fell by 12%.",
                "Figures from the Office for National Statistics",
            ),
            (
                "A 2019 study by Smith et al. found that burglary rates dropped by a third.",
                "A 2019 study by Smith et al.",
            ),
            ("Official data show that exports fell by 8% in 2024.", "Official data"),
        ],
    )
    def test_a_document_s_findings_are_its_own(self, text: str, asserted_by: str) -> None:
        claims = _draft(text + "\n").claims
        assert claims[0].attribution is not None
        assert claims[0].attribution.asserted_by == asserted_by
        assert claims[0].attribution.specificity is not Specificity.NONE
