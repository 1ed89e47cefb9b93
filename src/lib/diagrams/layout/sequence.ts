/**
 * The sequence diagram's layout, in three parts: the lifelines ({@link sequenceColumns}), the
 * rows ({@link layoutRows}) and what is in view ({@link visibleRange}, {@link columnsInView}).
 * Row offsets come from the log's running index (`log-index.ts`).
 */
export { SEQUENCE, rowHeight } from './row-height';
export * from './sequence-columns';
export * from './sequence-rows';
export * from './sequence-view';
