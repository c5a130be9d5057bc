import type { ServiceHandlers } from '../../shared/contract.js';
import type { SearchIndexer } from './searchIndexer.js';

type Methods = 'search.indexStatus' | 'search.indexStart' | 'search.indexStop';

/** Following and steering the indexing of imported evidence notes (the Search screen shows it). */
export function searchIndexService(indexer: SearchIndexer): Pick<ServiceHandlers, Methods> {
  return {
    'search.indexStatus': () => indexer.status(),
    'search.indexStart': () => {
      // Runs in the background: the caller polls search.indexStatus.
      void indexer.run();
      return indexer.status();
    },
    'search.indexStop': () => {
      indexer.stop();
      return indexer.status();
    },
  };
}
