// Page options differ between the hosted site and the offline edition (see svelte.config.js).
export * from '$edition/layout-options';
