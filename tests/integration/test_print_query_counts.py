"""The list of participants, the badges and the name plates cost the same number of queries for 10 people or 300."""
import pytest

from tests.integration.presence_support import sign_in
from tests.integration.test_presence_query_counts import build_attended_meeting


@pytest.mark.parametrize("address", [
    "/events/{slug}/organise/participants/list?attendance_shown=1",
    "/events/{slug}/organise/participants/list.csv",
    "/events/{slug}/organise/participants/list.xlsx",
    "/events/{slug}/organise/badges",
    "/events/{slug}/organise/badges?which=changed",
    "/events/{slug}/organise/name-plates",
])
def test_queries_behind_a_printed_document_are_the_same_for_10_and_300_participants(
        client, make, count_queries, address):
    counts = {}
    for people in (10, 300):
        slug = f"size-{people}"
        build_attended_meeting(make, slug, people, sessions=3)
        sign_in(client, f"organiser-{slug}@example.org")
        with count_queries() as counter:
            response = client.get(address.format(slug=slug))
        assert response.status_code == 200
        counts[people] = counter.count
    assert counts[10] == counts[300]
    assert counts[300] <= 12, counter.statements
