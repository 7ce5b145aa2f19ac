/**
 * The worker thread's entry point: piscina calls the default export once
 * per work unit. The thread keeps fonts, layouts and modules warm between
 * units. (The PDF's bytes are copied back, well under a megabyte each.)
 */
import { runUnit, type UnitResult, type UnitTask } from "./run-unit.ts";

export default function run(task: UnitTask): Promise<UnitResult> {
  return runUnit(task);
}
