import { stopAllProcesses } from '../helpers/serverProcess';

// A browser test waits on real processes: a build, a restart, the client's reconnect back-off (up to 5 s).
jest.setTimeout(90_000);

afterAll(stopAllProcesses);
