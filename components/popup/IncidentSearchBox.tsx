/**
 * An incident picker: type a name, alias, place, keyword, year or month and
 * choose among up to 8 suggestions from the dataset ('incident.search'). An
 * ARIA combobox: arrow keys move through the list, Enter chooses, Escape
 * closes; the number of suggestions is announced.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { formatSpan } from '../../core/format';
import type { IncidentSuggestion } from '../../core/incidentSearch';
import { sendMessage } from '../../messaging/protocol';

export function IncidentSearchBox({
  id,
  label,
  selected,
  onSelect,
}: {
  id: string;
  label: string;
  selected: IncidentSuggestion | null;
  onSelect: (incident: IncidentSuggestion | null) => void;
}) {
  const [query, setQuery] = useState('');
  const [suggestions, setSuggestions] = useState<IncidentSuggestion[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const latest = useRef(0);

  useEffect(() => {
    const ticket = ++latest.current;
    if (query.trim() === '') {
      setSuggestions([]);
      return;
    }
    // Debounced; only the answer to the latest query is shown.
    const timer = setTimeout(() => {
      sendMessage('incident.search', { query }).then(
        (found) => {
          if (ticket !== latest.current) return;
          setSuggestions(found);
          setActive(found.length > 0 ? 0 : -1);
        },
        () => ticket === latest.current && setSuggestions([]),
      );
    }, 120);
    return () => clearTimeout(timer);
  }, [query]);

  const choose = (incident: IncidentSuggestion) => {
    onSelect(incident);
    setQuery('');
    setOpen(false);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown' && suggestions.length > 0) {
      event.preventDefault();
      setOpen(true);
      setActive((i) => (i + 1) % suggestions.length);
    } else if (event.key === 'ArrowUp' && suggestions.length > 0) {
      event.preventDefault();
      setActive((i) => (i <= 0 ? suggestions.length - 1 : i - 1));
    } else if (event.key === 'Enter' && open && suggestions[active]) {
      event.preventDefault();
      choose(suggestions[active]);
    } else if (event.key === 'Escape') {
      setOpen(false);
    }
  };

  const listId = `${id}-list`;
  const showList = open && suggestions.length > 0;
  return (
    <div class="tg-search">
      <label for={id}>{label}</label>
      {selected && (
        <p class="tg-row" data-testid="picked-incident">
          <strong>{selected.title}</strong>
          <span class="tg-muted">
            {formatSpan(selected.startDate, selected.endDate, selected.datePrecision)}
          </span>
          <button type="button" class="tg-link" onClick={() => onSelect(null)}>
            Change
          </button>
        </p>
      )}
      <input
        id={id}
        type="text"
        role="combobox"
        autocomplete="off"
        aria-autocomplete="list"
        aria-expanded={showList}
        aria-controls={listId}
        aria-activedescendant={showList && active >= 0 ? `${listId}-${active}` : undefined}
        placeholder="Name, place, keyword, year…"
        value={query}
        onInput={(e) => {
          setQuery(e.currentTarget.value);
          setOpen(true);
        }}
        onKeyDown={onKeyDown}
        style={{ width: '100%' }}
      />
      <ul
        id={listId}
        role="listbox"
        aria-label="Incidents"
        class="tg-suggestions"
        hidden={!showList}
      >
        {suggestions.map((incident, i) => (
          <li
            key={incident.id}
            id={`${listId}-${i}`}
            role="option"
            aria-selected={i === active}
            data-testid="suggestion"
            onMouseDown={(e) => {
              e.preventDefault();
              choose(incident);
            }}
          >
            <span>{incident.title}</span>
            <span class="tg-muted">
              {' '}
              {formatSpan(incident.startDate, incident.endDate, incident.datePrecision)}
              {incident.placeNames.length > 0 && ` · ${incident.placeNames.join(', ')}`}
            </span>
          </li>
        ))}
      </ul>
      <p class="tg-visually-hidden" role="status" aria-live="polite">
        {query.trim() === ''
          ? ''
          : `${suggestions.length} incident${suggestions.length === 1 ? '' : 's'} found`}
      </p>
    </div>
  );
}
