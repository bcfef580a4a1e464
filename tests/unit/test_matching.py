"""Which registration a line of a platform's report belongs to: email first, then name, never a guess."""
from planner.domain.matching import BY_EMAIL, BY_NAME, Match, Registrant, Registrants

REGISTRANTS = Registrants([
    Registrant(1, ("Kim Min-ji",), "kim.minji@mofa.example"),
    Registrant(2, ("Jürgen Müller",), ""),
    Registrant(3, ("Park Ji-woo",), "delegation@embassy.example"),
    Registrant(4, ("Lee Seo-yeon",), "delegation@embassy.example"),
    Registrant(5, ("Choi Hyun",), ""),
    Registrant(6, ("Choi Hyun",), ""),
])


def test_a_row_is_matched_by_email_whatever_its_case_and_whatever_name_it_shows():
    assert REGISTRANTS.match("iPhone de Minji", " KIM.MINJI@MOFA.EXAMPLE") == Match(1, BY_EMAIL)


def test_without_a_known_email_a_row_is_matched_by_its_normalised_name():
    assert REGISTRANTS.match("Minji Kim", "minji.personal@gmail.example") == Match(1, BY_NAME)
    assert REGISTRANTS.match("jurgen muller", "") == Match(2, BY_NAME)
    assert REGISTRANTS.match("Jürgen (Jürgen Müller)", "") == Match(2, BY_NAME)


def test_a_shared_email_is_settled_by_the_name():
    assert REGISTRANTS.match("Lee Seo-yeon", "delegation@embassy.example") == Match(4, BY_EMAIL)
    refused = REGISTRANTS.match("Embassy laptop", "delegation@embassy.example")
    assert not refused.matched and "2 registrations share this email" in refused.reason


def test_two_people_of_the_same_name_are_not_guessed_between():
    refused = REGISTRANTS.match("Choi Hyun", "")
    assert not refused.matched and refused.reason == "2 registered participants go by this name."


def test_a_stranger_stays_unmatched():
    assert REGISTRANTS.match("Guest 42", "guest@example.org") == Match(
        None, reason="No registration has this email or this name.")
