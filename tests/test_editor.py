"""The editor a policy writer uses: yaml-language-server (what VS Code's YAML extension runs) with our schema.

Installed from npm into `.cache/yls` on first use; skipped, with the reason,
where node or npm is missing or the registry cannot be reached.
"""

from __future__ import annotations

import json
import queue
import shutil
import subprocess
import threading
import time
from pathlib import Path
from typing import Any, Iterator

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = ROOT / "rules" / "udi-rules.schema.json"
PREFIX = ROOT / ".cache" / "yls"
SERVER = PREFIX / "node_modules" / "yaml-language-server" / "bin" / "yaml-language-server"


def installed_server() -> Path:
    if not (shutil.which("node") and shutil.which("npm")):
        pytest.skip("node and npm are not installed, so yaml-language-server cannot run")
    if not SERVER.exists():
        PREFIX.mkdir(parents=True, exist_ok=True)
        try:
            done = subprocess.run(
                ["npm", "install", "--prefix", str(PREFIX), "--no-audit", "--no-fund", "--silent", "yaml-language-server@2"],
                capture_output=True, text=True, timeout=180,
            )
        except subprocess.TimeoutExpired:
            pytest.skip("npm did not install yaml-language-server within 3 minutes (no registry?)")
        if done.returncode != 0 or not SERVER.exists():
            pytest.skip(f"could not install yaml-language-server from npm: {done.stderr.strip()[:300]}")
    return SERVER


class Editor:
    """Just enough of a language client: open a document, read its diagnostics, ask for completions."""

    def __init__(self, server: Path):
        self.process = subprocess.Popen(
            ["node", str(server), "--stdio"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL
        )
        self.messages: queue.Queue[dict[str, Any] | None] = queue.Queue()
        self.settings = {"yaml": {"schemas": {SCHEMA.as_uri(): ["*.yaml"]}, "validate": True, "completion": True,
                                  "yamlVersion": "1.2"}}
        self.next_id = 0
        threading.Thread(target=self._read, daemon=True).start()
        capabilities = {
            "textDocument": {"completion": {"completionItem": {
                "snippetSupport": True, "documentationFormat": ["markdown", "plaintext"]}}},
            "workspace": {"configuration": True},
        }
        self.request("initialize", {"processId": None, "rootUri": None, "capabilities": capabilities})
        self.notify("initialized", {})
        self.notify("workspace/didChangeConfiguration", {"settings": self.settings})

    def _read(self) -> None:
        stream = self.process.stdout
        assert stream is not None
        while True:
            length = None
            while True:
                line = stream.readline()
                if not line:
                    self.messages.put(None)
                    return
                if not line.strip():
                    break
                key, _, value = line.decode().partition(":")
                if key.lower() == "content-length":
                    length = int(value)
            self.messages.put(json.loads(stream.read(length or 0)))

    def _send(self, message: dict[str, Any]) -> None:
        data = json.dumps({"jsonrpc": "2.0", **message}).encode()
        assert self.process.stdin is not None
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(data) + data)
        self.process.stdin.flush()

    def notify(self, method: str, params: dict[str, Any]) -> None:
        self._send({"method": method, "params": params})

    def request(self, method: str, params: dict[str, Any]) -> Any:
        self.next_id += 1
        wanted = self.next_id
        self._send({"id": wanted, "method": method, "params": params})
        return self.wait(lambda m: m.get("id") == wanted and "method" not in m)["result"]

    def wait(self, wanted: Any, timeout: float = 30) -> dict[str, Any]:
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            try:
                message = self.messages.get(timeout=0.2)
            except queue.Empty:
                continue
            assert message is not None, "yaml-language-server stopped"
            if "method" in message and "id" in message:  # the server asks the client something
                items = message["params"].get("items", []) if message["method"] == "workspace/configuration" else None
                result = [self.settings.get(i.get("section") or "", self.settings) for i in items] if items else None
                self._send({"id": message["id"], "result": result})
            elif wanted(message):
                return message
        raise AssertionError("yaml-language-server did not answer in time")

    def open(self, name: str, text: str) -> tuple[str, list[dict[str, Any]]]:
        uri = (ROOT / "rules" / name).as_uri()  # beside the schema, as a rule file is
        self.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "yaml", "version": 1, "text": text}})
        published = self.wait(lambda m: m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri)
        return uri, published["params"]["diagnostics"]

    def complete(self, uri: str, line: int, character: int) -> list[dict[str, Any]]:
        result = self.request("textDocument/completion", {"textDocument": {"uri": uri}, "position": {"line": line, "character": character}})
        return result["items"] if isinstance(result, dict) else result

    def close(self) -> None:
        self.process.kill()
        self.process.wait(timeout=10)


@pytest.fixture(scope="module")
def editor() -> Iterator[Editor]:
    session = Editor(installed_server())
    yield session
    session.close()


RULE = """\
rules:
  - id: 4.1-ny-regel
    title: {nb: Ny regel, en: New rule}
    citation: {section: "4.1", quote: sitat}
    when:
      forum: E
    then: {kind: duty, duty: %s}
"""


def documentation(item: dict[str, Any]) -> str:
    doc = item.get("documentation") or ""
    return doc.get("value", "") if isinstance(doc, dict) else doc


def test_the_editor_completes_a_forum_name_with_what_it_is(editor):
    uri, _ = editor.open("forum.yaml", RULE % "ministry_report_letter")

    items = {item["label"]: item for item in editor.complete(uri, 5, len("      forum: E"))}

    assert {"EMN", "EASO", "emn"} <= set(items)
    assert "Det europeiske migrasjonsnettverket (EMN)" in documentation(items["EMN"])


def test_the_editor_flags_a_misspelt_duty_on_its_line(editor):
    _, diagnostics = editor.open("duty.yaml", (RULE % "ministry_report_leter").replace("forum: E", "forum: EMN"))

    assert [d["range"]["start"]["line"] for d in diagnostics] == [6]
    assert "ministry_report_letter" in diagnostics[0]["message"]


def test_the_editor_offers_the_snippet_for_a_new_duty(editor):
    uri, _ = editor.open("snippet.yaml", "duties:\n  - \n")

    labels = [item["label"] for item in editor.complete(uri, 1, 4)]

    assert "ny plikt / new duty" in labels


@pytest.mark.parametrize("path", sorted((ROOT / "rules").glob("*.yaml")), ids=lambda p: p.name)
def test_the_editor_finds_nothing_wrong_in_the_shipped_rule_files(editor, path):
    _, diagnostics = editor.open(path.name, path.read_text(encoding="utf-8"))

    assert [(d["range"]["start"]["line"] + 1, d["message"]) for d in diagnostics] == []
