"""A correct client in Python (standard library only): submit one Reel, poll it to done or error
following the docs' pattern, give up after TIMEOUT_MS, honour Retry-After.

  REELS_BASE_URL, REELS_TOKEN (required); POLL_INTERVAL_MS (default 7000: the docs' 5 s is
  12 requests a minute, above the limit of 10); TIMEOUT_MS (default 120000); REEL_URL.
Exit codes: 0 done, 1 error, 2 gave up, 3 unexpected HTTP status.
"""

import json
import os
import sys
import time
import urllib.error
import urllib.request

if not os.environ.get("REELS_BASE_URL") or not os.environ.get("REELS_TOKEN"):
    sys.exit("REELS_BASE_URL and REELS_TOKEN are required")

BASE = os.environ["REELS_BASE_URL"].rstrip("/")
HEADERS = {"Authorization": "Bearer " + os.environ["REELS_TOKEN"]}
POLL_INTERVAL = int(os.environ.get("POLL_INTERVAL_MS", "7000")) / 1000
TIMEOUT = int(os.environ.get("TIMEOUT_MS", "120000")) / 1000
REEL_URL = os.environ.get("REEL_URL", "https://www.instagram.com/reel/DYa0IXPgnP5/")


def send(path, body=None, at_least=0.0):
    """Returns (status, parsed body); a 429 is repeated once Retry-After (or at_least) passed."""
    headers = dict(HEADERS)
    data = None
    if body is not None:
        headers["Content-Type"] = "application/json"
        data = json.dumps(body).encode()
    while True:
        request = urllib.request.Request(BASE + path, data=data, headers=headers)
        try:
            with urllib.request.urlopen(request) as response:
                return response.status, json.load(response)
        except urllib.error.HTTPError as error:
            if error.code != 429:
                return error.code, None
            try:
                wait = float(error.headers.get("Retry-After", "1"))
            except ValueError:
                wait = 1.0
            wait = max(wait, at_least)
            print(f"429: waiting {wait} s", flush=True)
            time.sleep(wait)


def main():
    status, job = send("/api/v1/reels/analyze", {"url": REEL_URL})
    if status != 202:
        print(f"submit failed: HTTP {status}", file=sys.stderr)
        return 3
    job_id = job["id"]
    print(f"submitted job {job_id}", flush=True)

    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        status, data = send(f"/api/v1/reels/{job_id}", at_least=POLL_INTERVAL)
        if status != 200:
            print(f"poll of job {job_id} failed: HTTP {status}", file=sys.stderr)
            return 3
        print(f"job {job_id}: {data['status']}", flush=True)
        if data["status"] == "done":
            return 0
        if data["status"] == "error":
            print(f"job {job_id} failed: {data['error']}", file=sys.stderr)
            return 1
        time.sleep(POLL_INTERVAL)
    print(f"gave up on job {job_id} after {TIMEOUT} s", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
