"""When two spellings of a name or an email address mean the same person."""
import pytest

from planner.domain.names import email_key, fold, matches_search, name_key, name_keys


def test_folding_drops_case_accents_hyphens_and_extra_spaces():
    assert fold("  Chang   Wook-jin ") == "chang wookjin"
    assert fold("Jürgen MÜLLER") == "jurgen muller"
    assert fold("Élodie O’Brien, Ph.D.") == "elodie obrien phd"


@pytest.mark.parametrize("written", ["Kim Min-ji", "Minji Kim", "KIM MINJI", "  kim   min-ji ", "Dr Kim Min-ji",
                                     "Dr. Minji KIM"])
def test_a_korean_name_matches_in_either_order_with_or_without_its_hyphen_or_a_title(written):
    assert name_key(written) == name_key("Kim Min-ji")


def test_different_people_keep_different_keys():
    assert name_key("Kim Min-ji") != name_key("Kim Min-jun")
    assert name_key("Dr") == "dr"  # a title alone is still something to match on


def test_zooms_renamed_participant_matches_by_either_name():
    keys = name_keys("Minji (Kim Min-ji)")
    assert name_key("Kim Min-ji") in keys and name_key("Minji") in keys


def test_email_addresses_compare_without_case_or_spaces():
    assert email_key("  Kim.MinJi@Example.ORG ") == "kim.minji@example.org"
    assert email_key("") == ""


def test_a_search_finds_every_word_anywhere_in_the_name():
    assert matches_search("min kim", "Kim Min-ji")
    assert matches_search("MÜLL", "Jürgen Müller")
    assert matches_search("", "anyone")
    assert not matches_search("park", "Kim Min-ji")
