"""The contract: the dataset's models, its rules and the diff between two versions.

`ENDPOINT_PATH` is what an endpoint path is: the rules check it, and the page reader
(scraper.vocabulary) reads endpoints by it.
"""

ENDPOINT_PATH = r"/v1/[a-z0-9_\-/{}]*"  # lowercase path segments, `{id}` placeholders
