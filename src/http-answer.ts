/**
 * One HTTP request sent and its whole answer read, for the clients on node:http (the SDK, the
 * control client). A connection refused, cut mid-answer (ECONNRESET) or silent past the request's
 * `timeout` rejects: a cut answer emits its error on the response only, which an unread one never
 * says, so a caller left without a listener there waited for ever.
 */
import type http from 'node:http';

/** An answer as it came: the status and the body's text. */
export interface Answer {
  status: number;
  text: string;
}

/** Ends `req` with `body` and reads the answer; `timedOut` is the error for a request silent past its `timeout` option. */
export function readAnswer(req: http.ClientRequest, body: string | undefined, timedOut: () => Error): Promise<Answer> {
  return new Promise<Answer>((resolve, reject) => {
    req.on('response', (res) => {
      res.setEncoding('utf8');
      let text = '';
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(timedOut()));
    req.on('error', reject);
    req.end(body);
  });
}
