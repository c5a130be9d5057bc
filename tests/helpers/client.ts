export { apiOver } from '../../electron/rpc/apiClient.js';
