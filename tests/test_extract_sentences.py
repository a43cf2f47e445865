"""Sentence splitting: exact offsets, abbreviations, ordinal dates, quotes."""

from kg.extract.sentences import split_sentences


def test_offsets_are_exact_and_ordinals_do_not_split():
    text = (
        "date 2023-05-12 T\nKhartum – Die Kämpfe begannen am 15. April. Die RSF griff an.\n"
        "\n„Wir verhandeln.“ Er ging."
    )
    body = text.index("\n") + 1
    ss = split_sentences(text, body)
    assert [s.text for s in ss] == [
        "Khartum – Die Kämpfe begannen am 15. April.",
        "Die RSF griff an.",
        "„Wir verhandeln.“",
        "Er ging.",
    ]
    for s in ss:
        assert text[s.start : s.end] == s.text
    assert [s.paragraph for s in ss] == [0, 0, 1, 1]


def test_abbreviations_and_initials():
    text = "Laut Dr. Müller sprach Donald J. Trump mit Nr. 2. Danach kam z.B. niemand."
    assert [s.text for s in split_sentences(text)] == [
        "Laut Dr. Müller sprach Donald J. Trump mit Nr. 2.",
        "Danach kam z.B. niemand.",
    ]
