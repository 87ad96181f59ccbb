"""The server under hostile requests: 4xx, never 500; /api/extract bounded so that the
other routes stay fast while it works."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import threading
import time

import httpx
import pytest
from fastapi.testclient import TestClient

import warta
from warta.errors import UsageError

from .conftest import BODY

HUGE = 2**63
PATHS = ["/api/articles/{}", "/api/entities/{}", "/api/entities/{}/timeline", "/api/stories/{}",
         "/articles/{}", "/entities/{}", "/stories/{}"]


@pytest.fixture(scope="module")
def client(small_kb):
    from warta.web import create_app

    with TestClient(create_app(small_kb), raise_server_exceptions=False) as c:
        yield c


@pytest.mark.parametrize("path", PATHS)
@pytest.mark.parametrize("value", [HUGE, 10**30, -1])
def test_ids_outside_64_bits_are_4xx(client, path, value):
    r = client.get(path.format(value))
    assert 400 <= r.status_code < 500, (path, value, r.status_code)


def _post(client, body: dict | str):
    data = body if isinstance(body, str) else json.dumps(body)
    return client.post("/api/extract", content=data.encode("utf-8", "surrogatepass"),
                       headers={"content-type": "application/json"})


@pytest.mark.parametrize("body", [
    "[" * 100_000,
    '{"text": ' + "[" * 100_000,
    '{"text": "a\\ud800b"}',
    '{"text": "JAKARTA - rapat", "source": "\\udfff"}',
    {"text": "JAKARTA - Rapat digelar besok.", "published": "9999-12-31"},
    {"text": "JAKARTA - Rapat digelar kemarin.", "published": "0001-01-01"},
    {"text": "JAKARTA - Rapat.", "published": "2025-10-14garbage"},
])
def test_extract_hostile_bodies_are_4xx(client, body):
    r = _post(client, body)
    assert 400 <= r.status_code < 500, r.text[:300]


def test_analyze_arguments_checked():
    with pytest.raises(UsageError, match="text"):
        warta.analyze(None)
    with pytest.raises(UsageError, match="surrogate"):
        warta.analyze("JAKARTA - a\ud800")
    with pytest.raises(UsageError, match="ISO date"):
        warta.analyze("JAKARTA - a", published="2025-10-14garbage")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get_time(url: str) -> float:
    start = time.perf_counter()
    assert httpx.get(url, timeout=30).status_code == 200
    return time.perf_counter() - start


def test_gets_stay_fast_while_three_big_extractions_run(small_kb):
    port = _free_port()
    env = {"WARTA_EXTRACT_SECONDS": "10"}
    import os

    server = subprocess.Popen([sys.executable, "-m", "warta", "serve", "--db", small_kb, "--port", str(port)],
                              env={**os.environ, **env}, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                httpx.get(base + "/api/stories", timeout=1)
                break
            except httpx.HTTPError:
                time.sleep(0.2)
        quiet = min(_get_time(base + "/api/stories") for _ in range(3))
        hostile = ("JAKARTA - PT Contoh " + "Rp1 " * 250_000)[:999_000]
        answers: list[int] = []

        def post():
            r = httpx.post(base + "/api/extract", content=hostile.encode(), timeout=120,
                           headers={"content-type": "text/plain"})
            answers.append(r.status_code)

        posts = [threading.Thread(target=post) for _ in range(3)]
        for t in posts:
            t.start()
        time.sleep(1.0)
        busy = [_get_time(base + "/api/stories") for _ in range(5)]
        for t in posts:
            t.join(timeout=180)
        print(f"GET /api/stories: idle {quiet:.3f} s, during the extractions at most {max(busy):.3f} s; "
              f"POST answers {sorted(answers)}")
        assert max(busy) < max(1.0, 10 * quiet), (quiet, busy)
        assert sorted(answers)[-1] in (200, 422, 503) and 503 in answers, answers
        assert 500 not in answers
    finally:
        server.terminate()
        server.wait(timeout=30)
