#!/usr/bin/env node
// Generates src/schema.d.ts from ../../openapi.yaml with openapi-typescript (Node API, pinned in package.json).
//
//   node scripts/generate.mjs                 write src/schema.d.ts
//   node scripts/generate.mjs --out FILE      write FILE instead (the staleness test compares it)
//   node scripts/generate.mjs --check         exit 1 when src/schema.d.ts differs from a fresh generation
//   ... --spec FILE                           generate from FILE instead of ../../openapi.yaml
//
// Options, and why:
// - readWriteMarkers: readOnly properties become $Read<T> (left out of request bodies by openapi-fetch's
//   Writable<T>), writeOnly ones $Write<T> (left out of responses by Readable<T>).
// - openapi-typescript 7.13 only marks a property whose own schema says readOnly (`id: {readOnly: true}`);
//   a property that is a $ref to a readOnly schema (`version: {$ref: Version}`, Version being
//   `{type: integer, readOnly: true}`; also Timestamp and Image) came out unmarked, so a create body with
//   `version` type-checked. The `transform` hook below marks those too, after resolving the $ref.
// - defaultNonNullable: false. Its default (true) makes every property with a `default` required, in
//   component schemas shared by requests too: `tags` and `status` of Item would be required in the
//   create body, which the API does not require (it applies the defaults). Off, they are optional in both
//   directions (responses always carry them, callers see `T | undefined`).
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import ts from "typescript";
import openapiTS, { astToString, oapiRef } from "openapi-typescript";

const HERE = dirname(fileURLToPath(import.meta.url));
const PACKAGE = resolve(HERE, "..");
const SPEC = resolve(PACKAGE, "../../openapi.yaml");
const TARGET = resolve(PACKAGE, "src/schema.d.ts");
const HEADER = `/**
 * generated from openapi.yaml — do not edit.
 * Regenerate with \`make client\` (clients/typescript/scripts/generate.mjs, openapi-typescript).
 */

`;

function marker(name, type) {
  return ts.factory.createTypeReferenceNode(ts.factory.createIdentifier(name), [type]);
}

/** readOnly/writeOnly of the schema a $ref points at, following $ref chains. */
function visibility(ref, ctx, seen = new Set()) {
  if (seen.has(ref)) return {};
  seen.add(ref);
  const target = ctx.resolve(ref);
  if (!target || typeof target !== "object") return {};
  if (target.readOnly || target.writeOnly) return { readOnly: !!target.readOnly, writeOnly: !!target.writeOnly };
  return typeof target.$ref === "string" ? visibility(target.$ref, ctx, seen) : {};
}

export async function generate(spec = SPEC) {
  const ast = await openapiTS(pathToFileURL(spec), {
    readWriteMarkers: true,
    defaultNonNullable: false,
    transform(schema, options) {
      // Called for each property schema; mark `{$ref: X}` when X is readOnly/writeOnly itself.
      if (!schema || typeof schema !== "object" || typeof schema.$ref !== "string") return undefined;
      if (schema.readOnly || schema.writeOnly) return undefined; // openapi-typescript marks these itself
      const { readOnly, writeOnly } = visibility(schema.$ref, options.ctx);
      if (readOnly === writeOnly) return undefined;
      return marker(readOnly ? "$Read" : "$Write", oapiRef(schema.$ref));
    },
  });
  return HEADER + astToString(ast);
}

function option(argv, name) {
  const index = argv.indexOf(name);
  return index >= 0 && argv[index + 1] ? resolve(argv[index + 1]) : undefined;
}

async function main(argv) {
  const fresh = await generate(option(argv, "--spec"));
  if (argv.includes("--check")) {
    let committed = "";
    try {
      committed = readFileSync(TARGET, "utf8");
    } catch {
      // missing counts as stale
    }
    if (committed !== fresh) {
      console.error(
        `${TARGET} is stale: it differs from what openapi.yaml generates now. Run \`make client\` and commit it.`,
      );
      return 1;
    }
    console.log(`${TARGET} is up to date with openapi.yaml`);
    return 0;
  }
  const out = option(argv, "--out") ?? TARGET;
  writeFileSync(out, fresh);
  console.log(`wrote ${out}`);
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
