"""A class on the network: one host holds every table of a class, seats join with codes.

The host (:mod:`tabletop.net.server`, :mod:`tabletop.net.host`) is the only
writer and the only judge: every action arrives as JSON data, is rebuilt with
:func:`tabletop.engine.action_reader.action_from_dict` and goes through
``Game.apply``; each seat receives only what the engine's views let it see
(:mod:`tabletop.net.views`). :mod:`tabletop.net.client` is the small client
library the terminal client and the facilitator's dashboard are built on (its
connection, joining and reconnecting: :mod:`tabletop.net.connection`).
The protocol is described in ``docs/CLASSROOM.md``.
"""
