import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

// Every dependency install script (preinstall, install, postinstall, or a binding.gyp) has a
// reviewed decision in the root package.json's `allowScripts`: approvals pinned to the reviewed
// version (`name@1.2.3: true`), denials by name (`name: false`, so a new version stays denied).
// A dependency that gains an install script, or an approved one that changes version, fails here
// until someone reviews it and runs `npm install-scripts approve|deny <name>`.

const ROOT = path.resolve(__dirname, '..', '..');
const readJson = (file: string) => JSON.parse(fs.readFileSync(path.join(ROOT, file), 'utf8'));

interface LockEntry {
  name?: string;
  version?: string;
  resolved?: string;
  link?: boolean;
  hasInstallScript?: boolean;
}

const rootPkg = readJson('package.json');
const allowScripts: Record<string, unknown> = rootPkg.allowScripts ?? {};
const lock: { packages: Record<string, LockEntry> } = readJson('package-lock.json');

/** name@version of every locked dependency that has an install script. */
function withInstallScripts(): { name: string; version: string; resolved?: string }[] {
  const found: { name: string; version: string; resolved?: string }[] = [];
  for (const [key, entry] of Object.entries(lock.packages)) {
    if (!key.includes('node_modules/') || entry.link || !entry.hasInstallScript) continue;
    const name = entry.name ?? key.slice(key.lastIndexOf('node_modules/') + 'node_modules/'.length);
    found.push({ name, version: entry.version ?? '', resolved: entry.resolved });
  }
  return found.sort((a, b) => a.name.localeCompare(b.name));
}

/** Splits an allowScripts key into the package name and the pinned version ('' when name-only). */
function parseKey(key: string): { name: string; version: string } {
  const at = key.indexOf('@', 1);
  return at < 0 ? { name: key, version: '' } : { name: key.slice(0, at), version: key.slice(at + 1) };
}

function npmInstallScriptsLs(): { ok: boolean; stdout: string; stderr: string } {
  const run = spawnSync('npm', ['install-scripts', 'ls', '--json'], { cwd: ROOT, encoding: 'utf8' });
  return { ok: run.status === 0, stdout: run.stdout ?? '', stderr: run.stderr ?? '' };
}

// `npm install-scripts` exists from npm 11 on; Node 20's bundled npm 10 knows no allowScripts.
const npmLs = npmInstallScriptsLs();
const npmKnowsInstallScripts = !/unknown command/i.test(npmLs.stderr + npmLs.stdout);

describe('dependency install scripts', () => {
  const scripted = withInstallScripts();

  it('every locked dependency with an install script has a decision in allowScripts', () => {
    const undecided = scripted
      .filter(({ name, version }) => !(`${name}@${version}` in allowScripts) && !(name in allowScripts))
      .map(({ name, version }) => `${name}@${version}`);
    expect(undecided).toEqual([]);
  });

  it('approvals are pinned to the locked version, with the registry URL npm checks the pin against', () => {
    const problems: string[] = [];
    for (const [key, allowed] of Object.entries(allowScripts)) {
      if (typeof allowed !== 'boolean') problems.push(`${key}: the decision must be true or false`);
      if (allowed !== true) continue;
      const { name, version } = parseKey(key);
      if (!version) {
        problems.push(`${key}: approve a reviewed version (${name}@x.y.z), not every version`);
        continue;
      }
      for (const dep of scripted.filter((d) => d.name === name)) {
        if (dep.version !== version) problems.push(`${key}: ${name}@${dep.version} is locked but ${version} was reviewed`);
        else if (!dep.resolved) problems.push(`${key}: package-lock.json has no resolved URL for ${name}, so npm cannot match the pin`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('denials are by name, so a new version stays denied', () => {
    const pinnedDenials = Object.entries(allowScripts)
      .filter(([key, allowed]) => allowed === false && parseKey(key).version !== '')
      .map(([key]) => key);
    expect(pinnedDenials).toEqual([]);
  });

  it('allowScripts lists no package that has no install script any more', () => {
    const names = new Set(scripted.map((d) => d.name));
    const stale = Object.keys(allowScripts).filter((key) => !names.has(parseKey(key).name));
    expect(stale).toEqual([]);
  });

  it('no workspace declares its own allowScripts (npm reads only the root one)', () => {
    const offenders = (rootPkg.workspaces as string[]).filter((ws) => 'allowScripts' in readJson(path.join(ws, 'package.json')));
    expect(offenders).toEqual([]);
  });

  (npmKnowsInstallScripts ? it : it.skip)('npm install-scripts ls finds nothing unreviewed in node_modules', () => {
    if (!npmLs.ok) throw new Error(`npm install-scripts ls --json failed:\n${npmLs.stderr}`);
    const pending = (JSON.parse(npmLs.stdout).allowScripts as { changes: { key: string }[] }[]).flatMap((p) => p.changes.map((c) => c.key));
    // A pinned approval of exactly the installed version shows as pending only when node_modules was
    // installed from a lock file without its registry URL (before this policy): npm install fixes it.
    const stale = pending.filter((key) => allowScripts[key] === true);
    if (stale.length) {
      process.stderr.write(`install-scripts: ${stale.join(', ')} approved, but node_modules predates the lock file's registry URLs; run npm install (bash tools/setup.sh)\n`);
    }
    expect(pending.filter((key) => !stale.includes(key))).toEqual([]);
  });
});
