// What the status line says while a run reports progress ({step, total, loss?, stage?} from the core): the step,
// the loss or what the run is busy with, and, once it has run for 0.3 s, the time left at the rate so far
// (display arithmetic on the core's own counts). The clock starts at the run's first report, so the time the
// engine took to load is not counted as the run's.
import { strings } from './strings.js';

export const ESTIMATE_AFTER_MS = 300;

// Milliseconds left at the rate so far: elapsed × (steps left) / (steps done since the first report), or null.
export function timeLeftMs(elapsedMs, stepsDone, stepsLeft) {
  if (!(elapsedMs >= ESTIMATE_AFTER_MS) || !(stepsDone > 0) || !(stepsLeft >= 0)) return null;
  return (elapsedMs * stepsLeft) / stepsDone;
}

// A clock for one run: text(update) is the status line for the latest report.
export function progressClock(now = () => performance.now()) {
  let first = null;  // {at, step} of the first report
  return {
    text(update) {
      if (!first) first = { at: now(), step: update.step };
      const elapsed = now() - first.at;
      const parts = [strings.exercise.step(update.step, update.total, update.loss)];
      if (typeof update.stage === 'string' && update.stage) parts.push(update.stage);
      const left = timeLeftMs(elapsed, update.step - first.step, update.total - update.step);
      if (left !== null) parts.push(strings.progress.left(left), strings.progress.elapsed(elapsed));
      return parts.join(' · ');
    },
  };
}
