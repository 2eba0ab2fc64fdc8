/**
 * The Reference API client: openapi-fetch over the types openapi-typescript generates from openapi.yaml
 * (src/schema.d.ts, `make client`). Hand-written and thin on purpose: every path, parameter, body and
 * response type comes from the spec.
 *
 *   const api = createApiClient({ token: session.accessToken });   // baseUrl: NEXT_PUBLIC_API_URL
 *   const { data, error, response } = await api.GET("/items/{item_id}", { params: { path: { item_id } } });
 *   if (error) return notFound(error);          // error: Problem (RFC 9457 problem+json)
 *   const etag = etagOf(response);               // for If-Match on the next write
 */
import createClient, { type Client, type Middleware } from "openapi-fetch";
import type { components, operations, paths, Readable, Writable } from "./schema.js";

export type { components, operations, paths, Readable, Writable } from "./schema.js";

type Schemas = components["schemas"];

/** RFC 9457 problem details: the body of every error answer, `errors` listing every violation found. */
export type Problem = Readable<Schemas["Problem"]>;
/** One violation of the request (or response): where (`location` + JSON `pointer`) and which keyword. */
export type Violation = Readable<Schemas["Violation"]>;

// What responses carry (readOnly fields included, writeOnly ones left out)…
export type Item = Readable<Schemas["Item"]>;
export type ItemPage = Readable<Schemas["ItemPage"]>;
export type ItemStatus = Schemas["ItemStatus"];
export type User = Readable<Schemas["User"]>;
export type Post = Readable<Schemas["Post"]>;
export type PostPage = Readable<Schemas["PostPage"]>;
export type Comment = Readable<Schemas["Comment"]>;
export type CommentPage = Readable<Schemas["CommentPage"]>;
export type SearchResults = Readable<Schemas["SearchResults"]>;
export type SearchHit = Readable<Schemas["SearchHit"]>;
// …and what request bodies may hold (readOnly fields such as id, version, created_at left out).
export type ItemInput = Writable<Schemas["Item"]>;
export type ItemPatch = Writable<Schemas["ItemPatch"]>;
export type UserInput = Writable<Schemas["User"]>;
export type PostInput = Writable<Schemas["Post"]>;
export type PostPatch = Writable<Schemas["PostPatch"]>;
export type CommentInput = Writable<Schemas["Comment"]>;

export type ApiClient = Client<paths>;
export type TokenSource = string | null | undefined | (() => string | null | undefined | Promise<string | null | undefined>);

export interface ApiClientOptions {
  /** The API's base URL, e.g. `https://api.example.com/prod`. Default: `process.env.NEXT_PUBLIC_API_URL`. */
  baseUrl?: string;
  /** A bearer JWT, or a function returning the current one (called per request; null/undefined: anonymous). */
  token?: TokenSource;
  /** Headers sent with every request. */
  headers?: Record<string, string>;
  /** A fetch of your own (tests, Next's extended fetch); default: globalThis.fetch. */
  fetch?: (input: Request) => Promise<Response>;
}

/** The default base URL: NEXT_PUBLIC_API_URL, written out in full so Next.js inlines it in browser bundles. */
export function defaultBaseUrl(): string | undefined {
  return typeof process === "undefined" ? undefined : process.env.NEXT_PUBLIC_API_URL;
}

export function createApiClient(options: ApiClientOptions = {}): ApiClient {
  const baseUrl = options.baseUrl ?? defaultBaseUrl();
  if (!baseUrl) {
    throw new Error("createApiClient: pass { baseUrl } or set NEXT_PUBLIC_API_URL");
  }
  const client = createClient<paths>({
    baseUrl,
    ...(options.headers ? { headers: options.headers } : {}),
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  client.use(mergePatchContentType);
  if (options.token !== undefined && options.token !== null) {
    client.use(bearerAuth(options.token));
  }
  return client;
}

/** Adds `Authorization: Bearer <token>` to every request that does not set Authorization itself. */
export function bearerAuth(token: TokenSource): Middleware {
  return {
    async onRequest({ request }) {
      const value = typeof token === "function" ? await token() : token;
      if (value && !request.headers.has("Authorization")) {
        request.headers.set("Authorization", `Bearer ${value}`);
      }
      return request;
    },
  };
}

/**
 * Every PATCH of this API takes `application/merge-patch+json` (RFC 7396) only; openapi-fetch sends JSON
 * bodies as `application/json`, which the API would refuse with 415. A Content-Type set by the caller wins.
 */
export const mergePatchContentType: Middleware = {
  onRequest({ request }) {
    if (request.method === "PATCH" && request.headers.get("Content-Type") === "application/json") {
      request.headers.set("Content-Type", "application/merge-patch+json");
    }
    return request;
  },
};

/** The `ETag` of a response (items, posts and comments carry their `version` in it), for `If-Match`. */
export function etagOf(response: Response): string {
  const etag = response.headers.get("ETag");
  if (!etag) {
    throw new Error(`${response.url}: the response has no ETag header`);
  }
  return etag;
}

/** `If-Match` header parameters for a conditional write, from an ETag or the response that carried one. */
export function ifMatch(etagOrResponse: string | Response): { "If-Match": string } {
  return { "If-Match": typeof etagOrResponse === "string" ? etagOrResponse : etagOf(etagOrResponse) };
}

/** The ETag for a resource's `version` (what the API puts in ETag: the version as a quoted string). */
export function etagForVersion(version: number): string {
  return `"${version}"`;
}

export function isProblem(value: unknown): value is Problem {
  if (typeof value !== "object" || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return (
    typeof candidate.type === "string" &&
    typeof candidate.title === "string" &&
    typeof candidate.status === "number" &&
    Array.isArray(candidate.errors)
  );
}

/** Thrown by `unwrap` for an error answer; carries the problem+json body. */
export class ProblemError extends Error {
  readonly problem: Problem;
  readonly status: number;

  constructor(problem: Problem) {
    super(problem.detail ? `${problem.status} ${problem.title}: ${problem.detail}` : `${problem.status} ${problem.title}`);
    this.name = "ProblemError";
    this.problem = problem;
    this.status = problem.status;
  }
}

/**
 * The data of a successful answer, or a ProblemError thrown for an error one (for code that would rather
 * throw, e.g. a Next.js server component with an error boundary).
 */
export function unwrap<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.error !== undefined) {
    if (isProblem(result.error)) throw new ProblemError(result.error);
    throw new Error(`${result.response.status} ${result.response.statusText}: not a problem+json answer`);
  }
  return result.data as T;
}
