"""Reading articles: formats, paragraphs, sentences, clauses and entities."""

from __future__ import annotations

from claimtrack.extract.article import ArticleFormat, detect_article_format, parse_article
from claimtrack.extract.entities import EntityFinder
from claimtrack.extract.sentences import statements
from claimtrack.model import EntityType


class TestArticle:
    def test_detect_format(self) -> None:
        """The suffix decides, and HTML is recognised by its opening."""
        assert detect_article_format("a.md", "") is ArticleFormat.MARKDOWN
        assert detect_article_format("a.htm", "") is ArticleFormat.HTML
        assert detect_article_format("a", "<!DOCTYPE html><p>x</p>") is ArticleFormat.HTML
        assert detect_article_format("a.txt", "plain") is ArticleFormat.TEXT

    def test_plain_text_is_normalised_and_titled(self) -> None:
        """CRLF becomes LF, and a short first line without final stop is the title."""
        article = parse_article(
            "A short headline\r\nThe body, which says more.\r\n", ArticleFormat.TEXT
        )
        assert article.text == "A short headline\nThe body, which says more.\n"
        assert article.title == "A short headline"
        assert article.view == article.text

    def test_markdown_markup_is_blanked_in_the_view(self) -> None:
        """The view hides markup with spaces, keeping every offset of the snapshot."""
        text = "# The title\n\nThe **board** met [on Monday](https://x.example/a) and `voted`.\n"
        article = parse_article(text, ArticleFormat.MARKDOWN)
        assert article.text == text
        assert article.title == "The title"
        assert len(article.view) == len(text)
        assert " ".join(article.view.split()) == "The board met on Monday and voted ."

    def test_html_text_is_extracted(self) -> None:
        """HTML gives its paragraphs' text, without scripts, styles or navigation."""
        html = (
            "<html><head><title>Page</title><style>p{}</style></head><body><nav>Home</nav>"
            "<h1>Big news</h1><p>The board met on <b>Monday</b>.</p><script>x()</script>"
            "<p>It voted &amp; adjourned.</p></body></html>"
        )
        article = parse_article(html, ArticleFormat.HTML)
        assert article.text == "Big news\n\nThe board met on Monday.\n\nIt voted & adjourned.\n"
        assert article.title == "Big news"


class TestStatements:
    def test_sentences_keep_offsets(self) -> None:
        """Each statement is a span of the text, abbreviations not taken for sentence ends."""
        text = "Dr. Ruiz met U.S. officials on Monday. They agreed.\nA new paragraph here."
        spans = statements(text)
        assert [span.of(text) for span in spans] == [
            "Dr. Ruiz met U.S. officials on Monday.",
            "They agreed.",
            "A new paragraph here.",
        ]

    def test_soft_wrapped_lines_join(self) -> None:
        """A long line that does not end a sentence continues on the next line."""
        first = "The council approved the plan after a long debate that ran late into the"
        text = f"{first}\nnight. It adjourned."
        assert next(span.of(text) for span in statements(text)) == f"{first}\nnight."

    def test_long_sentences_split_into_clauses(self) -> None:
        """A long sentence splits at a semicolon or a contrasting conjunction between clauses."""
        text = (
            "Most of the workers hired for the project were believed to be local people recruited"
            " through the regional employment office, though the company did bring in a large"
            " number of engineers from abroad as well, notably during the first phase in 2019."
        )
        parts = [span.of(text) for span in statements(text)]
        assert len(parts) == 2
        assert parts[1].startswith("though the company")

    def test_short_sentences_stay_whole(self) -> None:
        """A sentence of 25 words or fewer is one statement, whatever its conjunctions."""
        text = (
            "The plant will open next year, though engineers at the board have warned that"
            " the work could slip."
        )
        assert len(statements(text)) == 1

    def test_quotations_are_not_split(self) -> None:
        """Clause breaks inside a quotation do not split it."""
        text = (
            "The minister told reporters: “We cannot fight this alone; the neighbours will not"
            " help us, and the money we were promised has not arrived in the region at all”."
        )
        assert len(statements(text)) == 1


class TestEntities:
    def test_capitalised_runs(self) -> None:
        """Names are capitalised runs; sentence openers count only if capitalised elsewhere."""
        text = (
            "However, General Ana Ruiz met the Regional Water Council in Tula. Ruiz left."
            " Officials said Tula was calm."
        )
        finder = EntityFinder(text)
        found = {item.entity.name: item.entity.type for item in finder.find(text)}
        assert found == {
            "General Ana Ruiz": EntityType.PERSON,
            "Regional Water Council": EntityType.ORGANIZATION,
            "Tula": EntityType.PLACE,
            "Ruiz": EntityType.PERSON,
        }

    def test_demonyms_are_not_entities(self) -> None:
        """A nationality used as an adjective is not an entity, but with a body it names one."""
        text = "The Kenyan army moved. Kenyan officials in Nairobi said so. Nairobi has voted."
        found = [(item.entity.name, item.entity.type) for item in EntityFinder(text).find(text)]
        assert found == [
            ("Kenyan army", EntityType.ORGANIZATION),
            ("Nairobi", EntityType.PLACE),
            ("Nairobi", EntityType.PLACE),
        ]
