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



def test_a_module_imported_by_its_plain_name_is_asked_about_again_so_it_is_never_stale(client):
    response = client.get("/static/timetable/drag.js")
    assert response.status_code == 200
    assert "max-age" not in response.headers.get("Cache-Control", "")
    response.close()
    again = client.get("/static/timetable/drag.js", headers={"If-None-Match": response.headers["ETag"]})
    assert again.status_code == 304
    again.close()
