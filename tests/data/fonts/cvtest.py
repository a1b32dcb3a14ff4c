#!/usr/bin/python3
"""Writes cvtest.ttx, the golden tests' font "CV Test": every glyph (space and hyphen
too) is 1 em wide and a plain box, so at 10pt every character is 10pt and line breaks
can be worked out by hand. Covers ASCII, Latin-1 letters, a few CJK ideographs and the
CJK punctuation of the kinsoku rules. Run it (Debian python3-fonttools) only to change the font: it writes cvtest.ttf and
cvtest.ttx (`ttx cvtest.ttx` rebuilds the .ttf); both are committed, so tests need no fontTools."""
from fontTools.fontBuilder import FontBuilder
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTFont

codepoints = list(range(0x20, 0x7F)) + list(range(0xC0, 0x100)) + [0x2010, 0x2026] + \
    [0x3001, 0x3002, 0x300C, 0x300D, 0x300E, 0x300F, 0xFF08, 0xFF09, 0xFF0C, 0xFF0E] + \
    list(range(0x4E00, 0x4E20)) + [0x4E8C, 0x56DB, 0x4E94, 0x516D, 0x516B, 0x4E5D, 0x5341]  # 一 to 十
names = [".notdef"] + ["uni%04X" % c for c in codepoints]
fb = FontBuilder(1000, isTTF=True)
fb.setupGlyphOrder(names)
fb.setupCharacterMap({c: "uni%04X" % c for c in codepoints})
glyphs = {}
for n in names:
    pen = TTGlyphPen(None)
    if n != "uni0020":
        pen.moveTo((100, 0)); pen.lineTo((100, 700)); pen.lineTo((900, 700)); pen.lineTo((900, 0)); pen.closePath()
    glyphs[n] = pen.glyph()
fb.setupGlyf(glyphs)
fb.setupHorizontalMetrics({n: (1000, 0 if n == "uni0020" else 100) for n in names})
fb.setupHorizontalHeader(ascent=800, descent=-200)
fb.setupNameTable({"familyName": "CV Test", "styleName": "Regular", "psName": "CVTest-Regular"})
fb.setupOS2(sTypoAscender=800, sTypoDescender=-200, sTypoLineGap=0, usWinAscent=800, usWinDescent=200,
            sxHeight=500, sCapHeight=700, fsType=0)
fb.setupPost()
ttf = __file__.replace("cvtest.py", "cvtest.ttf")
fb.save(ttf)
TTFont(ttf).saveXML(__file__.replace("cvtest.py", "cvtest.ttx"))
