export { ErrorMessage } from './form/ErrorMessage.js';
