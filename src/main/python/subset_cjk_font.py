#!/usr/bin/env python3
"""Write the CJK font DermRead ships for its figures and reports: a subset of Noto Sans CJK SC (SIL Open Font
License 1.1) with TrueType outlines.

Why: Java AWT draws text only with TTF/OTF fonts it can find, and a hospital server often has no CJK font at all;
PDFBox embeds (and subsets) TrueType-outline fonts. So the application carries its own font: Noto Sans CJK SC
Regular from Debian's ``fonts-noto-cjk`` (CFF outlines), cut down to the characters DermRead can need and converted
to quadratic TrueType outlines (fontTools' cu2qu, 1 font unit tolerance), hinting and OpenType layout dropped.

Characters kept:
- Latin (ASCII, Latin-1, Latin Extended-A), Greek, general punctuation, arrows, the mathematical operators used in
  statistics (minus, <=, >=, +-, times, middle dot), CJK symbols and punctuation, full-width forms;
- every character of the Chinese translations (``src/main/resources/i18n/*_zh_CN.properties``);
- GB 2312 level 1 (the 3,755 most common simplified characters), for names people type (studies, hospitals).

Run from the repository root after adding Chinese text (needs ``apt-get install fonts-noto-cjk python3-fonttools``):
  /usr/bin/python3 src/main/python/subset_cjk_font.py
"""

from __future__ import annotations

import argparse
import glob
import os
import sys

from fontTools import subset
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTCollection, newTable

SOURCE = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
FAMILY = "Noto Sans CJK SC"
RANGES = [(0x20, 0x7E), (0xA0, 0x17F), (0x391, 0x3C9), (0x2010, 0x2044), (0x2070, 0x209C), (0x2190, 0x2193),
          (0x2212, 0x2212), (0x2248, 0x2248), (0x2260, 0x2265), (0x221E, 0x221E), (0x3000, 0x303F),
          (0xFF01, 0xFF5E)]


def gb2312_level1() -> set[int]:
    chars = set()
    for high in range(0xB0, 0xD8):
        for low in range(0xA1, 0xFF):
            try:
                chars.add(ord(bytes([high, low]).decode("gb2312")))
            except UnicodeDecodeError:
                pass
    return chars


def translation_chars(root: str) -> set[int]:
    chars = set()
    for path in sorted(glob.glob(os.path.join(root, "src/main/resources/i18n/*_zh_CN.properties"))):
        with open(path, encoding="utf-8") as fh:
            chars |= {ord(c) for c in fh.read() if ord(c) >= 0x80}
    return chars


def to_truetype(font) -> None:
    """CFF outlines to quadratic glyf outlines (the recipe of fontTools' otf2ttf snippet)."""
    order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()
    glyphs = {}
    for name in order:
        pen = TTGlyphPen(glyph_set)
        glyph_set[name].draw(Cu2QuPen(pen, 1.0, reverse_direction=True))
        glyphs[name] = pen.glyph()
    font["loca"] = newTable("loca")
    font["glyf"] = glyf = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = glyphs
    del font["CFF "]
    for table in ("VORG", "vhea", "vmtx"):
        if table in font:
            del font[table]
    glyf.compile(font)
    hmtx = font["hmtx"]
    for name, glyph in glyf.glyphs.items():
        if hasattr(glyph, "xMin"):
            hmtx[name] = (hmtx[name][0], glyph.xMin)
    font["maxp"] = maxp = newTable("maxp")
    maxp.tableVersion = 0x00010000
    for field in ("maxZones", "maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs",
                  "maxStackElements", "maxSizeOfInstructions", "maxComponentElements"):
        setattr(maxp, field, 1 if field == "maxZones" else 0)
    maxp.compile(font)
    post = font["post"]
    post.formatType = 2.0
    post.extraNames = []
    post.mapping = {}
    post.glyphOrder = order
    font["head"].glyphDataFormat = 0
    font.sfntVersion = "\000\001\000\000"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--source", default=SOURCE)
    ap.add_argument("--out", default="src/main/resources/fonts/NotoSansCJKsc-DermRead-subset.ttf")
    args = ap.parse_args(argv)

    collection = TTCollection(args.source)
    font = next(f for f in collection.fonts if f["name"].getDebugName(1) == FAMILY)
    wanted = {c for lo, hi in RANGES for c in range(lo, hi + 1)} | gb2312_level1() | translation_chars(".")
    cmap = font.getBestCmap()
    missing = sorted(c for c in translation_chars(".") if c not in cmap)
    if missing:
        print("not in the font: " + "".join(chr(c) for c in missing), file=sys.stderr)
    options = subset.Options()
    options.layout_features = []
    options.hinting = False
    options.desubroutinize = True
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.notdef_outline = True
    options.drop_tables += ["GSUB", "GPOS", "GDEF", "BASE", "JSTF", "DSIG"]
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=sorted(c for c in wanted if c in cmap))
    subsetter.subset(font)
    to_truetype(font)
    os.makedirs(os.path.dirname(args.out), exist_ok=True)
    font.save(args.out, reorderTables=True)
    print(f"{args.out}: {len(font.getGlyphOrder())} glyphs, {os.path.getsize(args.out):,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
