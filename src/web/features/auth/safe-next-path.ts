const HOME = "/";

/**
 * The page to return to after login, from the `next` query parameter. Only same-site paths are
 * accepted, so that a crafted link cannot send the user to another site after they sign in.
 */
export function safeNextPath(next: string | null): string {
  if (!next?.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return HOME;
  if (next === "/login" || next.startsWith("/login?")) return HOME;
  return next;
}

export function loginPathFor(location: { pathname: string; search: string }): string {
  const wanted = `${location.pathname}${location.search}`;
  return wanted === HOME ? "/login" : `/login?next=${encodeURIComponent(wanted)}`;
}
