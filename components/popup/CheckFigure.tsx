/**
 * "Check a figure": type or paste a claim ("33 soldiers killed in Dushanbe"),
 * or pick an incident by search and give a number, side and outcome. The
 * background reads it with the page core and compares it with every report.
 * When the words name no known incident, it says so and shows what it
 * understood; when several fit, the user picks.
 */
import { useEffect, useState } from 'preact/hooks';
import { countText } from '../../core/compare';
import { formatSpan } from '../../core/format';
import type { IncidentSuggestion } from '../../core/incidentSearch';
import { OUTCOMES, SIDES, type Outcome, type Side } from '../../core/schema';
import { sendMessage, type CheckedIncident, type ClaimCheckReply } from '../../messaging/protocol';
import type { FigureComparison } from '../../core/types';
import { CheckResult } from './CheckResult';
import { IncidentSearchBox } from './IncidentSearchBox';
import { OUTCOME_LABELS, SIDE_LABELS } from './words';

type Result =
  | { kind: 'idle' }
  | { kind: 'checking' }
  | { kind: 'failed'; error: string }
  | { kind: 'claim'; reply: ClaimCheckReply }
  | {
      kind: 'figure';
      incident: CheckedIncident;
      comparison: FigureComparison;
      figure: FigureInput;
    };

interface FigureInput {
  low: number;
  high: number;
  side: Side;
  outcome: Outcome;
}

export function CheckFigure({ initialClaim }: { initialClaim: string | null }) {
  const [mode, setMode] = useState<'claim' | 'pick'>('claim');
  const [text, setText] = useState(initialClaim ?? '');
  const [result, setResult] = useState<Result>({ kind: 'idle' });

  const checkClaim = (claim: string, incidentId: string | null = null) => {
    if (claim.trim() === '') return;
    setResult({ kind: 'checking' });
    sendMessage('claim.check', { text: claim, incidentId }).then(
      (reply) => setResult({ kind: 'claim', reply }),
      (error: unknown) => setResult({ kind: 'failed', error: messageOf(error) }),
    );
  };

  useEffect(() => {
    if (!initialClaim) return;
    setMode('claim');
    setText(initialClaim);
    checkClaim(initialClaim);
  }, [initialClaim]);

  return (
    <section aria-labelledby="check-heading">
      <h2 id="check-heading">Check a figure</h2>
      <fieldset>
        <legend>How</legend>
        <label class="tg-row">
          <input
            type="radio"
            name="check-mode"
            checked={mode === 'claim'}
            onChange={() => setMode('claim')}
          />
          Type or paste a claim
        </label>
        <label class="tg-row">
          <input
            type="radio"
            name="check-mode"
            checked={mode === 'pick'}
            onChange={() => setMode('pick')}
          />
          Pick an incident and a number
        </label>
      </fieldset>
      {mode === 'claim' ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            checkClaim(text);
          }}
        >
          <label for="claim-text">Claim</label>
          <textarea
            id="claim-text"
            rows={3}
            maxLength={500}
            placeholder="33 soldiers killed in Dushanbe"
            value={text}
            onInput={(e) => setText(e.currentTarget.value)}
          />
          <button type="submit" class="tg-primary" disabled={text.trim() === ''}>
            Check
          </button>
        </form>
      ) : (
        <PickForm
          onChecked={(incident, comparison, figure) =>
            setResult({ kind: 'figure', incident, comparison, figure })
          }
          onChecking={() => setResult({ kind: 'checking' })}
          onFailed={(error) => setResult({ kind: 'failed', error })}
        />
      )}
      <div aria-live="polite">
        {result.kind === 'checking' && <p class="tg-muted">Checking…</p>}
        {result.kind === 'failed' && <p class="tg-error">Could not check it: {result.error}</p>}
        {result.kind === 'claim' && (
          <ClaimOutcome reply={result.reply} pick={(id) => checkClaim(text, id)} />
        )}
        {result.kind === 'figure' && (
          <CheckResult
            incident={result.incident}
            comparison={result.comparison}
            figure={result.figure}
            why={null}
          />
        )}
      </div>
    </section>
  );
}

