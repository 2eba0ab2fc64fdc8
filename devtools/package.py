"""`chalice package` for this project (`make package`): one SAM template with the app, the table, the bucket.

    python -m devtools.package --stage prod --merge-template infra/resources.json OUT

runs chalice's own `package` command (same arguments; the SAM/CloudFormation format) with two additions:

1. `@app.on_s3_event` handlers. chalice 1.34's SAM generator refuses them ("CloudFormation does not
   support modifying the event notifications of existing buckets"): chalice assumes the bucket exists
   outside the stack. Ours is declared in the same template (infra/resources.json, `ImagesBucket`), which
   is exactly what SAM's `S3` event source needs, so each handler becomes an `S3` event on its function
   with `Bucket: {"Ref": "ImagesBucket"}` (SAM adds the bucket notification and the invoke permission).
   The handler's `bucket=` must be the stage's BUCKET_NAME, or packaging fails.
2. Resource names from the stage: `ItemsTable.TableName` = TABLE_NAME and `ImagesBucket.BucketName` =
   BUCKET_NAME, the values .chalice/config.json gives the functions and the policy file grants. Literal
   names (not `Ref`s in the functions' environment) avoid a dependency cycle: bucket notification ->
   function -> role -> bucket.
3. Bytecode for chalicelib/ (`add_bytecode`): Lambda cannot write `.pyc` into its read-only code
   directory, so a zip of sources compiles every module on every cold start (~25 ms for ours, see
   docs/PERFORMANCE.md). The zip's own chalicelib/*.py are compiled (this interpreter: chalice picks the
   Lambda runtime from it, so the magic number matches) into `__pycache__/*.pyc` with
   `--invalidation-mode unchecked-hash`: used without comparing mtimes, which a zip keeps only to 2 s
   (timestamp `.pyc` would be judged stale on Lambda and recompiled). Whatever `__pycache__` chalice
   copied from the work tree (timestamp `.pyc`, maybe of another interpreter or of a deleted module) is
   dropped first. Unchecked is safe here: the zip's sources never change after packaging.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
TABLE_RESOURCE = "ItemsTable"
BUCKET_RESOURCE = "ImagesBucket"


def _s3_event(self: Any, resource: Any, template: dict[str, Any]) -> None:
    """SAMTemplateGenerator._generate_s3bucketnotification: an `S3` event on the handler's function."""
    from chalice.package import to_cfn_resource_name

    bucket = self._config.environment_variables.get("BUCKET_NAME")
    if resource.bucket != bucket:
        raise ValueError(
            f"@app.on_s3_event(bucket={resource.bucket!r}): the stage's bucket (BUCKET_NAME, declared as "
            f"{BUCKET_RESOURCE} in the template) is {bucket!r}"
        )
    properties: dict[str, Any] = {"Bucket": {"Ref": BUCKET_RESOURCE}, "Events": list(resource.events)}
    rules = [
        {"Name": name, "Value": value}
        for name, value in (("prefix", resource.prefix), ("suffix", resource.suffix))
        if value
    ]
    if rules:
        properties["Filter"] = {"S3Key": {"Rules": rules}}
    function = template["Resources"][to_cfn_resource_name(resource.lambda_function.resource_name)]
    events = function["Properties"].setdefault("Events", {})
    events[self._register_cfn_resource_name(resource.resource_name)] = {
        "Type": "S3",
        "Properties": properties,
    }


def name_resources(template: dict[str, Any], environment: dict[str, str]) -> None:
    """Give the table and bucket the stage's names; check every function is configured with them."""
    resources = template["Resources"]
    for logical_id, variable, key in (
        (TABLE_RESOURCE, "TABLE_NAME", "TableName"),
        (BUCKET_RESOURCE, "BUCKET_NAME", "BucketName"),
    ):
        if logical_id not in resources:
            raise ValueError(
                f"the merged template declares no {logical_id}: pass --merge-template infra/resources.json"
            )
        if not environment.get(variable):
            raise ValueError(f"the stage has no {variable} in .chalice/config.json")
        resources[logical_id]["Properties"][key] = environment[variable]
    for logical_id, resource in resources.items():
        if resource["Type"] == "AWS::Serverless::Function":
            variables = resource["Properties"].get("Environment", {}).get("Variables", {})
            for variable in ("TABLE_NAME", "BUCKET_NAME"):
                if variables.get(variable) != environment[variable]:
                    raise ValueError(f"{logical_id} has {variable}={variables.get(variable)!r}")


