"""Stylesheets and scripts: kept by browsers for a year, at addresses that change when the files do."""
import os
import re

from planner import PROJECT_ROOT


def test_a_stylesheet_is_kept_a_year_and_its_address_changes_with_the_file(client, app):
    [address] = re.findall(r'href="(/static/planner.css\?v=\d+)"', client.get("/").get_data(as_text=True))
    response = client.get(address)
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "public, max-age=31536000"
    stylesheet = PROJECT_ROOT / "static" / "planner.css"
    modified = stylesheet.stat().st_mtime
    try:
        os.utime(stylesheet, (modified + 60, modified + 60))
        assert address not in client.get("/").get_data(as_text=True)
    finally:
        os.utime(stylesheet, (modified, modified))
    response.close()

