"""The scenario library: shipped scenario files (package data) found by id or path, and the starting template."""
