"""Preflight: may this request be sent under an arrangement (ZDR, HIPAA, ...)?

Takes a request (a body, or an envelope {method, url|path, headers, body}), an arrangement id
and a dataset; gives a Verdict: every feature row the request uses with its status and the
page's reason, every part no row or neutral entry accounts for (unknown: not allowed), and
allowed or not. Stages:
- surface.py  the API's request surface as data: each part -> feature id, neutral or unlisted;
- core.py     the judge, standard library only, embedded whole in the constants module;
- request.py  reading a request file and judging it against a pydantic Dataset (CLI side).
"""
