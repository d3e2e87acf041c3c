/**
 * An actor or a place in the popover: what it is, the other spellings the
 * dataset knows (why a page's "Nazarzod" is the same man as "Nazarzoda"),
 * its links and the incidents it is tied to.
 */
import { Fragment } from 'preact';
import type { EntityView } from '../../core/popoverModel';

export function EntitySection({ entity }: { entity: EntityView }) {
  return (
    <>
      {entity.description !== null && (
        <p class="tg-p" data-part="description">
          {entity.description}
        </p>
      )}
      <section class="tg-section" aria-labelledby="tg-tied" data-part="incidents">
        <h3 class="tg-h" id="tg-tied">
          Incidents
        </h3>
        {entity.incidents.length === 0 ? (
          <p class="tg-p tg-muted">None in the dataset tied to this page.</p>
        ) : (
          <ul class="tg-list">
            {entity.incidents.map((incident) => (
              <li key={incident.id}>
                {incident.title} <span class="tg-muted">({incident.when})</span>
                {incident.role !== null && <span class="tg-muted"> · {incident.role}</span>}
                {incident.linked && <span class="tg-linked"> · this page</span>}
              </li>
            ))}
          </ul>
        )}
      </section>
      {entity.aliases.length > 0 && (
        <section class="tg-section" aria-labelledby="tg-aliases" data-part="aliases">
          <h3 class="tg-h" id="tg-aliases">
            Also spelled
          </h3>
          <ul class="tg-inline-list">
            {entity.aliases.map((alias, i) => (
              <li key={i}>{alias}</li>
            ))}
          </ul>
        </section>
      )}
      {entity.partialNames.length > 0 && (
        <section class="tg-section" aria-labelledby="tg-partial" data-part="partial-names">
          <h3 class="tg-h" id="tg-partial">
            Counted only beside a full name
          </h3>
          <ul class="tg-inline-list">
            {entity.partialNames.map((alias, i) => (
              <li key={i}>{alias}</li>
            ))}
          </ul>
        </section>
      )}
      {entity.links.length > 0 && (
        <p class="tg-p tg-small" data-part="links">
          {entity.links.map((link, i) => (
            <Fragment key={i}>
              {i > 0 && ' · '}
              <a href={link.href} target="_blank" rel="noopener noreferrer">
                {link.text}
              </a>
            </Fragment>
          ))}
        </p>
      )}
    </>
  );
}
