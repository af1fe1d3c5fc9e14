"""Saved games: the JSON Lines format, the saves folder, and the writer that appends as a game is played."""
