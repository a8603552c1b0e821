#!/usr/bin/env python3
"""Put this lab's notebook token where notebook clients look for it.

Run by the notebook service when a lab starts, with the platform's URL and the session credential it was
handed for the user's login. It asks the platform for the session's notebook token (the same one for as long
as it stays fresh, a new one after a new login), writes it to ~/.access_token with mode 0600, and prints

    export ACCESS_TOKEN=gt-...

on standard output, for ``eval "$(fetch_access_token.py ...)"``. Nothing else is printed there, and the
token never appears in an error message.

The session credential is read from $SCIPLAT_SESSION_TOKEN, or from the file given with --session-token-file.
Exit status: 0 done, 2 usage or unreachable platform, 3 session expired or revoked, 4 request refused.
"""

import argparse
import json
import os
import sys
import tempfile
import urllib.error
import urllib.parse
import urllib.request

TOKEN_FILE = ".access_token"


def fail(status, message):
    print(f"fetch_access_token: {message}", file=sys.stderr)
    sys.exit(status)


def session_token(args):
    if args.session_token_file:
        try:
            with open(args.session_token_file, encoding="ascii") as f:
                return f.read().strip()
        except OSError as e:
            fail(2, f"cannot read the session token file: {e.strerror}")
    token = os.environ.get("SCIPLAT_SESSION_TOKEN", "").strip()
    if not token:
        fail(2, "no session credential: set SCIPLAT_SESSION_TOKEN or pass --session-token-file")
    return token


def endpoint(url):
    parsed = urllib.parse.urlparse(url)
    if parsed.scheme not in ("http", "https") or not parsed.netloc:
        fail(2, f"not a platform URL (http or https with a host): {url!r}")
    return url.rstrip("/") + "/auth/api/v1/notebook-token"


def error_message(body):
    try:
        return "; ".join(d.get("msg", "") for d in json.loads(body)["detail"])
    except (ValueError, KeyError, TypeError, AttributeError):
        return "no explanation given"


def fetch(url, token, minimum_lifetime):
    body = {} if minimum_lifetime is None else {"minimum_lifetime": minimum_lifetime}
    request = urllib.request.Request(
        endpoint(url),
        data=json.dumps(body).encode(),
        method="POST",
        headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
    )
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return json.load(response)
    except urllib.error.HTTPError as e:
        reason = error_message(e.read())
        if e.code == 401:
            fail(3, f"the session credential is expired or revoked; log in again ({reason})")
        fail(4, f"the platform refused the request: HTTP {e.code}: {reason}")
    except urllib.error.URLError as e:
        fail(2, f"cannot reach the platform at {url}: {e.reason}")
    except (ValueError, OSError) as e:
        fail(2, f"cannot talk to the platform at {url}: {e}")


def store(token):
    home = os.path.expanduser("~")
    # written to a private temporary file, then renamed: no reader ever sees a partial or world-readable token
    fd, temporary = tempfile.mkstemp(dir=home, prefix=".access_token.")
    try:
        with os.fdopen(fd, "w", encoding="ascii") as f:
            f.write(token + "\n")
            f.flush()
            os.fsync(f.fileno())
        os.chmod(temporary, 0o600)
        os.replace(temporary, os.path.join(home, TOKEN_FILE))
    except OSError as e:
        os.unlink(temporary)
        fail(2, f"cannot write ~/{TOKEN_FILE}: {e.strerror}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", required=True, help="the platform's base URL, e.g. https://data.example.org")
    parser.add_argument("--session-token-file", help="a file holding the session credential")
    parser.add_argument("--minimum-lifetime", type=int, help="seconds the token must stay valid, e.g. the lab's")
    args = parser.parse_args()
    notebook = fetch(args.url, session_token(args), args.minimum_lifetime)
    store(notebook["token"])
    print(f"export ACCESS_TOKEN={notebook['token']}")


if __name__ == "__main__":
    main()
