/** The header a web-mode page sends the per-run API token in (the server checks it, the page's transport sets it). */
export const TOKEN_HEADER = 'x-sitwell-token';
