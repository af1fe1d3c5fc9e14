"""The game itself: pure Python, no Textual, no files, no clock.

Import what you need from the submodules (``tabletop.engine.game``,
``tabletop.engine.scenario``, ...); this package imports nothing heavy.
"""
