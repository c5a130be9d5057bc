import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createApi } from './api/client.js';
import { ApiContext } from './api/context.js';
import { captureToken } from './api/token.js';
import { App } from './App.js';
import { createAppRouter } from './routes/table.js';
import './styles/index.scss';

// The token comes out of the address before the router reads it.
captureToken();
const api = createApi();
const router = createAppRouter();
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element.');

createRoot(root).render(
  <StrictMode>
    <ApiContext.Provider value={api}>
      <App router={router} />
    </ApiContext.Provider>
  </StrictMode>,
);
