// The bits of Next.js these examples use, typed locally so the client package needs no next/react install.
export interface PageProps<Params extends Record<string, string> = Record<string, string>> {
  params: Promise<Params>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export class NotFound extends Error {}

/** next/navigation's notFound(), which throws. */
export function notFound(): never {
  throw new NotFound("NEXT_NOT_FOUND");
}

/** The first value of a search parameter (`?q=a&q=b` gives "a"). */
export function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** Every value of a search parameter. */
export function all(value: string | string[] | undefined): string[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

/** The session of an auth library (next-auth and the like): where the bearer token comes from. */
export async function getSession(): Promise<{ accessToken: string; userId: string } | null> {
  return null;
}
