// The personal-data detector for free text, and where its findings are in an audit.
export * from './detect.js';
export * from './passages.js';
