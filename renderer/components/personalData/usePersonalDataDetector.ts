import { useMemo } from 'react';
import { personalDataDetector, type PersonalDataDetector } from '../../../shared/personalData/detect.js';
import { useApiQuery } from '../../api/hooks.js';

/**
 * The detector with this partnership's words (its local words that are not names, the board's and
 * agencies' names, and the names it added), built once for every field that asks; null until the
 * words have loaded, so a field never warns about an agency's name in the meantime.
 */
export function usePersonalDataDetector(): PersonalDataDetector | null {
  const terms = useApiQuery('personalData.terms', {});
  const data = terms.data;
  return useMemo(
    () =>
      data
        ? personalDataDetector({
            excludedTerms: [...data.excludedTerms, ...data.boardTerms],
            extraNames: data.extraNames,
          })
        : null,
    [data],
  );
}
