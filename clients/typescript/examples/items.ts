// Items, the way Next.js App Router pages and server actions would use the client.
import {
  createApiClient,
  etagOf,
  ifMatch,
  type Item,
  type ItemInput,
  type ItemPatch,
  type ItemStatus,
  type Problem,
  type Violation,
} from "../src/index.js";
import { all, first, getSession, notFound, type PageProps } from "./next.js";

// Reads are public: no token. baseUrl defaults to process.env.NEXT_PUBLIC_API_URL.
const publicApi = createApiClient();

const STATUSES: readonly ItemStatus[] = ["draft", "active", "archived"];

function asStatus(value: string | undefined): ItemStatus | undefined {
  return STATUSES.find((status) => status === value);
}

/** app/items/page.tsx: `/items?tag=home&tag=office&status=active&q=lamp&cursor=...` */
export default async function ItemsPage({ searchParams }: PageProps) {
  const search = await searchParams;
  const status = asStatus(first(search.status));
  const q = first(search.q);
  const cursor = first(search.cursor);
  const { data, error } = await publicApi.GET("/items", {
    params: {
      query: {
        limit: 20,
        tag: all(search.tag),
        ...(status ? { status } : {}),
        ...(q ? { q } : {}),
        ...(cursor ? { cursor } : {}),
      },
    },
  });
  if (error) {
    return { kind: "error" as const, message: error.detail ?? error.title, violations: error.errors };
  }
  const rows = data.items.map((item) => ({
    href: `/items/${item.id}`,
    label: `${item.name} — ${item.price.toFixed(2)}`,
    tags: (item.tags ?? []).join(", "),
    status: item.status ?? "active",
    version: item.version, // readOnly, and present in what is read
    updated: new Date(item.updated_at),
  }));
  // null on the last page; otherwise the "next" link passes it back as `cursor`.
  const next = data.next_cursor === null ? null : `/items?cursor=${encodeURIComponent(data.next_cursor)}`;
  return { kind: "page" as const, rows, next };
}

/** Every item, following next_cursor until it is null (e.g. for generateStaticParams). */
export async function allItems(tag?: string): Promise<Item[]> {
  const items: Item[] = [];
  let cursor: string | undefined;
  do {
    const { data, error } = await publicApi.GET("/items", {
      params: { query: { limit: 100, ...(tag ? { tag: [tag] } : {}), ...(cursor ? { cursor } : {}) } },
    });
    if (error) throw new Error(error.title);
    items.push(...data.items);
    cursor = data.next_cursor ?? undefined;
  } while (cursor);
  return items;
}

/** app/items/[id]/page.tsx: one item, 404 from the API → Next's not-found page. */
export async function ItemPage({ params }: PageProps<{ id: string }>) {
  const { id } = await params;
  const { data, error, response } = await publicApi.GET("/items/{item_id}", {
    params: { path: { item_id: id } },
  });
  if (error) {
    const problem: Problem = error;
    if (problem.status === 404) notFound();
    throw new Error(`${problem.status} ${problem.title}: ${problem.detail ?? ""}`);
  }
  // The edit form carries the ETag it read; the update sends it back as If-Match.
  return { item: data, etag: etagOf(response), image: data.image?.content_type };
}

async function writer() {
  const session = await getSession();
  return createApiClient({ token: () => session?.accessToken });
}

/** A server action: create an item, once, however often the form is retried. */
export async function createItem(form: FormData, idempotencyKey: string) {
  const body: ItemInput = {
    name: String(form.get("name")),
    price: Number(form.get("price")),
    tags: form.getAll("tag").map(String),
    status: "draft",
  };
  const description = form.get("description");
  if (typeof description === "string" && description) body.description = description;
  const api = await writer();
  const { data, error, response } = await api.POST("/items", {
    params: { header: { "Idempotency-Key": idempotencyKey } },
    body,
  });
  if (error) {
    // 400: every violation, with a JSON pointer into the body → per-field messages.
    const fieldErrors: Record<string, string> = {};
    for (const violation of error.errors satisfies Violation[]) {
      if (violation.location === "body") fieldErrors[violation.pointer.slice(1) || "_"] = violation.message;
    }
    return { ok: false as const, status: error.status, fieldErrors };
  }
  const replayed = response.headers.get("Idempotent-Replayed") === "true";
  return { ok: true as const, id: data.id, etag: etagOf(response), replayed, location: response.headers.get("Location") };
}

/** A server action: change some fields with a JSON Merge Patch, conditional on the version read. */
export async function updateItem(id: string, etag: string, changes: { price?: number; description?: string | null }) {
  const patch: ItemPatch = {};
  if (changes.price !== undefined) patch.price = changes.price;
  if (changes.description !== undefined) patch.description = changes.description; // null removes it
  const api = await writer();
  const { data, error, response } = await api.PATCH("/items/{item_id}", {
    params: { path: { item_id: id }, header: ifMatch(etag) },
    body: patch,
  });
  if (error) {
    if (error.status === 412) return { ok: false as const, reason: "changed by someone else: reload" };
    if (error.status === 428) return { ok: false as const, reason: "If-Match missing" };
    return { ok: false as const, reason: error.detail ?? error.title };
  }
  return { ok: true as const, item: data, etag: etagOf(response) };
}

/** Replace the whole item (PUT), conditional on the version read. */
export async function replaceItem(item: Item, etag: string) {
  const api = await writer();
  const { id, name, price, description, tags, status } = item;
  return api.PUT("/items/{item_id}", {
    params: { path: { item_id: id }, header: ifMatch(etag) },
    body: { name, price, ...(description === undefined ? {} : { description }), tags: tags ?? [], status: status ?? "active" },
  });
}

export async function deleteItem(id: string, etag: string) {
  const api = await writer();
  const { error, response } = await api.DELETE("/items/{item_id}", {
    params: { path: { item_id: id }, header: { "If-Match": etag } },
  });
  return error ? { ok: false as const, problem: error } : { ok: response.status === 204 };
}

/** Upload and remove the item's image (binary bodies). */
export async function setImage(id: string, png: Blob, etag?: string) {
  const api = await writer();
  const { data, error } = await api.PUT("/items/{item_id}/image", {
    params: { path: { item_id: id }, header: etag ? { "If-Match": etag } : {} },
    body: png as unknown as string, // binary media types are typed as string by openapi-typescript
    bodySerializer: (body) => body,
    headers: { "Content-Type": "image/png" },
  });
  if (error) return error.title;
  await api.DELETE("/items/{item_id}/image", { params: { path: { item_id: id } } });
  return data.image?.size;
}
