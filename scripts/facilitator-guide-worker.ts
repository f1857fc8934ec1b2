/**
 * Worker-thread entry for the facilitator guide: renders the section of each lesson id it is
 * sent (playing its strategies over 100 seeds), one reply per id, until it is ended.
 * Started by renderSectionsInParallel in write-facilitator-guide.ts.
 */
import { parentPort } from 'node:worker_threads';
import { builtinScenario } from '../src/scenarios/index';
import { lessonSection } from './write-facilitator-guide';

export type GuideWorkerReply = { ok: true; id: string; section: string } | { ok: false; id: string; message: string };

const port = parentPort!;
port.on('message', (id: string) => {
  let reply: GuideWorkerReply;
  try {
    reply = { ok: true, id, section: lessonSection(builtinScenario(id)) };
  } catch (e) {
    reply = { ok: false, id, message: (e as Error).message };
  }
  port.postMessage(reply);
});