def package(stage: str, merge_template: str, out: str, *, template_format: str = "json") -> Path:
    """Run chalice's `package` with the additions above; the template's path."""
    import click
    from chalice.cli import cli
    from chalice.package import SAMTemplateGenerator

    os.environ.setdefault("AWS_DEFAULT_REGION", "us-east-1")  # chalice wants one; the template has none
    SAMTemplateGenerator._generate_s3bucketnotification = _s3_event  # type: ignore[method-assign]  # the one missing piece
    args = ["--project-dir", str(ROOT), "package", "--stage", stage, "--merge-template", merge_template]
    args += ["--template-format", template_format, out]
    try:
        cli.main(args=args, obj={}, prog_name="chalice", standalone_mode=False)
    except click.ClickException as error:
        raise SystemExit(f"chalice package: {error.format_message()}") from error
    path = Path(out) / f"sam.{template_format}"
    add_bytecode(path.with_name("deployment.zip"))
    if template_format != "json":
        return path  # names are only filled in JSON output (make package and the tests use JSON)
    template = json.loads(path.read_text(encoding="utf-8"))
    name_resources(template, _stage_environment(stage))
    path.write_text(json.dumps(template, indent=2) + "\n", encoding="utf-8")
    return path


def add_bytecode(zip_path: Path, package_dir: str = "chalicelib") -> list[str]:
    """Replace any `.pyc` under `package_dir/` in the zip by unchecked-hash ones compiled from the zip's own
    sources (see the module docstring); the names of the `.pyc` added."""
    import compileall
    import py_compile

    prefix = package_dir.rstrip("/") + "/"
    with tempfile.TemporaryDirectory(prefix="package-pyc-", dir=zip_path.parent) as tmp:
        root = Path(tmp)
        rebuilt = root / "deployment.zip"
        with zipfile.ZipFile(zip_path) as source, zipfile.ZipFile(rebuilt, "w") as target:
            for info in source.infolist():
                name = info.filename
                stale = name.startswith(prefix) and ("/__pycache__/" in name or name.endswith(".pyc"))
                if stale:
                    continue
                data = source.read(info)
                target.writestr(info, data)
                if name.startswith(prefix) and name.endswith(".py"):
                    (root / name).parent.mkdir(parents=True, exist_ok=True)
                    (root / name).write_bytes(data)
            if not (root / package_dir).is_dir():
                return []
            if not compileall.compile_dir(
                root / package_dir,
                quiet=2,
                ddir=package_dir,  # the path in tracebacks before the import system fixes it up
                invalidation_mode=py_compile.PycInvalidationMode.UNCHECKED_HASH,
            ):
                raise SystemExit(f"compileall failed on the packaged {package_dir}/")
            added = sorted(
                str(pyc.relative_to(root).as_posix()) for pyc in (root / package_dir).rglob("*.pyc")
            )
            for name in added:
                info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = 0o644 << 16
                target.writestr(info, (root / name).read_bytes())
        os.replace(rebuilt, zip_path)
    return added


def _stage_environment(stage: str) -> dict[str, str]:
    config = json.loads((ROOT / ".chalice" / "config.json").read_text(encoding="utf-8"))
    return {
        **config.get("environment_variables", {}),
        **config["stages"][stage].get("environment_variables", {}),
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m devtools.package", description=__doc__.split("\n\n")[0])
    parser.add_argument("--stage", default="prod")
    parser.add_argument("--merge-template", default=str(ROOT / "infra" / "resources.json"))
    parser.add_argument("out")
    args = parser.parse_args(argv)
    path = package(args.stage, os.path.abspath(args.merge_template), os.path.abspath(args.out))
    print(f"wrote {path} and {path.with_name('deployment.zip')}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
