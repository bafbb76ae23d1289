"""Image generation: the runner, the diffusers worker, settings and PNG parameters."""
