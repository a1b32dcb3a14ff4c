"""The text a Markdown résumé should give back from its PDF, and what a word is.

One definition, used by the nothing-lost check (real_world.py) over every sample and every
real-world test input, so that "every word comes back" means the same thing everywhere.

The reading is independent of cvpress: markdown-it-py (CommonMark, with GitHub's tables and
strikethrough, and footnotes) renders the Markdown to HTML, raw HTML passing through, and
Python's HTML parser takes the text a reader of that page sees:

  - the front matter, comments, link and image targets are not text;
  - image alt text is not text (an image is a figure; a remote one is not drawn, with a warning);
  - what a browser never shows (script, style, head, title, template, form controls) is not text.

A word is a maximal run of letters, digits and marks (Unicode \\w); in scripts written without
spaces (Han, kana, Hangul syllables, Thai, Lao, Khmer, Myanmar) every character is a word, so a
line break between two of them loses nothing.
"""
import re
import unicodedata
from collections import Counter
from html.parser import HTMLParser

from markdown_it import MarkdownIt
from mdit_py_plugins.footnote import footnote_plugin

FRONT_MATTER = re.compile(r"\A(?:\ufeff)?---[ \t]*\n.*?\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)

# Elements whose content a reader never sees.
HIDDEN = {"script", "style", "head", "title", "template", "noscript", "textarea", "select", "option",
          "button", "iframe", "object", "svg", "math"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
        "track", "wbr"}

# Characters that are words by themselves.
_EACH = ("\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff"   # Thai, Lao, Myanmar, Khmer
         "\u3040-\u30ff\u31f0-\u31ff"                 # kana
         "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"    # Han
         "\uac00-\ud7af")                             # Hangul syllables
# Arabic-script letters, digits and marks, without its punctuation (، ؛ ؟ ٪ ٫ ٬ ۔).
_ARABIC = "\u0620-\u064a\u064b-\u065f\u0660-\u0669\u066e-\u06d3\u06d5-\u06ff"
WORD = re.compile(rf"[{_EACH}]|(?:(?![{_EACH}\u060c\u061b\u061f\u066a-\u066d\u06d4])"
                  rf"[\w\u0300-\u036f\u0900-\u097f{_ARABIC}\u200c\u200d])+")


class _Text(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts = []
        self.hidden = 0

    def handle_starttag(self, tag, attrs):
        if tag in HIDDEN and tag not in VOID:
            self.hidden += 1
        self.parts.append(" ")

    def handle_endtag(self, tag):
        if tag in HIDDEN and self.hidden:
            self.hidden -= 1
        self.parts.append(" ")

    def handle_data(self, data):
        if not self.hidden:
            self.parts.append(data)


def markdown_html(markdown):
    md = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"]).use(footnote_plugin)
    return md.render(FRONT_MATTER.sub("", markdown, count=1))


def document_text(markdown):
    """The text a reader of the rendered Markdown sees."""
    parser = _Text()
    parser.feed(markdown_html(markdown))
    parser.close()
    return "".join(parser.parts)


# Superscript digits (a footnote's number after its word) are a word of their own.
_SUPERSCRIPTS = str.maketrans({c: f" {d} " for c, d in zip("\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079",
                                                          "0123456789")})


def words(text):
    """The words of `text` (see the module's doc), NFC, in order."""
    text = unicodedata.normalize("NFC", text).translate(_SUPERSCRIPTS)
    return [w.lower() for w in WORD.findall(text) if not w.isspace()]


def missing_words(markdown, pdf_text):
    """The words of the document that the PDF's text does not give back, with their counts."""
    want = Counter(words(document_text(markdown)))
    have = Counter(words(pdf_text))
    return {w: n - have[w] for w, n in want.items() if have[w] < n}
