"""What was said: direct and indirect quotes and who said them.

`marks` finds quoted spans, `speech_verbs` holds the reporting vocabulary,
`speakers` decides who speaks, and `assemble` builds the quotes."""
