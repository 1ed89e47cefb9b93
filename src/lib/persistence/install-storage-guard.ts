// Imported first by the client hook, so that this runs before any module that reads
// localStorage when it loads (MSW does). See storage-guard.ts.
import { guardLocalStorage } from './storage-guard';

guardLocalStorage();
