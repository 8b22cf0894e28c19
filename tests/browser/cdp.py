"""Just enough of the Chrome DevTools Protocol to drive headless Chromium
from a test: a WebSocket client on the standard library, and a browser
launched with a fresh profile, no network beyond 127.0.0.1 and a net log of
every request it makes."""

from __future__ import annotations

import base64
import json
import os
import shutil
import socket
import struct
import subprocess
import tempfile
import time
from pathlib import Path
from types import TracebackType
from typing import Any
from urllib.parse import urlsplit

CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--no-default-browser-check",
    "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-extensions",
    "--disable-default-apps", "--disable-dev-shm-usage", "--remote-debugging-port=0",
    "--disable-features=AutofillServerCommunication,OptimizationHints,MediaRouter,Translate",
    # Nothing but 127.0.0.1 resolves: a request that tries to leave fails, and the net log shows it.
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
]


def find_chromium() -> str | None:
    for name in CHROMIUM_NAMES:
        found = shutil.which(name)
        if found:
            return found
    return None


class WebSocket:
    """A client WebSocket (RFC 6455): text frames out, masked; frames in,
    reassembled; pings answered."""

    def __init__(self, url: str, timeout: float = 60.0) -> None:
        parts = urlsplit(url)
        self.sock = socket.create_connection((parts.hostname, parts.port), timeout=timeout)
        key = base64.b64encode(os.urandom(16)).decode()
        request = (
            f"GET {parts.path} HTTP/1.1\r\nHost: {parts.hostname}:{parts.port}\r\nUpgrade: websocket\r\n"
            f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n"
        )
        self.sock.sendall(request.encode())
        head = b""
        while b"\r\n\r\n" not in head:
            chunk = self.sock.recv(4096)
            if not chunk:
                raise ConnectionError("the browser closed the DevTools connection during the handshake")
            head += chunk
        status, _, self.buffer = head.partition(b"\r\n\r\n")
        if b" 101 " not in status.split(b"\r\n", 1)[0]:
            raise ConnectionError(f"DevTools handshake refused: {status[:200]!r}")

    def _read(self, n: int) -> bytes:
        while len(self.buffer) < n:
            chunk = self.sock.recv(65536)
            if not chunk:
                raise ConnectionError("the browser closed the DevTools connection")
            self.buffer += chunk
        data, self.buffer = self.buffer[:n], self.buffer[n:]
        return data

    def _send_frame(self, opcode: int, payload: bytes) -> None:
        header = bytes([0x80 | opcode])
        n = len(payload)
        if n < 126:
            header += bytes([0x80 | n])
        elif n < 1 << 16:
            header += bytes([0x80 | 126]) + struct.pack("!H", n)
        else:
            header += bytes([0x80 | 127]) + struct.pack("!Q", n)
        mask = os.urandom(4)
        self.sock.sendall(header + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(payload)))

    def send(self, text: str) -> None:
        self._send_frame(0x1, text.encode())

    def recv(self) -> str:
        message = b""
        while True:
            first, second = self._read(2)
            opcode, n = first & 0x0F, second & 0x7F
            if n == 126:
                n = struct.unpack("!H", self._read(2))[0]
            elif n == 127:
                n = struct.unpack("!Q", self._read(8))[0]
            mask = self._read(4) if second & 0x80 else b""
            payload = self._read(n)
            if mask:
                payload = bytes(b ^ mask[i % 4] for i, b in enumerate(payload))
            if opcode == 0x9:
                self._send_frame(0xA, payload)
                continue
            if opcode == 0x8:
                raise ConnectionError("the browser closed the DevTools connection")
            if opcode in (0x0, 0x1, 0x2):
                message += payload
                if first & 0x80:
                    return message.decode()

    def close(self) -> None:
        self.sock.close()


