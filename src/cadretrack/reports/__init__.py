"""Reports compute tables from the engine's statuses; renderers draw them."""
