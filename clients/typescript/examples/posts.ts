// Posts and comments (a discriminated oneOf on `kind`), users, search and the index, as Next.js would use them.
import {
  createApiClient,
  etagOf,
  ifMatch,
  type Comment,
  type CommentInput,
  type PostInput,
  type SearchHit,
  unwrap,
  ProblemError,
} from "../src/index.js";
import { first, getSession, notFound, type PageProps } from "./next.js";

const publicApi = createApiClient({ baseUrl: process.env.NEXT_PUBLIC_API_URL ?? "http://127.0.0.1:8000" });

async function writer() {
  const session = await getSession();
  if (!session) throw new Error("sign in first");
  return createApiClient({ token: session.accessToken });
}

/** How a comment renders depends on its kind: the union narrows on `kind`. */
export function renderComment(comment: Comment): string {
  switch (comment.kind) {
    case "text":
      return comment.text;
    case "link":
      return `<a href="${comment.url}">${comment.title ?? comment.url}</a>`;
    case "image":
      return `<img src="${comment.image_url}" alt="${comment.alt_text ?? ""}">`;
  }
}

/** app/posts/[id]/page.tsx: the post, its comments page by page. */
export default async function PostPage({ params, searchParams }: PageProps<{ id: string }>) {
  const { id } = await params;
  const cursor = first((await searchParams).cursor);
  const post = await publicApi.GET("/posts/{post_id}", { params: { path: { post_id: id } } });
  if (post.error) {
    if (post.error.status === 404) notFound();
    throw new ProblemError(post.error);
  }
  const comments = unwrap(
    await publicApi.GET("/posts/{post_id}/comments", {
      params: { path: { post_id: id }, query: { limit: 50, ...(cursor ? { cursor } : {}) } },
    }),
  );
  const author = unwrap(await publicApi.GET("/users/{user_id}", { params: { path: { user_id: post.data.author_id } } }));
  return {
    title: post.data.title,
    author: author.name,
    etag: etagOf(post.response),
    comments: comments.comments.map(renderComment),
    more: comments.next_cursor,
  };
}

export async function listPosts(cursor?: string) {
  const page = unwrap(await publicApi.GET("/posts", { params: { query: { limit: 10, ...(cursor ? { cursor } : {}) } } }));
  return page.posts.map((post) => ({ id: post.id, title: post.title, version: post.version }));
}

export async function writePost(title: string, body: string) {
  const api = await writer();
  const input: PostInput = { title, body };
  const { data, error, response } = await api.POST("/posts", { body: input });
  if (error) return { ok: false as const, problem: error };
  return { ok: true as const, post: data, etag: etagOf(response) };
}

export async function editPost(id: string, etag: string, title: string) {
  const api = await writer();
  return api.PATCH("/posts/{post_id}", { params: { path: { post_id: id }, header: ifMatch(etag) }, body: { title } });
}

export async function deletePost(id: string) {
  const api = await writer();
  return api.DELETE("/posts/{post_id}", { params: { path: { post_id: id } } });
}

/** One comment of each kind; the body type is the union of the three writable shapes. */
export async function commentInEveryKind(postId: string) {
  const api = await writer();
  const bodies: CommentInput[] = [
    { kind: "text", text: "Nice post!" },
    { kind: "link", url: "https://example.com/more", title: "More on this" },
    { kind: "image", image_url: "https://example.com/cat.png", alt_text: "A cat" },
  ];
  const created: Comment[] = [];
  for (const body of bodies) {
    const { data, error } = await api.POST("/posts/{post_id}/comments", { params: { path: { post_id: postId } }, body });
    if (error) throw new ProblemError(error);
    created.push(data);
  }
  return created;
}

/** A text comment becomes a link (PUT may change the kind), then goes away. */
export async function rewriteComment(postId: string, commentId: string) {
  const api = await writer();
  const path = { post_id: postId, comment_id: commentId };
  const current = await api.GET("/posts/{post_id}/comments/{comment_id}", { params: { path } });
  if (current.error) return current.error.status;
  const replaced = await api.PUT("/posts/{post_id}/comments/{comment_id}", {
    params: { path, header: ifMatch(current.response) },
    body: { kind: "link", url: "https://example.com/instead" },
  });
  if (replaced.error) return replaced.error.status;
  await api.DELETE("/posts/{post_id}/comments/{comment_id}", { params: { path, header: ifMatch(replaced.response) } });
  return replaced.data.kind;
}

/** app/search/page.tsx: `type` is an explode=false array (`?type=items,posts`). */
export async function SearchPage({ searchParams }: PageProps) {
  const q = first((await searchParams).q) ?? "";
  if (!q) return { hits: [] as SearchHit[] };
  const { data, error } = await publicApi.GET("/search", {
    params: { query: { q, limit: 10, type: ["items", "posts"] } },
    querySerializer: { array: { style: "form", explode: false } },
  });
  if (error) return { hits: [] as SearchHit[], problem: error.errors.map((v) => `${v.pointer}: ${v.message}`) };
  return { hits: data.results.map((hit) => ({ ...hit, href: hit.type === "items" ? `/items/${hit.id}` : `/posts/${hit.id}` })) };
}

/** Users: register, and who am I. */
export async function profile(name: string, email: string) {
  const api = await writer();
  const me = await api.GET("/users/me");
  if (me.data) return me.data;
  if (me.error.status !== 404) throw new ProblemError(me.error);
  return unwrap(await api.POST("/users", { body: { name, email } }));
}

/** The index and health, as a status page would show them. */
export async function statusPage() {
  const index = unwrap(await publicApi.GET("/"));
  const health = await publicApi.GET("/health");
  return {
    name: index.name,
    links: Object.entries(index.links).map(([rel, link]) => `${rel}: ${link.href}`),
    up: health.data?.status === "ok",
  };
}

/** Operators: purge (api key AND an admin-scoped token). */
export async function purge(apiKey: string, adminToken: string) {
  const api = createApiClient({ token: adminToken, headers: { "X-API-Key": apiKey } });
  return unwrap(await api.POST("/admin/purge", { params: { query: { older_than_days: 30 } } })).purged;
}
