export { foldAccents, searchKey } from './fold.js';
