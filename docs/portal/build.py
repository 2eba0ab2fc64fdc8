"""`make docs`: the static docs portal in docs/portal/, from openapi.yaml and the pinned swagger-ui-dist.

Writes, beside the committed index.html: swagger-ui-bundle.js, swagger-ui.css and LICENSE copied from
node_modules/swagger-ui-dist (root package.json/package-lock.json: the same files `make assets` copies for
GET /docs), openapi.json (the spec, to download) and openapi.js (the spec as a script, so the page needs no
fetch and works from file:// as well). Deterministic: the same inputs give byte-identical files.

    python docs/portal/build.py [--spec openapi.yaml] [--out docs/portal]
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
ASSETS = ("swagger-ui-bundle.js", "swagger-ui.css", "LICENSE")
GENERATED = (*ASSETS, "openapi.json", "openapi.js")


def build(spec_path: Path, out: Path, dist: Path) -> list[Path]:
    spec = yaml.safe_load(spec_path.read_text(encoding="utf-8"))
    # default=str: an unquoted YAML date would load as a date object; the spec keeps them as text
    spec_json = json.dumps(spec, indent=1, ensure_ascii=False, default=str)
    missing = [name for name in ASSETS if not (dist / name).is_file()]
    if missing:
        raise SystemExit(f"{dist} lacks {missing}: run `npm ci` at the repository root (make docs does)")
    out.mkdir(parents=True, exist_ok=True)
    for name in ASSETS:
        shutil.copyfile(dist / name, out / name)
    (out / "openapi.json").write_text(spec_json + "\n", encoding="utf-8")
    # </script> cannot occur in JSON string escapes unless written literally; escape "<" to be safe inline
    script = "window.PORTAL_SPEC = " + spec_json.replace("<", "\\u003c") + ";\n"
    (out / "openapi.js").write_text(script, encoding="utf-8")
    return [out / name for name in GENERATED]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--spec", type=Path, default=ROOT / "openapi.yaml")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "portal")
    parser.add_argument("--dist", type=Path, default=ROOT / "node_modules" / "swagger-ui-dist")
    args = parser.parse_args(argv)
    files = build(args.spec, args.out, args.dist)
    here = Path(__file__).resolve().parent
    if args.out.resolve() != here:  # building elsewhere (a test's temp dir): take the page along
        shutil.copyfile(here / "index.html", args.out / "index.html")
    print(f"docs portal: {args.out / 'index.html'} ({len(files)} generated files beside it)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
