"""Publish: takes a compiled Dataset and the dist/ folder; gives a published version.

Plan (published ids carried over, diff with what was published, version, history, changelog),
plausibility gates, and the atomic swap that replaces dist/ whole or not at all.
"""
