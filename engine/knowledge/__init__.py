"""Company knowledge: documents read into snippets and searched."""
