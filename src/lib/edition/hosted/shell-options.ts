// The page's world runs in the browser: prerender only the empty shell.
export const ssr = false;
