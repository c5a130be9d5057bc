import { createContext, useContext } from 'react';
import type { Board } from '../shared/board.js';

export interface BoardState {
  board: Board;
  /** Replaces the board after a change (agencies saved). */
  setBoard: (board: Board) => void;
}

export const BoardContext = createContext<BoardState | null>(null);

export function useBoard(): BoardState {
  const state = useContext(BoardContext);
  if (!state) throw new Error('useBoard needs the board to be set up.');
  return state;
}
