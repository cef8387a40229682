import { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { signIn } from '../session';

export function SignIn({ onSignedIn, themeToggle }: { onSignedIn: () => void; themeToggle: JSX.Element }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await signIn(email.trim(), password);
      onSignedIn();
    } catch (err: any) {
      setError(err?.status === 401 || err?.status === 400
        ? 'The email or password is not correct.' + (err?.status === 400 ? '' : '')
        : err?.message ?? String(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <main class="signin">
      <div class="signin-top">{themeToggle}</div>
      <form class="card signin-card" onSubmit={submit} aria-labelledby="signin-title">
        <div class="brand big"><span class="logo" aria-hidden="true" />OpenCentral</div>
        <h1 id="signin-title">Sign in</h1>
        {error && <div class="banner error" role="alert">{error}</div>}
        <div class="field">
          <label for="email">Email</label>
          <input id="email" type="email" autoComplete="username" required value={email} onInput={(e) => setEmail(e.currentTarget.value)} autoFocus />
        </div>
        <div class="field">
          <label for="password">Password</label>
          <input id="password" type="password" autoComplete="current-password" required value={password} onInput={(e) => setPassword(e.currentTarget.value)} />
        </div>
        <button class="primary wide" type="submit" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
