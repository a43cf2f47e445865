"""Session 29: each form tested on sentences written for the test."""

from extract_helpers import analyse, only, positions, roles

# -- the dateline: the first city of several is where the lead's talks were ---------------


def test_talks_of_the_lead_are_in_the_first_city_of_a_dateline_of_several(ex):
    a = analyse(
        ex,
        "Nairobi/Addis Abeba – Die Außenminister Kenias und Äthiopiens haben sich am Montag "
        "zu Gesprächen getroffen.",
    )
    assert ("location", "nairobi") in roles(only(a, "Meeting"))


def test_a_dateline_of_several_cities_gives_no_home_state_to_a_bare_title(ex):
    # the home of "Präsident X" stays unknown where the story is filed from two capitals
    a = analyse(ex, "Nairobi/Kampala – Präsident Samuel Kiprono traf Vertreter Ruandas.")
    assert not positions(a)
