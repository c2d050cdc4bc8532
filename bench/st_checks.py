"""A schemathesis check for the Participe GraphQL API (loaded through
SCHEMATHESIS_HOOKS by bench/schemathesis.sh).

schemathesis' built-in `not_a_server_error` counts every GraphQL error that
carries a path as a server error, including the API's deliberate answers to
bad input (BAD_CURSOR, BAD_ID, BAD_PAGE, INVALID_INPUT, FORBIDDEN, NOT_FOUND,
RATE_LIMITED). This check fails on what is a server error here: an HTTP 5xx,
an error coded INTERNAL, or a resolver error without a code (an unexpected
failure).
"""

import json

import schemathesis


@schemathesis.check
def participe_server_error(ctx, response, case):
    if response.status_code >= 500:
        raise AssertionError(f"HTTP {response.status_code}")
    try:
        body = json.loads(response.content)
    except ValueError:
        return None
    for error in (body or {}).get("errors") or []:
        code = (error.get("extensions") or {}).get("code")
        if code == "INTERNAL":
            raise AssertionError(f"internal error: {error.get('message')}")
        if code is None and error.get("path"):
            raise AssertionError(f"uncoded resolver error: {error.get('message')}")
    return None
