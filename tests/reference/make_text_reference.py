#!/usr/bin/python3
"""Writes text_reference.json: what Python itself does with many texts, for the lab's Unicode code to match
exactly (tests/core/test_tokenizers.cpp, test_utf8.cpp, test_unicode_classes.cpp, test_python_case.cpp,
test_python_repr.cpp):
  - for each text: str.split(), re.findall(r"\\b\\w+(?:'\\w+)?\\b"), re.findall(r"[a-zA-Z0-9]+"),
    re.findall(r"(?u)\\b\\w\\w+\\b") (scikit-learn's token_pattern), str.lower(), repr() of the text and of its
    split() list, len() and text[:5];
  - bytes.decode("utf-8", "replace") of ill-formed byte strings, as code point lists;
  - str.lower() of every code point whose lowercase differs;
  - isalnum()/isspace()/isprintable() of every code point below U+3000, as strings of 0 and 1.
Run with Debian's python3 (3.11, Unicode 14.0.0): /usr/bin/python3 tests/reference/make_text_reference.py"""
import json
import os
import re
import sys
import unicodedata

CASES = [
    # The notebook's six (04.4).
    ("URL", "Visit https://www.example.com/path?q=hello&lang=en for more info!"),
    ("Emoji", "Great job! 🎉🚀 Really loved it 😍 #awesome"),
    ("Code", "Run `model.fit(X_train, y_train)` or use model.predict(X_test)"),
    ("Mixed lang", "This is a café in München. Встреча в 5pm."),
    ("Contractions", "It's a can't-miss, won't-fail, I'd-do-it-again experience."),
    ("Numbers", "The stock rose 3.14% to $1,234.56 on 2024-01-15."),
    # Scripts.
    ("Greek", "Η γρήγορη καφέ αλεπού πηδάει. ΟΔΟΣ ΟΔΟΣ, ΣΟΦΟΣ Σ ΑΣ. Ὀδυσσεύς"),
    ("Greek final sigma context", "ΑΣ' ΑΣ.Β ΑΣ\u0301 Σ\u0301Α ΌΣΟΣ-ΟΔΟΣ ᾼΣ"),
    ("Cyrillic", "Съешь же ещё этих мягких французских булок, да выпей чаю. ЁЖИК Ёж"),
    ("CJK", "我爱自然语言处理。東京は日本の首都です。한국어 텍스트 ｶﾀｶﾅ"),
    ("Arabic", "اللغة العربية جميلة ١٢٣ ٤٥، والأرقام ۴۵۶"),
    ("Hebrew niqqud", "שָׁלוֹם עולם"),
    ("Devanagari marks", "हिन्दी भाषा में संयुक्त अक्षर क्षत्रिय १२३"),
    ("Thai", "ภาษาไทยง่ายนิดเดียว ๑๒๓"),
    ("Combining marks", "cafe\u0301 nai\u0308ve e\u0301te\u0301 Z\u0335a\u0336l\u0337g\u0338o x\u20dd"),
    ("Emoji ZWJ", "Family 👨\u200d👩\u200d👧\u200d👦 flag 🇫🇷 thumbs 👍🏽 ok❤\ufe0f!"),
    ("Unicode spaces",
     "a\u00a0b\u2000c\u2001d\u2002e\u2003f\u2004g\u2005h\u2006i\u2007j\u2008k\u2009l\u200am\u3000n\u0085o"
     "\u001cp\u001dq\u001er\u001fs\u2028t\u2029u\u202fv\u205fw\u1680x"),
    ("Not spaces", "zero\u200bwidth word\u2060joiner bom\ufeffhere nb\u180esp"),
    ("ASCII whitespace", "  line1\nline2\tTab\r\nend\x0bvt\x0cff  "),
    ("Underscores", "__init__ snake_case_name _private x_1 __ _ a_'b_"),
    ("Apostrophes", "don't can't O'Neil rock'n'roll 'quoted' it\u2019s l'été ''double'' x' 'y a''b"),
    ("Other digits", "٣ ৩ ३ ๓ ３ Ⅻ ½ ² ① ⁴ ₅ 𝟗"),
    ("Letters like symbols", "x² + y² = z²; ℕ ℤ ℝ; ﬁne ﬂow ª º µ ß ẞ"),
    ("Case mapping", "İstanbul KELVIN \u212a Å ǅ ǈ Ⅻ Ⓐ 𐐀 ΐ"),
    ("Fullwidth", "ＡＢＣ１２３ ｈｅｌｌｏ、ｗｏｒｌｄ！"),
    ("Controls", "a\x00b\x07c\x7fd\x80e\x9ff\xa0g\xadh"),
    ("Quotes in repr", "say \"hi\" and 'bye' back\\slash"),
    ("Only quote", "it's"),
    ("Empty", ""),
    ("Only spaces", " \t\n\u3000 "),
    ("Single letters", "a b c d I x y z"),
    ("Hyphens and dots", "state-of-the-art e.g. U.S.A. 1.2.3 v2.0-rc1"),
    ("Math alphanumerics", "𝐀𝐁𝐂 𝒳𝒴 𝔸𝔹 𝟘𝟙"),
    ("Private use and unassigned", "a\ue000b \U0010fffd c\U000e0001d \u0378"),
]

