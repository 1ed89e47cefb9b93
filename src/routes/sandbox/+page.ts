// The sandbox runs its world in the browser: prerender only the empty shell.
export const ssr = false;
