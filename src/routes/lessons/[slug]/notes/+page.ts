export { load } from '../+page';
export * from '$edition/lesson-options';
