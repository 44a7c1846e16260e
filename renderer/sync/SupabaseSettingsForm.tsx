/** The Supabase project to sync with: its URL and public anon key (stored in the app settings). */
import { useEffect, useId, useRef, useState } from 'react';
import { useHost } from '../app/useHost.js';
import { errorMessage } from '../services/errorMessage.js';

/** `titled`: its own heading and rule, as a section of the sync panel; off inside a settings group that names it already. */
export function SupabaseSettingsForm({ onSaved, titled = true }: { onSaved: () => void; titled?: boolean }) {
  const host = useHost();
  // Unique per instance: the form appears in the sync panel and on the settings screen.
  const formId = useId();
  const [url, setUrl] = useState('');
  const [anonKey, setAnonKey] = useState('');
  const [message, setMessage] = useState<{ kind: 'error' | 'ok'; text: string } | null>(null);
  // What the user typed before the stored settings arrived must not be overwritten by them.
  const edited = useRef({ url: false, anonKey: false });

  useEffect(() => {
    void host.settings.get().then((s) => {
      if (!edited.current.url) setUrl(s.supabaseUrl);
      if (!edited.current.anonKey) setAnonKey(s.supabaseAnonKey);
    }).catch(() => undefined);
  }, [host]);

  const save = async () => {
    setMessage(null);
    try {
      await host.settings.update({ supabaseUrl: url.trim(), supabaseAnonKey: anonKey.trim() });
      setMessage({ kind: 'ok', text: 'Saved.' });
      onSaved();
    } catch (error) {
      setMessage({ kind: 'error', text: errorMessage(error) });
    }
  };

  return (
    <form className={titled ? 'sync-section' : undefined} onSubmit={(e) => { e.preventDefault(); void save(); }}>
      {titled && <h3>Supabase project</h3>}
      <div className="field">
        <label htmlFor={`${formId}-url`}>Project URL</label>
        <input id={`${formId}-url`} data-testid="supabase-url" type="url" placeholder="https://xyz.supabase.co" value={url} onChange={(e) => { edited.current.url = true; setUrl(e.target.value); }} />
      </div>
      <div className="field">
        <label htmlFor={`${formId}-anon-key`}>Anon key (public; row-level security protects the data)</label>
        <input id={`${formId}-anon-key`} data-testid="supabase-anon-key" value={anonKey} onChange={(e) => { edited.current.anonKey = true; setAnonKey(e.target.value); }} autoComplete="off" spellCheck={false} />
      </div>
      <div className="row">
        <button type="submit" data-testid="supabase-settings-save">Save project</button>
        {message && <span className={message.kind === 'error' ? 'field-error' : 'muted'} role="status">{message.text}</span>}
      </div>
    </form>
  );
}
