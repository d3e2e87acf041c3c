/**
 * The popup, minimal for now: which dataset is installed, how many records of
 * each kind it holds, and the last error loading or syncing one. It only asks
 * the background ('dataset.status'); checking a figure comes later.
 */
import { useEffect, useState } from 'preact/hooks';
import { sendMessage, type DatasetStatusReply } from '../../messaging/protocol';

type State =
  | { kind: 'loading' }
  | { kind: 'failed'; error: string }
  | { kind: 'loaded'; status: DatasetStatusReply };

const COUNTED: readonly { table: keyof DatasetStatusReply['counts']; label: string }[] = [
  { table: 'incidents', label: 'incidents' },
  { table: 'reports', label: 'reports' },
  { table: 'figures', label: 'figures' },
  { table: 'outlets', label: 'outlets' },
  { table: 'actors', label: 'actors' },
  { table: 'places', label: 'places' },
  { table: 'userReports', label: 'your reports' },
];

export function App() {
  const [state, setState] = useState<State>({ kind: 'loading' });
  useEffect(() => {
    sendMessage('dataset.status', {}).then(
      (status) => setState({ kind: 'loaded', status }),
      (error: unknown) => setState({ kind: 'failed', error: String(error) }),
    );
  }, []);

  return (
    <main style={{ padding: '12px 14px' }}>
      <h1 style={{ fontSize: '15px', margin: '0 0 8px' }}>Triangulate</h1>
      {state.kind === 'loading' && <p>Loading the dataset status…</p>}
      {state.kind === 'failed' && <p role="alert">Could not reach the extension: {state.error}</p>}
      {state.kind === 'loaded' && <Status status={state.status} />}
    </main>
  );
}

function Status({ status }: { status: DatasetStatusReply }) {
  return (
    <section aria-label="Dataset">
      {status.meta ? (
        <p data-testid="dataset-version">
          {status.meta.title}, version {status.meta.version} ({status.source ?? 'unknown source'})
        </p>
      ) : (
        <p>No dataset installed yet.</p>
      )}
      <table>
        <tbody>
          {COUNTED.map(({ table, label }) => (
            <tr key={table}>
              <th scope="row" style={{ textAlign: 'left', fontWeight: 'normal' }}>
                {label}
              </th>
              <td data-testid={`count-${table}`} style={{ textAlign: 'right' }}>
                {status.counts[table]}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {status.lastError && (
        <p role="alert" style={{ color: '#a4262c' }}>
          Last error ({status.lastError.at}): {status.lastError.message}
        </p>
      )}
    </section>
  );
}
