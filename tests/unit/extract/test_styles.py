"""Drafting across writing styles: speakers, page furniture, quantities, one draft per fact."""

from __future__ import annotations

import datetime

import pytest

from claimtrack.extract import ArticleFormat, ExtractSettings, extract, parse_article
from claimtrack.extract.furniture import dateline_end, is_furniture
from claimtrack.extract.quantities import find_quantities
from claimtrack.extract.quotations import has_quotation, quotations
from claimtrack.extract.speakers import find_speaker
from claimtrack.model import ClaimFile, Specificity

TODAY = datetime.date(2026, 1, 1)


def _draft(text: str, granularity: str = "fact") -> ClaimFile:
    return extract(
        parse_article(text, ArticleFormat.TEXT),
        ExtractSettings(document_id="doc", title="Doc", today=TODAY, granularity=granularity),
    )


def _names(text: str) -> bool:
    return True


class TestQuotations:
    def test_single_marks_and_apostrophes(self) -> None:
        """British single marks quote; an apostrophe between letters does not close them."""
        text = "‘We’re meeting parents who can’t pay for heating,’ he said."
        assert [text[q.start : q.end] for q in quotations(text)] == [
            "‘We’re meeting parents who can’t pay for heating,’"
        ]
        assert has_quotation("'It is a very big year for all of us,' she says.")

    @pytest.mark.parametrize(
        "quoted",
        [
            "«Nous ne partirons pas d’ici»",
            "« Nous ne partirons pas d’ici »",
            "‹Nous ne partirons pas d’ici›",
            "„Wir werden nicht von hier gehen“",
            "»Wir werden nicht von hier gehen«",
            "”Vi kommer inte att gå härifrån”",
            "「私たちはここを離れない」",
            "『私たちはここを離れない』",
        ],
    )
    def test_quotation_marks_of_other_languages(self, quoted: str) -> None:
        """Guillemets, German low-high marks, Swedish right-right marks and CJK corner
        brackets open and close a quotation."""
        text = f"Le maire a dit {quoted}, hier."
        assert [text[q.start : q.end] for q in quotations(text)] == [quoted]
        assert all(q.closed for q in quotations(text))

    def test_nested_quotation_belongs_to_the_outer_one(self) -> None:
        """A quotation inside a quotation, in the other family of marks, is part of it."""
        text = "“She told me ‘we are leaving the valley now’ and left,” he said."
        assert [text[q.start : q.end] for q in quotations(text)] == [
            "“She told me ‘we are leaving the valley now’ and left,”"
        ]
        cue = find_speaker(text, _names)
        assert cue is not None
        assert cue.pronoun

    def test_unclosed_quotation_runs_to_the_end(self) -> None:
        """A quotation continued in the next paragraph has no closing mark yet."""
        text = "She said: ‘This research confirms what we see on the ground."
        (quote,) = quotations(text)
        assert (quote.closed, text[quote.start :]) == (False, text[text.index("‘") :])


