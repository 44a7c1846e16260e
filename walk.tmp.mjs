// Walkthrough: node walk.tmp.mjs "step,step,..."  env SIZE=1280x720 OUT=/tmp/walk USERDATA=/tmp/wud WS=/tmp/wws
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { chromium } from '/work/main/node_modules/playwright-core/index.mjs';
const [w, h] = (process.env.SIZE ?? '1280x720').split('x').map(Number);
const out = process.env.OUT ?? '/tmp/walk'; mkdirSync(out, { recursive: true });
const ud = process.env.USERDATA ?? '/tmp/wud'; const ws = process.env.WS ?? '/tmp/wws'; mkdirSync(ud, { recursive: true }); mkdirSync(ws, { recursive: true });
const child = spawn(process.execPath, ['/work/main/dist/host/server.mjs', '--no-open', '--port', '0', '--user-data', ud, '--workspace', ws, '--renderer', '/work/main/dist/renderer'], { stdio: ['ignore', 'pipe', 'pipe'] });
let log = ''; const url = await new Promise((res, rej) => { const on = (c) => { log += c; const m = /http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]+/.exec(log); if (m) res(m[0]); }; child.stdout.on('data', on); child.stderr.on('data', on); child.on('exit', () => rej(new Error(log))); });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: w, height: h } });
page.on('pageerror', (e) => console.log('PAGEERROR', e.message));
page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') console.log('CONSOLE', m.type(), m.text().slice(0, 300)); });
await page.goto(url); await page.waitForSelector('[data-testid=app-ready]');
const steps = (process.argv[2] ?? '').split(',').filter(Boolean);
for (const s of steps) {
  const i = s.indexOf(':'); const op = s.slice(0, i); const arg = s.slice(i + 1);
  try {
    if (op === 'click') await (arg.startsWith('=') ? page.getByRole('button', { name: arg.slice(1), exact: true }) : page.getByRole('button', { name: arg })).first().click({ timeout: 5000 });
    else if (op === 'text') await page.getByText(arg).first().click({ timeout: 5000 });
    else if (op === 'tab') await page.getByRole('tab', { name: arg }).first().click({ timeout: 5000 });
    else if (op === 'testid') await page.getByTestId(arg).first().click({ timeout: 5000 });
    else if (op === 'key') await page.keyboard.press(arg);
    else if (op === 'type') await page.keyboard.type(arg, { delay: 20 });
    else if (op === 'fill') { const [l, v] = arg.split('='); await page.getByLabel(l).first().fill(v, { timeout: 5000 }); }
    else if (op === 'ph') { const [l, v] = arg.split('='); await page.getByPlaceholder(l).first().fill(v, { timeout: 5000 }); }
    else if (op === 'select') { const [t, v] = arg.split('='); await page.getByTestId(t).selectOption(v); }
    else if (op === 'menuitem') await page.getByRole('menuitem', { name: arg }).first().click({ timeout: 5000 });
    else if (op === 'xy') { const [x, y] = arg.split(';').map(Number); await page.mouse.click(x, y); }
    else if (op === 'wait') await page.waitForTimeout(Number(arg));
    else if (op === 'shot') { await page.waitForTimeout(300); await page.screenshot({ path: `${out}/${arg}.png` }); console.log('shot', `${out}/${arg}.png`); }
    else if (op === 'reload') { await page.reload(); await page.waitForSelector('[data-testid=app-ready]'); }
    else throw new Error('unknown op ' + op);
  } catch (e) { console.log('STEP FAILED', s, e.message.split('\n')[0]); await page.screenshot({ path: `${out}/failed.png` }); break; }
}
await browser.close(); child.kill();
