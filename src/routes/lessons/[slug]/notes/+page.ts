export { entries, load } from '../+page';
export const ssr = false;
