/** The ACH service as a process (the daemon starts it): see app.ts. */
import { runService } from '../kit/run-service.js';
import { ach } from './app.js';

await runService(ach);
