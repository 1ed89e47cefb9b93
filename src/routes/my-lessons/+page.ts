// "My lessons" live in this browser's storage (see $edition/shell-options).
export * from '$edition/shell-options';
