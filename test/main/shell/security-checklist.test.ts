// The security checklist of docs/security.md as a test: every item is read from the pure
// security-config module or from the shell's source text (no test may load Electron), and the
// renderer's CSP from its HTML. Any regression fails here.
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { commands } from '../../../app/ipc/contract';
import { channelFor, commandNames, eventNames } from '../../../app/ipc/names';
import {
  CONTENT_SECURITY_POLICY,
  RENDERER_URL,
  appSchemePrivileges,
  denyWindowOpen,
  grantedPermissions,
  isTrustedSender,
  permissionCheckHandler,
  permissionRequestHandler,
  resolveAppFile,
  responseHeaders,
  secureWebPreferences,
  trayWindowOptions,
} from '../../../main/shell/security-config';

const root = join(import.meta.dirname, '..', '..', '..');
const shellDir = join(root, 'main', 'shell');
const src = (name: string) => readFileSync(join(shellDir, name), 'utf8');
// Comments say what code must not do; only code counts.
const code = (name: string) =>
  src(name)
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\/\/.*$/gm, '');
const shellFiles = readdirSync(shellDir).filter((f) => f.endsWith('.ts'));

function directives(csp: string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const part of csp.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) map.set(name.toLowerCase(), values);
  }
  return map;
}

function expectStrictCsp(csp: string) {
  const d = directives(csp);
  expect(d.get('default-src')).toEqual(["'none'"]);
  expect(d.get('script-src')).toEqual(["'self'"]);
  expect(d.get('connect-src')).toEqual(["'none'"]);
  expect(d.get('base-uri')).toEqual(["'none'"]);
  expect(d.get('form-action')).toEqual(["'none'"]);
  expect(d.get('object-src') ?? d.get('default-src')).toEqual(["'none'"]);
  for (const values of d.values()) {
    for (const bad of [
      "'unsafe-inline'",
      "'unsafe-eval'",
      "'unsafe-hashes'",
      "'wasm-unsafe-eval'",
      '*',
      'http:',
      'https:',
    ]) {
      expect(values).not.toContain(bad);
    }
  }
}

