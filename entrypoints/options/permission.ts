/**
 * Host permission for a dataset source. Call `requestSourcePermission(url)`
 * from the click handler that adds or edits a source (browsers grant
 * permissions only during a user gesture); sync refuses a source whose origin
 * was not granted, with the error "no permission for <origin>".
 */
import { browser } from 'wxt/browser';
import { originPattern } from '../../core/sourceOrigin';

/** Asks for the source's origin; true when granted (or already held), false when refused or not http(s). */
export async function requestSourcePermission(url: string): Promise<boolean> {
  const pattern = originPattern(url);
  if (pattern === null) return false;
  return browser.permissions.request({ origins: [pattern] });
}

/** Whether the extension may fetch from the source's origin. */
export async function hasSourcePermission(url: string): Promise<boolean> {
  const pattern = originPattern(url);
  if (pattern === null) return false;
  return browser.permissions.contains({ origins: [pattern] });
}

/** Gives the permission back when a source is removed (skip it if another source shares the origin). */
export async function releaseSourcePermission(url: string): Promise<boolean> {
  const pattern = originPattern(url);
  if (pattern === null) return false;
  return browser.permissions.remove({ origins: [pattern] });
}
