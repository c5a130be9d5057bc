import { createContext } from 'react';

/** True while the app is hidden behind the unlock screen: hidden screens leave the title and focus alone. */
export const HiddenContext = createContext(false);