class TestSpeakers:
    @pytest.mark.parametrize(
        ("text", "speaker"),
        [
            ("'It is a very big year for displacement,' says Ana Ruiz.", "Ana Ruiz"),
            ("‘The money is simply not there yet,’ Ruiz says.", "Ruiz"),
            ("“The dam will hold for a decade,” said Tom Lee, head of the board.", "Tom Lee"),
            ("“Every tenth of a degree matters a great deal,” Prof Lee explained.", "Prof Lee"),
            (
                "On Tuesday, an engineer who is part of the inspection team, said that 40 homes"
                " flooded.",
                "an engineer",
            ),
            ("Ruiz described the figures as a warning to every government.", "Ruiz"),
            (
                "The survey of 4,000 adults showed a third skipped meals.",
                "The survey of 4,000 adults",
            ),
            ("Storms caused $4 billion of damage, the report estimates.", "the report"),
        ],
    )
    def test_speaker_in_every_common_order(self, text: str, speaker: str) -> None:
        """The speaker is found before or after the verb, beside the quotation or not."""
        cue = find_speaker(text, _names)
        assert cue is not None
        assert cue.asserted_by == speaker

    def test_a_definite_document_is_named(self) -> None:
        """ "according to the report" names one document; "according to reports" is vague."""
        from claimtrack.extract.attribution import detect_attribution

        named = detect_attribution("Floods displaced 400 people, according to the report.")
        vague = detect_attribution("Floods displaced 400 people, according to reports.")
        assert (named.specificity, vague.specificity) == (Specificity.NAMED, Specificity.VAGUE)

    def test_outlet_told_is_the_medium(self) -> None:
        """In "she tells the Daily Example" the outlet is the medium, and she the speaker."""
        cue = find_speaker(
            "“We have to act before it is too late,” she tells Daily Example.", _names
        )
        assert cue is not None
        assert (cue.pronoun, cue.reported_by) == (True, "Daily Example")

    def test_pronoun_is_the_last_named_speaker(self) -> None:
        """A pronoun speaker is resolved to the speaker named before, with the medium kept."""
        draft = _draft(
            "‘Floods forced 45,000 people from their homes,’ says Ana Ruiz.\n\n"
            "“We have to act before the next rainy season begins,” she tells Daily Example.\n"
        )
        second = draft.claims[1].attribution
        assert second is not None
        assert (second.specificity, second.asserted_by, second.reported_by) == (
            Specificity.NAMED,
            "Ana Ruiz",
            "Daily Example",
        )

    def test_quotation_over_two_paragraphs_keeps_its_speaker(self) -> None:
        """A paragraph that opens with a quotation continues the one before and its speaker."""
        draft = _draft(
            "Tom Lee of the board said: ‘These figures confirm what our engineers report.\n\n"
            "‘One in five pipes in the northern districts is older than 60 years.’\n"
        )
        attribution = draft.claims[1].attribution
        assert attribution is not None
        assert attribution.asserted_by == "Tom Lee of the board"

    def test_anchor_keeps_its_quotation_marks(self) -> None:
        """The anchor of a quotation holds its opening and closing marks."""
        draft = _draft("‘The reservoir is lower than it has been since 1977,’ Ruiz says.\n")
        assert draft.claims[0].anchor.exact.startswith("‘")
        assert "1977,’" in draft.claims[0].anchor.exact


class TestFurniture:
    @pytest.mark.parametrize(
        "line",
        [
            "By Ana Ruiz and Tom Lee",
            "Reporting by Ana Ruiz; Editing by Tom Lee",
            "Families queue outside a food bank in the city centre (Picture: Ana Ruiz)",
            "Read more: Why the reservoirs are running dry",
            "Drought tests the valley water board",
        ],
    )
    def test_not_claims(self, line: str) -> None:
        """Bylines, credits, captions, "Read more" lines and headings are not prose."""
        assert is_furniture(line)

    def test_prose_is_not_furniture(self) -> None:
        """A sentence with its full stop is prose, however short."""
        assert not is_furniture("Officials said 40 people died.")

    def test_dateline_is_cut_from_the_first_sentence(self) -> None:
        """A dateline's capitals, source and dash are left out of the first statement."""
        text = "RIVERTON (Newswire) – The board approved $1.2 billion on Monday."
        assert text[dateline_end(text) :].startswith("The board")
        draft = _draft(f"Board backs water plan\n\n{text}\n")
        assert [claim.anchor.exact[:9] for claim in draft.claims] == ["The board"]


