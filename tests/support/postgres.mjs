// A throwaway PostgreSQL 15 cluster for a test run: created in a temp dir, reachable only
// through a unix socket in that dir, removed afterwards.
//
// Design: ONE cluster serves a whole test run. Starting a cluster costs seconds (initdb), a
// database in it costs a fraction of one, so the run starts the cluster once and names it in
// the environment; `startServer` (server.mjs) then creates a fresh database per server:
//
//   SATSTORE_TEST_PG=postgresql://postgres@/postgres?host=/tmp/satstore-pg-XXXXXX&port=PORT
//
// (a libpq URI of the cluster's maintenance database; tests replace the database name).
//
// From the shell (scripts/test.sh):
//   node tests/support/postgres.mjs run CMD ARGS…   starts a cluster, runs CMD with
//                                                   SATSTORE_TEST_PG set, stops and removes the
//                                                   cluster whatever happens, exits with CMD's status
//   node tests/support/postgres.mjs start            starts one and prints `export …` lines
//   node tests/support/postgres.mjs stop DIR         stops the cluster in DIR and removes DIR
// From JavaScript:
//   const pg = await startPostgres();  pg.createDatabase('test_x');  pg.url('test_x');  pg.stop();
//
// PostgreSQL refuses to run as root: as root (CI, this machine) initdb and pg_ctl run as the
// `postgres` user through runuser, and the temp dir is chowned to it. fsync stays on (the
// default): the crash tests rely on acknowledged commits being durable.
import { spawn, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const pgBin = process.env.SATSTORE_PG_BIN ?? '/usr/lib/postgresql/15/bin';
export const superuser = 'postgres';

const asRoot = process.getuid?.() === 0;

// Runs a PostgreSQL server program as the `postgres` user (directly when not root); throws
// with its output when it fails.
function runAsPostgres(program, args) {
  const [cmd, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', join(pgBin, program), ...args]] : [join(pgBin, program), args];
  const r = spawnSync(cmd, argv, { encoding: 'utf8', cwd: '/' }); // cwd: postgres may not read ours
  if (r.status !== 0) throw new Error(`${program} ${args.join(' ')} failed (${r.status ?? r.signal}):\n${r.stdout}${r.stderr}${r.error ?? ''}`);
  return r.stdout;
}

// The libpq URI of database `name` in the cluster named by `base` (a URI of any of its
// databases, as in SATSTORE_TEST_PG).
export function databaseUrl(base, name) {
  const m = /^([a-z]+:\/\/[^/?]*)(?:\/[^?]*)?(\?.*)?$/.exec(base);
  if (!m) throw new Error(`not a libpq URI: ${base}`);
  return `${m[1]}/${name}${m[2] ?? ''}`;
}

// Runs SQL through psql on the database `url`; returns the rows as psql's unaligned output
// (`a|b` per row, no header), like `sqlite3` prints them. Throws on any SQL error.
export function psql(url, statement) {
  const r = spawnSync('psql', ['-X', '-q', '-A', '-t', '-v', 'ON_ERROR_STOP=1', '-d', url, '-c', statement], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`psql failed (${r.status ?? r.signal}): ${statement}\n${r.stderr}${r.error ?? ''}`);
  return r.stdout.trimEnd();
}

// Database names are interpolated into SQL, so they are held to a safe alphabet.
function checkName(name) {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`bad database name: ${name}`);
  return name;
}

export function createDatabase(base, name) {
  psql(databaseUrl(base, 'postgres'), `CREATE DATABASE ${checkName(name)}`);
  return databaseUrl(base, name);
}

// FORCE: a server killed by a test may leave connections behind for a moment.
export function dropDatabase(base, name) {
  psql(databaseUrl(base, 'postgres'), `DROP DATABASE IF EXISTS ${checkName(name)} WITH (FORCE)`);
}

// Stops the cluster in `dir` (if it runs) and removes `dir`.
export function stopCluster(dir) {
  if (existsSync(join(dir, 'data', 'postmaster.pid'))) {
    // fast: roll back open transactions and disconnect clients, then a clean shutdown.
    runAsPostgres('pg_ctl', ['-D', join(dir, 'data'), '-m', 'fast', '-w', '-t', '60', 'stop']);
  }
  rmSync(dir, { recursive: true, force: true });
}

function startServerIn(dir, port) {
  const options = [`-p ${port}`, `-k ${dir}`, "-c listen_addresses=''", '-c max_connections=200'].join(' ');
  runAsPostgres('pg_ctl', ['-D', join(dir, 'data'), '-o', options, '-l', join(dir, 'server.log'), '-w', '-t', '60', 'start']);
}

// The cluster dir and port of a cluster URI (as in SATSTORE_TEST_PG).
function clusterOf(base) {
  const query = new URLSearchParams(base.split('?')[1] ?? '');
  return { dir: query.get('host'), port: Number(query.get('port')) };
}

// Stops the server of a running cluster, keeping its data: the database becomes unreachable
// (tests of what satstore does then). resumeCluster starts it again.
export function pauseCluster(base) {
  runAsPostgres('pg_ctl', ['-D', join(clusterOf(base).dir, 'data'), '-m', 'fast', '-w', '-t', '60', 'stop']);
}

export function resumeCluster(base) {
  const { dir, port } = clusterOf(base);
  startServerIn(dir, port);
}

// Creates and starts a cluster. Returns { dir, port, base, url(name), createDatabase(name),
// dropDatabase(name), stop() }; `base` is the value for SATSTORE_TEST_PG.
export function startPostgres() {
  if (!existsSync(join(pgBin, 'initdb'))) throw new Error(`PostgreSQL 15 is not installed (${pgBin}/initdb): apt-get install postgresql`);
  const dir = mkdtempSync(join(tmpdir(), 'satstore-pg-'));
  try {
    if (asRoot) {
      const uid = Number(spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).stdout);
      const gid = Number(spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).stdout);
      chownSync(dir, uid, gid);
    }
    // Only the socket file carries the port: any number will do, there is no TCP listener.
    const port = 20000 + Math.floor(Math.random() * 40000);
    runAsPostgres('initdb', ['-D', join(dir, 'data'), '-A', 'trust', '-U', superuser, '-E', 'UTF8', '--locale=C', '--no-sync']);
    startServerIn(dir, port);
    const base = `postgresql://${superuser}@/postgres?host=${dir}&port=${port}`;
    return {
      dir,
      port,
      base,
      url: (name) => databaseUrl(base, name),
      createDatabase: (name) => createDatabase(base, name),
      dropDatabase: (name) => dropDatabase(base, name),
      stop: () => stopCluster(dir),
    };
  } catch (e) {
    try { stopCluster(dir); } catch { /* the first error says more */ }
    throw e;
  }
}

