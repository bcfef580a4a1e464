"""How names print on the list of participants and the badges, and the badge's signed code."""
import pytest

from planner.domain.badges import BadgeClaim, badge_code, code_in, read_badge_code, text_colour_on
from planner.domain.participant_list import family_name_in_capitals, written_name


@pytest.mark.parametrize("name, printed", [
    ("Chang Wook-jin", "CHANG Wook-jin"),  # romanised Korean: family name first, given name hyphenated
    ("Kim Min-ji", "KIM Min-ji"),
    ("Damien Thuriaux", "Damien THURIAUX"),
    ("Ana María García", "Ana María GARCÍA"),
    ("Maria von der Berg", "Maria VON DER BERG"),
    ("Jean-Pierre Dupont", "Jean-Pierre DUPONT"),
    ("Marie-Claire Dubois-Martin", "Marie-Claire DUBOIS-MARTIN"),
    ("NGUYEN Thi Lan", "NGUYEN Thi Lan"),  # written with the family name in capitals: kept as written
    ("Suharto", "Suharto"),  # one name, no family name
    ("장욱진", "장욱진"),  # Hangul has no capitals
    ("Élodie Müller", "Élodie MÜLLER"),
])
def test_the_family_name_is_written_in_capitals_where_the_convention_asks(name, printed):
    assert family_name_in_capitals(name) == printed


def test_the_honorific_comes_first_and_capitals_are_a_choice():
    assert written_name("Mr", "Chang Wook-jin", capitals=True) == "Mr CHANG Wook-jin"
    assert written_name("Mr", "Chang Wook-jin", capitals=False) == "Mr Chang Wook-jin"
    assert written_name("", "Suharto", capitals=True) == "Suharto"


def test_a_badge_code_reads_back_only_as_signed():
    code = badge_code("key", BadgeClaim(3, 41, 2))
    assert read_badge_code("key", code) == BadgeClaim(3, 41, 2)
    assert read_badge_code("another key", code) is None
    assert read_badge_code("key", code[:-1] + ("A" if code[-1] != "A" else "B")) is None
    assert read_badge_code("key", "nonsense") is None


def test_a_code_is_found_in_what_a_scanner_typed():
    code = badge_code("key", BadgeClaim(1, 2, 1))
    assert code_in(f"https://planner.example/events/egm/organise/check-in/badge/{code}") == code
    assert code_in(code) == code
    assert code_in("Kim Min-ji") is None


def test_band_text_is_black_or_white_whichever_reads_better():
    assert text_colour_on("#1f4e9c") == "#ffffff"
    assert text_colour_on("#ffeb3b") == "#000000"
