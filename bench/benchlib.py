"""What bench's Python helpers share: the REST call with an api-version, and a percentile."""
import json
import time
import urllib.error
import urllib.request


def call(api, token, method, path, body=None, version="api-version=2022-07-31", attempts=20):
    """One REST call; retried (0.5 s apart) while the API answers 429, any other error is raised with its body."""
    request = urllib.request.Request(f"{api}/api{path}{'&' if '?' in path else '?'}{version}", method=method,
                                     data=None if body is None else json.dumps(body).encode(),
                                     headers={"Authorization": token, "Content-Type": "application/json"})
    for attempt in range(attempts):
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                return json.load(response) if response.status != 204 else None
        except urllib.error.HTTPError as e:
            if e.code != 429 or attempt == attempts - 1:
                raise RuntimeError(f"{method} {path}: {e.code} {e.read().decode()}")
            time.sleep(0.5)


def percentile(values, p, empty=None):
    """The nearest-rank p-th percentile of values; empty when there are none."""
    if not values:
        return empty
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]
