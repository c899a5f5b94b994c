"""The Qt desktop application: a thin layer of models, views and workers over the core."""
