"""Model files: the registry, the catalog, file formats, hashing and memory estimates."""
