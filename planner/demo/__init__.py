"""The two real meetings Planner was designed from, as demo data."""
