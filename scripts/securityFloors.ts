// The lowest versions this project accepts of the packages on its network path, each with what it answers.
// npm's audit service cannot be reached from the machines this project is built on, so CI checks every installed
// copy against these instead (scripts/checkSecurityFloors.ts). Raise a floor when an advisory is published.

export interface SecurityFloor {
  name: string;
  /** A semver range every installed copy must satisfy. */
  range: string;
  /** The advisories the floor answers, so the next person knows why it is there. */
  answers: string;
}

export const SECURITY_FLOORS: SecurityFloor[] = [
  {
    name: 'socket.io',
    range: '>=4.8.4',
    answers:
      'CVE-2024-38355 (a crafted packet naming the "error" event crashed the process; fixed in 4.6.2), and the ' +
      'engine.io / socket.io-parser fixes below, which 4.8.4 requires',
  },
  {
    name: 'engine.io',
    range: '>=6.6.10',
    answers:
      'CVE-2022-21676 (websocket frame with reserved bits crashed the process; 6.1.1), CVE-2022-41940 (crafted ' +
      'HTTP request crashed the process; 6.2.1), CVE-2023-31125 (crafted upgrade request crashed the process; ' +
      '6.4.2), and later fixes up to 6.6.10',
  },
  {
    name: 'socket.io-parser',
    range: '>=4.2.7',
    answers:
      'CVE-2022-2421 (binary placeholders could point at functions; 4.2.1), CVE-2023-32695 (a crafted packet ' +
      'crashed the process; 4.2.3), CVE-2026-33151 (unbounded binary attachments exhausted memory; 4.2.6), and 4.2.7',
  },
  {
    name: 'ws',
    range: '>=8.21.0',
    answers:
      'CVE-2024-37890 (an upgrade request with many headers crashed the server; 8.17.1), CVE-2021-32640 (ReDoS ' +
      'in Sec-WebSocket-Protocol; 7.4.6), and later fixes up to 8.21.0',
  },
  {
    name: 'compression',
    range: '>=1.8.1',
    answers:
      'CVE-2025-7339 (on-headers let response headers be altered; compression 1.8.1 depends on the fix)',
  },
  {
    name: 'express',
    range: '>=5.1.0 || >=4.22.0 <5',
    answers:
      'CVE-2024-43796 (XSS through res.redirect), CVE-2024-45590 (body-parser denial of service), CVE-2024-47764 ' +
      '(cookie), and later fixes: 5.1 on the 5.x line, 4.22 on the 4.x line that webpack-dev-server brings',
  },
];
