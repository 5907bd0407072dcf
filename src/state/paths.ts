/** The state dir's layout; deleting the dir resets the fleet. */
import path from 'node:path';

export function statePaths(stateDir: string) {
  const run = path.join(stateDir, 'run');
  return {
    root: stateDir,
    run,
    socket: path.join(run, 'hmsopsd.sock'),
    lock: path.join(run, 'hmsopsd.lock'),
    daemonInfo: path.join(run, 'hmsopsd.json'),
    instancesFile: path.join(run, 'instances.json'),
    fleetToken: path.join(run, 'fleet-token'),
    logs: path.join(stateDir, 'logs'),
    daemonLog: path.join(stateDir, 'logs', 'hmsopsd.log'),
    data: path.join(stateDir, 'data'),
    achOutbound: path.join(stateDir, 'ach', 'outbound'),
    mail: path.join(stateDir, 'mail'),
    keys: path.join(stateDir, 'keys'),
    credentials: path.join(stateDir, 'credentials.json'),
  };
}
export type StatePaths = ReturnType<typeof statePaths>;
