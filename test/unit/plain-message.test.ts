import { describe, expect, it } from 'vitest';
import { envelopeAddress, plainMessage, rfc5322Date } from '../../services/messaging/plain-message.js';

const base = {
  from: 'hmsops <noreply@hmsops.local>',
  to: 'r1@grantee.example',
  subject: 'Grant: payment of $5,000.00 sent',
  text: 'Dear Ann,\n\nSent.\n.\nBye',
  messageId: '<em_1@hmsops.local>',
  date: new Date('2026-11-24T16:05:09Z'),
};

describe('plain notice messages', () => {
  it('writes the usual notice as RFC 5322 text with CRLF lines and a 7bit body', () => {
    const raw = plainMessage(base)!;
    const end = raw.indexOf('\r\n\r\n');
    const [head, body] = [raw.slice(0, end), raw.slice(end + 4)];
    expect(head.split('\r\n')).toEqual([
      'From: hmsops <noreply@hmsops.local>',
      'To: r1@grantee.example',
      'Subject: Grant: payment of $5,000.00 sent',
      'Message-ID: <em_1@hmsops.local>',
      'Date: Tue, 24 Nov 2026 16:05:09 +0000',
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=utf-8',
      'Content-Transfer-Encoding: 7bit',
    ]);
    expect(body).toBe('Dear Ann,\r\n\r\nSent.\r\n.\r\nBye\r\n'); // dot-stuffing is left to the SMTP layer
    expect(raw).not.toMatch(/[^\r]\n/);
  });

  it('leaves anything that needs MIME encoding to nodemailer', () => {
    expect(plainMessage({ ...base, text: 'Dear José' })).toBeUndefined();
    expect(plainMessage({ ...base, subject: 'Paiement envoyé' })).toBeUndefined();
    expect(plainMessage({ ...base, subject: 'a\r\nBcc: x@evil.example' })).toBeUndefined();
    expect(plainMessage({ ...base, text: 'x'.repeat(999) })).toBeUndefined();
    expect(plainMessage({ ...base, from: 'Zoë <z@x.example>' })).toBeUndefined();
  });

  it('formats dates with a two-digit day and the envelope address without the name', () => {
    expect(rfc5322Date(new Date('2026-01-02T03:04:05Z'))).toBe('Fri, 02 Jan 2026 03:04:05 +0000');
    expect(envelopeAddress('hmsops <noreply@hmsops.local>')).toBe('noreply@hmsops.local');
    expect(envelopeAddress('noreply@hmsops.local')).toBe('noreply@hmsops.local');
  });
});
