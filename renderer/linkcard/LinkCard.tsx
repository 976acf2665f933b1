// The link card: the card a reader sees when the recap is shared on a social site or in a chat
// (og:title, og:description, the cover cropped to 1.91:1 as those sites crop it, the site's
// name) and the URL path the post will have, with the checks lint and the export preflight
// already make about them. The service answers everything (api.linkCard); nothing is fetched
// from the network: a remote cover is not shown.

import { useDeferredValue, useEffect, useState } from 'react';
import type { LinkCard as Card, Problem, RecapApi } from '../../electron/core/contract';
import { errorMessage } from '../api';
import { useT } from '../ui/locale';
import './linkcard.css';

interface LinkCardProps {
  api: RecapApi;
  draftId: string;
  text: string;
  /** Changes when a photo is added or replaced: the cover is looked up again. */
  refresh: unknown;
  onSelectProblem(p: Problem): void;
}

function useLinkCard(api: RecapApi, draftId: string, text: string, refresh: unknown): { card: Card | null; error: string | null } {
  const deferred = useDeferredValue(text);
  const [state, setState] = useState<{ card: Card | null; error: string | null }>({ card: null, error: null });
  useEffect(() => {
    let stop = false;
    api.linkCard({ id: draftId, text: deferred }).then(
      (card) => !stop && setState({ card, error: null }),
      (err: unknown) => !stop && setState((s) => ({ card: s.card, error: errorMessage(err) })),
    );
    return () => {
      stop = true;
    };
  }, [api, draftId, deferred, refresh]);
  return state;
}

function CoverImage({ card }: { card: Card }) {
  const t = useT();
  const src = card.cover?.src && !/^https?:/i.test(card.cover.src) ? card.cover.src : null;
  if (src) return <img className="lc-image" data-testid="link-card-image" src={src} alt="" />;
  const why = card.cover === null ? t('linkCard.noCover') : /^https?:/i.test(card.cover.url) ? t('linkCard.remoteCover') : t('linkCard.coverMissing');
  return (
    <div className="lc-image lc-image-empty" data-testid="link-card-image-empty">
      {why}
    </div>
  );
}

export function LinkCard({ api, draftId, text, refresh, onSelectProblem }: LinkCardProps) {
  const t = useT();
  const { card, error } = useLinkCard(api, draftId, text, refresh);
  if (!card) return <p className="lc-note">{error ?? t('linkCard.loading')}</p>;
  return (
    <div className="lc" data-testid="link-card">
      <p className="lc-intro">{t('linkCard.intro')}</p>
      <article className="lc-card" aria-label={t('linkCard.cardLabel')}>
        <CoverImage card={card} />
        <div className="lc-text">
          <div className="lc-site" data-testid="link-card-site">
            {card.siteName ?? t('linkCard.noSite')}
          </div>
          <div className={`lc-title${card.title ? '' : ' is-empty'}`} data-testid="link-card-title">
            {card.title || t('linkCard.noTitle')}
          </div>
          <div className={`lc-desc${card.description ? '' : ' is-empty'}`} data-testid="link-card-description">
            {card.description || t('linkCard.noDescription')}
          </div>
        </div>
      </article>
      <p className="lc-url" data-testid="link-card-url">
        {card.urlPath ? t('linkCard.urlPath', { path: card.urlPath }) : t('linkCard.urlUnknown')}
      </p>
      {card.problems.length === 0 ? (
        <p className="lc-ok" data-testid="link-card-ok">
          {t('linkCard.noProblems')}
        </p>
      ) : (
        <ul className="lc-problems" data-testid="link-card-problems">
          {card.problems.map((p, i) => (
            <li key={i} className={`lc-problem is-${p.severity}`}>
              <button type="button" className="lc-problem-button" onClick={() => onSelectProblem(p)}>
                {p.message}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export default LinkCard;
