"""Sphinx extension: generate reference pages from the schema.

Pages are written into ``docs/generated/`` (not kept in git) before the build reads the
sources, so the claim-file reference can never drift from the schema.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from claimtrack.schema import load_schema

GENERATED = Path(__file__).resolve().parent.parent / "generated"


def _type_of(prop: dict[str, Any]) -> str:
    if "$ref" in prop:
        name = prop["$ref"].rsplit("/", 1)[-1]
        return f"[{name}](#{name.lower()})"
    if "enum" in prop:
        return " \\| ".join(f"`{value}`" for value in prop["enum"])
    if "const" in prop:
        return f"`{prop['const']}`"
    kind = prop.get("type", "")
    if kind == "array":
        return "list of " + _type_of(prop.get("items", {}))
    return str(kind)


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def _table(definition: dict[str, Any]) -> list[str]:
    required = set(definition.get("required", []))
    lines = ["| field | type | required | description |", "| --- | --- | --- | --- |"]
    for name, prop in definition.get("properties", {}).items():
        description = prop.get("description", "")
        default = prop.get("default")
        if default is not None:
            description += (
                f" Default: `{str(default).lower() if isinstance(default, bool) else default}`."
            )
        lines.append(
            f"| `{name}` | {_type_of(prop)} | {'yes' if name in required else ''} |"
            f" {_cell(description)} |"
        )
    return lines


def render_claim_format() -> str:
    """The claim-file reference page, from the schema."""
    schema = load_schema()
    out = [
        "# Claim file reference",
        "",
        "Generated from `schemas/claim-file.schema.json` (Draft 2020-12, "
        f"`$id` `{schema['$id']}`). {schema['description']}",
        "",
        "## The file",
        "",
        *_table(schema),
        "",
    ]
    for name, definition in schema["$defs"].items():
        out += [f"## {name}", "", _cell(definition.get("description", "")), ""]
        if "properties" in definition:
            out += [*_table(definition), ""]
        else:
            facts = []
            if "pattern" in definition:
                facts.append(f"pattern `{definition['pattern']}`")
            if "maxLength" in definition:
                facts.append(f"at most {definition['maxLength']} characters")
            if facts:
                out += ["Form: " + ", ".join(facts) + ".", ""]
        examples = definition.get("examples")
        if examples:
            out += ["Examples: " + ", ".join(f"`{_example(e)}`" for e in examples[:3]), ""]
    return "\n".join(out)


def _example(value: Any) -> str:
    import json

    return json.dumps(value, ensure_ascii=False)


def write_pages(_app: Any = None) -> None:
    """Write every generated page (called before Sphinx reads the sources)."""
    GENERATED.mkdir(exist_ok=True)
    pages = {"claim-format.md": render_claim_format()}
    for name, text in pages.items():
        target = GENERATED / name
        if not target.exists() or target.read_text(encoding="utf-8") != text:
            target.write_text(text, encoding="utf-8")


def setup(app: Any) -> dict[str, Any]:
    app.connect("builder-inited", write_pages)
    return {"parallel_read_safe": True, "version": "1"}
