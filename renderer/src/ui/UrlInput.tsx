import type { InputHTMLAttributes } from 'react';

/** A text field for a web address: monospace, URL keyboard, and no browser "help" that would mangle it. */
export function UrlInput(props: InputHTMLAttributes<HTMLInputElement>) {
  return (
    <input
      className="input input-mono"
      type="text"
      inputMode="url"
      spellCheck={false}
      autoCapitalize="off"
      autoComplete="off"
      {...props}
    />
  );
}