describe('window options', () => {
  it('isolate the page: contextIsolation, sandbox, no Node anywhere, web security on', () => {
    const prefs = secureWebPreferences('/x/preload.cjs');
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      spellcheck: false,
      devTools: false,
      preload: '/x/preload.cjs',
    });
    const win = trayWindowOptions('/x/preload.cjs');
    expect(win.webPreferences).toEqual(prefs);
    expect(win).toMatchObject({ frame: false, show: false, skipTaskbar: true, width: 380, height: 560 });
  });

  it('the window module uses these options and denies navigation, redirects, webviews and new windows', () => {
    const w = code('window.ts');
    expect(w).toMatch(/new BrowserWindow\(\s*trayWindowOptions\(/);
    expect(w).not.toMatch(/webPreferences\s*:/);
    expect(w).toMatch(/'will-navigate',\s*\(event[^)]*\)\s*=>\s*\{\s*event\.preventDefault\(\)/);
    expect(w).toMatch(/'will-redirect',\s*\(event\)\s*=>\s*event\.preventDefault\(\)/);
    expect(w).toMatch(/'will-attach-webview',\s*\(event\)\s*=>\s*event\.preventDefault\(\)/);
    expect(w).toMatch(/setWindowOpenHandler\(denyWindowOpen\)/);
    expect(w).toMatch(/setPermissionRequestHandler\(permissionRequestHandler\)/);
    expect(w).toMatch(/setPermissionCheckHandler\(permissionCheckHandler\)/);
    expect(w).toMatch(/loadURL\(RENDERER_URL\)/);
    // Every other webContents gets the same denials.
    expect(w).toMatch(
      /'web-contents-created',[\s\S]*?contents\.setWindowOpenHandler\(denyWindowOpen\);[\s\S]*?contents\.on\('will-navigate', \(event\) => event\.preventDefault\(\)\)/,
    );
    expect(denyWindowOpen({ url: 'https://evil.example' } as never)).toEqual({ action: 'deny' });
  });

  it('no shell file weakens a window elsewhere', () => {
    for (const f of shellFiles) {
      const c = code(f);
      expect(c, f).not.toMatch(/nodeIntegration\s*:\s*true|contextIsolation\s*:\s*false|sandbox\s*:\s*false/);
      expect(c, f).not.toMatch(/webSecurity\s*:\s*false|allowRunningInsecureContent\s*:\s*true/);
      expect(c, f).not.toMatch(/@electron\/remote|enableRemoteModule/);
      expect(c, f).not.toMatch(/loadFile\(|file:\/\//);
    }
  });
});

describe('permissions', () => {
  it('every web permission is denied, by request and by check', () => {
    expect(grantedPermissions).toEqual([]);
    for (const p of [
      'notifications',
      'clipboard-read',
      'media',
      'geolocation',
      'openExternal',
      'fullscreen',
    ]) {
      let granted: boolean | undefined;
      permissionRequestHandler(null, p, (g) => (granted = g));
      expect(granted, p).toBe(false);
      expect(permissionCheckHandler(null, p), p).toBe(false);
    }
  });
});

describe('content security policy', () => {
  it('the response header policy has no unsafe-inline / unsafe-eval and blocks framing', () => {
    expectStrictCsp(CONTENT_SECURITY_POLICY);
    expect(directives(CONTENT_SECURITY_POLICY).get('frame-ancestors')).toEqual(["'none'"]);
    expect(responseHeaders['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(responseHeaders['X-Content-Type-Options']).toBe('nosniff');
  });

  it("the renderer's own HTML carries a strict CSP meta tag and no inline script or style", () => {
    const built = join(root, 'dist', 'renderer', 'index.html');
    const source = join(root, 'renderer', 'index.html');
    const files = [built, source].filter((f) => existsSync(f));
    // The renderer is a required peer: its absence is a failure, not a skip.
    expect(files.length, 'renderer/index.html or dist/renderer/index.html').toBeGreaterThan(0);
    for (const file of files) {
      const html = readFileSync(file, 'utf8');
      const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i.exec(html);
      expect(meta?.[1], file).toBeDefined();
      expectStrictCsp(meta![1]!);
      expect(html, file).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/i);
      expect(html, file).not.toMatch(/<style[\s>]/i);
      expect(html, file).not.toMatch(/\sstyle="/i);
      expect(html, file).not.toMatch(/\son[a-z]+="/i);
    }
  });

  it('the app scheme is standard and secure but bypasses nothing', () => {
    expect(appSchemePrivileges.privileges).toEqual({ standard: true, secure: true, supportFetchAPI: true });
    expect(code('protocol.ts')).toMatch(/resolveAppFile\(rendererDir, request\.url\)/);
  });

  it('the app scheme serves only files inside the renderer folder', () => {
    const dir = '/opt/lanyard/renderer';
    expect(resolveAppFile(dir, 'lanyard://app/')).toBe(`${dir}/index.html`);
    expect(resolveAppFile(dir, 'lanyard://app/assets/index-abc.js?v=1#x')).toBe(`${dir}/assets/index-abc.js`);
    // The URL parser already folds literal dot segments: what remains stays inside the folder.
    expect(resolveAppFile(dir, 'lanyard://app/../../../etc/passwd')).toBe(`${dir}/etc/passwd`);
    expect(resolveAppFile(dir, 'lanyard://app/%2e%2e/%2e%2e/etc/passwd')).toBe(`${dir}/etc/passwd`);
    // Encoded slashes survive the parser and decode into a real escape attempt: refused.
    for (const bad of [
      'lanyard://app/assets/%2e%2e%2f%2e%2e%2fsecret',
      'lanyard://app/..%5c..%5cwin.ini',
      'lanyard://app/x%00.js',
      'lanyard://app/%E0%A4%A',
      'lanyard://other/index.html',
      'file:///etc/passwd',
      'https://app/index.html',
      'not a url',
    ]) {
      expect(resolveAppFile(dir, bad), bad).toBeNull();
    }
  });
});

describe('IPC', () => {
  it('trusts only our own renderer page', () => {
    expect(isTrustedSender(RENDERER_URL)).toBe(true);
    expect(isTrustedSender(`${RENDERER_URL}#/settings`)).toBe(true);
    for (const bad of [
      undefined,
      '',
      'about:blank',
      'file:///work/main/dist/renderer/index.html',
      'https://app/index.html',
      'lanyard://evil/index.html',
      'lanyard://app/other.html',
      'lanyard://app.evil.example/index.html',
      'http://127.0.0.1:5173/index.html',
    ]) {
      expect(isTrustedSender(bad), String(bad)).toBe(false);
    }
  });

  it('main checks the sender (window, top frame, URL) before dispatching every contract command', () => {
    const ipc = code('ipc.ts');
    expect(ipc).toMatch(/for \(const name of commandNames\)\s*\{\s*ipcMain\.handle\(channelFor\(name\)/);
    expect(ipc).toMatch(/event\.sender === window\(\)/);
    expect(ipc).toMatch(/frame\.parent === null/);
    expect(ipc).toMatch(/if \(!ours \|\| !isTrustedSender\(url\)\)\s*\{[\s\S]*?return untrusted;/);
    expect(ipc).toMatch(/target\.send\(channelFor\(event\), payload\)/);
    // Raw ipcMain.on would bypass the invoke/result discipline.
    expect(ipc).not.toMatch(/ipcMain\.on\(/);
  });

  it('the preload exposes one frozen object built from the contract, never ipcRenderer', () => {
    const preload = code('preload.ts');
    expect(preload.split('\n').length).toBeLessThan(60);
    const exposes = preload.match(/exposeInMainWorld\(/g) ?? [];
    expect(exposes).toHaveLength(1);
    expect(preload).toMatch(/exposeInMainWorld\('lanyard', Object\.freeze\(bridge\)\)/);
    expect(preload).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer/);
    expect(preload).not.toMatch(/ipcRenderer\.(send|sendSync|sendTo|postMessage)\(/);
    // The listener gets the payload only, never the IpcRendererEvent (it carries `sender`).
    expect(preload).toMatch(/\(_e: unknown, payload: unknown\) => listener\(payload/);
    // Its name lists are the contract's own (app/ipc/names.ts), and so is its channel.
    expect(preload).toMatch(
      /import \{ channelFor, commandNames, eventNames \} from '\.\.\/\.\.\/app\/ipc\/names';/,
    );
    expect(preload).toMatch(/import type \{[^}]*\} from '\.\.\/\.\.\/app\/ipc\/contract';/);
    expect(preload).toMatch(/new Set<string>\(commandNames\)/);
    expect(preload).toMatch(/new Set<string>\(eventNames\)/);
    expect(preload).toMatch(/ipcRenderer\.invoke\(channelFor\(command\), request\)/);
    expect(channelFor('state.get')).toBe('lanyard:state.get');
    // The contract's commands are exactly the names.
    expect(Object.keys(commands).sort()).toEqual([...commandNames].sort());
  });

  it('the bundled preload carries every contract name and no zod', async () => {
    const out = await build({
      entryPoints: [join(shellDir, 'preload.ts')],
      bundle: true,
      write: false,
      platform: 'node',
      format: 'cjs',
      external: ['electron'],
      metafile: true,
    });
    const inputs = Object.keys(out.metafile.inputs);
    expect(inputs.filter((i) => i.includes('node_modules'))).toEqual([]);
    expect(inputs.some((i) => i.endsWith('contract.ts'))).toBe(false);
    const text = out.outputFiles[0]!.text;
    for (const name of [...commandNames, ...eventNames]) expect(text).toContain(`"${name}"`);
    expect(text.length).toBeLessThan(10_000);
  });
});

describe('external links and secrets', () => {
  it('shell.openExternal is called only in platform.ts, behind the allow-list', () => {
    for (const f of shellFiles) {
      // electron-surface.ts names the member in a type (the picks the shell may use); it calls nothing.
      if (f === 'platform.ts' || f === 'electron-surface.ts') continue;
      expect(code(f), f).not.toMatch(/openExternal/);
    }
    expect(code('platform.ts')).toMatch(/shell\.openExternal\(assertUrl\(url, 'browser', allowedOrigins\)/);
  });

  it('the shell never logs through console (the redacting logger only)', () => {
    for (const f of shellFiles) expect(code(f), f).not.toMatch(/console\.(log|info|warn|error|debug)/);
  });
});
