"""What is written about games: the after-action report, lessons, hotwash, facilitator guide, briefs, class comparison, plots."""
