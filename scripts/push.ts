// npm run push -- --to <user id> "Your report is ready"   [--kind info|warning|redirect] [--path /?room=lobby]
// Calls POST /api/push on the running server (PUSH_URL, else http://localhost:PORT) with PUSH_TOKEN, and prints
// its answer. The user id is the one the page shows under "Your id"; `--to '*'` reaches everyone. For trying
// push by hand; any program that can send HTTP can do the same.
import { readPort } from '../src/shared/readPort';

interface Options {
  to?: string;
  kind: string;
  path?: string;
  text: string[];
}

function parse(args: string[]): Options {
  const options: Options = { kind: 'info', text: [] };
  for (let i = 0; i < args.length; i += 1) {
    const flag = args[i];
    if (flag === '--to' || flag === '--kind' || flag === '--path') {
      const value = args[(i += 1)];
      if (value === undefined) throw new Error(`${flag} needs a value.`);
      options[flag.slice(2) as 'to' | 'kind' | 'path'] = value;
    } else {
      options.text.push(flag);
    }
  }
  return options;
}

async function main(): Promise<number> {
  const { to, kind, path, text } = parse(process.argv.slice(2));
  const token = process.env.PUSH_TOKEN;
  if (!token) throw new Error('Set PUSH_TOKEN to the token the server was started with.');
  if (!to || text.length === 0)
    throw new Error(
      'Usage: npm run push -- --to <user id|*> [--kind info|warning|redirect] [--path /…] "text"',
    );
  const url = process.env.PUSH_URL ?? `http://localhost:${readPort(process.env.PORT)}`;

  const response = await fetch(`${url}/api/push`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify({
      to,
      kind,
      text: text.join(' '),
      ...(path === undefined ? {} : { path }),
    }),
  });
  console.log(`${response.status} ${await response.text()}`);
  return response.ok ? 0 : 1;
}

main().then(
  (code) => (process.exitCode = code),
  (error: Error) => {
    console.error(error.message);
    process.exitCode = 1;
  },
);
