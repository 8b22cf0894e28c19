"""Who and where: people (names, aliases, roles), organizations and places.

`assemble` runs the passes in order; each module holds one kind of rule:
`people`, `roles`, `organizations`, `places`, `aliases` (stated alternative
names) and `gazetteer` (country and city look-ups)."""
