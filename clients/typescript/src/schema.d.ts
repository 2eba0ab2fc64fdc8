/**
 * generated from openapi.yaml — do not edit.
 * Regenerate with `make client` (clients/typescript/scripts/generate.mjs, openapi-typescript).
 */

export type $Read<T> = {
    readonly $read: T;
};
export type $Write<T> = {
    readonly $write: T;
};
export type Readable<T> = T extends $Write<any> ? never : T extends $Read<infer U> ? Readable<U> : T extends (infer E)[] ? Readable<E>[] : T extends object ? {
    [K in keyof T as NonNullable<T[K]> extends $Write<any> ? never : K]: Readable<T[K]>;
} : T;
export type Writable<T> = T extends $Read<any> ? never : T extends $Write<infer U> ? Writable<U> : T extends (infer E)[] ? Writable<E>[] : T extends object ? {
    [K in keyof T as NonNullable<T[K]> extends $Read<any> ? never : K]: Writable<T[K]>;
} & {
    [K in keyof T as NonNullable<T[K]> extends $Read<any> ? K : never]?: never;
} : T;
export interface paths {
    "/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Links to everything this API offers */
        get: operations["getIndex"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Report service health
         * @description Whether the service runs and whether its storage answers.
         */
        get: operations["getHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/items": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List items
         * @description Items in creation order, `limit` at a time. Follow `next_cursor` (pass it back as `cursor`) until
         *     it is null to see every item exactly once.
         */
        get: operations["listItems"];
        put?: never;
        /**
         * Create an item
         * @description With an `Idempotency-Key`, a retry (same key, within 24 hours) creates nothing and answers with
         *     the item the first request created, as it is now, marked `Idempotent-Replayed: true` (409 if that
         *     item has been deleted since).
         */
        post: operations["createItem"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/items/{item_id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The item's id. */
                item_id: components["parameters"]["ItemId"];
            };
            cookie?: never;
        };
        /** Fetch one item */
        get: operations["getItem"];
        /** Replace an item */
        put: operations["replaceItem"];
        post?: never;
        /**
         * Delete an item
         * @description The item disappears at once; its record is purged for good some days later.
         */
        delete: operations["deleteItem"];
        options?: never;
        head?: never;
        /**
         * Change some fields of an item
         * @description A JSON Merge Patch (RFC 7396): `{"description": null}` removes the description.
         */
        patch: operations["updateItem"];
        trace?: never;
    };
    "/items/{item_id}/image": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The item's id. */
                item_id: components["parameters"]["ItemId"];
            };
            cookie?: never;
        };
        /** Download the item's image */
        get: operations["getItemImage"];
        /**
         * Upload the item's image
         * @description A PNG or JPEG of at most 5 MiB (the stage's `MAX_IMAGE_BYTES`), stored in S3. With `If-Match`,
         *     the upload only lands on that version of the item.
         */
        put: operations["putItemImage"];
        post?: never;
        /** Remove the item's image */
        delete: operations["deleteItemImage"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Register a user */
        post: operations["createUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/users/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Fetch the calling user */
        get: operations["getCurrentUser"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/users/{user_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Fetch a user */
        get: operations["getUser"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/posts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List posts
         * @description Posts in creation order, `limit` at a time (follow `next_cursor`).
         */
        get: operations["listPosts"];
        put?: never;
        /** Write a post */
        post: operations["createPost"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/posts/{post_id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The post's id. */
                post_id: components["parameters"]["PostId"];
            };
            cookie?: never;
        };
        /** Fetch a post */
        get: operations["getPost"];
        put?: never;
        post?: never;
        /** Delete a post (its author only) */
        delete: operations["deletePost"];
        options?: never;
        head?: never;
        /** Edit a post (its author only) */
        patch: operations["updatePost"];
        trace?: never;
    };
    "/posts/{post_id}/comments": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The post's id. */
                post_id: components["parameters"]["PostId"];
            };
            cookie?: never;
        };
        /** List a post's comments */
        get: operations["listComments"];
        put?: never;
        /** Comment on a post */
        post: operations["createComment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/posts/{post_id}/comments/{comment_id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The post's id. */
                post_id: components["parameters"]["PostId"];
                /** @description The comment's id. */
                comment_id: string;
            };
            cookie?: never;
        };
        /** Fetch a comment */
        get: operations["getComment"];
        /**
         * Rewrite a comment (its author only)
         * @description The comment may change kind (a text comment can become a link).
         */
        put: operations["replaceComment"];
        post?: never;
        /** Delete a comment (its author only) */
        delete: operations["deleteComment"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Search items and posts
         * @description Items whose name or description, and posts whose title or body, contain `q`.
         */
        get: operations["search"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/purge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Purge deleted items now
         * @description Hard-deletes the items (and their images) deleted more than `older_than_days` days ago, as the
         *     daily job does. Needs an operator api key AND a token with the `admin` scope.
         */
        post: operations["purgeDeletedItems"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        Link: {
            href: string;
            title?: string;
        };
        Index: {
            name: string;
            version: string;
            links: {
                [key: string]: components["schemas"]["Link"];
            };
        };
        Health: {
            /** @enum {string} */
            status: "ok" | "degraded";
            version: string;
            storage: {
                reachable: boolean;
            };
        };
        Tag: string;
        /** @enum {string} */
        ItemStatus: "draft" | "active" | "archived";
        /** @description Increases by one on every write; the `ETag` carries it. */
        Version: number;
        /** Format: date-time */
        Timestamp: string;
        /** @description The item's image (`GET /items/{item_id}/image`). */
        Image: {
            /** @enum {string} */
            content_type: "image/png" | "image/jpeg";
            /** @description Bytes. */
            size: number;
        };
        Item: {
            /** Format: uuid */
            id: $Read<string>;
            name: string;
            description?: string;
            price: number;
            /** @default [] */
            tags?: components["schemas"]["Tag"][];
            /** @default active */
            status?: components["schemas"]["ItemStatus"];
            image?: $Read<components["schemas"]["Image"]>;
            version: $Read<components["schemas"]["Version"]>;
            created_at: $Read<components["schemas"]["Timestamp"]>;
            updated_at: $Read<components["schemas"]["Timestamp"]>;
        };
        /** @description A JSON Merge Patch of an item's writable fields (null removes `description`). */
        ItemPatch: {
            name?: string;
            description?: string | null;
            price?: number;
            tags?: components["schemas"]["Tag"][];
            status?: components["schemas"]["ItemStatus"];
        };
        ItemPage: {
            items: components["schemas"]["Item"][];
            /** @description Pass it as `cursor` for the next page; null on the last page. */
            next_cursor: string | null;
        };
        User: {
            /** Format: uuid */
            id: $Read<string>;
            name: string;
            /** Format: email */
            email: string;
            created_at: $Read<components["schemas"]["Timestamp"]>;
        };
        Post: {
            /** Format: uuid */
            id: $Read<string>;
            /** Format: uuid */
            author_id: $Read<string>;
            title: string;
            body: string;
            version: $Read<components["schemas"]["Version"]>;
            created_at: $Read<components["schemas"]["Timestamp"]>;
            updated_at: $Read<components["schemas"]["Timestamp"]>;
        };
        /** @description A JSON Merge Patch of a post's title and body. */
        PostPatch: {
            title?: string;
            body?: string;
        };
        PostPage: {
            posts: components["schemas"]["Post"][];
            next_cursor: string | null;
        };
        CommentBase: {
            /** Format: uuid */
            id: $Read<string>;
            /** Format: uuid */
            post_id: $Read<string>;
            /** Format: uuid */
            author_id: $Read<string>;
            /** @enum {string} */
            kind: "text" | "link" | "image";
            version: $Read<components["schemas"]["Version"]>;
            created_at: $Read<components["schemas"]["Timestamp"]>;
            updated_at: $Read<components["schemas"]["Timestamp"]>;
        };
        TextComment: components["schemas"]["CommentBase"] & {
            /** @constant */
            kind?: "text";
            text: string;
        } & {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            kind: "text";
        };
        LinkComment: components["schemas"]["CommentBase"] & {
            /** @constant */
            kind?: "link";
            /** Format: uri */
            url: string;
            title?: string;
        } & {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            kind: "link";
        };
        ImageComment: components["schemas"]["CommentBase"] & {
            /** @constant */
            kind?: "image";
            /** Format: uri */
            image_url: string;
            alt_text?: string;
        } & {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            kind: "image";
        };
        /** @description A comment is text, a link or an image; `kind` says which. */
        Comment: components["schemas"]["TextComment"] | components["schemas"]["LinkComment"] | components["schemas"]["ImageComment"];
        CommentPage: {
            comments: components["schemas"]["Comment"][];
            next_cursor: string | null;
        };
        SearchHit: {
            /** @enum {string} */
            type: "items" | "posts";
            /** Format: uuid */
            id: string;
            title: string;
            href: string;
        };
        SearchResults: {
            q: string;
            results: components["schemas"]["SearchHit"][];
        };
        PurgeReport: {
            purged: number;
            /**
             * Format: date-time
             * @description Items deleted before this moment were purged.
             */
            before: string;
        };
        Violation: {
            /** @enum {string} */
            location: "path" | "query" | "header" | "cookie" | "body" | "response";
            /** @description JSON pointer into the parameter or body, e.g. `/items/0/name`. */
            pointer: string;
            message: string;
            /** @description The JSON Schema keyword or pipeline check that failed. */
            keyword: string;
        };
        /** @description RFC 9457 problem details, extended with every violation found. */
        Problem: {
            type: string;
            title: string;
            status: number;
            detail?: string;
            /** @description This occurrence, `urn:request:<request id>` (the `X-Request-Id` of the answer). */
            instance?: string;
            /** @description The request id, to quote in a bug report; the service's logs are keyed by it. */
            request_id?: string;
            errors: components["schemas"]["Violation"][];
        };
    };
    responses: {
        /** @description Credentials are missing or not valid; `WWW-Authenticate` says which are accepted. */
        Unauthorized: {
            headers: {
                /** @description The accepted authentication schemes (RFC 9110 §11.6.1). */
                "WWW-Authenticate": string;
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "about:blank",
                 *       "title": "Unauthorized",
                 *       "status": 401,
                 *       "detail": "This operation needs credentials: a bearer token.",
                 *       "errors": []
                 *     }
                 */
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The item as stored now. */
        ItemWithETag: {
            headers: {
                ETag: components["headers"]["ETag"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "id": "3fa85f64-5717-4562-b3fc-2c963f66afa6",
                 *       "name": "Lamp",
                 *       "price": 24.5,
                 *       "tags": [
                 *         "home"
                 *       ],
                 *       "status": "active",
                 *       "version": 2,
                 *       "created_at": "2026-01-01T12:00:00.000Z",
                 *       "updated_at": "2026-01-02T08:30:00.000Z"
                 *     }
                 */
                "application/json": components["schemas"]["Item"];
            };
        };
        /** @description The post as stored now. */
        PostWithETag: {
            headers: {
                ETag: components["headers"]["ETag"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "id": "7c9e6679-7425-40de-944b-e07fc1f90ae7",
                 *       "author_id": "9b2f4c1e-8d7a-4e3b-a5c6-1f2e3d4c5b6a",
                 *       "title": "Hello",
                 *       "body": "The first post.",
                 *       "version": 1,
                 *       "created_at": "2026-01-01T12:00:00.000Z",
                 *       "updated_at": "2026-01-01T12:00:00.000Z"
                 *     }
                 */
                "application/json": components["schemas"]["Post"];
            };
        };
        /** @description The comment as stored now. */
        CommentWithETag: {
            headers: {
                ETag: components["headers"]["ETag"];
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "id": "1b4e28ba-2fa1-41d2-883f-0016d3cca427",
                 *       "post_id": "7c9e6679-7425-40de-944b-e07fc1f90ae7",
                 *       "author_id": "9b2f4c1e-8d7a-4e3b-a5c6-1f2e3d4c5b6a",
                 *       "kind": "text",
                 *       "text": "Nice post!",
                 *       "version": 1,
                 *       "created_at": "2026-01-01T13:00:00.000Z",
                 *       "updated_at": "2026-01-01T13:00:00.000Z"
                 *     }
                 */
                "application/json": components["schemas"]["Comment"];
            };
        };
        /** @description The request breaks the API description; `errors` lists every violation. */
        BadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "about:blank",
                 *       "title": "Bad Request",
                 *       "status": 400,
                 *       "detail": "The request is not valid for this operation.",
                 *       "errors": [
                 *         {
                 *           "location": "body",
                 *           "pointer": "/price",
                 *           "message": "-1 is less than the minimum of 0",
                 *           "keyword": "minimum"
                 *         },
                 *         {
                 *           "location": "query",
                 *           "pointer": "/limit",
                 *           "message": "0 is less than the minimum of 1",
                 *           "keyword": "minimum"
                 *         }
                 *       ]
                 *     }
                 */
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The caller may not do this (only the author edits or deletes). */
        Forbidden: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "about:blank",
                 *       "title": "Forbidden",
                 *       "status": 403,
                 *       "detail": "only the author of post '7c9e6679-7425-40de-944b-e07fc1f90ae7' may change or delete it",
                 *       "errors": []
                 *     }
                 */
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description No such resource. */
        NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "about:blank",
                 *       "title": "Not Found",
                 *       "status": 404,
                 *       "detail": "No item with id '3fa85f64-5717-4562-b3fc-2c963f66afa6'.",
                 *       "errors": []
                 *     }
                 */
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description `If-Match` names another version: someone else changed the resource first. */
        PreconditionFailed: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "about:blank",
                 *       "title": "Precondition Failed",
                 *       "status": 412,
                 *       "detail": "If-Match does not name the current version: the resource changed since it was read. Its ETag is now \"3\".",
                 *       "errors": []
                 *     }
                 */
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description This write needs an `If-Match` header. */
        PreconditionRequired: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "about:blank",
                 *       "title": "Precondition Required",
                 *       "status": 428,
                 *       "detail": "This write needs an If-Match header with the resource's ETag.",
                 *       "errors": []
                 *     }
                 */
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description An error, as RFC 9457 problem details. */
        Problem: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "type": "about:blank",
                 *       "title": "Unsupported Media Type",
                 *       "status": 415,
                 *       "detail": "Content-Type 'text/plain' is not accepted here; send one of: application/json.",
                 *       "errors": []
                 *     }
                 */
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
    };
    parameters: {
        /** @description The item's id. */
        ItemId: string;
        /** @description The post's id. */
        PostId: string;
        /** @description How many results per page. */
        Limit: number;
        /** @description Where the page starts; the `next_cursor` of the previous page, never made up. */
        Cursor: string;
        /**
         * @description The `ETag` of the version this write is based on (`*`: any version). Required in practice: a
         *     request without it is answered 428; a stale one 412.
         * @example "3"
         */
        IfMatch: string;
        /**
         * @description The `ETag` of the version this write is based on; a stale one is answered 412.
         * @example "3"
         */
        IfMatchOptional: string;
        /**
         * @description A unique key per logical request (e.g. a UUID); retries reuse it.
         * @example 0b6a4f7e-1d2c-4a8b-9e3f-5c6d7e8f9a0b
         */
        IdempotencyKey: string;
    };
    requestBodies: never;
    headers: {
        /** @description URL of the created resource. */
        Location: string;
        /** @description The version of the resource, for `If-Match`. */
        ETag: string;
        /** @description `true` when this answer replays the one a previous request with the same key got. */
        IdempotentReplayed: "true";
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getIndex: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The index of the API. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "name": "Reference API",
                     *       "version": "0.2.0",
                     *       "links": {
                     *         "self": {
                     *           "href": "/"
                     *         },
                     *         "health": {
                     *           "href": "/health"
                     *         },
                     *         "items": {
                     *           "href": "/items"
                     *         }
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Index"];
                };
            };
            default: components["responses"]["Problem"];
        };
    };
    getHealth: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The service and its storage are up. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "ok",
                     *       "version": "0.2.0",
                     *       "storage": {
                     *         "reachable": true
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Health"];
                };
            };
            /** @description The service runs but its storage does not answer. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "degraded",
                     *       "version": "0.2.0",
                     *       "storage": {
                     *         "reachable": false
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Health"];
                };
            };
            default: components["responses"]["Problem"];
        };
    };
    listItems: {
        parameters: {
            query?: {
                /** @description How many results per page. */
                limit?: components["parameters"]["Limit"];
                /** @description Where the page starts; the `next_cursor` of the previous page, never made up. */
                cursor?: components["parameters"]["Cursor"];
                /**
                 * @description Only items carrying every one of these tags (`?tag=a&tag=b`).
                 * @example [
                 *       "home"
                 *     ]
                 */
                tag?: components["schemas"]["Tag"][];
                /** @description Only items in this status. */
                status?: components["schemas"]["ItemStatus"];
                /** @description Only items whose name or description contains this text (case-insensitive). */
                q?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of items. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "items": [
                     *         {
                     *           "id": "3fa85f64-5717-4562-b3fc-2c963f66afa6",
                     *           "name": "Lamp",
                     *           "price": 24.5,
                     *           "tags": [
                     *             "home"
                     *           ],
                     *           "status": "active",
                     *           "version": 1,
                     *           "created_at": "2026-01-01T12:00:00.000Z",
                     *           "updated_at": "2026-01-01T12:00:00.000Z"
                     *         }
                     *       ],
                     *       "next_cursor": null
                     *     }
                     */
                    "application/json": components["schemas"]["ItemPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            default: components["responses"]["Problem"];
        };
    };
    createItem: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A unique key per logical request (e.g. a UUID); retries reuse it.
                 * @example 0b6a4f7e-1d2c-4a8b-9e3f-5c6d7e8f9a0b
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "name": "Lamp",
                 *       "price": 24.5,
                 *       "tags": [
                 *         "home"
                 *       ]
                 *     }
                 */
                "application/json": components["schemas"]["Item"];
            };
        };
        responses: {
            /** @description The item was created (or, for a replayed key, had been). */
            201: {
                headers: {
                    Location: components["headers"]["Location"];
                    ETag: components["headers"]["ETag"];
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Item"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            /** @description The `Idempotency-Key` was used for an item that has been deleted since; retry with a new key. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            415: components["responses"]["Problem"];
            default: components["responses"]["Problem"];
        };
    };
    getItem: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The item's id. */
                item_id: components["parameters"]["ItemId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["ItemWithETag"];
            400: components["responses"]["BadRequest"];
            404: components["responses"]["NotFound"];
            default: components["responses"]["Problem"];
        };
    };
    replaceItem: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The `ETag` of the version this write is based on (`*`: any version). Required in practice: a
                 *     request without it is answered 428; a stale one 412.
                 * @example "3"
                 */
                "If-Match"?: components["parameters"]["IfMatch"];
            };
            path: {
                /** @description The item's id. */
                item_id: components["parameters"]["ItemId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "name": "Desk lamp",
                 *       "price": 29,
                 *       "tags": [
                 *         "home",
                 *         "office"
                 *       ],
                 *       "status": "active"
                 *     }
                 */
                "application/json": components["schemas"]["Item"];
            };
        };
        responses: {
            200: components["responses"]["ItemWithETag"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            412: components["responses"]["PreconditionFailed"];
            415: components["responses"]["Problem"];
            428: components["responses"]["PreconditionRequired"];
            default: components["responses"]["Problem"];
        };
    };
    deleteItem: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The `ETag` of the version this write is based on (`*`: any version). Required in practice: a
                 *     request without it is answered 428; a stale one 412.
                 * @example "3"
                 */
                "If-Match"?: components["parameters"]["IfMatch"];
            };
            path: {
                /** @description The item's id. */
                item_id: components["parameters"]["ItemId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The item is gone. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            412: components["responses"]["PreconditionFailed"];
            428: components["responses"]["PreconditionRequired"];
            default: components["responses"]["Problem"];
        };
    };
    updateItem: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The `ETag` of the version this write is based on (`*`: any version). Required in practice: a
                 *     request without it is answered 428; a stale one 412.
                 * @example "3"
                 */
                "If-Match"?: components["parameters"]["IfMatch"];
            };
            path: {
                /** @description The item's id. */
                item_id: components["parameters"]["ItemId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "price": 19.9,
                 *       "description": null
                 *     }
                 */
                "application/merge-patch+json": components["schemas"]["ItemPatch"];
            };
        };
        responses: {
            200: components["responses"]["ItemWithETag"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            412: components["responses"]["PreconditionFailed"];
            415: components["responses"]["Problem"];
            428: components["responses"]["PreconditionRequired"];
            default: components["responses"]["Problem"];
        };
    };
    getItemImage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The item's id. */
                item_id: components["parameters"]["ItemId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The image, in the type it was uploaded as. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "image/png": string;
                    "image/jpeg": string;
                };
            };
            400: components["responses"]["BadRequest"];
            404: components["responses"]["NotFound"];
            406: components["responses"]["Problem"];
            default: components["responses"]["Problem"];
        };
    };
    putItemImage: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The `ETag` of the version this write is based on; a stale one is answered 412.
                 * @example "3"
                 */
                "If-Match"?: components["parameters"]["IfMatchOptional"];
            };
            path: {
                /** @description The item's id. */
                item_id: components["parameters"]["ItemId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "image/png": string;
                "image/jpeg": string;
            };
        };
        responses: {
            200: components["responses"]["ItemWithETag"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["Problem"];
            415: components["responses"]["Problem"];
            default: components["responses"]["Problem"];
        };
    };
    deleteItemImage: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The `ETag` of the version this write is based on; a stale one is answered 412.
                 * @example "3"
                 */
                "If-Match"?: components["parameters"]["IfMatchOptional"];
            };
            path: {
                /** @description The item's id. */
                item_id: components["parameters"]["ItemId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The item has no image any more. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            412: components["responses"]["PreconditionFailed"];
            default: components["responses"]["Problem"];
        };
    };
    createUser: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "name": "Ada Lovelace",
                 *       "email": "ada@example.com"
                 *     }
                 */
                "application/json": components["schemas"]["User"];
            };
        };
        responses: {
            /** @description The user was registered. */
            201: {
                headers: {
                    Location: components["headers"]["Location"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "9b2f4c1e-8d7a-4e3b-a5c6-1f2e3d4c5b6a",
                     *       "name": "Ada Lovelace",
                     *       "email": "ada@example.com",
                     *       "created_at": "2026-01-01T11:00:00.000Z"
                     *     }
                     */
                    "application/json": components["schemas"]["User"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            415: components["responses"]["Problem"];
            default: components["responses"]["Problem"];
        };
    };
    getCurrentUser: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The calling user. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "9b2f4c1e-8d7a-4e3b-a5c6-1f2e3d4c5b6a",
                     *       "name": "Ada Lovelace",
                     *       "email": "ada@example.com",
                     *       "created_at": "2026-01-01T11:00:00.000Z"
                     *     }
                     */
                    "application/json": components["schemas"]["User"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            default: components["responses"]["Problem"];
        };
    };
    getUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The user's id. */
                user_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The user. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "9b2f4c1e-8d7a-4e3b-a5c6-1f2e3d4c5b6a",
                     *       "name": "Ada Lovelace",
                     *       "email": "ada@example.com",
                     *       "created_at": "2026-01-01T11:00:00.000Z"
                     *     }
                     */
                    "application/json": components["schemas"]["User"];
                };
            };
            400: components["responses"]["BadRequest"];
            404: components["responses"]["NotFound"];
            default: components["responses"]["Problem"];
        };
    };
    listPosts: {
        parameters: {
            query?: {
                /** @description How many results per page. */
                limit?: components["parameters"]["Limit"];
                /** @description Where the page starts; the `next_cursor` of the previous page, never made up. */
                cursor?: components["parameters"]["Cursor"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of posts. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "posts": [
                     *         {
                     *           "id": "7c9e6679-7425-40de-944b-e07fc1f90ae7",
                     *           "author_id": "9b2f4c1e-8d7a-4e3b-a5c6-1f2e3d4c5b6a",
                     *           "title": "Hello",
                     *           "body": "The first post.",
                     *           "version": 1,
                     *           "created_at": "2026-01-01T12:00:00.000Z",
                     *           "updated_at": "2026-01-01T12:00:00.000Z"
                     *         }
                     *       ],
                     *       "next_cursor": null
                     *     }
                     */
                    "application/json": components["schemas"]["PostPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            default: components["responses"]["Problem"];
        };
    };
    createPost: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "title": "Hello",
                 *       "body": "The first post."
                 *     }
                 */
                "application/json": components["schemas"]["Post"];
            };
        };
        responses: {
            /** @description The post was created. */
            201: {
                headers: {
                    Location: components["headers"]["Location"];
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Post"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            415: components["responses"]["Problem"];
            default: components["responses"]["Problem"];
        };
    };
    getPost: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The post's id. */
                post_id: components["parameters"]["PostId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["PostWithETag"];
            400: components["responses"]["BadRequest"];
            404: components["responses"]["NotFound"];
            default: components["responses"]["Problem"];
        };
    };
    deletePost: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The `ETag` of the version this write is based on; a stale one is answered 412.
                 * @example "3"
                 */
                "If-Match"?: components["parameters"]["IfMatchOptional"];
            };
            path: {
                /** @description The post's id. */
                post_id: components["parameters"]["PostId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The post is gone. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            412: components["responses"]["PreconditionFailed"];
            default: components["responses"]["Problem"];
        };
    };
    updatePost: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The `ETag` of the version this write is based on; a stale one is answered 412.
                 * @example "3"
                 */
                "If-Match"?: components["parameters"]["IfMatchOptional"];
            };
            path: {
                /** @description The post's id. */
                post_id: components["parameters"]["PostId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "title": "Hello again"
                 *     }
                 */
                "application/merge-patch+json": components["schemas"]["PostPatch"];
            };
        };
        responses: {
            200: components["responses"]["PostWithETag"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            412: components["responses"]["PreconditionFailed"];
            415: components["responses"]["Problem"];
            default: components["responses"]["Problem"];
        };
    };
    listComments: {
        parameters: {
            query?: {
                /** @description How many results per page. */
                limit?: components["parameters"]["Limit"];
                /** @description Where the page starts; the `next_cursor` of the previous page, never made up. */
                cursor?: components["parameters"]["Cursor"];
            };
            header?: never;
            path: {
                /** @description The post's id. */
                post_id: components["parameters"]["PostId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of comments, oldest first. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "comments": [
                     *         {
                     *           "id": "1b4e28ba-2fa1-41d2-883f-0016d3cca427",
                     *           "post_id": "7c9e6679-7425-40de-944b-e07fc1f90ae7",
                     *           "author_id": "9b2f4c1e-8d7a-4e3b-a5c6-1f2e3d4c5b6a",
                     *           "kind": "text",
                     *           "text": "Nice post!",
                     *           "version": 1,
                     *           "created_at": "2026-01-01T13:00:00.000Z",
                     *           "updated_at": "2026-01-01T13:00:00.000Z"
                     *         }
                     *       ],
                     *       "next_cursor": null
                     *     }
                     */
                    "application/json": components["schemas"]["CommentPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            404: components["responses"]["NotFound"];
            default: components["responses"]["Problem"];
        };
    };
    createComment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The post's id. */
                post_id: components["parameters"]["PostId"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Comment"];
            };
        };
        responses: {
            /** @description The comment was created. */
            201: {
                headers: {
                    Location: components["headers"]["Location"];
                    ETag: components["headers"]["ETag"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Comment"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            415: components["responses"]["Problem"];
            default: components["responses"]["Problem"];
        };
    };
    getComment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The post's id. */
                post_id: components["parameters"]["PostId"];
                /** @description The comment's id. */
                comment_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: components["responses"]["CommentWithETag"];
            400: components["responses"]["BadRequest"];
            404: components["responses"]["NotFound"];
            default: components["responses"]["Problem"];
        };
    };
    replaceComment: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The `ETag` of the version this write is based on; a stale one is answered 412.
                 * @example "3"
                 */
                "If-Match"?: components["parameters"]["IfMatchOptional"];
            };
            path: {
                /** @description The post's id. */
                post_id: components["parameters"]["PostId"];
                /** @description The comment's id. */
                comment_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "kind": "text",
                 *       "text": "Nice post, edited."
                 *     }
                 */
                "application/json": components["schemas"]["Comment"];
            };
        };
        responses: {
            200: components["responses"]["CommentWithETag"];
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            412: components["responses"]["PreconditionFailed"];
            415: components["responses"]["Problem"];
            default: components["responses"]["Problem"];
        };
    };
    deleteComment: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The `ETag` of the version this write is based on; a stale one is answered 412.
                 * @example "3"
                 */
                "If-Match"?: components["parameters"]["IfMatchOptional"];
            };
            path: {
                /** @description The post's id. */
                post_id: components["parameters"]["PostId"];
                /** @description The comment's id. */
                comment_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The comment is gone. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            412: components["responses"]["PreconditionFailed"];
            default: components["responses"]["Problem"];
        };
    };
    search: {
        parameters: {
            query: {
                /**
                 * @description The text to look for (case-insensitive).
                 * @example lamp
                 */
                q: string;
                /** @description At most this many results of each type. */
                limit?: number;
                /**
                 * @description Which kinds of results, comma-separated (`?type=items,posts`).
                 * @example [
                 *       "items",
                 *       "posts"
                 *     ]
                 */
                type?: ("items" | "posts")[];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description What matched, items first. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "q": "lamp",
                     *       "results": [
                     *         {
                     *           "type": "items",
                     *           "id": "3fa85f64-5717-4562-b3fc-2c963f66afa6",
                     *           "title": "Lamp",
                     *           "href": "/items/3fa85f64-5717-4562-b3fc-2c963f66afa6"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["SearchResults"];
                };
            };
            400: components["responses"]["BadRequest"];
            default: components["responses"]["Problem"];
        };
    };
    purgeDeletedItems: {
        parameters: {
            query?: {
                /** @description Purge items deleted at least this many days ago (the stage's `PURGE_AFTER_DAYS` by default). */
                older_than_days?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description How many items were purged. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "purged": 3,
                     *       "before": "2026-01-01T00:00:00.000Z"
                     *     }
                     */
                    "application/json": components["schemas"]["PurgeReport"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            default: components["responses"]["Problem"];
        };
    };
}