class TestQuantities:
    @pytest.mark.parametrize(
        ("text", "shape"),
        [
            (
                "45.8 million disaster displacements",
                {"value": 45.8e6, "unit": "disaster displacements"},
            ),
            ("a 2 percentage point rise", {"value": 2, "unit": "percentage points"}),
            ("warming of 1.5°C", {"value": 1.5, "unit": "°C"}),
            ("limit warming to 1.5C", {"value": 1.5, "unit": "°C"}),
            ("more than 250km south", {"lower_bound": 250, "unit": "km"}),
            ("more than twice as many", {"lower_bound": 2, "unit": "times"}),
            ("a third of those", {"value": 1 / 3, "unit": "fraction"}),
            ("one in five people", {"value": 0.2, "unit": "fraction"}),
            (
                "tens of billions of dollars of damage",
                {"lower_bound": 1e10, "currency": "USD", "approximate": True},
            ),
            ("hundreds of homes", {"lower_bound": 100, "unit": "homes", "approximate": True}),
            ("50 million rupiah", {"value": 5e7, "currency": "IDR"}),
            ("between 10 and 20 people", {"low": 10, "high": 20, "unit": "people"}),
            ("10 to 20 people", {"low": 10, "high": 20, "unit": "people"}),
        ],
    )
    def test_quantities_people_write(self, text: str, shape: dict[str, object]) -> None:
        """Each form is read with its value or bounds, unit and currency."""
        (found,) = find_quantities(text)
        for field, expected in shape.items():
            actual = getattr(found.quantity, field)
            assert actual == (pytest.approx(expected) if isinstance(expected, float) else expected)


class TestOneDraftPerFact:
    SENTENCE = (
        "The board will repair the dam, its chair said on Tuesday, as the reservoir fell to"
        " 18 percent and 4,000 households lost water.\n"
    )

    def test_each_fact_gets_its_own_anchor(self) -> None:
        """A figure, another figure and an actor's act are drafted apart, inside the sentence."""
        draft = _draft(self.SENTENCE)
        assert [claim.anchor.exact for claim in draft.claims] == [
            "The board will repair the dam, its chair said on Tuesday",
            "the reservoir fell to 18 percent",
            "4,000 households lost water.",
        ]
        for claim in draft.claims:
            assert self.SENTENCE[claim.anchor.start : claim.anchor.end] == claim.anchor.exact

    def test_speaker_covers_only_what_comes_before_it(self) -> None:
        """The chair speaks for the clause before "said"; the figures after it are the
        author's own."""
        draft = _draft(self.SENTENCE)
        specificities = [
            claim.attribution.specificity for claim in draft.claims if claim.attribution
        ]
        assert specificities == [Specificity.NAMED, Specificity.NONE, Specificity.NONE]

    def test_trailing_speaker_covers_every_part(self) -> None:
        """In "A, a place B, the official said" both parts are the official's."""
        draft = _draft(
            "Many residents fled to Riverton, a town more than 40km from the dam, the official"
            " said.\n"
        )
        assert len(draft.claims) == 2
        assert all(
            claim.attribution is not None and claim.attribution.asserted_by == "the official"
            for claim in draft.claims
        )

    def test_sentence_granularity_keeps_one_draft(self) -> None:
        """Behind the option, a sentence stays one draft."""
        draft = _draft(self.SENTENCE, granularity="sentence")
        assert [claim.anchor.exact for claim in draft.claims] == [self.SENTENCE.strip()]

    def test_no_cut_inside_a_quotation(self) -> None:
        """Commas and "and" inside quoted words never cut the quotation."""
        draft = _draft("“We fixed 300 pipes, and we lost 40 more,” the engineer said.\n")
        assert len(draft.claims) == 1


class TestCheckWorthiness:
    def test_quantity_is_check_worthy_unless_a_prediction(self) -> None:
        """A concrete number makes a statement check-worthy; "could" makes it a prediction."""
        draft = _draft(
            "The plant produced 40 megawatts in March.\n\nThe plant could produce 90 megawatts.\n"
        )
        assert [claim.check_worthy for claim in draft.claims] == [True, False]

    def test_named_actor_and_act(self) -> None:
        """A named body's act is check-worthy without any number."""
        draft = _draft("The Riverton Trust has joined forces with the city council.\n")
        assert draft.claims[0].check_worthy
