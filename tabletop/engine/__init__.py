"""The game itself: pure Python, no Textual, no files, no clock.

Import what you need from the submodules (``tabletop.engine.game``,
``tabletop.engine.scenario``, ...); this package imports nothing heavy.
"""

RULES_VERSION = 2
"""The version of the rules this engine plays. A save records the version it was played under and is
replayed only under the same one (1: tabletop 0.1, before walk-away values became outside options)."""
