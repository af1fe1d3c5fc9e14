"""tabletop: a Washington-Moscow negotiation tabletop exercise for the terminal."""

__version__ = "0.1.0"
