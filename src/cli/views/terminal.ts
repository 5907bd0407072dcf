/**
 * When ink can draw live. Under CI (the CI or CONTINUOUS_INTEGRATION variable, ink's own rule
 * from is-in-ci) ink keeps every frame to itself and prints only the last one when it exits:
 * a progress bar or a watch view would show nothing until the end, and a prompt would show
 * only after it was answered.
 */
const CI_VARIABLES = ['CI', 'CONTINUOUS_INTEGRATION'] as const;
const isSet = (name: string) => name in process.env && process.env[name] !== '0' && process.env[name] !== 'false';

const inCi = () => CI_VARIABLES.some(isSet);

/** Progress and watch views: ink on a terminal outside CI, plain lines otherwise. */
export const liveTerminal = (stream: NodeJS.WriteStream) => Boolean(stream.isTTY) && !inCi();

/**
 * Loads a view that a person at a terminal must answer (the password prompt), with ink drawing
 * live even when CI is set: is-in-ci reads the environment once, when ink is first loaded, so
 * the CI variables are hidden while the view (and with it ink) is imported. The caller checks
 * that stdin is a terminal first. Commands ask before they draw anything else with ink.
 */
export async function importPromptView<T>(load: () => Promise<T>): Promise<T> {
  const saved = CI_VARIABLES.map((name) => [name, process.env[name]] as const);
  for (const name of CI_VARIABLES) delete process.env[name];
  try {
    return await load();
  } finally {
    for (const [name, value] of saved) if (value !== undefined) process.env[name] = value;
  }
}
