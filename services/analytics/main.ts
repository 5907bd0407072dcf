/** The analytics service as a process (the daemon starts it): see app.ts. */
import { runService } from '../kit/run-service.js';
import { analytics } from './app.js';

await runService(analytics);
