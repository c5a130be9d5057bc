export { ErrorSummary, type ErrorSummaryItem } from './form/ErrorSummary.js';
