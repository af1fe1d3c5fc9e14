"""The commented starting file that ``tabletop new`` writes (it validates as it is)."""

from __future__ import annotations

TEMPLATE = '''# A new tabletop scenario. Every key is documented in scenarios/README.md.
# Check your edits with:  tabletop validate __ID__.toml
# Preview the facilitator's guide with:  tabletop guide __ID__.toml

[scenario]
id = "__ID__"                     # lower-case letters, digits and dashes
title = "A new consultation"
date = "2026-01-15"               # the date of the situation (free text)
setting = """
Where and when the talks take place, and what has just happened. Players read
this first. Keep facts you cannot confirm out, or label them as hypothetical.
"""
deadline = "the end of the consultation"   # what the clock runs out to
rounds = 6                        # even, so both sides hold the initiative equally
first_initiative = "washington"   # who moves first in round 1
hypothetical = true               # invented; set false once every factual text names a source:
                                  # add [[sources]] (id, outlet, title, date) and sources = ["id"] on texts
public_brief = """
What both delegations know: the agenda and the public positions.
"""
aftermath = ""                    # what really happened afterwards (for the guide)

[rules]
exchange_limit = 3                # offers (counters included) per round
tone_min = -0.6                   # each capital's daily tone stays within these bounds
tone_max = 0.6
tone_drift = 0.3                  # how far the tone may move each round
collapse_penalty = 15             # a collapse scores walk-away minus this (double for a walk-out)
# round_timer = 300               # seconds per round, shown to the teams (optional)

[meters]
trust = 45                        # 1-100
tension = 2                       # 1 calm .. 4 (5 is a crisis and ends the talks)

[[objectives]]
id = "logroll"
text = "Trade what you value less for what you value more."
expected = "A linked package moves both irritants by the middle of the game."

[debrief]
questions = [
  "What did you value most, and did the other side know it?",
  "Where did trust rise or fall, and why?",
]

# ---- the sides: public and confidential briefs and private numbers ----
[sides.washington]
name = "Washington"
delegation = "Department of State delegation"
public = "Washington's public position."
confidential = """
What Washington's team alone knows: priorities, red lines, walk-away value.
"""
walk_away = 40                    # on the 0-100 score scale
standing = 60                     # domestic standing at the start (1-100)

[sides.washington.valuations]
# gain: worth to this side when the irritant climbs from its start to the top
# cost: what climbing costs this side at home (its own concessions)
visas = { gain = 0, cost = 20 }
banking = { gain = 50, cost = 0 }
ru-travel = { gain = 0, cost = 4 }
us-travel = { gain = 10, cost = 0 }

[sides.moscow]
name = "Moscow"
delegation = "Foreign Ministry delegation"
public = "Moscow's public position."
confidential = """
What Moscow's team alone knows.
"""
walk_away = 30
standing = 60

[sides.moscow.valuations]
visas = { gain = 50, cost = 0 }
banking = { gain = 0, cost = 20, red_line = { rung = 2, price = 5 } }   # or absolute = true
ru-travel = { gain = 10, cost = 0 }
us-travel = { gain = 0, cost = 4 }

# ---- the irritants: ladders from most restrictive (rung 0) to normal ----
[[irritants]]
id = "visas"
name = "Visas for diplomats"
description = "Visas for the other side's rotating diplomats."
mover = "washington"              # washington, moscow or both
rungs = ["Frozen", "Case by case", "Quota", "Normal"]
start = 0

[[irritants]]
id = "banking"
name = "Embassy banking"
description = "Bank accounts for the embassy."
mover = "moscow"
rungs = ["Frozen", "Cash only", "One bank", "Full banking"]
start = 0

# A cheap unilateral gesture for each side (cheap for the mover, worth more to the
# other side, not its top priority), so that GRIT can be played; validate warns without one.
[[irritants]]
id = "ru-travel"
name = "Travel for Russian diplomats"
description = "Notice Russian diplomats must give before travelling."
mover = "washington"
rungs = ["Permission needed", "Notice two days ahead", "Free travel"]
start = 0

[[irritants]]
id = "us-travel"
name = "Travel for US diplomats"
description = "Notice US diplomats must give before travelling."
mover = "moscow"
rungs = ["Permission needed", "Notice two days ahead", "Free travel"]
start = 0

# ---- audiences watching the table ----
[[audiences]]
id = "europe"
name = "European capitals"
stance = "Wary of a thaw over their heads."

[[audiences.reactions]]
on = "concession"                 # concession, gesture, retaliation, renege, statement, walkout, collapse, conclusion
irritant = "visas"
text = "European capitals ask what they get in return."
effects = { standing = { washington = -1 } }

[audiences.readings]
deal = "Europe accepts it as housekeeping."
default = "Europe waits and watches."

# ---- injects: the master scenario events list ----
[[injects]]
id = "leak"
title = "A press leak"
text = "A newspaper prints what each side asked for."
kind = "scheduled"                # scheduled, conditional, random, contingency
round = 3
target = "both"                   # washington, moscow or both
expected_action = "Keep talking and do not retaliate."
objective = "logroll"
effects = { trust = -5 }

# ---- outcome tiers: the first that matches wins, the last catches all ----
[[outcomes]]
id = "collapse"
name = "Breakdown"
description = "The talks broke down."
when = { ended_by = ["collapse"] }

[[outcomes]]
id = "deal"
name = "Working deal"
description = "Both irritants moved to working levels."
when = { rungs_at_least = { visas = 2, banking = 2 } }

[[outcomes]]
id = "nothing"
name = "No progress"
description = "Nothing of substance moved."
'''


def scenario_template(scenario_id: str) -> str:
    """The starting file for a scenario with this id."""
    return TEMPLATE.replace("__ID__", scenario_id)
