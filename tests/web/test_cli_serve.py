"""``warta serve``: registered on the warta command, documented, refusing a missing KB."""

from __future__ import annotations

from typer.testing import CliRunner

from warta.cli import app


def test_serve_is_a_warta_command():
    result = CliRunner().invoke(app, ["serve", "--help"])
    assert result.exit_code == 0, result.output
    for opt in ("--db", "--host", "--port"):
        assert opt in result.output
    assert "127.0.0.1" in result.output


def test_serve_refuses_a_missing_kb(tmp_path):
    result = CliRunner().invoke(app, ["serve", "--db", str(tmp_path / "none.db")])
    assert result.exit_code != 0
    assert "no knowledge base" in str(result.exception)
