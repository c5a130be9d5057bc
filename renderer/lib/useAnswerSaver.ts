// Saves one question's answer as it is given. Saves run one at a time per question and the latest
// draft always goes last, so a slow save can never overwrite a newer answer.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Output } from '../../shared/contract.js';
import { errorMessage, onUnlocked } from '../api/client.js';
import { dataChanged, useApi, useApiQueryClient } from '../api/hooks.js';
import type { AnswerDraft } from './answerDraft.js';

export type SaveState = { kind: 'idle' } | { kind: 'saved'; at: string } | { kind: 'error'; message: string };

export function useAnswerSaver(
  checklistId: string,
  questionId: string,
  onSaved: (result: Output<'answers.save'>) => void,
): { state: SaveState; save: (draft: AnswerDraft) => void; retry: () => void } {
  const api = useApi();
  const client = useApiQueryClient();
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const latest = useRef<AnswerDraft | null>(null);
  const pending = useRef(false);
  const running = useRef(false);
  const onSavedRef = useRef(onSaved);
  useEffect(() => {
    onSavedRef.current = onSaved;
  }, [onSaved]);

  const run = useCallback(async () => {
    if (running.current) return;
    running.current = true;
    try {
      while (pending.current && latest.current) {
        pending.current = false;
        const draft = latest.current;
        try {
          const result = await api['answers.save']({ checklistId, questionId, ...draft });
          if (!pending.current) setState({ kind: 'saved', at: result.answer.updatedAt });
          onSavedRef.current(result);
          // Other screens' answers (the review, the summary) are out of date; this one shows `result`,
          // so nothing is fetched again while answers are being given.
          void dataChanged(client, 'all', false);
        } catch (e) {
          if (!pending.current) setState({ kind: 'error', message: errorMessage(e) });
        }
      }
    } finally {
      running.current = false;
    }
  }, [api, client, checklistId, questionId]);

  const save = useCallback(
    (draft: AnswerDraft) => {
      latest.current = draft;
      pending.current = true;
      void run();
    },
    [run],
  );

  const retry = useCallback(() => {
    if (!latest.current) return;
    pending.current = true;
    void run();
  }, [run]);

  // A save refused because the session locked goes through once it is unlocked.
  const failed = state.kind === 'error';
  useEffect(() => (failed ? onUnlocked(retry) : undefined), [failed, retry]);

  return { state, save, retry };
}