class Chromium:
    """Headless Chromium with a fresh profile; `open(url)` gives a page
    session for `evaluate` and `wait_for`.  `requested_urls()` reads the net
    log: every URL the pages asked for."""

    def __init__(self, executable: str) -> None:
        self.executable = executable
        self.profile = Path(tempfile.mkdtemp(prefix="dossier-chromium-"))
        self.netlog = self.profile / "netlog.json"
        self.process: subprocess.Popen[bytes] | None = None
        self.ws: WebSocket | None = None
        self.next_id = 0
        self.events: list[dict[str, Any]] = []
        self.page_urls: list[str] = []  # read from the net log when the browser has closed

    def __enter__(self) -> Chromium:
        self.process = subprocess.Popen(
            [self.executable, *FLAGS, f"--user-data-dir={self.profile}", f"--log-net-log={self.netlog}",
             "--net-log-capture-mode=Default", "about:blank"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        port_file = self.profile / "DevToolsActivePort"
        for _ in range(300):
            if port_file.exists() and len(port_file.read_text().split("\n")) >= 2:
                break
            if self.process.poll() is not None:
                raise RuntimeError(f"{self.executable} exited with status {self.process.returncode}")
            time.sleep(0.1)
        port, path = port_file.read_text().split("\n")[:2]
        self.ws = WebSocket(f"ws://127.0.0.1:{port}{path}")
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        try:
            if self.ws is not None:
                self.call("Browser.close")
        except (ConnectionError, OSError):
            pass
        if self.ws is not None:
            self.ws.close()
        if self.process is not None:
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        try:
            self.page_urls = self.requested_urls() if self.netlog.exists() else []
        finally:
            shutil.rmtree(self.profile, ignore_errors=True)

    def call(self, method: str, params: dict[str, Any] | None = None, session: str | None = None) -> dict[str, Any]:
        assert self.ws is not None
        self.next_id += 1
        message: dict[str, Any] = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        self.ws.send(json.dumps(message))
        while True:
            reply = json.loads(self.ws.recv())
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            self.events.append(reply)

    def open(self, url: str) -> str:
        target = self.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = self.call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        self.call("Page.enable", session=session)
        self.call("Runtime.enable", session=session)
        self.call("Log.enable", session=session)  # the browser's own messages: CSP violations, failed loads
        self.call("Page.navigate", {"url": url}, session=session)
        return session

    def evaluate(self, session: str, expression: str) -> Any:
        result = self.call(
            "Runtime.evaluate", {"expression": expression, "returnByValue": True, "awaitPromise": True},
            session=session,
        )
        if "exceptionDetails" in result:
            raise RuntimeError(f"{expression}: {result['exceptionDetails']}")
        return result.get("result", {}).get("value")

    def wait_for(self, session: str, expression: str, timeout: float = 30.0) -> Any:
        """Poll until `expression` is truthy; its last value otherwise."""
        deadline = time.monotonic() + timeout
        value = None
        while time.monotonic() < deadline:
            value = self.evaluate(session, expression)
            if value:
                return value
            time.sleep(0.2)
        return value

    def requested_urls(self) -> list[str]:
        """URLs requested on behalf of pages (not the browser's own
        services, which the resolver rules stop anyway), from the net log."""
        text = self.netlog.read_text(encoding="utf-8", errors="replace").rstrip()
        try:
            log = json.loads(text)
        except json.JSONDecodeError:  # a log cut short when the browser was killed: close the event list
            log = json.loads(text.rstrip(",") + "]}")
        names = {v: k for k, v in log["constants"]["logEventTypes"].items()}
        urls = []
        for event in log.get("events", []):
            params = event.get("params") or {}
            if names.get(event["type"]) != "URL_REQUEST_START_JOB" or "url" not in params:
                continue
            from_page = params.get("initiator") not in (None, "not an origin") or params.get("request_type") in (
                "main frame", "sub frame",
            )
            if from_page:
                urls.append(params["url"])
        return urls

    def console_messages(self) -> list[str]:
        return [
            " ".join(str(a.get("value", a.get("description", ""))) for a in e["params"].get("args", []))
            for e in self.events if e.get("method") == "Runtime.consoleAPICalled"
        ]

    def errors(self) -> list[str]:
        """Every error a page reported so far: the browser's log entries of
        level error (a Content-Security-Policy violation, a failed load),
        console.error calls and uncaught exceptions."""
        out = []
        for e in self.events:
            method, params = e.get("method"), e.get("params", {})
            if method == "Log.entryAdded" and params.get("entry", {}).get("level") == "error":
                entry = params["entry"]
                out.append(f"{entry.get('source')}: {entry.get('text')} ({entry.get('url', '')})")
            elif method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
                out.append("console: " + " ".join(str(a.get("value", a.get("description", "")))
                                                  for a in params.get("args", [])))
            elif method == "Runtime.exceptionThrown":
                details = params.get("exceptionDetails", {})
                out.append("exception: " + str(details.get("exception", {}).get("description") or details.get("text")))
        return out

    def dialogs(self) -> list[str]:
        opened = [e for e in self.events if e.get("method") == "Page.javascriptDialogOpening"]
        return [e["params"].get("message", "") for e in opened]