INVALID = [
    ("Invalid UTF-8", b"caf\xc3 ok \xff\xfe bad\xed\xa0\x80 surrogate \xf0\x9f\x98 trunc end\xe2\x82"),
    ("Invalid inside words", b"abc\x80def don\xe2\x80t ok\xc0\xafgo"),
]

DECODE = [b"\xc0\xaf", b"\xe0\x80\xaf", b"\xed\xa0\x80", b"\xf4\x90\x80\x80", b"\xf0\x9f\x98", b"\x80\xbf",
          b"\xe2\x82\x41", b"\xf5", b"\xc2", b"a\xf0\x9f\x98\x80b", b"\xe0\xa0", b"\xf0\x90\x80", b"\xf8\x88\x80\x80\x80",
          b"\xef\xbf\xbf", b"\xf4\x8f\xbf\xbf", b"\xc1\xbf", b"\xed\x9f\xbf", b"\xee\x80\x80"]


def describe(name, text):
    split = text.split()
    return {
        "name": name,
        "text": text,
        "whitespace": split,
        "regex": re.findall(r"\b\w+(?:'\w+)?\b", text),
        "aggressive": re.findall(r"[a-zA-Z0-9]+", text),
        "sklearn": re.findall(r"(?u)\b\w\w+\b", text),
        "lower": text.lower(),
        "repr": repr(text),
        "repr_split": repr(split),
        "length": len(text),
        "first5": text[:5],
    }


def bits(predicate, limit):
    return "".join("1" if predicate(chr(c)) else "0" for c in range(limit))


out = {
    "python_version": sys.version.split()[0],
    "unicode_version": unicodedata.unidata_version,
    "cases": [describe(name, text) for name, text in CASES],
    "invalid_cases": [dict(describe(name, raw.decode("utf-8", "replace")), bytes_hex=raw.hex()) for name, raw in INVALID],
    "decode": [{"bytes_hex": raw.hex(), "code_points": [ord(c) for c in raw.decode("utf-8", "replace")]} for raw in DECODE],
    "lowercase": [[c, chr(c).lower()] for c in range(0x110000)
                  if not 0xD800 <= c <= 0xDFFF and chr(c).lower() != chr(c)],
    "classes_below_3000": {
        "word": bits(lambda ch: ch.isalnum() or ch == "_", 0x3000),
        "space": bits(str.isspace, 0x3000),
        "printable": bits(str.isprintable, 0x3000),
    },
}

here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, "text_reference.json"), "w", encoding="ascii") as f:
    json.dump(out, f, ensure_ascii=True, indent=1)
print("wrote text_reference.json")
