import { Fragment, useCallback, useState, type MouseEvent } from 'react';
import { z } from 'zod';
import { SEARCH_KINDS, searchInputSchema, type SearchHit } from '../../shared/dashboard.js';
import { useApi, useApiQuery } from '../api/hooks.js';
import { hitPath, openHit } from '../components/dashboard/openInPlace.js';
import { SearchIndexing } from '../components/dashboard/SearchIndexing.js';
import { InlineLoadFailed } from '../components/bundles/InlineLoadFailed.js';
import {
  CheckboxesField,
  checkRule,
  ErrorMessage,
  Form,
  FormErrorSummary,
  FormGroup,
  formHasErrors,
  useField,
  useZodForm,
} from '../components/form/index.js';
import { Page } from '../components/Page.js';
import { Tag, type TagColour } from '../components/Tag.js';
import { href } from '../router.js';

type Kind = (typeof SEARCH_KINDS)[number];

const KIND_LABELS: Record<Kind, string> = {
  finding: 'Finding',
  recommendation: 'Recommendation',
  action: 'Action',
  evidence: 'Evidence note',
};
const KIND_PLURALS: Record<Kind, string> = {
  finding: 'Findings',
  recommendation: 'Recommendations',
  action: 'Actions',
  evidence: 'Evidence notes from checklists',
};
const KIND_COLOURS: Record<Kind, TagColour> = {
  finding: 'blue',
  recommendation: 'purple',
  action: 'green',
  evidence: 'grey',
};
const OPEN_TEXT: Record<Kind, string> = {
  finding: 'Open the finding',
  recommendation: 'Open the recommendation',
  action: 'Open the action',
  evidence: 'Open the checklist question',
};

const LIMIT = 50;

/** Splits "… ⟦matched⟧ words …" into text and <mark>s: the snippet is plain text, never HTML. */
export function Snippet({ text }: { text: string }) {
  const parts = text.split(/(⟦[^⟧]*⟧)/);
  return (
    <>
      {parts.map((part, i) =>
        part.startsWith('⟦') && part.endsWith('⟧') ? (
          <mark className="app-mark" key={i}>
            {part.slice(1, -1)}
          </mark>
        ) : (
          <Fragment key={i}>{part}</Fragment>
        ),
      )}
    </>
  );
}

interface Query {
  q: string;
  kinds: Kind[];
}

// The last search, so coming back from a result shows the same results.
let lastQuery: Query | null = null;

// The service's rule for the words (searchInputSchema), in the form's words.
const schema = z.strictObject({ q: z.string(), kinds: z.array(z.enum(SEARCH_KINDS)) }).superRefine((v, ctx) => {
  checkRule(ctx, ['q'], searchInputSchema.shape.q, v.q, { too_big: 'Search for at most 200 characters' });
});

/** Full-text search across findings, recommendations, actions and checklist evidence notes. */
export function Search() {
  const form = useZodForm(schema, { defaultValues: { q: lastQuery?.q ?? '', kinds: lastQuery?.kinds ?? [] } });
  const [applied, setApplied] = useState<Query | null>(lastQuery);
  // Results are asked for again when the indexing of imported audits ends.
  const [indexed, setIndexed] = useState(0);
  const onIndexed = useCallback(() => setIndexed((n) => n + 1), []);

  const onValid = (values: z.output<typeof schema>) => {
    const next = { q: values.q.trim(), kinds: values.kinds };
    lastQuery = next;
    setApplied(next);
  };

  return (
    <Page title="Search" hasErrors={formHasErrors(form)} before={<FormErrorSummary form={form} />}>
      <Form
        form={form}
        summary="none"
        onSubmit={onValid}
        role="search"
        aria-label="Findings, actions and evidence"
        className="app-search-form"
      >
        <SearchBox />
        <CheckboxesField
          name="kinds"
          id="search-kinds"
          legend="Only show"
          legendSize="s"
          hint="Leave all unticked to search everything."
          small
          inline
          options={SEARCH_KINDS.map((k) => ({ value: k, label: KIND_PLURALS[k] }))}
        />
      </Form>
      <SearchIndexing onIndexed={onIndexed} />
      {applied ? <Results key={indexed} query={applied} /> : null}
    </Page>
  );
}

/** The words to search for, with the search button beside the box. */
function SearchBox() {
  const { form, id, error } = useField('q', 'search-q');
  return (
    <FormGroup error={error}>
      <label className="govuk-label govuk-label--m" htmlFor={id}>
        Search findings, recommendations, actions and evidence notes
      </label>
      <div className="govuk-hint" id={`${id}-hint`}>
        For example, “chronology”, “voice of the child” or a case reference
      </div>
      <ErrorMessage id={`${id}-error`} message={error} />
      <div className="app-search">
        <input
          id={id}
          type="search"
          className={error ? 'govuk-input govuk-input--error app-search__input' : 'govuk-input app-search__input'}
          autoComplete="off"
          spellCheck={false}
          aria-describedby={error ? `${id}-hint ${id}-error` : `${id}-hint`}
          aria-invalid={error ? true : undefined}
          {...form.register('q')}
        />
        <button type="submit" className="govuk-button app-search__button">
          Search
        </button>
      </div>
    </FormGroup>
  );
}

