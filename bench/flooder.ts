// Run by bench/flood.ts in a process of its own: sends COUNT joins as fast as it can, then waits to be cut off.
import { IO_CLIENT_JOIN_ROOM } from '../src/shared/messages';
import { connectClient } from '../test/helpers/testServer';

async function main(url: string, count: number): Promise<void> {
  const socket = await connectClient(url);
  const cutOff = new Promise<string>((resolve) => socket.on('disconnect', resolve));
  console.log('flooding');
  for (let i = 0; i < count; i += 1) socket.emit(IO_CLIENT_JOIN_ROOM, `flood-${i}`);
  const timeout = new Promise<string>((resolve) =>
    setTimeout(() => resolve('not cut off within 10 s'), 10_000),
  );
  console.log(`flooder: ${await Promise.race([cutOff, timeout])}`);
  socket.disconnect();
}

void main(process.argv[2], Number(process.argv[3]));
