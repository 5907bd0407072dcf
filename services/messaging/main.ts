/** The messaging service as a process (the daemon starts it): see app.ts. */
import { runService } from '../kit/run-service.js';
import { messaging } from './app.js';

await runService(messaging);