/** Where a result comes from: the case, agency and question of an evidence note; an action's lead agency. */
function HitContext({ hit }: { hit: SearchHit }) {
  if (hit.kind === 'evidence' && (hit.caseReference || hit.agencyName || hit.questionText)) {
    return (
      <dl className="govuk-body-s app-search-result__context">
        {hit.caseReference ? (
          <div>
            <dt>Case</dt>
            <dd className="app-case-reference">{hit.caseReference}</dd>
          </div>
        ) : null}
        {hit.agencyName ? (
          <div>
            <dt>Agency</dt>
            <dd>{hit.agencyName}</dd>
          </div>
        ) : null}
        {hit.questionText ? (
          <div>
            <dt>Question</dt>
            <dd>{hit.questionText}</dd>
          </div>
        ) : null}
      </dl>
    );
  }
  if (hit.kind === 'action' && hit.agencyName) {
    return (
      <dl className="govuk-body-s app-search-result__context">
        <div>
          <dt>Lead agency</dt>
          <dd>{hit.agencyName}</dd>
        </div>
      </dl>
    );
  }
  return null;
}

function Results({ query }: { query: Query }) {
  const api = useApi();
  const hits = useApiQuery('search.query', {
    q: query.q,
    limit: LIMIT,
    ...(query.kinds.length > 0 ? { kinds: query.kinds } : {}),
  });
  const list = hits.data ?? [];
  const count =
    list.length === 0
      ? `No results for “${query.q}”`
      : `${list.length === LIMIT ? `The first ${LIMIT}` : list.length} ${list.length === 1 ? 'result' : 'results'} for “${query.q}”`;
  const only = query.kinds.length > 0 ? ` in ${query.kinds.map((k) => KIND_PLURALS[k].toLowerCase()).join(', ')}` : '';

  const open = (e: MouseEvent<HTMLAnchorElement>, hit: SearchHit) => {
    // Let a modified click (a new window) follow the plain link.
    if (e.ctrlKey || e.metaKey || e.shiftKey || e.altKey || e.button !== 0) return;
    e.preventDefault();
    void openHit(api, hit);
  };

  return (
    <section aria-labelledby={hits.data ? 'results-heading' : undefined} className="app-search-results">
      <div aria-live="polite">
        {hits.loading && !hits.data ? <p className="govuk-body app-loading">Searching…</p> : null}
        {hits.data ? (
          <h2 className="govuk-heading-m" id="results-heading">
            {count}
            {only}
          </h2>
        ) : null}
      </div>
      {hits.error ? <InlineLoadFailed what="The results" message={hits.error.message} onRetry={hits.retry} /> : null}
      {hits.data && list.length === 0 ? (
        <p className="govuk-body">Check the spelling, try fewer or different words, or untick the filters.</p>
      ) : null}
      {list.length > 0 ? (
        <ol className="app-search-results__list" aria-labelledby="results-heading">
          {list.map((hit, i) => {
            const snippetId = `hit-${i}-snippet`;
            return (
              <li
                className="app-search-result"
                key={`${hit.kind}-${hit.findingId ?? hit.recommendationId ?? hit.actionId ?? `${hit.checklistId}/${hit.questionId}`}-${i}`}
              >
                <p className="govuk-body-s app-search-result__meta">
                  <Tag colour={KIND_COLOURS[hit.kind]}>{KIND_LABELS[hit.kind]}</Tag>{' '}
                  <span className="app-search-result__audit">{hit.auditTitle}</span>
                </p>
                <HitContext hit={hit} />
                <p className="govuk-body app-search-result__snippet" id={snippetId}>
                  <Snippet text={hit.snippet} />
                </p>
                <a
                  className="govuk-link app-search-result__link"
                  href={href(hitPath(hit))}
                  aria-describedby={snippetId}
                  onClick={(e) => open(e, hit)}
                >
                  {OPEN_TEXT[hit.kind]}
                  <span className="govuk-visually-hidden">
                    {' '}
                    {i + 1} from {hit.auditTitle}
                    {hit.caseReference ? `, case ${hit.caseReference}` : ''}
                    {hit.kind === 'evidence' && hit.agencyName ? `, ${hit.agencyName}` : ''}
                  </span>
                </a>
              </li>
            );
          })}
        </ol>
      ) : null}
    </section>
  );
}
