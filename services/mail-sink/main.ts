/** The mail sink as a process (the daemon starts it): see app.ts. */
import { runService } from '../kit/run-service.js';
import { mailSink } from './app.js';

await runService(mailSink);
