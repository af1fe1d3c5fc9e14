"""Text in a Markdown report reads as typed: what a player, a facilitator or a scenario author wrote never becomes
emphasis, a link, code, a heading, a list or a rule, wherever it stands (mid-line, opening a paragraph, a list
item, or a note's next line). Checked as a reader sees it, rendered by markdown-it."""

from __future__ import annotations

import pytest
from markdown_view import rendered_html, rendered_text

from tabletop.engine import actions as act
from tabletop.engine.game import Game
from tabletop.engine.model import SIDES
from tabletop.engine.opponents import make_opponent
from tabletop.reports.after_action import after_action_report
from tabletop.reports.document import Bullets, Text, bullets, para, to_markdown
from tabletop.reports.markdown import items, md, paragraphs
from tabletop.scenarios.library import resolve

TYPED = ["# not a heading", "2025. Talks resume", "+ not a bullet", "- nor this", "1) nor a list", "===",
         "**not bold** and _not italic_", "[not a link](http://example.org)", "`not code`", "~~not struck~~",
         "> not a quote", "<b>not HTML</b> & co", "&copy; as typed"]
BLOCK_TAGS = ("<h1", "<h2", "<ol", "<ul", "<hr", "<blockquote", "<strong", "<em", "<a ", "<code", "<del", "<s>",
              "<b>")


@pytest.mark.parametrize("text", TYPED)
def test_a_text_opening_a_paragraph_or_a_list_item_reads_as_typed(text):
    for markdown in ("\n".join(paragraphs(text)), "\n".join(items([text])), f"Said: {md(text)}"):
        html = rendered_html(markdown)
        allowed = ("<ul",) if markdown.startswith("- ") else ()
        assert not [tag for tag in BLOCK_TAGS if tag in html and tag not in allowed], html
        assert text in rendered_text(markdown), rendered_text(markdown)


def test_a_facilitator_note_of_several_lines_reads_as_typed_in_the_report():
    game = Game(resolve("tutorial"), 3, {side: "human" for side in SIDES})
    game.apply(act.Note(text="# Watch this\n2025. They stalled\n+ and then **froze**"))
    players = {side: make_opponent("tit-for-tat", side, 3) for side in SIDES}
    while not game.is_over:
        game.apply(players[game.awaiting()[0]].decide(game))
    notes = after_action_report(game).split("## Facilitator notes")[1].split("\n## ")[0]
    html = rendered_html(notes)
    assert "<h1" not in html and "<ol" not in html and html.count("<strong") == 1 and html.count("<li") == 1, html
    text = rendered_text(notes)
    assert "# Watch this" in text and "2025. They stalled" in text and "+ and then **froze**" in text


@pytest.mark.parametrize("text", TYPED)
def test_the_guides_and_handouts_renderer_keeps_typed_text_as_typed(text):
    """Guides, briefs and the class pack render scenario text through the document model: the same promise."""
    for blocks in ([Text(f"{text}\n{text}")], [para(text)], [bullets([text])]):
        markdown = to_markdown(blocks)
        html = rendered_html(markdown)
        allowed = ("<ul",) if isinstance(blocks[0], Bullets) else ()
        assert not [tag for tag in BLOCK_TAGS if tag in html and tag not in allowed], html
        assert text in rendered_text(markdown), rendered_text(markdown)
