/**
 * The API schemas the services route with: the JSON compiled from src/api/*.ts
 * (src/generated/api-schemas.ts, `npm run gen:validators`), typed as those TypeBox definitions, so handlers
 * keep their types and an instance starts without loading TypeBox.
 */
import type * as AchSchemas from './ach.js';
import type * as AnalyticsSchemas from './analytics.js';
import type * as AuthSchemas from './auth.js';
import * as compiled from '../generated/api-schemas.js';
import type * as MailSinkSchemas from './mail-sink.js';
import type * as MessagingSchemas from './messaging.js';
import type * as SharedSchemas from './shared.js';

export const ach = compiled.ach as unknown as typeof AchSchemas;
export const analytics = compiled.analytics as unknown as typeof AnalyticsSchemas;
export const auth = compiled.auth as unknown as typeof AuthSchemas;
export const mailSink = compiled.mailSink as unknown as typeof MailSinkSchemas;
export const messaging = compiled.messaging as unknown as typeof MessagingSchemas;
export const shared = compiled.shared as unknown as typeof SharedSchemas;
