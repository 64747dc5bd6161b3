import type { KeychainProblem } from '../../../shared/schemas';

/**
 * What a keychain failure means for the user, from the library's message (they carry no codes).
 * The messages matched are the real ones of @napi-rs/keyring over the Secret Service, e.g.
 * "Failed to connect to socket …", "The name org.freedesktop.secrets was not provided by any
 * .service files", "Secret Service: unlock prompt was dismissed", "Did not receive a reply".
 */
export function keychainProblemOf(message: string, timedOut = false): KeychainProblem {
  if (timedOut || /did not receive a reply|did not answer|not responding|timed? ?out|NoReply/i.test(message)) return 'not_responding';
  if (/locked|unlock|prompt|dismiss|cancel|denied|not allowed|user interaction/i.test(message)) return 'locked';
  if (/failed to connect|no such file|not provided by any|ServiceUnknown|no DBus session|provider found|autolaunch|DBUS_SESSION_BUS_ADDRESS|no secret service|not supported/i.test(message)) {
    return 'absent';
  }
  return 'error';
}

/** An error about one item (several matching credentials), not about the keychain as a whole. */
export const isItemError = (message: string): boolean => /ambiguous|more than one/i.test(message);
