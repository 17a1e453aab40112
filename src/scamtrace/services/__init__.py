"""Use cases that wire the stages to the store: what the CLI and the web app call."""
