// The hash router renders every page in the browser and refuses page options (SvelteKit fails
// the build when a route exports one), so the offline edition has none.
export {};
