// Memory of a server started through `sh -c`: dash execs a lone command, other shells fork it, and npm or ts-node
// may add processes of their own, so the process to weigh is found by what it does, listen on the port, rather
// than by its place in the tree. Linux only: everything here comes from /proc.
import fs from 'node:fs';
import { groupMembers } from '../test/helpers/serverProcess';

const LISTEN = '0A'; // TCP_LISTEN in /proc/net/tcp's "st" column

/** The inodes of the sockets listening on the port, on IPv4 or IPv6 (Node's default `::` is IPv6). */
function listeningInodes(port: number): Set<string> {
  const inodes = new Set<string>();
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    const rows = fs.existsSync(table)
      ? fs.readFileSync(table, 'utf8').trim().split('\n').slice(1)
      : [];
    for (const row of rows) {
      // sl local_address rem_address st tx:rx tr:tm retrnsmt uid timeout inode ...
      const [, local, , state, , , , , , inode] = row.trim().split(/\s+/);
      if (state === LISTEN && parseInt(local.slice(local.lastIndexOf(':') + 1), 16) === port) {
        inodes.add(inode);
      }
    }
  }
  return inodes;
}

function socketInodesOf(pid: number): string[] {
  try {
    return fs.readdirSync(`/proc/${pid}/fd`).flatMap((fd) => {
      try {
        const target = fs.readlinkSync(`/proc/${pid}/fd/${fd}`);
        return target.startsWith('socket:[') ? [target.slice(8, -1)] : [];
      } catch {
        return []; // closed while we looked
      }
    });
  } catch {
    return []; // exited while we looked
  }
}

/** VmRSS in KiB, or 0 for a process that is gone (or a kernel thread, which has none). */
export function rssKiB(pid: number): number {
  try {
    const match = /^VmRSS:\s+(\d+) kB$/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

export interface GroupMemory {
  /** The process that holds the listening socket. */
  listener: number;
  listenerKiB: number;
  /** Every running process of the group together: the shell, wrappers, workers. */
  groupKiB: number;
}

export function groupMemory(group: number, port: number): GroupMemory {
  const inodes = listeningInodes(port);
  const members = groupMembers(group);
  const listener = members.find((pid) => socketInodesOf(pid).some((inode) => inodes.has(inode)));
  if (listener === undefined) {
    throw new Error(
      `No process of group ${group} (${members.join(', ') || 'none left'}) listens on port ${port}.`,
    );
  }
  const groupKiB = members.reduce((sum, pid) => sum + rssKiB(pid), 0);
  return { listener, listenerKiB: rssKiB(listener), groupKiB };
}
