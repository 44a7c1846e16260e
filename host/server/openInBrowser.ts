/** Opens a URL in the user's browser where one exists; says so plainly where none does. */
import { spawn } from 'node:child_process';

export function browserOpenCommand(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): { command: string; args: string[] } | { reason: string } {
  if (platform === 'darwin') return { command: 'open', args: [] };
  if (platform === 'win32') return { command: 'cmd', args: ['/c', 'start', '""'] };
  if (!env.DISPLAY && !env.WAYLAND_DISPLAY) return { reason: 'no graphical display (DISPLAY/WAYLAND_DISPLAY unset)' };
  return { command: 'xdg-open', args: [] };
}

export function openInBrowser(url: string, log: (line: string) => void): void {
  const how = browserOpenCommand(process.platform, process.env);
  if ('reason' in how) {
    log(`Not opening a browser: ${how.reason}. Open the URL above yourself.`);
    return;
  }
  const child = spawn(how.command, [...how.args, url], { stdio: 'ignore', detached: true });
  child.on('error', (error) => log(`Could not open a browser (${how.command}: ${error.message}). Open the URL above yourself.`));
  child.unref();
}