// [SECTION] command line
async function main([command, ...args]) {
  if (command === 'start') {
    const pg = startPostgres();
    console.log(`export SATSTORE_TEST_PG='${pg.base}'\nexport SATSTORE_TEST_PG_DIR='${pg.dir}'`);
    return 0;
  }
  if (command === 'stop' && args.length === 1) {
    stopCluster(args[0]);
    return 0;
  }
  if (command === 'run' && args.length > 0) {
    const pg = startPostgres();
    console.error(`postgres: cluster in ${pg.dir} (SATSTORE_TEST_PG=${pg.base})`);
    try {
      const child = spawn(args[0], args.slice(1), { stdio: 'inherit', env: { ...process.env, SATSTORE_TEST_PG: pg.base } });
      // Ctrl+C reaches the child through the terminal; we only need to outlive it and clean up.
      for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
      const [code, signal] = await new Promise((r) => {
        child.once('exit', (c, s) => r([c, s]));
        child.once('error', (e) => { console.error(`postgres.mjs: ${args[0]}: ${e.message}`); r([127, null]); });
      });
      return code ?? (signal ? 1 : 0);
    } finally {
      pg.stop();
    }
  }
  console.error('usage: node tests/support/postgres.mjs start | stop DIR | run CMD [ARGS…]');
  return 2;
}

if (resolve(process.argv[1] ?? '') === fileURLToPath(import.meta.url)) {
  process.exitCode = await main(process.argv.slice(2));
}
