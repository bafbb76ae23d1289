"""Templates and what composes a prompt: rendering, variables, packs, brand voice, frameworks."""
