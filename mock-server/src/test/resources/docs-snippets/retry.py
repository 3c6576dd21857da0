# The errors page's retry helper, RESTATED: the page's own code is not in this repository, only what
# it does (FACTS.md: retry 429, 500, 502 and 503, at most 3 attempts, waiting 1 s, then 2 s). Written
# as the result page writes its Python (httpx). Replace this file with the page's code when it is read.
import time
import httpx

RETRYABLE = {429, 500, 502, 503}


def request_with_retry(method: str, url: str, max_attempts: int = 3, **kwargs) -> httpx.Response:
    for attempt in range(max_attempts):
        r = httpx.request(method, url, **kwargs)
        if r.status_code not in RETRYABLE or attempt == max_attempts - 1:
            return r
        time.sleep(2**attempt)  # 1 s, then 2 s
    return r
