"""Enforcement cases: custody deadlines (pure arithmetic) and the rules they follow, kept as data."""
