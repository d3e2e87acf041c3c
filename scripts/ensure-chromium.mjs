#!/usr/bin/env node
/**
 * Makes sure the browser the end-to-end tests and `npm start` drive is here.
 *
 * The README promises two commands on a fresh machine, and npm cannot install
 * a browser (playwright's own download is neither wanted nor possible here).
 * So: TRIANGULATE_CHROMIUM or /usr/bin/chromium if present; otherwise, on a
 * Debian-like machine where we are root, install Debian's chromium with
 * apt-get (saying so first); otherwise stop with the command to run.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const wanted = process.env.TRIANGULATE_CHROMIUM ?? '/usr/bin/chromium';
if (existsSync(wanted)) process.exit(0);

const fail = (why) => {
  console.error(
    `No Chromium at ${wanted}: ${why}\n` +
      'Install it with `sudo apt-get update && sudo apt-get install -y chromium`,\n' +
      'or set TRIANGULATE_CHROMIUM to a Chromium or Chrome binary.',
  );
  process.exit(1);
};

if (process.env.TRIANGULATE_CHROMIUM) fail('TRIANGULATE_CHROMIUM points at nothing.');
if (!existsSync('/usr/bin/apt-get')) fail('this machine has no apt-get.');
if (typeof process.getuid === 'function' && process.getuid() !== 0) {
  fail('installing it needs root.');
}
console.log("Installing Debian's chromium for the end-to-end tests and npm start (apt-get)...");
try {
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
  execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
} catch {
  fail('apt-get could not install it.');
}
if (!existsSync(wanted)) fail('apt-get finished but it is still missing.');
