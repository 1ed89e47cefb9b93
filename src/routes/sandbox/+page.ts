// The sandbox runs its world in the browser (see $edition/shell-options).
export * from '$edition/shell-options';
