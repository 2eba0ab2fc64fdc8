// Runs the compiled client (dist/, `npm run build`) against a live API over real HTTP:
//   NEXT_PUBLIC_API_URL=http://127.0.0.1:8000 API_TOKEN=$(make -s token) node dist/scripts/integration.js
// Prints one JSON object (what it saw) and exits 1 on the first expectation that does not hold.
// tests/client/test_typescript_client.py runs it against the local stage that `make run` starts.
import { randomUUID } from "node:crypto";
import { createApiClient, etagOf, ifMatch, isProblem, type Item, type ItemInput, type Problem } from "../src/index.js";

const seen: Record<string, unknown> = {};

function check(condition: unknown, message: string, detail?: unknown): asserts condition {
  if (!condition) {
    console.log(JSON.stringify({ ok: false, failed: message, detail, seen }, null, 2));
    process.exit(1);
  }
}

async function main(): Promise<void> {
  const token = process.env.API_TOKEN;
  check(token, "API_TOKEN is not set");
  const api = createApiClient({ token }); // baseUrl: NEXT_PUBLIC_API_URL
  const anonymous = createApiClient();
  const tag = `ts-${randomUUID().slice(0, 8)}`;

  // create, with an Idempotency-Key; a retry with the same key creates nothing
  const key = randomUUID();
  const input: ItemInput = { name: "TS lamp", price: 24.5, tags: [tag, "home"], description: "made by the TypeScript client" };
  const created = await api.POST("/items", { params: { header: { "Idempotency-Key": key } }, body: input });
  check(created.data, "POST /items failed", created.error);
  check(created.response.status === 201, "POST /items is not 201", created.response.status);
  const item: Item = created.data;
  check(item.version === 1 && item.status === "active", "a new item has version 1 and status active", item);
  const etag1 = etagOf(created.response);
  check(etag1 === '"1"', "the ETag of a new item", etag1);
  const retried = await api.POST("/items", { params: { header: { "Idempotency-Key": key } }, body: input });
  check(retried.data?.id === item.id, "a retried Idempotency-Key answers with the same item", retried.data);
  check(retried.response.headers.get("Idempotent-Replayed") === "true", "Idempotent-Replayed: true");
  seen.created = { id: item.id, etag: etag1, replayed: true };

  // read (public)
  const read = await anonymous.GET("/items/{item_id}", { params: { path: { item_id: item.id } } });
  check(read.data, "GET /items/{item_id} failed", read.error);
  check(read.data.name === "TS lamp" && read.data.price === 24.5, "read back what was written", read.data);
  seen.read = { name: read.data.name, etag: etagOf(read.response) };

  // update: a JSON Merge Patch with If-Match (the middleware sends application/merge-patch+json)
  const updated = await api.PATCH("/items/{item_id}", {
    params: { path: { item_id: item.id }, header: ifMatch(read.response) },
    body: { price: 19.9, description: null },
  });
  check(updated.data, "PATCH /items/{item_id} failed", updated.error);
  check(updated.data.price === 19.9 && updated.data.version === 2, "the patch applied", updated.data);
  check(updated.data.description === undefined, "description: null removed it", updated.data);
  const etag2 = etagOf(updated.response);
  seen.updated = { price: updated.data.price, version: updated.data.version, etag: etag2 };

  // a stale If-Match: 412, a typed problem
  const stale = await api.PATCH("/items/{item_id}", {
    params: { path: { item_id: item.id }, header: { "If-Match": etag1 } },
    body: { price: 1 },
  });
  check(stale.error?.status === 412, "a stale If-Match is answered 412", stale.error ?? stale.data);
  seen.stale = { status: stale.error.status, title: stale.error.title };

  // list: filtered by tag, status and q, page by page through next_cursor
  const second = await api.POST("/items", { body: { name: "TS desk", price: 80, tags: [tag] } });
  const third = await api.POST("/items", { body: { name: "TS chair", price: 45, tags: [tag], status: "draft" } });
  check(second.data && third.data, "creating two more items failed", second.error ?? third.error);
  const ids: string[] = [];
  let cursor: string | undefined;
  let pages = 0;
  do {
    const page = await anonymous.GET("/items", {
      params: { query: { tag: [tag], limit: 2, ...(cursor ? { cursor } : {}) } },
    });
    check(page.data, "GET /items failed", page.error);
    ids.push(...page.data.items.map((each) => each.id));
    cursor = page.data.next_cursor ?? undefined;
    pages += 1;
  } while (cursor && pages < 10);
  const expected = [item.id, second.data.id, third.data.id];
  check(ids.length === 3 && expected.every((id) => ids.includes(id)), "every tagged item once", { ids, expected });
  const drafts = await anonymous.GET("/items", { params: { query: { tag: [tag], status: "draft" } } });
  check(drafts.data?.items.length === 1 && drafts.data.items[0]?.id === third.data.id, "status filter", drafts.data);
  const byText = await anonymous.GET("/items", { params: { query: { tag: [tag], q: "desk" } } });
  check(byText.data?.items.map((each) => each.id).join() === second.data.id, "q filter", byText.data);
  seen.list = { pages, ids: ids.length, drafts: drafts.data.items.length, byText: byText.data.items.length };

  // delete with If-Match, then reading it is a 404 problem
  const deleted = await api.DELETE("/items/{item_id}", { params: { path: { item_id: item.id }, header: ifMatch(etag2) } });
  check(!deleted.error && deleted.response.status === 204, "DELETE /items/{item_id} is 204", deleted.error);
  for (const other of [second.data, third.data]) {
    const gone = await api.DELETE("/items/{item_id}", { params: { path: { item_id: other.id }, header: { "If-Match": "*" } } });
    check(gone.response.status === 204, "cleanup delete", gone.error);
  }
  const missing = await anonymous.GET("/items/{item_id}", { params: { path: { item_id: item.id } } });
  check(missing.error?.status === 404, "a deleted item is 404", missing.error ?? missing.data);
  const notFound: Problem = missing.error;
  check(isProblem(notFound), "the 404 is problem+json", notFound);
  check(missing.response.headers.get("Content-Type")?.startsWith("application/problem+json"), "problem+json media type");
  seen.deleted = { status: deleted.response.status, then: notFound.status, title: notFound.title };

  // a validation error: 400, one typed problem listing every violation with its JSON pointer
  const invalid = await api.POST("/items", { body: { name: "", price: -1, tags: ["Not A Tag"] } });
  check(invalid.error, "an invalid item was accepted", invalid.data);
  const problem: Problem = invalid.error;
  check(problem.status === 400 && isProblem(problem), "a 400 problem", problem);
  const pointers = problem.errors.map((violation) => violation.pointer).sort();
  check(
    ["/name", "/price", "/tags/0"].every((pointer) => pointers.includes(pointer)),
    "every violation is listed",
    problem.errors,
  );
  check(problem.errors.every((violation) => violation.location === "body"), "violations are in the body");
  seen.validation = { status: problem.status, title: problem.title, errors: problem.errors };

  // writes without a token: 401 problem
  const anonymousWrite = await anonymous.POST("/items", { body: { name: "x", price: 1 } });
  check(anonymousWrite.error?.status === 401, "an anonymous write is 401", anonymousWrite.error);
  seen.unauthorized = { status: anonymousWrite.error.status };

  console.log(JSON.stringify({ ok: true, seen }, null, 2));
}

await main();
