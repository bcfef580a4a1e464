"""The addresses a long page builds once per kind are the ones Flask builds for each record."""
from datetime import date

import pytest
from flask import url_for

from planner.addresses import MeetingLinks


@pytest.mark.parametrize("external", [False, True])
@pytest.mark.parametrize("slug", ["egm-2021", "cted_seoul", "2021"])
def test_each_link_is_the_address_flask_builds(app, slug, external):
    with app.test_request_context(base_url="https://planner.example.org/root/"):
        links = MeetingLinks(slug, external=external)
        for record_id in (1, 10, 70, 123456):
            assert links.session + str(record_id) == url_for(
                "public.session", slug=slug, session_id=record_id, _external=external)
            assert links.person + str(record_id) == url_for(
                "public.person", slug=slug, person_id=record_id, _external=external)
            assert links.institution + str(record_id) == url_for(
                "public.institution", slug=slug, institution_id=record_id, _external=external)
        assert links.day(date(2021, 10, 18)) == url_for(
            "public.day", slug=slug, day=date(2021, 10, 18), _external=external)
