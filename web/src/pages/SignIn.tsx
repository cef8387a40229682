import { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { signIn } from '../session';
import { failureMessage, useSubmit } from './useActions';

export function SignIn({ onSignedIn, themeToggle }: { onSignedIn: () => void; themeToggle: JSX.Element }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const { busy, error, submit } = useSubmit(async () => {
    await signIn(email.trim(), password);
    onSignedIn();
  }, (err) => {
    const status = (err as { status?: number } | null)?.status;
    return status === 401 || status === 400 ? 'The email or password is not correct.' : failureMessage(err);
  });
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
