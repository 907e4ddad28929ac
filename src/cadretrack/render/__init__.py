"""Renderers draw tables that reports computed: terminal, JSON, CSV (Excel later)."""
