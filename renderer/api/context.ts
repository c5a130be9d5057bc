import { createContext } from 'react';
import type { Api } from '../../shared/contract.js';

export const ApiContext = createContext<Api | null>(null);
