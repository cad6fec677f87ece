/** Holds the tracker lock of a database until killed, as a daemon would.   node --import tsx lockHolder.ts <db> */
import { acquireTrackerLock } from '../../main/store/index.js';

acquireTrackerLock(process.argv[2]!, 'daemon');
process.stdout.write('held\n');
setInterval(() => {}, 1 << 30);
