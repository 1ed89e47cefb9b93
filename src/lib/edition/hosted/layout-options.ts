// Page options of the root layout in the hosted edition. The offline edition's hash router
// refuses every page option, so the routes take theirs from the `$edition` alias.
export const prerender = true;
export const trailingSlash = 'never';
