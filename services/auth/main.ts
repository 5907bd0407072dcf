/** The auth service as a process (the daemon starts it): see app.ts. */
import { runService } from '../kit/run-service.js';
import { auth } from './app.js';

await runService(auth);
