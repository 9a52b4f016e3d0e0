"""The Qt layer: thin widgets and models that observe the core."""
