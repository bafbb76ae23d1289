"""The model catalog: models Airlock recommends, and the docs about them. Model files
themselves live in the data home, never in git."""