function ClaimOutcome({
  reply,
  pick,
}: {
  reply: ClaimCheckReply;
  pick: (incidentId: string) => void;
}) {
  const { understood, incident, comparison, candidates } = reply;
  const figure = understood.figure;
  const others = candidates.filter((c) => c.incidentId !== reply.incidentId);
  const chosenWhy =
    reply.chosenBy === 'user'
      ? 'your pick'
      : (candidates.find((c) => c.incidentId === reply.incidentId)?.reasons ?? []).length > 0
        ? `named by ${candidates.find((c) => c.incidentId === reply.incidentId)?.reasons.join(', ')}`
        : null;
  return (
    <div data-testid="claim-outcome">
      <Understood reply={reply} />
      {incident === null && (
        <p class="tg-verdict tg-muted" data-testid="verdict" data-verdict="unknown-incident">
          {candidates.length === 0 ? 'Unknown incident' : 'Which incident?'}
        </p>
      )}
      {incident === null && candidates.length === 0 && (
        <p class="tg-muted">
          The claim names no incident of the dataset. Add a name, a place or a date, or pick the
          incident by search.
        </p>
      )}
      {incident !== null && figure === null && (
        <p class="tg-muted" data-testid="no-figure">
          No casualty figure was read in the claim (for example “8 policemen killed”), so there is
          nothing to compare.
        </p>
      )}
      {incident !== null && figure !== null && comparison !== null && (
        <CheckResult incident={incident} comparison={comparison} figure={figure} why={chosenWhy} />
      )}
      {others.length > 0 && (
        <>
          <h3>
            {incident === null
              ? 'These incidents fit about as well:'
              : 'Not this incident? Check against:'}
          </h3>
          <ul class="tg-list" data-testid="candidates">
            {others.map((candidate) => (
              <li key={candidate.incidentId}>
                <button type="button" class="tg-link" onClick={() => pick(candidate.incidentId)}>
                  {candidate.title}
                </button>{' '}
                <span class="tg-muted">
                  {formatSpan(candidate.startDate, candidate.endDate, candidate.datePrecision)}
                  {candidate.reasons.length > 0 && ` · ${candidate.reasons.join(', ')}`}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

function Understood({ reply }: { reply: ClaimCheckReply }) {
  const { figure, names, dates } = reply.understood;
  return (
    <dl class="tg-understood" data-testid="understood">
      <dt>Figure</dt>
      <dd>
        {figure
          ? `${countText(figure)} ${figure.sideLabel || SIDE_LABELS[figure.side].toLowerCase()} ${figure.outcome}${
              figure.attributedTo ? `, per ${figure.attributedTo}` : ''
            }`
          : 'none read'}
      </dd>
      <dt>Names</dt>
      <dd>{names.length > 0 ? names.map((n) => n.name).join('; ') : 'none known'}</dd>
      <dt>Dates</dt>
      <dd>
        {dates.length > 0
          ? dates.map((d) => formatSpan(d.date, d.endDate, d.precision)).join('; ')
          : 'none'}
      </dd>
    </dl>
  );
}

function PickForm({
  onChecked,
  onChecking,
  onFailed,
}: {
  onChecked: (incident: CheckedIncident, comparison: FigureComparison, figure: FigureInput) => void;
  onChecking: () => void;
  onFailed: (error: string) => void;
}) {
  const [incident, setIncident] = useState<IncidentSuggestion | null>(null);
  const [low, setLow] = useState('');
  const [high, setHigh] = useState('');
  const [side, setSide] = useState<Side>('security');
  const [outcome, setOutcome] = useState<Outcome>('killed');
  const lowNumber = Number(low);
  const highNumber = high.trim() === '' ? lowNumber : Number(high);
  const valid =
    incident !== null &&
    low.trim() !== '' &&
    Number.isInteger(lowNumber) &&
    Number.isInteger(highNumber) &&
    lowNumber >= 0 &&
    highNumber >= lowNumber;

  const submit = (event: Event) => {
    event.preventDefault();
    if (!valid || incident === null) return;
    const figure = { low: lowNumber, high: highNumber, side, outcome };
    onChecking();
    sendMessage('figure.check', { incidentId: incident.id, ...figure }).then(
      (reply) => onChecked(reply.incident, reply.comparison, figure),
      (error: unknown) => onFailed(messageOf(error)),
    );
  };

  return (
    <form onSubmit={submit}>
      <IncidentSearchBox
        id="pick-incident"
        label="Incident"
        selected={incident}
        onSelect={setIncident}
      />
      <div class="tg-row" style={{ marginTop: '6px' }}>
        <label>
          Number{' '}
          <input
            type="number"
            min={0}
            inputMode="numeric"
            value={low}
            onInput={(e) => setLow(e.currentTarget.value)}
            style={{ width: '6em' }}
          />
        </label>
        <label>
          up to (optional){' '}
          <input
            type="number"
            min={0}
            inputMode="numeric"
            value={high}
            onInput={(e) => setHigh(e.currentTarget.value)}
            style={{ width: '6em' }}
          />
        </label>
      </div>
      <div class="tg-row" style={{ marginTop: '6px' }}>
        <label>
          Side{' '}
          <select value={side} onChange={(e) => setSide(e.currentTarget.value as Side)}>
            {SIDES.map((s) => (
              <option key={s} value={s}>
                {SIDE_LABELS[s]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Outcome{' '}
          <select value={outcome} onChange={(e) => setOutcome(e.currentTarget.value as Outcome)}>
            {OUTCOMES.map((o) => (
              <option key={o} value={o}>
                {OUTCOME_LABELS[o]}
              </option>
            ))}
          </select>
        </label>
      </div>
      <button type="submit" class="tg-primary" disabled={!valid} style={{ marginTop: '8px' }}>
        Check
      </button>
      {incident !== null && low.trim() !== '' && !valid && (
        <p class="tg-error">Give whole numbers, the second not below the first.</p>
      )}
    </form>
  );
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
