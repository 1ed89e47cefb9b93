// The page's world and lesson live in the browser (see $edition/shell-options).
export * from '$edition/shell-options';
