"""Reading: the few, fixed queries behind each page and API answer."""
