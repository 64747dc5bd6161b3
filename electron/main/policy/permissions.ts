import { isAllowedOrigin } from './origin';

/**
 * Web permissions the page may have: writing to the clipboard (the copy buttons), nothing else — no
 * camera, microphone, notifications, geolocation, reading the clipboard, HID, serial or USB.
 */
const GRANTED = new Set(['clipboard-sanitized-write']);

/** `session.setPermissionRequestHandler`: asked when the page requests a permission. */
export function allowPermissionRequest(permission: string, requestingUrl: string | undefined, allowedOrigins: readonly string[]): boolean {
  return GRANTED.has(permission) && isAllowedOrigin(requestingUrl, allowedOrigins);
}

/**
 * `session.setPermissionCheckHandler`: asked synchronously whenever Chromium checks a permission
 * (e.g. `navigator.permissions.query`, device enumeration). Without it every check answers "granted".
 */
export function allowPermissionCheck(permission: string, requestingOrigin: string | undefined, allowedOrigins: readonly string[]): boolean {
  return GRANTED.has(permission) && isAllowedOrigin(requestingOrigin, allowedOrigins);
}
